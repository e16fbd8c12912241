import type { Sequence, SequenceNode, Settings } from '@nudge/schema';
import { validSequence } from '@nudge/schema/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, newEnrollment } from './advance.ts';
import { at, chain, delay, email, minjun, sender } from './build.test-support.ts';
import { type CompiledSequence, compile } from './compile.ts';
import { applyUpdate } from './contact.ts';
import { type Move, moveEnrollment } from './move.ts';
import {
  type Contact,
  type EnrollmentEvent,
  type EnrollmentState,
  EVENT_TYPES,
  type Input,
  type Step,
} from './types.ts';

const seoul: Settings = { timezone: 'Asia/Seoul', sender };
const weekdays: Settings = {
  ...seoul,
  schedule: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00' },
};
const start = at('2026-01-07T10:00:00+09:00'); // a Wednesday
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

const step = (id: string, type: SequenceNode['type'], data: unknown) =>
  ({ id, type, data }) as SequenceNode;
const waitFor = (id: string, rule: unknown, amount: number, unit = 'days') =>
  step(id, 'wait_for', { rule, timeout: { amount, unit } });
const task = (id: string, kind: string, waitForCompletion = true) =>
  step(id, 'task', { kind, title: '{{고객명}}님께 전화', assignee: 'owner', waitForCompletion });

const enroll = (sequence: Sequence, when = start, contact: Contact = minjun) =>
  advance(compile(sequence), newEnrollment('enr-1'), { kind: 'enrolled', contact }, when);

const move = (
  from: Sequence,
  to: Sequence,
  state: EnrollmentState,
  now: number,
  mapping: Record<string, string> = {},
  contact: Contact = minjun,
): Move =>
  moveEnrollment({
    from: compile(from),
    to: compile(to),
    version: 2,
    state,
    contact,
    mapping,
    now,
  });

function moved(result: Move) {
  if (!result.moved) throw new Error(`stayed: ${result.reason}`);
  return result;
}

const woke = (to: Sequence, state: EnrollmentState, now: number, contact: Contact = minjun) =>
  advance(compile(to), state, { kind: 'woke', version: state.version, contact }, now);

const v1 = chain(seoul, [
  email('welcome', '{{고객명}}님, 반갑습니다'),
  delay('wait', 3, 'days'),
  email('bump', 'Checking in'),
]);
const withDelay = (amount: number, unit: 'hours' | 'days' = 'days', subject = 'New subject') =>
  chain(seoul, [
    email('welcome', '{{고객명}}님, 반갑습니다'),
    delay('wait', amount, unit),
    email('bump', subject),
  ]);

