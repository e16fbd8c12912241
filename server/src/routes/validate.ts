import type { Hono } from 'hono';
import { limitBody } from '../body.ts';
import { methodNotAllowed } from '../errors.ts';
import { checkedBody } from '../sequence-file.ts';

/**
 * POST /api/validate: a sequence file in, `{ ok, errors, warnings }` out (200 whether or not
 * the file is valid: the answer is the verdict). A body that is not JSON is a 400. A pure
 * function of the body: it reads and stores nothing, so it needs no user (see app.ts).
 */
export function validateRoutes(api: Hono, options: { maxBodyBytes: number }): void {
  api.post('/validate', limitBody(options.maxBodyBytes), async (c) => {
    const checked = await checkedBody(c);
    const { ok, errors, warnings } = checked.result;
    return c.json({ ok, errors, warnings });
  });
  api.all('/validate', methodNotAllowed(['POST']));
}
