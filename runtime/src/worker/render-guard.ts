import { RENDER_LIMITS } from '../core/render/engine.ts';
import { type RenderGuard, RenderStopped, setRenderGuard } from '../core/render/guard.ts';
import { runRenderJob } from '../core/render/run-job.ts';
import { cannotRunLong } from './render-bounded.ts';
import { RenderThread } from './render-thread.ts';
import { vmRenderGuard } from './render-vm.ts';

/**
 * The worker's hard limit on a render (core/render/guard.ts), past liquidjs's soft one
 * (RENDER_LIMITS.timeMs, 200 ms), which a long loop meets first, so its message stays the
 * usual one; this one stops what the soft one can't see, such as a single filter call over a
 * huge array. A real template renders in well under a millisecond.
 */
export const RENDER_HARD_LIMIT_MS = RENDER_LIMITS.timeMs * 2.5;

/** How soon a render thread that failed to start may be tried again. */
const RETRY_START_MS = 5000;

export interface ThreadRenderGuard {
  guard: RenderGuard;
  /** Resolves when the first render thread takes jobs; rejects if it could not start. */
  ready: Promise<void>;
  /** Stops the render thread. */
  close(): Promise<void>;
}

/**
 * Renders in a worker thread (render-thread.ts), within `limitMs`. A render that runs past it
 * is stopped with its thread, and a new thread starts. While one starts (at first, and after
 * a stop), renders run here under node:vm's timeout instead (render-vm.ts): slower, as hard.
 * A render that can't run long (render-bounded.ts: plain merge templates) runs here at once.
 */
export function threadRenderGuard(limitMs: number): ThreadRenderGuard {
  const fallback = vmRenderGuard(limitMs);
  let thread = new RenderThread();
  let startedAt = performance.now();
  const first = thread.ready;
  const guard: RenderGuard = (job) => {
    if (cannotRunLong(job)) return runRenderJob(job);
    if (!thread.usable) {
      if (thread.gone && performance.now() - startedAt > RETRY_START_MS) {
        thread = new RenderThread();
        startedAt = performance.now();
      }
      return fallback(job);
    }
    const result = thread.render(job, limitMs);
    if ('value' in result) return result.value;
    thread = new RenderThread();
    startedAt = performance.now();
    throw new RenderStopped(limitMs, result.stopped);
  };
  return { guard, ready: first, close: () => thread.stop() };
}

let holders = 0;
let held: { guard: ThreadRenderGuard; previous: RenderGuard | null } | null = null;

export interface RenderGuardHold {
  /** The render thread's start (see ThreadRenderGuard.ready). */
  ready: Promise<void>;
  /** Lets go; the guard goes, and its thread stops, with the last holder. */
  release(): Promise<void>;
}

/**
 * Puts the hard limit on every render of this process while at least one worker runs: the
 * worker's renders, and in the inline mode (the worker inside the API's process) the API's
 * too. Workers of one process share the guard and its thread.
 */
export function holdRenderGuard(): RenderGuardHold {
  if (holders++ === 0 || !held) {
    const guard = threadRenderGuard(RENDER_HARD_LIMIT_MS);
    held = { guard, previous: setRenderGuard(guard.guard) };
  }
  const mine = held;
  let released = false;
  return {
    ready: mine.guard.ready,
    release: async () => {
      if (released) return;
      released = true;
      if (--holders > 0 || held !== mine) return;
      held = null;
      setRenderGuard(mine.previous);
      await mine.guard.close();
    },
  };
}
