import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './db/test-database.test-support.ts';
import { enroll } from './enroll.ts';
import { createWorkspace, drive, publish } from './harness.test-support.ts';
import {
  completeTask,
  stopEnrollment,
  UnknownEnrollmentError,
  UnknownTaskError,
} from './manual.ts';

/* A person completes a task or stops an enrollment, on real PostgreSQL. */

const { sql } = await createTestDatabase();
const contact = (id: string) => ({
  id,
  email: `${id}@hanbit.example`,
  name: '김민준',
  company: '한빛소프트',
  timezone: 'Asia/Seoul',
  tags: [],
  attributes: {},
});
const w = await createWorkspace(sql, [contact('caller'), contact('stopper'), contact('fresh')]);
const other = await createWorkspace(sql, [contact('caller')]);
const sequence = {
  format: 'nudge.sequence/v1',
  name: 'Call first',
  settings: { sender: { name: '넛지', email: 'team@nudge.example' } },
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    {
      id: 'call',
      type: 'task',
      data: { kind: 'call', title: '{{고객명}}님께 전화', waitForCompletion: true },
    },
    {
      id: 'after-call',
      type: 'email',
      data: { subject: '통화 감사합니다', body: '감사합니다.', format: 'text', mode: 'auto' },
    },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'call' },
    { id: 'e2', source: 'call', target: 'after-call' },
  ],
};
await publish(sql, w, 'calls', sequence);
await publish(sql, other, 'calls', sequence);
const START = Date.parse('2026-03-02T01:00:00Z'); // Monday 10:00 in Seoul
await enroll(sql, w, 'calls', ['caller', 'stopper']);
await enroll(sql, other, 'calls', ['caller']);
await drive(sql, w, START, START + 1000);
await drive(sql, other, START, START + 1000);

const taskOf = async (workspace: string, contactId: string) => {
  const [task] = await sql<Array<{ id: number; status: string }>>`
    select t.id, t.status from tasks t join enrollments e on e.id = t.enrollment_id
    where e.workspace_id = ${workspace} and e.contact_id = ${contactId}`;
  if (!task) throw new Error(`no task for ${contactId}`);
  return task;
};
const enrollmentOf = async (workspace: string, contactId: string) => {
  const [row] = await sql<Array<{ id: string; status: string; node: string; exit_reason: string }>>`
    select id, status, node, exit_reason from enrollments
    where workspace_id = ${workspace} and contact_id = ${contactId}`;
  return row;
};
const messagesOf = (enrollment: string) =>
  sql`select node, status from messages where enrollment_id = ${enrollment} order by id`;

describe('completing a task', () => {
  it('marks it done and moves the enrollment on, once', async () => {
    const task = await taskOf(w, 'caller');
    expect(task.status).toBe('open');
    const done = await completeTask(sql, w, task.id, START + 60_000);
    expect(done).toMatchObject({
      id: task.id,
      completed: true,
      enrollment: { status: 'completed', node: 'after-call' },
    });
    expect((await taskOf(w, 'caller')).status).toBe('done');
    const enrollment = await enrollmentOf(w, 'caller');
    expect(await messagesOf(enrollment?.id as string)).toEqual([
      { node: 'after-call', status: 'queued' },
    ]);
    // Again: nothing more happens.
    const again = await completeTask(sql, w, task.id, START + 120_000);
    expect(again.completed).toBe(false);
    expect(await messagesOf(enrollment?.id as string)).toHaveLength(1);
  });

  it("can't reach a task of another workspace, or one that doesn't exist", async () => {
    const foreign = await taskOf(other, 'caller');
    await expect(completeTask(sql, w, foreign.id)).rejects.toBeInstanceOf(UnknownTaskError);
    expect((await taskOf(other, 'caller')).status).toBe('open');
    await expect(completeTask(sql, w, 987_654)).rejects.toThrow(/no task 987654/);
  });
});

describe('stopping an enrollment', () => {
  it('ends it stopped and removes its wake-up; stopping again changes nothing', async () => {
    const before = await enrollmentOf(w, 'stopper');
    expect(before?.status).toBe('active');
    const stopped = await stopEnrollment(sql, w, before?.id as string, 'asked to by phone');
    expect(stopped).toEqual({ id: before?.id, status: 'stopped', node: 'call' });
    expect(await enrollmentOf(w, 'stopper')).toMatchObject({
      status: 'stopped',
      exit_reason: 'asked to by phone',
    });
    const jobs = await sql`select 1 from graphile_worker.jobs where key = ${before?.id as string}`;
    expect(jobs).toHaveLength(0);
    // Its task can still be marked done, but moves nothing.
    const task = await taskOf(w, 'stopper');
    expect(await completeTask(sql, w, task.id)).toMatchObject({
      completed: true,
      enrollment: { status: 'stopped' },
    });
    expect(await stopEnrollment(sql, w, before?.id as string)).toMatchObject({ status: 'stopped' });
  });

  it('stops one whose first step has not run, and cancels what that step queued', async () => {
    await enroll(sql, w, 'calls', ['fresh']);
    const fresh = await enrollmentOf(w, 'fresh');
    const stopped = await stopEnrollment(sql, w, fresh?.id as string);
    expect(stopped.status).toBe('stopped');
    const tasks = await sql`select status from tasks where enrollment_id = ${fresh?.id as string}`;
    expect(tasks).toHaveLength(1); // the call was created by the first step, then the stop
    const jobs = await sql`select 1 from graphile_worker.jobs where key = ${fresh?.id as string}`;
    expect(jobs).toHaveLength(0);
  });

  it("can't reach another workspace's enrollment", async () => {
    const foreign = await enrollmentOf(other, 'caller');
    await expect(stopEnrollment(sql, w, foreign?.id as string)).rejects.toBeInstanceOf(
      UnknownEnrollmentError,
    );
    expect((await enrollmentOf(other, 'caller'))?.status).toBe('active');
    await expect(
      stopEnrollment(sql, w, '00000000-0000-0000-0000-000000000000'),
    ).rejects.toBeInstanceOf(UnknownEnrollmentError);
  });
});
