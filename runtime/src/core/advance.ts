import type { CompiledSequence } from './compile.ts';
import { exitFor, goalMet } from './exits.ts';
import type { Advanced, EnrollmentState, Input } from './types.ts';
import { Walk } from './walk.ts';

/** The state of an enrollment before its `enrolled` input. */
export function newEnrollment(enrollmentId: string): EnrollmentState {
  return {
    enrollmentId,
    version: 0,
    status: 'active',
    node: null,
    waiting: null,
    enrolledAt: null,
    events: [],
    thread: null,
  };
}

/**
 * Applies one input to an enrollment at instant `now` (FORMAT.md section 4). Pure: the same
 * arguments always give the same result, and nothing is changed in place.
 *
 * An input that does not apply — a stale or early wake-up, an event already recorded, a task
 * the enrollee is not waiting for, anything after the enrollment ended — returns the state as
 * it was, no effects, and the wake-up time still pending.
 */
export function advance(
  compiled: CompiledSequence,
  state: EnrollmentState,
  input: Input,
  now: number,
): Advanced {
  if (!applies(state, input, now))
    return { state, effects: [], wakeAt: state.waiting?.until ?? null, steps: [] };

  const walk = new Walk(compiled, { ...state, version: state.version + 1 }, now, contactOf(input));
  switch (input.kind) {
    case 'enrolled':
      walk.state.enrolledAt = now;
      if (input.contact.unsubscribed || input.suppressed)
        walk.exit(
          'unsubscribed',
          input.suppressed ? 'the contact is suppressed' : 'the contact is unsubscribed',
        );
      else if (goalMet(compiled, walk.contact, walk.state.events))
        walk.exit('converted', 'the goal was already met when enrolled');
      else walk.enter(compiled.entry);
      break;
    case 'woke':
      if (goalMet(compiled, walk.contact, walk.state.events))
        walk.exit('converted', 'the goal is met');
      else walk.resume();
      break;
    case 'event': {
      walk.state.events = [...state.events, input.event];
      const exit = exitFor(compiled, input.event, walk.contact, walk.state.events);
      if (exit) walk.exit(exit.status, exit.reason);
      else walk.eventRecorded();
      break;
    }
    case 'taskCompleted':
      if (goalMet(compiled, walk.contact, walk.state.events))
        walk.exit('converted', 'the goal is met');
      else walk.taskCompleted();
      break;
    case 'stop':
      walk.exit(input.status ?? 'stopped', input.reason ?? 'stopped by a person');
      break;
  }
  return walk.result();
}

function applies(state: EnrollmentState, input: Input, now: number): boolean {
  if (input.kind === 'enrolled') return state.enrolledAt === null && state.version === 0;
  if (state.status !== 'active' || state.enrolledAt === null) return false;
  switch (input.kind) {
    case 'woke':
      return (
        input.version === state.version &&
        state.waiting !== null &&
        state.waiting.until !== null &&
        now >= state.waiting.until
      );
    case 'event':
      // "Since the enrollment began" (FORMAT.md section 3): an earlier event counts for nothing.
      return (
        input.event.at >= state.enrolledAt && !state.events.some((e) => e.id === input.event.id)
      );
    case 'taskCompleted':
      return state.waiting?.kind === 'task' && state.node === input.node;
    case 'stop':
      return true;
  }
}

function contactOf(input: Input) {
  return input.kind === 'stop' ? {} : input.contact;
}
