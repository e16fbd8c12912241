import type { Problem } from '@nudge/schema';
import type { FormContext } from '../../types.ts';
import type { RulePart } from './rule-model.ts';

/** What each view of a part of a rule gets from the view around it. */
export interface PartProps<P extends RulePart = RulePart> {
  part: P;
  /** The part's JSON pointer in the document. */
  pointer: string;
  /** The live validator's problems at the pointer or under it. */
  problems: Problem[];
  /** A new part in its place; `field` names what changed (see edit-names.ts). */
  onChange(part: RulePart, field: string): void;
  context: FormContext;
  /** How deep the part sits, the top of the rule being 1 (LIMITS.ruleDepth bounds it). */
  depth: number;
  /** Its accessible name: "Condition 2", "Group 1"; empty for the top group, named by its box. */
  label: string;
  /** Its number among its siblings, from 1. */
  n: number;
  /** Absent at the top of the rule, which is not removed. */
  onRemove?: () => void;
  /** Present when the part is reversed by the {"not": …} around it: the box is checked. */
  negation?: { pointer: string; onToggle(): void };
}
