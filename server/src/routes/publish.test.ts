import { runStep, type StepPayload } from '@nudge/runtime/worker';
import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { describe, expect, it } from 'vitest';
import { apiOn, createWorkspace } from '../api.test-support.ts';

/*
 * Publishing with a node-id mapping moves waiting enrollees to the new version; the worker's
 * step jobs are then run on a virtual clock, as the worker would run them.
 */

const { sql } = await createTestDatabase();
const { call } = apiOn(sql);
const w = await createWorkspace(sql);
const t = w.tokens.editor;
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

const follow = (steps: Array<{ id: string; type: string; data: unknown }>) => ({
  format: 'nudge.sequence/v1',
  id: 'follow',
  name: 'Follow-up',
  settings: { timezone: 'UTC' },
  nodes: [{ id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } }, ...steps],
  edges: steps.map((s, i) => ({
    id: `e${i + 1}`,
    source: i === 0 ? 'start' : (steps[i - 1] as { id: string }).id,
    target: s.id,
  })),
});
const mail = (id: string, subject: string) => ({
  id,
  type: 'email',
  data: { subject, body: 'Hello', format: 'text', mode: 'auto' },
});
const wait = (days: number) => ({
  id: 'wait',
  type: 'delay',
  data: { amount: days, unit: 'days' },
});

/** Runs the workspace's pending step jobs in run_at order on a virtual clock, up to `until`. */
async function drive(from: number, until: number): Promise<void> {
  let now = from;
  for (;;) {
    const [job] = await sql<Array<{ key: string; payload: StepPayload; run_at: Date }>>`
      select j.key, j.payload, j.run_at from graphile_worker._private_jobs j
      join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier = 'step' and (j.payload->>'workspace') = ${w.id}
      order by (j.payload->>'version')::int = 0 desc, j.run_at, j.id limit 1`;
    if (!job) return;
    const at = job.payload.version > 0 ? Math.max(now, job.run_at.getTime()) : now;
    if (at > until) return;
    now = at;
    await sql`select graphile_worker.remove_job(${job.key})`;
    await runStep(sql, job.payload, now);
  }
}

const sent = () =>
  sql<Array<{ contact: string; node: string; subject: string }>>`
    select e.contact_id as contact, m.node, m.content->>'subject' as subject
    from messages m join enrollments e on e.id = m.enrollment_id
    where m.workspace_id = ${w.id} order by e.contact_id, m.id`;

const enrollments = async () =>
  (await call(t, 'GET', '/api/sequences/follow/enrollments')).json as Array<{
    contactId: string;
    node: string;
    version: number;
  }>;

describe('POST /api/sequences/:id/publish with "migrate"', () => {
  const start = Date.now();

  it('without "migrate" leaves every enrollee on its version', async () => {
    await call(t, 'POST', '/api/contacts', {
      contacts: [
        { id: 'c1', email: 'c1@a.example' },
        { id: 'c2', email: 'c2@a.example' },
      ],
    });
    const v1 = follow([mail('welcome', 'Welcome'), wait(3), mail('followup', 'Old subject')]);
    expect((await call(t, 'POST', '/api/sequences', v1)).status).toBe(201);
    expect((await call(t, 'POST', '/api/sequences/follow/publish')).json).toEqual({ version: 1 });
    await call(t, 'POST', '/api/sequences/follow/enrollments', { contactIds: ['c1', 'c2'] });
    await drive(start, start);

    const v2 = follow([mail('welcome', 'Welcome'), wait(1), mail('followup', 'New subject')]);
    expect((await call(t, 'PUT', '/api/sequences/follow', v2)).status).toBe(200);
    expect(await call(t, 'POST', '/api/sequences/follow/publish', {})).toMatchObject({
      status: 200,
      json: { version: 2 },
    });
    expect((await enrollments()).map((e) => [e.contactId, e.node, e.version]).sort()).toEqual([
      ['c1', 'wait', 1],
      ['c2', 'wait', 1],
    ]);
  });

  it('with "migrate": {} moves them by the same ids, answering how many moved', async () => {
    const res = await call(t, 'POST', '/api/sequences/follow/publish', { migrate: {} });
    expect(res).toMatchObject({
      status: 200,
      json: { version: 3, moved: 2, stayed: [], stayedTotal: 0 },
    });
    expect((await enrollments()).map((e) => e.version)).toEqual([3, 3]);
  });

  it('answers who stays and why when their step is gone', async () => {
    const v4 = follow([mail('welcome', 'Welcome'), mail('followup', 'New subject')]);
    expect((await call(t, 'PUT', '/api/sequences/follow', v4)).status).toBe(200);
    const res = await call(t, 'POST', '/api/sequences/follow/publish', { migrate: {} });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ version: 4, moved: 0, stayedTotal: 2 });
    const stayed = res.json.stayed as Array<{ contactId: string }>;
    expect(stayed.sort((a, b) => a.contactId.localeCompare(b.contactId))).toEqual(
      ['c1', 'c2'].map((contactId) => ({
        enrollmentId: expect.any(String),
        contactId,
        version: 3,
        reason: 'node "wait" is not in version 4; map it in "migrate"',
      })),
    );
  });

  it('the moved enrollees get the new email once, a day after they arrived, and never the old one', async () => {
    await drive(start, start + DAY - HOUR);
    expect(await sent()).toEqual([
      { contact: 'c1', node: 'welcome', subject: 'Welcome' },
      { contact: 'c2', node: 'welcome', subject: 'Welcome' },
    ]);
    await drive(start + DAY - HOUR, start + 10 * DAY);
    expect(await sent()).toEqual([
      { contact: 'c1', node: 'welcome', subject: 'Welcome' },
      { contact: 'c1', node: 'followup', subject: 'New subject' },
      { contact: 'c2', node: 'welcome', subject: 'Welcome' },
      { contact: 'c2', node: 'followup', subject: 'New subject' },
    ]);
    const [row] = await sql<Array<{ n: number }>>`
      select count(*)::int as n from enrollments where workspace_id = ${w.id} and status = 'completed'`;
    expect(row?.n).toBe(2);
  });
});

describe('publishing a draft stored before a rule it breaks', () => {
  it('refuses it (422, with the problems), and makes no version', async () => {
    const file = follow([mail('runaway', 'Hi')]);
    file.id = 'stored-before';
    expect((await call(t, 'POST', '/api/sequences', file)).status).toBe(201);
    // As an earlier release stored it: a loop that validation now refuses.
    const body = '{% for i in (1..100000000) %}x{% endfor %}';
    await sql`
      update sequences set draft = jsonb_set(draft, '{nodes,1,data,body}', to_jsonb(${body}::text))
      where workspace_id = ${w.id} and id = 'stored-before'`;
    const res = await call(t, 'POST', '/api/sequences/stored-before/publish');
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('invalid_sequence');
    expect(res.json.error.details.errors[0]).toMatchObject({
      code: 'template_too_costly',
      pointer: '/nodes/1/data/body',
      nodeId: 'runaway',
    });
    const [row] = await sql`
      select count(*)::int as n from sequence_versions
      where workspace_id = ${w.id} and sequence_id = 'stored-before'`;
    expect(row?.n).toBe(0);
  });
});
