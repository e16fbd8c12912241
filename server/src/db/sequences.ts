import type { Sequence } from '@nudge/schema';
import { ApiError } from '../errors.ts';
import type { Sql, Tx } from './types.ts';

/** Queries on sequences (drafts), always within the caller's workspace. */

/** The draft of a sequence, or a 404 naming it. */
export async function findDraft(sql: Sql | Tx, workspace: string, id: string): Promise<Sequence> {
  const [row] = await sql<Array<{ draft: Sequence }>>`
    select draft from sequences where workspace_id = ${workspace} and id = ${id}`;
  if (!row) throw unknownSequence(id);
  return row.draft;
}

/** 404 unless the sequence exists in the workspace. */
export async function assertSequence(sql: Sql, workspace: string, id: string): Promise<void> {
  const [row] = await sql`select 1 from sequences where workspace_id = ${workspace} and id = ${id}`;
  if (!row) throw unknownSequence(id);
}

export function unknownSequence(id: string): ApiError {
  return new ApiError(404, 'sequence_not_found', `there is no sequence "${id}" in this workspace`, {
    sequenceId: id,
  });
}

/** Inserts a new sequence; false when the id is taken. */
export async function insertSequence(
  sql: Sql,
  workspace: string,
  id: string,
  draft: Sequence,
): Promise<boolean> {
  const rows = await sql`
    insert into sequences (workspace_id, id, name, draft)
    values (${workspace}, ${id}, ${draft.name}, ${sql.json(draft as never)})
    on conflict (workspace_id, id) do nothing
    returning id`;
  return rows.length === 1;
}

/** Creates the sequence or replaces its draft; true when it was created. */
export async function putSequence(
  sql: Sql,
  workspace: string,
  id: string,
  draft: Sequence,
): Promise<boolean> {
  const [row] = await sql<Array<{ created: boolean }>>`
    insert into sequences (workspace_id, id, name, draft)
    values (${workspace}, ${id}, ${draft.name}, ${sql.json(draft as never)})
    on conflict (workspace_id, id) do update set name = excluded.name, draft = excluded.draft
    returning (xmax = 0) as created`;
  return row?.created ?? false;
}
