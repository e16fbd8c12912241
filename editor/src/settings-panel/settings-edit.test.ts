import { validateSequence } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { withGroupValue, withSetting } from './settings-edit.ts';

/** Whether the validator accepts these settings in an otherwise valid sequence. */
function valid(settings: unknown): boolean {
  const file = {
    format: 'nudge.sequence/v1',
    name: 'Test',
    ...(settings === undefined ? {} : { settings }),
    nodes: [{ id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } }],
    edges: [],
  };
  return validateSequence(file).errors.length === 0;
}

describe('writing a setting', () => {
  it('writes a value that differs from the default', () => {
    expect(withSetting(undefined, 'timezone', 'Asia/Seoul')).toEqual({ timezone: 'Asia/Seoul' });
    expect(withSetting(undefined, 'useContactTimezone', false)).toEqual({
      useContactTimezone: false,
    });
    expect(withSetting({}, 'holidays', ['KR'])).toEqual({ holidays: ['KR'] });
  });

  it('leaves out a value equal to its default, and the settings when nothing remains', () => {
    expect(withSetting({ timezone: 'Asia/Seoul' }, 'timezone', 'UTC')).toBeUndefined();
    expect(withSetting({ useContactTimezone: false }, 'useContactTimezone', true)).toBeUndefined();
    expect(withSetting({ holidays: ['KR'], timezone: 'Asia/Seoul' }, 'holidays', [])).toEqual({
      timezone: 'Asia/Seoul',
    });
    expect(withSetting({ variables: { a: 'contact.name' } }, 'variables', {})).toBeUndefined();
    expect(withSetting({ schedule: { days: ['mon'], at: '09:00' } }, 'schedule', undefined)).toBe(
      undefined,
    );
  });

  it("writes keys in the format's order, whatever order they were set in", () => {
    const settings = withSetting(
      withSetting({ tracking: { opens: false } }, 'holidays', ['KR']),
      'timezone',
      'Asia/Seoul',
    );
    expect(Object.keys(settings ?? {})).toEqual(['timezone', 'holidays', 'tracking']);
    expect(valid(settings)).toBe(true);
  });

  it('keeps what it does not touch, even what the validator refuses', () => {
    const junk = { timezone: 42, holidays: 'KR', nonsense: true };
    expect(withSetting(junk, 'useContactTimezone', false)).toEqual({
      timezone: 42,
      useContactTimezone: false,
      holidays: 'KR',
      nonsense: true,
    });
  });

  it('starts from nothing when the settings are not an object', () => {
    for (const junk of ['x', 3, null, [], true])
      expect(withSetting(junk, 'timezone', 'Asia/Seoul')).toEqual({ timezone: 'Asia/Seoul' });
  });
});

describe('writing a value of a group', () => {
  it('writes exit rules that differ from the defaults, and only those', () => {
    const opens = withGroupValue(undefined, 'exit', 'onOpen', true);
    expect(opens).toEqual({ exit: { onOpen: true } });
    expect(withGroupValue(opens, 'exit', 'onReply', false)).toEqual({
      exit: { onReply: false, onOpen: true },
    });
    expect(withGroupValue(opens, 'exit', 'onOpen', false)).toBeUndefined();
    expect(withGroupValue(undefined, 'exit', 'onReply', true)).toBeUndefined();
    expect(valid(withGroupValue(opens, 'exit', 'onReply', false))).toBe(true);
  });

  it('writes and removes the goal rule', () => {
    const goal = { event: 'replied' };
    const withGoal = withGroupValue({ exit: { onOpen: true } }, 'exit', 'goal', goal);
    expect(withGoal).toEqual({ exit: { onOpen: true, goal } });
    expect(withGroupValue(withGoal, 'exit', 'goal', undefined)).toEqual({ exit: { onOpen: true } });
  });

  it('leaves out enrollment and tracking defaults', () => {
    expect(withGroupValue(undefined, 'enrollment', 'allowReenroll', true)).toEqual({
      enrollment: { allowReenroll: true },
    });
    expect(withGroupValue(undefined, 'enrollment', 'exclusiveGroup', null)).toBeUndefined();
    expect(withGroupValue(undefined, 'enrollment', 'exclusiveGroup', 'onboarding')).toEqual({
      enrollment: { exclusiveGroup: 'onboarding' },
    });
    expect(withGroupValue({ tracking: { opens: false } }, 'tracking', 'opens', true)).toBe(
      undefined,
    );
    expect(
      withGroupValue({ tracking: { clicks: false } }, 'tracking', 'opens', false)?.tracking,
    ).toEqual({ opens: false, clicks: false });
  });

  it('replaces a group that is not an object', () => {
    expect(withGroupValue({ exit: 'sometimes' }, 'exit', 'onClick', true)).toEqual({
      exit: { onClick: true },
    });
  });
});
