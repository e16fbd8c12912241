import { NODE_TYPES, type NodeType, type Sequence } from '@nudge/schema';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { addStep } from './add-step.ts';
import { CLIPBOARD_FORMAT, type Clipboard } from './clipboard.ts';
import { deleteSteps } from './delete.ts';
import { newStepId, stepIdPrefix } from './ids.ts';
import { duplicateSteps, pasteSteps } from './paste.ts';
import { idSet, stepsOf } from './read.ts';
import { isRefusal } from './refusal.ts';
import { ReservedStepIds, reservedStepIds } from './reserved-ids.ts';
import { takenStepIds } from './taken-ids.ts';
import { done, sample, sequenceOf, step } from './testing.ts';

afterEach(() => reservedStepIds.reset());

const stepIds = (sequence: Sequence) => idSet(stepsOf(sequence));

describe('ReservedStepIds', () => {
  it('keeps what it is given, starts afresh on reset, and lists sorted', () => {
    const ids = new ReservedStepIds();
    ids.add(['email-2', 'delay-1']);
    ids.addStepsOf(sample());
    expect(ids.has('email-2')).toBe(true);
    expect(ids.has('welcome')).toBe(true);
    expect(ids.list()).toEqual([
      'call',
      'delay-1',
      'done',
      'email-2',
      'start',
      'thanks',
      'wait',
      'welcome',
    ]);
    ids.reset(['x']);
    expect([...ids]).toEqual(['x']);
  });

  it('reads a broken document without throwing', () => {
    const ids = new ReservedStepIds();
    ids.addStepsOf({ nodes: [null, 'junk', { id: 7 }, { id: 'ok' }] } as never);
    ids.addStepsOf({ nodes: 'nope' } as never);
    expect(ids.list()).toEqual(['ok']);
  });
});

describe('a new step never takes a reserved id', () => {
  const withEmails = () =>
    sequenceOf([step('start', 'entry'), step('email-1', 'email'), step('email-3', 'email')]);

  it('skips the ids of the published versions, though the draft lost those steps', () => {
    reservedStepIds.reset(['email-2', 'email-4']);
    expect(newStepId(withEmails(), 'email')).toBe('email-5');
    expect(done(addStep(withEmails(), 'email', { at: { x: 0, y: 0 } })).stepId).toBe('email-5');
  });

  it('is counted taken by takenStepIds, and an explicit list replaces the shared one', () => {
    reservedStepIds.reset(['email-2']);
    expect(takenStepIds(withEmails()).has('email-2')).toBe(true);
    expect(takenStepIds(withEmails(), []).has('email-2')).toBe(false);
  });

  it('deleting email-2 of a published sequence and adding an email does not give email-2 back', () => {
    const published = sequenceOf([
      step('start', 'entry'),
      step('email-1', 'email'),
      step('email-2', 'email'),
    ]);
    reservedStepIds.reset(stepIds(published));
    const deleted = done(deleteSteps(published, ['email-2'])).sequence;
    expect(stepIds(deleted).has('email-2')).toBe(false);
    expect(done(addStep(deleted, 'email', { after: 'email-1' })).stepId).toBe('email-3');
  });

  it('a paste and a duplicate skip them too', () => {
    const doc = withEmails();
    reservedStepIds.reset(['email-2', 'email-4', 'email-5']);
    expect(done(duplicateSteps(doc, ['email-1'])).stepIds).toEqual(['email-6']);
    const clipboard: Clipboard = {
      format: CLIPBOARD_FORMAT,
      nodes: [step('email-1', 'email'), step('email-3', 'email')],
      edges: [],
    };
    expect(done(pasteSteps(doc, clipboard)).stepIds).toEqual(['email-6', 'email-7']);
  });
});

/*
 * Property: whatever the edits (deleting steps, adding, duplicating, going back in the history
 * as undo does), no new step ever has an id of a published version, nor one the document had
 * earlier. The ledger is kept here as document/life.ts keeps it: every document's step ids
 * are added to it as the document changes.
 */
describe('property: deleting and re-adding never gives back a published or earlier id', () => {
  const TYPES = NODE_TYPES.filter((t) => t !== 'entry');
  /** Ids the allocator would pick if nothing stopped it: email-1..6, delay-1..6... */
  const likelyIds = TYPES.flatMap((t) => [1, 2, 3, 4, 5, 6].map((n) => `${stepIdPrefix(t)}-${n}`));
  type Op =
    | { kind: 'delete'; pick: number }
    | { kind: 'add'; type: NodeType; after: number | null }
    | { kind: 'duplicate'; pick: number }
    | { kind: 'undo'; back: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    fc.record({
      kind: fc.constant('add' as const),
      type: fc.constantFrom(...TYPES),
      after: fc.option(fc.nat(), { nil: null }),
    }),
    fc.record({ kind: fc.constant('duplicate' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('undo' as const), back: fc.nat() }),
  );

  it('holds for random runs', () => {
    fc.assert(
      fc.property(
        fc.subarray(likelyIds),
        fc.array(op, { minLength: 1, maxLength: 30 }),
        (extraPublished, ops) => {
          const first = sample();
          // The published versions: the draft's steps, and more the draft has since lost.
          const published = new Set([...stepIds(first), ...extraPublished]);
          reservedStepIds.reset(published);
          const history: Sequence[] = [first];
          const everHad = new Set(stepIds(first));
          let doc = first;
          const pick = (n: number) => {
            const ids = [...stepIds(doc)].filter((id) => id !== 'start');
            return ids.length === 0 ? undefined : ids[n % ids.length];
          };
          for (const o of ops) {
            let next: Sequence | undefined;
            if (o.kind === 'undo') {
              next = history[Math.max(0, history.length - 1 - (o.back % 4))];
            } else if (o.kind === 'delete') {
              const id = pick(o.pick);
              const outcome = id === undefined ? undefined : deleteSteps(doc, [id]);
              next = outcome && !isRefusal(outcome) ? outcome.sequence : undefined;
            } else if (o.kind === 'add') {
              const after = o.after === null ? undefined : (pick(o.after) ?? 'start');
              const outcome = addStep(
                doc,
                o.type,
                after === undefined ? { at: { x: 0, y: 0 } } : { after },
              );
              next = isRefusal(outcome) ? undefined : outcome.sequence;
            } else {
              const id = pick(o.pick);
              const outcome = id === undefined ? undefined : duplicateSteps(doc, [id]);
              next = outcome && !isRefusal(outcome) ? outcome.sequence : undefined;
            }
            if (!next) continue;
            const before = stepIds(doc);
            for (const id of stepIds(next)) {
              if (before.has(id) || o.kind === 'undo') continue;
              expect(published.has(id), `${id} was published`).toBe(false);
              expect(everHad.has(id), `${id} was a step earlier`).toBe(false);
            }
            for (const id of stepIds(next)) everHad.add(id);
            reservedStepIds.addStepsOf(next);
            history.push(next);
            doc = next;
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
