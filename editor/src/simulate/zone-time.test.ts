import { describe, expect, it } from 'vitest';
import { scriptedEvents } from './script.ts';
import { contactZone, instantOf, wallTime } from './zone-time.ts';

describe('wall time in a zone', () => {
  it('reads and writes the datetime-local value in the contact’s zone', () => {
    const at = Date.parse('2026-01-05T00:00:00Z');
    expect(wallTime(at, 'Asia/Seoul')).toBe('2026-01-05T09:00');
    expect(instantOf('2026-01-05T09:00', 'Asia/Seoul')).toBe(at);
  });

  it('gets DST right on either side of the change', () => {
    expect(new Date(instantOf('2026-03-07T09:00', 'America/New_York') ?? 0).toISOString()).toBe(
      '2026-03-07T14:00:00.000Z',
    );
    expect(new Date(instantOf('2026-03-09T09:00', 'America/New_York') ?? 0).toISOString()).toBe(
      '2026-03-09T13:00:00.000Z',
    );
    expect(instantOf('not a time', 'UTC')).toBeNull();
  });

  it('takes the contact’s zone unless the sequence says not to, or it is not a zone', () => {
    expect(contactZone({ timezone: 'Asia/Seoul' }, { timezone: 'Europe/Paris' })).toBe(
      'Europe/Paris',
    );
    expect(
      contactZone(
        { timezone: 'Asia/Seoul', useContactTimezone: false },
        { timezone: 'Europe/Paris' },
      ),
    ).toBe('Asia/Seoul');
    expect(contactZone({ timezone: 'Asia/Seoul' }, { timezone: 'Mars/Base' })).toBe('Asia/Seoul');
    expect(contactZone(undefined, {})).toBe('UTC');
  });
});

describe('scriptedEvents', () => {
  it('turns "replied on guide after 5 days" into an event at its instant', () => {
    expect(
      scriptedEvents(
        [
          { key: 1, type: 'opened', node: '', amount: 2, unit: 'hours' },
          { key: 2, type: 'replied', node: 'guide', amount: 5, unit: 'days' },
          { key: 3, type: 'clicked', node: '', amount: Number.NaN, unit: 'days' },
        ],
        '2026-01-05T00:00:00.000Z',
      ),
    ).toEqual([
      { type: 'opened', at: '2026-01-05T02:00:00.000Z' },
      { type: 'replied', at: '2026-01-10T00:00:00.000Z', node: 'guide' },
    ]);
  });
});
