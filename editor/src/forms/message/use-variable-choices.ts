import { useMemo } from 'react';
import type { FormContext } from '../types.ts';
import { type VariableChoice, variableChoices } from './variable-choices.ts';

const NONE: readonly string[] = [];

/** The "Insert variable" menu's choices for a form's context, the same array while it stays the same. */
export function useVariableChoices(context: FormContext): readonly VariableChoice[] {
  const key = JSON.stringify([context.variables ?? {}, context.attributes ?? NONE]);
  return useMemo(() => {
    const [aliases, attributes] = JSON.parse(key) as [Record<string, unknown>, string[]];
    return variableChoices({ aliases, attributes });
  }, [key]);
}
