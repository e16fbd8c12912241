import {
  type CheckedFile,
  checkSequenceBytes,
  keepTemplateAnalyses,
  type TemplateAnalyses,
} from '@nudge/schema';

/**
 * Reads and checks a sequence file's bytes as the CLI and the API do (decode, parse, validate),
 * in a Web Worker: validating the 2,000-step limit file takes hundreds of milliseconds the
 * first time, which on the page's own thread froze it (bench:editor). Without workers (tests
 * in Node), or if the worker fails, the same check runs here.
 */
export interface Checker {
  checkBytes(bytes: Uint8Array): Promise<CheckedFile>;
}

/** Runs on the calling thread. */
export const inlineChecker: Checker = {
  checkBytes: async (bytes) => checkSequenceBytes(bytes),
};

/** What the page sends the worker, and what it answers. */
export interface CheckRequest {
  id: number;
  bytes: Uint8Array;
}
export type CheckAnswer =
  | { id: number; checked: CheckedFile; analyses: TemplateAnalyses }
  | { id: number; failed: string };

/** A checker on a worker of its own, started now so that it is ready when a file is chosen. */
export function workerChecker(): Checker {
  if (typeof Worker === 'undefined') return inlineChecker;
  let worker: Worker | null;
  try {
    worker = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return inlineChecker;
  }
  const waiting = new Map<number, (answer: CheckAnswer) => void>();
  let next = 0;
  const stop = (reason: string) => {
    worker?.terminate();
    worker = null;
    for (const [id, answer] of waiting) answer({ id, failed: reason });
    waiting.clear();
  };
  worker.addEventListener('message', (event: MessageEvent<CheckAnswer>) => {
    const answer = waiting.get(event.data.id);
    waiting.delete(event.data.id);
    answer?.(event.data);
  });
  // A worker that can't load (a blocked script, say) is given up for good: the page checks.
  worker.addEventListener('error', () => stop('the checking worker failed'));
  return {
    async checkBytes(bytes) {
      const current = worker;
      if (!current) return checkSequenceBytes(bytes);
      const id = ++next;
      const answer = await new Promise<CheckAnswer>((resolve) => {
        waiting.set(id, resolve);
        // A copy goes to the worker: the caller keeps its bytes.
        current.postMessage({ id, bytes } satisfies CheckRequest);
      });
      if (!('checked' in answer)) return checkSequenceBytes(bytes);
      // The page validates every edit: with the worker's template analyses, the first edit
      // doesn't parse every template of the file again.
      keepTemplateAnalyses(answer.analyses);
      return answer.checked;
    },
  };
}

let shared: Checker | undefined;

/** The editor's checker, made on first use. */
export function checker(): Checker {
  shared ??= workerChecker();
  return shared;
}
