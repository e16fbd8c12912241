import type { Sequence } from '@nudge/schema';
import { edgesOf, idSet, isObject, stepsOf } from './read.ts';
import { ruleStepIds } from './rule-refs.ts';

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
  for (const id of ruleStepIds(sequence)) ids.add(id);
  return ids;
}
