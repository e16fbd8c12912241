import { FORMAT_V1, type Problem, type Rule, validateSequence } from '@nudge/schema';
import { ApiError } from './errors.ts';

/** Where the segment sits in the stand-in sequence below, and where it is in the request. */
const RULE_AT = '/nodes/1/data/rule';
const SEGMENT_AT = '/segment';

/**
 * Checks a segment RULE with the sequence validator itself (so a segment and a condition
 * accept exactly the same RULEs): the rule is put in a condition node of a two-node sequence,
 * and the problems found there come back with pointers into the request (`/segment/...`).
 *
 * Event tests (`{"event": ...}`) are refused: in a sequence they mean "since this enrollment
 * began", which has no meaning for contacts not yet enrolled. A segment selects on fields.
 */
export function checkSegment(segment: unknown): Rule {
  const events = eventTests(segment);
  if (events.length > 0)
    throw new ApiError(
      422,
      'invalid_segment',
      `a segment tests contact fields only: event tests ("since the enrollment began") can't select contacts not yet enrolled (at ${events.join(', ')})`,
      { problems: events.map((pointer) => ({ code: 'segment_event_test', pointer })) },
    );
  const { errors } = validateSequence({
    format: FORMAT_V1,
    name: 'segment',
    nodes: [
      { id: 'entry', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
      { id: 'segment', type: 'condition', data: { rule: segment } },
    ],
    edges: [{ id: 'e', source: 'entry', target: 'segment' }],
  });
  if (errors.length === 0) return segment as Rule;
  const problems = errors.map(relocate);
  throw new ApiError(
    422,
    'invalid_segment',
    `the segment is not a valid RULE: ${problems[0]?.message} (at ${problems[0]?.pointer})`,
    { problems },
  );
}

function relocate(problem: Problem): Omit<Problem, 'nodeId' | 'edgeId'> {
  const { nodeId: _node, edgeId: _edge, ...rest } = problem;
  const pointer = problem.pointer.startsWith(RULE_AT)
    ? SEGMENT_AT + problem.pointer.slice(RULE_AT.length)
    : SEGMENT_AT;
  return { ...rest, pointer };
}

/** Pointers of the event tests in a RULE-like value (any shape: it is not validated yet). */
function eventTests(rule: unknown, at = SEGMENT_AT, depth = 0): string[] {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule) || depth > 32) return [];
  const r = rule as Record<string, unknown>;
  const found = 'event' in r ? [at] : [];
  for (const key of ['all', 'any'] as const) {
    const items = r[key];
    if (Array.isArray(items))
      for (const [i, item] of items.entries())
        found.push(...eventTests(item, `${at}/${key}/${i}`, depth + 1));
  }
  if ('not' in r) found.push(...eventTests(r.not, `${at}/not`, depth + 1));
  return found;
}
