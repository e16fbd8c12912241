/**
 * pnpm bench:render-guard — what the worker's hard render limit costs (runtime/src/worker/
 * render-guard.ts). The cost is per render, not per byte: a round trip to the render thread,
 * or, while that thread starts, a node:vm call whose timeout starts a watchdog thread.
 *
 * (1) one email step's renders (subject and HTML body, bench (a)'s template), µs per email:
 *     unguarded, in the render thread (as shipped), under node:vm's timeout (the fallback);
 *     interleaved rounds, medians.
 * (2) bench (a)'s email steps/s on a running worker, with the guard as shipped and with it
 *     taken off, interleaved rounds, medians: the cost where it would show.
 *
 * Flags: --quick (a tenth of the counts). Prints a table and writes bench/out/render-guard.json.
 */
import type { Sequence } from '@nudge/schema';
import { contextOf } from '../runtime/src/core/render/context.test-support.ts';
import { renderEmail } from '../runtime/src/core/render/email.ts';
import { type RenderGuard, renderGuard, setRenderGuard } from '../runtime/src/core/render/guard.ts';
import { RENDER_HARD_LIMIT_MS, threadRenderGuard } from '../runtime/src/worker/render-guard.ts';
import { vmRenderGuard } from '../runtime/src/worker/render-vm.ts';
import { insertContacts, ONE_EMAIL, startDatabase, workspaceWith } from './runtime-env.ts';
import { median, startCaptureWorker, stepRate } from './runtime-throughput.ts';
import { printTable, whole, writeResults } from './table.ts';

const scale = process.argv.includes('--quick') ? 0.1 : 1;
const N = { renders: 20_000 * scale, steps: 3000 * scale, rounds: 5 };

type EmailData = Parameters<typeof renderEmail>[0];
const email = (ONE_EMAIL.nodes[1] as { data: EmailData }).data;
const context = contextOf();

/** µs per renderEmail over `n` renders, under `guard`. */
function renderCost(guard: RenderGuard | null, n: number): number {
  setRenderGuard(guard);
  const started = performance.now();
  for (let i = 0; i < n; i++) renderEmail(email, context, null);
  const us = ((performance.now() - started) * 1000) / n;
  setRenderGuard(null);
  return us;
}

const thread = threadRenderGuard(RENDER_HARD_LIMIT_MS);
await thread.ready;
const sides = { free: null, thread: thread.guard, vm: vmRenderGuard(RENDER_HARD_LIMIT_MS) };
const renders = { free: [] as number[], thread: [] as number[], vm: [] as number[] };
for (const guard of Object.values(sides)) renderCost(guard, N.renders / 10); // warm-up
for (let round = 0; round < N.rounds; round++)
  for (const [side, guard] of Object.entries(sides))
    renders[side as keyof typeof renders].push(renderCost(guard, N.renders));
await thread.close();

const db = await startDatabase(true);
const steps = { free: [] as number[], guarded: [] as number[] };
try {
  const workspace = await workspaceWith(db.sql, { 'one-email': ONE_EMAIL as unknown as Sequence });
  const warmUp = Math.round(N.steps / 5);
  const ids = await insertContacts(db.sql, workspace, 'g', warmUp + 2 * N.rounds * N.steps);
  let next = 0;
  const take = (n: number) => {
    next += n;
    return ids.slice(next - n, next);
  };
  const worker = await startCaptureWorker(db.url, db.sql);
  // startWorker set the guard (its thread started meanwhile); one side takes it off for its run.
  const shipped = renderGuard();
  try {
    await stepRate(worker, db.sql, workspace, take(warmUp));
    for (let round = 0; round < N.rounds; round++) {
      const order =
        round % 2 === 0 ? (['guarded', 'free'] as const) : (['free', 'guarded'] as const);
      for (const side of order) {
        setRenderGuard(side === 'guarded' ? shipped : null);
        await db.sql`vacuum analyze graphile_worker._private_jobs`;
        steps[side].push((await stepRate(worker, db.sql, workspace, take(N.steps))).stepsPerSecond);
      }
    }
  } finally {
    setRenderGuard(shipped);
    await worker.stop();
  }
} finally {
  await db.stop();
}

const us = (n: number) => `${n.toFixed(1)} µs`;
const result = {
  limitMs: RENDER_HARD_LIMIT_MS,
  emailRenderUs: {
    free: median(renders.free),
    thread: median(renders.thread),
    vm: median(renders.vm),
  },
  stepsPerSecond: { free: median(steps.free), guarded: median(steps.guarded) },
  rounds: { renders, steps },
  counts: N,
};
const r = result.emailRenderUs;
const s = result.stepsPerSecond;
console.log('');
printTable(
  ['measure', 'value', 'baseline, same run', 'ratio'],
  [
    [`(1) one email's renders, unguarded, median of ${N.rounds}`, us(r.free), '', ''],
    [
      '(1) the same in the render thread (as shipped)',
      us(r.thread),
      us(r.free),
      `+${us(r.thread - r.free)}`,
    ],
    [
      '(1) the same under node:vm timeouts (while the thread starts)',
      us(r.vm),
      us(r.free),
      `+${us(r.vm - r.free)}`,
    ],
    [
      `(2) bench (a)'s email steps, guarded as shipped, median of ${N.rounds}`,
      `${whole(s.guarded)} steps/s`,
      `${whole(s.free)} steps/s`,
      (s.guarded / s.free).toFixed(2),
    ],
  ],
);
console.log(
  `\nHard limit ${RENDER_HARD_LIMIT_MS} ms. Counts: ${whole(N.renders)} emails per side and round in (1), ` +
    `${whole(N.steps)} steps per side and round in (2), sides interleaved.`,
);
console.log(`\nwrote ${writeResults('render-guard', result)}`);
