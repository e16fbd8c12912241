import type { Sql } from '@nudge/runtime/worker/db';

/**
 * The database handles the server's queries take. postgres.js is a dependency of the runtime,
 * not of the server: its types come through @nudge/runtime's `Sql`.
 */
export type { Sql };

/** The handle inside `sql.begin(...)`. */
export type Tx = Parameters<Parameters<Sql['begin']>[1]>[0];

/** A piece of SQL built with the tagged template, to embed in another query. */
export type Fragment = ReturnType<Sql['unsafe']>;

/** PostgreSQL's unique_violation. */
export const UNIQUE_VIOLATION = '23505';

export function isPgError(error: unknown, code: string): boolean {
  return (error as { code?: unknown } | null)?.code === code;
}
