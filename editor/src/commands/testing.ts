import {
  FORMAT_V1,
  type Position,
  type Sequence,
  type SequenceEdge,
  type SequenceNode,
  validateSequence,
} from '@nudge/schema';
import { defaultData } from './default-data.ts';
import { type Done, isRefusal, type Outcome, type Refusal } from './refusal.ts';

/* Test support for the commands' tests (imported by *.test.ts only). */

/** Freezes a value and everything in it, so that a command changing its input throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value))
      deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

const step = (id: string, type: SequenceNode['type'], position?: Position): SequenceNode =>
  ({ id, type, ...(position ? { position } : {}), data: defaultData(type) }) as SequenceNode;

/**
 * A small valid sequence, frozen:
 * start -> welcome (email) -> wait (wait_for): met -> thanks (email) -> done (exit),
 * timeout -> call (task).
 */
export function sample(): Sequence {
  const welcome = step('welcome', 'email', { x: 0, y: 160 });
  const thanks = step('thanks', 'email', { x: -150, y: 480 });
  return deepFreeze({
    format: FORMAT_V1,
    id: 'sample',
    name: 'Sample',
    nodes: [
      step('start', 'entry', { x: 0, y: 0 }),
      {
        ...welcome,
        data: { subject: 'Hello', body: 'Hi {{고객명}}', format: 'text', mode: 'auto' },
      },
      step('wait', 'wait_for', { x: 0, y: 320 }),
      { ...thanks, data: { subject: '', body: 'Thanks', format: 'text', mode: 'auto' } },
      { ...step('call', 'task', { x: 150, y: 480 }), data: { kind: 'call', title: 'Call' } },
      step('done', 'exit', { x: -150, y: 640 }),
    ] as SequenceNode[],
    edges: [
      { id: 'e1', source: 'start', target: 'welcome' },
      { id: 'e2', source: 'welcome', target: 'wait' },
      { id: 'e3', source: 'wait', sourceHandle: 'met', target: 'thanks' },
      { id: 'e4', source: 'wait', sourceHandle: 'timeout', target: 'call' },
      { id: 'e5', source: 'thanks', target: 'done' },
    ],
  });
}

/** A sequence of these steps and edges (frozen). */
export function sequenceOf(nodes: SequenceNode[], edges: SequenceEdge[] = []): Sequence {
  return deepFreeze({ format: FORMAT_V1, name: 'Test', nodes, edges });
}

export { step };

/** The outcome when done; fails the test with the refusal's message otherwise. */
export function done<T>(outcome: Outcome<T>): Done<T> {
  if (isRefusal(outcome)) throw new Error(`refused ${outcome.refused}: ${outcome.message}`);
  return outcome;
}

/** The refusal; fails the test if the command was done. */
export function refusal<T>(outcome: Outcome<T>): Refusal {
  if (!isRefusal(outcome)) throw new Error('expected a refusal, the command was done');
  return outcome;
}

/** The validator's error and warning codes for a document. */
export function problemCodes(sequence: unknown): string[] {
  const { errors, warnings } = validateSequence(sequence);
  return [...errors, ...warnings].map((p) => p.code);
}

/** Edges as "source[.handle]>target" strings, to compare graphs at a glance. */
export function links(sequence: Sequence): string[] {
  return sequence.edges.map(
    (e) => `${e.source}${e.sourceHandle ? `.${e.sourceHandle}` : ''}>${e.target}`,
  );
}
