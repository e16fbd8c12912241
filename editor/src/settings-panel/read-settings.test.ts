import { describe, expect, it } from 'vitest';
import { readBasics, readSettings, settingsAreObject } from './read-settings.ts';

const DEFAULTS = {
  timezone: 'UTC',
  useContactTimezone: true,
  holidays: [],
  sender: { name: '', email: '', replyTo: '' },
  exit: { onReply: true, onBounce: true, onOpen: false, onClick: false, goal: undefined },
  enrollment: { allowReenroll: false, exclusiveGroup: '' },
  tracking: { opens: true, clicks: true },
};

describe('reading settings', () => {
  it("shows the format's defaults for a new sequence", () => {
    expect(readSettings(undefined)).toEqual(DEFAULTS);
    expect(readSettings({})).toEqual(DEFAULTS);
  });

  it('shows what a filled file says', () => {
    const view = readSettings({
      timezone: 'Asia/Seoul',
      useContactTimezone: false,
      holidays: ['KR', 'US'],
      sender: { name: '김영업', email: 'sales@example.kr', replyTo: 'reply@example.kr' },
      exit: { onReply: false, onOpen: true, goal: { event: 'replied' } },
      enrollment: { allowReenroll: true, exclusiveGroup: 'onboarding' },
      tracking: { clicks: false },
    });
    expect(view).toEqual({
      timezone: 'Asia/Seoul',
      useContactTimezone: false,
      holidays: ['KR', 'US'],
      sender: { name: '김영업', email: 'sales@example.kr', replyTo: 'reply@example.kr' },
      exit: {
        onReply: false,
        onBounce: true,
        onOpen: true,
        onClick: false,
        goal: { event: 'replied' },
      },
      enrollment: { allowReenroll: true, exclusiveGroup: 'onboarding' },
      tracking: { opens: true, clicks: false },
    });
  });

  it('does not crash on junk, and shows defaults or empty where the file is wrong', () => {
    for (const junk of [null, 'x', 42, [], true, { sender: 'me', exit: [1], tracking: null }])
      expect(() => readSettings(junk)).not.toThrow();
    const view = readSettings({
      timezone: 9,
      useContactTimezone: 'yes',
      holidays: ['KR', 7, null],
      sender: { name: ['x'], email: 5 },
      exit: { onReply: 'no' },
      enrollment: { exclusiveGroup: null },
    });
    expect(view.timezone).toBe('');
    expect(view.useContactTimezone).toBe(true);
    expect(view.holidays).toEqual(['KR']);
    expect(view.sender).toEqual({ name: '', email: '', replyTo: '' });
    expect(view.exit.onReply).toBe(true);
    expect(view.enrollment.exclusiveGroup).toBe('');
  });

  it('reads the name and description as text only', () => {
    expect(readBasics({ name: '신규 고객 온보딩', description: '첫 주' })).toEqual({
      name: '신규 고객 온보딩',
      description: '첫 주',
    });
    expect(readBasics({ name: 5, description: { a: 1 } })).toEqual({ name: '', description: '' });
    expect(readBasics({})).toEqual({ name: '', description: '' });
  });

  it('tells settings that are no object', () => {
    expect(settingsAreObject(undefined)).toBe(true);
    expect(settingsAreObject({})).toBe(true);
    expect(settingsAreObject('x')).toBe(false);
    expect(settingsAreObject([])).toBe(false);
    expect(settingsAreObject(null)).toBe(false);
  });
});
