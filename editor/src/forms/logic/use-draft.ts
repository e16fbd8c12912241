import { useState } from 'react';

/**
 * The text of a control whose text is not always a value: "1." on the way to 1.5, a list
 * being typed line by line, JSON half pasted. The control shows what was typed until the
 * value changes from elsewhere (undo, another control): then it shows the new value.
 * `setText(text, parsed)` records what was typed and, when it parses, the value it stands for.
 */
export function useDraft<T>(
  value: T,
  format: (value: T) => string,
): [string, (text: string, parsed?: { value: T }) => void] {
  const [draft, setDraft] = useState(() => ({ text: format(value), base: value }));
  let current = draft;
  if (!sameJson(draft.base, value)) {
    current = { text: format(value), base: value };
    // Updating state while rendering is how React keeps state in step with a prop.
    setDraft(current);
  }
  const setText = (text: string, parsed?: { value: T }) =>
    setDraft({ text, base: parsed ? parsed.value : value });
  return [current.text, setText];
}

/** Values here come from JSON: equal when they are the same JSON. */
export function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
