import { liquidMessage } from '@nudge/schema';
import { BoundedCache } from './cache.ts';
import { type MergeContext, scopeOf } from './context.ts';
import { BoundedEmitter } from './emitter.ts';
import { engineFor, RENDER_LIMITS, RENDER_OPTIONS } from './engine.ts';
import { RenderError } from './errors.ts';
import { noteField } from './guard.ts';
import { RenderContext } from './missing.ts';
import { type PreparedTemplate, prepare } from './prepare.ts';
import { runTemplates } from './run.ts';
import { guarded } from './run-job.ts';

export interface TemplateOptions {
  /** HTML-escape every `{{ }}` output (HTML email bodies). */
  html?: boolean;
}

export interface RenderedTemplate {
  text: string;
  /** Variables that rendered empty, named as written (`고객명`, `contact.attributes.plan`). */
  missing: string[];
}

/**
 * Parsed templates by text, per output mode (the HTML engine parses `{{ }}` with an escape
 * filter). A sequence has a few dozen templates, rendered for every enrollee. A parsed
 * template takes about 70 bytes of heap per character, so the bound (1M characters in all,
 * about 70 MB at worst) is on characters: templates of up to 64 KiB come from anyone, and
 * the editor renders a new text at every keystroke.
 */
const parsed = {
  text: new BoundedCache<PreparedTemplate>(500_000),
  html: new BoundedCache<PreparedTemplate>(500_000),
};

function prepared(template: string, html: boolean): PreparedTemplate {
  const cache = html ? parsed.html : parsed.text;
  let kept = cache.get(template);
  if (!kept) {
    kept = prepare(engineFor(html), template);
    cache.set(template, kept);
  }
  return kept;
}

function render(template: PreparedTemplate, context: MergeContext, html: boolean) {
  const engine = engineFor(html);
  const scope = scopeOf(context, template.roots);
  const ctx = new RenderContext(scope, engine.options, RENDER_OPTIONS, { liquid: engine });
  const emitter = new BoundedEmitter(ctx.memoryLimit);
  runTemplates(template.templates, ctx, emitter);
  return { text: emitter.buffer, missing: [...ctx.missing] };
}

/** Renders one template of a step; `field` names it in errors (`body`, `buttons.0.url`). */
function renderAs(
  field: string,
  template: string,
  context: MergeContext,
  html: boolean,
  parse: (template: string, html: boolean) => PreparedTemplate,
): RenderedTemplate {
  noteField(field);
  let ready: PreparedTemplate;
  try {
    ready = parse(template, html);
  } catch (cause) {
    throw new RenderError(field, `not a valid template: ${liquidMessage(cause)}`, { cause });
  }
  try {
    return render(ready, context, html);
  } catch (cause) {
    throw new RenderError(field, renderMessage(cause), { cause });
  }
}

/** liquidjs's words for its limits, in the user's. */
function renderMessage(cause: unknown): string {
  return liquidMessage(cause)
    .replace(
      /^template render limit exceeded/,
      `it takes longer than ${RENDER_LIMITS.timeMs} ms to render (a loop too long?)`,
    )
    .replace(
      /^(memory alloc limit exceeded|Invalid string length)/,
      'it builds too much text (a loop or a range too large?)',
    );
}

/** What a render stopped at the host's hard limit (guard.ts) fails with. */
export function stoppedMessage(limitMs: number): string {
  return `it was stopped after ${limitMs} ms of rendering (a filter or a loop over too much data?)`;
}

/** Renders a Liquid template against a merge context; throws RenderError (field `template`). */
export function renderTemplate(
  template: string,
  context: MergeContext,
  options: TemplateOptions = {},
): RenderedTemplate {
  return guarded({ kind: 'template', template, context, html: options.html === true });
}

/** renderTemplate, unguarded (run-job.ts). */
export function renderTemplateHere(
  template: string,
  context: MergeContext,
  html: boolean,
): RenderedTemplate {
  return renderAs('template', template, context, html, prepared);
}

/** Rendering without the parse cache, for the benchmark's baseline. */
export function renderTemplateUncached(
  template: string,
  context: MergeContext,
  options: TemplateOptions = {},
): RenderedTemplate {
  const html = options.html === true;
  return renderAs('template', template, context, html, (text) => prepare(engineFor(html), text));
}

/**
 * A field of a step: its text and a warning per variable that rendered empty. Unguarded: the
 * step's renderer (email.ts...) runs under the guard as a whole.
 */
export function renderField(
  field: string,
  template: string,
  context: MergeContext,
  options: TemplateOptions = {},
): { text: string; warnings: string[] } {
  const { text, missing } = renderAs(field, template, context, options.html === true, prepared);
  return {
    text,
    warnings: missing.map((name) => `${field}: {{ ${name} }} has no value, so it rendered empty`),
  };
}

/** A rendered step: its content and what went wrong without stopping it. */
export interface Rendered<T> {
  value: T;
  /** One per variable that rendered empty, per field: `subject: {{ 고객명 }} has no value...`. */
  warnings: string[];
}
