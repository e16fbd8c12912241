/**
 * Inside the render thread (render-thread.ts): renders each job it is sent with core's own
 * renderJob, posts the reply, then publishes the job's number in the shared `finished` cell
 * and wakes the worker's thread, which waits on it (Atomics.wait) for at most the hard limit.
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { RenderError } from '../core/render/errors.ts';
import type { TemplateJob } from '../core/render/guard.ts';
import { renderJob } from '../core/render/template.ts';
import type { RenderReply, RenderRequest } from './render-thread.ts';

const { port, finished } = workerData as { port: MessagePort; finished: SharedArrayBuffer };
const cell = new Int32Array(finished);

function reply(job: TemplateJob): RenderReply {
  try {
    return { ok: true, value: renderJob(job) };
  } catch (error) {
    if (error instanceof RenderError)
      return { ok: false, field: error.field, message: error.message };
    return {
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}

port.on('message', ({ seq, job }: RenderRequest) => {
  port.postMessage(reply(job));
  Atomics.store(cell, 0, seq);
  Atomics.notify(cell, 0);
});
// One render before saying so: the engine built, the code compiled, nothing left to load
// while the worker's thread waits on a job (loading a module here may need that thread).
renderJob({
  field: 'warm-up',
  template: '{% if contact.name %}{{ contact.name | upcase }}{% endif %}',
  context: {
    contact: { id: 'warm-up', name: 'x', tags: [], attributes: {} },
    sender: null,
    sequence: { name: '' },
    variables: {},
  },
  html: true,
});
parentPort?.postMessage('ready');
