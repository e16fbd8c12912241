import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Sql } from './connect.ts';
import { createTestDatabase } from './test-database.test-support.ts';

// The constraints of migrations/001-initial.sql that the worker relies on.
const { sql } = await createTestDatabase();

const definition = { format: 'nudge.sequence/v1', name: 'Cold mail', nodes: [], edges: [] };

/** A workspace with a contact `c1` and a sequence `s1` published as version 1. */
async function workspace(db: Sql = sql): Promise<string> {
  const [row] = await db<
    { id: string }[]
  >`insert into workspaces (name) values ('Acme') returning id`;
  const id = (row as { id: string }).id;
  await db`insert into contacts (workspace_id, id, email) values (${id}, 'c1', 'Kim@Example.com')`;
  await db`insert into sequences (workspace_id, id, name, draft)
           values (${id}, 's1', 'Cold mail', ${db.json(definition)})`;
  await db`insert into sequence_versions (workspace_id, sequence_id, version, definition)
           values (${id}, 's1', 1, ${db.json(definition)})`;
  return id;
}

async function enroll(ws: string, status = 'active'): Promise<string> {
  const ended = status === 'active' ? null : new Date();
  const [row] = await sql<{ id: string }[]>`
    insert into enrollments (workspace_id, sequence_id, version, contact_id, status, state, ended_at)
    values (${ws}, 's1', 1, 'c1', ${status}, ${sql.json({})}, ${ended})
    returning id`;
  return (row as { id: string }).id;
}

function queue(ws: string, enrollment: string, node = 'welcome') {
  return sql`
    insert into messages (workspace_id, enrollment_id, node, channel, content)
    values (${ws}, ${enrollment}, ${node}, 'email', ${sql.json({ subject: 'Hi' })})
    on conflict (enrollment_id, node) do nothing
    returning id`;
}

const violation = (code: string) => expect.objectContaining({ code });
const UNIQUE = '23505';
const CHECK = '23514';
const FOREIGN_KEY = '23503';
const RESTRICT = '23001';

describe('enrollments', () => {
  it('allow one active enrollment per contact and sequence, and another after it ended', async () => {
    const ws = await workspace();
    const first = await enroll(ws);
    await expect(enroll(ws)).rejects.toEqual(violation(UNIQUE));
    await sql`update enrollments set status = 'replied', ended_at = now() where id = ${first}`;
    await expect(enroll(ws)).resolves.toBeTypeOf('string');
  });

  it('accept the nine statuses only, and an end time exactly when ended', async () => {
    const ws = await workspace();
    for (const status of ['completed', 'converted', 'bounced', 'unsubscribed', 'exited'])
      await enroll(ws, status);
    await expect(enroll(ws, 'paused')).rejects.toEqual(violation(CHECK));
    const id = await enroll(ws);
    await expect(sql`update enrollments set status = 'stopped' where id = ${id}`).rejects.toEqual(
      violation(CHECK),
    );
  });

  it('never point into another workspace', async () => {
    const a = await workspace();
    const b = await workspace();
    await expect(
      sql`insert into enrollments (workspace_id, sequence_id, version, contact_id, state)
          values (${b}, 's1', 2, 'c1', '{}')`,
    ).rejects.toEqual(violation(FOREIGN_KEY));
    const enrollment = await enroll(a);
    await expect(
      sql`insert into messages (workspace_id, enrollment_id, node, channel, content)
          values (${b}, ${enrollment}, 'n', 'sms', '{}')`,
    ).rejects.toEqual(violation(FOREIGN_KEY));
  });

  it('keep updated_at current', async () => {
    const ws = await workspace();
    const id = await enroll(ws);
    await sql`update enrollments set updated_at = '2000-01-01' where id = ${id}`;
    const [row] =
      await sql`select updated_at > '2001-01-01' as touched from enrollments where id = ${id}`;
    expect(row?.touched).toBe(true);
  });
});

