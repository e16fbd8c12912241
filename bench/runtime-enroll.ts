/**
 * (c) Bulk enrollment of 100,000 contacts: enroll() by ids, and by a segment RULE through the
 * API route itself (POST /api/sequences/:id/enrollments, { segment }), which selects the ids
 * with segment-sql.ts and hands them to the same enroll().
 */
import { enroll } from '@nudge/runtime/worker';
import type { Sql } from '@nudge/runtime/worker/db';
import { type AppOptions, createApp } from '../server/src/app.ts';
import { silentLogger } from '../server/src/log.ts';
import { insertContacts, ONE_EMAIL, workspaceWith } from './runtime-env.ts';
import { timed } from './runtime-measure.ts';

/** Pro customers tagged for the campaign: all `count` of them, none of the others. */
const SEGMENT = {
  all: [
    { field: 'contact.attributes.plan', op: 'eq', value: 'pro' },
    { field: 'contact.tags', op: 'contains', value: 'bench' },
  ],
};

export async function bulkEnroll(sql: Sql, count: number) {
  const workspace = await workspaceWith(sql, { 'by-ids': ONE_EMAIL, 'by-segment': ONE_EMAIL });
  // A fifth more contacts that the segment must leave out.
  const ids = await insertContacts(sql, workspace, 'c', count + count / 5, count);
  const chosen = ids.slice(0, count);
  // What autovacuum does after an import this size, before anyone enrolls from it.
  await sql`analyze contacts`;

  const [byIds, idsMs] = await timed(() => enroll(sql, workspace, 'by-ids', chosen));
  if (byIds.enrolled !== count) throw new Error(`by ids: enrolled ${byIds.enrolled} of ${count}`);

  // The API as a client calls it; the bearer-token check is replaced by a fixed workspace.
  const authenticate: NonNullable<AppOptions['authenticate']> = async (c, next) => {
    c.set('workspace', workspace);
    c.set('role', 'editor');
    await next();
  };
  const app = createApp({ sql, logger: silentLogger, authenticate });
  const [response, segmentMs] = await timed(async () => {
    const res = await app.request('/api/sequences/by-segment/enrollments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ segment: SEGMENT }),
    });
    return { status: res.status, body: (await res.json()) as { enrolled?: number } };
  });
  if (response.status !== 200 || response.body.enrolled !== count)
    throw new Error(
      `by segment: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`,
    );

  // Their first steps are not part of any later measure: the worker never runs them here.
  await sql`
    delete from graphile_worker._private_jobs
    where task_id = (select id from graphile_worker._private_tasks where identifier = 'step')
      and payload->>'workspace' = ${workspace}`;
  return { count, idsMs, segmentMs };
}
