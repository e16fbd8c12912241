import type { Sequence } from '@nudge/schema';
import { ApiError } from '../errors.ts';
import type { Sql, Tx } from './types.ts';

/**
 * Queries on sequences (drafts), always within the caller's workspace. A draft's `revision`
 * counts its writes (migration 006): 1 when created, one more at each PUT and at any other
 * write of it. It is the draft's ETag, and what If-Match is checked against.
 */

/** The draft of a sequence, or a 404 naming it. */
export async function findDraft(sql: Sql | Tx, workspace: string, id: string): Promise<Sequence> {
  return (await findRevision(sql, workspace, id)).draft;
}

/** The draft with its revision, or a 404 naming it. */
export async function findRevision(
  sql: Sql | Tx,
  workspace: string,
  id: string,
): Promise<{ draft: Sequence; revision: number }> {
  const [row] = await sql<Array<{ draft: Sequence; revision: number }>>`
    select draft, revision from sequences where workspace_id = ${workspace} and id = ${id}`;
  if (!row) throw unknownSequence(id);
  return row;
}

/** The draft with its revision, locked until the transaction ends; a 404 naming it. */
export async function lockDraft(
  tx: Tx,
  workspace: string,
  id: string,
): Promise<{ draft: Sequence; revision: number }> {
  const [row] = await tx<Array<{ draft: Sequence; revision: number }>>`
    select draft, revision from sequences
    where workspace_id = ${workspace} and id = ${id} for update`;
  if (!row) throw unknownSequence(id);
  return row;
}

export interface SequenceWithVersion {
  id: string;
  name: string;
  revision: number;
  draft: Sequence;
  /** The latest published version, or null before the first publish. */
  published: { version: number; publishedAt: Date } | null;
}

/** A sequence: its draft and revision, and its latest published version; a 404 naming it. */
export async function findSequence(
  sql: Sql,
  workspace: string,
  id: string,
): Promise<SequenceWithVersion> {
  const [row] = await sql<
    Array<Omit<SequenceWithVersion, 'published'> & { version: number | null; published_at: Date }>
  >`
    select s.id, s.name, s.revision, s.draft, v.version, v.published_at
    from sequences s
    left join lateral (
      select version, published_at from sequence_versions v
      where v.workspace_id = s.workspace_id and v.sequence_id = s.id
      order by version desc limit 1
    ) v on true
    where s.workspace_id = ${workspace} and s.id = ${id}`;
  if (!row) throw unknownSequence(id);
  const { version, published_at, ...rest } = row;
  return {
    ...rest,
    published: version === null ? null : { version, publishedAt: published_at },
  };
}

export interface SequenceListItem {
  id: string;
  name: string;
  revision: number;
  publishedVersion: number | null;
  updatedAt: Date;
}

/** A page of the workspace's sequences in id order, after `after` (by the primary key). */
export function listSequences(
  sql: Sql,
  workspace: string,
  page: { limit: number; after: string | null },
): Promise<SequenceListItem[]> {
  return sql<SequenceListItem[]>`
    select s.id, s.name, s.revision, s.updated_at as "updatedAt",
      (select max(version) from sequence_versions v
       where v.workspace_id = s.workspace_id and v.sequence_id = s.id) as "publishedVersion"
    from sequences s
    where s.workspace_id = ${workspace} and (${page.after}::text is null or s.id > ${page.after})
    order by s.id limit ${page.limit}`;
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

/** Inserts a new sequence at revision 1; false when the id is taken. */
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

export type PutResult =
  | { ok: true; created: boolean; revision: number }
  /** If-Match named none of these: the draft's revision now, null when there is none. */
  | { ok: false; current: number | null };

/**
 * Creates the sequence or replaces its draft, bumping its revision. With `revisions` (from
 * If-Match), only a draft at one of them is replaced, in the one statement that checks it: of
 * two writes that loaded the same revision, the second finds it changed. Without, the write is
 * unconditional, creating the sequence when there is none.
 */
export async function putSequence(
  sql: Sql,
  workspace: string,
  id: string,
  draft: Sequence,
  revisions: number[] | null = null,
): Promise<PutResult> {
  const json = sql.json(draft as never);
  if (revisions === null) {
    const [row] = await sql<Array<{ created: boolean; revision: number }>>`
      insert into sequences (workspace_id, id, name, draft)
      values (${workspace}, ${id}, ${draft.name}, ${json})
      on conflict (workspace_id, id) do update
        set name = excluded.name, draft = excluded.draft, revision = sequences.revision + 1
      returning (xmax = 0) as created, revision`;
    return { ok: true, created: row?.created ?? false, revision: row?.revision ?? 1 };
  }
  const [row] = await sql<Array<{ revision: number }>>`
    update sequences set name = ${draft.name}, draft = ${json}, revision = revision + 1
    where workspace_id = ${workspace} and id = ${id} and revision = any(${revisions}::int[])
    returning revision`;
  if (row) return { ok: true, created: false, revision: row.revision };
  const [now] = await sql<Array<{ revision: number }>>`
    select revision from sequences where workspace_id = ${workspace} and id = ${id}`;
  return { ok: false, current: now?.revision ?? null };
}
