/**
 * Inside the render thread (render-thread.ts). It never returns to its event loop: it sleeps
 * in Atomics.wait until the worker's thread posts a job and bumps the `posted` cell, takes the
 * job from its port synchronously, renders it with core's runRenderJob, posts the reply, then
 * bumps `done` and wakes the worker's thread. Two futex wakes a job, nothing else: an event
 * loop's wake-up and message dispatch cost more than the render. As it renders, the name of
 * the field it is in goes into `field`, for the message should it be stopped.
 */
import {
  type MessagePort,
  parentPort,
  receiveMessageOnPort,
  workerData,
} from 'node:worker_threads';
import { RenderError } from '../core/render/errors.ts';
import { setFieldListener } from '../core/render/guard.ts';
import { runRenderJob } from '../core/render/run-job.ts';
import { FIELD_BYTES, type RenderReply, type RenderRequest, SLOT } from './render-thread.ts';

const { port, shared } = workerData as { port: MessagePort; shared: SharedArrayBuffer };
const cells = new Int32Array(shared, 0, SLOT.count);
const fieldBytes = new Uint8Array(shared, SLOT.count * 4, FIELD_BYTES);
const encoder = new TextEncoder();

setFieldListener((field) => {
  const { written } = encoder.encodeInto(field, fieldBytes);
  Atomics.store(cells, SLOT.fieldLength, written);
});

function reply(request: RenderRequest): RenderReply {
  try {
    return { ok: true, value: runRenderJob(request.job) };
  } catch (error) {
    if (error instanceof RenderError)
      return { ok: false, field: error.field, message: error.message };
    return {
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}

// One render before saying it is ready: the engine built, the code compiled, nothing left to
// load (loading a module here needs the worker's thread, which is blocked while it waits).
runRenderJob({
  kind: 'template',
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

let seen = Atomics.load(cells, SLOT.posted);
for (;;) {
  Atomics.wait(cells, SLOT.posted, seen);
  seen = Atomics.load(cells, SLOT.posted);
  const request = receiveMessageOnPort(port)?.message as RenderRequest | undefined;
  if (!request) continue;
  port.postMessage(reply(request));
  Atomics.store(cells, SLOT.done, request.seq);
  Atomics.notify(cells, SLOT.done);
}
