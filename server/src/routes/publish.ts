import { moveEnrollments } from '@nudge/runtime/worker';
import { escapePointerToken, type Sequence, validateSequence } from '@nudge/schema';
import type { Hono } from 'hono';
import type { ApiEnv } from '../auth.ts';
import { limitBody } from '../body.ts';
import { lockDraft } from '../db/sequences.ts';
import type { Sql } from '../db/types.ts';
import { insertVersion, latestVersion } from '../db/versions.ts';
import { ApiError, methodNotAllowed } from '../errors.ts';
import { draftChanged, ifMatchHolds, readIfMatch } from '../etag.ts';
import { isObject, onlyKnown, readJsonObject } from '../json-body.ts';
import { publishPreviewRoutes } from './publish-preview.ts';
import { refreshLinkedSteps, refuseBrokenLinks } from './templates-refresh.ts';

/**
 * POST /api/sequences/:id/publish `{ migrate? }` → 200 `{ version }`: freezes the draft as the
 * next version. `migrate` maps node ids of the previous version to node ids of this one; it
 * is checked and kept with the version (sequence_versions.migrate).
 *
 * With `migrate` (`{}` included: every node to the same id), the waiting enrollees of earlier
 * versions then move to this one (moveEnrollments, in batches after the version is committed),
 * and the answer adds `{ moved, stayed, stayedTotal }`. Without it, everyone stays pinned to
 * their version: "same id = same place" is the mapping's default, not a move on every publish.
 *
 * With If-Match (the draft's ETag, as GET /api/sequences/:id/publish-preview answered it), a
 * draft changed since is not published: 412 `draft_changed`, so nobody publishes what they
 * did not see. The check holds the draft's row lock until the version is in.
 *
 * A step linked to a template of the library (`data.template`) is published with the
 * template's content as it is then (templates-refresh.ts); a link to a template the workspace
 * does not have is refused (422 `template_link_broken`).
 */
export function publishRoutes(api: Hono<ApiEnv>, sql: Sql): void {
  api.post('/sequences/:id/publish', limitBody(1024 * 1024), async (c) => {
    const id = c.req.param('id');
    const workspace = c.var.workspace;
    const ifMatch = readIfMatch(c);
    const migrate = await readMigrate(c);
    const version = await sql.begin(async (tx) => {
      // The row lock serialises publishes of one sequence (version numbers can't collide) and
      // keeps the draft at the revision checked.
      const { draft, revision } = await lockDraft(tx, workspace, id);
      if (!ifMatchHolds(ifMatch, revision)) throw draftChanged(id, revision, c);
      // Steps linked to a template take its content as it is now (the draft keeps its copy).
      const { sequence, linked } = await refreshLinkedSteps(tx, workspace, draft);
      refuseBrokenLinks(draft, linked);
      refuseInvalid(sequence);
      const previous = await latestVersion(tx, workspace, id);
      if (migrate) checkMapping(migrate, previous?.definition, sequence);
      const next = (previous?.version ?? 0) + 1;
      await insertVersion(tx, workspace, id, next, sequence, migrate);
      return next;
    });
    if (!migrate) return c.json({ version });
    const { moved, stayed, stayedTotal } = await moveEnrollments(sql, workspace, id, version);
    return c.json({ version, moved, stayed, stayedTotal });
  });
  api.all('/sequences/:id/publish', methodNotAllowed(['POST']));
  publishPreviewRoutes(api, sql);
}

async function readMigrate(
  c: Parameters<typeof readJsonObject>[0],
): Promise<Record<string, string> | undefined> {
  // No body at all is fine: publishing needs no options. (Hono caches the bytes read here.)
  if ((await c.req.arrayBuffer()).byteLength === 0) return undefined;
  const body = await readJsonObject(c, '{ "migrate"?: { "<old node id>": "<new node id>" } }');
  onlyKnown(body, ['migrate']);
  if (body.migrate === undefined) return undefined;
  const { migrate } = body;
  if (!isObject(migrate) || !Object.values(migrate).every((v) => typeof v === 'string'))
    throw new ApiError(
      400,
      'invalid_migrate',
      '"migrate" must be an object of old node ids to new node ids, e.g. {"wait-3d": "wait-2d"}',
    );
  return migrate as Record<string, string>;
}

/** Every key must be a node of the previous version, every value a node of the new one. */
function checkMapping(
  migrate: Record<string, string>,
  previous: Sequence | undefined,
  next: Sequence,
): void {
  const entries = Object.entries(migrate);
  if (entries.length === 0) return;
  if (!previous)
    throw new ApiError(
      422,
      'invalid_migrate',
      'nothing to migrate from: this is the first version of the sequence',
    );
  const oldIds = new Set(previous.nodes.map((n) => n.id));
  const newIds = new Set(next.nodes.map((n) => n.id));
  const problems = entries.flatMap(([from, to]) => [
    ...(oldIds.has(from)
      ? []
      : [
          {
            pointer: `/migrate/${escapePointerToken(from)}`,
            message: `"${from}" is not a node of the published version`,
          },
        ]),
    ...(newIds.has(to)
      ? []
      : [
          {
            pointer: `/migrate/${escapePointerToken(from)}`,
            message: `"${to}" is not a node of the draft`,
          },
        ]),
  ]);
  if (problems.length > 0)
    throw new ApiError(422, 'invalid_migrate', problems.map((p) => p.message).join('; '), {
      problems,
    });
}

/**
 * A draft is validated again when it is published: one stored by an earlier release may break
 * a rule added since (a template whose loops can't be bounded, a RULE over the limits), and a
 * published version is what the worker runs for every enrollee.
 */
function refuseInvalid(draft: Sequence): void {
  const { ok, errors, warnings } = validateSequence(draft);
  if (ok) return;
  throw new ApiError(
    422,
    'invalid_sequence',
    `the draft is not valid any more: ${errors.length} error${errors.length === 1 ? '' : 's'}, the first at ${errors[0]?.pointer || '/'}: ${errors[0]?.message}. Fix it and PUT it again before publishing.`,
    { errors, warnings },
  );
}
