/// <reference lib="webworker" />
import { simulate } from '@nudge/runtime/core';
import type { WorkerAnswer, WorkerRequest } from './protocol.ts';
import { whatIf } from './what-if.ts';

/**
 * Core's simulator off the page's thread: a long "what if" never freezes the canvas, and core
 * (the interpreter, the holiday calendars) is loaded only when someone simulates.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (message: MessageEvent<WorkerRequest>) => {
  const request = message.data;
  let answer: WorkerAnswer;
  try {
    if (request.kind === 'simulate') {
      const { sequence, contact, events, start, until } = request;
      answer = {
        id: request.id,
        kind: 'simulate',
        simulation: simulate({ sequence, contact, events, start, until }),
      };
    } else {
      const { id, kind: _, ...whatIfRequest } = request;
      answer = { id, kind: 'whatIf', result: whatIf(whatIfRequest) };
    }
  } catch (error) {
    answer = {
      id: request.id,
      kind: 'error',
      message: error instanceof Error ? error.message : String(error),
    };
  }
  scope.postMessage(answer);
};
