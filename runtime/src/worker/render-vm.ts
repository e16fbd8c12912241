import { createContext, Script } from 'node:vm';
import {
  type RenderGuard,
  type RenderJob,
  RenderStopped,
  setFieldListener,
} from '../core/render/guard.ts';
import { runRenderJob } from '../core/render/run-job.ts';

/**
 * A render guard in this thread: the render runs as the one call of a node:vm script with a
 * `timeout`; past it, V8 terminates execution (TerminateExecution, from Node's watchdog
 * thread), which no JS can catch or outlast, in a liquidjs loop or inside Array.prototype.sort.
 * Node turns the termination into ERR_SCRIPT_EXECUTION_TIMEOUT at the script's boundary, and
 * the caller goes on normally. The render runs in our realm (the script only calls it), so its
 * errors keep their classes; a stopped render leaves nothing behind but, at worst, a parse
 * cache that counts a few characters too many.
 *
 * Node starts a watchdog thread for every such call (~100–300 µs on a loaded machine, ten
 * times a render): the worker renders in a thread (render-thread.ts) and uses this only while
 * that thread starts.
 */
export function vmRenderGuard(limitMs: number): RenderGuard {
  const sandbox = createContext({ render: null as (() => unknown) | null });
  const script = new Script('render()', { filename: 'nudge-render-guard' });
  return (job: RenderJob) => {
    let field = 'template';
    sandbox.render = () => runRenderJob(job);
    setFieldListener((name) => {
      field = name;
    });
    try {
      return script.runInContext(sandbox, { timeout: limitMs });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
        throw new RenderStopped(limitMs, field, { cause: error });
      throw error;
    } finally {
      setFieldListener(null);
      sandbox.render = null;
    }
  };
}
