import { FIELD_OPS } from '@nudge/schema';
import type { FieldKind } from './contact-fields.ts';
import type { ValueKind } from './values.ts';

/**
 * Which comparisons make sense for a kind of field, and how each reads in words. An
 * operator a rule already uses stays offered, even where it makes little sense, so that
 * opening a file never changes its rule.
 */

export type FieldOp = (typeof FIELD_OPS)[number];

const BY_KIND: Record<FieldKind, readonly FieldOp[]> = {
  text: ['eq', 'neq', 'contains', 'in', 'exists'],
  // Tags are a list: "contains" is "has the tag", "in" is "has one of the tags".
  tags: ['contains', 'in', 'exists'],
  boolean: ['eq', 'neq', 'exists'],
  attribute: FIELD_OPS,
};

export function operatorsFor(kind: FieldKind, current?: string): string[] {
  const ops: string[] = [...BY_KIND[kind]];
  if (current !== undefined && !ops.includes(current)) ops.push(current);
  return ops;
}

export const defaultOperator = (kind: FieldKind): FieldOp => BY_KIND[kind][0] as FieldOp;

export const isFieldOp = (op: string): op is FieldOp =>
  (FIELD_OPS as readonly string[]).includes(op);

/** The ordering comparisons, which take a number or a date. */
export const isOrdering = (op: string): op is Ordering =>
  op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte';

/** The key of an operator's words under logic.rule: tags and dates read their own way. */
type Ordering = 'gt' | 'gte' | 'lt' | 'lte';
type TagOp = 'contains' | 'in' | 'exists';
export type OperatorLabelKey = `ops.${FieldOp}` | `dateOps.${Ordering}` | `tagOps.${TagOp}`;

export function operatorLabelKey(
  op: FieldOp,
  field: FieldKind,
  value: ValueKind,
): OperatorLabelKey {
  if (field === 'tags' && (op === 'contains' || op === 'in' || op === 'exists'))
    return `tagOps.${op}`;
  if (value === 'date' && isOrdering(op)) return `dateOps.${op}`;
  return `ops.${op}`;
}
