import { afterAll, describe, expect, it } from 'vitest';
import type { Contact } from '../core/index.ts';
import { createTestDatabase } from './db/test-database.test-support.ts';
import { runDelivery } from './deliver.ts';
import { captureMessaging, smtpTransport } from './delivery/index.ts';
import { startSmtpServer } from './delivery/smtp.test-support.ts';
import { enroll } from './enroll.ts';
import { createWorkspace, publish } from './harness.test-support.ts';
import { startWorker } from './runner.ts';
import { runStep } from './step.ts';

/*
 * Delivery's retries running out, on real components: a mailbox whose server answers 451
 * (try again later) to every attempt, over SMTP on loopback.
 */

const db = await createTestDatabase();
const { sql } = db;
const smtp = await startSmtpServer((address) =>
  address.startsWith('busy') ? [451, 'mailbox busy, try again later'] : null,
);
const email = smtpTransport(smtp.url);
afterAll(async () => {
  email.close();
  await smtp.close();
});
const services = {
  email,
  messaging: captureMessaging(),
  publicUrl: 'https://nudge.example',
  secrets: 'test-secret',
};

let numbers = 0;
const person = (id: string): Contact => ({
  id,
  email: `${id}@hanbit.example`,
  phone: `+8210123400${String(++numbers).padStart(2, '0')}`,
  name: id,
  timezone: 'Asia/Seoul',
  tags: [],
  attributes: {},
});
const w = await createWorkspace(sql, [
  person('busy1'),
  person('busy2'),
  { ...person('quit'), email: 'Quit@Hanbit.example' },
  person('left'),
  person('phoneless'),
]);
await publish(sql, w, 'two', {
  format: 'nudge.sequence/v1',
  name: 'Two',
  settings: { sender: { name: '넛지', email: 'team@nudge.example' } },
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    {
      id: 'hello',
      type: 'email',
      data: { subject: 'Hi', body: 'Hello', format: 'text', mode: 'auto' },
    },
    { id: 'wait', type: 'delay', data: { amount: 2, unit: 'days' } },
    {
      id: 'again',
      type: 'email',
      data: { subject: 'Hi again', body: 'Hello', format: 'text', mode: 'auto' },
    },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'hello' },
    { id: 'e2', source: 'hello', target: 'wait' },
    { id: 'e3', source: 'wait', target: 'again' },
  ],
});

/** Enrolls the contact and runs its first step by hand: its welcome email is queued. */
async function queuedWelcome(contact: string) {
  await enroll(sql, w, 'two', [contact]);
  const [enrollment] = await sql<Array<{ id: string }>>`
    select id from enrollments where workspace_id = ${w} and contact_id = ${contact}`;
  const id = enrollment?.id as string;
  await runStep(sql, { workspace: w, enrollment: id, version: 0 });
  const [message] = await sql<Array<{ id: string }>>`
    select id from messages where enrollment_id = ${id} and node = 'hello'`;
  return { enrollment: id, message: Number(message?.id) };
}

const stateOf = async (enrollment: string, message: number) => {
  const [row] = await sql`
    select e.status as enrollment, e.exit_reason, m.status as message, m.attempts, m.last_error
    from enrollments e join messages m on m.enrollment_id = e.id
    where e.id = ${enrollment} and m.id = ${message}`;
  return row;
};

