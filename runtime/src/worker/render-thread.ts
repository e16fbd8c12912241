import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from 'node:worker_threads';
import { RenderError } from '../core/render/errors.ts';
import type { RenderJob } from '../core/render/guard.ts';

/** A job for the render thread, numbered: the thread publishes the number when done. */
export interface RenderRequest {
  seq: number;
  job: RenderJob;
}

export type RenderReply =
  | { ok: true; value: unknown }
  /** A RenderError of the template (its field and message). */
  | { ok: false; field: string; message: string }
  /** Anything else: a bug, not the template's fault. */
  | { ok: false; error: string };

/** The shared cells: the last job posted, the last one done, the length of `field`. */
export const SLOT = { posted: 0, done: 1, fieldLength: 2, count: 3 } as const;
/** Room for the name of the field being rendered (`buttons.12.url`), in UTF-8. */
export const FIELD_BYTES = 256;

/**
 * The heap a render thread may use. liquidjs's memory limit bounds what a template builds, not
 * every temporary (a filter over a range of a million holds a few arrays of it): a template
 * that gets past it ends this thread (Node stops a worker at its limit), never the process.
 */
const HEAP_MB = 256;

const entry = new URL('./render-thread-entry.mjs', import.meta.url);
const decoder = new TextDecoder();

/**
 * A worker thread that renders for this one, synchronously: render() posts the job and blocks
 * in Atomics.wait until the thread says it is done, or until the time limit, when it
 * terminates the thread (V8 TerminateExecution: it stops whatever the thread is doing, a
 * single long filter call included). Core's render is synchronous, so the caller would wait
 * for it anyway; what this adds is a round trip, two futex wakes and the copies of the job and
 * its result (bench/render-guard.ts measures it).
 *
 * The thread starts asynchronously (~0.3–1 s: it loads core through tsx, which needs this
 * thread free meanwhile); `ready` resolves once it takes jobs.
 */
export class RenderThread {
  readonly ready: Promise<void>;
  #state: 'starting' | 'ready' | 'gone' = 'starting';
  readonly #worker: Worker;
  readonly #port: MessagePort;
  readonly #cells: Int32Array;
  readonly #field: Uint8Array;
  #seq = 0;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    const shared = new SharedArrayBuffer(SLOT.count * 4 + FIELD_BYTES);
    this.#port = port1;
    this.#cells = new Int32Array(shared, 0, SLOT.count);
    this.#field = new Uint8Array(shared, SLOT.count * 4, FIELD_BYTES);
    this.#worker = new Worker(entry, {
      workerData: { port: port2, shared },
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
   * it threw, or `{ stopped }` with the field it was rendering when it ran past the limit (the
   * thread is then terminated).
   */
  render(job: RenderJob, limitMs: number): { value: unknown } | { stopped: string } {
    if (!this.usable) throw new Error('the render thread is not ready');
    const seq = (this.#seq + 1) | 0;
    this.#seq = seq;
    const before = Atomics.load(this.#cells, SLOT.done);
    this.#port.postMessage({ seq, job } satisfies RenderRequest);
    Atomics.store(this.#cells, SLOT.posted, seq);
    Atomics.notify(this.#cells, SLOT.posted);
    const deadline = performance.now() + limitMs;
    while (Atomics.load(this.#cells, SLOT.done) !== seq) {
      const left = deadline - performance.now();
      if (left <= 0) {
        const length = Atomics.load(this.#cells, SLOT.fieldLength);
        const field = decoder.decode(this.#field.slice(0, length)) || 'template';
        void this.stop();
        return { stopped: field };
      }
      Atomics.wait(this.#cells, SLOT.done, before, left);
    }
    const reply = receiveMessageOnPort(this.#port)?.message as RenderReply | undefined;
    if (!reply) throw new Error('the render thread finished a job without replying');
    if (reply.ok) return { value: reply.value };
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
