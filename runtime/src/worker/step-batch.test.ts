import { describe, expect, it } from 'vitest';
import type { Contact } from '../core/index.ts';
import { createTestDatabase } from './db/test-database.test-support.ts';
import { enroll } from './enroll.ts';
import { recordEvent } from './events.ts';
import { createWorkspace, publish } from './harness.test-support.ts';
import type { StepPayload } from './jobs.ts';
import { runSteps } from './step.ts';
import { batchSteps } from './step-batch.ts';

/*
 * Steps in batches (step-batch.ts, runSteps): several enrollments in one transaction must come
 * out as if each had run alone, one broken job must not fail the others, and a batch must not
 * deadlock with events taking the same contacts' locks.
 */

const { sql } = await createTestDatabase();
const people = (prefix: string, n: number): Contact[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    email: `${prefix}${i}@hanbit.example`,
    name: `고객${i}`,
    tags: [],
    attributes: { stage: 'new' },
  }));
const sender = { sender: { name: '넛지', email: 'team@nudge.example' } };
const entry = { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } };

// Stamps the contact, then mails what it finds: a second enrollment of the same contact in the
// same batch must see the first one's stamp.
const STAMP = (value: string) => ({
  format: 'nudge.sequence/v1',
  name: `Stamp ${value}`,
  settings: sender,
  nodes: [
    entry,
    {
      id: 'stamp',
      type: 'update_contact',
      data: { set: { 'contact.attributes.stage': value }, addTags: [value] },
    },
    {
      id: 'mail',
      type: 'email',
      data: {
        subject: 'stage {{contact.attributes.stage}}',
        body: 'tags {{contact.tags | join: ","}}',
        format: 'text',
        mode: 'auto',
      },
    },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'stamp' },
    { id: 'e2', source: 'stamp', target: 'mail' },
  ],
});

// Waits three days, then mails; a reply ends it.
const WAIT = {
  format: 'nudge.sequence/v1',
  name: 'Wait',
  settings: { ...sender, exit: { onReply: true } },
  nodes: [
    entry,
    { id: 'wait', type: 'delay', data: { amount: 3, unit: 'days' } },
    {
      id: 'mail',
      type: 'email',
      data: { subject: '안녕하세요', body: '안녕하세요', format: 'text', mode: 'auto' },
    },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'wait' },
    { id: 'e2', source: 'wait', target: 'mail' },
  ],
};

async function firstJobs(workspace: string, sequence: string): Promise<StepPayload[]> {
  const rows = await sql<Array<{ id: string }>>`
    select id from enrollments where workspace_id = ${workspace} and sequence_id = ${sequence}
    order by contact_id`;
  return rows.map((r) => ({ workspace, enrollment: r.id, version: 0 }));
}

async function mails(workspace: string) {
  return sql<Array<{ contact: string; sequence: string; subject: string; body: string }>>`
    select e.contact_id as contact, e.sequence_id as sequence, m.content->>'subject' as subject,
           m.content->>'text' as body
    from messages m join enrollments e on e.id = m.enrollment_id
    where m.workspace_id = ${workspace} order by e.contact_id, e.sequence_id`;
}

