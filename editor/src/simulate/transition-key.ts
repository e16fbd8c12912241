/**
 * The key of a move from one step to the next in "what if" counts. Its own module: the canvas
 * reads counts by it on first load, where core (what-if.ts) must not come along.
 */
export function transitionKey(from: string, to: string): string {
  return `${from}\u2192${to}`;
}
