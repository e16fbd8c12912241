import {
  type Context,
  type Emitter,
  LiquidError,
  RenderError as LiquidRenderError,
  type Template,
  toValueSync,
} from 'liquidjs';

/**
 * liquidjs's renderTemplates for the top level of a template, minus a generator suspension
 * and a clock read per node: top-level nodes each do bounded work, and the loops, where time
 * goes, still check the time limit in liquidjs. Errors get their line and column the same way.
 */
export function runTemplates(templates: readonly Template[], ctx: Context, emitter: Emitter): void {
  for (const node of templates) {
    try {
      const html = toValueSync(node.render(ctx, emitter));
      if (html) emitter.write(html);
    } catch (e) {
      throw LiquidError.is(e) ? e : new LiquidRenderError(e as Error, node);
    }
    // A {% break %} outside any loop ends the template, as in liquidjs.
    if (ctx.breakCalled || ctx.continueCalled) break;
  }
}