describe('a delivery that keeps failing for a while', () => {
  it('is retried while attempts remain, and fails the message and the enrollment on the last', async () => {
    const { enrollment, message } = await queuedWelcome('busy1');
    const payload = { workspace: w, message };
    await expect(
      runDelivery(sql, payload, services, { attempt: 9, maxAttempts: 10 }),
    ).rejects.toThrow(/mailbox busy/);
    expect(await stateOf(enrollment, message)).toMatchObject({
      enrollment: 'active',
      message: 'queued',
      attempts: 1,
      last_error: expect.stringMatching(/451.*mailbox busy/),
    });

    expect(await runDelivery(sql, payload, services, { attempt: 10, maxAttempts: 10 })).toBe(
      'failed',
    );
    expect(await stateOf(enrollment, message)).toMatchObject({
      enrollment: 'failed',
      exit_reason: expect.stringMatching(/^hello: gave up after 10 attempts: .*mailbox busy/),
      message: 'failed',
      attempts: 2,
      last_error: expect.stringMatching(/^gave up after 10 attempts: /),
    });
    // The enrollment ended: its wake-up for the next email is gone, so it is never sent.
    const jobs = await sql`select 1 from graphile_worker._private_jobs where key = ${enrollment}`;
    expect(jobs).toHaveLength(0);
    // Run again (a job that was retried after all): nothing changes.
    expect(await runDelivery(sql, payload, services, { attempt: 10, maxAttempts: 10 })).toBe(
      'done already',
    );
    expect(smtp.received).toHaveLength(0);
  });

  it('the worker gives up with the job: its last attempt fails the message', async () => {
    const { enrollment, message } = await queuedWelcome('busy2');
    // As Graphile Worker leaves a job after nine failed attempts, due again now.
    await sql`
      update graphile_worker._private_jobs set attempts = max_attempts - 1
      where key = ${`deliver:${message}`}`;
    const worker = await startWorker({
      connectionString: db.url,
      sql,
      services,
      pollInterval: 100,
    });
    try {
      const started = Date.now();
      while ((await stateOf(enrollment, message))?.message === 'queued') {
        if (Date.now() - started > 20_000) throw new Error('the delivery never ran');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await worker.stop();
    }
    expect(await stateOf(enrollment, message)).toMatchObject({
      enrollment: 'failed',
      message: 'failed',
      last_error: expect.stringMatching(/^gave up after 10 attempts: .*mailbox busy/),
    });
    // Recorded in the outbox, the job is done: Graphile Worker keeps no failed job for it.
    const jobs = await sql`
      select 1 from graphile_worker._private_jobs where key = ${`deliver:${message}`}`;
    expect(jobs).toHaveLength(0);
  }, 30_000);
});

describe('consent, checked again right before the hand-off', () => {
  // Written straight into the tables, as an import or another process might: no event stopped
  // these enrollments, so only delivery's own check stands between them and a send.
  it('cancels an email to an address suppressed since it was queued', async () => {
    const { enrollment, message } = await queuedWelcome('quit');
    await sql`insert into suppressions (workspace_id, channel, address, reason)
              values (${w}, 'email', 'quit@hanbit.example', 'complaint')`;
    expect(await runDelivery(sql, { workspace: w, message }, services)).toBe('cancelled');
    expect(await stateOf(enrollment, message)).toMatchObject({
      message: 'failed',
      last_error: 'cancelled: the address is suppressed',
    });
  });

  it('cancels a message to a contact who unsubscribed since', async () => {
    const { enrollment, message } = await queuedWelcome('left');
    await sql`update contacts set unsubscribed = true where workspace_id = ${w} and id = 'left'`;
    expect(await runDelivery(sql, { workspace: w, message }, services)).toBe('cancelled');
    expect(await stateOf(enrollment, message)).toMatchObject({
      message: 'failed',
      last_error: 'cancelled: the contact unsubscribed',
    });
  });

  it('sends an email when only the phone number is suppressed', async () => {
    const { enrollment, message } = await queuedWelcome('phoneless');
    const [contact] = await sql<Array<{ phone: string }>>`
      select phone from contacts where workspace_id = ${w} and id = 'phoneless'`;
    await sql`insert into suppressions (workspace_id, channel, address)
              values (${w}, 'phone', ${contact?.phone as string})`;
    expect(await runDelivery(sql, { workspace: w, message }, services)).toBe('sent');
    expect(await stateOf(enrollment, message)).toMatchObject({ message: 'sent', attempts: 1 });
    expect(smtp.received.map((m) => m.envelope.to)).toEqual([['phoneless@hanbit.example']]);
  });
});
