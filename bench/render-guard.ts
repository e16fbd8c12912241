/**
 * pnpm bench:render-guard — what the worker's hard render limit costs (runtime/src/worker/
 * render-guard.ts). The cost is per step, not per byte: a plain merge template (text and
 * `{{ path }}` outputs: render-bounded.ts) renders in place at no cost; any other goes to the
 * render thread, a round trip; while that thread starts, to a node:vm call whose timeout
 * starts a watchdog thread.
 *
 * (1) one email step's renders (subject and HTML body), µs per email: bench (a)'s plain email
 *     unguarded and guarded (in place), then the same email with a `truncate` filter in its
 *     subject, unguarded, in the render thread, and under node:vm; interleaved rounds, medians.
 * (2) email steps/s on a running worker, guarded as shipped and with the guard taken off,
 *     interleaved rounds, medians: bench (a)'s sequence, then the one with the filter.
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
const plain = (ONE_EMAIL.nodes[1] as { data: EmailData }).data;
/** bench (a)'s email with a filter render-bounded.ts doesn't take: it goes to the thread. */
const filtered: EmailData = {
  ...plain,
  subject: `{{ 고객명 | truncate: 20 }}님, {{회사명}}을 위한 제안`,
};
const FILTERED_SEQUENCE = {
  ...ONE_EMAIL,
  nodes: [ONE_EMAIL.nodes[0], { ...(ONE_EMAIL.nodes[1] as object), data: filtered }],
};
const context = contextOf();

/** µs per renderEmail of `data` over `n` renders, under `guard`. */
function renderCost(data: EmailData, guard: RenderGuard | null, n: number): number {
  setRenderGuard(guard);
  const started = performance.now();
  for (let i = 0; i < n; i++) renderEmail(data, context, null);
  const us = ((performance.now() - started) * 1000) / n;
  setRenderGuard(null);
  return us;
}

const thread = threadRenderGuard(RENDER_HARD_LIMIT_MS);
await thread.ready;
const vm = vmRenderGuard(RENDER_HARD_LIMIT_MS);
const sides = {
  plainFree: () => renderCost(plain, null, N.renders),
  plainGuarded: () => renderCost(plain, thread.guard, N.renders),
  filteredFree: () => renderCost(filtered, null, N.renders),
  filteredThread: () => renderCost(filtered, thread.guard, N.renders),
  filteredVm: () => renderCost(filtered, vm, N.renders / 4),
};
type Side = keyof typeof sides;
const renders = Object.fromEntries(Object.keys(sides).map((k) => [k, [] as number[]])) as Record<
  Side,
  number[]
>;
for (const run of Object.values(sides)) run(); // warm-up
for (let round = 0; round < N.rounds; round++)
  for (const [side, run] of Object.entries(sides)) renders[side as Side].push(run());
await thread.close();

const db = await startDatabase(true);
const steps = {
  plain: { free: [] as number[], guarded: [] as number[] },
  filtered: { free: [] as number[], guarded: [] as number[] },
};
try {
  for (const [name, sequence] of [
    ['plain', ONE_EMAIL],
    ['filtered', FILTERED_SEQUENCE],
  ] as const) {
    const workspace = await workspaceWith(db.sql, { 'one-email': sequence as unknown as Sequence });
    const warmUp = Math.round(N.steps / 5);
    const ids = await insertContacts(db.sql, workspace, name, warmUp + 2 * N.rounds * N.steps);
    let next = 0;
    const take = (n: number) => {
      next += n;
      return ids.slice(next - n, next);
    };
    const worker = await startCaptureWorker(db.url, db.sql);
    // startWorker set the guard (its thread started meanwhile); one side takes it off.
    const shipped = renderGuard();
    try {
      await stepRate(worker, db.sql, workspace, take(warmUp));
      for (let round = 0; round < N.rounds; round++) {
        const order =
          round % 2 === 0 ? (['guarded', 'free'] as const) : (['free', 'guarded'] as const);
        for (const side of order) {
          setRenderGuard(side === 'guarded' ? shipped : null);
          await db.sql`vacuum analyze graphile_worker._private_jobs`;
          const rate = await stepRate(worker, db.sql, workspace, take(N.steps));
          steps[name][side].push(rate.stepsPerSecond);
        }
      }
    } finally {
      setRenderGuard(shipped);
      await worker.stop();
    }
  }
} finally {
  await db.stop();
}

const us = (n: number) => `${n.toFixed(1)} µs`;
const r = Object.fromEntries(Object.entries(renders).map(([k, v]) => [k, median(v)])) as Record<
  Side,
  number
>;
const s = {
  plain: { free: median(steps.plain.free), guarded: median(steps.plain.guarded) },
  filtered: { free: median(steps.filtered.free), guarded: median(steps.filtered.guarded) },
};
const more = (a: number, b: number) => `${a >= b ? '+' : '−'}${us(Math.abs(a - b))}`;
console.log('');
printTable(
  ['measure', 'value', 'baseline, same run', 'ratio'],
  [
    [`(1) bench (a)'s email, rendered unguarded, median of ${N.rounds}`, us(r.plainFree), '', ''],
    [
      '(1) the same, guarded as shipped (plain: in place)',
      us(r.plainGuarded),
      us(r.plainFree),
      more(r.plainGuarded, r.plainFree),
    ],
    ['(1) an email with a filter (truncate), unguarded', us(r.filteredFree), '', ''],
    [
      '(1) the same, guarded as shipped (in the render thread)',
      us(r.filteredThread),
      us(r.filteredFree),
      more(r.filteredThread, r.filteredFree),
    ],
    [
      '(1) the same under node:vm timeouts (while the thread starts)',
      us(r.filteredVm),
      us(r.filteredFree),
      more(r.filteredVm, r.filteredFree),
    ],
    [
      `(2) bench (a)'s email steps, guarded as shipped, median of ${N.rounds}`,
      `${whole(s.plain.guarded)} steps/s`,
      `${whole(s.plain.free)} steps/s`,
      (s.plain.guarded / s.plain.free).toFixed(2),
    ],
    [
      `(2) email steps with a filter, guarded as shipped (render thread), median of ${N.rounds}`,
      `${whole(s.filtered.guarded)} steps/s`,
      `${whole(s.filtered.free)} steps/s`,
      (s.filtered.guarded / s.filtered.free).toFixed(2),
    ],
  ],
);
console.log(
  `\nHard limit ${RENDER_HARD_LIMIT_MS} ms. Counts: ${whole(N.renders)} emails per side and round in (1) ` +
    `(a quarter under node:vm), ${whole(N.steps)} steps per side and round in (2), sides interleaved.`,
);
const result = {
  limitMs: RENDER_HARD_LIMIT_MS,
  emailRenderUs: r,
  stepsPerSecond: s,
  rounds: { renders, steps },
  counts: N,
};
console.log(`\nwrote ${writeResults('render-guard', result)}`);
