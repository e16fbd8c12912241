import { sequenceStore } from '@nudge/editor';
import { expect, waitFor } from 'storybook/test';

/**
 * Helpers for stories of the builder on the whole editor page: open a sequence, find its
 * steps and links as React Flow draws them, and read what the document now holds.
 */

const entry = {
  id: 'start',
  type: 'entry',
  position: { x: 0, y: 0 },
  data: { triggers: [{ kind: 'manual' }] },
};

/** A new sequence: its entry and nothing else. */
export const NEW_SEQUENCE = {
  format: 'nudge.sequence/v1',
  id: 'welcome-series',
  name: 'Welcome series',
  nodes: [entry],
  edges: [],
};

/** start → welcome (email) → wait (delay) → bye (exit). */
export const CHAIN = {
  format: 'nudge.sequence/v1',
  id: 'follow-up',
  name: 'Follow-up',
  nodes: [
    entry,
    {
      id: 'welcome',
      type: 'email',
      position: { x: 0, y: 160 },
      data: { subject: 'Hello', body: 'Hi {{고객명}}', format: 'text', mode: 'auto' },
    },
    { id: 'wait', type: 'delay', position: { x: 0, y: 320 }, data: { amount: 2, unit: 'days' } },
    { id: 'bye', type: 'exit', position: { x: 0, y: 480 }, data: { outcome: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'welcome' },
    { id: 'e2', source: 'welcome', target: 'wait' },
    { id: 'e3', source: 'wait', target: 'bye' },
  ],
};

/** Opens a copy of a sequence on the page and waits for its steps to be drawn. */
export async function openSequence(
  root: HTMLElement,
  sequence: { nodes: unknown[]; edges?: unknown[] },
) {
  sequenceStore.getState().openValue('story.json', structuredClone(sequence));
  await waitFor(() =>
    expect(root.querySelectorAll('.react-flow__node')).toHaveLength(sequence.nodes.length),
  );
}

/** A step as React Flow draws it (its wrapper takes focus and the `selected` class). */
export function stepElement(root: HTMLElement, id: string): HTMLElement {
  const element = root.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`);
  if (!element) throw new Error(`step ${id} is not on the canvas`);
  return element;
}

/** The document's links as "source>target". */
export function links(): string[] {
  const file = sequenceStore.getState().file as {
    edges?: Array<{ source: string; target: string }>;
  };
  return (file.edges ?? []).map((e) => `${e.source}>${e.target}`);
}

/** The document's step ids, in order. */
export function stepIds(): string[] {
  const file = sequenceStore.getState().file as { nodes?: Array<{ id: string }> };
  return (file.nodes ?? []).map((n) => n.id);
}

/** The ids of the selected steps. */
export function selectedSteps(): string[] {
  return sequenceStore
    .getState()
    .nodes.filter((n) => n.selected)
    .map((n) => n.id);
}

/** Starts every story with nothing open and English page text. */
export function resetPage() {
  sequenceStore.setState(sequenceStore.getInitialState(), true);
  sequenceStore.temporal.getState().clear();
}
