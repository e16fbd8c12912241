/**
 * A template failed while it was rendered: it does not parse (a template that skipped
 * validation), it ran past a limit (time, memory, output size), or a filter refused its input.
 * `field` names the template within the step's data, e.g. `body`, `subject`, `buttons.0.url`;
 * the message says what went wrong without repeating it ("memory alloc limit exceeded (line 1,
 * column 5)"), so callers can put both in their own words.
 */
export class RenderError extends Error {
  readonly field: string;

  constructor(field: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RenderError';
    this.field = field;
  }
}

/** liquidjs appends ", line:1, col:5" to its messages; say it the way the validator does. */
export function liquidMessage(err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  // liquidjs renders nested tags recursively: thousands of nested {% if %} overflow the stack.
  const message = raw.startsWith('Maximum call stack size exceeded')
    ? raw.replace(/^Maximum call stack size exceeded/, 'the tags nest too deeply')
    : raw;
  const m = /^(.*), line:(\d+), col:(\d+)$/s.exec(message);
  return m ? `${m[1]} (line ${m[2]}, column ${m[3]})` : message;
}
