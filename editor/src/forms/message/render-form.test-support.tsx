import { type NodeData, type NodeType, type Problem, validateSequence } from '@nudge/schema';
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach } from 'vitest';
import { i18n } from '../../i18n/i18n.ts';
import type { FormContext, StepForm } from '../types.ts';

/**
 * Rendering a step form in happy-dom as the panel does, with its data kept here as the
 * store keeps it: each change is recorded and fed back. Controls are found by their label.
 * Test-only.
 */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: Array<{ root: Root; host: HTMLElement }> = [];

afterEach(() => {
  for (const { root, host } of mounted.splice(0)) {
    act(() => root.unmount());
    host.remove();
  }
  act(() => void i18n.changeLanguage('en'));
});

export interface Change<T extends NodeType> {
  data: NodeData<T>;
  field: string;
}

export function renderForm<T extends NodeType>(
  Form: StepForm<T>,
  type: T,
  data: unknown,
  options: { problems?: Problem[]; context?: Partial<FormContext>; id?: string } = {},
) {
  const changes: Array<Change<T>> = [];
  const context: FormContext = { steps: [], variables: {}, ...options.context };
  let setData: (data: unknown) => void = () => {};
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  mounted.push({ root, host });
  act(() =>
    root.render(
      <I18nextProvider i18n={i18n}>
        <FormHost
          Form={Form as StepForm}
          type={type}
          initial={data}
          problems={options.problems ?? []}
          context={context}
          id={options.id ?? 'step-1'}
          record={(change) => changes.push(change as Change<T>)}
          expose={(set) => {
            setData = set;
          }}
        />
      </I18nextProvider>,
    ),
  );
  return {
    host,
    changes,
    last: () => changes.at(-1),
    /** The data replaced from outside, as an undo does. */
    replace: (next: unknown) => act(() => setData(next)),
  };
}

interface FormHostProps {
  Form: StepForm;
  type: NodeType;
  initial: unknown;
  problems: Problem[];
  context: FormContext;
  id: string;
  record(change: { data: unknown; field: string }): void;
  expose(setData: (data: unknown) => void): void;
}

/** The form with its step's data kept here, as the store keeps it. */
function FormHost({ Form, type, initial, problems, context, id, record, expose }: FormHostProps) {
  const [data, setData] = useState<unknown>(initial);
  expose(setData);
  return (
    <Form
      step={{ id, type, data }}
      pointer="/nodes/1"
      problems={problems}
      context={context}
      onChange={(next, field) => {
        record({ data: next, field });
        setData(next);
      }}
    />
  );
}

/** The control a <label> with exactly this text names (by `for`, or aria-labelledby). */
export function byLabel<E extends HTMLElement = HTMLInputElement>(
  root: HTMLElement,
  text: string,
): E {
  for (const label of root.querySelectorAll('label')) {
    if (label.textContent?.trim() !== text) continue;
    const labelled = label.id
      ? root.querySelector<E>(`[aria-labelledby~="${CSS.escape(label.id)}"]`)
      : null;
    const control =
      labelled ?? (label.htmlFor ? root.ownerDocument.getElementById(label.htmlFor) : null);
    if (control) return control as E;
  }
  throw new Error(`no control labelled "${text}"`);
}

/** Types into a native input, select or textarea as a person does: React sees an input event. */
export function enter(control: HTMLElement, value: string): void {
  const prototype = Object.getPrototypeOf(control) as object;
  act(() => {
    Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(control, value);
    control.dispatchEvent(
      new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
    );
  });
}

/** The texts of the problems shown in the field that holds `control`. */
export function problemsBeside(control: HTMLElement): string[] {
  const field = control.closest('.field');
  return [...(field?.querySelectorAll('[data-testid="field-problem"]') ?? [])].map(
    (p) => p.getAttribute('data-code') ?? '',
  );
}

/** What the validator says about a step at /nodes/1, right after the entry. */
export function problemsOf(type: NodeType, data: unknown): Problem[] {
  const { errors, warnings } = validateSequence({
    format: 'nudge.sequence/v1',
    name: 'Form test',
    nodes: [
      { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
      { id: 'step-1', type, data },
    ],
    edges: [{ id: 'e1', source: 'start', target: 'step-1' }],
  });
  return [...errors, ...warnings];
}
