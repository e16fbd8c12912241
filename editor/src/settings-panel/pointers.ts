import type { Problem } from '@nudge/schema';
import { problemsAt } from '../forms/problems-at.ts';

/** Where each part of the form reads its problems: the settings' JSON pointers (FORMAT.md §2). */
export const POINTERS = {
  name: '/name',
  description: '/description',
  settings: '/settings',
  timezone: '/settings/timezone',
  useContactTimezone: '/settings/useContactTimezone',
  schedule: '/settings/schedule',
  holidays: '/settings/holidays',
  sender: '/settings/sender',
  exit: '/settings/exit',
  enrollment: '/settings/enrollment',
  tracking: '/settings/tracking',
  advertising: '/settings/advertising',
  unsubscribeFooter: '/settings/unsubscribeFooter',
  variables: '/settings/variables',
} as const;

/** The problems at any of `pointers` or under them, each once. */
export function problemsUnder(problems: Problem[], pointers: readonly string[]): Problem[] {
  return problems.filter((p) => pointers.some((pointer) => problemsAt([p], pointer).length > 0));
}

/**
 * The problems at `pointer` or under it that no field among `shown` displays (an unknown
 * property, a group that is no object): the section lists them at its top, so that every
 * problem of the file shows somewhere in the form.
 */
export function leftoverProblems(
  problems: Problem[],
  pointer: string,
  shown: readonly string[],
): Problem[] {
  return problemsAt(problems, pointer).filter((p) => problemsUnder([p], shown).length === 0);
}
