import { createContext, Script } from 'node:vm';
import { type RenderGuard, RenderStopped, type TemplateJob } from '../core/render/guard.ts';
import { renderJob } from '../core/render/template.ts';

/**
 * A render guard in this thread: the render runs as the one call of a node:vm script with a
 * `timeout`; past it, V8 terminates execution (TerminateExecution, from Node's watchdog
 * thread), which no JS can catch or outlast, in a liquidjs loop or inside Array.prototype.sort.
 * Node turns the termination into ERR_SCRIPT_EXECUTION_TIMEOUT at the script's boundary, and
 * the caller goes on normally. The render runs in our realm (the script only calls it), so its
 * errors keep their classes; a stopped render leaves nothing behind (its context and output
 * are its own, and its template was parsed before).
 *
 * Node starts a watchdog thread for every such call, ~100–200 µs on a loaded machine, ten
 * times a render: the worker renders in a thread (render-thread.ts) and uses this only while
 * that thread starts.
 */
export function vmRenderGuard(limitMs: number): RenderGuard {
  const sandbox = createContext({ render: null as (() => unknown) | null });
  const script = new Script('render()', { filename: 'nudge-render-guard' });
  return (job: TemplateJob) => {
    sandbox.render = () => renderJob(job);
    try {
      return script.runInContext(sandbox, { timeout: limitMs }) as ReturnType<RenderGuard>;
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
        throw new RenderStopped(limitMs, { cause: error });
      throw error;
    } finally {
      sandbox.render = null;
    }
  };
}
