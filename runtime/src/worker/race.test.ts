import { validateSequence } from '@nudge/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, connect } from './db/index.ts';
import { createTestDatabase } from './db/test-database.test-support.ts';
import { captureMessaging, type EmailTransport, smtpTransport } from './delivery/index.ts';
import { startSmtpServer } from './delivery/smtp.test-support.ts';
import { enroll } from './enroll.ts';
import { recordEvent } from './events.ts';
import { createWorkspace, publish } from './harness.test-support.ts';
import { type RunningWorker, startWorker } from './runner.ts';

/*
 * Issue 4: a reply recorded while the enrollee's step (or a delivery) is in flight never lets a
 * later send through. The race is real: Graphile Worker runs the steps and deliveries of 200
 * enrollments over SMTP on loopback while replies come in on their own pool, as through the
 * API. A quarter of the replies are fired while that contact's first step holds its locks, a
 * quarter from inside the SMTP hand-off of one of their emails, the rest at random moments.
 *
 * Times are read from PostgreSQL's clock by test-only triggers (race_log): when a message was
 * queued, when it was marked sent (after SMTP took it, before the commit), and when the reply
 * was inserted — after recordEvent locked the contact, so before its commit. Every hand-off
 * holds the contact's lock, so each must come before the reply that followed it.
 */

const CONTACTS = 200;
const HOLD = 40; // ms a targeted step or hand-off keeps its locks, for the reply to land inside
// Random replies fall at a random moment of the first 1.5 s (enrollment and first steps), or
// after a random number of hand-offs (so they spread over the sends however fast they go).
const EARLY_SPAN = 1500;
const SENDS_SPAN = 160;

const db = await createTestDatabase();
const { sql } = db;
// Replies and opens come in on their own connections, as from the API and the tracking links.
const api = connect(db.url, { max: 20, applicationName: 'race-api' });
const watcher = connect(db.url, { max: 1, applicationName: 'race-watcher' });
const smtp = await startSmtpServer();
const smtpEmail = smtpTransport(smtp.url, { maxConnections: 8 });

type Why = 'step' | 'delivery' | 'random' | 'late';
// c0, c4, ...: replies while the first step runs; c1, c5, ...: during a hand-off; others random.
const groupOf = (n: number): Why => (n % 4 === 0 ? 'step' : n % 4 === 1 ? 'delivery' : 'random');
const numberOf = (contact: string) => Number(contact.slice(1));
const contacts = Array.from({ length: CONTACTS }, (_, n) => ({
  id: `c${n}`,
  email: `c${n}@race.example`,
  name: `고객${n}`,
  company: '한빛물류',
  tags: [],
  attributes: {},
}));
const w = await createWorkspace(sql, contacts);
const sequence = {
  format: 'nudge.sequence/v1',
  name: 'Race',
  settings: {
    sender: { name: '넛지', email: 'team@nudge.example' },
    tracking: { opens: false, clicks: false },
  },
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    {
      id: 'a',
      type: 'email',
      data: {
        subject: '{{고객명}}님, 제안드립니다',
        body: 'A {{회사명}}',
        format: 'text',
        mode: 'auto',
      },
    },
    { id: 'b', type: 'email', data: { body: 'B', format: 'text', mode: 'auto' } },
    // The open of A (fired by the test once A arrived) wakes this in the event's transaction.
    {
      id: 'opened',
      type: 'wait_for',
      data: { rule: { event: 'opened', node: 'a' }, timeout: { amount: 1, unit: 'days' } },
    },
    { id: 'c', type: 'email', data: { body: 'C', format: 'text', mode: 'auto' } },
    // Still active when the reply comes, however late: every enrollment must end `replied`.
    { id: 'hold', type: 'delay', data: { amount: 1, unit: 'days' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'a' },
    { id: 'e2', source: 'a', target: 'b' },
    { id: 'e3', source: 'b', target: 'opened' },
    { id: 'e4', source: 'opened', sourceHandle: 'met', target: 'c' },
    { id: 'e5', source: 'opened', sourceHandle: 'timeout', target: 'hold' },
    { id: 'e6', source: 'c', target: 'hold' },
  ],
};
await publish(sql, w, 'race', sequence);

