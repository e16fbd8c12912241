import type { Sql, Tx } from './types.ts';

/** How many enrollees of a sequence wait at a node of a version. */
export interface Waiting {
  /** null: enrolled, their first step not taken yet (they start at the entry). */
  node: string | null;
  version: number;
  count: number;
}

/** The most enrollees counted: past it, each count is a lower bound (`capped`). */
export const WAITING_CAP = 100_000;

/**
 * The enrollees still going through a sequence (status `active`: not completed, exited,
 * stopped or failed; those that moveEnrollments would move), counted by the version they are
 * pinned to and the node they wait at. One grouped query over at most `cap` + 1 of them,
 * found by the index enrollments_sequence (workspace_id, sequence_id, status), so a sequence
 * with millions waiting answers as fast as one with `cap`. No index holds `node` (it changes
 * at every step: one would cost each step its heap-only update), so each row is read from the
 * table.
 */
export async function waitingEnrollees(
  sql: Sql | Tx,
  workspace: string,
  sequence: string,
  cap = WAITING_CAP,
): Promise<{ waiting: Waiting[]; capped: boolean }> {
  const rows = await sql<Waiting[]>`
    select node, version, count(*)::int as count
    from (
      select node, version from enrollments
      where workspace_id = ${workspace} and sequence_id = ${sequence} and status = 'active'
      limit ${cap + 1}
    ) w
    group by version, node
    order by version, node nulls first`;
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return { waiting: rows, capped: total > cap };
}
