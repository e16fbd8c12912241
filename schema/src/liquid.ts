import { Liquid, Tag, type TagToken, type TopLevelToken } from 'liquidjs';
import { LIMITS } from './format.ts';

/** Tags that read other files: templates are self-contained and come from users. */
const FILE_TAGS = ['include', 'render', 'layout', 'block'] as const;

class UnavailableTag extends Tag {
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    throw new Error(`the "${token.name}" tag is not available in Nudge templates`);
  }

  // Never reached: the constructor refuses the tag while the template is parsed.
  render(): void {}
}

/**
 * The Liquid engine for user templates, with liquidjs's limits on: parsing, rendering time
 * and memory are bounded, filters must exist, and tags that read files are refused. Used by
 * the validator here and by the renderer of the runtime, so both accept the same templates.
 *
 * `escapeHtml` HTML-escapes every `{{ }}` output (for HTML email bodies), unless its last
 * filter is `raw`: contact data can't inject markup unless the author says so. Escaping
 * changes rendering only: both engines accept exactly the same templates.
 */
export function createLiquid(options: { escapeHtml?: boolean } = {}): Liquid {
  const liquid = new Liquid({
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    parseLimit: LIMITS.templateBytes,
    renderLimit: 1000,
    memoryLimit: 16 * 1024 * 1024,
    relativeReference: false,
    dynamicPartials: false,
    cache: false,
    ...(options.escapeHtml ? { outputEscape: 'escape' as const } : {}),
  });
  for (const name of FILE_TAGS) liquid.registerTag(name, UnavailableTag);
  return liquid;
}

/** liquidjs appends ", line:1, col:5" to its messages; say it the way the rest of Nudge does. */
export function liquidMessage(err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  // liquidjs parses and renders nested tags recursively: thousands of nested {% if %} overflow the stack.
  const message = raw.startsWith('Maximum call stack size exceeded')
    ? raw.replace(/^Maximum call stack size exceeded/, 'the tags nest too deeply')
    : raw;
  const m = /^(.*), line:(\d+), col:(\d+)$/s.exec(message);
  return m ? `${m[1]} (line ${m[2]}, column ${m[3]})` : message;
}
