import { createTestDatabase } from '@nudge/runtime/worker/testing';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { Logger } from '../log.ts';
import { type RunningServer, startServer } from '../start.ts';
import { type DraftSource, draftsOf, exampleDraft } from './drafts.test-support.ts';
import { createFixtures, hintsOf, validBodies } from './fixtures.test-support.ts';
import { percentile, pollHealth, serverLatencies } from './health-poller.test-support.ts';
import { judge } from './judge.test-support.ts';
import { applyAll, mutationsArb } from './mutations.test-support.ts';
import { type Json, operationsOf } from './operations.test-support.ts';
import { describeRequest, type FuzzRequest, render, type Tokens } from './request.test-support.ts';
import { changedTables, type Snapshot, snapshotter } from './snapshot.test-support.ts';
import { HttpClient, viaApp } from './transport.test-support.ts';

/*
 * The API fuzzed: every operation of its OpenAPI document (as served at /api/openapi.json) is
 * sent requests drawn from the document and mutated as an attacker would (mutations.test-support.ts),
 * through `app.request` and over real HTTP, against the real app on PostgreSQL. Every answer:
 * no 5xx, within a second, the documented error shape, status and code (judge.test-support.ts);
 * every refused request (4xx) leaves every table as it was. Meanwhile /api/health is polled
 * over HTTP every 50 ms and must stay prompt.
 *
 * Replay a failure with the seed it prints: NUDGE_FUZZ_SEED=<seed> (NUDGE_FUZZ_RUNS=<n> sets
 * the requests per operation; the run depends on it).
 */

const SEED = fuzzSeed();
const RUNS = positiveInt('NUDGE_FUZZ_RUNS', 50);
const REPLAY = `NUDGE_FUZZ_SEED=${SEED}${process.env.NUDGE_FUZZ_RUNS ? ` NUDGE_FUZZ_RUNS=${RUNS}` : ''} pnpm vitest run --project server server/src/fuzz/api.fuzz.test.ts`;
console.log(`API fuzz: seed ${SEED}, ${RUNS} requests per operation; replay: ${REPLAY}`);

/** Every answer's time limit. */
const MAX_MS = 1000;
/** An operation's share of the run: its requests take 0.3 s at most on average, 0.05 s usually. */
const OPERATION_MS = Math.max(30_000, RUNS * 600);
/**
 * /api/health's latency, generous for two shared cores under the fuzzer's load: its worst as
 * any answer's, and its 99th percentile, which a stall every few dozen requests would pass.
 * (A healthy run here: p99 about 50 ms; single polls of 100-500 ms come with the machine.)
 */
const HEALTH_MAX_MS = MAX_MS;
const HEALTH_P99_MS = 250;

const { sql } = await createTestDatabase();
const fixtures = await createFixtures(sql);
/** What the app logged as faults (a 5xx's stack), for the report. */
const faults: string[] = [];
const logger: Logger = {
  info: () => {},
  error: (message, fields) => faults.push(`${message} ${JSON.stringify(fields)}`),
};
const app = createApp({ sql, logger });
const doc = (await (await app.request('/api/openapi.json')).json()) as Json;
const operations = operationsOf(doc);
const tokens: Tokens = {
  ...fixtures.ours.workspace.tokens,
  other: fixtures.other.workspace.tokens.editor,
  wrong: 'fz-not-a-token-of-anyone',
};
const source: DraftSource = {
  doc,
  hints: hintsOf(fixtures),
  ids: fixtures.ids(fixtures.ours),
  validBodies: validBodies(fixtures),
};
const mutations = mutationsArb({ other: fixtures.ids(fixtures.other) }, [
  ...new Set(
    operations.flatMap((op) => op.parameters.filter((p) => p.in === 'query').map((p) => p.name)),
  ),
]);
const snapshot = await snapshotter(sql);
let before: Snapshot = await snapshot();

