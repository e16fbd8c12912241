import type { Sequence } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate.ts';
import { describeEntry } from '../timeline-text/index.ts';

/** An advertising email sent at once on enrollment. */
const sale = {
  format: 'nudge.sequence/v1',
  name: 'Spring sale',
  settings: { advertising: true, sender: { name: '봄상회', email: 'sale@hanbit.example' } },
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    {
      id: 'mail',
      type: 'email',
      data: { subject: '(광고) 봄 세일', body: '수신거부', format: 'text', mode: 'auto' },
    },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'mail' }],
} as unknown as Sequence;

const run = (attributes: Record<string, unknown>) =>
  simulate({
    sequence: sale,
    contact: { id: 'c', email: 'c@hanbit.example', timezone: 'Asia/Seoul', attributes },
    start: '2026-03-02T23:10:00+09:00',
    until: '2026-03-04T00:00:00+09:00',
  });

describe('the simulated timeline of an advertising send at night', () => {
  it('shows it sent at 08:00, held for the night, in English and Korean', () => {
    const send = run({}).timeline.find((e) => e.action === 'send');
    expect(send?.local.slice(0, 16)).toBe('2026-03-03T08:00');
    expect(send?.deferred?.reasons).toEqual([{ code: 'night_ads', date: '2026-03-02' }]);
    expect(describeEntry(send as never, 'Asia/Seoul', 'en').at(-1)?.text).toBe(
      '(deferred from Mon 23:10: no advertising at night (21:00-08:00))',
    );
    expect(describeEntry(send as never, 'Asia/Seoul', 'ko').at(-1)?.text).toBe(
      '(월 23:10에서 미뤄짐: 야간 광고 제한(21:00~08:00))',
    );
  });

  it('sends at once to a contact who consented to night-time advertising', () => {
    const send = run({ nightAdsConsent: true }).timeline.find((e) => e.action === 'send');
    expect(send?.local.slice(0, 16)).toBe('2026-03-02T23:10');
    expect(send?.deferred).toBeUndefined();
  });
});
