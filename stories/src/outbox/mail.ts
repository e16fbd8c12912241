import type { OutboxEntry, OutboxMessage } from '@nudge/editor';

/** Captured mail as GET /api/outbox and /api/outbox/:id answer, for the outbox stories. */

export const entries: OutboxEntry[] = [
  {
    id: 42,
    messageId: '<42@nudge.example>',
    to: '김민준 <minjun@hanbit.example>',
    from: '넛지 김지훈 <jihoon@nudge.example>',
    subject: '김민준님, 한빛물류 팀을 위한 10분 시작 가이드',
    sentAt: '2026-01-15T00:00:00.000Z',
    enrollmentId: '0b6f2f6e-0d5c-4c59-9a53-6f0f8f1f2a01',
    sequenceId: 'cold-mail',
    node: 'guide',
  },
  {
    id: 41,
    messageId: '<41@nudge.example>',
    to: 'Seo-yeon Lee <seoyeon@hanbit.example>',
    from: '넛지 김지훈 <jihoon@nudge.example>',
    subject: '',
    sentAt: '2026-01-12T00:00:00.000Z',
    sequenceId: 'cold-mail',
    node: 'welcome',
  },
];

/** The first entry, whole: its HTML carries the tracking pixel and a few things a mail should not. */
export const message: OutboxMessage = {
  ...(entries[0] as OutboxEntry),
  cc: '이서연 <seoyeon@hanbit.example>',
  headers: [{ name: 'Subject', value: '김민준님, 한빛물류 팀을 위한 10분 시작 가이드' }],
  text: '김민준님, 안녕하세요.\n\n한빛물류 팀을 위한 시작 가이드를 보내 드립니다.',
  html: [
    '<link rel="stylesheet" href="https://cdn.example/mail.css">',
    '<p style="color: #1e293b">김민준님, 안녕하세요.</p>',
    '<p>한빛물류 팀을 위한 <a href="https://nudge.example/t/c/abc">시작 가이드</a>를 보내 드립니다.</p>',
    '<script>document.title = "ran"</script>',
    '<img src="https://nudge.example/t/o/abc.gif" width="1" height="1" alt="">',
  ].join(''),
};
