/**
 * Ids of new split branches: a, b, ... z, aa, ab, ... A branch keeps its id for good (it is
 * the handle its link leaves by, and results are counted by it), and a removed branch's id is
 * not given again: a new branch gets the id after the last one in this order, so an old link
 * or an old count never lands on it.
 */

/** The place of an id in the order a, b, ... z, aa, ...; -1 for an id not of that form. */
export function branchIndex(id: string): number {
  if (!/^[a-z]+$/.test(id)) return -1;
  let n = 0;
  for (const c of id) n = n * 26 + (c.charCodeAt(0) - 96);
  return n - 1;
}

export function branchId(index: number): string {
  let id = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    id = String.fromCharCode(97 + ((n - 1) % 26)) + id;
  return id;
}

/** Ids of one or two letters make the order; words such as "control" are names, not places. */
const ORDERED = /^[a-z]{1,2}$/;

/** The id after the last of `ids` in the order a, b, ..., and in use by none of them. */
export function nextBranchId(ids: readonly string[]): string {
  let next = 1 + Math.max(-1, ...ids.filter((id) => ORDERED.test(id)).map(branchIndex));
  while (ids.includes(branchId(next))) next += 1;
  return branchId(next);
}