await sql.unsafe(`
  create table race_log (
    kind text not null,
    contact_id text not null,
    ref bigint not null,
    at timestamptz not null default clock_timestamp(),
    xact_started timestamptz not null default now(),
    xid bigint not null default txid_current()
  );
  create function race_queued() returns trigger language plpgsql as $$
  declare
    contact text := (select contact_id from enrollments where id = new.enrollment_id);
  begin
    insert into race_log (kind, contact_id, ref) values ('queued', contact, new.id);
    -- A targeted first step shows itself (an advisory lock the watcher sees) and keeps the
    -- contact's and the enrollment's locks a while longer.
    if new.node = 'a' and substr(contact, 2)::int % 4 = 0 then
      perform pg_advisory_xact_lock(1, substr(contact, 2)::int);
      perform pg_sleep(${HOLD / 1000});
    end if;
    return null;
  end $$;
  create trigger race_queued after insert on messages
    for each row execute function race_queued();
  create function race_sent() returns trigger language plpgsql as $$
  begin
    insert into race_log (kind, contact_id, ref)
    values ('sent', (select contact_id from enrollments where id = new.enrollment_id), new.id);
    return null;
  end $$;
  create trigger race_sent after update on messages
    for each row when (new.status = 'sent' and old.status <> 'sent') execute function race_sent();
  create function race_replied() returns trigger language plpgsql as $$
  begin
    insert into race_log (kind, contact_id, ref) values ('reply', new.contact_id, new.id);
    return null;
  end $$;
  create trigger race_replied after insert on events
    for each row when (new.type = 'replied') execute function race_replied();
`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const failures: unknown[] = [];
const fired = new Map<string, { why: Why; done: Promise<unknown> }>();
function reply(contact: string, why: Why) {
  if (fired.has(contact)) return;
  const done = recordEvent(api, { workspace: w, contactId: contact, type: 'replied' }).catch(
    (error: unknown) => failures.push(error),
  );
  fired.set(contact, { why, done });
}
// Work started outside the worker (replies by progress, opens) that the test waits for.
const background = new Set<Promise<unknown>>();
function later(ms: number, work: () => unknown) {
  const done = sleep(ms).then(work);
  background.add(done);
  done.finally(() => background.delete(done));
}
const byProgress = new Map<string, number>();
let handedOff = 0;

// The hand-off as delivery makes it, inside its transaction (contact and enrollment locked).
const which = (text: unknown) => String(text).slice(0, 1).toLowerCase();
const email: EmailTransport = {
  async send(message) {
    const contact = String((message.to as { address: string }).address).split('@')[0] ?? '';
    const node = which(message.text);
    const n = numberOf(contact);
    if (groupOf(n) === 'delivery' && node === 'abc'[n % 3]) {
      reply(contact, 'delivery');
      await sleep(HOLD);
    }
    const sent = await smtpEmail.send(message);
    handedOff++;
    for (const [other, after] of byProgress)
      if (handedOff >= after) {
        byProgress.delete(other);
        later(Math.random() * 20, () => reply(other, 'random'));
      }
    // The tracking pixel of A, a moment after it arrived.
    if (node === 'a')
      later(Math.random() * 30, () =>
        recordEvent(api, {
          workspace: w,
          contactId: contact,
          type: 'opened',
          sequenceId: 'race',
          node: 'a',
        }).catch((error: unknown) => failures.push(error)),
      );
    return sent;
  },
  close: () => smtpEmail.close(),
};

let worker: RunningWorker | undefined;
let watching = false;
afterAll(async () => {
  watching = false;
  await worker?.stop();
  await closeDb(api);
  await closeDb(watcher);
  await smtpEmail.close();
  await smtp.close();
});

const count = async (query: Promise<Array<{ n: number }>>) => (await query)[0]?.n ?? 0;

describe('a reply racing the worker', () => {
  it('never lets a later send through', { timeout: 45_000 }, async () => {
    expect(validateSequence(sequence).errors).toEqual([]);
    const logs: string[] = [];
    worker = await startWorker({
      connectionString: db.url,
      sql,
      services: {
        email,
        messaging: captureMessaging(),
        publicUrl: 'https://nudge.example',
        secrets: 'race-test',
      },
      concurrency: 8,
      pollInterval: 100,
      log: (level, message) => {
        if (level === 'error' || level === 'warning') logs.push(`${level}: ${message}`);
      },
    });
    const started = Date.now();
    const ids = contacts.map((c) => c.id);
    expect((await enroll(sql, w, 'race', ids)).enrolled).toBe(CONTACTS);

    // Replies for the random group, from before the first step to after the last send.
    contacts.forEach((c, n) => {
      if (groupOf(n) !== 'random') return;
      if (n % 8 < 4) later(Math.random() * EARLY_SPAN, () => reply(c.id, 'random'));
      else byProgress.set(c.id, Math.floor(Math.random() * SENDS_SPAN));
    });
    // Replies for the step group, fired while their first step holds the locks.
    watching = true;
    const watch = (async () => {
      while (watching) {
        const held = await watcher<Array<{ n: number }>>`
          select objid::bigint as n from pg_locks
          where locktype = 'advisory' and classid = 1 and objsubid = 2 and granted
            and database = (select oid from pg_database where datname = current_database())`;
        for (const { n } of held) reply(`c${n}`, 'step');
        // Often enough to see every held step (HOLD ms), rarely enough to leave the CPU to them.
        await sleep(3);
      }
    })();

    const pending = () =>
      count(sql`
        select count(*)::int as n from graphile_worker.jobs
        where run_at < now() + interval '1 hour'`);
    while (background.size > 0 || (await pending()) > 0) {
      if (Date.now() - started > 30_000) throw new Error('the worker did not settle');
      await sleep(50);
    }
    watching = false;
    await watch;
    // Whoever was not reached (a step the watcher missed, a count of sends never reached)
    // replies now, after every send.
    for (const c of contacts) reply(c.id, 'late');
    await Promise.all([...fired.values()].map((f) => f.done));
    while (background.size > 0 || (await pending()) > 0) await sleep(50);
    expect(failures).toEqual([]);

    // Every enrollment ended with the reply, and nothing is left to run.
    const statuses = await sql`
      select status, exit_reason, count(*)::int as n from enrollments
      where workspace_id = ${w} group by status, exit_reason`;
    expect(statuses).toEqual([
      { status: 'replied', exit_reason: 'the contact replied', n: CONTACTS },
    ]);
    expect(await count(sql`select count(*)::int as n from graphile_worker.jobs`)).toBe(0);

    // Per contact: every message was queued and handed off before the reply took the lock, but
    // those of a first step that the reply itself ran (recordEvent starts an enrollment whose job
    // had not run yet), which it cancelled at once.
    const late = await sql`
      select l.kind, l.contact_id, m.node, m.status, l.at, r.at as replied_at
      from race_log l join race_log r on r.kind = 'reply' and r.contact_id = l.contact_id
      join messages m on m.id = l.ref
      where l.kind in ('queued', 'sent') and l.at >= r.at
        and not (l.kind = 'queued' and l.xid = r.xid and m.status = 'failed')`;
    expect(late).toEqual([]);
    expect(await count(sql`select count(*)::int as n from race_log where kind = 'reply'`)).toBe(
      CONTACTS,
    );
    // What was not sent was cancelled by the reply.
    const unsent = await sql`
      select status, last_error, count(*)::int as n from messages
      where workspace_id = ${w} and status <> 'sent' group by status, last_error`;
    for (const row of unsent)
      expect(row).toMatchObject({ status: 'failed', last_error: 'cancelled: the contact replied' });

    // What the SMTP server received is exactly what is marked sent, each message once.
    const received = smtp.received.map((m) => m.parsed.messageId);
    expect(new Set(received).size).toBe(received.length);
    const sent = await sql<Array<{ message_id: string }>>`
      select message_id from messages where workspace_id = ${w} and status = 'sent'`;
    expect(new Set(received)).toEqual(new Set(sent.map((m) => m.message_id)));

    // The targeted replies really landed inside the windows: they waited for the lock.
    const waited = await sql<Array<{ contact_id: string; ms: number }>>`
      select contact_id, extract(epoch from at - xact_started) * 1000 as ms
      from race_log where kind = 'reply'`;
    const landed = (why: Why) =>
      waited.filter((r) => fired.get(r.contact_id)?.why === why && Number(r.ms) >= HOLD / 4).length;
    const sentPer = await sql<Array<{ sent: number; n: number }>>`
      select sent, count(*)::int as n from (
        select e.contact_id, count(m.id) filter (where m.status = 'sent')::int as sent
        from enrollments e left join messages m on m.enrollment_id = e.id
        where e.workspace_id = ${w} group by e.contact_id) per
      group by sent order by sent`;
    const whys = [...fired.values()].map((f) => f.why);
    console.log(
      `race: ${received.length} emails received in ${Date.now() - started} ms; replies ` +
        `${whys.filter((y) => y === 'step').length} in a step (${landed('step')} waited for its locks), ` +
        `${whys.filter((y) => y === 'delivery').length} in a hand-off (${landed('delivery')} waited), ` +
        `${whys.filter((y) => y === 'random').length} random, ${whys.filter((y) => y === 'late').length} late; ` +
        `emails sent per contact: ${sentPer.map((r) => `${r.sent}:${r.n}`).join(' ')}` +
        (logs.length > 0 ? `\nworker: ${logs.join('\n')}` : ''),
    );
    expect(landed('step')).toBeGreaterThanOrEqual(CONTACTS / 8);
    expect(landed('delivery')).toBeGreaterThanOrEqual(CONTACTS / 8);
  });
});
