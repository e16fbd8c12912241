import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from 'node:worker_threads';
import { RenderError } from '../core/render/errors.ts';
import type { TemplateJob } from '../core/render/guard.ts';
import type { RenderedTemplate } from '../core/render/template.ts';

/** A job for the render thread, numbered: the thread publishes the number when done. */
export interface RenderRequest {
  seq: number;
  job: TemplateJob;
}

export type RenderReply =
  | { ok: true; value: RenderedTemplate }
  /** A RenderError of the template (its field and message). */
  | { ok: false; field: string; message: string }
  /** Anything else: a bug, not the template's fault. */
  | { ok: false; error: string };

/**
 * The heap a render thread may use. liquidjs's memory limit bounds what a template builds, not
 * every temporary (a filter over a range of a million holds a few arrays of it): a template
 * that gets past it kills this thread (Node ends a worker at its limit), never the process.
 */
const HEAP_MB = 256;

const entry = new URL('./render-thread-entry.mjs', import.meta.url);

/**
 * A worker thread that renders templates for this one, synchronously: render() posts the job
 * and blocks in Atomics.wait until the thread says it is done, or until the time limit, when
 * it terminates the thread (V8 TerminateExecution: it stops whatever the thread is doing, a
 * single long filter call included). Core's render is synchronous, so the caller would wait
 * for it anyway; a round trip costs ~20 µs, against ~150 µs for a node:vm timeout, which
 * starts a watchdog thread per call (render-vm.ts).
 *
 * The thread starts asynchronously (~0.3–1 s: it loads core through tsx, which needs this
 * thread free meanwhile); `ready` resolves once it takes jobs.
 */
export class RenderThread {
  readonly ready: Promise<void>;
  #state: 'starting' | 'ready' | 'gone' = 'starting';
  readonly #worker: Worker;
  readonly #port: MessagePort;
  readonly #finished: Int32Array;
  #seq = 0;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    const finished = new SharedArrayBuffer(4);
    this.#port = port1;
    this.#finished = new Int32Array(finished);
    this.#worker = new Worker(entry, {
      workerData: { port: port2, finished },
      transferList: [port2],
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
    });
    // It must not keep the process alive on its own.
    this.#worker.unref();
    this.#port.unref();
    this.ready = new Promise<void>((resolve, reject) => {
      this.#worker.once('message', (message) => {
        if (message !== 'ready') return;
        if (this.#state === 'starting') this.#state = 'ready';
        resolve();
      });
      this.#worker.once('error', reject);
      this.#worker.once('exit', (code) => {
        this.#state = 'gone';
        reject(new Error(`the render thread exited (code ${code}) before it was ready`));
      });
    });
    // The caller may never look: a thread that failed to start is simply not `usable`.
    this.ready.catch(() => {});
  }

  /** Ready, and not stopped or exited since. */
  get usable(): boolean {
    return this.#state === 'ready';
  }

  /** Gone for good (stopped, exited, failed to start): a new one must take its place. */
  get gone(): boolean {
    return this.#state === 'gone';
  }

  /**
   * Renders `job` in the thread, waiting at most `limitMs` for it: its result, the RenderError
   * it threw, or 'stopped' when it ran past the limit (the thread is then terminated).
   */
  render(job: TemplateJob, limitMs: number): RenderedTemplate | 'stopped' {
    if (!this.usable) throw new Error('the render thread is not ready');
    const before = this.#seq;
    const seq = (before + 1) | 0;
    this.#seq = seq;
    this.#port.postMessage({ seq, job } satisfies RenderRequest);
    const deadline = performance.now() + limitMs;
    while (Atomics.load(this.#finished, 0) !== seq) {
      const left = deadline - performance.now();
      if (left <= 0) {
        void this.stop();
        return 'stopped';
      }
      Atomics.wait(this.#finished, 0, before, left);
    }
    const reply = receiveMessageOnPort(this.#port)?.message as RenderReply | undefined;
    if (!reply) throw new Error('the render thread finished a job without replying');
    if (reply.ok) return reply.value;
    if ('field' in reply) throw new RenderError(reply.field, reply.message);
    throw new Error(`the render thread failed: ${reply.error}`);
  }

  /** Terminates the thread (at once, whatever it runs); resolves when it has exited. */
  async stop(): Promise<void> {
    this.#state = 'gone';
    this.#port.close();
    await this.#worker.terminate();
  }
}
