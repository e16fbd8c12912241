import { Logger, runMigrations } from 'graphile-worker';

/**
 * Installs or upgrades Graphile Worker's own schema (`graphile_worker`), through its own
 * migrations: it connects with node-postgres, hence the connection string. Its warnings (a
 * database migrated by a newer Graphile Worker) and errors go to `log`; the rest is dropped.
 */
export async function installWorkerSchema(
  connectionString: string,
  log: (message: string) => void,
): Promise<void> {
  const logger = new Logger(() => (level, message) => {
    if (level === 'error' || level === 'warning') log(`graphile-worker: ${message}`);
  });
  await runMigrations({ connectionString, logger });
}
