/**
 * Merge-variable aliases (settings.variables, name → path) as rows a person edits one at a
 * time. A JSON object can't hold a row while its name is still empty, nor two rows of one
 * name: such rows stay in the form only, and the file gets every other row, in order.
 */
import { isObject } from './settings-edit.ts';

export interface AliasRow {
  /** Stable across edits, for React's list keys and focus. */
  key: number;
  name: string;
  path: string;
}

let nextKey = 1;

export function newRow(name = '', path = ''): AliasRow {
  return { key: nextKey++, name, path };
}

/** The rows of the file's aliases; a value that is not text shows empty. */
export function rowsOf(variables: unknown): AliasRow[] {
  if (!isObject(variables)) return [];
  return Object.entries(variables).map(([name, path]) =>
    newRow(name, typeof path === 'string' ? path : ''),
  );
}

/** Why a row is not in the file: it has no name yet, or an earlier row has its name. */
export type RowState = 'saved' | 'unnamed' | 'duplicate';

export function rowStates(rows: readonly AliasRow[]): RowState[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    if (row.name === '') return 'unnamed';
    if (seen.has(row.name)) return 'duplicate';
    seen.add(row.name);
    return 'saved';
  });
}

/** The aliases the rows write to the file; undefined when there are none (the default). */
export function aliasesOf(rows: readonly AliasRow[]): Record<string, string> | undefined {
  const states = rowStates(rows);
  const out: Record<string, string> = {};
  rows.forEach((row, i) => {
    if (states[i] === 'saved') out[row.name] = row.path;
  });
  return Object.keys(out).length === 0 ? undefined : out;
}

/**
 * Whether the rows say what the file says (same names, paths and order). When they don't, the
 * file changed from elsewhere (undo, another panel) and the rows are read again.
 */
export function rowsMatch(rows: readonly AliasRow[], variables: unknown): boolean {
  const written = aliasesOf(rows);
  if (written === undefined) return !isObject(variables) || Object.keys(variables).length === 0;
  if (!isObject(variables)) return false;
  return JSON.stringify(written) === JSON.stringify(variables);
}
