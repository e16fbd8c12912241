/**
 * (c) Bulk enrollment of 100,000 contacts: enroll() by ids, and by a segment RULE through the
 * API route itself (POST /api/sequences/:id/enrollments, { segment }), which translates the
 * RULE with segment-sql.ts into a condition that the same enroll() runs in its statement.
 */
import { enroll } from '@nudge/runtime/worker';
import type { Sql } from '@nudge/runtime/worker/db';
import { type AppOptions, createApp } from '../server/src/app.ts';
import { silentLogger } from '../server/src/log.ts';
import { insertContacts, ONE_EMAIL, workspaceWith } from './runtime-env.ts';
import { timed } from './runtime-measure.ts';
import { median } from './runtime-throughput.ts';

/** Pro customers tagged for the campaign: all `count` of them, none of the others. */
const SEGMENT = {
  all: [
    { field: 'contact.attributes.plan', op: 'eq', value: 'pro' },
    { field: 'contact.tags', op: 'contains', value: 'bench' },
  ],
};

/**
 * `rounds` rounds (medians reported: one enrollment of 100,000 is a few seconds, and single
 * runs here swing by a third), each into sequences of its own, the same contacts each time.
 */
export async function bulkEnroll(sql: Sql, count: number, rounds = 3) {
  const sequences = Object.fromEntries(
    Array.from({ length: rounds }, (_, r) => [
      [`by-ids-${r}`, ONE_EMAIL],
      [`by-segment-${r}`, ONE_EMAIL],
    ]).flat(),
  );
  const workspace = await workspaceWith(sql, sequences);
  // A fifth more contacts that the segment must leave out.
  const ids = await insertContacts(sql, workspace, 'c', count + count / 5, count);
  const chosen = ids.slice(0, count);
  // What autovacuum does after an import this size, before anyone enrolls from it.
  await sql`analyze contacts`;
  // The API as a client calls it; the bearer-token check is replaced by a fixed workspace.
  const authenticate: NonNullable<AppOptions['authenticate']> = async (c, next) => {
    c.set('workspace', workspace);
    c.set('role', 'editor');
    await next();
  };
  const app = createApp({ sql, logger: silentLogger, authenticate });

  const idsMs: number[] = [];
  const segmentMs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const [byIds, ms] = await timed(() => enroll(sql, workspace, `by-ids-${r}`, chosen));
    if (byIds.enrolled !== count) throw new Error(`by ids: enrolled ${byIds.enrolled} of ${count}`);
    idsMs.push(ms);

    const [response, segment] = await timed(async () => {
      const res = await app.request(`/api/sequences/by-segment-${r}/enrollments`, {
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
    segmentMs.push(segment);

    // Their first steps are not part of any measure: the worker never runs them here. Gone
    // before the next round, so each round starts with the same jobs table.
    await sql`
      delete from graphile_worker._private_jobs
      where task_id = (select id from graphile_worker._private_tasks where identifier = 'step')
        and payload->>'workspace' = ${workspace}`;
    await sql`vacuum analyze graphile_worker._private_jobs`;
  }
  return {
    count,
    rounds: { ids: idsMs, segment: segmentMs },
    idsMs: median(idsMs),
    segmentMs: median(segmentMs),
  };
}