describe('moving a waiting enrollee to a new version', () => {
  it('recomputes a changed delay from the arrival, then takes the new version from there', () => {
    const first = enroll(v1);
    expect(first.state.waiting).toEqual({
      kind: 'delay',
      until: start + 3 * DAY,
      arrivedAt: start,
    });
    const before = structuredClone(first.state);
    const result = moved(move(v1, withDelay(2), first.state, start + DAY));
    expect(first.state).toEqual(before);
    expect(result).toMatchObject({ node: 'wait', wakeAt: start + 2 * DAY });
    expect(result.state).toEqual({
      ...first.state,
      version: first.state.version + 1,
      waiting: { kind: 'delay', until: start + 2 * DAY, arrivedAt: start },
    });

    // A wake-up scheduled before the move is stale; the new one sends the new email once.
    const stale = advance(
      compile(withDelay(2)),
      result.state,
      { kind: 'woke', version: first.state.version, contact: minjun },
      start + 3 * DAY,
    );
    expect(stale.state).toBe(result.state);
    const next = woke(withDelay(2), result.state, start + 2 * DAY);
    expect(next.effects).toEqual([
      expect.objectContaining({
        type: 'send',
        node: 'bump',
        content: expect.objectContaining({ subject: 'New subject' }),
      }),
      expect.objectContaining({ type: 'exit', status: 'completed' }),
    ]);
  });

  it('wakes now when the new wait is already over; hours count elapsed time', () => {
    const first = enroll(v1);
    expect(moved(move(v1, withDelay(1), first.state, start + 2 * DAY)).wakeAt).toBe(
      start + 2 * DAY,
    );
    expect(moved(move(v1, withDelay(30, 'hours'), first.state, start + DAY)).wakeAt).toBe(
      start + 30 * HOUR,
    );
  });

  it('keeps the old wake-up time of a state stored before arrival times were kept', () => {
    const first = enroll(v1);
    const old = { ...first.state, waiting: { kind: 'delay' as const, until: start + 3 * DAY } };
    expect(moved(move(v1, withDelay(2), old, start + DAY)).wakeAt).toBe(start + 3 * DAY);
  });

  it('follows the mapping to another id, keeping the thread and events as they are', () => {
    const renamed = chain(seoul, [
      email('welcome', '{{고객명}}님, 반갑습니다'),
      delay('pause', 2, 'days'),
      email('bump', ''),
    ]);
    const first = enroll(v1);
    const result = moved(move(v1, renamed, first.state, start + DAY, { wait: 'pause' }));
    expect(result).toMatchObject({ node: 'pause', wakeAt: start + 2 * DAY });
    expect(result.state.thread).toEqual(first.state.thread);
    const next = woke(renamed, result.state, start + 2 * DAY);
    expect(next.effects[0]).toMatchObject({
      node: 'bump',
      content: { subject: 'Re: 김민준님, 반갑습니다' },
      thread: { inReplyTo: 'welcome', references: ['welcome'] },
    });
  });

  it('stays on its version, saying why, when its step is gone or can hold no such wait', () => {
    const first = enroll(v1);
    const removed = chain(seoul, [email('welcome', 'Hi'), email('bump', 'Bye')]);
    expect(move(v1, removed, first.state, start + DAY)).toEqual({
      moved: false,
      reason: 'node "wait" is not in version 2; map it in "migrate"',
    });
    expect(move(v1, removed, first.state, start + DAY, { wait: 'bump' })).toEqual({
      moved: false,
      reason: '"bump" in version 2 is of type email, not a delay',
    });
    expect(move(v1, removed, first.state, start + DAY, { wait: 'gone' })).toEqual({
      moved: false,
      reason: '"wait" maps to "gone", which is not in version 2',
    });
  });

  it('does not move an enrollment that ended; one not started yet moves as it is', () => {
    const ended = { ...enroll(v1).state, status: 'replied' as const, waiting: null };
    expect(move(v1, withDelay(2), ended, start)).toEqual({
      moved: false,
      reason: 'it has ended (replied)',
    });
    const fresh = newEnrollment('enr-1');
    expect(move(v1, withDelay(2), fresh, start)).toEqual({
      moved: true,
      node: null,
      state: fresh,
      wakeAt: null,
    });
  });

  it('stays rather than reach a reply email with no thread to reply in', () => {
    const quiet = chain(seoul, [delay('wait', 1, 'days'), email('first', 'Hi')]);
    const threaded = chain(seoul, [
      email('intro', 'Hello'),
      delay('wait', 1, 'days'),
      email('reply', ''),
    ]);
    const first = enroll(quiet);
    expect(first.state.thread).toBeNull();
    expect(move(quiet, threaded, first.state, start + HOUR)).toEqual({
      moved: false,
      reason: '"reply" in version 2 replies in a thread, but no email was sent yet to reply to',
    });
  });

  it('recomputes a date-field delay from the contact on the new step', () => {
    const until = (offsetDays: number, ifPast: 'continue' | 'exit') =>
      chain(seoul, [
        step('renewal', 'delay', {
          until: { field: 'contact.attributes.contract_end_date', offsetDays, at: '09:00' },
          ifPast,
        }),
        email('remind', 'Renewal'),
      ]);
    const first = enroll(until(0, 'continue'));
    expect(first.wakeAt).toBe(at('2026-03-31T09:00:00+09:00'));
    const earlier = move(until(0, 'continue'), until(-7, 'exit'), first.state, start + DAY);
    expect(moved(earlier).wakeAt).toBe(at('2026-03-24T09:00:00+09:00'));
    // Already past when the enrollee arrived: `continue` goes on now, `exit` keeps it here.
    expect(
      moved(move(until(0, 'continue'), until(-100, 'continue'), first.state, start + DAY)).wakeAt,
    ).toBe(start + DAY);
    expect(move(until(0, 'continue'), until(-100, 'exit'), first.state, start + DAY)).toEqual({
      moved: false,
      reason:
        'the date of "renewal" in version 2 (contact.attributes.contract_end_date) had passed when the enrollee arrived, and that step exits then',
    });
    const noDate = { ...minjun, attributes: {} };
    expect(
      move(until(0, 'continue'), until(-7, 'continue'), first.state, start + DAY, {}, noDate),
    ).toMatchObject({ moved: false, reason: expect.stringContaining('is not a date') });
  });
});

