import { validateSequence } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { readSchedule, scheduleOfKind, withDay, withTime } from './schedule.ts';

function problemsOf(schedule: unknown) {
  return validateSequence({
    format: 'nudge.sequence/v1',
    name: 'Test',
    settings: { schedule },
    nodes: [{ id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } }],
    edges: [],
  }).errors.map((p) => p.code);
}

describe('reading the schedule', () => {
  it('tells any time, a window and a fixed time apart', () => {
    expect(readSchedule(undefined).kind).toBe('any');
    expect(readSchedule({ days: ['mon'], start: '09:00', end: '18:00' })).toEqual({
      kind: 'window',
      days: ['mon'],
      start: '09:00',
      end: '18:00',
      at: '',
    });
    expect(readSchedule({ days: ['sun', 'mon'], at: '10:30' })).toEqual({
      kind: 'fixed',
      days: ['mon', 'sun'],
      start: '',
      end: '',
      at: '10:30',
    });
  });

  it('does not crash on junk', () => {
    expect(readSchedule('weekdays').kind).toBe('any');
    expect(readSchedule({ days: 'mon', start: 9 })).toEqual({
      kind: 'window',
      days: [],
      start: '',
      end: '',
      at: '',
    });
    expect(readSchedule({ days: ['monday', 'tue', 3] }).days).toEqual(['tue']);
  });
});

describe('choosing when messages may go out', () => {
  it('writes no schedule for any time', () => {
    expect(scheduleOfKind({ days: ['mon'], at: '09:00' }, 'any')).toBeUndefined();
  });

  it('starts a window or a fixed time on weekdays in office hours, in the format’s shape', () => {
    const window = scheduleOfKind(undefined, 'window');
    expect(window).toEqual({
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      start: '09:00',
      end: '18:00',
    });
    expect(problemsOf(window)).toEqual([]);
    const fixed = scheduleOfKind(undefined, 'fixed');
    expect(fixed).toEqual({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], at: '09:00' });
    expect(problemsOf(fixed)).toEqual([]);
  });

  it('keeps the days and the time chosen when switching between window and fixed time', () => {
    const fixed = scheduleOfKind({ days: ['sat'], start: '10:15', end: '12:00' }, 'fixed');
    expect(fixed).toEqual({ days: ['sat'], at: '10:15' });
    expect(scheduleOfKind(fixed, 'window')).toEqual({
      days: ['sat'],
      start: '10:15',
      end: '18:00',
    });
  });

  it('leaves a schedule of the kind chosen as it is', () => {
    const window = { days: ['mon'], start: '08:00', end: '24:00' };
    expect(scheduleOfKind(window, 'window')).toBe(window);
  });

  it('writes days in week order, Monday first', () => {
    const window = { days: ['wed'], start: '09:00', end: '18:00' };
    const more = withDay(withDay(window, 'sun', true), 'mon', true);
    expect(more).toEqual({ days: ['mon', 'wed', 'sun'], start: '09:00', end: '18:00' });
    expect(withDay(more, 'wed', false).days).toEqual(['mon', 'sun']);
  });

  it('writes no days when all are off, which the validator refuses beside the days', () => {
    const none = withDay({ days: ['mon'], at: '09:00' }, 'mon', false);
    expect(none).toEqual({ days: [], at: '09:00' });
    expect(problemsOf(none)).toEqual(['invalid_value']);
  });

  it('writes a time as typed, so that a window that ends before it starts is reported', () => {
    const window = { days: ['mon'], start: '09:00', end: '18:00' };
    const early = withTime(window, 'end', '08:00');
    expect(early).toEqual({ days: ['mon'], start: '09:00', end: '08:00' });
    expect(problemsOf(early)).toEqual(['schedule_empty_window']);
    expect(withTime({ days: ['mon'], at: '09:00' }, 'at', '9:3')).toEqual({
      days: ['mon'],
      at: '9:3',
    });
  });
});
