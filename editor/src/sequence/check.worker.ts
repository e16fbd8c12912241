import { checkSequenceBytes, templateAnalyses, validateSequence } from '@nudge/schema';
import type { CheckAnswer, CheckRequest } from './checker.ts';

/**
 * The worker behind checker.ts: checks the bytes of a file as the CLI does and answers with the
 * parsed file and its problems. A thrown error (a bug) is answered too, so the page checks the
 * file itself instead of waiting for ever.
 */
// The worker's global, typed as much as it is used here (the editor compiles with the DOM's types).
const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<CheckRequest>) => void): void;
  postMessage(answer: CheckAnswer): void;
};

scope.addEventListener('message', (event) => {
  const { id, bytes } = event.data;
  let answer: CheckAnswer;
  try {
    answer = { id, checked: checkSequenceBytes(bytes), analyses: templateAnalyses() };
  } catch (error) {
    answer = { id, failed: String(error) };
  }
  scope.postMessage(answer);
});

// The validator's first run is its slowest (the engine compiles it): run it once while the
// person is still choosing a file.
validateSequence({ format: 'nudge.sequence/v1', id: 'warm-up', name: 'Warm-up', nodes: [] });
