import type { NodeData } from '@nudge/schema';
import type { Thread } from '../types.ts';
import type { MergeContext } from './context.ts';

/**
 * A hard time limit on renders, supplied by the host. liquidjs's render limit (engine.ts) is
 * soft: it reads the clock between loop iterations, so one long filter call (`where` over a
 * range of a million) runs to its end. Stopping synchronous JavaScript part way takes a Node
 * API (a worker thread's terminate(), node:vm's timeout), which core must not import: it runs
 * in browsers too. So core hands each render of a step to the guard it is given, as plain
 * data a guard can send to another thread (run-job.ts runs it there); the worker gives one
 * (runtime/src/worker/render-guard.ts), the editor and the simulator, which render on the
 * author's own machine, none.
 */

/** One render of a step, as data: what runRenderJob (run-job.ts) takes. */
export type RenderJob =
  | { kind: 'email'; data: NodeData<'email'>; context: MergeContext; thread: Thread | null }
  | { kind: 'sms'; data: NodeData<'sms'>; context: MergeContext }
  | { kind: 'kakao'; data: NodeData<'kakao'>; context: MergeContext }
  | { kind: 'task'; data: NodeData<'task'>; context: MergeContext }
  | { kind: 'template'; template: string; context: MergeContext; html: boolean };

/**
 * Runs `job` with runRenderJob, somewhere it can be stopped: returns its result, throws the
 * RenderError it threw, or throws RenderStopped when it ran past the guard's limit.
 */
export type RenderGuard = (job: RenderJob) => unknown;

/** A guard stopped a render at its hard limit, while it rendered `field` of the step. */
export class RenderStopped extends Error {
  readonly limitMs: number;
  readonly field: string;

  constructor(limitMs: number, field: string, options?: { cause?: unknown }) {
    super(`stopped after ${limitMs} ms, rendering ${field}`, options);
    this.name = 'RenderStopped';
    this.limitMs = limitMs;
    this.field = field;
  }
}

let guard: RenderGuard | null = null;
let fieldListener: ((field: string) => void) | null = null;

/** Sets the guard of every render in this realm (null: none); returns the previous one. */
export function setRenderGuard(next: RenderGuard | null): RenderGuard | null {
  const previous = guard;
  guard = next;
  return previous;
}

export function renderGuard(): RenderGuard | null {
  return guard;
}

/**
 * Told the name of each field as its render begins (`subject`, `buttons.0.url`), so that a
 * guard that stops a render can say which field it was in. One listener; null: none.
 */
export function setFieldListener(listener: ((field: string) => void) | null): void {
  fieldListener = listener;
}

export function noteField(field: string): void {
  fieldListener?.(field);
}
