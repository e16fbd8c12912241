import { type InputHTMLAttributes, useState } from 'react';

export interface DraftInputProps<T>
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> {
  value: T;
  parse(text: string): T;
  format(value: T): string;
  onChange(value: T): void;
}

/**
 * A text field for a value that is not text (a list of addresses, a name and an address).
 * It keeps what is typed (a trailing comma, a space) while that reads as the value, and
 * shows the value anew when it changes from elsewhere (an undo, another step).
 */
export function DraftInput<T>({ value, parse, format, onChange, ...input }: DraftInputProps<T>) {
  const [draft, setDraft] = useState(() => format(value));
  const shown = same(parse(draft), value) ? draft : format(value);
  return (
    <input
      {...input}
      type="text"
      value={shown}
      onChange={(event) => {
        setDraft(event.target.value);
        onChange(parse(event.target.value));
      }}
    />
  );
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
