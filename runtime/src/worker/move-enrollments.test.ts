import type { Sequence, Settings } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { chain, delay, email, sender } from '../core/build.test-support.ts';
import type { Contact, EnrollmentState } from '../core/index.ts';
import { createTestDatabase } from './db/test-database.test-support.ts';
import { enroll } from './enroll.ts';
import { createWorkspace, drive, publish } from './harness.test-support.ts';
import type { StepPayload } from './jobs.ts';
import { moveEnrollments } from './move-enrollments.ts';
import { runStep } from './step.ts';

/*
 * Moving waiting enrollees to a new version on real PostgreSQL, driven by the virtual clock
 * through the worker's own step jobs.
 */

const { sql } = await createTestDatabase();

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-02-02T09:00:00Z');
const utc: Settings = { timezone: 'UTC', sender };
const people = (...ids: string[]): Contact[] =>
  ids.map((id) => ({ id, email: `${id}@example.com`, name: id, tags: [], attributes: {} }));

/** Publishes `definition` as the next version of `id`, with a node-id mapping or none. */
async function publishNext(
  w: string,
  id: string,
  definition: Sequence,
  migrate: Record<string, string> | null,
): Promise<number> {
  const [row] = await sql<Array<{ version: number }>>`
    insert into sequence_versions (workspace_id, sequence_id, version, definition, migrate)
    select ${w}, ${id}, max(version) + 1, ${sql.json(definition as never)}, ${migrate ? sql.json(migrate) : null}
    from sequence_versions where workspace_id = ${w} and sequence_id = ${id}
    returning version`;
  return row?.version as number;
}

async function enrollmentOf(w: string, contact: string) {
  const [row] = await sql<
    Array<{
      id: string;
      version: number;
      status: string;
      node: string | null;
      state: EnrollmentState;
      state_version: number;
    }>
  >`
    select id, version, status, node, state, state_version from enrollments
    where workspace_id = ${w} and contact_id = ${contact}`;
  if (!row) throw new Error(`no enrollment of ${contact}`);
  return row;
}

async function mailOf(w: string, contact: string) {
  return sql<Array<{ node: string; subject: string }>>`
    select m.node, m.content->>'subject' as subject
    from messages m join enrollments e on e.id = m.enrollment_id
    where m.workspace_id = ${w} and e.contact_id = ${contact} order by m.id`;
}

async function stepJobs(w: string, enrollment: string) {
  return sql<Array<{ payload: StepPayload; run_at: Date }>>`
    select j.payload, j.run_at from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = 'step' and (j.payload->>'workspace') = ${w}
      and (j.payload->>'enrollment') = ${enrollment}`;
}

