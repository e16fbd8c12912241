/**
 * pnpm bench:api — does the worker's rendering delay the API? (issue 12: 200 enrollments into
 * a sequence whose template took its whole render limit ran for 40 s, /api/health p95 5.4 s,
 * as `pnpm start` rendered in the API's process.)
 *
 * Nudge is started as `pnpm start` starts it (bench/api-nudge.ts), and /api/health is timed
 * over HTTP, one request after another: first with the worker idle (the baseline, same run),
 * then while the worker goes through 200 enrollments of a sequence whose email template takes
 * the whole render limit each time (bench/api-slow.ts). Both with the worker in a process of
 * its own (NUDGE_WORKER=process, the default; target: p99 < 50 ms during the run), then in the
 * API's process (NUDGE_WORKER=inline), to show the difference.
 *
 * Flags: --quick (50 enrollments, shorter baselines), --only=process|inline. Prints a table and
 * writes bench/out/api.json.
 */

import { startNudgeProcess } from './api-nudge.ts';
import { type Latencies, latencies, probeFor, probeHealth } from './api-probe.ts';
import { runSlow, SLOW_TEMPLATE, slowWorkspace } from './api-slow.ts';
import { startDatabase } from './runtime-env.ts';
import { printTable, writeResults } from './table.ts';

const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const N = { enrollments: quick ? 50 : 200, idleMs: quick ? 3000 : 10_000, warmUpMs: 2000 };
const modes = (['process', 'inline'] as const).filter((m) => !only || m === only);

interface ModeResult {
  idle: Latencies;
  busy: Latencies;
  /** Enrollment to the last one ended. */
  runMs: number;
  outcomes: Array<{ status: string; reason: string; n: number }>;
}

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const db = await startDatabase(true);
const results: Partial<Record<(typeof modes)[number], ModeResult>> = {};
try {
  for (const mode of modes) {
    const { workspace, ids } = await slowWorkspace(db.sql, N.enrollments, `${mode}-`);
    console.error(`${elapsed()}: NUDGE_WORKER=${mode}: starting Nudge`);
    const nudge = await startNudgeProcess(db.url, mode);
    try {
      await probeFor(nudge.url, N.warmUpMs);
      console.error(`${elapsed()}: NUDGE_WORKER=${mode}: /api/health, worker idle`);
      const idle = latencies(await probeFor(nudge.url, N.idleMs));
      console.error(
        `${elapsed()}: NUDGE_WORKER=${mode}: ${N.enrollments} enrollments at the render limit`,
      );
      const running = { value: true };
      const [run, samples] = await Promise.all([
        runSlow(db.sql, workspace, ids, running),
        probeHealth(nudge.url, () => !running.value),
      ]);
      // Every enrollment must have ended at the render limit: otherwise this measured nothing.
      const atTheLimit = run.outcomes
        .filter(
          (o) =>
            o.status === 'failed' &&
            /can't be rendered: it (takes longer|was stopped)/.test(o.reason),
        )
        .reduce((n, o) => n + o.n, 0);
      if (atTheLimit !== N.enrollments)
        throw new Error(
          `not every enrollment hit the render limit: ${JSON.stringify(run.outcomes)}`,
        );
      results[mode] = { idle, busy: latencies(samples), runMs: run.ms, outcomes: run.outcomes };
    } catch (error) {
      console.error(nudge.output());
      throw error;
    } finally {
      await nudge.stop();
    }
  }
} finally {
  await db.stop();
}

const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
const pair = (l: Latencies) => `${ms(l.p50)} / ${ms(l.p99)}`;
const rows: string[][] = [];
const label = {
  process: 'worker in its own process (default)',
  inline: 'worker in the API process (inline)',
};
for (const mode of modes) {
  const r = results[mode];
  if (!r) continue;
  rows.push([`/api/health p50 / p99, ${label[mode]}, worker idle`, pair(r.idle), '', '', '', '']);
  rows.push([
    `/api/health p50 / p99, ${label[mode]}, during ${N.enrollments} enrollments at the render limit (${(r.runMs / 1000).toFixed(1)} s)`,
    pair(r.busy),
    pair(r.idle),
    `p99 ×${(r.busy.p99 / r.idle.p99).toFixed(1)}`,
    mode === 'process' ? 'p99 < 50 ms' : '(none: the old default)',
    mode === 'process' ? (r.busy.p99 < 50 ? 'pass' : '**FAIL**') : '',
  ]);
}
console.log('');
printTable(['measure', 'value', 'baseline, same run', 'ratio', 'target', 'result'], rows);
const counts = modes
  .map(
    (m) =>
      `${m}: ${results[m]?.idle.count} idle, ${results[m]?.busy.count} during the run, max ${ms(results[m]?.busy.max ?? 0)}`,
  )
  .join('; ');
console.log(
  `\n/api/health over HTTP, one request after another, 10 ms apart (requests: ${counts}). ` +
    `Template: ${SLOW_TEMPLATE}. Whole run ${elapsed()}.`,
);
console.log(`\nwrote ${writeResults('api', { counts: N, template: SLOW_TEMPLATE, ...results })}`);
