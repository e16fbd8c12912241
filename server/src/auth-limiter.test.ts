import { describe, expect, it } from 'vitest';
import { FAILURE_BUDGET, FailureLimiter } from './auth-limiter.ts';

/** A limiter on a clock the test moves. */
function limiter(budget: ConstructorParameters<typeof FailureLimiter>[0] = {}) {
  const clock = { now: 1_000_000 };
  return { clock, limiter: new FailureLimiter(budget, () => clock.now) };
}

describe('FailureLimiter', () => {
  it('lets a client fail its free budget, then makes it wait for one failure to be forgiven', () => {
    const { clock, limiter: l } = limiter({ free: 3, refillMs: 1000 });
    for (let i = 0; i < 3; i++) {
      expect(l.waitMs('a')).toBe(0);
      l.fail('a');
    }
    expect(l.waitMs('a')).toBe(1000);
    clock.now += 400;
    expect(l.waitMs('a')).toBe(600);
    clock.now += 600;
    expect(l.waitMs('a')).toBe(0);
    // One forgiven, one more try; then the wait again.
    l.fail('a');
    expect(l.waitMs('a')).toBe(1000);
  });

  it('refills the whole budget with time, and forgets a client that is forgiven', () => {
    const { clock, limiter: l } = limiter({ free: 2, refillMs: 1000 });
    l.fail('a');
    l.fail('a');
    expect(l.waitMs('a')).toBeGreaterThan(0);
    clock.now += 2000;
    expect(l.waitMs('a')).toBe(0);
    expect(l.size).toBe(0);
  });

  it('counts each client apart', () => {
    const { limiter: l } = limiter({ free: 1 });
    l.fail('a');
    expect(l.waitMs('a')).toBeGreaterThan(0);
    expect(l.waitMs('b')).toBe(0);
  });

  it('remembers at most maxClients, forgetting who failed least recently', () => {
    const { limiter: l } = limiter({ free: 1, maxClients: 100 });
    for (let i = 0; i < 1000; i++) l.fail(`client-${i}`);
    expect(l.size).toBe(100);
    expect(l.waitMs('client-999')).toBeGreaterThan(0);
    expect(l.waitMs('client-0')).toBe(0);
    // A failure moves its client to the end: it is kept over quieter ones.
    l.fail('client-900');
    for (let i = 0; i < 99; i++) l.fail(`more-${i}`);
    expect(l.waitMs('client-900')).toBeGreaterThan(0);
    expect(l.waitMs('client-901')).toBe(0);
  });

  it('defaults to a small budget: 10 failures, then one every 6 s', () => {
    expect(FAILURE_BUDGET).toEqual({ free: 10, refillMs: 6000, maxClients: 10_000 });
  });
});
