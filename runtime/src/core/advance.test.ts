import type { Settings } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { advance, newEnrollment } from './advance.ts';
import { at, chain, delay, email, minjun, sender } from './build.test-support.ts';
import { CompileError, compile } from './compile.ts';
import { simulate } from './simulate.ts';
import type { EnrollmentEvent, EnrollmentState, Input } from './types.ts';

const seoul: Settings = { timezone: 'Asia/Seoul', sender };
const start = at('2026-01-07T10:00:00+09:00');
const day = 24 * 3600 * 1000;

const twoEmails = chain(seoul, [
  email('welcome', '{{고객명}}님, 반갑습니다'),
  delay('wait', 2, 'days'),
  email('bump', ''),
]);

const enrolled = (sequence = twoEmails) => {
  const compiled = compile(sequence);
  return {
    compiled,
    first: advance(compiled, newEnrollment('enr-1'), { kind: 'enrolled', contact: minjun }, start),
  };
};

const event = (id: string, type: EnrollmentEvent['type'], when: number, more = {}): Input => ({
  kind: 'event',
  event: { id, type, at: when, ...more },
  contact: minjun,
});

describe('advance', () => {
  it('sends, waits, then replies in the thread with Re:', () => {
    const { compiled, first } = enrolled();
    expect(first.state).toMatchObject({ status: 'active', node: 'wait', version: 1 });
    expect(first.wakeAt).toBe(start + 2 * day);
    expect(first.effects).toHaveLength(1);
    expect(first.effects[0]).toMatchObject({
      type: 'send',
      channel: 'email',
      node: 'welcome',
      thread: null,
      content: { subject: '김민준님, 반갑습니다', from: sender },
    });

    const second = advance(
      compiled,
      first.state,
      { kind: 'woke', version: 1, contact: minjun },
      start + 2 * day,
    );
    expect(second.effects.map((e) => e.type)).toEqual(['send', 'exit']);
    expect(second.effects[0]).toMatchObject({
      node: 'bump',
      content: { subject: 'Re: 김민준님, 반갑습니다' },
      thread: { inReplyTo: 'welcome', references: ['welcome'] },
    });
    expect(second.effects[1]).toMatchObject({ type: 'exit', status: 'completed' });
    expect(second.state.status).toBe('completed');
    expect(second.wakeAt).toBeNull();
  });

  it('ignores a stale or early wake-up, and a second enrolled', () => {
    const { compiled, first } = enrolled();
    const stale = advance(
      compiled,
      first.state,
      { kind: 'woke', version: 0, contact: minjun },
      start + 3 * day,
    );
    expect(stale).toEqual({ state: first.state, effects: [], wakeAt: first.wakeAt, steps: [] });
    const early = advance(
      compiled,
      first.state,
      { kind: 'woke', version: 1, contact: minjun },
      start + day,
    );
    expect(early.effects).toEqual([]);
    expect(early.state).toBe(first.state);
    const again = advance(
      compiled,
      first.state,
      { kind: 'enrolled', contact: minjun },
      start + day,
    );
    expect(again.state).toBe(first.state);
  });

  it('records an event once: the same id again changes nothing', () => {
    const { compiled, first } = enrolled();
    const opened = advance(
      compiled,
      first.state,
      event('ev1', 'opened', start + 1000, { node: 'welcome' }),
      start + 1000,
    );
    expect(opened.state.version).toBe(2);
    expect(opened.state.events).toHaveLength(1);
    expect(opened.wakeAt).toBe(first.wakeAt);
    const twice = advance(
      compiled,
      opened.state,
      event('ev1', 'opened', start + 1000, { node: 'welcome' }),
      start + 2000,
    );
    expect(twice.state).toBe(opened.state);
    expect(twice.effects).toEqual([]);
  });

  it('a reply ends the enrollment at once, and nothing happens after', () => {
    const { compiled, first } = enrolled();
    const replied = advance(
      compiled,
      first.state,
      event('r', 'replied', start + 5000),
      start + 5000,
    );
    expect(replied.state.status).toBe('replied');
    expect(replied.effects).toEqual([
      { type: 'exit', status: 'replied', node: 'wait', reason: 'the contact replied' },
    ]);
    expect(replied.wakeAt).toBeNull();
    for (const input of [
      { kind: 'woke', version: replied.state.version, contact: minjun },
      event('o', 'opened', start + 6000),
      { kind: 'stop' },
      { kind: 'taskCompleted', node: 'wait', contact: minjun },
    ] satisfies Input[]) {
      const after = advance(compiled, replied.state, input, start + 3 * day);
      expect(after.effects).toEqual([]);
      expect(after.state).toBe(replied.state);
    }
  });

  it.each([
    ['bounced', {}, 'bounced'],
    ['unsubscribed', { onReply: false }, 'unsubscribed'],
    ['opened', { onOpen: true }, 'exited'],
    ['clicked', { onClick: true }, 'exited'],
  ] as const)('%s with exit settings %j ends as %s', (type, exit, status) => {
    const sequence = chain({ ...seoul, exit }, [
      email('welcome', 'Hi'),
      delay('wait', 2, 'days'),
      email('bump', ''),
    ]);
    const { compiled, first } = enrolled(sequence);
    const after = advance(compiled, first.state, event('x', type, start + 1), start + 1);
    expect(after.state.status).toBe(status);
  });

  it('a reply does not end it when onReply is off', () => {
    const sequence = chain({ ...seoul, exit: { onReply: false } }, [
      email('welcome', 'Hi'),
      delay('wait', 2, 'days'),
      email('bump', ''),
    ]);
    const { compiled, first } = enrolled(sequence);
    const after = advance(compiled, first.state, event('x', 'replied', start + 1), start + 1);
    expect(after.state.status).toBe('active');
    expect(after.wakeAt).toBe(first.wakeAt);
  });

  it('the goal converts the moment its event is recorded', () => {
    const goal = { event: 'custom', name: 'demo_booked' } as const;
    const sequence = chain({ ...seoul, exit: { goal } }, [
      email('welcome', 'Hi'),
      delay('wait', 2, 'days'),
      email('bump', ''),
    ]);
    const { compiled, first } = enrolled(sequence);
    const other = advance(
      compiled,
      first.state,
      event('a', 'custom', start + 1, { name: 'webinar' }),
      start + 1,
    );
    expect(other.state.status).toBe('active');
    const booked = advance(
      compiled,
      other.state,
      event('b', 'custom', start + 2, { name: 'demo_booked' }),
      start + 2,
    );
    expect(booked.state.status).toBe('converted');
  });

  it('a goal met by a change to the contact converts at the next input', () => {
    const goal = { field: 'contact.attributes.plan', op: 'eq', value: 'team' } as const;
    const sequence = chain({ ...seoul, exit: { goal } }, [
      email('welcome', 'Hi'),
      delay('wait', 2, 'days'),
      email('bump', ''),
    ]);
    const { compiled, first } = enrolled(sequence);
    const paid = { ...minjun, attributes: { plan: 'team' } };
    const woke = advance(
      compiled,
      first.state,
      { kind: 'woke', version: 1, contact: paid },
      start + 2 * day,
    );
    expect(woke.state.status).toBe('converted');
    expect(woke.effects).toEqual([
      { type: 'exit', status: 'converted', node: 'wait', reason: 'the goal is met' },
    ]);
  });

  it('an unsubscribed or suppressed contact ends at once as unsubscribed', () => {
    const compiled = compile(twoEmails);
    for (const input of [
      { kind: 'enrolled', contact: { ...minjun, unsubscribed: true } },
      { kind: 'enrolled', contact: minjun, suppressed: true },
    ] satisfies Input[]) {
      const result = advance(compiled, newEnrollment('e'), input, start);
      expect(result.state.status).toBe('unsubscribed');
      expect(result.effects).toEqual([
        expect.objectContaining({ type: 'exit', status: 'unsubscribed' }),
      ]);
    }
  });

  it('a person can stop it, or the worker can mark it failed', () => {
    const { compiled, first } = enrolled();
    const stopped = advance(compiled, first.state, { kind: 'stop' }, start + 1);
    expect(stopped.state.status).toBe('stopped');
    const failed = advance(
      compiled,
      first.state,
      { kind: 'stop', status: 'failed', reason: 'mailbox does not exist' },
      start + 1,
    );
    expect(failed.effects).toEqual([
      { type: 'exit', status: 'failed', node: 'wait', reason: 'mailbox does not exist' },
    ]);
  });

  it('never changes the state it is given', () => {
    const { compiled, first } = enrolled();
    const frozen: EnrollmentState = structuredClone(first.state);
    advance(compiled, first.state, event('r', 'opened', start + 1), start + 1);
    advance(compiled, first.state, { kind: 'woke', version: 1, contact: minjun }, start + 2 * day);
    expect(first.state).toEqual(frozen);
  });
});

