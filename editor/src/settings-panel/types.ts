import type { Problem, Settings } from '@nudge/schema';

/** What the sequence settings form edits: the file's own fields, read defensively. */
export interface SequenceFields {
  name?: unknown;
  description?: unknown;
  settings?: unknown;
}

/**
 * What an edit writes. A key present with `undefined` leaves the file (an empty description,
 * settings that are all defaults).
 */
export interface SequenceFieldsChange {
  name?: string;
  description?: string | undefined;
  settings?: Settings | undefined;
}

export interface SequenceSettingsFormProps {
  sequence: SequenceFields;
  /** The live validator's problems of the whole file; each shows beside its field, by pointer. */
  problems: Problem[];
  /**
   * Writes the change. `field` names what changed ("name", "timezone", "schedule.start"...):
   * consecutive changes of one field make one undo step.
   */
  onChange(fields: SequenceFieldsChange, field: string): void;
  /** The sequence's steps, for the goal rule (events of a chosen message step). */
  context: { steps: Array<{ id: string; type: string }> };
}

/** What each section of the form gets: the settings as the file has them, and how to write new ones. */
export interface SectionProps {
  settings: unknown;
  problems: Problem[];
  write(settings: Settings | undefined, field: string): void;
}
