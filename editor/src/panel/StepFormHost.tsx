import type { NodeType, Sequence } from '@nudge/schema';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { updateStepData } from '../commands/index.ts';
import { attributesIn } from '../forms/message/variable-choices.ts';
import { formOf } from '../forms/registry.ts';
import type { FormContext } from '../forms/types.ts';
import { isNodeType } from '../sequence/file.ts';
import { sequenceStore, useSequence } from '../sequence/store.ts';
import { problemsOfStep, type SelectedStep } from './selected-step.ts';

/** The form of one step's type, wired to the document: every change is an undoable edit. */
export default function StepFormHost({ step }: { step: SelectedStep }) {
  const { t } = useTranslation();
  const problems = useSequence(
    useShallow((s) => problemsOfStep([...s.errors, ...s.warnings], step.index)),
  );
  const context = useSequence(useShallow(formContext));
  const { id } = step;
  const onChange = useCallback(
    (data: unknown, field: string) => {
      sequenceStore
        .getState()
        .edit((s: Sequence) => updateStepData(s, id, data), { field: `${id}/${field}` });
    },
    [id],
  );
  const form = isNodeType(step.type) ? formOf(step.type as NodeType) : undefined;
  const stepProps = useMemo(
    () => ({ id: step.id, type: step.type as NodeType, data: step.data }),
    [step.id, step.type, step.data],
  );
  const memoContext = useMemo<FormContext>(
    () => ({ steps: context.steps, variables: context.variables, attributes: context.attributes }),
    [context.steps, context.variables, context.attributes],
  );
  if (!form) return <p className="panel__empty">{t('panel.noForm')}</p>;
  const Form = form;
  return (
    <Form
      // A form of its own per step: no half-typed text or mode carries over to the next one.
      key={step.id}
      step={stepProps as never}
      pointer={`/nodes/${step.index}`}
      problems={problems}
      onChange={onChange as never}
      context={memoContext}
    />
  );
}

const NO_VARIABLES: Record<string, string> = {};

/** What forms need of the rest of the sequence; kept stable while it does not change. */
function formContext(s: { file: Record<string, unknown> | null }) {
  return {
    steps: stepsOf(s.file?.nodes),
    variables: variablesOf(s.file?.settings),
    attributes: attributesOf(s.file),
  };
}

/** The attribute keys the sequence reads, the same array while they stay the same. */
let lastAttributes: { file: unknown; keys: string[] } = { file: null, keys: [] };
function attributesOf(file: unknown): string[] {
  if (file === lastAttributes.file) return lastAttributes.keys;
  const found = attributesIn(file);
  const same = found.join('\n') === lastAttributes.keys.join('\n');
  lastAttributes = { file, keys: same ? lastAttributes.keys : found };
  return lastAttributes.keys;
}

const cache = new WeakMap<object, Array<{ id: string; type: string }>>();
function stepsOf(nodes: unknown): Array<{ id: string; type: string }> {
  if (!Array.isArray(nodes)) return [];
  const known = cache.get(nodes);
  if (known) return known;
  const steps = nodes.flatMap((n) =>
    n && typeof n === 'object' && typeof n.id === 'string'
      ? [{ id: n.id as string, type: String(n.type) }]
      : [],
  );
  cache.set(nodes, steps);
  return steps;
}

function variablesOf(settings: unknown): Record<string, string> {
  const v = (settings as { variables?: unknown } | undefined)?.variables;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return NO_VARIABLES;
  return v as Record<string, string>;
}
