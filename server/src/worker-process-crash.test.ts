/**
 * Exactly once, under the supervisor (worker-process.ts): the worker process of `pnpm start`
 * is SIGKILLed at random moments of a run; each time it comes back, its jobs released at
 * once (not after 30 s of silence), and at the end every enrollment got its message, each
 * under its own Message-ID, none lost and none twice. (runtime's crash.test.ts does the same
 * to a bare worker.)
 */
import { enroll, releaseProcess, workerProcessName } from '@nudge/runtime/worker';
import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { startSmtpServer } from '../../runtime/src/worker/delivery/smtp.test-support.ts';
import { createWorkspace, publish } from '../../runtime/src/worker/harness.test-support.ts';
import type { Logger } from './log.ts';
import { type RunningWorkerProcess, startWorkerProcess } from './worker-process.ts';

const CONTACTS = 500;
const KILLS = 3;

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
await publish(sql, w, 'one', {
  format: 'nudge.sequence/v1',
  name: 'One',
  settings: {
    sender: { name: '넛지', email: 'team@nudge.example' },
    tracking: { opens: false, clicks: false },
  },
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    {
      id: 'hello',
      type: 'email',
      data: { subject: '{{고객명}}님 안녕하세요', body: '첫 메일', format: 'text', mode: 'auto' },
    },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'hello' }],
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const lines: string[] = [];
const logger: Logger = {
  info: (message) => void lines.push(message),
  error: (message) => void lines.push(`error: ${message}`),
};

async function until(done: () => Promise<boolean>, what: string, ms: number) {
  const started = Date.now();
  while (!(await done())) {
    if (Date.now() - started > ms)
      throw new Error(`timed out after ${ms} ms waiting for ${what}:\n${lines.join('\n')}`);
    await sleep(100);
  }
}

const count = async (query: Promise<Array<{ n: number }>>) => (await query)[0]?.n ?? 0;
const finished = async () =>
  (await count(sql`select count(*)::int as n from enrollments
                   where workspace_id = ${w} and status = 'active'`)) === 0 &&
  (await count(sql`select count(*)::int as n from messages
                   where workspace_id = ${w} and status = 'sent'`)) === CONTACTS;

describe('the worker process, SIGKILLed under the supervisor', () => {
  it('comes back each time, and every enrollment gets its message exactly once', {
    timeout: 180_000,
  }, async () => {
    const worker: RunningWorkerProcess = await startWorkerProcess(
      {
        databaseUrl: db.url,
        secret: 'crash-test',
        publicUrl: 'https://nudge.example',
        smtpUrl: smtp.url,
      },
      {
        logger,
        onExit: async (pid) => {
          await releaseProcess(sql, workerProcessName(pid));
        },
        timing: { backoffMs: 200 },
      },
    );
    let kills = 0;
    try {
      expect(
        (
          await enroll(
            sql,
            w,
            'one',
            contacts.map((c) => c.id),
          )
        ).enrolled,
      ).toBe(CONTACTS);
      while (kills < KILLS && !(await finished())) {
        await sleep(300 + Math.floor(Math.random() * 700));
        if (await finished()) break; // only kills with work left count
        const pid = worker.pid;
        const held = await sql<Array<{ id: string }>>`
          select id from nudge_workers where process = ${workerProcessName(pid)}`;
        process.kill(pid, 'SIGKILL');
        kills += 1;
        await until(async () => worker.restarts === kills, `restart ${kills}`, 60_000);
        // Released when it was seen to exit: nothing left locked in its name.
        const ids = held.map((h) => h.id);
        expect(
          await count(sql`select count(*)::int as n from nudge_workers where id = any(${ids})`),
        ).toBe(0);
        expect(
          await count(sql`select count(*)::int as n from graphile_worker._private_jobs
                          where locked_by = any(${ids})`),
        ).toBe(0);
      }
      await until(finished, 'every message sent', 90_000);
    } finally {
      await worker.stop();
    }

    expect(kills).toBeGreaterThan(0);
    const deaths = lines.filter((line) =>
      /^error: worker \d+ exited unexpectedly \(signal SIGKILL\); starting it again in [\d.]+ s$/.test(
        line,
      ),
    );
    expect(deaths).toHaveLength(kills);

    // Every enrollment: one message row, sent, and that very message received.
    const stored = await sql<Array<{ contact_id: string; message_id: string }>>`
      select e.contact_id, m.message_id from messages m join enrollments e on e.id = m.enrollment_id
      where m.workspace_id = ${w} and m.status = 'sent'`;
    expect(new Set(stored.map((s) => s.contact_id)).size).toBe(CONTACTS);
    const received = smtp.received.map((m) => m.parsed.messageId);
    const distinct = new Set(received);
    expect(distinct).toEqual(new Set(stored.map((s) => s.message_id)));
    for (const mail of smtp.received) expect(mail.envelope.to).toHaveLength(1);
    // A kill between the SMTP server's 250 and the commit that records it can't be told from a
    // kill just before the 250: that one message is handed over again, under the same
    // Message-ID, and receivers drop the repeat. At most the deliveries in flight at a kill.
    const repeats = received.length - distinct.size;
    console.log(
      `supervised crash test: ${kills} SIGKILLs, ${received.length} messages received, ${distinct.size} distinct, ${repeats} repeated`,
    );
    expect(repeats).toBeLessThanOrEqual(kills * 10);
    const statuses = await sql`
      select status, count(*)::int as n from enrollments where workspace_id = ${w} group by status`;
    expect(statuses).toEqual([{ status: 'completed', n: CONTACTS }]);
  });
});
