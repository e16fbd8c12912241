/**
 * The one change that turns `from` into `to`: what lies between their common start and
 * end. An editor given a new value applies this rather than replacing everything, so the
 * cursor stays put when the change is elsewhere (an undo of another field, a fixed typo).
 */
export function textDifference(
  from: string,
  to: string,
): { from: number; to: number; insert: string } {
  const shorter = Math.min(from.length, to.length);
  let start = 0;
  while (start < shorter && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < shorter - start &&
    from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)
  )
    end++;
  return { from: start, to: from.length - end, insert: to.slice(start, to.length - end) };
}
