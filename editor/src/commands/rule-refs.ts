import { ruleFields } from '@nudge/schema';
import { isObject } from './read.ts';

/**
 * The event tests of a RULE ("opened", optionally at step `node`), at any depth, walked
 * without recursion (a RULE of a broken file may nest deep).
 */
export function eventTests(rule: unknown): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const stack = [rule];
  while (stack.length > 0) {
    const r = stack.pop();
    if (!isObject(r)) continue;
    if (typeof r.event === 'string') found.push(r);
    for (const items of [r.all, r.any])
      if (Array.isArray(items)) for (const i of items) stack.push(i);
    if ('not' in r) stack.push(r.not);
  }
  return found;
}

/** The step ids that the RULEs of a document name in their event tests. */
export function ruleStepIds(document: unknown): string[] {
  return ruleFields(document).flatMap(({ rule }) =>
    eventTests(rule).flatMap((test) => (typeof test.node === 'string' ? [test.node] : [])),
  );
}

/**
 * Points the event tests of a pasted step's (freshly copied) data at the pasted copies of the
 * steps they name, so that a pasted "wait for opened" waits for the pasted email. Steps not
 * pasted along keep being named as they were.
 */
export function renameRuleSteps(
  step: { type: unknown; data: unknown },
  renamed: (id: string) => string | undefined,
): void {
  for (const { rule } of ruleFields({ nodes: [step] }))
    for (const test of eventTests(rule)) {
      const to = typeof test.node === 'string' ? renamed(test.node) : undefined;
      if (to !== undefined) test.node = to;
    }
}