describe('moveEnrollments', () => {
  const v1 = chain(utc, [
    delay('wait', 3, 'days'),
    email('followup', 'Old subject'),
    delay('later', 5, 'days'),
    email('last', 'Last one'),
  ]);
  const v2 = chain(utc, [delay('wait', 1, 'days'), email('followup', 'New subject')]);
  const withSubject = (subject: string) =>
    chain(utc, [delay('wait', 1, 'days'), email('followup', subject)]);

  it('moves waiting enrollees: the new email once, at the new time; one at a removed step stays and completes', async () => {
    const w = await createWorkspace(sql, people('ahead', 'waiting', 'late'));
    await publish(sql, w, 'follow', v1);
    // "ahead" started four days earlier: it got the old email and waits at "later".
    await enroll(sql, w, 'follow', ['ahead']);
    await drive(sql, w, T0 - 4 * DAY, T0);
    await enroll(sql, w, 'follow', ['waiting']);
    await drive(sql, w, T0, T0);
    // "late" is enrolled, but its first job has not run yet.
    await enroll(sql, w, 'follow', ['late']);
    expect(await mailOf(w, 'ahead')).toEqual([{ node: 'followup', subject: 'Old subject' }]);
    const before = await enrollmentOf(w, 'waiting');
    expect(before).toMatchObject({ node: 'wait', version: 1 });

    const published = T0 + 12 * HOUR;
    expect(await publishNext(w, 'follow', v2, {})).toBe(2);
    const result = await moveEnrollments(sql, w, 'follow', 2, { now: published });
    const ahead = await enrollmentOf(w, 'ahead');
    expect(result).toEqual({
      moved: 2,
      stayed: [
        {
          enrollmentId: ahead.id,
          contactId: 'ahead',
          version: 1,
          reason: 'node "later" is not in version 2; map it in "migrate"',
        },
      ],
      stayedTotal: 1,
    });

    const moved = await enrollmentOf(w, 'waiting');
    expect(moved).toMatchObject({
      version: 2,
      node: 'wait',
      state_version: before.state_version + 1,
    });
    expect(moved.state.waiting).toEqual({ kind: 'delay', until: T0 + DAY, arrivedAt: T0 });
    // Its job was replaced by one for the new state version; the old one would do nothing.
    expect(await stepJobs(w, moved.id)).toEqual([
      {
        payload: { workspace: w, enrollment: moved.id, version: moved.state_version },
        run_at: new Date(T0 + DAY),
      },
    ]);
    const stale = await runStep(
      sql,
      { workspace: w, enrollment: moved.id, version: before.state_version },
      T0 + 3 * DAY,
    );
    expect(stale?.effects).toEqual([]);
    expect(await enrollmentOf(w, 'late')).toMatchObject({ version: 2, state_version: 0 });

    // The new wait is one day from the arrival: nothing before it, the new email at it.
    await drive(sql, w, published, T0 + DAY - 1);
    expect(await mailOf(w, 'waiting')).toEqual([]);
    await drive(sql, w, T0 + DAY - 1, T0 + 30 * DAY);
    expect(await mailOf(w, 'waiting')).toEqual([{ node: 'followup', subject: 'New subject' }]);
    expect(await mailOf(w, 'late')).toEqual([{ node: 'followup', subject: 'New subject' }]);
    expect(await mailOf(w, 'ahead')).toEqual([
      { node: 'followup', subject: 'Old subject' },
      { node: 'last', subject: 'Last one' },
    ]);
    for (const contact of ['waiting', 'late', 'ahead'])
      expect(await enrollmentOf(w, contact)).toMatchObject({
        status: 'completed',
        version: contact === 'ahead' ? 1 : 2,
      });
  });

  it('racing the wake-up it replaces, sends the step once: the old email or the new one', async () => {
    const ids = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
    const w = await createWorkspace(sql, people(...ids));
    await publish(sql, w, 'race', v2);
    await enroll(sql, w, 'race', ids);
    await drive(sql, w, T0, T0);
    const due = T0 + DAY;
    const jobs = await Promise.all(
      ids.map(async (id) => (await stepJobs(w, (await enrollmentOf(w, id)).id))[0]),
    );
    await publishNext(w, 'race', withSubject('Raced'), {});
    // The old wake-ups run while the move does (one enrollee a batch), staggered so that some
    // come before their enrollee's batch and some after.
    const [moved] = await Promise.all([
      moveEnrollments(sql, w, 'race', 2, { now: due, batchSize: 1 }),
      ...jobs.map(async (job, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * 15));
        return runStep(sql, job?.payload as StepPayload, due);
      }),
    ]);
    expect(moved.moved + moved.stayedTotal).toBeLessThanOrEqual(ids.length);
    await drive(sql, w, due, T0 + 10 * DAY);
    for (const id of ids) {
      const mails = await mailOf(w, id);
      expect(mails).toHaveLength(1);
      expect(['New subject', 'Raced']).toContain(mails[0]?.subject);
      expect(await enrollmentOf(w, id)).toMatchObject({ status: 'completed' });
    }
  });

  it('leaves alone enrollees already on the version, and those that ended', async () => {
    const w = await createWorkspace(sql, people('done', 'fresh'));
    await publish(sql, w, 'short', chain(utc, [email('only', 'Hi')]));
    await enroll(sql, w, 'short', ['done']);
    await drive(sql, w, T0, T0);
    await publishNext(w, 'short', chain(utc, [email('only', 'Hello')]), {});
    await enroll(sql, w, 'short', ['fresh']);
    expect(await moveEnrollments(sql, w, 'short', 2, { now: T0 })).toEqual({
      moved: 0,
      stayed: [],
      stayedTotal: 0,
    });
    expect(await enrollmentOf(w, 'done')).toMatchObject({ status: 'completed', version: 1 });
  });

  it('follows the mappings of every version since, in batches, listing only the first that stay', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const w = await createWorkspace(sql, people(...ids));
    await publish(sql, w, 'renamed', chain(utc, [delay('wait', 2, 'days'), email('mail', 'Hi')]));
    await enroll(sql, w, 'renamed', ids);
    await drive(sql, w, T0, T0);
    // Version 2 moved nobody; version 3 renames the delay that version 2 kept.
    await publishNext(
      w,
      'renamed',
      chain(utc, [delay('wait', 2, 'days'), email('mail', 'Hi')]),
      null,
    );
    const v3 = chain(utc, [delay('pause', 1, 'days'), email('mail', 'Hi')]);
    await publishNext(w, 'renamed', v3, { wait: 'pause' });
    const moved = await moveEnrollments(sql, w, 'renamed', 3, { now: T0 + HOUR, batchSize: 2 });
    expect(moved).toEqual({ moved: 5, stayed: [], stayedTotal: 0 });
    const a = await enrollmentOf(w, 'a');
    expect(a).toMatchObject({ version: 3, node: 'pause' });
    expect(a.state.waiting).toMatchObject({ until: T0 + DAY });

    const v4 = chain(utc, [email('mail', 'Hi')]);
    await publishNext(w, 'renamed', v4, {});
    const stayed = await moveEnrollments(sql, w, 'renamed', 4, {
      now: T0 + HOUR,
      batchSize: 2,
      stayedLimit: 2,
    });
    expect(stayed.moved).toBe(0);
    expect(stayed.stayedTotal).toBe(5);
    expect(stayed.stayed).toHaveLength(2);
    expect(stayed.stayed[0]?.reason).toBe('node "pause" is not in version 4; map it in "migrate"');
    await drive(sql, w, T0 + HOUR, T0 + 10 * DAY);
    expect(await mailOf(w, 'e')).toEqual([{ node: 'mail', subject: 'Hi' }]);
  });
});
