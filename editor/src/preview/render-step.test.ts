import type { Sequence } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { SAMPLE_CONTACTS } from '../contacts/samples.ts';
import { previewStep } from './render-step.ts';

const kim = SAMPLE_CONTACTS.find((s) => s.key === 'kim-full')?.contact ?? {};
const lee = SAMPLE_CONTACTS.find((s) => s.key === 'lee-no-name')?.contact ?? {};

const sequence = {
  version: 1,
  id: 'welcome',
  name: '환영 시퀀스',
  settings: {
    sender: { name: '넛지 팀', email: 'team@example.com' },
    variables: { 고객명: 'contact.name' },
  },
  nodes: [],
  edges: [],
} as unknown as Sequence;

describe('previewStep', () => {
  it('renders an email for a contact as the worker does, with its plain-text part', () => {
    const preview = previewStep(
      sequence,
      {
        type: 'email',
        data: {
          subject: '{{ 고객명 }}님, 안녕하세요',
          body: '<p>{{ contact.company }}의 {{ 고객명 }}님께</p>',
          format: 'html',
        },
      },
      kim,
    );
    if (!('email' in preview)) throw new Error('not an email');
    expect(preview.email.subject).toBe('김민지님, 안녕하세요');
    expect(preview.email.html).toContain('<p>한빛소프트의 김민지님께</p>');
    expect(preview.email.text).toContain('한빛소프트의 김민지님께');
    expect(preview.email.from).toEqual({ name: '넛지 팀', email: 'team@example.com' });
    expect(preview.empty).toEqual([]);
  });

  it('lists each variable that rendered empty once, with the field it reads and where', () => {
    const preview = previewStep(
      sequence,
      {
        type: 'email',
        data: {
          subject: '{{ 고객명 }}님, 안녕하세요',
          body: '{{ 고객명 }}님 {{ owner.name }}',
          format: 'text',
        },
      },
      lee,
    );
    if (!('email' in preview)) throw new Error('not an email');
    expect(preview.email.subject).toBe('님, 안녕하세요');
    expect(preview.empty).toEqual([
      { name: '고객명', path: 'contact.name', fields: ['subject', 'body'] },
      { name: 'owner.name', path: 'contact.owner.name', fields: ['body'] },
    ]);
  });

  it('sizes an SMS as it renders, and shows AlimTalk buttons and the fallback', () => {
    const sms = previewStep(
      sequence,
      { type: 'sms', data: { body: '{{ 고객명 }}님 안녕하세요' } },
      kim,
    );
    expect(sms).toMatchObject({
      channel: 'sms',
      text: '김민지님 안녕하세요',
      size: { class: 'sms' },
    });
    const kakao = previewStep(
      sequence,
      {
        type: 'kakao',
        data: {
          templateCode: 'T1',
          body: '{{ 고객명 }}님, 예약이 확정되었습니다',
          buttons: [{ name: '예약 보기', url: 'https://example.com/r/{{ contact.id }}' }],
          fallbackSms: '{{ 고객명 }}님 예약 확정',
        },
      },
      kim,
    );
    expect(kakao).toMatchObject({
      channel: 'kakao',
      kakao: {
        text: '김민지님, 예약이 확정되었습니다',
        buttons: [{ name: '예약 보기', url: 'https://example.com/r/sample-kim' }],
        fallbackSms: '김민지님 예약 확정',
      },
    });
  });

  it('names the field of a template that does not parse', () => {
    const preview = previewStep(sequence, { type: 'sms', data: { body: '{{ 고객명 ' } }, kim);
    expect(preview).toMatchObject({ channel: 'sms', failed: { field: 'body' } });
  });
});
