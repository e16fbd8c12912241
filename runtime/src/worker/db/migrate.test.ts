import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { closeDb, connect } from './connect.ts';
import { migrate } from './migrate.ts';
import { loadMigrations } from './migration-files.ts';
import { createTestDatabase } from './test-database.test-support.ts';

const empty = () => createTestDatabase({ migrated: false });
const [fresh, raced, broken, plain] = await Promise.all([empty(), empty(), empty(), empty()]);
const migrated = await createTestDatabase();
const shipped = (await loadMigrations()).map((m) => m.id);

describe('migrate', { timeout: 30_000 }, () => {
  it('applies every migration and installs Graphile Worker, then has nothing to do', async () => {
    const sql = fresh.sql;
    expect(await migrate(sql)).toEqual({ applied: shipped });
    const recorded = await sql`select version, name, applied_at from nudge_migrations`;
    expect(recorded.map((r) => [r.version, r.name])).toEqual([
      [1, 'initial'],
      [2, 'workers'],
      [3, 'captured-mail'],
      [4, 'lean-jobs'],
      [5, 'enrollment-writes'],
      [6, 'sequence-revisions'],
      [7, 'test-sends'],
      [8, 'templates'],
    ]);
    expect(recorded[0]?.applied_at).toBeInstanceOf(Date);
    const [worker] = await sql`
      select count(*) as migrations,
             to_regprocedure('graphile_worker.add_job(text, json, text, timestamptz, integer, text, integer, text[], text)') is not null as add_job
      from graphile_worker.migrations`;
    expect(worker?.migrations).toBeGreaterThan(10);
    expect(worker?.add_job).toBe(true);

    expect(await migrate(sql)).toEqual({ applied: [] });
  });

  it('lets two processes start at once: one migrates, the other waits and finds it done', async () => {
    const first = connect(raced.url);
    const second = connect(raced.url);
    try {
      const results = await Promise.all([migrate(first), migrate(second)]);
      expect(results.flatMap((r) => r.applied).sort()).toEqual(shipped);
      const [count] = await raced.sql`select count(*) as n from nudge_migrations`;
      expect(count?.n).toBe(shipped.length);
    } finally {
      await Promise.all([closeDb(first), closeDb(second)]);
    }
  });

  it('refuses a database that a newer release has migrated', async () => {
    await migrated.sql`insert into nudge_migrations (version, name) values (999, 'from-the-future')`;
    await expect(migrate(migrated.sql)).rejects.toThrow(
      /migration 999-from-the-future, which this version of Nudge does not know: a newer release/,
    );
  });

  it('runs each migration in its own transaction: a failing one leaves nothing behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nudge-migrate-test-'));
    try {
      await chmod(dir, 0o755);
      await writeFile(join(dir, '001-good.sql'), 'create table good (x int);');
      await writeFile(join(dir, '002-bad.sql'), 'create table bad (x int);\nselect 1 / 0;');
      await expect(migrate(broken.sql, { dir, workerSchema: false })).rejects.toThrow(
        /Migration 002-bad failed, nothing of it was applied: division by zero/,
      );
      const [tables] = await broken.sql`
        select to_regclass('good') is not null as good, to_regclass('bad') is not null as bad`;
      expect(tables).toEqual({ good: true, bad: false });
      const versions = await broken.sql`select version from nudge_migrations`;
      expect(versions.map((r) => r.version)).toEqual([1]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('asks for a connection string when the pool did not come from connect()', async () => {
    const sql = postgres(plain.url, { max: 1, onnotice: () => {} }) as unknown as typeof plain.sql;
    try {
      await expect(migrate(sql)).rejects.toThrow(/pass connectionString/);
      expect(await migrate(sql, { connectionString: plain.url })).toEqual({ applied: shipped });
    } finally {
      await sql.end();
    }
  });
});
