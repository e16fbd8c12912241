import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validSequence } from './testing/sequences.ts';
import { validateSequence } from './validate.ts';
import { editValidator } from './validate-edits.ts';

type Json = unknown;
type Path = Array<string | number>;

/** Every path inside a value (the value's own too). */
function paths(value: Json, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) for (const [i, v] of value.entries()) paths(v, [...at, i], out);
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

/** `value` with `path` set (or deleted, when `to` is DELETE), copying only what leads there. */
const DELETE = Symbol('delete');
function setIn(value: Json, path: Path, to: Json | typeof DELETE): Json {
  if (path.length === 0) return to === DELETE ? null : to;
  const [key, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && to === DELETE) copy.splice(Number(key), 1);
    else copy[Number(key)] = setIn(copy[Number(key)], rest, to);
    return copy;
  }
  const copy = { ...(value as Record<string, Json>) };
  if (rest.length === 0 && to === DELETE) delete copy[key];
  else copy[key] = setIn(copy[key], rest, to);
  return copy;
}

/** Values an author types, good and bad: templates, empty and lone-surrogate text, junk. */
const typed = fc.oneof(
  fc.constantFrom(
    '',
    '  ',
    '{{ 고객명 }}님, 안녕하세요',
    '{{ contact.first_name | default: "there" }}',
    '{{ unknown_thing }}',
    '{% if %}',
    '{% for i in (1..100000000) %}{{ i }}{% endfor %}',
    'bad \uD800 text',
    'contact.email',
    'not an email',
    'x'.repeat(2100),
    'Asia/Seoul',
    // RULEs naming steps (the graph checks read them).
    { event: 'opened', node: 'nowhere' },
    { event: 'opened', node: 'start' },
    {
      any: [
        { event: 'replied', node: 'start' },
        { field: 'contact.company', op: 'exists' },
      ],
    },
    -1,
    0,
    3,
    true,
    null,
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

/** An edit to one step: a value inside its data or position set, deleted or added. */
const stepEdit = fc.record({
  step: fc.nat(),
  at: fc.nat(),
  how: fc.constantFrom('set', 'delete', 'add'),
  value: typed,
  name: fc.constantFrom('subject', 'body', 'extra', 'rule', 'amount', 'x'),
});

type StepEdit = typeof stepEdit extends fc.Arbitrary<infer T> ? T : never;

function applyStepEdit(file: Json, edit: StepEdit): Json {
  const nodes = (file as { nodes: Json[] }).nodes;
  const index = edit.step % nodes.length;
  const node = nodes[index] as Record<string, Json>;
  const inside = paths(node)
    .filter((p) => p[0] === 'data' || p[0] === 'position')
    .filter((p) => p.length > 1);
  if (edit.how === 'add' || inside.length === 0) {
    const objects = paths(node).filter((p) => {
      let v: Json = node;
      for (const k of p) v = (v as Record<string | number, Json>)[k];
      return (p[0] === 'data' || p.length === 0) && typeof v === 'object' && v !== null;
    });
    const target = objects[edit.at % objects.length] ?? ['data'];
    return setIn(file, ['nodes', index, ...target, edit.name], edit.value);
  }
  const path = inside[edit.at % inside.length] as Path;
  return setIn(file, ['nodes', index, ...path], edit.how === 'delete' ? DELETE : edit.value);
}

/** Anything else: a step added or removed, a link dropped, the name or settings changed. */
const otherEdit = fc.record({
  kind: fc.constantFrom('drop-step', 'copy-step', 'drop-edge', 'name', 'settings', 'retype'),
  at: fc.nat(),
});

function applyOtherEdit(file: Json, edit: { kind: string; at: number }): Json {
  const f = file as { nodes: Json[]; edges: Json[]; settings?: Json };
  const pick = <T>(list: T[]) => edit.at % Math.max(1, list.length);
  switch (edit.kind) {
    case 'drop-step':
      return setIn(file, ['nodes', pick(f.nodes)], DELETE);
    case 'copy-step':
      return setIn(file, ['nodes'], [...f.nodes, f.nodes[pick(f.nodes)]]);
    case 'drop-edge':
      return f.edges.length ? setIn(file, ['edges', pick(f.edges)], DELETE) : file;
    case 'name':
      return setIn(file, ['name'], edit.at % 3 === 0 ? '' : `Name ${edit.at}`);
    case 'settings':
      return setIn(file, ['settings'], { variables: { 고객명: 'contact.first_name' } });
    default:
      return setIn(file, ['nodes', pick(f.nodes), 'type'], 'email');
  }
}

describe('editValidator', () => {
  it('answers exactly as validateSequence after every edit of a random sequence of edits', () => {
    fc.assert(
      fc.property(
        validSequence,
        fc.array(
          fc.oneof({ weight: 6, arbitrary: stepEdit }, { weight: 1, arbitrary: otherEdit }),
          {
            minLength: 1,
            maxLength: 25,
          },
        ),
        (start, edits) => {
          const validate = editValidator();
          let file: Json = start;
          expect(validate(file)).toEqual(validateSequence(file));
          for (const edit of edits) {
            file = 'kind' in edit ? applyOtherEdit(file, edit) : applyStepEdit(file, edit);
            expect(validate(file)).toEqual(validateSequence(file));
          }
        },
      ),
      { numRuns: 200 },
    );
    // Thousands of validations: several seconds on a loaded machine.
  }, 30_000);

  it('gives the whole-file answer for a subject typed in a 1,000-step file', () => {
    const nodes: Json[] = [
      { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    ];
    const edges: Json[] = [];
    for (let i = 1; i <= 1000; i++) {
      nodes.push({
        id: `email-${i}`,
        type: 'email',
        data: { subject: `Hello {{ 고객명 }} ${i}`, body: 'Hi', format: 'text', mode: 'auto' },
      });
      edges.push({
        id: `e${i}`,
        source: i === 1 ? 'start' : `email-${i - 1}`,
        target: `email-${i}`,
      });
    }
    const file = { format: 'nudge.sequence/v1', name: 'Long', nodes, edges };
    const validate = editValidator();
    validate(file);
    const typedFile = setIn(file, ['nodes', 500, 'data', 'subject'], 'Hello {% if %}');
    const answer = validate(typedFile);
    expect(answer).toEqual(validateSequence(typedFile));
    expect(answer.errors.map((p) => [p.code, p.nodeId])).toEqual([['liquid_syntax', 'email-500']]);
    // Typed back: valid again.
    expect(validate(file)).toEqual(validateSequence(file));
    expect(validate(file).ok).toBe(true);
  });
});
