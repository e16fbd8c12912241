import { describe, expect, it } from 'vitest';
import { closeDb, connect, connectionUrl } from './connect.ts';
import { createTestDatabase } from './test-database.test-support.ts';

const db = await createTestDatabase({ migrated: false });

describe('connect', () => {
  it('reads bigint as a number and refuses one beyond safe integers', async () => {
    const [row] = await db.sql`select 42::int8 as n, count(*) as c from (values (1), (2)) v(x)`;
    expect(row).toEqual({ n: 42, c: 2 });
    await expect(db.sql`select 9007199254740993::int8 as n`).rejects.toThrow(/beyond/);
    // The pool is still usable after that.
    const [{ n } = { n: 0 }] = await db.sql<{ n: number }[]>`select ${2 ** 40}::int8 + 1 as n`;
    expect(n).toBe(2 ** 40 + 1);
  });

  it('keeps quiet about notices and names itself', async () => {
    await db.sql`create table if not exists t (x int)`;
    await db.sql`create table if not exists t (x int)`; // a NOTICE, silenced
    const [row] = await db.sql`select current_setting('application_name') as name`;
    expect(row?.name).toBe('nudge');
  });

  it('remembers the URL a pool was opened with, and closes', async () => {
    expect(connectionUrl(db.sql)).toBe(db.url);
    const sql = connect(db.url, { max: 1, applicationName: 'nudge-test' });
    await sql`select 1`;
    await closeDb(sql);
    await expect(sql`select 1`).rejects.toThrow();
  });
});
