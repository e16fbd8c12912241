/**
 * (b) Delivery over SMTP to a server on loopback: our `deliver` jobs against nodemailer sending
 * the same composed messages over the same pool settings, with no database work.
 */
import type { AddressInfo } from 'node:net';
import { enroll, runStep, startWorker } from '@nudge/runtime/worker';
import type { Sql } from '@nudge/runtime/worker/db';
import {
  captureMessaging,
  composeEmail,
  type EmailMessage,
  smtpTransport,
} from '@nudge/runtime/worker/delivery';
import { trackingUrls } from '@nudge/runtime/worker/tracking';
import { SMTPServer } from '../runtime/node_modules/smtp-server/dist/esm/smtp-server.js';
import { insertContacts, ONE_EMAIL, workspaceWith } from './runtime-env.ts';
import { clockJobs, eachLimit, within } from './runtime-measure.ts';
import { SHIPPED } from './runtime-throughput.ts';

const PUBLIC_URL = 'https://nudge.example';
const SECRETS = 'bench-secret';

/**
 * An SMTP server on loopback that reads each message to its end and counts it, nothing more:
 * it shares the bench's two cores, so parsing mail here would only blur both sides.
 */
async function startSink() {
  let received = 0;
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Outbox rows for `ids` (steps run here, outside the timing), their delivery jobs held back. */
async function queueOutbox(sql: Sql, workspace: string, ids: string[]) {
  await enroll(sql, workspace, 'one-email', ids);
  const enrollments = await sql<Array<{ id: string }>>`
    select id from enrollments where workspace_id = ${workspace} and sequence_id = 'one-email'`;
  await eachLimit(enrollments, SHIPPED.concurrency, async ({ id }) => {
    await runStep(sql, { workspace, enrollment: id, version: 0 });
  });
  // Taken out, to be put back at once when the worker is listening (see ours()).
  await sql`
    delete from graphile_worker._private_jobs
    where task_id = (select id from graphile_worker._private_tasks where identifier = 'deliver')`;
}

/** The messages as deliver.ts composes them, read from the outbox. */
async function composed(sql: Sql, workspace: string): Promise<EmailMessage[]> {
  const rows = await sql<
    Array<{ id: number; content: never; message_id: string; email: string; name: string }>
  >`
    select m.id, m.content, m.message_id, c.email, c.name
    from messages m join enrollments e on e.id = m.enrollment_id
    join contacts c on c.workspace_id = e.workspace_id and c.id = e.contact_id
    where m.workspace_id = ${workspace}`;
  return rows.map((row) =>
    composeEmail({
      content: row.content,
      to: { address: row.email, name: row.name },
      messageId: row.message_id,
      links: trackingUrls(PUBLIC_URL, SECRETS, { workspaceId: workspace, messageId: row.id }),
      tracking: { opens: true, clicks: true },
    }),
  );
}

/** nodemailer alone: the same messages, as many in flight as the worker runs jobs. */
async function baseline(url: string, messages: EmailMessage[]): Promise<number> {
  const transport = smtpTransport(url);
  const t = performance.now();
  await eachLimit(messages, SHIPPED.concurrency, async (message) => {
    await transport.send(message);
  });
  const ms = performance.now() - t;
  await transport.close();
  return messages.length / (ms / 1000);
}

/** Our worker with the shipped settings draining the `deliver` jobs: messages/s. */
async function ours(dbUrl: string, sql: Sql, smtpUrl: string, workspace: string, count: number) {
  const email = smtpTransport(smtpUrl);
  const worker = await startWorker({
    connectionString: dbUrl,
    sql,
    services: { email, messaging: captureMessaging(), publicUrl: PUBLIC_URL, secrets: SECRETS },
  });
  try {
    const clock = clockJobs(worker.runner.events, 'deliver', count);
    // The jobs the steps queued, as scheduleDelivery (jobs.ts) adds them, all at once.
    await sql`
      select count(*) from graphile_worker.add_jobs(array(
        select row('deliver', json_build_object('workspace', workspace_id, 'message', id), null, now(),
                   10, 'deliver:' || id, null, null)::graphile_worker.job_spec
        from messages where workspace_id = ${workspace}), true)`;
    const ms = await within(clock.done, 300_000, `${count} deliveries`);
    if (clock.errors.length > 0) throw new Error(`delivery failed: ${clock.errors[0]}`);
    return count / (ms / 1000);
  } finally {
    await worker.stop();
    await email.close();
  }
}

/** (b): baseline, then ours, back to back, against one SMTP sink. */
export async function delivery(dbUrl: string, sql: Sql, count: number) {
  const workspace = await workspaceWith(sql, { 'one-email': ONE_EMAIL });
  const ids = await insertContacts(sql, workspace, 'b', count);
  await queueOutbox(sql, workspace, ids);
  const messages = await composed(sql, workspace);
  if (messages.length !== count) throw new Error(`${messages.length} of ${count} in the outbox`);
  const sink = await startSink();
  try {
    const direct = await baseline(sink.url, messages);
    const rate = await ours(dbUrl, sql, sink.url, workspace, count);
    const [sent] = await sql<Array<{ n: number }>>`
      select count(*)::int as n from messages where workspace_id = ${workspace} and status = 'sent'`;
    if (sent?.n !== count || sink.received() !== 2 * count)
      throw new Error(`sent ${sent?.n}, the server received ${sink.received()} of ${2 * count}`);
    return { count, baseline: direct, ours: rate, ratio: rate / direct };
  } finally {
    await sink.close();
  }
}
