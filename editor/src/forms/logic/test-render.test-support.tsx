import { type NodeType, type Problem, validateSequence } from '@nudge/schema';
import { act, type ReactNode, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach } from 'vitest';
import { i18n } from '../../i18n/i18n.ts';
import type { FormContext, StepForm } from '../types.ts';

/**
 * Rendering the forms in happy-dom, as a person uses them: controls found by their label,
 * typed in and chosen from. Test-only.
 */

// React's act() needs to be told it runs in a test environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: Array<{ root: Root; host: HTMLElement }> = [];

afterEach(() => {
  for (const { root, host } of mounted.splice(0)) {
    act(() => root.unmount());
    host.remove();
  }
  act(() => void i18n.changeLanguage('en'));
});

export function render(node: ReactNode): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  mounted.push({ root, host });
  act(() => root.render(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>));
  return host;
}

/** A change a form reported: the new value and the field named. */
export interface Change<T> {
  value: T;
  field: string;
}

/**
 * Renders a controlled form with its state kept here, as the editor's store keeps it: each
 * change is recorded and fed back. `current()` is the latest value.
 */
export function renderControlled<T>(
  initial: T,
  form: (value: T, onChange: (value: T, field: string) => void) => ReactNode,
) {
  const changes: Array<Change<T>> = [];
  const host = render(
    <Controlled initial={initial} form={form} record={(change) => changes.push(change)} />,
  );
  return {
    host,
    changes,
    current: () => (changes.length > 0 ? changes.at(-1)?.value : initial) as T,
  };
}

interface ControlledProps<T> {
  initial: T;
  form: (value: T, onChange: (value: T, field: string) => void) => ReactNode;
  record(change: Change<T>): void;
}

function Controlled<T>({ initial, form, record }: ControlledProps<T>) {
  const [value, setValue] = useState(initial);
  return form(value, (next, field) => {
    record({ value: next, field });
    setValue(next);
  });
}

/** The controls labelled `text` (by <label for>, aria-label or a group's name) under `root`. */
export function allByLabel(root: HTMLElement, text: string): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const label of root.querySelectorAll('label'))
    if (label.textContent?.trim() === text) {
      const control = label.htmlFor
        ? root.ownerDocument.getElementById(label.htmlFor)
        : label.querySelector<HTMLElement>('input, select, textarea');
      if (control && root.contains(control)) found.push(control);
    }
  for (const el of root.querySelectorAll<HTMLElement>('[aria-label]'))
    if (el.getAttribute('aria-label') === text) found.push(el);
  return found;
}

export function byLabel<T extends HTMLElement = HTMLInputElement>(
  root: HTMLElement,
  text: string,
  index = 0,
): T {
  const all = allByLabel(root, text);
  const el = all[index];
  if (!el) throw new Error(`no control labelled "${text}" (${all.length} found)`);
  return el as T;
}

/** The fieldset whose legend is `text`. */
export function byLegend(root: HTMLElement, text: string): HTMLElement {
  const legend = [...root.querySelectorAll('legend')].find((l) => l.textContent?.trim() === text);
  const fieldset = legend?.closest('fieldset');
  if (!fieldset) throw new Error(`no fieldset "${text}"`);
  return fieldset;
}

/** The button whose text (or aria-label) is `text`. */
export function button(root: HTMLElement, text: string, index = 0): HTMLButtonElement {
  const all = [...root.querySelectorAll('button')].filter(
    (b) => b.textContent?.trim() === text || b.getAttribute('aria-label') === text,
  );
  const el = all[index];
  if (!el) throw new Error(`no button "${text}" (${all.length} found)`);
  return el;
}

/** Types `text` into an input or textarea, replacing what it held, as one input event. */
export function type(el: HTMLElement, text: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement : HTMLInputElement;
  const setter = Object.getOwnPropertyDescriptor(proto.prototype, 'value')?.set;
  act(() => {
    setter?.call(el, text);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Chooses the option of value `value` in a select. */
export function choose(el: HTMLElement, value: string): void {
  const select = el as HTMLSelectElement;
  if (![...select.options].some((o) => o.value === value))
    throw new Error(
      `no option "${value}" in ${[...select.options].map((o) => o.value).join(', ')}`,
    );
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export function click(el: HTMLElement): void {
  act(() => el.click());
}

/** The texts of a select's options. */
export const optionTexts = (el: HTMLElement) =>
  [...(el as HTMLSelectElement).options].map((o) => o.textContent);

export const problemCodes = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('[data-testid="field-problem"]')].map(
    (p) => p.dataset.code,
  );

/** Steps of the sequence a form sees: rules name the message steps among them. */
export const testContext: FormContext = {
  steps: [
    { id: 'start', type: 'entry' },
    { id: 'welcome', type: 'email' },
    { id: 'reminder', type: 'sms' },
    { id: 'wait', type: 'delay' },
  ],
  variables: {},
};

/** A step form, controlled as the step settings panel controls it, at /nodes/1. */
export function renderStepForm<T extends NodeType>(
  Form: StepForm<T>,
  type: T,
  data: unknown,
  problems: Problem[] = [],
) {
  return renderControlled<unknown>(data, (value, onChange) => (
    <Form
      step={{ id: 'step', type, data: value }}
      pointer="/nodes/1"
      problems={problems}
      context={testContext}
      onChange={onChange}
    />
  ));
}

/** What the validator says of a step `type` holding `data`, at /nodes/1 after the entry. */
export function problemsOfStep(type: NodeType, data: unknown): Problem[] {
  const entry = { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } };
  const nodes =
    type === 'entry'
      ? [
          { id: 'in', type: 'exit', data: {} },
          { id: 'step', type, data },
        ]
      : [entry, { id: 'step', type, data }];
  const { errors, warnings } = validateSequence({
    format: 'nudge.sequence/v1',
    name: 'Form',
    nodes,
    edges: type === 'entry' ? [] : [{ id: 'e1', source: 'start', target: 'step' }],
  });
  return [...errors, ...warnings].filter((p) => p.pointer.startsWith('/nodes/1/data'));
}
