import postgres from 'postgres';

/** Our handle on PostgreSQL: a postgres.js pool. */
export type Sql = postgres.Sql;

export interface ConnectOptions {
  /** Pool size. Default 10: a step holds one connection for a short transaction. */
  max?: number;
  /** Shown in pg_stat_activity. Default `nudge`. */
  applicationName?: string;
}

/**
 * int8 (bigint: identity ids, count(*)) as a JS number, not postgres.js's default string: our
 * ids and counts stay far below 2^53 and numbers serialise to JSON as they are. A value beyond
 * that fails the query instead of being silently rounded.
 */
const int8AsNumber: postgres.PostgresType<number> = {
  to: 20,
  from: [20],
  serialize: (value: number | bigint | string) => String(value),
  parse: (raw: string) => {
    const value = Number(raw);
    if (!Number.isSafeInteger(value))
      throw new RangeError(`bigint ${raw} is beyond JavaScript's safe integers`);
    return value;
  },
};

/** Seconds before reconnect attempt `retries` (0, 1, …): 0.05–0.1 s doubling, at most 1–2 s. */
export function reconnectDelay(retries: number): number {
  return Math.min(0.1 * 2 ** retries, 2) * (0.5 + Math.random() / 2);
}

// The URL each pool was opened with: migrate() hands it to Graphile Worker, which connects
// with its own driver.
const urls = new WeakMap<Sql, string>();

export function connect(url: string, options: ConnectOptions = {}): Sql {
  const sql = postgres(url, {
    max: options.max ?? 10,
    // Idle connections go back after a minute, so a quiet worker holds few.
    idle_timeout: 60,
    connect_timeout: 10,
    // Reconnect within 2 s of PostgreSQL coming back. postgres.js's default backoff grows with
    // every failed attempt of the whole pool to 10–20 s, so a 1-second restart stalled work
    // for half a minute.
    backoff: reconnectDelay,
    // NOTICEs ("relation already exists, skipping") are noise in our logs.
    onnotice: () => {},
    types: { int8: int8AsNumber },
    connection: { application_name: options.applicationName ?? 'nudge' },
  }) as unknown as Sql;
  urls.set(sql, url);
  return sql;
}

/** The URL `sql` was opened with, when connect() opened it. */
export function connectionUrl(sql: Sql): string | undefined {
  return urls.get(sql);
}

/** Closes the pool: running queries get 5 seconds to finish. */
export async function closeDb(sql: Sql): Promise<void> {
  await sql.end({ timeout: 5 });
}
