import type { TimelineEntry } from '@nudge/runtime/core';
import { describe, expect, it } from 'vitest';
import { formatTimeline, type SimulatedTimeline } from './timeline.ts';

/** What the formatter is given, written by hand: the layout, not the simulator, is tested here. */
const simulation: SimulatedTimeline = {
  status: 'completed',
  zone: 'Asia/Seoul',
  timeline: [
    {
      at: '2026-01-05T00:00:00.000Z',
      local: '2026-01-05T09:00:00.000+09:00',
      node: 'welcome',
      type: 'email',
      action: 'send',
      channel: 'email',
      subject: '김민준님, 안녕하세요',
      deferred: { from: '2026-01-03T05:00:00.000Z', reason: 'weekend' },
    },
    {
      at: '2026-01-05T00:00:00.000Z',
      local: '2026-01-05T09:00:00.000+09:00',
      node: 'wait-3d',
      type: 'delay',
      action: 'wait',
      until: '2026-01-08T00:00:00.000Z',
    },
    {
      at: '2026-01-08T00:00:00.000Z',
      local: '2026-01-08T09:00:00.000+09:00',
      node: 'opened-welcome',
      type: 'wait_for',
      action: 'branch',
      handle: 'met',
      note: 'opened',
    },
    {
      at: '2026-01-08T00:00:00.000Z',
      local: '2026-01-08T09:00:00.000+09:00',
      node: 'call',
      type: 'task',
      action: 'task',
      note: '김민준님께 전화',
      warnings: ['{{ nickname }} rendered empty'],
    },
    {
      at: '2026-01-08T00:00:00.000Z',
      local: '2026-01-08T09:00:00.000+09:00',
      node: 'done',
      type: 'exit',
      action: 'exit',
      status: 'completed',
    },
  ],
};

const heading = {
  file: 'cold-mail.json',
  contact: { name: '김민준', email: 'minjun@example.com' },
  until: '2027-01-03T05:00:00.000Z',
};

describe('formatTimeline', () => {
  it('prints one aligned line per step in local time, then the status', () => {
    expect(formatTimeline(simulation, heading, { color: false })).toBe(
      [
        'cold-mail.json — 김민준 <minjun@example.com>, Asia/Seoul (UTC+09:00)',
        '2026-01-05 Mon 09:00  send    welcome         email "김민준님, 안녕하세요" (deferred from Sat 14:00: weekend)',
        '2026-01-05 Mon 09:00  wait    wait-3d         until Thu 09:00',
        '2026-01-08 Thu 09:00  branch  opened-welcome  → met — opened',
        '2026-01-08 Thu 09:00  task    call            김민준님께 전화',
        '                      warning: {{ nickname }} rendered empty',
        '2026-01-08 Thu 09:00  exit    done            completed',
        'status: completed',
        '',
      ].join('\n'),
    );
  });

  it('says until when an active enrollment ran, and shows offsets when DST changes them', () => {
    const active: SimulatedTimeline = {
      status: 'active',
      zone: 'America/New_York',
      timeline: [
        {
          ...(simulation.timeline[1] as TimelineEntry),
          at: '2026-03-07T14:00:00Z',
          until: '2026-03-10T13:00:00Z',
        },
        {
          ...(simulation.timeline[4] as TimelineEntry),
          at: '2026-03-10T13:00:00Z',
        },
      ],
    };
    const text = formatTimeline(
      active,
      { ...heading, contact: { email: 'a@b.c' } },
      { color: false },
    );
    expect(text.split('\n')).toEqual([
      'cold-mail.json — a@b.c, America/New_York (UTC-05:00)',
      '2026-03-07 Sat 09:00 UTC-05:00  wait    wait-3d  until Tue 09:00',
      '2026-03-10 Tue 09:00 UTC-04:00  exit    done     completed',
      'status: active (still enrolled when the simulation stopped, 2027-01-03 Sun 00:00)',
      '',
    ]);
  });

  it('escapes control characters from the file, and colours only on a terminal', () => {
    const odd: SimulatedTimeline = {
      ...simulation,
      timeline: [{ ...(simulation.timeline[0] as TimelineEntry), subject: 'a\u001b[2Jb' }],
    };
    const plain = formatTimeline(odd, heading, { color: false });
    expect(plain).not.toContain('\u001b');
    expect(plain).toContain('"a\\u001b[2Jb"');
    const coloured = formatTimeline(odd, heading, { color: true });
    expect(coloured).toContain('\u001b[2m(deferred from Sat 14:00: weekend)\u001b[22m');
    expect(coloured).toContain('status: \u001b[32mcompleted\u001b[39m');
  });
});
