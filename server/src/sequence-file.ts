import { checkSequenceBytes, type Sequence } from '@nudge/schema';
import type { Context } from 'hono';
import { jsonBodyBytes } from './body.ts';
import { ApiError } from './errors.ts';

/**
 * The request body checked as a sequence file (CheckedFile of @nudge/schema), or a 400 when it
 * is not JSON or can't be read as text.
 */
export async function checkedBody(c: Context) {
  const checked = checkSequenceBytes(await jsonBodyBytes(c));
  if (checked.kind === 'unreadable' && checked.code === 'invalid_json') {
    const { line, column, offset } = checked.position;
    throw new ApiError(
      400,
      checked.code,
      `the body is not JSON: ${checked.message}, at line ${line}, column ${column}`,
      { line, column, offset },
    );
  }
  if (checked.kind === 'unreadable') throw new ApiError(400, checked.code, checked.message);
  return checked;
}

/**
 * The sequence file of a request, read and validated the way `nudge validate` and
 * POST /api/validate do: 400 when it is not JSON, 422 `invalid_sequence` with the validator's
 * problems (codes, JSON pointers, node and edge ids) when it is not a valid sequence.
 */
export async function readSequenceFile(c: Context): Promise<Sequence> {
  const checked = await checkedBody(c);
  const { ok, errors, warnings } = checked.result;
  if (!ok)
    throw new ApiError(
      422,
      'invalid_sequence',
      `the sequence file is not valid: ${errors.length} error${errors.length === 1 ? '' : 's'}, the first at ${errors[0]?.pointer || '/'}: ${errors[0]?.message}`,
      { errors, warnings },
    );
  return checked.value as Sequence;
}

/**
 * The id a sequence gets when its file has none: its name as a slug ("Cold mail" →
 * "cold-mail"). A name with no Latin letters or digits (a Korean name) gives no slug: then
 * `sequence-` and random hex, since an id must match [a-z0-9][a-z0-9-_]{0,63}.
 */
export function sequenceIdFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug || `sequence-${crypto.randomUUID().slice(0, 8)}`;
}
