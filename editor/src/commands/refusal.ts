import type { Sequence } from '@nudge/schema';

/**
 * What a command answers: the new sequence (with what it made, such as a new step's id), or
 * why it could not be done. A refusal is shown to the user next to the pointer: `message` is
 * English and names the ids; the canvas words it in the UI's language from `refused`.
 */

export type RefusalCode =
  | 'unknown_step'
  | 'unknown_edge'
  | 'unknown_handle'
  | 'into_entry'
  | 'from_exit'
  | 'self_loop'
  | 'cycle'
  | 'handle_taken'
  | 'entry_kept'
  | 'not_steps'
  | 'too_many_steps';

/** Why a command could not be done. */
export interface Refusal {
  refused: RefusalCode;
  message: string;
  /** The step the refusal is about, to point at it. */
  stepId?: string;
  /** The edge the refusal is about (for handle_taken: the edge already on that handle). */
  edgeId?: string;
}

export type Done<T = Record<never, never>> = { sequence: Sequence } & T;
export type Outcome<T = Record<never, never>> = Done<T> | Refusal;

/** Whether an answer is a refusal (of a command, or of readClipboard). */
export function isRefusal<T extends object>(outcome: T | Refusal): outcome is Refusal {
  return 'refused' in outcome;
}

export function refuse(
  refused: RefusalCode,
  message: string,
  about: { stepId?: string; edgeId?: string } = {},
): Refusal {
  return { refused, message, ...about };
}
