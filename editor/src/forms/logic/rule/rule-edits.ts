import { CONTACT_FIELDS, fieldKind } from './contact-fields.ts';
import { defaultOperator, isOrdering, operatorsFor } from './operators.ts';
import type { EventPart, FieldPart, GroupPart, Match, RulePart } from './rule-model.ts';
import { convertList, convertValue, type ValueKind, valueKindOf } from './values.ts';

/**
 * The rule builder's edits, as pure functions from a part to a new part. Each keeps what
 * still makes sense: a new field keeps the comparison when the field has it, a new
 * comparison keeps the value ("in" makes it a list of one), a new type converts the value.
 */

const FIRST_FIELD = CONTACT_FIELDS[0]?.path ?? 'contact.name';

export function newCondition(field = FIRST_FIELD): FieldPart {
  const kind = fieldKind(field);
  const op = defaultOperator(kind);
  return { kind: 'field', field, op, hasValue: true, value: kind === 'boolean' ? true : '' };
}

export const newGroup = (match: Match = 'all'): GroupPart => ({
  kind: 'group',
  match,
  items: [newCondition()],
});

export function newEvent(event: string): EventPart {
  return event === 'custom' ? { kind: 'event', event, name: '' } : { kind: 'event', event };
}

/** The test of another field: its comparison kept when the field has it, its value converted. */
export function withField(part: FieldPart, field: string): FieldPart {
  const kind = fieldKind(field);
  const op = operatorsFor(kind).includes(part.op) ? part.op : defaultOperator(kind);
  const moved = withOperator({ ...part, field }, op);
  if (!moved.hasValue) return moved;
  const list = op === 'in';
  const valueKind = valueKindOf(moved.value, { list, field: kind });
  const allowed: ValueKind[] =
    kind === 'attribute' ? [valueKind] : kind === 'boolean' ? ['boolean'] : ['text'];
  const target = allowed.includes(valueKind) ? valueKind : (allowed[0] as ValueKind);
  return { ...moved, value: convertTo(moved.value, target, list) };
}

/** Another comparison: `exists` drops the value, `in` makes it a list, the others one value. */
export function withOperator(part: FieldPart, op: string): FieldPart {
  if (op === 'exists')
    return { kind: 'field', field: part.field, op, hasValue: false, value: undefined };
  const kind = fieldKind(part.field);
  let value: unknown = part.hasValue ? part.value : kind === 'boolean' ? true : '';
  if (op === 'in') value = Array.isArray(value) ? value : value === '' ? [] : [value];
  else if (Array.isArray(value)) value = value.length > 0 ? value[0] : '';
  // Ordering compares numbers or dates: a yes/no or an object has no order.
  if (isOrdering(op) && typeof value !== 'number' && typeof value !== 'string') value = 0;
  return { ...part, op, hasValue: true, value };
}

/** The value as another type ("Number", "Date"...), a list item by item. */
export function withValueKind(part: FieldPart, kind: ValueKind): FieldPart {
  if (!part.hasValue) return part;
  return { ...part, value: convertTo(part.value, kind, part.op === 'in') };
}

function convertTo(value: unknown, kind: ValueKind, list: boolean): unknown {
  if (list) return Array.isArray(value) ? convertList(value, kind) : [];
  return convertValue(value, kind);
}

/** Another event: a custom event gets a name to fill in; a message event keeps its step. */
export function withEvent(part: EventPart, event: string): EventPart {
  const next: EventPart = { kind: 'event', event };
  if (part.node !== undefined) next.node = part.node;
  if (event === 'custom') next.name = part.name ?? '';
  return next;
}

/** The part reversed: {"not": part}. (Clearing "Not" gives back the part inside.) */
export const negated = (part: RulePart): RulePart => ({ kind: 'not', inner: part });

/** A bare test at the top of a rule, joined by a new one: both in an "all" group. */
export function joined(root: RulePart, added: RulePart): GroupPart {
  if (root.kind === 'group') return { ...root, items: [...root.items, added] };
  if (root.kind === 'none') return { kind: 'group', match: 'all', items: [added] };
  return { kind: 'group', match: 'all', items: [root, added] };
}
