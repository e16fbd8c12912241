import type { Sequence } from '@nudge/schema';
import { useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isRefusal, updateSequence, updateSettings } from '../commands/index.ts';
import { sequenceStore, useSequence } from '../sequence/store.ts';
import { SequenceSettingsForm } from '../settings-panel/SequenceSettingsForm.tsx';
import type { SequenceFieldsChange } from '../settings-panel/types.ts';

/** The sequence settings form wired to the document: every change is an undoable edit. */
export default function SequenceSettingsHost() {
  const fields = useSequence(
    useShallow((s) => ({
      name: s.file?.name,
      description: s.file?.description,
      settings: s.file?.settings,
    })),
  );
  const problems = useSequence(
    useShallow((s) =>
      [...s.errors, ...s.warnings].filter(
        (p) => !p.pointer.startsWith('/nodes') && !p.pointer.startsWith('/edges'),
      ),
    ),
  );
  const nodes = useSequence((s) => s.file?.nodes);
  const steps = useMemo(
    () =>
      Array.isArray(nodes)
        ? nodes.flatMap((n) =>
            n && typeof n === 'object' && typeof n.id === 'string'
              ? [{ id: n.id as string, type: String(n.type) }]
              : [],
          )
        : [],
    [nodes],
  );
  const context = useMemo(() => ({ steps }), [steps]);
  const onChange = useCallback((change: SequenceFieldsChange, field: string) => {
    sequenceStore.getState().edit(
      (s: Sequence) => {
        const { settings, ...rest } = change;
        let outcome = Object.keys(rest).length > 0 ? updateSequence(s, rest) : { sequence: s };
        if ('settings' in change && !isRefusal(outcome))
          outcome = updateSettings(outcome.sequence, settings);
        return outcome;
      },
      { field: `sequence/${field}` },
    );
  }, []);
  return (
    <SequenceSettingsForm
      sequence={fields}
      problems={problems}
      onChange={onChange}
      context={context}
    />
  );
}
