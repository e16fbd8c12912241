import pg from 'pg';

/**
 * The `pg` pool Graphile Worker takes its jobs through. Ours rather than one Graphile opens: its
 * error listeners must stay for as long as any of its connections lives. Graphile removes the
 * listeners of a pool it opened when the runner stops, but ends the pool without waiting, so a
 * connection closed after that (PostgreSQL stopping right after the worker, as `pnpm start`
 * does on SIGTERM) raised an 'error' nobody listened to, which ends the process. Owning it also
 * lets a restarted runner (see runner.ts) go on with the same pool.
 */
export function openJobPool(
  connectionString: string,
  max: number,
  onError: (message: string) => void,
): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, application_name: 'nudge-jobs' });
  // An idle connection that breaks: pg drops it from the pool; a later query reconnects.
  pool.on('error', (error) => onError(`job queue connection: ${error.message}`));
  // A checked-out one: the query running on it fails, and Graphile handles that.
  pool.on('connect', (client) => {
    client.on('error', (error) => onError(`job queue connection: ${error.message}`));
  });
  return pool;
}
