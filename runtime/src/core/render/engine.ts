import { createLiquid } from '@nudge/schema';
import { CaptureTag, type Context, type Liquid, type RenderOptions } from 'liquidjs';
import { BoundedEmitter } from './emitter.ts';

/**
 * Budgets of one render, tighter than createLiquid's defaults (1 s, 16M): the worker renders
 * inside a step's transaction and the editor at every keystroke, while a real template takes
 * well under a millisecond and a few thousand units. Memory is liquidjs's unit: characters of
 * strings built or written, elements of ranges (a range of n numbers holds ~25n bytes while
 * it lives). The time limit is liquidjs's, read from its clock in loops: only a template
 * already past every sane budget can fail on it, which is the one way a render depends on
 * the machine.
 */
export const RENDER_LIMITS = {
  timeMs: 200,
  memory: 2_000_000,
} as const;

export const RENDER_OPTIONS: RenderOptions = {
  sync: true,
  renderLimit: RENDER_LIMITS.timeMs,
  memoryLimit: RENDER_LIMITS.memory,
};

/** `{% capture %}` with its output charged like the rest: the stock tag buffers it unbounded. */
class BoundedCaptureTag extends CaptureTag {
  override *render(ctx: Context): Generator<unknown, void, string> {
    const emitter = new BoundedEmitter(ctx.memoryLimit);
    const html = yield this.liquid.renderer.renderTemplates(this.templates, ctx, emitter);
    ctx.bottom()[this.variable] = html;
  }
}

const engines: { text?: Liquid; html?: Liquid } = {};

/**
 * The validator's engine (same parser, filters, limits and refused tags), one per output
 * mode: HTML bodies escape every `{{ }}`, subjects and text bodies don't.
 */
export function engineFor(html: boolean): Liquid {
  const kind = html ? 'html' : 'text';
  let engine = engines[kind];
  if (!engine) {
    engine = createLiquid({ escapeHtml: html });
    engine.registerTag('capture', BoundedCaptureTag);
    engines[kind] = engine;
  }
  return engine;
}
