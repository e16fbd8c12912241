import { writeSequence } from '@nudge/schema';
import type { Hono } from 'hono';
import type { ApiEnv } from '../auth.ts';
import { limitBody } from '../body.ts';
import {
  findRevision,
  findSequence,
  insertSequence,
  listSequences,
  putSequence,
} from '../db/sequences.ts';
import type { Sql } from '../db/types.ts';
import { publishedStepIds } from '../db/versions.ts';
import { ApiError, methodNotAllowed } from '../errors.ts';
import { draftChanged, etagOf, readIfMatch, revisionsOf } from '../etag.ts';
import { MAX_BODY_BYTES } from '../json-body.ts';
import { linkNextPage, type PageRule, readPage } from '../paging.ts';
import { readSequenceFile, sequenceIdFromName } from '../sequence-file.ts';

const SEQUENCE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

const PAGE: PageRule<string> = {
  cursor: 'after',
  defaultLimit: 100,
  maxLimit: 1000,
  parse: (text) => (SEQUENCE_ID.test(text) ? text : null),
  what: 'a sequence',
};

/**
 * Sequence drafts: import (POST), list (GET), load (GET :id), replace (PUT), export. The draft
 * is stored as the file it came in, with its `id` filled in; export writes it in the canonical
 * text (writeSequence), so an export imports back unchanged. Every answer about one draft
 * carries its revision as a strong ETag, and PUT honours If-Match with it (etag.ts).
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
    c.header('ETag', etagOf(1));
    return c.json({ id, revision: 1 }, 201);
  });

  api.get('/sequences', async (c) => {
    const { limit, cursor: after } = readPage(c, PAGE);
    const sequences = await listSequences(sql, c.var.workspace, { limit, after });
    linkNextPage(c, PAGE, limit, sequences.length, sequences.at(-1)?.id);
    return c.json({ sequences });
  });
  api.all('/sequences', methodNotAllowed(['GET', 'HEAD', 'POST']));

  // With the step ids of every published version: the editor gives a new step none of them.
  api.get('/sequences/:id', async (c) => {
    const id = c.req.param('id');
    const sequence = await findSequence(sql, c.var.workspace, id);
    const publishedSteps = await publishedStepIds(sql, c.var.workspace, id);
    c.header('ETag', etagOf(sequence.revision));
    return c.json({ ...sequence, publishedStepIds: publishedSteps });
  });

  api.put('/sequences/:id', limitBody(MAX_BODY_BYTES), async (c) => {
    const id = c.req.param('id');
    if (!SEQUENCE_ID.test(id))
      throw new ApiError(
        400,
        'invalid_id',
        `"${id}" is not a sequence id ([a-z0-9][a-z0-9-_]{0,63})`,
      );
    const ifMatch = readIfMatch(c);
    const file = await readSequenceFile(c);
    if (file.id !== undefined && file.id !== id)
      throw new ApiError(
        422,
        'id_mismatch',
        `the file's id "${file.id}" is not the id in the path, "${id}"`,
        { pointer: '/id', fileId: file.id, pathId: id },
      );
    const revisions = ifMatch.any ? null : revisionsOf(ifMatch);
    const put = await putSequence(sql, c.var.workspace, id, { ...file, id }, revisions);
    if (!put.ok) throw draftChanged(id, put.current, c);
    c.header('ETag', etagOf(put.revision));
    return c.json({ id, revision: put.revision }, put.created ? 201 : 200);
  });
  api.all('/sequences/:id', methodNotAllowed(['GET', 'HEAD', 'PUT']));

  // The canonical text, byte for byte what `nudge export` writes and the editor's Export
  // downloads.
  api.get('/sequences/:id/export', async (c) => {
    const id = c.req.param('id');
    const { draft, revision } = await findRevision(sql, c.var.workspace, id);
    c.header('Content-Type', 'application/json; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${draft.id ?? id}.json"`);
    c.header('ETag', etagOf(revision));
    return c.body(writeSequence(draft));
  });
  api.all('/sequences/:id/export', methodNotAllowed(['GET', 'HEAD']));
}