describe('moving at a wait_for', () => {
  const watching = (rule: unknown, amount: number) =>
    chain(seoul, [
      email('welcome', 'Hi'),
      waitFor('watch', rule, amount),
      [email('thanks', 'Thanks for reading'), 'met'],
    ]);
  const opened: EnrollmentEvent = { id: 'ev1', type: 'opened', at: start + HOUR, node: 'welcome' };

  it('wakes now to take `met` when an event already recorded satisfies the new rule', () => {
    const clicks = watching({ event: 'clicked' }, 3);
    const opens = watching({ event: 'opened' }, 3);
    const first = enroll(clicks);
    const seen = advance(
      compile(clicks),
      first.state,
      { kind: 'event', event: opened, contact: minjun },
      start + HOUR,
    );
    expect(seen.state.waiting?.kind).toBe('wait_for');
    const result = moved(move(clicks, opens, seen.state, start + DAY));
    expect(result.wakeAt).toBe(start + DAY);
    const next = woke(opens, result.state, start + DAY);
    expect(next.steps[0]).toMatchObject({ node: 'watch', action: 'branch', handle: 'met' });
    expect(next.effects[0]).toMatchObject({ type: 'send', node: 'thanks' });
  });

  it('counts a changed timeout from the arrival', () => {
    const first = enroll(watching({ event: 'clicked' }, 3));
    const later = moved(
      move(
        watching({ event: 'clicked' }, 3),
        watching({ event: 'clicked' }, 5),
        first.state,
        start + DAY,
      ),
    );
    expect(later.wakeAt).toBe(start + 5 * DAY);
    expect(later.state.waiting).toEqual({
      kind: 'wait_for',
      until: start + 5 * DAY,
      arrivedAt: start,
    });
    const over = moved(
      move(
        watching({ event: 'clicked' }, 3),
        watching({ event: 'clicked' }, 1),
        first.state,
        start + 2 * DAY,
      ),
    );
    expect(over.wakeAt).toBe(start + 2 * DAY);
    expect(
      woke(watching({ event: 'clicked' }, 1), over.state, start + 2 * DAY).steps[0],
    ).toMatchObject({
      node: 'watch',
      handle: 'timeout',
    });
  });
});

