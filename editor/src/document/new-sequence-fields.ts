/**
 * The New sequence dialog's two fields as the format wants them (FORMAT.md section 1): a name
 * of 1 to 200 characters, an id matching [a-z0-9][a-z0-9-_]{0,63} and not taken on the server.
 */

export const SEQUENCE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** The longest name, in characters (the schema's maxLength, counted in code points by ajv). */
export const NAME_MAX = 200;

export type NameProblem = 'required' | 'too_long';
export type IdProblem = 'required' | 'invalid' | 'taken';

export function nameProblem(name: string): NameProblem | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'required';
  // Counted as the validator counts: in characters (code points), not UTF-16 units.
  if ([...trimmed].length > NAME_MAX) return 'too_long';
  return null;
}

export function idProblem(id: string, taken: ReadonlySet<string>): IdProblem | null {
  if (id === '') return 'required';
  if (!SEQUENCE_ID.test(id)) return 'invalid';
  if (taken.has(id)) return 'taken';
  return null;
}
