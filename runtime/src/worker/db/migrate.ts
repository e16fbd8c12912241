import { connectionUrl, type Sql } from './connect.ts';
import { loadMigrations, type Migration } from './migration-files.ts';
import { installWorkerSchema } from './worker-schema.ts';

export interface MigrateOptions {
  /** Graphile Worker connects on its own. Default: the URL `sql` was opened with by connect(). */
  connectionString?: string;
  /** Where the NNN-name.sql files are. Default: runtime/src/worker/migrations. */
  dir?: string;
  /** Install Graphile Worker's schema too. Default true. */
  workerSchema?: boolean;
  /** Graphile Worker's warnings and errors. Default: console.warn. */
  log?: (message: string) => void;
}

// Held while migrating, so that processes starting together migrate one after the other.
// Any constant works as long as every Nudge process uses the same one.
const MIGRATION_LOCK = 7_040_411_150;

/**
 * Brings the database up to date: our numbered migrations in order, each in its own
 * transaction and recorded in `nudge_migrations`, then Graphile Worker's schema; all under an
 * advisory lock. Refuses a database that a newer release has migrated.
 */
export async function migrate(
  sql: Sql,
  options: MigrateOptions = {},
): Promise<{ applied: string[] }> {
  const migrations = await loadMigrations(options.dir);
  const workerSchema = options.workerSchema ?? true;
  const connectionString = options.connectionString ?? connectionUrl(sql);
  if (workerSchema && !connectionString)
    throw new Error('migrate(): pass connectionString, or open `sql` with connect()');

  const conn = await sql.reserve();
  try {
    await conn`select pg_advisory_lock(${MIGRATION_LOCK})`;
    try {
      const applied = await applyPending(conn, migrations);
      if (workerSchema && connectionString)
        await installWorkerSchema(connectionString, options.log ?? console.warn);
      return { applied };
    } finally {
      // Ending the session would release it too; a failure here must not hide the real error.
      await conn`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
    }
  } finally {
    conn.release();
  }
}

async function applyPending(conn: Sql, migrations: Migration[]): Promise<string[]> {
  await conn`
    create table if not exists nudge_migrations (
      version int primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`;
  const done = await conn<{ version: number; name: string }[]>`
    select version, name from nudge_migrations order by version`;
  const known = new Set(migrations.map((m) => m.version));
  const unknown = done.filter((row) => !known.has(row.version));
  if (unknown.length > 0)
    throw new Error(
      `The database has migration ${unknown.map(label).join(', ')}, which this version of ` +
        'Nudge does not know: a newer release has migrated it. Run that release or a newer ' +
        'one, or restore a backup taken before the upgrade.',
    );

  const applied: string[] = [];
  const doneVersions = new Set(done.map((row) => row.version));
  for (const migration of migrations) {
    if (doneVersions.has(migration.version)) continue;
    await applyOne(conn, migration);
    applied.push(migration.id);
  }
  return applied;
}

async function applyOne(conn: Sql, migration: Migration): Promise<void> {
  const name = migration.id.slice(4);
  await conn.unsafe('begin');
  try {
    // The file as it is (several statements): the simple query protocol runs it whole.
    await conn.unsafe(migration.sql);
    await conn`insert into nudge_migrations (version, name) values (${migration.version}, ${name})`;
    await conn.unsafe('commit');
  } catch (error) {
    await conn.unsafe('rollback').catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${migration.id} failed, nothing of it was applied: ${reason}`, {
      cause: error,
    });
  }
}

function label(row: { version: number; name: string }): string {
  return `${String(row.version).padStart(3, '0')}-${row.name}`;
}
