import type { MergeContext } from './context.ts';
import type { RenderedTemplate } from './template.ts';

/**
 * A hard time limit on renders, supplied by the host. liquidjs's render limit (engine.ts) is
 * soft: it reads the clock between loop iterations, so one long filter call (`where` over a
 * range of a million) runs to its end. Stopping synchronous JavaScript part way takes a Node
 * API (a worker thread's terminate(), node:vm's timeout), which core must not import: it runs
 * in browsers too. So core hands each render of a template to the guard it is given, as plain
 * data a guard can send to another thread; the worker gives one (runtime/src/worker/
 * render-guard.ts), the editor and the simulator, which render on the author's own machine,
 * none.
 */

/** One template of a step to render: what renderJob (template.ts) takes. */
export interface TemplateJob {
  /** The template's name within the step's data, for errors: `body`, `buttons.0.url`. */
  field: string;
  template: string;
  context: MergeContext;
  /** HTML-escape every `{{ }}` output. */
  html: boolean;
}

/**
 * Renders `job` with renderJob, somewhere it can be stopped: returns its result, throws the
 * RenderError it threw, or throws RenderStopped when it ran past the guard's limit.
 */
export type RenderGuard = (job: TemplateJob) => RenderedTemplate;

/** A guard stopped a render at its hard limit. */
export class RenderStopped extends Error {
  readonly limitMs: number;

  constructor(limitMs: number, options?: { cause?: unknown }) {
    super(`stopped after ${limitMs} ms`, options);
    this.name = 'RenderStopped';
    this.limitMs = limitMs;
  }
}

let current: RenderGuard | null = null;

/** Sets the guard of every render in this realm (null: none); returns the previous one. */
export function setRenderGuard(guard: RenderGuard | null): RenderGuard | null {
  const previous = current;
  current = guard;
  return previous;
}

export function renderGuard(): RenderGuard | null {
  return current;
}
