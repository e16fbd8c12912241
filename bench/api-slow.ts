/**
 * The load of pnpm bench:api: enrollments into a sequence whose email template takes the whole
 * render limit (RENDER_LIMITS.timeMs, 200 ms) every time, as issue 12's did, so each step
 * fails its enrollment after ~200 ms of rendering.
 *
 * Validation now refuses such templates (template_too_costly), this one too; the sequence is
 * written straight into the database, as a version published before that rule would be, and
 * the worker runs stored versions without the limits on authoring (validateSequence's `stored`),
 * bounding their renders itself. The issue's own `{% for i in (1..100000000) %}` would stop at
 * the memory limit at once; this one spends the whole time limit.
 */
import { enroll } from '@nudge/runtime/worker';
import type { Sql } from '@nudge/runtime/worker/db';
import { publish } from '../runtime/src/worker/harness.test-support.ts';
import { insertContacts, workspaceWith } from './runtime-env.ts';

/** ~20 ms per turn, 50 turns: liquidjs's 200 ms limit stops it after about ten. */
export const SLOW_TEMPLATE =
  '{% assign n = 20000 %}{% for i in (1..50) %}{{ (1..n) | where: "a.b.c" | size }}{% endfor %}';

const SLOW_SEQUENCE = {
  format: 'nudge.sequence/v1',
  name: 'Slow to render',
  settings: { sender: { name: '넛지', email: 'team@nudge.example' } },
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    {
      id: 'offer',
      type: 'email',
      data: { subject: '{{고객명}}님께', body: SLOW_TEMPLATE, format: 'text', mode: 'auto' },
    },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'offer' }],
};

/** A workspace with the slow sequence published (version 1) and `count` contacts. */
export async function slowWorkspace(sql: Sql, count: number, prefix: string) {
  const workspace = await workspaceWith(sql, {});
  await publish(sql, workspace, 'slow', SLOW_SEQUENCE);
  const ids = await insertContacts(sql, workspace, prefix, count);
  return { workspace, ids };
}

export interface SlowRun {
  /** Enrollment to the last one ended, ms. */
  ms: number;
  /** Enrollments by status and exit reason at the end (all failed at the render limit). */
  outcomes: Array<{ status: string; reason: string; n: number }>;
}

/**
 * Enrolls everyone at once and resolves when every enrollment has ended. `running` is set
 * while the worker chews through them (the probe watches it).
 */
export async function runSlow(
  sql: Sql,
  workspace: string,
  ids: string[],
  running: { value: boolean },
): Promise<SlowRun> {
  const started = performance.now();
  running.value = true;
  try {
    const { enrolled } = await enroll(sql, workspace, 'slow', ids);
    if (enrolled !== ids.length) throw new Error(`enrolled ${enrolled} of ${ids.length}`);
    for (;;) {
      const [left] = await sql<Array<{ n: number }>>`
        select count(*)::int as n from enrollments
        where workspace_id = ${workspace} and status = 'active'`;
      if (left?.n === 0) break;
      if (performance.now() - started > 600_000)
        throw new Error(`${left?.n} still active after 10 min`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    running.value = false;
  }
  const ms = performance.now() - started;
  const outcomes = await sql<Array<{ status: string; reason: string; n: number }>>`
    select status, coalesce(exit_reason, '') as reason, count(*)::int as n from enrollments
    where workspace_id = ${workspace} group by 1, 2 order by 3 desc`;
  return { ms, outcomes };
}
