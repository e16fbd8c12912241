import type { Sequence } from '@nudge/schema';
import { edgesOf, idSet, isObject, stepsOf } from './read.ts';
import { reservedStepIds } from './reserved-ids.ts';
import { ruleStepIds } from './rule-refs.ts';

/**
 * The ids a new step may not have: those of the steps, and those that still name a step that
 * is gone: the ends of an edge of a broken file, the `node` of a RULE's event ("opened
 * email-2" after email-2 was deleted), and the ids reserved for the open document (those of
 * its published versions and those it had earlier in this session, see reserved-ids.ts). A new
 * step with such an id would silently take on that edge (maybe closing a loop), become what
 * that rule tests, or take over the enrollees waiting at the published step of that id.
 */
export function takenStepIds(
  sequence: Sequence,
  reserved: Iterable<string> = reservedStepIds,
): Set<string> {
  const ids = idSet(stepsOf(sequence));
  for (const edge of edgesOf(sequence)) {
    if (!isObject(edge)) continue;
    if (typeof edge.source === 'string') ids.add(edge.source);
    if (typeof edge.target === 'string') ids.add(edge.target);
  }
  for (const id of ruleStepIds(sequence)) ids.add(id);
  for (const id of reserved) ids.add(id);
  return ids;
}
