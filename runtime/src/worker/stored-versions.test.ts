import { validateSequence } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './db/test-database.test-support.ts';
import { enroll } from './enroll.ts';
import { createWorkspace, drive, publish } from './harness.test-support.ts';

/*
 * Versions published before a rule was added: the limits on authoring (unbounded templates,
 * RULEs over their size) don't stop them from running, as the runtime bounds their work
 * itself; a version the runtime can't run at all fails its enrollees with the reason, at once,
 * instead of failing its jobs again and again with the enrollees left active.
 */

const { sql } = await createTestDatabase();
const w = await createWorkspace(sql, [
  { id: 'minjun', email: 'minjun@hanbit.example', name: '김민준', tags: [], attributes: {} },
]);
const start = Date.parse('2026-03-02T01:00:00Z');

const oneEmail = (id: string, body: string, settings: Record<string, unknown> = {}) => ({
  format: 'nudge.sequence/v1',
  id,
  name: id,
  settings: { timezone: 'UTC', sender: { name: 'Nudge', email: 'team@nudge.test' }, ...settings },
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    { id: 'hello', type: 'email', data: { subject: 'Hi', body, format: 'text', mode: 'auto' } },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'hello' }],
});

async function runOne(id: string, definition: unknown) {
  await publish(sql, w, id, definition);
  expect((await enroll(sql, w, id, ['minjun'])).enrolled).toBe(1);
  await drive(sql, w, start, start + 60_000);
  const [row] = await sql<Array<{ status: string; exit_reason: string | null; messages: number }>>`
    select e.status, e.exit_reason,
      (select count(*)::int from messages m where m.enrollment_id = e.id) as messages
    from enrollments e where e.workspace_id = ${w} and e.sequence_id = ${id}`;
  const [jobs] = await sql<Array<{ n: number }>>`
    select count(*)::int as n from graphile_worker._private_jobs j
      join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = 'step' and (j.payload->>'workspace') = ${w}`;
  return { ...row, jobs: jobs?.n }; // step jobs left: none, the enrollment is over
}

describe('stored versions', () => {
  it('run when they break only a limit on authoring, their renders bounded at run time', async () => {
    // A loop of 60,000 turns: over the 100,000 steps validation allows now (it counts every
    // branch), in a branch no contact with an id takes, so the render is quick on any machine
    // (the loop itself took over the 200 ms a render may take while other suites ran).
    const body = '{% if contact.id == "" %}{% for i in (1..60000) %}{% endfor %}{% endif %}done';
    const definition = oneEmail('loop', body);
    expect(validateSequence(definition).errors.map((e) => e.code)).toEqual(['template_too_costly']);
    expect(validateSequence(definition, { stored: true }).ok).toBe(true);
    expect(await runOne('loop', definition)).toEqual({
      status: 'completed',
      exit_reason: 'the end of the sequence',
      messages: 1,
      jobs: 0,
    });
  });

  it('fail their enrollees at once, with the reason, when the runtime refuses them', async () => {
    // A holiday calendar the runtime has none of: compile refuses what it can't run faithfully.
    const definition = oneEmail('no-calendar', 'Hello', { holidays: ['ZZ'] });
    expect(validateSequence(definition).ok).toBe(true);
    expect(await runOne('no-calendar', definition)).toEqual({
      status: 'failed',
      exit_reason: expect.stringMatching(
        /^version 1 of the sequence can't run: \/settings\/holidays\/0: there is no holiday calendar for "ZZ"/,
      ),
      messages: 0,
      jobs: 0,
    });
  });
});
