import { type Sequence, type SequenceNode, sourceHandles } from '@nudge/schema';
import { STEP_KEYS, withKey } from './keys.ts';
import { edgesOf, findStep, leaves, stepsOf, withLists } from './read.ts';
import { type Outcome, refuse } from './refusal.ts';

/**
 * Replaces a step's data (as a form writes it; the validator judges it). When the step's
 * handles change with it (a split's branches removed or renamed), the edges of the handles
 * that no longer exist are removed; edges of handles that remain keep their targets.
 */
export function updateStepData(sequence: Sequence, stepId: string, data: unknown): Outcome {
  const step = findStep(sequence, stepId);
  if (!step) return refuse('unknown_step', `there is no step "${stepId}"`, { stepId });
  if (step.data === data) return { sequence };
  const updated = withKey(step, 'data', data, STEP_KEYS) as SequenceNode;
  const before = sourceHandles(step);
  const after = new Set(sourceHandles(updated));
  const lost = before.filter((h) => !after.has(h));
  const edges = edgesOf(sequence);
  const kept =
    lost.length === 0 ? edges : edges.filter((e) => !lost.some((h) => leaves(e, stepId, h)));
  const steps = stepsOf(sequence).map((s) => (s === step ? updated : s));
  return { sequence: withLists(sequence, steps, kept.length === edges.length ? edges : kept) };
}
