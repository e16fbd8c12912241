import { runStep } from '@nudge/runtime/worker';
import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { describe, expect, it } from 'vitest';
import { apiOn, createWorkspace } from '../api.test-support.ts';

/* Tasks and stopping by hand, through the API on PostgreSQL. */

const { sql } = await createTestDatabase();
const { call } = apiOn(sql);
const w = await createWorkspace(sql);
const other = await createWorkspace(sql, 'Other');
const sequence = {
  format: 'nudge.sequence/v1',
  id: 'calls',
  name: 'Call first',
  settings: { sender: { name: '넛지', email: 'team@nudge.example' } },
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    {
      id: 'call',
      type: 'task',
      data: {
        kind: 'call',
        title: '{{고객명}}님께 전화',
        waitForCompletion: true,
        assignee: 'owner',
      },
    },
    {
      id: 'thanks',
      type: 'email',
      data: { subject: '통화 감사합니다', body: '감사합니다.', format: 'text', mode: 'auto' },
    },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'call' },
    { id: 'e2', source: 'call', target: 'thanks' },
  ],
};
const owner = { name: '이서연', email: 'seoyeon@hanbit.example' };
for (const ws of [w, other]) {
  const t = ws.tokens.editor;
  await call(t, 'POST', '/api/sequences', sequence);
  await call(t, 'POST', '/api/sequences/calls/publish');
  await call(t, 'POST', '/api/contacts', {
    contacts: [
      { id: 'kim', email: 'kim@a.example', name: '김민준', owner },
      { id: 'park', email: 'park@a.example', name: '박지훈', owner },
    ],
  });
  await call(t, 'POST', '/api/sequences/calls/enrollments', { contactIds: ['kim', 'park'] });
}
// The first steps, as the worker would run them: each creates its call task.
const enrollments = await sql<Array<{ id: string; workspace_id: string }>>`
  select id, workspace_id from enrollments`;
for (const e of enrollments)
  await runStep(sql, { workspace: e.workspace_id, enrollment: e.id, version: 0 });

const idOf = async (ws: string, contact: string) => {
  const [row] = await sql<Array<{ id: string }>>`
    select id from enrollments where workspace_id = ${ws} and contact_id = ${contact}`;
  return row?.id as string;
};

describe('GET /api/tasks', () => {
  it("lists the workspace's open tasks, rendered, by assignee, a page at a time", async () => {
    const res = await call(w.tokens.viewer, 'GET', '/api/tasks');
    expect(res.status).toBe(200);
    expect(res.json).toHaveLength(2);
    const kim = res.json.find((task: { contactId: string }) => task.contactId === 'kim');
    expect(kim).toMatchObject({
      sequenceId: 'calls',
      contactId: 'kim',
      node: 'call',
      kind: 'call',
      title: '김민준님께 전화',
      assignee: 'seoyeon@hanbit.example',
      status: 'open',
      completedAt: null,
    });
    const mine = await call(w.tokens.viewer, 'GET', '/api/tasks?assignee=SEOYEON@hanbit.example');
    expect(mine.json).toHaveLength(2);
    const nobody = await call(w.tokens.viewer, 'GET', '/api/tasks?assignee=x@y.example');
    expect(nobody.json).toEqual([]);
    const first = await call(w.tokens.viewer, 'GET', '/api/tasks?limit=1');
    expect(first.json).toHaveLength(1);
    expect(first.headers.get('link')).toMatch(/after=\d+/);
  });

  it('answers 400 for a bad query', async () => {
    for (const query of ['status=later', 'limit=0', 'limit=x', 'after=-1', 'after=abc'])
      expect((await call(w.tokens.viewer, 'GET', `/api/tasks?${query}`)).status).toBe(400);
  });
});

describe('POST /api/tasks/:id/complete', () => {
  it('marks the task done and moves the enrollment on; again changes nothing', async () => {
    const task = (await call(w.tokens.viewer, 'GET', '/api/tasks')).json.find(
      (t: { contactId: string }) => t.contactId === 'kim',
    );
    const res = await call(w.tokens.editor, 'POST', `/api/tasks/${task.id}/complete`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: task.id,
      completed: true,
      enrollment: { status: 'completed', node: 'thanks' },
    });
    const queued = await sql`select node from messages where enrollment_id = ${task.enrollmentId}`;
    expect(queued.map((m) => m.node)).toEqual(['thanks']);
    const again = await call(w.tokens.editor, 'POST', `/api/tasks/${task.id}/complete`);
    expect(again.json.completed).toBe(false);
    const done = await call(w.tokens.viewer, 'GET', '/api/tasks?status=done');
    expect(done.json.map((t: { id: number }) => t.id)).toEqual([task.id]);
  });

  it('refuses viewers, unknown ids and the tasks of other workspaces, changing nothing', async () => {
    const [theirs] = await sql<Array<{ id: number }>>`
      select id from tasks where workspace_id = ${other.id} order by id limit 1`;
    const [mine] = (await call(w.tokens.viewer, 'GET', '/api/tasks')).json;
    expect((await call(w.tokens.viewer, 'POST', `/api/tasks/${mine.id}/complete`)).status).toBe(
      403,
    );
    for (const id of [String(theirs?.id), '999999', 'abc', '-1', '1.5'])
      expect(await call(w.tokens.editor, 'POST', `/api/tasks/${id}/complete`)).toMatchObject({
        status: 404,
        json: { error: { code: 'task_not_found' } },
      });
    const open =
      await sql`select 1 from tasks where workspace_id = ${other.id} and status = 'open'`;
    expect(open).toHaveLength(2);
    expect((await call(w.tokens.editor, 'GET', `/api/tasks/${mine.id}/complete`)).status).toBe(405);
  });
});

describe('POST /api/enrollments/:id/stop', () => {
  it('stops an enrollment with a reason; stopping again answers its status', async () => {
    const id = await idOf(w.id, 'park');
    const res = await call(w.tokens.editor, 'POST', `/api/enrollments/${id}/stop`, {
      reason: '전화로 요청',
    });
    expect(res).toMatchObject({ status: 200, json: { id, status: 'stopped', node: 'call' } });
    const [row] = await sql`select status, exit_reason from enrollments where id = ${id}`;
    expect(row).toEqual({ status: 'stopped', exit_reason: '전화로 요청' });
    const again = await call(w.tokens.editor, 'POST', `/api/enrollments/${id}/stop`);
    expect(again.json.status).toBe('stopped');
  });

  it("refuses bad bodies, unknown ids and other workspaces' enrollments", async () => {
    const theirs = await idOf(other.id, 'park');
    for (const id of [theirs, '00000000-0000-0000-0000-000000000000', 'not-a-uuid'])
      expect((await call(w.tokens.editor, 'POST', `/api/enrollments/${id}/stop`)).status).toBe(404);
    const [row] = await sql`select status from enrollments where id = ${theirs}`;
    expect(row?.status).toBe('active');
    const mine = await idOf(w.id, 'kim');
    for (const body of [{ reason: '' }, { reason: 3 }, { why: 'x' }, '[]', '{'])
      expect(
        (await call(w.tokens.editor, 'POST', `/api/enrollments/${mine}/stop`, body)).status,
      ).toBe(400);
  });
});
