import { checkSequenceBytes } from '@nudge/schema';
import type { Hono } from 'hono';
import { jsonBodyBytes, limitBody } from '../body.ts';
import { ApiError, methodNotAllowed } from '../errors.ts';

/**
 * POST /api/validate: a sequence file in, `{ ok, errors, warnings }` out (200 whether or not
 * the file is valid: the answer is the verdict). A body that is not JSON is a 400. A pure
 * function of the body: it reads and stores nothing, so it needs no user (see app.ts).
 */
export function validateRoutes(api: Hono, options: { maxBodyBytes: number }): void {
  api.post('/validate', limitBody(options.maxBodyBytes), async (c) => {
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
    const { ok, errors, warnings } = checked.result;
    return c.json({ ok, errors, warnings });
  });
  api.all('/validate', methodNotAllowed(['POST']));
}
