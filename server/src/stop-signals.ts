/**
 * SIGINT and SIGTERM for a process that stops in order (the server, a worker). The first
 * calls `stop`. The same stop comes in more than once: a terminal's Ctrl-C reaches every
 * process of the foreground group, pnpm signals every process of the tree it started, and tsx
 * relays what it gets to the process it runs. So a repeat is ignored while the stop goes on,
 * except a SIGINT more than `echoMs` after the first: a person's second Ctrl-C, which ends the
 * process at once (exit 130, as a shell reports SIGINT).
 */
export function onStopSignal(
  stop: (signal: NodeJS.Signals) => void,
  echoMs = 1000,
): { remove(): void } {
  let first: number | null = null;
  const listener = (signal: NodeJS.Signals) => {
    if (first === null) {
      first = performance.now();
      stop(signal);
    } else if (signal === 'SIGINT' && performance.now() - first > echoMs) process.exit(130);
  };
  process.on('SIGINT', listener);
  process.on('SIGTERM', listener);
  return {
    remove() {
      process.off('SIGINT', listener);
      process.off('SIGTERM', listener);
    },
  };
}