/**
 * The HTTP server, and its limiter's budget of wrong tokens (auth-limiter.ts; 10 by default):
 * small, so that a run reaches it and its 429s are judged too, which app.request never gets (no
 * client address). Once spent, every request from 127.0.0.1 with any token gets a 429 for a
 * while, as it should; so after two of those the server is replaced by a fresh one.
 */
const HTTP_WRONG_TOKENS = 3;
let http = await startHttp();
async function startHttp() {
  const server: RunningServer = await startServer({
    sql,
    logger,
    port: 0,
    editorDir: null,
    failedAuth: { free: HTTP_WRONG_TOKENS },
  });
  return { server, client: new HttpClient('127.0.0.1', server.port), wrongTokens: 0 };
}
const stopHealth = pollHealth(async () => {
  const answer = await http.client.send(
    {
      operation: 'health',
      transport: 'http',
      method: 'GET',
      path: '/api/health',
      caller: 'none',
      headers: {},
      body: undefined,
      chunked: false,
      labels: [],
    },
    5000,
  );
  return answer.status;
}, 50);
afterAll(async () => {
  await stopHealth();
  http.client.close();
  await http.server.close();
});

/** Requests sent, by operation: by answer class ("2xx", "4xx"...), over HTTP, answered 429. */
const sent = new Map<string, Record<string, number>>();
/**
 * When each request was drawn (from the end of the one before: fast-check draws in between),
 * sent, and judged; what ran when /api/health was slow.
 */
const timeline: Array<{ drawn: number; sent: number; done: number; request: FuzzRequest }> = [];
/** The slowest answers, for the summary: what comes nearest the time limit. */
const slowest: Array<{ ms: number; status: number; request: FuzzRequest }> = [];
let lastDone = performance.now();

async function exercise(r: FuzzRequest): Promise<void> {
  if (r.transport === 'http' && http.wrongTokens >= HTTP_WRONG_TOKENS + 2) {
    const old = http;
    http = await startHttp();
    old.client.close();
    await old.server.close();
  }
  const tooManyAllowed = r.transport === 'http' && http.wrongTokens >= HTTP_WRONG_TOKENS;
  if (r.transport === 'http' && sendsWrongToken(r)) http.wrongTokens++;
  faults.length = 0;
  const span = { drawn: lastDone, sent: performance.now(), done: 0, request: r };
  timeline.push(span);
  const answer = r.transport === 'app' ? await viaApp(app, r) : await http.client.send(r);
  const problems = judge(r, answer, { doc, operations, maxMs: MAX_MS, tooManyAllowed });
  slowest.push({ ms: answer.ms, status: answer.status, request: r });
  slowest.sort((a, b) => b.ms - a.ms).splice(5);
  const after = await snapshot();
  if (answer.status >= 400 && answer.status < 500) {
    const changed = changedTables(before, after);
    if (changed.length > 0)
      problems.push(`refused (${answer.status}), yet wrote to ${changed.join(', ')}`);
  }
  before = after;
  span.done = lastDone = performance.now();
  const count = sent.get(r.operation) ?? {};
  for (const key of [
    `${Math.floor(answer.status / 100)}xx`,
    ...(r.transport === 'http' ? ['over HTTP'] : []),
    ...(answer.status === 429 ? ['429'] : []),
  ])
    count[key] = (count[key] ?? 0) + 1;
  sent.set(r.operation, count);
  if (problems.length > 0)
    throw new Error(
      [
        `${problems.join('; ')}`,
        `request: ${describeRequest(r)}`,
        `answer: ${answer.status} in ${Math.round(answer.ms)} ms: ${new TextDecoder().decode(answer.body).slice(0, 500)}`,
        ...faults.map((f) => `logged: ${f.slice(0, 2000)}`),
        `seed ${SEED}; replay: ${REPLAY}`,
      ].join('\n'),
    );
}

/** A well-formed Authorization header of a token that is not one (auth.ts counts those). */
function sendsWrongToken(r: FuzzRequest): boolean {
  const header = r.headers.authorization;
  if (header === undefined) return false;
  const token = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header)?.[1];
  return (
    token !== undefined &&
    ![tokens.admin, tokens.editor, tokens.viewer, tokens.other].includes(token)
  );
}

