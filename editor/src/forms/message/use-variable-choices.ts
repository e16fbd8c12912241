import { useMemo } from 'react';
import type { FormContext } from '../types.ts';
import { type VariableChoice, variableChoices } from './variable-choices.ts';

const NONE: readonly string[] = [];

/**
 * The "Insert variable" menu's choices for a form's context, the same array while it stays the
 * same. Links (the unsubscribe URL) are for emails only.
 */
export function useVariableChoices(
  context: FormContext,
  { links = false } = {},
): readonly VariableChoice[] {
  const key = JSON.stringify([context.variables ?? {}, context.attributes ?? NONE, links]);
  return useMemo(() => {
    const [aliases, attributes, withLinks] = JSON.parse(key) as [
      Record<string, unknown>,
      string[],
      boolean,
    ];
    return variableChoices({ aliases, attributes, links: withLinks });
  }, [key]);
}
