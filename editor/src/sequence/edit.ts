import type { Sequence } from '@nudge/schema';

/**
 * What the store needs of a command's outcome (../commands defines the full types): the new
 * document, or why the edit was refused.
 */
export type EditOutcome = { sequence: Sequence } | Refusal;

export interface Refusal {
  refused: string;
  /** English, naming the ids; the UI shows its own text by `refused`. */
  message: string;
  stepId?: string;
  edgeId?: string;
}

export interface EditOptions {
  /** What the edit changes, e.g. "email-2/subject": edits of one field in a row are one undo step. */
  field?: string;
  /** The steps to select once the edit is done (e.g. the one just added). */
  select?: (outcome: { sequence: Sequence } & Record<string, unknown>) => string[] | undefined;
  /** Bring the first selected step into view. */
  focus?: boolean;
  /** Where on the screen the edit was tried (a drop, the end of a drag), to say there why it was refused. */
  at?: { x: number; y: number };
}

export function isRefused(outcome: EditOutcome): outcome is Refusal {
  return 'refused' in outcome;
}
