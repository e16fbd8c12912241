import type { Hono } from 'hono';
import type { ApiEnv } from '../auth.ts';
import { limitBody } from '../body.ts';
import { findDraft, insertSequence, putSequence } from '../db/sequences.ts';
import type { Sql } from '../db/types.ts';
import { ApiError, methodNotAllowed } from '../errors.ts';
import { MAX_BODY_BYTES } from '../json-body.ts';
import { readSequenceFile, sequenceIdFromName } from '../sequence-file.ts';

/**
 * Sequence drafts: import (POST), replace (PUT), export (GET). The draft is stored as the file
 * it came in, with its `id` filled in, so an export imports back unchanged.
 */
export function sequenceRoutes(api: Hono<ApiEnv>, sql: Sql): void {
  // Import creates: an id already in use is a 409, never a silent overwrite of someone's
  // draft. Replacing is explicit, with PUT.
  api.post('/sequences', limitBody(MAX_BODY_BYTES), async (c) => {
    const file = await readSequenceFile(c);
    const id = file.id ?? sequenceIdFromName(file.name);
    if (!(await insertSequence(sql, c.var.workspace, id, { ...file, id })))
      throw new ApiError(
        409,
        'sequence_exists',
        `a sequence "${id}" already exists: PUT /api/sequences/${id} replaces its draft, or give the file another id`,
        { sequenceId: id },
      );
    return c.json({ id }, 201);
  });
  api.all('/sequences', methodNotAllowed(['POST']));

  api.put('/sequences/:id', limitBody(MAX_BODY_BYTES), async (c) => {
    const id = c.req.param('id');
    if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(id))
      throw new ApiError(
        400,
        'invalid_id',
        `"${id}" is not a sequence id ([a-z0-9][a-z0-9-_]{0,63})`,
      );
    const file = await readSequenceFile(c);
    if (file.id !== undefined && file.id !== id)
      throw new ApiError(
        422,
        'id_mismatch',
        `the file's id "${file.id}" is not the id in the path, "${id}"`,
        { pointer: '/id', fileId: file.id, pathId: id },
      );
    const created = await putSequence(sql, c.var.workspace, id, { ...file, id });
    return c.json({ id }, created ? 201 : 200);
  });
  api.all('/sequences/:id', methodNotAllowed(['PUT']));

  api.get('/sequences/:id/export', async (c) => {
    const draft = await findDraft(sql, c.var.workspace, c.req.param('id'));
    c.header('Content-Disposition', `attachment; filename="${draft.id ?? 'sequence'}.json"`);
    return c.json(draft);
  });
  api.all('/sequences/:id/export', methodNotAllowed(['GET', 'HEAD']));
}
