import { describe, expect, it } from 'vitest';
import type { Contact } from '../core/index.ts';
import { createTestDatabase } from './db/test-database.test-support.ts';
import { captureMessaging, captureTransport } from './delivery/index.ts';
import { enroll } from './enroll.ts';
import { createWorkspace, publish } from './harness.test-support.ts';
import { RENDER_HARD_LIMIT_MS } from './render-guard.ts';
import { startWorker } from './runner.ts';

/*
 * A step whose template runs past the hard render limit (render-guard.ts), on the running
 * worker: its enrollment fails with a reason naming the step and the field, like one that
 * meets liquidjs's own limit, and the other enrollments go on.
 */

const db = await createTestDatabase();
const { sql } = db;

const people: Contact[] = ['a', 'b', 'c', 'd'].map((id) => ({
  id,
  email: `${id}@hanbit.example`,
  name: `고객${id}`,
  tags: [],
  attributes: {},
}));
const w = await createWorkspace(sql, people);
const sequence = (body: string) => ({
  format: 'nudge.sequence/v1',
  name: 'Slow',
  settings: { sender: { name: '넛지', email: 'team@nudge.example' } },
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    {
      id: 'offer',
      type: 'email',
      data: { subject: '{{고객명}}님, 제안드립니다', body, format: 'text', mode: 'auto' },
    },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'offer' }],
});
// One filter call of seconds, which liquidjs's 200 ms limit does not stop. The validator
// passes it: a range sized by a variable is left to the limits of the render.
await publish(
  sql,
  w,
  'slow',
  sequence('{% assign n = 999999 %}{{ (1..n) | where: "a.b.c.d.e.f.g.h.i.j" | size }}'),
);
await publish(sql, w, 'fine', sequence('{{고객명}}님, 안녕하세요'));

describe('a template past the hard render limit, on the worker', () => {
  it('fails its enrollment naming the field, and the others are sent', {
    timeout: 60_000,
  }, async () => {
    const worker = await startWorker({
      connectionString: db.url,
      sql,
      services: {
        email: captureTransport(),
        messaging: captureMessaging(),
        publicUrl: 'https://nudge.example',
        secrets: 'render-limit-test',
      },
      pollInterval: 100,
      log: () => {},
    });
    try {
      const started = performance.now();
      expect((await enroll(sql, w, 'slow', ['a', 'b'])).enrolled).toBe(2);
      expect((await enroll(sql, w, 'fine', ['c', 'd'])).enrolled).toBe(2);
      let rows: Array<{ contact_id: string; status: string; exit_reason: string | null }> = [];
      while (performance.now() - started < 50_000) {
        rows = await sql`
          select contact_id, status, exit_reason from enrollments
          where workspace_id = ${w} order by contact_id`;
        if (rows.every((row) => row.status !== 'active')) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const stopped = `the body of "offer" can't be rendered: it was stopped after ${RENDER_HARD_LIMIT_MS} ms of rendering (a filter or a loop over too much data?)`;
      expect(rows).toEqual([
        { contact_id: 'a', status: 'failed', exit_reason: stopped },
        { contact_id: 'b', status: 'failed', exit_reason: stopped },
        { contact_id: 'c', status: 'completed', exit_reason: 'the end of the sequence' },
        { contact_id: 'd', status: 'completed', exit_reason: 'the end of the sequence' },
      ]);
      const messages = await sql`
        select e.contact_id from messages m join enrollments e on e.id = m.enrollment_id
        where m.workspace_id = ${w} order by 1`;
      expect(messages.map((m) => m.contact_id)).toEqual(['c', 'd']);
    } finally {
      await worker.stop();
    }
  });
});
