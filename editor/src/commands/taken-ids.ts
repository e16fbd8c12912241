import { ruleFields, type Sequence } from '@nudge/schema';
import { edgesOf, idSet, isObject, stepsOf } from './read.ts';

/**
 * The ids a new step may not have: those of the steps, and those that still name a step that
 * is gone: the ends of an edge of a broken file, and the `node` of a RULE's event ("opened
 * email-2" after email-2 was deleted). A new step with such an id would silently take on
 * that edge (maybe closing a loop) or become what that rule tests.
 */
export function takenStepIds(sequence: Sequence): Set<string> {
  const ids = idSet(stepsOf(sequence));
  for (const edge of edgesOf(sequence)) {
    if (!isObject(edge)) continue;
    if (typeof edge.source === 'string') ids.add(edge.source);
    if (typeof edge.target === 'string') ids.add(edge.target);
  }
  for (const { rule } of ruleFields(sequence)) for (const id of eventNodes(rule)) ids.add(id);
  return ids;
}

/** The step ids that the event tests of a RULE name, at any depth (walked without recursion). */
function eventNodes(rule: unknown): string[] {
  const found: string[] = [];
  const stack = [rule];
  while (stack.length > 0) {
    const r = stack.pop();
    if (!isObject(r)) continue;
    if (typeof r.event === 'string' && typeof r.node === 'string') found.push(r.node);
    for (const items of [r.all, r.any])
      if (Array.isArray(items)) for (const i of items) stack.push(i);
    if ('not' in r) stack.push(r.not);
  }
  return found;
}