describe('branches', () => {
  const opened = { event: 'opened', node: 'welcome' } as const;

  it('a condition takes yes or no', () => {
    const sequence = chain(
      seoul,
      [
        {
          id: 'cto',
          type: 'condition',
          data: { rule: { field: 'contact.title', op: 'eq', value: 'CTO' } },
        },
        [email('tech', 'For CTOs'), 'yes'],
      ],
      [['cto', 'no', 'bye']],
    );
    sequence.nodes.push({ id: 'bye', type: 'exit', data: { outcome: 'completed' } });
    const yes = simulate({
      sequence,
      contact: minjun,
      start: '2026-01-07T10:00:00+09:00',
      until: '2026-02-01T00:00:00Z',
    });
    expect(yes.timeline.map((e) => [e.node, e.action, e.handle])).toEqual([
      ['cto', 'branch', 'yes'],
      ['tech', 'send', undefined],
      ['tech', 'exit', undefined],
    ]);
    const no = simulate({
      sequence,
      contact: { ...minjun, title: 'CEO' },
      start: '2026-01-07T10:00:00+09:00',
      until: '2026-02-01T00:00:00Z',
    });
    expect(no.timeline.map((e) => [e.node, e.action, e.handle])).toEqual([
      ['cto', 'branch', 'no'],
      ['bye', 'exit', undefined],
    ]);
  });

  const waitSequence = () => {
    const sequence = chain(
      seoul,
      [
        email('welcome', 'Hi'),
        {
          id: 'opened',
          type: 'wait_for',
          data: { rule: opened, timeout: { amount: 3, unit: 'days' } },
        },
        [email('thanks', 'Thanks for reading'), 'met'],
      ],
      [['opened', 'timeout', 'nudge']],
    );
    sequence.nodes.push(email('nudge', 'Did you see this?'));
    return sequence;
  };
  const base = {
    contact: minjun,
    start: '2026-01-07T10:00:00+09:00',
    until: '2026-02-01T00:00:00Z',
  };

  it('wait_for takes met the moment an event makes the rule hold', () => {
    const sim = simulate({
      ...base,
      sequence: waitSequence(),
      events: [{ at: '2026-01-08T12:00:00+09:00', type: 'opened', node: 'welcome' }],
    });
    expect(sim.timeline.map((e) => [e.node, e.action, e.handle ?? e.until, e.at])).toEqual([
      ['welcome', 'send', undefined, '2026-01-07T01:00:00.000Z'],
      ['opened', 'wait', '2026-01-10T01:00:00.000Z', '2026-01-07T01:00:00.000Z'],
      ['opened', 'branch', 'met', '2026-01-08T03:00:00.000Z'],
      ['thanks', 'send', undefined, '2026-01-08T03:00:00.000Z'],
      ['thanks', 'exit', undefined, '2026-01-08T03:00:00.000Z'],
    ]);
  });

  it('wait_for takes met at once when the event happened before it was reached', () => {
    const sequence = chain(seoul, [
      email('welcome', 'Hi'),
      delay('pause', 1, 'days'),
      {
        id: 'opened',
        type: 'wait_for',
        data: { rule: opened, timeout: { amount: 3, unit: 'days' } },
      },
      [email('thanks', 'Thanks'), 'met'],
    ]);
    const sim = simulate({
      ...base,
      sequence,
      events: [{ at: '2026-01-07T11:00:00+09:00', type: 'opened', node: 'welcome' }],
    });
    expect(sim.timeline.find((e) => e.action === 'branch')).toMatchObject({
      handle: 'met',
      at: '2026-01-08T01:00:00.000Z',
    });
  });

  it('wait_for takes timeout after the timeout, and an event for another node does not count', () => {
    const sim = simulate({
      ...base,
      sequence: waitSequence(),
      events: [{ at: '2026-01-08T12:00:00+09:00', type: 'opened', node: 'other' }],
    });
    expect(sim.timeline.find((e) => e.action === 'branch')).toMatchObject({
      handle: 'timeout',
      at: '2026-01-10T01:00:00.000Z',
    });
    expect(sim.timeline.filter((e) => e.action === 'send').map((e) => e.node)).toEqual([
      'welcome',
      'nudge',
    ]);
  });

  it('an unconnected branch handle ends the enrollment as completed', () => {
    const sequence = chain(seoul, [
      {
        id: 'cto',
        type: 'condition',
        data: { rule: { field: 'contact.title', op: 'eq', value: 'CEO' } },
      },
      [email('tech', 'For CEOs'), 'yes'],
    ]);
    const sim = simulate({ ...base, sequence });
    expect(sim.status).toBe('completed');
    expect(sim.timeline.at(-1)).toMatchObject({
      action: 'exit',
      node: 'cto',
      note: 'the "no" branch leads nowhere',
    });
  });

  it('a split picks the same branch for the same enrollment, by weight across many', () => {
    const sequence = chain(
      seoul,
      [
        {
          id: 'ab',
          type: 'split',
          data: {
            branches: [
              { id: 'a', weight: 25 },
              { id: 'b', weight: 75 },
            ],
          },
        },
        [email('va', 'Version A'), 'a'],
      ],
      [['ab', 'b', 'vb']],
    );
    sequence.nodes.push(email('vb', 'Version B'));
    const pick = (id: string) =>
      simulate({ ...base, sequence, enrollmentId: id }).timeline[0]?.handle;
    expect(pick('enr-7')).toBe(pick('enr-7'));
    let a = 0;
    for (let i = 0; i < 400; i++) if (pick(`enr-${i}`) === 'a') a++;
    expect(a / 400).toBeGreaterThan(0.17);
    expect(a / 400).toBeLessThan(0.33);
  });

  it('update_contact changes what later steps see, and an exit step ends with its outcome', () => {
    const sequence = chain(seoul, [
      {
        id: 'mark',
        type: 'update_contact',
        data: { set: { 'contact.attributes.stage': 'nurture' }, addTags: ['nurtured'] },
      },
      {
        id: 'check',
        type: 'condition',
        data: { rule: { field: 'contact.tags', op: 'contains', value: 'nurtured' } },
      },
      [{ id: 'won', type: 'exit', data: { outcome: 'converted' } }, 'yes'],
    ]);
    const compiled = compile(sequence);
    const result = advance(
      compiled,
      newEnrollment('e'),
      { kind: 'enrolled', contact: minjun },
      start,
    );
    expect(result.effects).toEqual([
      {
        type: 'updateContact',
        node: 'mark',
        set: { 'contact.attributes.stage': 'nurture' },
        addTags: ['nurtured'],
        removeTags: [],
      },
      { type: 'exit', status: 'converted', node: 'won', reason: 'reached an exit step' },
    ]);
    expect(result.steps.map((s) => [s.node, s.action, s.handle])).toEqual([
      ['mark', 'update', undefined],
      ['check', 'branch', 'yes'],
      ['won', 'exit', undefined],
    ]);
  });
});

