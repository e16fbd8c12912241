import {
  completeTask,
  stopEnrollment,
  UnknownEnrollmentError,
  UnknownTaskError,
} from '@nudge/runtime/worker';
import type { Context, Hono } from 'hono';
import type { ApiEnv } from '../auth.ts';
import { limitBody } from '../body.ts';
import type { Sql } from '../db/types.ts';
import { ApiError, methodNotAllowed } from '../errors.ts';
import { onlyKnown, readJsonObject } from '../json-body.ts';
import { idCursor, linkNextPage, type PageRule, readPage, uuidCursor } from '../paging.ts';

const PAGE: PageRule<number> = {
  cursor: 'after',
  defaultLimit: 100,
  maxLimit: 1000,
  parse: idCursor,
  what: 'a task',
};
const STATUSES = ['open', 'done'];

export interface TaskRow {
  id: number;
  sequenceId: string;
  enrollmentId: string;
  contactId: string;
  node: string;
  kind: string;
  title: string;
  note: string | null;
  assignee: string | null;
  channel: string | null;
  draft: unknown;
  dueAt: Date | null;
  status: string;
  completedAt: Date | null;
}

/**
 * The work steps give people (calls, to-dos, manual messages) and what people do to
 * enrollments by hand:
 * - GET /api/tasks?status=open|done&assignee=&limit&after → tasks by due time, a page at a time;
 * - POST /api/tasks/:id/complete → the task done and its enrollment moved on;
 * - POST /api/enrollments/:id/stop `{ reason? }` → the enrollment ended `stopped`.
 */
export function taskRoutes(api: Hono<ApiEnv>, sql: Sql): void {
  api.get('/tasks', async (c) => {
    const workspace = c.var.workspace;
    const status = c.req.query('status') ?? 'open';
    if (!STATUSES.includes(status))
      throw new ApiError(400, 'invalid_query', '"status" must be "open" or "done"');
    const assignee = c.req.query('assignee') ?? null;
    const { limit, cursor: after } = readPage(c, PAGE);
    const rows = await sql<TaskRow[]>`
      select t.id, e.sequence_id as "sequenceId", t.enrollment_id as "enrollmentId",
             e.contact_id as "contactId", t.node, t.kind, t.title, t.note, t.assignee, t.channel,
             t.draft, t.due_at as "dueAt", t.status, t.completed_at as "completedAt"
      from tasks t join enrollments e on e.workspace_id = t.workspace_id and e.id = t.enrollment_id
      where t.workspace_id = ${workspace} and t.status = ${status}
        and (${assignee}::text is null or lower(t.assignee) = lower(${assignee}::text))
        and (${after}::bigint is null or t.id > ${after}::bigint)
      order by t.id limit ${limit}`;
    linkNextPage(c, PAGE, limit, rows.length, rows.at(-1)?.id);
    return c.json(rows);
  });
  api.all('/tasks', methodNotAllowed(['GET', 'HEAD']));

  api.post('/tasks/:id/complete', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id < 1) throw unknownTask(c.req.param('id'));
    try {
      return c.json(await completeTask(sql, c.var.workspace, id));
    } catch (error) {
      if (error instanceof UnknownTaskError) throw unknownTask(String(id));
      throw error;
    }
  });
  api.all('/tasks/:id/complete', methodNotAllowed(['POST']));

  api.post('/enrollments/:id/stop', limitBody(16 * 1024), async (c) => {
    const id = c.req.param('id');
    if (uuidCursor(id) === null) throw unknownEnrollment(id);
    const reason = await readReason(c);
    try {
      return c.json(await stopEnrollment(sql, c.var.workspace, id, reason));
    } catch (error) {
      if (error instanceof UnknownEnrollmentError) throw unknownEnrollment(id);
      throw error;
    }
  });
  api.all('/enrollments/:id/stop', methodNotAllowed(['POST']));
}

async function readReason(c: Context): Promise<string | undefined> {
  if ((await c.req.arrayBuffer()).byteLength === 0) return undefined;
  const body = await readJsonObject(c, '{ "reason"?: string }');
  onlyKnown(body, ['reason']);
  if (body.reason === undefined) return undefined;
  if (typeof body.reason !== 'string' || body.reason.trim() === '' || body.reason.length > 500)
    throw new ApiError(
      400,
      'invalid_body',
      '"reason" must be a non-empty string of at most 500 characters',
      {
        pointer: '/reason',
      },
    );
  return body.reason;
}

const unknownTask = (id: string) =>
  new ApiError(404, 'task_not_found', `there is no task "${id}" in this workspace`);
const unknownEnrollment = (id: string) =>
  new ApiError(404, 'enrollment_not_found', `there is no enrollment "${id}" in this workspace`);
