import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { closeDb, connect, type Sql } from './connect.ts';

/**
 * A fresh database for one test file, on the PostgreSQL of the test run (see
 * postgres.global-setup.ts). Await it at the top of the file; it is dropped after the file:
 *
 *   const db = await createTestDatabase();
 *   it('...', async () => { await db.sql`select 1`; });
 */

export interface TestDatabase {
  name: string;
  url: string;
  /** A pool opened with connect(), closed before the drop. */
  sql: Sql;
}

export interface TestDatabaseOptions {
  /** Cloned from the migrated template (default), or empty for testing migrate() itself. */
  migrated?: boolean;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const provided = inject('nudgeTestPostgres');
  if ('error' in provided) throw new Error(provided.error);
  const { url: serverUrl, template } = provided;
  const name = `nudge_test_${randomBytes(6).toString('hex')}`;
  const source = (options.migrated ?? true) ? template : 'template0';
  await onServer(serverUrl, async (admin) => {
    await admin`create database ${admin(name)} template ${admin(source)} strategy file_copy`;
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const sql = connect(url.href);
  afterAll(async () => {
    await closeDb(sql);
    // FORCE: a pool a test forgot to close must not keep the database alive.
    await onServer(
      serverUrl,
      (admin) => admin`drop database if exists ${admin(name)} with (force)`,
    );
  });
  return { name, url: url.href, sql };
}

async function onServer(url: string, work: (admin: Sql) => Promise<unknown>): Promise<void> {
  const admin = connect(url, { max: 1 });
  try {
    await work(admin);
  } finally {
    await closeDb(admin);
  }
}
