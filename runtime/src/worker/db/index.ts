// The database of the worker and the server: embedded PostgreSQL, connections, migrations.
export { type ConnectOptions, closeDb, connect, connectionUrl, type Sql } from './connect.ts';
export {
  type EmbeddedPostgresOptions,
  type RunningPostgres,
  startEmbeddedPostgres,
} from './embedded.ts';
export { type MigrateOptions, migrate } from './migrate.ts';
export { loadMigrations, MIGRATIONS_DIR, type Migration } from './migration-files.ts';
export { readOrCreateSecret } from './secret-file.ts';
