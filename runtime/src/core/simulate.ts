import type { Sequence } from '@nudge/schema';
import { advance, newEnrollment } from './advance.ts';
import { compile, policyOf } from './compile.ts';
import { applyUpdate } from './contact.ts';
import type {
  Advanced,
  Contact,
  DeferralReason,
  EnrollmentState,
  EnrollmentStatus,
  EventType,
  Input,
  Sender,
  Step,
  StepAction,
} from './types.ts';

/** An event of a simulation's script (FORMAT.md section 6): `at` is ISO 8601. */
export interface ScriptedEvent {
  at: string;
  type: EventType;
  node?: string;
  name?: string;
}

export interface SimulateOptions {
  sequence: Sequence;
  contact: Contact;
  events?: ScriptedEvent[];
  /** When the contact is enrolled, ISO 8601. */
  start: string;
  /** When the simulation stops, ISO 8601: the enrollment may still be active then. */
  until: string;
  enrollmentId?: string;
  /** The workspace's default sender, when the sequence has none. */
  sender?: Sender;
}

/** One line of a simulated timeline: FORMAT.md section 7, plus local time and deferral. */
export interface TimelineEntry {
  /** ISO 8601, UTC. */
  at: string;
  /** The same instant in the enrollment's zone, ISO 8601 with its offset. */
  local: string;
  node: string;
  type: string;
  action: StepAction;
  handle?: string;
  channel?: string;
  subject?: string;
  /** For `wait`: until when, ISO 8601 UTC. */
  until?: string;
  /** For a send or task that waited past its due time: since when, and why (in words and data). */
  deferred?: { from: string; reason: string; reasons?: DeferralReason[] };
  status?: Exclude<EnrollmentStatus, 'active'>;
  note?: string;
  /** For a `send` that did not happen: why. */
  skipped?: string;
  warnings?: string[];
}

export interface Simulation {
  status: EnrollmentStatus;
  /** The enrollment's zone, in which `local` times are given. */
  zone: string;
  timeline: TimelineEntry[];
  /** How many inputs were applied (enrolled, wake-ups, events, completed tasks). */
  inputs: number;
}

/**
 * Runs one contact through a sequence on a virtual clock (FORMAT.md section 7): the very
 * `advance` the worker runs, driven by the wake-up times it asks for and a scripted list of
 * events. Events at the same instant as a wake-up are recorded first, since exit criteria
 * apply the moment an event is recorded. Tasks that hold the enrollment are taken as done
 * when they fall due, as a punctual colleague would.
 */
export function simulate(options: SimulateOptions): Simulation {
  const compiled = compile(options.sequence, options.sender ? { sender: options.sender } : {});
  const start = instant(options.start, 'start');
  const until = instant(options.until, 'until');
  if (until < start) throw new RangeError('the simulation must end after it starts');
  const script = (options.events ?? [])
    .map((event, index) => ({ event, index, at: instant(event.at, `events[${index}].at`) }))
    .sort((a, b) => a.at - b.at || a.index - b.index);

  let contact = options.contact;
  let state: EnrollmentState = newEnrollment(options.enrollmentId ?? 'simulation');
  const steps: Step[] = [];
  const tasks: Array<{ node: string; at: number }> = [];
  let inputs = 0;
  const apply = (input: Input, now: number): Advanced => {
    inputs++;
    const result = advance(compiled, state, input, now);
    state = result.state;
    steps.push(...result.steps);
    for (const effect of result.effects) {
      if (effect.type === 'updateContact') contact = applyUpdate(contact, effect);
      if (effect.type === 'createTask' && effect.waitForCompletion)
        tasks.push({ node: effect.node, at: effect.due });
    }
    return result;
  };

  let wakeAt = apply({ kind: 'enrolled', contact }, start).wakeAt;
  let next = 0;
  // Events before the enrollment began don't count (FORMAT.md section 3: "since the enrollment began").
  while (script[next] && (script[next]?.at ?? 0) < start) next++;
  // Every turn moves the clock forward or consumes an event or task; the cap is a safety net.
  for (let turn = 0; state.status === 'active'; turn++) {
    if (turn > 1_000_000) throw new Error('the simulation did not settle after 1,000,000 inputs');
    const event = script[next];
    const task = tasks[0];
    const at = Math.min(event?.at ?? Infinity, wakeAt ?? Infinity, task?.at ?? Infinity);
    if (at === Infinity || at > until) break;
    if (event && event.at === at) {
      next++;
      const { type, node, name } = event.event;
      wakeAt = apply(
        {
          kind: 'event',
          event: {
            id: `event-${event.index}`,
            type,
            at,
            ...(node ? { node } : {}),
            ...(name ? { name } : {}),
          },
          contact,
        },
        at,
      ).wakeAt;
    } else if (task && task.at === at) {
      tasks.shift();
      wakeAt = apply({ kind: 'taskCompleted', node: task.node, contact }, at).wakeAt;
    } else {
      wakeAt = apply({ kind: 'woke', version: state.version, contact }, at).wakeAt;
    }
  }

  const policy = policyOf(compiled, contact);
  const iso = (t: number) => new Date(t).toISOString();
  return {
    status: state.status,
    zone: policy.zone,
    inputs,
    timeline: steps.map((step) => {
      const { at, until: waitUntil, deferral, ...rest } = step;
      return {
        at: iso(at),
        local: policy.localTime(at),
        ...rest,
        ...(waitUntil !== undefined && waitUntil !== null ? { until: iso(waitUntil) } : {}),
        ...(deferral
          ? {
              deferred: {
                from: iso(deferral.from),
                reason: deferral.text,
                reasons: deferral.reasons,
              },
            }
          : {}),
      };
    }),
  };
}

function instant(text: string, what: string): number {
  const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)
    ? Date.parse(text)
    : Number.NaN;
  if (Number.isNaN(at))
    throw new RangeError(
      `${what} must be an ISO 8601 time with a zone, such as 2026-01-05T09:00:00+09:00; got "${text}"`,
    );
  return at;
}
