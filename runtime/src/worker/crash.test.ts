import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './db/test-database.test-support.ts';
import { startSmtpServer } from './delivery/smtp.test-support.ts';
import { enroll } from './enroll.ts';
import { createWorkspace, publish } from './harness.test-support.ts';

/*
 * Crash safety (issue 4): the worker runs as a child process over a 2,000-send run and is
 * SIGKILLed at random moments, then restarted. At the end every expected message has arrived,
 * under its own Message-ID, and every enrollment reached its end; the jobs a killed worker held
 * are unlocked by its silence (liveness.ts), not after Graphile Worker's four hours.
 */

const CONTACTS = 1000; // two emails each
const db = await createTestDatabase();
const { sql } = db;
const smtp = await startSmtpServer();
afterAll(() => smtp.close());

const contacts = Array.from({ length: CONTACTS }, (_, i) => ({
  id: `c${i}`,
  email: `person${i}@crash.example`,
  name: `고객${i}`,
  tags: [],
  attributes: {},
}));
const w = await createWorkspace(sql, contacts);
await publish(sql, w, 'pair', {
  format: 'nudge.sequence/v1',
  name: 'Pair',
  settings: {
    sender: { name: '넛지', email: 'team@nudge.example' },
    tracking: { opens: false, clicks: false },
  },
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    {
      id: 'first',
      type: 'email',
      data: { subject: '{{고객명}}님 안녕하세요', body: '첫 메일', format: 'text', mode: 'auto' },
    },
    { id: 'second', type: 'email', data: { body: '두 번째 메일', format: 'text', mode: 'auto' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'first' },
    { id: 'e2', source: 'first', target: 'second' },
  ],
});

const script = fileURLToPath(new URL('./worker-child.test-support.ts', import.meta.url));
const repo = fileURLToPath(new URL('../../../', import.meta.url));

// A failing run must not leave workers behind.
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

async function startChild(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, db.url, smtp.url], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk;
      if (output.includes('ready')) resolve();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}):\n${output}`)));
  });
  return child;
}

const exited = (child: ChildProcess) => new Promise((resolve) => child.once('exit', resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a worker killed at random moments', () => {
  it('delivers every message, none lost, and every enrollment ends', {
    timeout: 240_000,
  }, async () => {
    const result = await enroll(
      sql,
      w,
      'pair',
      contacts.map((c) => c.id),
    );
    expect(result.enrolled).toBe(CONTACTS);
    let kills = 0;
    // Kill while work remains, at moments spread over the run.
    for (let round = 0; round < 6; round++) {
      const child = await startChild();
      await sleep(300 + Math.floor(Math.random() * 1200));
      const done = exited(child);
      child.kill('SIGKILL');
      await done;
      kills++;
      const [left] =
        await sql`select count(*)::int as n from enrollments where workspace_id = ${w} and status = 'active'`;
      const [queued] =
        await sql`select count(*)::int as n from messages where workspace_id = ${w} and status <> 'sent'`;
      if (left?.n === 0 && queued?.n === 0) break;
    }
    const last = await startChild();
    const started = Date.now();
    for (;;) {
      const [left] =
        await sql`select count(*)::int as n from enrollments where workspace_id = ${w} and status = 'active'`;
      const [unsent] =
        await sql`select count(*)::int as n from messages where workspace_id = ${w} and status <> 'sent'`;
      const [all] = await sql`select count(*)::int as n from messages where workspace_id = ${w}`;
      if (left?.n === 0 && unsent?.n === 0 && all?.n === 2 * CONTACTS) break;
      if (Date.now() - started > 60_000) {
        const jobs =
          await sql`select task_identifier, attempts, last_error, locked_by, locked_at, run_at from graphile_worker.jobs limit 5`;
        const workers = await sql`select * from nudge_workers`;
        throw new Error(
          `stuck: ${left?.n} active, ${unsent?.n} unsent of ${all?.n}\n${JSON.stringify(jobs, null, 1)}\n${JSON.stringify(workers)}`,
        );
      }
      await sleep(200);
    }
    const done = exited(last);
    last.kill('SIGTERM');
    await done;

    const ids = smtp.received.map((m) => m.parsed.messageId);
    const unique = new Set(ids);
    const duplicates = ids.length - unique.size;
    console.log(
      `crash test: ${kills} SIGKILLs, ${ids.length} messages received, ${unique.size} distinct, ${duplicates} twice`,
    );
    const stored = await sql<
      Array<{ message_id: string }>
    >`select message_id from messages where workspace_id = ${w}`;
    expect(unique).toEqual(new Set(stored.map((m) => m.message_id)));
    // Nothing lost and nothing extra. A kill between the SMTP server's final 250 and the commit
    // that records it can't be told from a kill just before the 250: that message goes again,
    // with the same Message-ID (receivers drop the repeat). At most the sends in flight at a kill.
    expect(duplicates).toBeLessThanOrEqual(kills * 10);
    const statuses =
      await sql`select status, count(*)::int as n from enrollments where workspace_id = ${w} group by status`;
    expect(statuses).toEqual([{ status: 'completed', n: CONTACTS }]);
  });
});
