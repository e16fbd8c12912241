import type { Sequence } from '@nudge/schema';
import onboarding from '@nudge/schema/examples/onboarding.json';
import { describe, expect, it } from 'vitest';
import { createSequenceStore, HISTORY_DEPTH } from './store.ts';

/** A hand-written edit, so these tests need nothing of ../commands: renames a step's subject. */
const setSubject = (id: string, subject: string) => (s: Sequence) => ({
  sequence: {
    ...s,
    nodes: s.nodes.map((n) =>
      n.id === id ? ({ ...n, data: { ...n.data, subject } } as typeof n) : n,
    ),
  },
});

const subjectOf = (store: ReturnType<typeof createSequenceStore>, id: string) =>
  ((store.getState().file?.nodes ?? []) as Array<{ id: string; data: { subject?: string } }>).find(
    (n) => n.id === id,
  )?.data.subject;

function opened() {
  const store = createSequenceStore();
  store.getState().openValue('onboarding.json', structuredClone(onboarding));
  return store;
}

const firstEmail = (onboarding.nodes as Array<{ id: string; type: string }>).find(
  (n) => n.type === 'email',
)?.id as string;

describe('editing the document', () => {
  it('applies an edit, validates again and redraws only the step it touched', () => {
    const store = opened();
    const before = store.getState().nodes;
    const links = store.getState().edges;
    store.getState().edit(setSubject(firstEmail, ''));
    // No link changed: React Flow gets the very same list and indexes nothing again.
    expect(store.getState().edges).toBe(links);
    expect(subjectOf(store, firstEmail)).toBe('');
    const after = store.getState().nodes;
    const changed = after.filter((n, i) => n !== before[i]).map((n) => n.id);
    expect(changed).toEqual([firstEmail]);
    // An email with no subject replies in the thread: the first email has none to reply to.
    expect(store.getState().errors.map((p) => p.code)).toContain('thread_without_email');
  });

  it('undoes and redoes whole edits, and typing in one field is one undo step', () => {
    const store = opened();
    const original = subjectOf(store, firstEmail);
    for (const text of ['H', 'He', 'Hel', 'Hello'])
      store.getState().edit(setSubject(firstEmail, text), { field: `${firstEmail}/subject` });
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.getState().undo();
    expect(subjectOf(store, firstEmail)).toBe(original);
    expect(store.getState().errors).toEqual([]);
    store.getState().redo();
    expect(subjectOf(store, firstEmail)).toBe('Hello');
  });

  it('starts a new undo step when another edit comes between', () => {
    const store = opened();
    store.getState().edit(setSubject(firstEmail, 'A'), { field: 'subject' });
    store.getState().edit(setSubject(firstEmail, 'AB'), { field: 'other' });
    store.getState().edit(setSubject(firstEmail, 'ABC'), { field: 'subject' });
    expect(store.temporal.getState().pastStates).toHaveLength(3);
  });

  it(`keeps ${HISTORY_DEPTH} steps of history`, () => {
    const store = opened();
    const original = subjectOf(store, firstEmail);
    for (let i = 0; i < HISTORY_DEPTH + 20; i++)
      store.getState().edit(setSubject(firstEmail, `v${i}`));
    for (let i = 0; i < HISTORY_DEPTH; i++) store.getState().undo();
    expect(subjectOf(store, firstEmail)).toBe('v19');
    store.getState().undo();
    expect(subjectOf(store, firstEmail)).toBe('v19');
    expect(original).not.toBe('v19');
  });

  it('keeps a refused edit out of the document and says why', () => {
    const store = opened();
    const file = store.getState().file;
    store.getState().edit(() => ({ refused: 'cycle', message: 'would loop', stepId: 'x' }), {
      at: { x: 5, y: 6 },
    });
    expect(store.getState().file).toBe(file);
    expect(store.getState().refusal).toMatchObject({ refused: 'cycle', at: { x: 5, y: 6 } });
    store.getState().edit(setSubject(firstEmail, 'ok'));
    expect(store.getState().refusal).toBeNull();
  });

  it('selects what an edit asks for, and forgets the history when another file opens', () => {
    const store = opened();
    store.getState().edit(setSubject(firstEmail, 'x'), { select: () => [firstEmail] });
    expect(
      store
        .getState()
        .nodes.filter((n) => n.selected)
        .map((n) => n.id),
    ).toEqual([firstEmail]);
    store.getState().openValue('again.json', structuredClone(onboarding));
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    store.getState().undo();
    expect(subjectOf(store, firstEmail)).not.toBe('x');
  });

  it('does not edit a file that is not a sequence', () => {
    const store = createSequenceStore();
    store.getState().openValue('list.json', [1, 2]);
    expect(store.getState().editable).toBe(false);
    expect(store.getState().edit(setSubject('a', 'b'))).toBeUndefined();
  });
});
