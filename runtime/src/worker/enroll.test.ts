import { describe, expect, it } from 'vitest';
import type { Contact } from '../core/index.ts';
import { createTestDatabase } from './db/test-database.test-support.ts';
import { enroll } from './enroll.ts';
import { createWorkspace, publish } from './harness.test-support.ts';

/* Enrolling a batch: the set-based checks, the rows and their first jobs, on real PostgreSQL. */

async function definitionOf(sequence: string) {
  const [row] = await sql<Array<{ definition: Record<string, unknown> }>>`
    select definition from sequence_versions
    where workspace_id = ${w} and sequence_id = ${sequence} limit 1`;
  return row?.definition ?? {};
}

const { sql } = await createTestDatabase();
const person = (i: number): Contact => ({
  id: `p${i}`,
  email: `p${i}@hanbit.example`,
  name: `고객${i}`,
  tags: [],
  attributes: {},
  // Every 97th has left: they are skipped, in among the others.
  unsubscribed: i % 97 === 0,
});
const people = Array.from({ length: 600 }, (_, i) => person(i + 1));
const w = await createWorkspace(sql, people);
await publish(sql, w, 'hello', {
  format: 'nudge.sequence/v1',
  name: 'Hello',
  settings: { sender: { name: '넛지', email: 'team@nudge.example' } },
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    { id: 'hi', type: 'email', data: { body: '안녕하세요', format: 'text', mode: 'auto' } },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'hi' }],
});

for (const id of ['twice', 'selected'])
  await publish(sql, w, id, { ...(await definitionOf('hello')), name: id });

describe('enroll, a batch', () => {
  const ids = [...people.map((p) => p.id as string), 'nobody'];

  it('enrolls the others, each with one step job, and lists the skipped in the given order', async () => {
    const result = await enroll(sql, w, 'hello', ids);
    const left = people.filter((p) => p.unsubscribed).map((p) => p.id);
    expect(result.enrolled).toBe(600 - left.length);
    expect(result.skipped).toEqual([
      ...left.map((id) => ({ contactId: id, reason: 'unsubscribed' })),
      { contactId: 'nobody', reason: 'no such contact' },
    ]);
    const jobs = await sql<Array<{ enrollment: string; version: number; key: string }>>`
      select j.payload->>'enrollment' as enrollment, (j.payload->>'version')::int as version, j.key
      from graphile_worker._private_jobs j
      join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier = 'step' and j.payload->>'workspace' = ${w}`;
    const enrollments = await sql<Array<{ id: string }>>`
      select id from enrollments where workspace_id = ${w} and sequence_id = 'hello' and status = 'active'`;
    expect(jobs).toHaveLength(result.enrolled);
    expect(new Set(jobs.map((j) => j.enrollment))).toEqual(new Set(enrollments.map((e) => e.id)));
    for (const job of jobs) expect(job).toMatchObject({ version: 0, key: job.enrollment });
  });

  it('enrolls nobody twice: a second call skips them all and adds no job', async () => {
    const [before] = await sql<Array<{ n: number }>>`
      select count(*)::int as n from graphile_worker._private_jobs`;
    const again = await enroll(sql, w, 'hello', ids);
    expect(again.enrolled).toBe(0);
    expect(
      again.skipped.filter((s) => s.reason === 'already active in this sequence'),
    ).toHaveLength(600 - people.filter((p) => p.unsubscribed).length);
    const [after] = await sql<Array<{ n: number }>>`
      select count(*)::int as n from graphile_worker._private_jobs`;
    expect(after?.n).toBe(before?.n);
  });

  it('gives enrollments UUIDv7 ids: their first 48 bits are the time they were made', async () => {
    const rows = await sql<Array<{ id: string; enrolled_at: Date }>>`
      select id, enrolled_at from enrollments where workspace_id = ${w}`;
    expect(rows.length).toBeGreaterThan(0);
    for (const { id, enrolled_at } of rows) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const ms = Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
      expect(Math.abs(ms - enrolled_at.getTime())).toBeLessThan(5_000);
    }
  });

  it('takes each id once, in the order first given', async () => {
    const result = await enroll(sql, w, 'twice', ['p97', 'p1', 'nobody', 'p97', 'p1', 'p2']);
    expect(result).toMatchObject({
      enrolled: 2,
      skipped: [
        { contactId: 'p97', reason: 'unsubscribed' },
        { contactId: 'nobody', reason: 'no such contact' },
      ],
    });
  });

  it('enrolls the contacts a condition selects, without their ids, skipped ones by id', async () => {
    const result = await enroll(sql, w, 'selected', {
      where: sql`c.id in ('p1', 'p194', 'p2', 'p3') and c.workspace_id = ${w}`,
    });
    expect(result).toEqual({
      enrolled: 3,
      version: 1,
      skipped: [{ contactId: 'p194', reason: 'unsubscribed' }],
    });
    const rows = await sql<Array<{ contact_id: string }>>`
      select contact_id from enrollments where workspace_id = ${w} and sequence_id = 'selected'
      order by contact_id`;
    expect(rows.map((r) => r.contact_id)).toEqual(['p1', 'p2', 'p3']);
  });
});
