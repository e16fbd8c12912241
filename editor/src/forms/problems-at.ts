import type { Problem } from '@nudge/schema';

/**
 * The problems about one field: those whose pointer is `pointer` or lies under it. A form
 * shows each beside its field; `exact` keeps only the field's own (for a list whose items
 * show theirs).
 */
export function problemsAt(problems: Problem[], pointer: string, exact = false): Problem[] {
  return problems.filter(
    (p) => p.pointer === pointer || (!exact && p.pointer.startsWith(`${pointer}/`)),
  );
}
