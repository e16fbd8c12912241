import type { Sequence } from '@nudge/schema';
import coldMail from '@nudge/schema/examples/cold-mail.json';
import contractRenewal from '@nudge/schema/examples/contract-renewal.json';
import onboarding from '@nudge/schema/examples/onboarding.json';
import { describe, expect, it } from 'vitest';
import { type ScriptedEvent, simulate, type TimelineEntry } from './simulate.ts';
import type { Contact } from './types.ts';

/* The shipped examples, simulated for sample contacts; every time below is worked by hand. */

const line = (e: TimelineEntry) =>
  [e.local, e.node, e.action, e.handle ?? e.subject ?? e.status ?? e.until ?? ''].join(' ');

const minjun: Contact = {
  id: 'c-minjun',
  email: 'minjun@hanbit.example',
  phone: '+821012345678',
  name: '김민준',
  company: '한빛물류',
  title: 'CTO',
  timezone: 'Asia/Seoul',
  owner: { name: '이서연', email: 'seoyeon@nudge.example', phone: '02-555-0100' },
  attributes: { plan: 'pro', contract_end_date: '2026-03-31', product: '넛지 프로' },
};

const run = (sequence: unknown, contact: Contact, start: string, events: ScriptedEvent[] = []) =>
  simulate({
    sequence: sequence as Sequence,
    contact,
    start,
    until: '2026-12-31T00:00:00Z',
    events,
    enrollmentId: 'enr-1',
  });

describe('cold-mail', () => {
  it('runs to the end in Seoul, waiting out the weekend for the offer', () => {
    // Fri 17:30 is inside the 09-18 window; +3 days = Mon 17:30, still open; +6 days = Sun 17:30.
    const sim = run(coldMail, minjun, '2026-01-09T17:30:00+09:00');
    expect(sim.status).toBe('completed');
    expect(sim.timeline.map(line)).toEqual([
      '2026-01-09T17:30:00+09:00 welcome send 김민준님, 넛지 김지훈입니다',
      '2026-01-09T17:30:00+09:00 wait-3d wait 2026-01-12T08:30:00.000Z',
      '2026-01-12T17:30:00+09:00 guide send 한빛물류 팀을 위한 10분 시작 가이드',
      '2026-01-12T17:30:00+09:00 wait-6d wait 2026-01-18T08:30:00.000Z',
      '2026-01-19T09:00:00+09:00 offer send 김민준님, 체험 기간 14일 연장과 30분 미팅을 제안드립니다',
      '2026-01-19T09:00:00+09:00 check-engagement task ',
      '2026-01-19T09:00:00+09:00 check-engagement exit completed',
    ]);
    expect(sim.timeline[4]?.deferred).toEqual({
      from: '2026-01-18T08:30:00.000Z',
      reason: 'weekend',
      reasons: [{ code: 'weekend' }],
    });
  });

  it('stops at the reply: no offer after it', () => {
    const sim = run(coldMail, minjun, '2026-01-09T17:30:00+09:00', [
      { at: '2026-01-13T10:00:00+09:00', type: 'replied', node: 'guide' },
    ]);
    expect(sim.status).toBe('replied');
    expect(sim.timeline.filter((e) => e.action === 'send').map((e) => e.node)).toEqual([
      'welcome',
      'guide',
    ]);
    expect(sim.timeline.at(-1)).toMatchObject({
      action: 'exit',
      node: 'wait-6d',
      local: '2026-01-13T10:00:00+09:00',
    });
  });
});

describe('contract-renewal', () => {
  it('fails, naming the field, for an end date that is no date: never a step that throws', () => {
    for (const contract_end_date of [1e15, -1e15, '2026-02-30', '33658-09-27', 'soon']) {
      const contact = { ...minjun, attributes: { ...minjun.attributes, contract_end_date } };
      const sim = run(contractRenewal, contact, '2026-01-10T10:00:00+09:00');
      expect(sim.status, String(contract_end_date)).toBe('failed');
      expect(sim.timeline.at(-1)?.note).toBe(
        'contact.attributes.contract_end_date is not a date, so the delay has no end',
      );
    }
  });

  it('sends at D-30, D-14 and D-7 at 10:00 on open days, past 3·1절 and its substitute day', () => {
    // D-30 = Sun 2026-03-01 (3·1절); Mon 03-02 is its substitute holiday, so Tue 03-03 10:00.
    const sim = run(contractRenewal, minjun, '2026-01-10T10:00:00+09:00');
    expect(sim.timeline.map(line)).toEqual([
      '2026-01-10T10:00:00+09:00 d-30 wait 2026-03-01T01:00:00.000Z',
      '2026-03-03T10:00:00+09:00 alimtalk-d30 send ',
      '2026-03-03T10:00:00+09:00 d-14 wait 2026-03-17T01:00:00.000Z',
      '2026-03-17T10:00:00+09:00 sms-d14 send ',
      '2026-03-17T10:00:00+09:00 d-7 wait 2026-03-24T01:00:00.000Z',
      '2026-03-24T10:00:00+09:00 alimtalk-d7 send ',
      '2026-03-24T10:00:00+09:00 renewal-call task ',
      '2026-03-24T10:00:00+09:00 renewal-call task ',
      '2026-03-24T10:00:00+09:00 renewal-call exit completed',
    ]);
    expect(sim.timeline[1]?.deferred?.reason).toBe('weekend; holiday: 3·1절 (대체공휴일)');
    expect(sim.status).toBe('completed');
  });

  it('ends as converted when the contact renews', () => {
    const renewed = { ...minjun, attributes: { ...minjun.attributes, renewed: true } };
    const sim = run(contractRenewal, renewed, '2026-01-10T10:00:00+09:00');
    expect(sim.status).toBe('converted');
    expect(sim.timeline.filter((e) => e.action === 'send')).toEqual([]);
  });
});

