import type { NodeData, NodeType, Problem } from '@nudge/schema';

/**
 * What every step form gets. The step's `data` is as stored in the document: an opened file
 * may hold anything there, so forms read it defensively (a missing field shows empty) and
 * write back whole, valid-shaped data.
 */
export interface StepFormProps<T extends NodeType = NodeType> {
  step: { id: string; type: T; data: unknown };
  /** The step's JSON pointer in the document, e.g. "/nodes/3"; its data is at `${pointer}/data`. */
  pointer: string;
  /** Every problem of the live validator whose pointer is this step's or under it. */
  problems: Problem[];
  /**
   * Writes the step's new data. `field` names what changed ("subject", "body", "rule"...):
   * consecutive changes of one field make one undo step, so typing a word is undone at once.
   */
  onChange(data: NodeData<T>, field: string): void;
  context: FormContext;
}

/** What a form may need to know of the rest of the sequence. */
export interface FormContext {
  /** Every step, in document order: rules name message steps, pickers list them. */
  steps: Array<{ id: string; type: string }>;
  /** The sequence's merge-variable aliases (settings.variables), for completion. */
  variables: Record<string, string>;
  /** Keys of contact.attributes the sequence reads somewhere, for the "Insert variable" menu. */
  attributes?: readonly string[];
}

/** A form component for one step type. */
export type StepForm<T extends NodeType = NodeType> = (props: StepFormProps<T>) => React.ReactNode;

/** The forms a group of step types provides, by type. */
export type StepForms = { [T in NodeType]?: StepForm<T> };
