import type { TFunction } from 'i18next';
import { type FileStep, handlesOf, isObject } from '../sequence/file.ts';

/** An outgoing handle of a step and what it says: "Yes", "Timeout", "a · 50%"; '' for a plain step. */
export interface HandleLabel {
  id: string | null;
  label: string;
  /** A handle links use but the step's type doesn't have. */
  stray?: true;
}

export function handleLabels(
  step: Pick<FileStep, 'type' | 'data'>,
  t: TFunction,
  stray: Array<string | null> = [],
): HandleLabel[] {
  return [
    ...handlesOf(step).map((id) => ({ id, label: labelOf(step, id, t) })),
    ...stray.map((id) => ({ id, label: id ?? t('step.handles.none'), stray: true as const })),
  ];
}

function labelOf(step: Pick<FileStep, 'type' | 'data'>, id: string | null, t: TFunction): string {
  if (id === null) return '';
  if (step.type === 'condition' && (id === 'yes' || id === 'no')) return t(`step.handles.${id}`);
  if (step.type === 'wait_for' && (id === 'met' || id === 'timeout'))
    return t(`step.handles.${id}`);
  if (step.type === 'split')
    return t('step.handles.branch', { id, weight: weightOf(step.data, id) });
  return id;
}

function weightOf(data: unknown, id: string): string {
  const branches = isObject(data) && Array.isArray(data.branches) ? data.branches : [];
  const branch = branches.find((b) => isObject(b) && b.id === id) as
    | { weight?: unknown }
    | undefined;
  return typeof branch?.weight === 'number' ? String(branch.weight) : '?';
}