describe('onboarding', () => {
  const ana: Contact = {
    id: 'c-ana',
    email: 'ana@northwind.example',
    phone: '+12125550100',
    name: 'Ana Díaz',
    company: 'Northwind',
    title: 'CEO',
    timezone: 'America/New_York',
    owner: { name: 'Mina Park', email: 'mina@nudge.example' },
    attributes: { first_name: 'Ana', plan: 'trial' },
  };

  it('an executive who opens the welcome gets the walkthrough offer in the next window', () => {
    const sim = run(onboarding, ana, '2026-01-12T10:00:00-05:00', [
      { at: '2026-01-13T08:00:00-05:00', type: 'opened', node: 'welcome' },
    ]);
    expect(sim.timeline.map(line)).toEqual([
      '2026-01-12T10:00:00-05:00 welcome send Welcome to Nudge, Ana',
      '2026-01-12T10:00:00-05:00 opened-welcome wait 2026-01-15T15:00:00.000Z',
      '2026-01-13T08:00:00-05:00 opened-welcome branch met',
      '2026-01-13T08:00:00-05:00 is-executive branch yes',
      '2026-01-13T09:00:00-05:00 exec-offer send A 20-minute walkthrough for Northwind?',
      '2026-01-13T09:00:00-05:00 tag-exec update ',
      '2026-01-13T09:00:00-05:00 exec-done exit completed',
    ]);
  });

  it('without an open, waits 3 business days past Martin Luther King Jr. Day, then bumps in the thread', () => {
    // Fri 2026-01-16 10:00; Mon 01-19 is a federal holiday: Tue, Wed, Thu -> Thu 01-22 10:00.
    const sim = run(onboarding, { ...ana, title: 'Head of Sales' }, '2026-01-16T10:00:00-05:00');
    expect(sim.timeline.map(line)).toEqual([
      '2026-01-16T10:00:00-05:00 welcome send Welcome to Nudge, Ana',
      '2026-01-16T10:00:00-05:00 opened-welcome wait 2026-01-22T15:00:00.000Z',
      '2026-01-22T10:00:00-05:00 opened-welcome branch timeout',
      '2026-01-22T10:00:00-05:00 bump send Re: Welcome to Nudge, Ana',
      '2026-01-22T10:00:00-05:00 check-in-task task ',
      '2026-01-22T10:00:00-05:00 check-in-task exit completed',
    ]);
  });

  it('a non-executive who opens goes through the split, the same branch every time', () => {
    const events: ScriptedEvent[] = [
      { at: '2026-01-12T11:00:00-05:00', type: 'opened', node: 'welcome' },
    ];
    const first = run(
      onboarding,
      { ...ana, title: 'Head of Sales' },
      '2026-01-12T10:00:00-05:00',
      events,
    );
    const again = run(
      onboarding,
      { ...ana, title: 'Head of Sales' },
      '2026-01-12T10:00:00-05:00',
      events,
    );
    expect(first).toEqual(again);
    const split = first.timeline.find((e) => e.node === 'ab-test');
    expect(split?.action).toBe('branch');
    const next = split?.handle === 'a' ? 'case-study' : 'sms-nudge';
    expect(first.timeline.filter((e) => e.action === 'send').map((e) => e.node)).toEqual([
      'welcome',
      'tips',
      next,
    ]);
  });

  it('ends as converted when the plan becomes a paid one', () => {
    const paid = { ...ana, attributes: { ...ana.attributes, plan: 'team' } };
    expect(run(onboarding, paid, '2026-01-12T10:00:00-05:00').status).toBe('converted');
  });
});