/** Resolves once some other session of this database waits for a lock. */
async function someoneWaitsForALock() {
  for (let i = 0; i < 200; i++) {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`;
    if ((row?.n ?? 0) > 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('nobody waited for a lock');
}

/** A promise and the functions that settle it. */
function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const enrollmentsOf = async (ws: string) => {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from enrollments where workspace_id = ${ws}`;
  return row?.n;
};

// Migration 005 checks them per statement, with triggers, where foreign keys checked per row.
describe("an enrollment's contact and version", () => {
  it('must exist: a statement with one missing inserts nothing', async () => {
    const ws = await workspace();
    await sql`insert into contacts (workspace_id, id) values (${ws}, 'c2')`;
    const insert = (contacts: string[], version = 1) => sql`
      insert into enrollments (workspace_id, sequence_id, version, contact_id, state)
      select ${ws}, 's1', ${version}, c, '{}' from unnest(${contacts}::text[]) as c`;
    await expect(insert(['c1', 'nobody', 'c2'])).rejects.toEqual(
      expect.objectContaining({ code: FOREIGN_KEY, message: expect.stringContaining('nobody') }),
    );
    await expect(insert(['c1', 'c2'], 2)).rejects.toEqual(
      expect.objectContaining({ code: FOREIGN_KEY, message: expect.stringContaining('version 2') }),
    );
    expect(await enrollmentsOf(ws)).toBe(0);
    await insert(['c1', 'c2']);
    expect(await enrollmentsOf(ws)).toBe(2);
  });

  it('may move to another published version only', async () => {
    const ws = await workspace();
    const id = await enroll(ws);
    await expect(sql`update enrollments set version = 2 where id = ${id}`).rejects.toEqual(
      violation(FOREIGN_KEY),
    );
    await sql`insert into sequence_versions (workspace_id, sequence_id, version, definition)
              values (${ws}, 's1', 2, ${sql.json(definition)})`;
    await sql`update enrollments set version = 2 where id = ${id}`;
    await expect(
      sql`update enrollments set contact_id = 'nobody' where id = ${id}`,
    ).rejects.toEqual(violation(FOREIGN_KEY));
  });

  it("keep the contact's id from changing, and go when it is deleted, messages included", async () => {
    const ws = await workspace();
    const enrollment = await enroll(ws);
    await queue(ws, enrollment);
    await expect(
      sql`update contacts set id = 'c9' where workspace_id = ${ws} and id = 'c1'`,
    ).rejects.toEqual(violation(FOREIGN_KEY));
    await sql`update contacts set email = 'kim@example.org' where workspace_id = ${ws} and id = 'c1'`;
    await sql`delete from contacts where workspace_id = ${ws} and id = 'c1'`;
    expect(await enrollmentsOf(ws)).toBe(0);
    const [left] = await sql`select count(*)::int as n from messages where workspace_id = ${ws}`;
    expect(left?.n).toBe(0);
  });

  it('hold the contact while enrolling: a delete waits, then takes the new enrollment too', async () => {
    const ws = await workspace();
    const inserted = deferred();
    const finish = deferred();
    const enrolling = sql.begin(async (tx) => {
      await tx`insert into enrollments (workspace_id, sequence_id, version, contact_id, state)
               values (${ws}, 's1', 1, 'c1', '{}')`;
      inserted.resolve();
      await finish.promise;
    });
    await inserted.promise;
    // Queries are lazy: execute() sends it now.
    const deleting = sql`delete from contacts where workspace_id = ${ws} and id = 'c1'`.execute();
    await someoneWaitsForALock();
    finish.resolve();
    await enrolling;
    await deleting;
    expect(await enrollmentsOf(ws)).toBe(0);
  });

  it('fail to enroll a contact whose delete commits while the enrollment waits for it', async () => {
    const ws = await workspace();
    const deleted = deferred();
    const finish = deferred();
    const deleting = sql.begin(async (tx) => {
      await tx`delete from contacts where workspace_id = ${ws} and id = 'c1'`;
      deleted.resolve();
      await finish.promise;
    });
    await deleted.promise;
    const enrolling = sql`
      insert into enrollments (workspace_id, sequence_id, version, contact_id, state)
      values (${ws}, 's1', 1, 'c1', '{}')`.execute();
    enrolling.catch(() => {});
    await someoneWaitsForALock();
    finish.resolve();
    await deleting;
    await expect(enrolling).rejects.toEqual(violation(FOREIGN_KEY));
    expect(await enrollmentsOf(ws)).toBe(0);
  });
});

describe('the outbox', () => {
  it('holds one message per enrollment and node, so a retried step queues nothing twice', async () => {
    const ws = await workspace();
    const enrollment = await enroll(ws);
    const [first] = await queue(ws, enrollment);
    expect(first?.id).toBeTypeOf('number');
    expect(await queue(ws, enrollment)).toHaveLength(0);
    await expect(
      sql`insert into messages (workspace_id, enrollment_id, node, channel, content)
          values (${ws}, ${enrollment}, 'welcome', 'email', '{}')`,
    ).rejects.toEqual(violation(UNIQUE));
    expect(await queue(ws, enrollment, 'follow-up')).toHaveLength(1);
  });

  it('checks channel, status and a unique Message-ID', async () => {
    const ws = await workspace();
    const enrollment = await enroll(ws);
    await expect(
      sql`insert into messages (workspace_id, enrollment_id, node, channel, content)
          values (${ws}, ${enrollment}, 'n', 'fax', '{}')`,
    ).rejects.toEqual(violation(CHECK));
    const [message] = await queue(ws, enrollment);
    await expect(
      sql`update messages set status = 'delivered' where id = ${message?.id}`,
    ).rejects.toEqual(violation(CHECK));
    await sql`update messages set status = 'sent', message_id = '<a@nudge>' where id = ${message?.id}`;
    const [other] = await queue(ws, enrollment, 'other');
    await expect(
      sql`update messages set message_id = '<a@nudge>' where id = ${other?.id}`,
    ).rejects.toEqual(violation(UNIQUE));
  });

  it('has tasks unique per enrollment and node, done exactly when completed', async () => {
    const ws = await workspace();
    const enrollment = await enroll(ws);
    const task = (kind: string) => sql`
      insert into tasks (workspace_id, enrollment_id, node, kind, title)
      values (${ws}, ${enrollment}, 'call', ${kind}, 'Call Kim') returning id`;
    await expect(task('meeting')).rejects.toEqual(violation(CHECK));
    const [row] = await task('call');
    await expect(task('call')).rejects.toEqual(violation(UNIQUE));
    await expect(sql`update tasks set status = 'done' where id = ${row?.id}`).rejects.toEqual(
      violation(CHECK),
    );
    await sql`update tasks set status = 'done', completed_at = now() where id = ${row?.id}`;
  });
});

describe('sequence versions', () => {
  it('can be neither changed nor deleted once published', async () => {
    const ws = await workspace();
    const changed = { ...definition, name: 'Changed' };
    await expect(
      sql`update sequence_versions set definition = ${sql.json(changed)} where workspace_id = ${ws}`,
    ).rejects.toEqual(violation(RESTRICT));
    await expect(sql`delete from sequence_versions where workspace_id = ${ws}`).rejects.toThrow(
      /is published and can't be deleted/,
    );
  });

  it('go with their sequence and workspace, enrollments and messages included', async () => {
    const ws = await workspace();
    const enrollment = await enroll(ws);
    await queue(ws, enrollment);
    await sql`insert into events (workspace_id, contact_id, enrollment_id, sequence_id, type)
              values (${ws}, 'c1', ${enrollment}, 's1', 'opened')`;
    await sql`delete from sequences where workspace_id = ${ws}`;
    const [left] = await sql`
      select (select count(*) from sequence_versions where workspace_id = ${ws}) as versions,
             (select count(*) from enrollments where workspace_id = ${ws}) as enrollments,
             (select count(*) from messages where workspace_id = ${ws}) as messages,
             (select count(*) from events where workspace_id = ${ws}
                and enrollment_id is null and sequence_id is null) as events`;
    expect(left).toEqual({ versions: 0, enrollments: 0, messages: 0, events: 1 });

    await sql`delete from workspaces where id = ${ws}`;
    const [gone] = await sql`select count(*) as n from contacts where workspace_id = ${ws}`;
    expect(gone?.n).toBe(0);
  });
});

describe('contacts, people and tokens', () => {
  it('are unique by email without regard to case, within a workspace', async () => {
    const a = await workspace();
    const b = await workspace();
    await expect(
      sql`insert into contacts (workspace_id, id, email) values (${a}, 'c2', 'kim@example.COM')`,
    ).rejects.toEqual(violation(UNIQUE));
    await sql`insert into contacts (workspace_id, id) values (${a}, 'no-email-1'), (${a}, 'no-email-2')`;
    await sql`insert into users (workspace_id, email, role) values (${a}, 'Lee@example.com', 'admin'),
                                                                  (${b}, 'lee@example.com', 'viewer')`;
    await expect(
      sql`insert into users (workspace_id, email, role) values (${a}, 'LEE@example.com', 'editor')`,
    ).rejects.toEqual(violation(UNIQUE));
    await expect(
      sql`insert into users (workspace_id, email, role) values (${a}, 'x@example.com', 'owner')`,
    ).rejects.toEqual(violation(CHECK));
  });

  it('give contacts an id, empty tags and attributes by default', async () => {
    const ws = await workspace();
    const [row] = await sql`insert into contacts (workspace_id) values (${ws}) returning *`;
    expect(row).toMatchObject({ tags: [], attributes: {}, unsubscribed: false });
    expect(row?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keep only a 32-byte hash of a token, unique everywhere', async () => {
    const ws = await workspace();
    const hash = createHash('sha256').update('secret-token').digest();
    const token = (value: Buffer) =>
      sql`insert into api_tokens (workspace_id, name, token_hash, role)
          values (${ws}, 'ci', ${value}, 'admin')`;
    await token(hash);
    await expect(token(hash)).rejects.toEqual(violation(UNIQUE));
    await expect(token(Buffer.from('short'))).rejects.toEqual(violation(CHECK));
  });

  it('suppress emails in lower case only, and check event types', async () => {
    const ws = await workspace();
    await expect(
      sql`insert into suppressions (workspace_id, channel, address) values (${ws}, 'email', 'Kim@x.com')`,
    ).rejects.toEqual(violation(CHECK));
    await sql`insert into suppressions (workspace_id, channel, address) values (${ws}, 'email', 'kim@x.com')`;
    await expect(
      sql`insert into events (workspace_id, contact_id, type) values (${ws}, 'c1', 'viewed')`,
    ).rejects.toEqual(violation(CHECK));
  });

  it('take their enrollments, messages and events with them when deleted', async () => {
    const ws = await workspace();
    const enrollment = await enroll(ws);
    await queue(ws, enrollment);
    await sql`insert into events (workspace_id, contact_id, enrollment_id, type)
              values (${ws}, 'c1', ${enrollment}, 'replied')`;
    await sql`delete from contacts where workspace_id = ${ws} and id = 'c1'`;
    const [left] = await sql`
      select (select count(*) from enrollments where workspace_id = ${ws}) as enrollments,
             (select count(*) from events where workspace_id = ${ws}) as events`;
    expect(left).toEqual({ enrollments: 0, events: 0 });
  });
});
