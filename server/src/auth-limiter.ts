/**
 * Failed authentications per client (client-address.ts), so that guessing tokens is slow: each
 * client has a small free budget of failures, refilled one at a time; once it is spent, the
 * client's token-bearing requests are refused (429) without looking the token up, until one
 * failure is forgiven. Successful requests cost nothing.
 *
 * Kept in this process's memory: a second server process keeps its own count, which at most
 * doubles a guesser's budget, and nothing is written per failed request. The number of clients
 * remembered is bounded: past it, the one that failed least recently is forgotten first (it
 * starts again with a full budget, as a client that went quiet would).
 */

export interface FailureBudget {
  /** Failures a client may make before it is slowed: 10. */
  free: number;
  /** One failure is forgiven every this many milliseconds: 6 s, that is 10 a minute. */
  refillMs: number;
  /** Clients remembered at once: 10,000 (about a megabyte). */
  maxClients: number;
}

export const FAILURE_BUDGET: FailureBudget = { free: 10, refillMs: 6000, maxClients: 10_000 };

export class FailureLimiter {
  readonly budget: FailureBudget;
  /**
   * When each client's failures will all be forgiven (each failure pushes it `refillMs` on): a
   * time rather than a count, so that waits come out in whole milliseconds. In order of last
   * failure (a failure moves its client to the end), so the first is the one to forget.
   */
  readonly #clearAt = new Map<string, number>();
  readonly #now: () => number;

  constructor(budget: Partial<FailureBudget> = {}, now: () => number = Date.now) {
    this.budget = { ...FAILURE_BUDGET, ...budget };
    this.#now = now;
  }

  /** How long `client` must wait before its next try, in milliseconds: 0 when it may try now. */
  waitMs(client: string): number {
    const left = this.#left(client);
    if (left === 0) this.#clearAt.delete(client);
    // Failures not yet forgiven fill the budget but one when `left` is at most this long.
    return Math.max(0, left - (this.budget.free - 1) * this.budget.refillMs);
  }

  /** Counts a failed authentication of `client`. */
  fail(client: string): void {
    const clearAt = this.#now() + this.#left(client) + this.budget.refillMs;
    this.#clearAt.delete(client);
    this.#clearAt.set(client, clearAt);
    if (this.#clearAt.size > this.budget.maxClients) {
      const oldest = this.#clearAt.keys().next().value;
      if (oldest !== undefined) this.#clearAt.delete(oldest);
    }
  }

  /** Clients remembered now. */
  get size(): number {
    return this.#clearAt.size;
  }

  /** Milliseconds until every failure of `client` is forgiven. */
  #left(client: string): number {
    return Math.max(0, (this.#clearAt.get(client) ?? 0) - this.#now());
  }
}
