import { Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, connect } from './connect.ts';
import { createTestDatabase } from './test-database.test-support.ts';

/*
 * How postgres.js sends a transaction, as patched (patches/postgres@3.4.9.patch): BEGIN goes
 * in the same write as the first statement when a connection is free, and the statements of
 * one tick go in one write (not one per KiB). A write to a socket wakes the database's
 * backend, which on a two-core machine is most of what a small transaction costs. And the
 * transaction still behaves as one: these tests check both.
 */

const db = await createTestDatabase({ migrated: false });
await db.sql`create table notes (id int primary key, text text not null)`;
const port = Number(new URL(db.url).port);
// One connection: the second of two transactions at once must wait for it.
const sql = connect(db.url, { max: 1 });
afterAll(() => closeDb(sql));

/** Counts the writes to PostgreSQL's port while `work` runs. */
async function writesDuring(work: () => Promise<unknown>): Promise<number> {
  const write = Socket.prototype.write;
  let writes = 0;
  Socket.prototype.write = function (this: Socket, ...args: unknown[]) {
    if (this.remotePort === port) writes += 1;
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  } as typeof write;
  try {
    await work();
  } finally {
    Socket.prototype.write = write;
  }
  return writes;
}

const notes = async () =>
  (await sql<Array<{ id: number }>>`select id from notes order by id`).map((r) => r.id);

describe('a transaction on the patched postgres.js', () => {
  it('sends BEGIN with its first statement, and its last writes with COMMIT', async () => {
    // Connected, and the statements below prepared (a first use waits for their description).
    await sql.begin(async (tx) => {
      await tx`select 1 as warm`;
      await tx`insert into notes values (${0}, ${'warm-up'})`;
    });
    let written: Promise<unknown> = Promise.resolve();
    const writes = await writesDuring(async () => {
      await sql.begin(async (tx) => {
        await tx`select 1 as warm`;
        // Not awaited in here, as runSteps does: both inserts and COMMIT go in one write,
        // though together they weigh more than 1 KiB.
        written = Promise.all([
          tx`insert into notes values (${1}, ${'a'.repeat(2000)})`,
          tx`insert into notes values (${2}, ${'b'.repeat(2000)})`,
        ]);
        written.catch(() => {});
      });
      await written;
    });
    expect(writes).toBe(2);
    expect(await notes()).toEqual([0, 1, 2]);
  });

  it('rolls back whole when a statement fails, the first one included', async () => {
    const first = sql.begin(async (tx) => {
      await tx`insert into notes values (1, 'a duplicate key')`;
    });
    await expect(first).rejects.toMatchObject({ code: '23505' });
    const later = sql.begin(async (tx) => {
      await tx`insert into notes values (3, 'then')`;
      await tx`insert into notes values (2, 'a duplicate key')`;
    });
    await expect(later).rejects.toMatchObject({ code: '23505' });
    expect(await notes()).toEqual([0, 1, 2]);
    // The connection is usable, and outside any transaction (where SAVEPOINT is refused).
    await expect(sql`savepoint probe`).rejects.toMatchObject({ code: '25P01' });
  });

  it('keeps two transactions apart when the second must wait for the connection', async () => {
    const order: string[] = [];
    const a = sql.begin(async (tx) => {
      await tx`insert into notes values (10, 'a')`;
      order.push('a inserted');
      await tx`select pg_sleep(0.05)`;
      order.push('a done');
    });
    const b = sql.begin(async (tx) => {
      order.push('b began');
      const rows = await tx<Array<{ n: number }>>`select count(*)::int as n from notes`;
      await tx`insert into notes values (11, 'b')`;
      return rows[0]?.n;
    });
    await a;
    // b ran after a committed, on the one connection: it saw a's row.
    expect(await b).toBe(4);
    expect(order).toEqual(['a inserted', 'a done', 'b began']);
    expect(await notes()).toEqual([0, 1, 2, 10, 11]);
  });
});
