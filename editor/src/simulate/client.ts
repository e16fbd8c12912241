import type { Simulation } from '@nudge/runtime/core';
import type { Sequence } from '@nudge/schema';
import type { WorkerAnswer, WorkerRequest } from './protocol.ts';
import type { WhatIfResult } from './what-if.ts';

type Ask = WorkerRequest extends infer R
  ? R extends WorkerRequest
    ? Omit<R, 'id'>
    : never
  : never;

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (a: WorkerAnswer) => void }>();

/** The one simulation worker, started the first time someone simulates. */
function theWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./simulate.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (message: MessageEvent<WorkerAnswer>) => {
    waiting.get(message.data.id)?.resolve(message.data);
    waiting.delete(message.data.id);
  };
  worker.onerror = (event) => {
    for (const [id, w] of waiting)
      w.resolve({ id, kind: 'error', message: event.message || 'the simulator failed to load' });
    waiting.clear();
  };
  return worker;
}

function ask(request: Ask): Promise<WorkerAnswer> {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, { resolve });
    theWorker().postMessage({ ...request, id });
  });
}

export async function runSimulation(
  request: Omit<Extract<WorkerRequest, { kind: 'simulate' }>, 'id' | 'kind'>,
): Promise<Simulation> {
  const answer = await ask({ kind: 'simulate', ...request });
  if (answer.kind === 'simulate') return answer.simulation;
  throw new Error(answer.kind === 'error' ? answer.message : 'unexpected answer');
}

export async function runWhatIf(
  request: Omit<Extract<WorkerRequest, { kind: 'whatIf' }>, 'id' | 'kind'>,
): Promise<WhatIfResult> {
  const answer = await ask({ kind: 'whatIf', ...request });
  if (answer.kind === 'whatIf') return answer.result;
  throw new Error(answer.kind === 'error' ? answer.message : 'unexpected answer');
}

/**
 * Starts the worker and runs a few contacts through `sequence`, the answer thrown away: core's
 * loading and its first calendars and zones (most of a first run's time) happen while the
 * person sets up the run, not after they press Run.
 */
export function warmUp(sequence: Sequence): void {
  void ask({
    kind: 'whatIf',
    sequence,
    contacts: [{ id: 'warm-up', email: 'warm-up@example.com' }],
    count: 20,
    odds: { opened: 0.5, replied: 0.2 },
    start: new Date().toISOString(),
    days: 30,
  });
}