describe('a delay until a date', () => {
  it('fails, saying so, when the wait would end past the year 9999, where no timestamp is kept', () => {
    const sequence = chain(seoul, [
      {
        id: 'later',
        type: 'delay',
        data: { until: { field: 'contact.attributes.end', offsetDays: 3650 } },
      },
    ]);
    const contact = { ...minjun, attributes: { end: '9999-06-01' } };
    const result = advance(
      compile(sequence),
      newEnrollment('e'),
      { kind: 'enrolled', contact },
      start,
    );
    expect(result.state.status).toBe('failed');
    expect(result.effects.at(-1)).toMatchObject({
      type: 'exit',
      reason: 'contact.attributes.end is past the year 9999, so the delay has no end',
    });
    expect(result.wakeAt).toBeNull();
  });
});

describe('update_contact within the contact limits', () => {
  const fill = (id: string, from: number) => ({
    id,
    type: 'update_contact' as const,
    data: {
      set: Object.fromEntries(
        Array.from({ length: 60 }, (_, i) => [`contact.attributes.k${from + i}`, i]),
      ),
    },
  });

  it('fails the enrollment at the step that would break a limit, writing nothing of it', () => {
    // Each step is fine alone; with minjun's own attribute they pass the 100 a contact may have.
    const sequence = chain(seoul, [fill('first', 0), fill('second', 60)]);
    const result = advance(
      compile(sequence),
      newEnrollment('e'),
      { kind: 'enrolled', contact: minjun },
      start,
    );
    expect(result.effects.map((e) => e.type)).toEqual(['updateContact', 'exit']);
    expect(result.effects[1]).toMatchObject({
      type: 'exit',
      status: 'failed',
      node: 'second',
      reason:
        'the update of "second" would break a limit of the contact: "attributes" has 121 properties; at most 100 are allowed',
    });
  });

  it('lets a contact stored before the limits be updated where the update keeps to them', () => {
    const legacy = { ...minjun, name: '김'.repeat(300) };
    const sequence = chain(seoul, [fill('first', 0)]);
    const result = advance(
      compile(sequence),
      newEnrollment('e'),
      { kind: 'enrolled', contact: legacy },
      start,
    );
    expect(result.effects.map((e) => e.type)).toEqual(['updateContact', 'exit']);
    expect(result.effects[1]).toMatchObject({ status: 'completed' });
  });
});

