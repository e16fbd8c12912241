import type { Sequence } from '@nudge/schema';
import { validSequence } from '@nudge/schema/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, newEnrollment } from './advance.ts';
import { type CompiledSequence, compile, policyOf } from './compile.ts';
import { applyUpdate } from './contact.ts';
import { type ScriptedEvent, simulate } from './simulate.ts';
import { type Contact, type EnrollmentState, EVENT_TYPES, type Input } from './types.ts';

/* Properties of the interpreter on random valid sequences, contacts and event scripts. */

const START = Date.parse('2026-01-01T00:00:00Z');
const HOUR = 3600 * 1000;
const UNTIL = START + 400 * 24 * HOUR;

const contactArb: fc.Arbitrary<Contact> = fc.record(
  {
    id: fc.constant('c1'),
    email: fc.constantFrom('minjun@hanbit.example', 'ana@example.com'),
    phone: fc.constant('+821012345678'),
    name: fc.constantFrom('김민준', 'Ana Díaz'),
    title: fc.constantFrom('CTO', 'CEO'),
    timezone: fc.constantFrom('Asia/Seoul', 'America/New_York', 'Europe/Berlin', 'Nowhere/Invalid'),
    tags: fc.uniqueArray(fc.constantFrom('vip', 'lead'), { maxLength: 2 }),
    owner: fc.record({ name: fc.constant('이서연'), email: fc.constant('seoyeon@nudge.test') }),
    attributes: fc.record(
      {
        plan: fc.constantFrom('free', 'pro'),
        renewal_date: fc.constantFrom('2026-02-15', '2026-06-30', '2025-12-01', 'not a date'),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['id', 'name', 'timezone'] },
);

const scriptArb = (nodes: string[]): fc.Arbitrary<ScriptedEvent[]> =>
  fc.array(
    fc.record(
      {
        at: fc
          .integer({ min: 0, max: 120 * 24 })
          .map((h) => new Date(START + h * HOUR).toISOString()),
        type: fc.constantFrom(...EVENT_TYPES),
        node: fc.constantFrom(...nodes),
        name: fc.constantFrom('demo_booked', 'webinar'),
      },
      { requiredKeys: ['at', 'type'] },
    ),
    { maxLength: 6 },
  );

const scenario = validSequence.chain((raw) => {
  const sequence = raw as unknown as Sequence;
  return fc.record({
    sequence: fc.constant(sequence),
    contact: contactArb,
    events: scriptArb(sequence.nodes.map((n) => n.id)),
  });
});

const iso = (t: number) => new Date(t).toISOString();
const run = (s: { sequence: Sequence; contact: Contact; events: ScriptedEvent[] }) =>
  simulate({ ...s, start: iso(START), until: iso(UNTIL), enrollmentId: 'enr-1' });

/** Drives `advance` like the simulator does, keeping every input and the state after it. */
function drive(compiled: CompiledSequence, contact: Contact, events: ScriptedEvent[]) {
  let state: EnrollmentState = newEnrollment('enr-1');
  let current = contact;
  const applied: Array<{ input: Input; now: number; state: EnrollmentState }> = [];
  const apply = (input: Input, now: number) => {
    const result = advance(compiled, state, input, now);
    state = result.state;
    for (const e of result.effects)
      if (e.type === 'updateContact') current = applyUpdate(current, e);
    applied.push({ input, now, state });
    return result.wakeAt;
  };
  let wakeAt = apply({ kind: 'enrolled', contact }, START);
  const script = events
    .map((e, i) => ({ ...e, id: `ev${i}`, t: Date.parse(e.at) }))
    .sort((a, b) => a.t - b.t);
  let last = START;
  while (state.status === 'active') {
    const next = script[0];
    // A task that holds the enrollment is done an hour after it was reached.
    const due = state.waiting?.kind === 'task' ? last + HOUR : (wakeAt ?? Infinity);
    const t = Math.min(next?.t ?? Infinity, due);
    last = t;
    if (t === Infinity || t > UNTIL) break;
    if (next && next.t === t) {
      script.shift();
      wakeAt = apply(
        {
          kind: 'event',
          event: {
            id: next.id,
            type: next.type,
            at: t,
            ...(next.node ? { node: next.node } : {}),
            ...(next.name ? { name: next.name } : {}),
          },
          contact: current,
        },
        t,
      );
    } else if (state.waiting?.kind === 'task') {
      wakeAt = apply({ kind: 'taskCompleted', node: state.node as string, contact: current }, t);
    } else {
      wakeAt = apply({ kind: 'woke', version: state.version, contact: current }, t);
    }
  }
  return { applied, state, contact: current };
}

describe('the interpreter, on random sequences', () => {
  it('never sends automatically at an instant the send policy has closed', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const sim = run(s);
        const compiled = compile(s.sequence);
        const policy = policyOf(compiled, s.contact);
        for (const entry of sim.timeline)
          if (entry.action === 'send' && !entry.skipped)
            expect(policy.isOpen(Date.parse(entry.at)), `${entry.node} at ${entry.local}`).toBe(
              true,
            );
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same timeline for the same inputs', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        expect(run(structuredClone(s))).toEqual(run(structuredClone(s)));
      }),
      { numRuns: 100 },
    );
  });

  it('changes nothing when an input is applied again, at any later point', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { applied } = drive(compile(s.sequence), s.contact, s.events);
        const compiled = compile(s.sequence);
        for (let i = 0; i < applied.length; i++) {
          const { input, now } = applied[i] as (typeof applied)[number];
          for (let j = i; j < applied.length; j++) {
            const later = (applied[j] as (typeof applied)[number]).state;
            const again = advance(
              compiled,
              later,
              input,
              Math.max(now, (applied[j] as { now: number }).now),
            );
            expect(again.effects).toEqual([]);
            expect(again.state).toBe(later);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('does nothing after the enrollment ended', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom(...EVENT_TYPES), (s, type) => {
        const compiled = compile(s.sequence);
        const { state, contact } = drive(compiled, s.contact, s.events);
        fc.pre(state.status !== 'active');
        const later = UNTIL + HOUR;
        for (const input of [
          { kind: 'woke', version: state.version, contact },
          { kind: 'event', event: { id: 'late', type, at: later }, contact },
          { kind: 'taskCompleted', node: state.node ?? 'start', contact },
          { kind: 'stop' },
          { kind: 'enrolled', contact },
        ] satisfies Input[]) {
          const result = advance(compiled, state, input, later);
          expect(result.effects).toEqual([]);
          expect(result.state).toBe(state);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('sends nothing after a reply, whenever it comes', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 90 * 24 * 60 }), (s, minutes) => {
        const sequence = {
          ...s.sequence,
          settings: {
            ...s.sequence.settings,
            exit: { ...s.sequence.settings?.exit, onReply: true },
          },
        } as Sequence;
        const replyAt = START + minutes * 60 * 1000;
        const events = [...s.events, { at: iso(replyAt), type: 'replied' as const }];
        const sim = run({ ...s, sequence, events });
        const exit = sim.timeline.findIndex((e) => e.action === 'exit');
        for (const entry of sim.timeline.filter((e) => e.action === 'send'))
          expect(Date.parse(entry.at)).toBeLessThanOrEqual(replyAt);
        if (exit >= 0) expect(sim.timeline.slice(exit + 1)).toEqual([]);
        expect(sim.status).not.toBe('active');
      }),
      { numRuns: 150 },
    );
  });
});
