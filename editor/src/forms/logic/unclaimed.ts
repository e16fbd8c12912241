import type { Problem } from '@nudge/schema';

/**
 * The problems that no control claims: a control claims those at its pointer or under it.
 * A form shows these in one list, so that every problem the validator finds in a step is
 * shown somewhere (an unknown property, a missing one, a part the form has no control for).
 */
export function unclaimed(problems: Problem[], claimed: string[]): Problem[] {
  return problems.filter(
    (p) => !claimed.some((c) => p.pointer === c || p.pointer.startsWith(`${c}/`)),
  );
}
