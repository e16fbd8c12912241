import { diffSequences } from '@nudge/schema';
import type { Hono } from 'hono';
import type { ApiEnv } from '../auth.ts';
import { findRevision } from '../db/sequences.ts';
import type { Sql } from '../db/types.ts';
import { latestVersion } from '../db/versions.ts';
import { waitingEnrollees } from '../db/waiting.ts';
import { methodNotAllowed } from '../errors.ts';
import { etagOf } from '../etag.ts';
import { refreshLinkedSteps } from './templates-refresh.ts';

/**
 * GET /api/sequences/:id/publish-preview: what publishing the draft now would change, for the
 * publish dialog. `{ draftRevision, published: { version, definition } | null, changes,
 * waiting, waitingCapped }`: `changes` is diffSequences(published, draft) (null before the first
 * publish), `waiting` how many enrollees wait at each node of each version (db/waiting.ts).
 * The draft's ETag comes with it: POST …/publish with `If-Match` set to it publishes this
 * draft or nothing. `templates` lists the steps linked to a template: the version takes the
 * template's content of now (`changed` when it is not the draft's copy), and `changes` is
 * reckoned with it; a `problem` there (no such template) would refuse the publish.
 */
export function publishPreviewRoutes(api: Hono<ApiEnv>, sql: Sql): void {
  api.get('/sequences/:id/publish-preview', async (c) => {
    const id = c.req.param('id');
    const workspace = c.var.workspace;
    // One snapshot: the draft, the version and the counts as they were at one moment.
    // What would be published is the draft with its linked steps' templates of now.
    const { sequence, linked, revision, published, waiting, capped } = await sql.begin(
      'isolation level repeatable read read only',
      async (tx) => {
        const { draft, revision } = await findRevision(tx, workspace, id);
        return {
          ...(await refreshLinkedSteps(tx, workspace, draft)),
          revision,
          published: await latestVersion(tx, workspace, id),
          ...(await waitingEnrollees(tx, workspace, id)),
        };
      },
    );
    c.header('ETag', etagOf(revision));
    return c.json({
      draftRevision: revision,
      published: published
        ? { version: published.version, definition: published.definition }
        : null,
      changes: published ? diffSequences(published.definition, sequence) : null,
      templates: linked,
      waiting,
      waitingCapped: capped,
    });
  });
  api.all('/sequences/:id/publish-preview', methodNotAllowed(['GET', 'HEAD']));
}
