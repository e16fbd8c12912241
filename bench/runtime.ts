/**
 * pnpm bench:runtime — the worker on PostgreSQL (issue 4), in one run, with the settings
 * startWorker ships. Each speed is a ratio against a baseline measured just before it in the
 * same run (the machines are shared and noisy: ratios travel, ms don't).
 *
 * (a) Graphile Worker's raw rate for no-op jobs, then our email steps (enrollment → outbox row);
 *     target ≥ 0.5 of raw. Five interleaved rounds, medians; the best rounds are shown too, as
 *     the raw rate swings between ~1,500 and ~7,000 jobs/s here from one round to the next.
 * (b) delivery over SMTP to a server on loopback, against nodemailer alone with the same pool.
 * (c) enrolling 100,000 contacts, by ids and by segment RULE (the API route); target < 5 s each.
 * (d) due steps with 1,000,000 future wake-ups pending, against an empty queue; target ≤ 20%
 *     slower.
 * (e) reply → enrollment stopped, p50/p99; target p99 < 100 ms.
 *
 * Flags: --not-durable (fsync and synchronous_commit off; the shipped default is durable),
 * --quick (a tenth of every count, to try the script out), --only=ac (some sections; the
 * order stays a, b, d, c, e), --pg=shared_buffers=512MB (a server setting to try; repeatable).
 * Prints a table and writes bench/out/runtime.json.
 */
import { WORKER_DEFAULTS } from '@nudge/runtime/worker';
import { delivery } from './runtime-delivery.ts';
import { bulkEnroll } from './runtime-enroll.ts';
import { type BenchDatabase, startDatabase } from './runtime-env.ts';
import { replyToStop } from './runtime-reply.ts';
import { dueSteps, SHIPPED, throughput } from './runtime-throughput.ts';
import { printTable, whole, writeResults } from './table.ts';

const durable = !process.argv.includes('--not-durable');
const scale = process.argv.includes('--quick') ? 0.1 : 1;
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? 'abcde';
// --pg=name=value, repeatable: server settings to try (the shipped ones are embedded.ts's).
const pgSettings = Object.fromEntries(
  process.argv.flatMap((a) => {
    const match = /^--pg=([a-z_.]+)=(.+)$/.exec(a);
    return match ? [[match[1] as string, match[2] as string]] : [];
  }),
);
const N = {
  jobs: 5000 * scale,
  mails: 2000 * scale,
  enroll: 100_000 * scale,
  due: 5000 * scale,
  pending: 1_000_000 * scale,
  replies: 500 * scale,
  lanes: 10,
};

