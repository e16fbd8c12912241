import type { FieldKind } from './contact-fields.ts';

/**
 * The value a field test compares with, typed: the rule builder shows a number box, a date
 * picker or a yes/no choice instead of a text box, and writes JSON numbers, ISO dates and
 * booleans. `json` is for values no control fits (null, objects, mixed lists): edited as JSON.
 */
export type ValueKind = 'text' | 'number' | 'date' | 'boolean' | 'json';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]/;
const NUMBER = /^\s*-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/** The kinds a marketer chooses from for a field: attributes may hold anything. */
export function valueKindsFor(field: FieldKind): ValueKind[] {
  if (field === 'attribute') return ['text', 'number', 'date', 'boolean'];
  if (field === 'boolean') return ['boolean'];
  return ['text'];
}

/** Whether one value can be shown as `kind`. */
export function fits(value: unknown, kind: ValueKind): boolean {
  switch (kind) {
    case 'text':
      return typeof value === 'string';
    case 'date':
      return typeof value === 'string' && (value === '' || DATE.test(value));
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'json':
      return true;
  }
}

/**
 * How to show `value` (a list's items, for `in`): as `preferred` when it fits (a date picker
 * left empty is still a date), else as what the value is.
 */
export function valueKindOf(
  value: unknown,
  options: { list: boolean; field: FieldKind; preferred?: ValueKind },
): ValueKind {
  const { list, field, preferred } = options;
  if (value === undefined) return preferred ?? valueKindsFor(field)[0] ?? 'text';
  if (list !== Array.isArray(value)) return 'json';
  const items: unknown[] = list ? (value as unknown[]) : [value];
  if (preferred && items.every((v) => fits(v, preferred))) return preferred;
  if (items.length === 0) return valueKindsFor(field)[0] ?? 'text';
  if (items.every((v) => typeof v === 'string'))
    return field === 'attribute' && items.every((v) => DATE.test(v as string)) ? 'date' : 'text';
  for (const kind of ['number', 'boolean'] as const)
    if (items.every((v) => fits(v, kind)) && (!list || kind === 'number')) return kind;
  return 'json';
}

/** `value` as a `kind`, keeping what can be kept ("42" becomes 42; "yes" as a number is 0). */
export function convertValue(value: unknown, kind: ValueKind): unknown {
  switch (kind) {
    case 'text':
      return typeof value === 'string'
        ? value
        : typeof value === 'number' || typeof value === 'boolean'
          ? String(value)
          : '';
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      return typeof value === 'string' && NUMBER.test(value) ? Number(value) : 0;
    case 'date': {
      if (typeof value !== 'string') return '';
      if (DATE.test(value)) return value;
      return DATE_TIME.exec(value)?.[1] ?? '';
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      return value !== 'false';
    case 'json':
      return value === undefined ? null : value;
  }
}

export const convertList = (list: unknown[], kind: ValueKind) =>
  list.map((item) => convertValue(item, kind));

/** Parses one typed value from its control's text; null when the text is not one. */
export function parseValue(text: string, kind: ValueKind): { value: unknown } | null {
  switch (kind) {
    case 'text':
      return { value: text };
    case 'date':
      return text === '' || DATE.test(text) ? { value: text } : null;
    case 'number':
      return NUMBER.test(text) ? { value: Number(text) } : null;
    case 'boolean':
      return text === 'true' || text === 'false' ? { value: text === 'true' } : null;
    case 'json':
      try {
        return { value: JSON.parse(text) };
      } catch {
        return null;
      }
  }
}

/** The text a control shows for one value. */
export function formatValue(value: unknown, kind: ValueKind): string {
  if (kind === 'json') return JSON.stringify(value) ?? '';
  return typeof value === 'string' ? value : String(value ?? '');
}

/** A list, one item a line (for `in`). */
export const formatLines = (list: unknown[], kind: ValueKind) =>
  list.map((item) => formatValue(item, kind)).join('\n');

/**
 * The list in `text`, one item a line, blank lines skipped; `bad` is the first line (from 1)
 * that is not a `kind`.
 */
export function parseLines(text: string, kind: ValueKind): { list: unknown[] } | { bad: number } {
  const list: unknown[] = [];
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const parsed = parseValue(kind === 'text' ? line : line.trim(), kind);
    if (!parsed) return { bad: i + 1 };
    list.push(parsed.value);
  }
  return { list };
}
