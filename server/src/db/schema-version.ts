import { loadMigrations } from '@nudge/runtime/worker/db';
import type { Sql } from './types.ts';

/** The database's schema is not the one this release of Nudge was written for. */
export class SchemaVersionError extends Error {
  override name = 'SchemaVersionError';
}

/**
 * Checks, without changing anything, that the database has exactly the migrations this
 * release knows. For processes that join a database the server looks after (`nudge worker`):
 * migrating is the server's job at its start, and a worker of another release must not run
 * on a schema it was not written for.
 */
export async function checkSchemaVersion(sql: Sql): Promise<void> {
  const known = await loadMigrations();
  const [table] = await sql<Array<{ exists: boolean }>>`
    select to_regclass('nudge_migrations') is not null as exists`;
  const latest = known.at(-1)?.id ?? '(none)';
  if (!table?.exists)
    throw new SchemaVersionError(
      `the database has no Nudge schema yet: start the server (pnpm start) on it once, which ` +
        `migrates it, then the worker`,
    );
  const done = await sql<Array<{ version: number; name: string }>>`
    select version, name from nudge_migrations order by version`;
  const knownVersions = new Set(known.map((m) => m.version));
  const newer = done.filter((row) => !knownVersions.has(row.version));
  if (newer.length > 0)
    throw new SchemaVersionError(
      `the database has migration ${newer.map(label).join(', ')}, which this release of Nudge ` +
        `does not know (it knows up to ${latest}): a newer release migrated it. Run the ` +
        'worker of that release',
    );
  const doneVersions = new Set(done.map((row) => row.version));
  const missing = known.filter((m) => !doneVersions.has(m.version));
  if (missing.length > 0)
    throw new SchemaVersionError(
      `the database lacks migration ${missing.map((m) => m.id).join(', ')}: it is older than ` +
        'this release. Start the server of this release (pnpm start) on it first, which ' +
        'migrates it, then the worker',
    );
}

function label(row: { version: number; name: string }): string {
  return `${String(row.version).padStart(3, '0')}-${row.name}`;
}
