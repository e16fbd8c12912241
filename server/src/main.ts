/**
 * `pnpm start` (after building the editor): PostgreSQL (DATABASE_URL, else embedded in
 * NUDGE_DATA_DIR), migrations, the server on PORT (3000) and HOST (127.0.0.1), serving the
 * editor and the API, and the worker (a child process unless NUDGE_WORKER says otherwise),
 * until SIGINT or SIGTERM. Settings: config.ts.
 */
import { ConfigError, readConfig } from './config.ts';
import { startNudge } from './nudge.ts';
import { EditorNotBuiltError } from './start.ts';
import { onStopSignal } from './stop-signals.ts';

try {
  const nudge = await startNudge(readConfig(process.env));
  console.log(`Nudge is running at ${nudge.url}/ (Ctrl-C stops it)`);
  const stop = (signal: NodeJS.Signals) => {
    console.error(`nudge: ${signal}: stopping`);
    nudge.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('nudge: failed to stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  // Repeats of the same stop are ignored; a person's second Ctrl-C ends the process at once.
  onStopSignal(stop);
} catch (error) {
  console.error(`nudge: ${startFailure(error)}`);
  process.exitCode = 1;
}

function startFailure(error: unknown): string {
  if (error instanceof EditorNotBuiltError || error instanceof ConfigError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  const { port, host } = readConfig(process.env);
  if (code === 'EADDRINUSE')
    return `port ${port} on ${host} is in use: stop what holds it, or set PORT (PORT=0 picks a free port)`;
  if (code === 'EACCES') return `not allowed to listen on port ${port}: choose a PORT above 1023`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return `HOST ${JSON.stringify(host)} is not an address of this machine`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