describe('tasks and manual steps', () => {
  it('a task holding the enrollment waits until it is completed', () => {
    const sequence = chain(seoul, [
      {
        id: 'call',
        type: 'task',
        data: {
          kind: 'call',
          title: '{{고객명}}님께 전화',
          assignee: 'owner',
          waitForCompletion: true,
        },
      },
      email('after', 'After our call'),
    ]);
    const compiled = compile(sequence);
    const first = advance(
      compiled,
      newEnrollment('e'),
      { kind: 'enrolled', contact: minjun },
      start,
    );
    expect(first.effects).toEqual([
      expect.objectContaining({
        type: 'createTask',
        node: 'call',
        kind: 'call',
        title: '김민준님께 전화',
        assignee: 'seoyeon@nudge.test',
        due: start,
        waitForCompletion: true,
      }),
    ]);
    expect(first.wakeAt).toBeNull();
    expect(first.state.waiting).toEqual({ kind: 'task', until: null });
    const wrong = advance(
      compiled,
      first.state,
      { kind: 'taskCompleted', node: 'other', contact: minjun },
      start + 1,
    );
    expect(wrong.state).toBe(first.state);
    const done = advance(
      compiled,
      first.state,
      { kind: 'taskCompleted', node: 'call', contact: minjun },
      start + day,
    );
    expect(done.effects.map((e) => e.type)).toEqual(['send', 'exit']);
    const twice = advance(
      compiled,
      done.state,
      { kind: 'taskCompleted', node: 'call', contact: minjun },
      start + day,
    );
    expect(twice.effects).toEqual([]);
  });

  it('a manual email is a task with the rendered draft, due at the first open instant; the flow goes on', () => {
    const settings: Settings = {
      ...seoul,
      schedule: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00' },
    };
    const sequence = chain(settings, [
      {
        id: 'personal',
        type: 'email',
        data: {
          subject: '{{회사명}} 제안',
          body: '{{고객명}}님께',
          format: 'text',
          mode: 'manual',
        },
      },
      {
        id: 'sms',
        type: 'sms',
        data: { body: '{{고객명}}님, 메일 확인 부탁드립니다', mode: 'auto' },
      },
    ]);
    const saturday = at('2026-01-10T10:00:00+09:00');
    const result = advance(
      compile(sequence),
      newEnrollment('e'),
      { kind: 'enrolled', contact: minjun },
      saturday,
    );
    expect(result.effects[0]).toMatchObject({
      type: 'createTask',
      kind: 'manual_email',
      channel: 'email',
      due: at('2026-01-12T09:00:00+09:00'),
      draft: { subject: '한빛물류 제안', text: '김민준님께' },
    });
    // The SMS after it is automatic: it waits for Monday's window.
    expect(result.state.waiting).toMatchObject({
      kind: 'send',
      until: at('2026-01-12T09:00:00+09:00'),
    });
  });

  it('a message to a contact without that address is skipped, saying why', () => {
    const sequence = chain(seoul, [
      { id: 'text', type: 'sms', data: { body: 'Hi', mode: 'auto' } },
      email('mail', 'Hi'),
    ]);
    const { phone: _, ...noPhone } = minjun;
    const sim = simulate({
      sequence,
      contact: noPhone,
      start: '2026-01-07T10:00:00+09:00',
      until: '2026-02-01T00:00:00Z',
    });
    expect(sim.timeline[0]).toMatchObject({
      node: 'text',
      action: 'send',
      skipped: 'skipped: the contact has no phone number',
    });
    expect(sim.timeline[1]).toMatchObject({ node: 'mail', action: 'send', subject: 'Hi' });
  });
});

describe('compile', () => {
  it('refuses an invalid sequence with the validator problems', () => {
    const broken = chain(seoul, [email('a', 'Hi')], [['a', null, 'start']]);
    expect(() => compile(broken)).toThrow(CompileError);
  });

  it('refuses a holiday country without a calendar', () => {
    const sequence = chain({ ...seoul, holidays: ['ZZ'] }, [email('a', 'Hi')]);
    try {
      compile(sequence);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CompileError);
      expect((error as CompileError).problems).toEqual([
        expect.objectContaining({
          pointer: '/settings/holidays/0',
          message: 'there is no holiday calendar for "ZZ"',
        }),
      ]);
    }
  });

  it('is cached per sequence object', () => {
    expect(compile(twoEmails)).toBe(compile(twoEmails));
  });
});
