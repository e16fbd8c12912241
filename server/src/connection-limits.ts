import type { ServerOptions } from 'node:http';

/**
 * How long a client may take, and how many may be connected at once. Node's own defaults
 * (60 s for a request's head, 300 s for the whole request, no cap) let a few hundred slow or
 * silent clients hold every socket for minutes; these let a real client on a slow line through
 * and close a stalled one within seconds.
 */
export interface ConnectionLimits {
  /**
   * A request's head (request line and headers) must arrive within this, counted from the
   * connection or from the previous answer: a connection that sends nothing is closed after it.
   */
  headersTimeoutMs: number;
  /** The whole request, head and body: 30 s lets a 16 MiB file through at 4.5 Mbit/s. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection between requests (Node adds a second of grace). */
  keepAliveTimeoutMs: number;
  /** Connections at once; one more is closed as soon as it is accepted. */
  maxConnections: number;
}

export const CONNECTION_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1000,
};

/** The limits with `given` over the defaults; throws a RangeError for limits Node refuses. */
export function connectionLimits(given: Partial<ConnectionLimits> = {}): ConnectionLimits {
  const limits = { ...CONNECTION_LIMITS, ...given };
  for (const [name, value] of Object.entries(limits))
    if (!(Number.isFinite(value) && value > 0))
      throw new RangeError(`${name} must be a positive number, not ${value}`);
  if (!Number.isInteger(limits.maxConnections))
    throw new RangeError(`maxConnections must be a whole number, not ${limits.maxConnections}`);
  if (limits.headersTimeoutMs > limits.requestTimeoutMs)
    throw new RangeError(
      `the headers timeout (${limits.headersTimeoutMs} ms) must not be longer than the request timeout (${limits.requestTimeoutMs} ms)`,
    );
  return limits;
}

/**
 * The options of node:http's createServer. Node enforces the headers and request timeouts
 * only when it checks its connections, every 30 s by default, so a 10 s limit could take 40 s:
 * it checks here every tenth of the shorter timeout (between 0.1 and 1 s).
 */
export function httpServerOptions(limits: ConnectionLimits): ServerOptions {
  const shortest = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, Math.max(100, Math.round(shortest / 10))),
  };
}