describe('runSteps', () => {
  it('runs enrollments of one contact in one batch in order, each seeing the last one’s writes', async () => {
    const w = await createWorkspace(sql, people('s', 3));
    await publish(sql, w, 'a-first', STAMP('first'));
    await publish(sql, w, 'b-second', STAMP('second'));
    const ids = ['s0', 's1', 's2'];
    await enroll(sql, w, 'a-first', ids);
    await enroll(sql, w, 'b-second', ids);
    const jobs = [...(await firstJobs(w, 'a-first')), ...(await firstJobs(w, 'b-second'))];

    const results = await runSteps(sql, jobs);
    expect(results.map((r) => r?.state.status)).toEqual(Array(6).fill('completed'));
    const sent = await mails(w);
    expect(sent).toHaveLength(6);
    for (const id of ids) {
      const [first, second] = sent.filter((m) => m.contact === id);
      expect(first).toMatchObject({ sequence: 'a-first', subject: 'stage first' });
      expect(first?.body).toContain('tags first');
      // The second step read the contact after the first one's update.
      expect(second).toMatchObject({ sequence: 'b-second', subject: 'stage second' });
      expect(second?.body).toContain('tags first,second');
    }
    const contacts =
      await sql`select tags, attributes from contacts where workspace_id = ${w} order by id`;
    for (const c of contacts)
      expect(c).toEqual({ tags: ['first', 'second'], attributes: { stage: 'second' } });
  });

  it('schedules each enrollment’s wake-up and returns null for one that does not exist', async () => {
    const w = await createWorkspace(sql, people('w', 4));
    await publish(sql, w, 'wait', WAIT);
    await enroll(sql, w, 'wait', ['w0', 'w1', 'w2', 'w3']);
    const jobs = await firstJobs(w, 'wait');
    const missing = { workspace: w, enrollment: crypto.randomUUID(), version: 0 };
    const now = Date.parse('2026-11-23T09:00:00Z');
    const results = await runSteps(sql, [missing, ...jobs], now);
    expect(results[0]).toBeNull();
    expect(results.slice(1).map((r) => r?.wakeAt)).toEqual(Array(4).fill(now + 3 * 86_400_000));
    const wakeUps = await sql<Array<{ key: string; version: number; run_at: Date }>>`
      select j.key, (j.payload->>'version')::int as version, j.run_at
      from graphile_worker._private_jobs j
      where j.key = any(${jobs.map((j) => j.enrollment)})`;
    expect(wakeUps).toHaveLength(4);
    for (const job of wakeUps)
      expect(job).toMatchObject({ version: 1, run_at: new Date(now + 3 * 86_400_000) });
  });

  it('commits nothing of a batch whose last writes fail, and says so (COMMIT rides with them)', async () => {
    const w = await createWorkspace(sql, people('f', 3));
    await publish(sql, w, 'stamp', STAMP('seen'));
    await enroll(sql, w, 'stamp', ['f0', 'f1', 'f2']);
    const jobs = await firstJobs(w, 'stamp');
    // The outbox refuses f1's mail: the batch's one insert of messages fails at the end.
    await sql`
      create or replace function refuse_for_test() returns trigger language plpgsql as $$
      begin raise exception 'refused for the test'; end $$`;
    await sql.unsafe(`
      create trigger refuse_f1 before insert on messages for each row
      when (new.content->>'subject' = 'stage seen' and new.workspace_id = '${w}'
        and new.enrollment_id = '${jobs[1]?.enrollment}')
      execute function refuse_for_test()`);
    try {
      await expect(runSteps(sql, jobs)).rejects.toThrow(/refused for the test/);
    } finally {
      await sql`drop trigger refuse_f1 on messages`;
    }
    const [left] = await sql<Array<{ versions: number; mails: number; stamped: number }>>`
      select (select count(*)::int from enrollments
                where workspace_id = ${w} and state_version > 0) as versions,
             (select count(*)::int from messages where workspace_id = ${w}) as mails,
             (select count(*)::int from contacts
                where workspace_id = ${w} and attributes->>'stage' = 'seen') as stamped`;
    expect(left).toEqual({ versions: 0, mails: 0, stamped: 0 });
    // And run again, they all go through.
    await runSteps(sql, jobs);
    expect(await mails(w)).toHaveLength(3);
  });

  it('refuses a batch naming one enrollment twice', async () => {
    const job = { workspace: crypto.randomUUID(), enrollment: crypto.randomUUID(), version: 0 };
    await expect(runSteps(sql, [job, job])).rejects.toThrow(/appears twice/);
  });

  it('takes contacts’ locks in one order: batches and replies on the same contacts never deadlock', async () => {
    const n = 40;
    const w = await createWorkspace(sql, people('d', n));
    await publish(sql, w, 'wait', WAIT);
    await publish(sql, w, 'wait-too', { ...WAIT, name: 'Wait too' });
    const ids = people('d', n).map((p) => p.id as string);
    await enroll(sql, w, 'wait', ids);
    await enroll(sql, w, 'wait-too', ids);
    // Two batches over the same 40 contacts, handed over in opposite orders, while each
    // contact replies: every contact's lock is wanted by three transactions at once. A
    // deadlock would fail one of them (PostgreSQL's 40P01), and the test with it.
    await Promise.all([
      runSteps(sql, await firstJobs(w, 'wait')),
      runSteps(sql, (await firstJobs(w, 'wait-too')).reverse()),
      ...ids.map((contactId) => recordEvent(sql, { workspace: w, contactId, type: 'replied' })),
    ]);
    const states = await sql<Array<{ status: string }>>`
      select status from enrollments where workspace_id = ${w}`;
    // Each reply ended both of its contact's enrollments, before or after their first steps.
    expect(states.map((s) => s.status)).toEqual(Array(2 * n).fill('replied'));
    expect(await mails(w)).toEqual([]);
  });
});

describe('batchSteps', () => {
  it('gathers the steps that wait into one transaction and settles each job', async () => {
    const w = await createWorkspace(sql, people('b', 8));
    await publish(sql, w, 'wait', WAIT);
    await enroll(
      sql,
      w,
      'wait',
      people('b', 8).map((p) => p.id as string),
    );
    let transactions = 0;
    const counted = new Proxy(sql, {
      get(target, property, receiver) {
        if (property === 'begin') transactions += 1;
        return Reflect.get(target, property, receiver);
      },
    });
    const step = batchSteps(counted, { size: 10, inFlight: 1 });
    await Promise.all((await firstJobs(w, 'wait')).map(step));
    // The first starts alone at once; the seven that came while it ran go together.
    expect(transactions).toBe(2);
    const [waiting] = await sql<Array<{ n: number }>>`
      select count(*)::int as n from enrollments where workspace_id = ${w} and node = 'wait'`;
    expect(waiting?.n).toBe(8);
  });

  it('runs a failed batch’s jobs one by one: only the broken one fails', async () => {
    const w = await createWorkspace(sql, people('f', 5));
    await publish(sql, w, 'wait', WAIT);
    await enroll(
      sql,
      w,
      'wait',
      people('f', 5).map((p) => p.id as string),
    );
    const good = await firstJobs(w, 'wait');
    // Not a uuid: the batch's locking statement fails on it, and so does its own step.
    const broken = { workspace: w, enrollment: 'not-an-enrollment', version: 0 };
    const step = batchSteps(sql, { size: 10, inFlight: 1 });
    const outcomes = await Promise.allSettled([...good, broken].map((job) => step(job)));
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
    ]);
    const [waiting] = await sql<Array<{ n: number }>>`
      select count(*)::int as n from enrollments where workspace_id = ${w} and node = 'wait'`;
    expect(waiting?.n).toBe(5);
  });
});
