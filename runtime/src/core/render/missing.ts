import { analyzeSync, Context, type Template, Variable } from 'liquidjs';

/**
 * Missing merge variables, found while rendering: a variable counts as missing when an
 * output (`{{ }}` or `echo`) that reads it is actually rendered and its value is undefined,
 * null or ''. So `{% if contact.company %} at {{ contact.company }}{% endif %}` reports
 * nothing, and neither does an output with a `default` filter: the author handled it.
 */

/** A variable read by an output: its name as the author wrote it, and its path. */
export interface Use {
  name: string;
  segments: Variable['segments'];
}

export const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || value === '';

/** The context of one render, noting the variables that rendered empty. */
export class RenderContext extends Context {
  readonly missing = new Set<string>();

  note(uses: readonly Use[]): void {
    for (const use of uses) {
      if (this.missing.has(use.name)) continue;
      let value: unknown;
      try {
        value = this.read(use.segments);
      } catch {
        continue; // the output itself fails or copes: a warning never fails a render
      }
      if (isEmpty(value)) this.missing.add(use.name);
    }
  }

  private read(segments: Variable['segments']): unknown {
    const path = segments.map((s) => (s instanceof Variable ? this.read(s.segments) : s));
    return this.getSync(path as Parameters<Context['getSync']>[0]);
  }
}

/** "row:col" of a variable: tells a use apart from the other uses of the same name. */
export const locationKey = (v: Variable): string => `${v.location.row}:${v.location.col}`;

/**
 * The variables an output reads that are template-wide (not loop variables or assigns):
 * `globals` holds the location of every global use in the whole template.
 */
export function usesOf(node: Template, globals: ReadonlySet<string>): Use[] {
  const uses = new Map<string, Use>();
  try {
    for (const variables of Object.values(analyzeSync([node]).variables))
      for (const v of variables)
        if (globals.has(locationKey(v)))
          uses.set(v.toString(), { name: v.toString(), segments: v.segments });
  } catch {
    return []; // liquidjs calls its analysis experimental: lose a warning, never a render
  }
  return [...uses.values()];
}