describe('moving a send deferred to its window', () => {
  const saturday = at('2026-01-10T10:00:00+09:00');
  const mailing = (settings: Settings, mode: 'auto' | 'manual' = 'auto') =>
    chain(settings, [
      step('hello', 'email', { subject: 'Hello', body: 'Hi', format: 'text', mode }),
    ]);

  it('re-plans with the new window, keeping when it was first due', () => {
    const first = enroll(mailing(weekdays), saturday);
    expect(first.state.waiting).toMatchObject({
      kind: 'send',
      until: at('2026-01-12T09:00:00+09:00'),
    });
    const afternoons: Settings = {
      ...seoul,
      schedule: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '13:00', end: '18:00' },
    };
    const later = moved(move(mailing(weekdays), mailing(afternoons), first.state, saturday + HOUR));
    expect(later.wakeAt).toBe(at('2026-01-12T13:00:00+09:00'));
    expect(later.state.waiting).toMatchObject({
      kind: 'send',
      deferral: { from: saturday, reasons: [{ code: 'weekend' }] },
    });

    const anyDay = moved(move(mailing(weekdays), mailing(seoul), first.state, saturday + HOUR));
    expect(anyDay.wakeAt).toBe(saturday + HOUR);
    const sent = woke(mailing(seoul), anyDay.state, saturday + HOUR);
    expect(sent.steps[0]).toMatchObject({
      node: 'hello',
      action: 'send',
      deferral: { from: saturday, text: 'weekend' },
    });

    // The same plan keeps its wait as it was.
    const same = moved(move(mailing(weekdays), mailing(weekdays), first.state, saturday + HOUR));
    expect(same.state.waiting).toBe(first.state.waiting);
  });

  it('stays when the step became one sent by hand', () => {
    const first = enroll(mailing(weekdays), saturday);
    expect(move(mailing(weekdays), mailing(weekdays, 'manual'), first.state, saturday)).toEqual({
      moved: false,
      reason: '"hello" in version 2 is not an automatic send, and this enrollee waits to send',
    });
  });
});

describe('moving at a task to be completed', () => {
  const calling = (node: SequenceNode) => chain(seoul, [node, email('after', 'After our call')]);

  it('moves to the same task node of the same kind; completing it goes on in the new version', () => {
    const first = enroll(calling(task('call', 'call')));
    const result = moved(
      move(calling(task('call', 'call')), calling(task('call', 'call')), first.state, start + DAY),
    );
    expect(result.wakeAt).toBeNull();
    const done = advance(
      compile(calling(task('call', 'call'))),
      result.state,
      { kind: 'taskCompleted', node: 'call', contact: minjun },
      start + DAY,
    );
    expect(done.effects.map((e) => e.type)).toEqual(['send', 'exit']);
  });

  it('stays for another kind, a task that does not wait, or another id', () => {
    const first = enroll(calling(task('call', 'call')));
    const from = calling(task('call', 'call'));
    expect(move(from, calling(task('call', 'todo')), first.state, start)).toEqual({
      moved: false,
      reason: '"call" in version 2 is a todo task, and the open one is a call task',
    });
    expect(move(from, calling(task('call', 'call', false)), first.state, start)).toMatchObject({
      moved: false,
      reason: expect.stringContaining('is not a task that waits for completion'),
    });
    expect(
      move(from, calling(task('ring', 'call')), first.state, start, { call: 'ring' }),
    ).toMatchObject({
      moved: false,
      reason: expect.stringContaining('a task wait moves only to the same id'),
    });
  });
});

/* Properties on random sequences, contacts and event scripts, driving `advance` as a driver would. */

const START = Date.parse('2026-01-01T00:00:00Z');
const UNTIL = START + 200 * DAY;

const contactArb: fc.Arbitrary<Contact> = fc.record({
  id: fc.constant('c1'),
  email: fc.constant('minjun@hanbit.example'),
  phone: fc.constant('+821012345678'),
  name: fc.constantFrom('김민준', 'Ana Díaz'),
  timezone: fc.constantFrom('Asia/Seoul', 'America/New_York', 'Europe/Berlin'),
  tags: fc.uniqueArray(fc.constantFrom('vip', 'lead'), { maxLength: 2 }),
  owner: fc.constant({ name: '이서연', email: 'seoyeon@nudge.test' }),
  attributes: fc.record({
    plan: fc.constantFrom('free', 'pro'),
    renewal_date: fc.constantFrom('2026-02-15', '2026-06-30', 'not a date'),
  }),
});