const rate = (n: number, unit: string) => `${whole(n)} ${unit}/s`;
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : whole(n)} ms`;
const verdict = (ok: boolean) => (ok ? 'pass' : '**FAIL**');
const latency = (l: { p50: number; p99: number }) => `${ms(l.p50)} / ${ms(l.p99)}`;
type Row = [string, string, string, string, string, string];

interface Section<T> {
  key: string;
  title: string;
  run: (db: BenchDatabase) => Promise<T>;
  rows: (r: T) => Row[];
}
const section = <T>(s: Section<T>) => s as Section<unknown>;

// (d) before (c) and (e): enrolling and replying then happen with the million wake-ups pending,
// as they would in production.
const sections = [
  section({
    key: 'a',
    title: 'raw Graphile Worker, then our email steps',
    run: (db) => throughput(db.url, db.sql, N.jobs),
    rows: (a) => {
      const best = { raw: Math.max(...a.rounds.raw), steps: Math.max(...a.rounds.steps) };
      return [
        [
          `(a) Graphile Worker, no-op jobs, median of ${a.rounds.raw.length}`,
          rate(a.raw, 'jobs'),
          '',
          '',
          '',
          '',
        ],
        [
          `(a) our email steps (enrollment → outbox row), median of ${a.rounds.steps.length}`,
          rate(a.stepsPerSecond, 'steps'),
          rate(a.raw, 'jobs'),
          a.ratio.toFixed(2),
          '≥ 0.5',
          verdict(a.ratio >= 0.5),
        ],
        [
          '(a) the same, best round of each',
          rate(best.steps, 'steps'),
          rate(best.raw, 'jobs'),
          (best.steps / best.raw).toFixed(2),
          '(≥ 0.5)',
          verdict(best.steps / best.raw >= 0.5),
        ],
      ];
    },
  }),
  section({
    key: 'b',
    title: 'delivery over SMTP',
    run: (db) => delivery(db.url, db.sql, N.mails),
    rows: (b) => [
      ['(b) nodemailer alone, SMTP on loopback', rate(b.baseline, 'msgs'), '', '', '', ''],
      [
        '(b) our deliver jobs, SMTP on loopback',
        rate(b.ours, 'msgs'),
        rate(b.baseline, 'msgs'),
        b.ratio.toFixed(2),
        '',
        '',
      ],
    ],
  }),
  section({
    key: 'd',
    title: 'due steps, empty queue, then with future wake-ups pending',
    run: (db) => dueSteps(db.url, db.sql, N.due, N.pending),
    rows: (d) => {
      const slower = (s: number) =>
        s >= 0 ? `${(s * 100).toFixed(0)}% slower` : `${(-s * 100).toFixed(0)}% faster`;
      const best = { empty: Math.max(...d.rounds.empty), full: Math.max(...d.rounds.full) };
      const bestSlowdown = 1 - best.full / best.empty;
      return [
        [
          `(d) due steps, empty queue, median of ${d.rounds.empty.length}`,
          rate(d.empty, 'steps'),
          '',
          '',
          '',
          '',
        ],
        [
          `(d) due steps, ${whole(d.pending)} wake-ups pending, median of ${d.rounds.full.length}`,
          rate(d.full, 'steps'),
          rate(d.empty, 'steps'),
          slower(d.slowdown),
          '≤ 20% slower',
          verdict(d.slowdown <= 0.2),
        ],
        [
          '(d) the same, best run of each',
          rate(best.full, 'steps'),
          rate(best.empty, 'steps'),
          slower(bestSlowdown),
          '(≤ 20% slower)',
          verdict(bestSlowdown <= 0.2),
        ],
      ];
    },
  }),
  section({
    key: 'c',
    title: 'bulk enrollment',
    run: (db) => bulkEnroll(db.sql, N.enroll),
    rows: (c) => [
      [
        `(c) enroll ${whole(c.count)} by ids, median of ${c.rounds.ids.length}`,
        ms(c.idsMs),
        '',
        '',
        '< 5,000 ms',
        verdict(c.idsMs < 5000),
      ],
      [
        `(c) enroll ${whole(c.count)} by segment (API route), median of ${c.rounds.segment.length}`,
        ms(c.segmentMs),
        '',
        '',
        '< 5,000 ms',
        verdict(c.segmentMs < 5000),
      ],
    ],
  }),
  section({
    key: 'e',
    title: 'reply → stop',
    run: (db) => replyToStop(db.url, db.sql, db.observer, N.replies, N.lanes),
    rows: (e) => [
      [
        '(e) reply → stopped, one at a time, p50 / p99',
        latency(e.sequential),
        '',
        '',
        'p99 < 100 ms',
        verdict(e.sequential.p99 < 100),
      ],
      [
        `(e) reply → stopped, ${e.lanes} at once, p50 / p99`,
        latency(e.concurrent),
        '',
        '',
        'p99 < 100 ms (not in the issue)',
        verdict(e.concurrent.p99 < 100),
      ],
    ],
  }),
].filter((s) => only.includes(s.key));

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const db = await startDatabase(durable, pgSettings);
const results: Record<string, unknown> = {};
const rows: Row[] = [];
let postgres = '';
try {
  for (const s of sections) {
    console.error(`${elapsed()}: (${s.key}) ${s.title}`);
    const result = await s.run(db);
    results[s.key] = result;
    rows.push(...s.rows(result));
  }
  const [version] = await db.sql<
    Array<{ v: string }>
  >`select current_setting('server_version') as v`;
  postgres = version?.v ?? '';
} finally {
  await db.stop();
}
const seconds = (performance.now() - started) / 1000;

console.log('');
printTable(['measure', 'value', 'baseline, same run', 'ratio', 'target', 'result'], rows);
const { worker } = SHIPPED.preset;
console.log(
  `\nPostgreSQL ${postgres} embedded, ${durable ? 'durable (fsync and synchronous_commit on: the shipped default)' : 'NOT durable (fsync and synchronous_commit off)'}` +
    `${Object.keys(pgSettings).length > 0 ? `, with ${JSON.stringify(pgSettings)}` : ''}. ` +
    `Worker as shipped: concurrency ${SHIPPED.concurrency}, job pool ${SHIPPED.maxPoolSize}, step batches of up to ${WORKER_DEFAULTS.stepBatch.size} (${WORKER_DEFAULTS.stepBatch.inFlight} at once), pollInterval ${SHIPPED.pollInterval} ms, completeJobBatchDelay ${worker.completeJobBatchDelay}. ` +
    `Counts: (a) ${whole(N.jobs)} jobs, (b) ${whole(N.mails)} mails, (c) ${whole(N.enroll)} contacts, ` +
    `(d) ${whole(N.due)} steps per side, (e) ${whole(N.replies)} replies per line. Whole run ${seconds.toFixed(0)} s.`,
);
const settings = { durable, postgres, pgSettings, worker: SHIPPED, counts: N, seconds };
console.log(`\nwrote ${writeResults('runtime', { ...settings, ...results })}`);
