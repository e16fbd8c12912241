import { validateSequence } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n.ts';
import { problemDetail } from './title.ts';

/** The warnings of a one-email sequence with this subject and an SMS with this text. */
function warnings(subject: string, sms: string) {
  return validateSequence({
    format: 'nudge.sequence/v1',
    name: 'Details',
    nodes: [
      { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
      { id: 'hi', type: 'email', data: { subject, body: 'Hi', format: 'text', mode: 'auto' } },
      { id: 'text', type: 'sms', data: { body: sms, mode: 'auto' } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'hi' },
      { id: 'e2', source: 'hi', target: 'text' },
    ],
  }).warnings;
}

describe('problemDetail', () => {
  const found = [
    ...warnings('{{고객명}}님, 안녕하세요', '안내드립니다 {{ 담당자명 }}'),
    ...warnings('{{ contact.name }}', 'Hi'),
  ];

  it('reads in English exactly as the validator’s message', () => {
    expect(found.map((p) => p.params?.at)).toEqual(['start', 'end', 'only']);
    const t = i18n.getFixedT('en');
    for (const problem of found) expect(problemDetail(problem, t)).toBe(problem.message);
  });

  it('speaks Korean, with the field named in Korean and the values as they are', () => {
    const t = i18n.getFixedT('ko');
    expect(found.map((p) => problemDetail(p, t))).toEqual([
      '제목 맨 앞의 {{ 고객명 }}에 기본값이 없습니다. 이 값이 없는 연락처는 "님, 안녕하세요"만 받습니다. | default: "고객" 필터를 붙이세요.',
      '내용 맨 끝의 {{ 담당자명 }}에 기본값이 없습니다. 이 값이 없는 연락처는 "안내드립니다"만 받습니다. | default: "담당자" 필터를 붙이세요.',
      '제목에 기본값 없는 {{ contact.name }}만 있습니다. 이 값이 없는 연락처가 받는 제목: (비어 있음). | default: "…" 필터를 붙이세요.',
    ]);
  });

  it('speaks Korean for every other problem too, from the same params', () => {
    const t = i18n.getFixedT('ko');
    const { errors } = validateSequence({
      format: 'nudge.sequence/v1',
      name: 'Loop',
      nodes: [
        { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
        { id: 'wait', type: 'delay', data: { amount: 1, unit: 'days' } },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'wait' },
        { id: 'e2', source: 'wait', target: 'ghost' },
      ],
    });
    expect(errors.map((p) => problemDetail(p, t))).toEqual([
      '연결선이 가리키는 "ghost" 단계가 이 시퀀스에 없습니다.',
    ]);
    expect(errors.map((p) => problemDetail(p, i18n.getFixedT('en')))).toEqual([
      'the target "ghost" is not a node of this sequence',
    ]);
  });

  it('keeps the validator’s message for a problem without params', () => {
    const t = i18n.getFixedT('ko');
    const problem = { severity: 'error', code: 'cycle', message: 'a loop', pointer: '' } as const;
    expect(problemDetail(problem, t)).toBe('a loop');
  });
});