interface Scripted {
  id: string;
  t: number;
  type: EnrollmentEvent['type'];
  node?: string;
}

const scenario = validSequence.chain((raw) => {
  const sequence = raw as unknown as Sequence;
  const ids = sequence.nodes.map((n) => n.id);
  return fc.record({
    sequence: fc.constant(sequence),
    contact: contactArb,
    events: fc
      .array(
        fc.record(
          {
            t: fc.integer({ min: 0, max: 60 * 24 }).map((h) => START + h * HOUR),
            type: fc.constantFrom(...EVENT_TYPES.filter((t) => t !== 'unsubscribed')),
            node: fc.constantFrom(...ids),
          },
          { requiredKeys: ['t', 'type'] },
        ),
        { maxLength: 5 },
      )
      .map((list) =>
        list.map((e, i): Scripted => ({ ...e, id: `ev${i}` })).sort((a, b) => a.t - b.t),
      ),
    /** When to move, in thousandths of the time the enrollment is active. */
    when: fc.integer({ min: 0, max: 999 }),
    tweak: fc.record({
      here: fc.boolean(),
      pick: fc.nat(),
      amount: fc.integer({ min: 1, max: 1000 }),
      unit: fc.constantFrom('minutes', 'hours', 'days', 'weeks', 'businessDays'),
    }),
  });
});

/** An enrollment driven by `advance`: tasks that hold it are done an hour after they are reached. */
class Run {
  state: EnrollmentState = newEnrollment('enr-1');
  wakeAt: number | null = null;
  taskDoneAt: number | null = null;
  readonly steps: Step[] = [];
  /** When it ended, else when it was last driven to. */
  end = START;
  compiled: CompiledSequence;
  contact: Contact;
  private readonly script: Scripted[];
  private next = 0;

  constructor(compiled: CompiledSequence, contact: Contact, script: Scripted[]) {
    this.compiled = compiled;
    this.contact = contact;
    this.script = script;
    this.apply({ kind: 'enrolled', contact }, START);
  }

  /** Applies every input due at or before `limit`. */
  until(limit: number): this {
    while (this.state.status === 'active') {
      const event = this.script[this.next];
      const due = this.state.waiting?.kind === 'task' ? this.taskDoneAt : this.wakeAt;
      const t = Math.min(event?.t ?? Infinity, due ?? Infinity);
      if (t === Infinity || t > limit) {
        this.end = limit;
        break;
      }
      if (event && event.t === t) {
        this.next++;
        const { id, type, node } = event;
        this.apply(
          {
            kind: 'event',
            event: { id, type, at: t, ...(node ? { node } : {}) },
            contact: this.contact,
          },
          t,
        );
      } else if (this.state.waiting?.kind === 'task') {
        this.apply(
          { kind: 'taskCompleted', node: this.state.node as string, contact: this.contact },
          t,
        );
      } else {
        this.apply({ kind: 'woke', version: this.state.version, contact: this.contact }, t);
      }
    }
    return this;
  }

  private apply(input: Input, now: number) {
    const wasTask = this.state.waiting?.kind === 'task' ? this.state.node : null;
    const result = advance(this.compiled, this.state, input, now);
    this.state = result.state;
    this.wakeAt = result.wakeAt;
    this.end = now;
    this.steps.push(...result.steps);
    for (const e of result.effects)
      if (e.type === 'updateContact') this.contact = applyUpdate(this.contact, e);
    if (this.state.waiting?.kind === 'task' && this.state.node !== wasTask)
      this.taskDoneAt = now + HOUR;
  }
}

const copyOf = (sequence: Sequence) => compile(structuredClone(sequence));

/** The steps, with how long the version of each wait begun by `at` said to wait left out. */
const withoutWaitEnds = (steps: Step[], at: number) =>
  steps.map(({ until, ...rest }) =>
    rest.action === 'wait' && rest.at <= at ? rest : { ...rest, until },
  );

