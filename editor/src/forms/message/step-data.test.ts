import { validateSequence } from '@nudge/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultData } from '../../commands/default-data.ts';
import { readEmail, readKakao, readSms, readTask } from './step-data.ts';

const readers = { email: readEmail, sms: readSms, kakao: readKakao, task: readTask };

/** The shape problems the validator finds in one step's data (not its values: empty texts are for the author to fill). */
function shapeProblems(type: string, data: unknown) {
  const { errors } = validateSequence({
    format: 'nudge.sequence/v1',
    name: 'Shape',
    nodes: [
      { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
      { id: 'step', type, data },
    ],
    edges: [{ id: 'e1', source: 'start', target: 'step' }],
  });
  return errors.filter((p) =>
    ['missing_property', 'unknown_property', 'invalid_type'].includes(p.code),
  );
}

describe('reading a message step', () => {
  it('gives data of the right shape, whatever an opened file holds', () => {
    for (const [type, read] of Object.entries(readers))
      fc.assert(
        fc.property(fc.anything(), (junk) => {
          expect(shapeProblems(type, read(junk)), type).toEqual([]);
        }),
        { numRuns: 60 },
      );
  });

  it('reads a new step as it is, except an empty subject, which it leaves out', () => {
    expect(readEmail(defaultData('email'))).toEqual({ body: '', format: 'text', mode: 'auto' });
    expect(readSms(defaultData('sms'))).toEqual(defaultData('sms'));
    expect(readKakao(defaultData('kakao'))).toEqual(defaultData('kakao'));
    expect(readTask(defaultData('task'))).toEqual(defaultData('task'));
  });

  it('keeps every field of valid data, in the format order', () => {
    const email = {
      subject: '{{고객명}}님, 제안서 보내드립니다',
      body: '<p>안녕하세요</p>',
      format: 'html',
      mode: 'manual',
      from: { name: '김민지', email: 'minji@acme.kr' },
      replyTo: 'sales@acme.kr',
      cc: ['team@acme.kr'],
      bcc: [],
    };
    expect(readEmail(email)).toEqual(email);
    expect(Object.keys(readEmail({ ...email, bcc: undefined, subject: 'x' }))).toEqual([
      'subject',
      'body',
      'format',
      'mode',
      'from',
      'replyTo',
      'cc',
    ]);
    const kakao = {
      templateCode: 'RENEW_01',
      body: '#{고객명}님',
      buttons: [{ name: '갱신하기', url: 'https://acme.kr/r/{{ contact.id }}' }],
      fallbackSms: '[acme] 갱신 안내',
      mode: 'auto',
    };
    expect(readKakao(kakao)).toEqual(kakao);
    const task = {
      kind: 'manual_email',
      title: '전화 드리기',
      note: '',
      assignee: 'owner',
      waitForCompletion: false,
    };
    expect(readTask(task)).toEqual(task);
  });

  it('keeps wrong texts for the validator to point at, and drops what is not text', () => {
    expect(
      readEmail({
        subject: 7,
        body: ['x'],
        format: 'markdown',
        mode: null,
        from: 'minji@acme.kr',
        replyTo: 'not an address',
        cc: ['ok@acme.kr', 3, 'wrong'],
        bcc: 'b@acme.kr',
        typo: true,
      }),
    ).toEqual({
      body: '',
      format: 'text',
      mode: 'auto',
      replyTo: 'not an address',
      cc: ['ok@acme.kr', 'wrong'],
    });
    expect(readTask({ kind: 'meeting', assignee: 'bob', waitForCompletion: 'yes' })).toEqual({
      kind: 'other',
      title: '',
      assignee: 'bob',
    });
  });

  it('keeps each AlimTalk button in its place, junk included', () => {
    expect(readKakao({ buttons: [null, { name: '보기' }, { url: 'https://a.kr', x: 1 }] })).toEqual(
      {
        templateCode: '',
        body: '',
        buttons: [
          { name: '', url: '' },
          { name: '보기', url: '' },
          { name: '', url: 'https://a.kr' },
        ],
        mode: 'auto',
      },
    );
  });

  it('reads anything that is not an object as a new, empty step', () => {
    for (const junk of [undefined, null, 'email', 42, []])
      expect(readSms(junk)).toEqual({ body: '', mode: 'auto' });
  });
});
