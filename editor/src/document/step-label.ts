import { NODE_TYPES, type NodeType } from '@nudge/schema';
import type { TFunction } from 'i18next';
import type { FileStep } from '../sequence/file.ts';
import { summarizeStep } from '../steps/summary.ts';

/**
 * A step in a line, as the publish dialog names it: its type, its id and the first line of
 * what it does ("Email · welcome — Welcome to Hanbit"), so a marketer knows which step it is
 * without the canvas.
 */
export function stepLabel(
  ref: { id: string; type: string },
  step: FileStep | undefined,
  t: TFunction,
): string {
  const known = (NODE_TYPES as readonly string[]).includes(ref.type);
  const type = t(`step.types.${known ? (ref.type as NodeType) : 'unknown'}`);
  const summary = step ? summarizeStep(step, t)[0] : undefined;
  return summary ? `${type} · ${ref.id} — ${summary}` : `${type} · ${ref.id}`;
}
