/**
 * Polls GET /api/health on a fixed beat while the fuzzer runs. Each poll is timed from when it
 * was due, not from when it could start: a server that blocks its event loop delays the start
 * of the poll too, and that delay is what a client would see.
 */
export interface HealthPoll {
  /** When it was due (performance.now()). */
  due: number;
  ms: number;
}

export interface HealthStats {
  polls: HealthPoll[];
  failures: string[];
}

export function pollHealth(
  poll: () => Promise<number>,
  everyMs: number,
): () => Promise<HealthStats> {
  const polls: HealthPoll[] = [];
  const failures: string[] = [];
  let stopped = false;
  const started = performance.now();
  const loop = (async () => {
    for (let beat = 1; !stopped; beat++) {
      const due = started + beat * everyMs;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (stopped) break;
      try {
        const status = await poll();
        if (status !== 200) failures.push(`status ${status}`);
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
      }
      const now = performance.now();
      polls.push({ due, ms: now - due });
      // Beats missed while this one waited are not owed: the next is the next one ahead.
      beat = Math.max(beat, Math.floor((now - started) / everyMs));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    return { polls, failures };
  };
}

/**
 * The polls' latencies less the time the event loop spent on `busy` spans within each (the
 * fuzzer drawing its next request, in this same process): what the server alone cost them.
 */
export function serverLatencies(
  polls: readonly HealthPoll[],
  busy: ReadonlyArray<{ from: number; to: number }>,
): HealthPoll[] {
  return polls.map(({ due, ms }) => {
    let own = 0;
    for (const span of busy)
      own += Math.max(0, Math.min(span.to, due + ms) - Math.max(span.from, due));
    return { due, ms: ms - own };
  });
}

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
};
