import { analyzeSync, type Liquid, type Template } from 'liquidjs';
import { readsComputedNames } from './computed.ts';
import { locationKey } from './missing.ts';
import { prepareOutputs } from './outputs.ts';

/** A parsed template, ready to render many times. */
export interface PreparedTemplate {
  readonly templates: Template[];
  /**
   * The root names it reads (`contact`, `고객명`...): the aliases to resolve. Null when they
   * can't be known (a failed analysis, names computed at render time): resolve them all.
   */
  readonly roots: readonly string[] | null;
}

/** Parses a template and analyses its variables once; throws liquidjs's error when it doesn't parse. */
export function prepare(engine: Liquid, text: string): PreparedTemplate {
  const templates = engine.parse(text);
  let globals: ReturnType<typeof analyzeSync>['globals'];
  try {
    globals = analyzeSync(templates).globals;
  } catch {
    return { templates, roots: null }; // experimental analysis: render without warnings
  }
  const locations = new Set<string>();
  for (const uses of Object.values(globals))
    for (const use of uses) locations.add(locationKey(use));
  prepareOutputs(templates, locations);
  return { templates, roots: readsComputedNames(templates) ? null : Object.keys(globals) };
}
