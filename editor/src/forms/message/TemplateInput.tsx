import { useRef } from 'react';
import { controlProps } from './controls.ts';
import type { InsertTarget } from './insert-target.ts';
import { VariableMenu } from './VariableMenu.tsx';
import type { VariableChoice } from './variable-choices.ts';

export interface TemplateInputProps {
  /** What a Field gives its control. */
  control: Parameters<typeof controlProps>[0] & { labelId: string };
  value: string;
  onChange(value: string): void;
  variables: readonly VariableChoice[];
}

/**
 * A one-line Liquid template (an email subject) in a plain text input, with the "Insert
 * variable" menu above it: the variable goes where the cursor was, and the cursor after it.
 */
export function TemplateInput({ control, value, onChange, variables }: TemplateInputProps) {
  const input = useRef<HTMLInputElement>(null);
  const target = useRef<InsertTarget>(null);
  target.current = {
    insert(text) {
      const element = input.current;
      if (!element) return;
      const start = element.selectionStart ?? element.value.length;
      const end = element.selectionEnd ?? start;
      onChange(element.value.slice(0, start) + text + element.value.slice(end));
      element.focus();
      // After React has written the new value (which puts the cursor at the end).
      requestAnimationFrame(() =>
        element.setSelectionRange(start + text.length, start + text.length),
      );
    },
    focus: () => input.current?.focus(),
  };
  return (
    <>
      <VariableMenu labelId={control.labelId} choices={variables} target={target} />
      <input
        {...controlProps(control)}
        ref={input}
        type="text"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </>
  );
}
