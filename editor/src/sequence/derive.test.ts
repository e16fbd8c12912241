import { validateSequence } from '@nudge/schema';
import { validSequence } from '@nudge/schema/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toFlow } from '../canvas/to-flow.ts';
import { type Drawn, redraw } from './derive.ts';
import type { SequenceFile } from './file.ts';

/** A step's data with one property set: what typing in a field of its form does. */
function withData(file: SequenceFile, index: number, key: string, value: unknown): SequenceFile {
  const nodes = [...(file.nodes as Array<Record<string, unknown>>)];
  const node = nodes[index] as Record<string, unknown>;
  nodes[index] = { ...node, data: { ...(node.data as object), [key]: value } };
  return { ...file, nodes };
}

const problemsOf = (file: SequenceFile) => {
  const { errors, warnings } = validateSequence(file);
  return [...errors, ...warnings];
};

const dataEdit = fc.record({
  step: fc.nat(),
  key: fc.constantFrom('subject', 'body', 'text', 'amount', 'rule', 'branches', 'outcome'),
  value: fc.oneof(
    fc.constantFrom('', 'Hello {{ 고객명 }}', '{% if %}', 3, null, [{ id: 'a', weight: 100 }]),
    fc.jsonValue({ maxDepth: 2 }),
  ),
});

describe('redraw', () => {
  it('draws an edit of steps’ data as deriving the whole canvas again does', () => {
    let quick = 0;
    fc.assert(
      fc.property(
        validSequence,
        fc.array(dataEdit, { minLength: 1, maxLength: 12 }),
        (start, edits) => {
          let file = start as unknown as SequenceFile;
          let drawn: Drawn = toFlow(file, problemsOf(file));
          for (const edit of edits) {
            const index = edit.step % (file.nodes as unknown[]).length;
            const next = withData(file, index, edit.key, edit.value);
            const problems = problemsOf(next);
            const fast = redraw(next, problems, drawn, file);
            expect(fast).toEqual(redraw(next, problems, drawn));
            if (fast.targets === drawn.targets) quick++;
            file = next;
            drawn = fast;
          }
        },
      ),
      { numRuns: 200 },
    );
    // Most of these edits keep the steps' handles: the quick way was taken.
    expect(quick).toBeGreaterThan(200);
    // A property over whole canvases: seconds on a loaded machine, not a timing test.
  }, 30_000);

  it('keeps every card the edit did not touch, and redraws the edited one', () => {
    const file = {
      format: 'nudge.sequence/v1',
      name: 'Two emails',
      nodes: [
        { id: 'start', type: 'entry', position: { x: 0, y: 0 }, data: { triggers: [] } },
        {
          id: 'hello',
          type: 'email',
          position: { x: 0, y: 200 },
          data: { subject: 'Hello', body: 'Hi', format: 'text', mode: 'auto' },
        },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'hello' }],
    } as SequenceFile;
    const drawn = toFlow(file, problemsOf(file));
    const next = withData(file, 1, 'subject', 'Hello {% if %}');
    const after = redraw(next, problemsOf(next), drawn, file);
    expect(after.nodes[0]).toBe(drawn.nodes[0]);
    expect(after.edges).toBe(drawn.edges);
    expect(after.nodes[1]?.data.step.data).toBe((next.nodes as Array<{ data: unknown }>)[1]?.data);
    expect(after.nodes[1]?.data.problems.errors.map((p) => p.code)).toEqual(['liquid_syntax']);
  });
});
