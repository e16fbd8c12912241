import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, connect } from './connect.ts';
import { createTestDatabase } from './test-database.test-support.ts';

/*
 * A transaction whose connection dies (PostgreSQL restarting, a failover, a killed backend).
 * postgres.js 3.4.9 threw an uncatchable TypeError from a timer here (its own ROLLBACK written
 * to the closed socket), which would end the whole process, and could run the transaction's
 * later statements on the reconnected session, outside the transaction. We ship it patched
 * (patches/postgres@3.4.9.patch); these tests hold the patch to both.
 */

const db = await createTestDatabase({ migrated: false });
await db.sql`create table notes (text text not null)`;
// One connection, so the pool must reuse the one that died.
const sql = connect(db.url, { max: 1 });
afterAll(() => closeDb(sql));

const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => uncaught.push(error);
process.on('uncaughtException', onUncaught);
afterAll(() => {
  process.off('uncaughtException', onUncaught);
});

/** How a transaction ended, captured at once (a rejection must never go unhandled). */
const outcome = (transaction: Promise<unknown>) =>
  transaction.then(
    () => 'committed',
    (error: unknown) => error,
  );

/** Terminates the backend of `pid` from the test database's own pool. */
const kill = (pid: number) => db.sql`select pg_terminate_backend(${pid})`;
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('a connection lost', () => {
  it('fails the query that was running on it, and the pool answers again', async () => {
    const query = outcome(sql`select pg_sleep(5), 'a marker' as marker`);
    let pid = 0;
    while (pid === 0) {
      const [row] = await db.sql<Array<{ pid: number }>>`
        select pid from pg_stat_activity where query like '%a marker%' and pid <> pg_backend_pid()`;
      pid = row?.pid ?? 0;
    }
    await kill(pid);
    expect(await query).toBeInstanceOf(Error);
    const [row] = await sql`select 1 as one`;
    expect(row?.one).toBe(1);
  });
});

describe('a connection lost in a transaction', () => {
  it('fails the transaction, throws nothing uncaught, and the pool answers again', async () => {
    let pid = 0;
    const transaction = outcome(
      sql.begin(async (tx) => {
        [{ pid } = { pid: 0 }] = await tx<Array<{ pid: number }>>`select pg_backend_pid() as pid`;
        await tx`select pg_sleep(5)`;
      }),
    );
    while (pid === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await kill(pid);
    expect(await transaction).toBeInstanceOf(Error);
    for (let i = 0; i < 5; i++) await tick();
    expect(uncaught).toEqual([]);
    const [row] = await sql`select 1 as one`;
    expect(row?.one).toBe(1);
  });

  it('runs no later statement of the transaction on the reconnected session', async () => {
    let pid = 0;
    let release: () => void = () => {};
    const paused = new Promise<void>((resolve) => {
      release = resolve;
    });
    let second: unknown = 'not tried';
    const transaction = outcome(
      sql.begin(async (tx) => {
        [{ pid } = { pid: 0 }] = await tx<Array<{ pid: number }>>`select pg_backend_pid() as pid`;
        await tx`insert into notes values ('first')`;
        await paused; // work in JavaScript while the backend dies
        second = await outcome(tx`insert into notes values ('second')`);
      }),
    );
    while (pid === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await kill(pid);
    // Another query makes the pool reconnect the same (only) connection.
    const [row] = await sql`select 1 as one`;
    expect(row?.one).toBe(1);
    release();
    expect(await transaction).toBeInstanceOf(Error);
    // The statement after the loss was refused, not run on the new session.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(second).toMatchObject({ code: 'CONNECTION_CLOSED' });
    for (let i = 0; i < 5; i++) await tick();
    expect(uncaught).toEqual([]);
    expect(await db.sql`select text from notes`).toEqual([]);
  });
});