/** A node never sends, nor branches, twice in one enrollment. */
function expectNoRepeats(steps: Step[]) {
  const once = steps.filter((s) => s.action === 'send' || s.action === 'branch');
  expect(new Set(once.map((s) => s.node)).size).toBe(once.length);
}

describe('moving, on random sequences', () => {
  it('to an identical version changes nothing that happens: no step repeated, none skipped', () => {
    let checked = 0;
    fc.assert(
      fc.property(scenario, ({ sequence, contact, events, when }) => {
        const reference = new Run(compile(sequence), contact, events).until(UNTIL);
        const moveAt = START + Math.floor(((reference.end - START) * when) / 1000);
        const run = new Run(compile(sequence), contact, events).until(moveAt);
        if (run.state.status !== 'active') return;
        const result = moveEnrollment({
          from: run.compiled,
          to: copyOf(sequence),
          version: 2,
          state: run.state,
          contact: run.contact,
          mapping: {},
          now: moveAt,
        });
        // Random sequences have no reply emails, so every waiting enrollee can move.
        expect(result).toMatchObject({ moved: true, node: run.state.node });
        if (!result.moved) return;
        run.compiled = copyOf(sequence);
        run.state = result.state;
        run.wakeAt = result.wakeAt;
        run.until(UNTIL);
        expect(run.steps).toEqual(reference.steps);
        expect(run.state.status).toBe(reference.state.status);
        expectNoRepeats(run.steps);
        checked++;
      }),
      { numRuns: 200 },
    );
    expect(checked).toBeGreaterThan(50);
  }, 30_000);

  it('goes on exactly like an enrollee that walked the new version all along', () => {
    let checked = 0;
    let changedHere = 0;
    fc.assert(
      fc.property(scenario, ({ sequence, contact, events, when, tweak }) => {
        const end = new Run(compile(sequence), contact, events).until(UNTIL).end;
        const moveAt = START + Math.floor(((end - START) * when) / 1000);
        const run = new Run(compile(sequence), contact, events).until(moveAt);
        if (run.state.status !== 'active') return;
        // The new version changes one delay or wait_for timeout: often the one waited at.
        const next = structuredClone(sequence);
        const timed = next.nodes.filter(
          (n) => (n.type === 'delay' && 'amount' in n.data) || n.type === 'wait_for',
        );
        const changed =
          timed.find((n) => tweak.here && n.id === run.state.node) ??
          timed[tweak.pick % Math.max(1, timed.length)];
        if (changed?.type === 'delay') changed.data = { amount: tweak.amount, unit: tweak.unit };
        else if (changed?.type === 'wait_for')
          changed.data = { ...changed.data, timeout: { amount: tweak.amount, unit: tweak.unit } };
        const to = compile(next);
        const walked = new Run(to, contact, events).until(moveAt);
        // Comparable while both did the same and wait at the same step (else the new wait
        // was over before the move: see the unit tests).
        if (walked.state.status !== 'active' || run.state.node !== walked.state.node) return;
        const asOf = (steps: Step[]) => JSON.stringify(withoutWaitEnds(steps, moveAt));
        if (asOf(run.steps) !== asOf(walked.steps)) return;
        if (changed?.id === run.state.node) changedHere++;
        const result = moveEnrollment({
          from: run.compiled,
          to,
          version: 2,
          state: run.state,
          contact: run.contact,
          mapping: {},
          now: moveAt,
        });
        if (!result.moved) throw new Error(result.reason);
        expect(result.wakeAt).toBe(walked.wakeAt);
        run.compiled = to;
        run.state = result.state;
        run.wakeAt = result.wakeAt;
        run.until(UNTIL);
        walked.until(UNTIL);
        expect(withoutWaitEnds(run.steps, moveAt)).toEqual(withoutWaitEnds(walked.steps, moveAt));
        expect(run.state.status).toBe(walked.state.status);
        expectNoRepeats(run.steps);
        checked++;
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(50);
    expect(changedHere).toBeGreaterThan(10);
  }, 30_000);
});
