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
