import { useMemo } from 'react';
import { type MergeCompletions, mergeCompletions } from './merge-variables.ts';

/**
 * The completions of a sequence's aliases, the same object while they stay the same (the
 * panel may hand a new but equal object at each render; a new one reconfigures editors).
 */
export function useMergeCompletions(
  aliases: Record<string, string>,
  { links = false } = {},
): MergeCompletions {
  const key = JSON.stringify(aliases ?? {});
  return useMemo(() => mergeCompletions(JSON.parse(key), { links }), [key, links]);
}
