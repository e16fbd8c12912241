import type { Problem } from '@nudge/schema';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { isFileOpen, type Selection, type SequenceStore, useSequence } from '../sequence/store.ts';
import { loadErrorText } from './load-error-text.ts';
import { ProblemsPanel } from './ProblemsPanel.tsx';

/** The problems panel of the open sequence: clicking a problem selects what it names. */
export function SequenceProblems() {
  const { t } = useTranslation();
  const { errors, warnings, loadError, open, selectProblem, targets } = useSequence(
    useShallow((s) => ({
      targets: s.targets,
      errors: s.errors,
      warnings: s.warnings,
      loadError: s.loadError,
      open: isFileOpen(s),
      selectProblem: s.selectProblem,
    })),
  );
  // A string, so that dragging a step (which changes the nodes, not the selection) doesn't re-render the list.
  const selectedKey = useSequence(selectionKey);
  const selected = useMemo(() => parseSelectionKey(selectedKey), [selectedKey]);
  const targetsOf = useCallback((problem: Problem) => targets.all(problem), [targets]);
  return (
    <ProblemsPanel
      errors={errors}
      warnings={warnings}
      loadError={loadError ? loadErrorText(loadError, t) : undefined}
      open={open}
      selected={selected}
      targetsOf={targetsOf}
      onSelect={selectProblem}
    />
  );
}

function selectionKey(s: SequenceStore): string {
  return JSON.stringify([
    ...s.nodes.filter((n) => n.selected).map((n) => ['node', n.id]),
    ...s.edges.filter((e) => e.selected).map((e) => ['edge', e.id]),
  ]);
}

function parseSelectionKey(key: string): Selection[] {
  return (JSON.parse(key) as Array<[Selection['kind'], string]>).map(([kind, id]) => ({
    kind,
    id,
  }));
}