describe('the API under fuzzing', () => {
  for (const [index, op] of operations.entries())
    it(
      `${op.method} ${op.path} (${op.id})`,
      async () => {
        const requests = fc
          .tuple(draftsOf(op, source), mutations)
          .map(([draft, changes]) => render(applyAll(draft, changes), tokens));
        await fc.assert(fc.asyncProperty(requests, exercise), {
          seed: (SEED + index * 7919) | 0,
          numRuns: RUNS,
          examples: [[render(exampleDraft(op, source), tokens)]],
          // The database moves on with every request: shrinking would replay against another one.
          endOnFailure: true,
        });
      },
      OPERATION_MS,
    );

  it('walked every operation of the document, and /api/health stayed prompt', async () => {
    const health = await stopHealth();
    const table = operations.map((op) => ({ operation: op.id, ...sent.get(op.id) }));
    console.table(table);
    // The fuzzer draws its requests in this process (some are megabytes): the time it spent
    // drawing is taken out of the polls it delayed, so what is left is the server's.
    const drawing = timeline.map((t) => ({ from: t.drawn, to: t.sent }));
    const served = serverLatencies(health.polls, drawing);
    const worst = served.reduce((a, b) => (b.ms > a.ms ? b : a), { due: 0, ms: 0 });
    const summary = (polls: typeof served) => {
      const latencies = polls.map((p) => p.ms);
      return `p99 ${Math.round(percentile(latencies, 0.99))} ms, worst ${Math.round(Math.max(...latencies))} ms`;
    };
    const during = timeline
      .filter((t) => t.sent <= worst.due + worst.ms && t.done >= worst.due)
      .map((t) => describeRequest(t.request));
    console.log(
      `slowest answers:\n${slowest.map((s) => `${Math.round(s.ms)} ms, ${s.status}: ${describeRequest(s.request)}`).join('\n')}`,
    );
    console.log(
      `/api/health: ${health.polls.length} polls; ${summary(served)} (with the fuzzer's own drawing: ${summary(health.polls)}); the worst while these ran:\n${during.join('\n')}`,
    );
    expect(operations.length).toBeGreaterThan(10);
    for (const op of operations) {
      const count = sent.get(op.id) ?? {};
      const answered = Object.entries(count).filter(([k]) => /^\dxx$/.test(k));
      expect(
        answered.reduce((a, [, n]) => a + n, 0),
        op.id,
      ).toBeGreaterThanOrEqual(RUNS);
      // Its example at least was answered: the fuzzer reached the operation's work.
      expect(count['2xx'] ?? 0, `${op.id} answered no request with a 2xx`).toBeGreaterThan(0);
    }
    expect(health.failures, `seed ${SEED}`).toEqual([]);
    expect(health.polls.length).toBeGreaterThan(10);
    expect(
      worst.ms,
      `/api/health's worst latency (seed ${SEED}), while these ran:\n${during.join('\n')}\n`,
    ).toBeLessThan(HEALTH_MAX_MS);
    expect(
      percentile(
        served.map((p) => p.ms),
        0.99,
      ),
      `/api/health's 99th percentile (seed ${SEED})`,
    ).toBeLessThan(HEALTH_P99_MS);
  });
});

function fuzzSeed(): number {
  const given = process.env.NUDGE_FUZZ_SEED;
  if (given === undefined || given === '') return (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  const seed = Number(given);
  if (!Number.isSafeInteger(seed))
    throw new Error(`NUDGE_FUZZ_SEED must be an integer, not ${given}`);
  return seed | 0;
}

function positiveInt(name: string, fallback: number): number {
  const given = process.env[name];
  if (given === undefined || given === '') return fallback;
  const n = Number(given);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new Error(`${name} must be a positive integer, not ${given}`);
  return n;
}
