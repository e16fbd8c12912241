import { describe, expect, it } from 'vitest';
import { checkEvents } from './events-input.ts';

const nodes = new Set(['welcome', 'offer']);
const problems = (value: unknown) => {
  const checked = checkEvents(value, nodes);
  return checked.ok ? [] : checked.problems;
};

describe('checkEvents', () => {
  it('takes the events of FORMAT.md section 6 and passes their times on in UTC', () => {
    expect(
      checkEvents(
        [
          { at: '2026-01-05T10:12+09:00', type: 'opened', node: 'welcome' },
          { at: '2026-01-06T00:00:00Z', type: 'custom', name: 'demo_booked' },
          { at: '2026-01-07T08:00:00.5-05:00', type: 'unsubscribed' },
        ],
        nodes,
      ),
    ).toEqual({
      ok: true,
      events: [
        { at: '2026-01-05T01:12:00.000Z', type: 'opened', node: 'welcome' },
        { at: '2026-01-06T00:00:00.000Z', type: 'custom', name: 'demo_booked' },
        { at: '2026-01-07T13:00:00.500Z', type: 'unsubscribed' },
      ],
    });
    expect(checkEvents([], nodes)).toEqual({ ok: true, events: [] });
  });

  it('names each problem by the index of its event', () => {
    expect(
      problems([
        { at: '2026-01-05T10:12+09:00', type: 'opened' },
        { type: 'open', when: 'x' },
        { at: '2026-01-05', type: 'custom' },
        { at: '2026-01-05T10:12Z', type: 'replied', node: 'welcom', name: 'x' },
        { at: 5, type: 'clicked', node: 3 },
        'opened',
      ]),
    ).toEqual([
      '[1]: unknown property "when" (allowed: at, type, node, name)',
      '[1].at is required',
      '[1].type must be one of delivered, opened, clicked, replied, bounced, unsubscribed, custom (found "open")',
      '[2].at is not an ISO 8601 time with an offset or Z, such as "2026-01-05T09:00+09:00"',
      '[2].name is required for a custom event',
      '[3].node "welcom" is not a node of the sequence',
      '[3].name is only for custom events (this one is "replied")',
      '[4].at is not an ISO 8601 time with an offset or Z, such as "2026-01-05T09:00+09:00"',
      '[4].node must be a node id (a string)',
      '[5] must be an object such as {"at": "2026-01-05T09:00+09:00", "type": "opened", "node": "welcome"}',
    ]);
  });

  it('leaves node ids alone when there is no sequence to check them against', () => {
    const event = { at: '2026-01-05T10:12:00.000Z', type: 'opened', node: 'anything' };
    expect(checkEvents([event], null)).toEqual({ ok: true, events: [event] });
  });

  it('wants an array', () => {
    expect(problems({ at: '2026-01-05T10:12Z', type: 'opened' })).toEqual([
      expect.stringMatching(/^events are a JSON array such as \[\{"at"/),
    ]);
  });
});
