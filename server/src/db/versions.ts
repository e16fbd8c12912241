import type { Sequence } from '@nudge/schema';
import type { Sql, Tx } from './types.ts';

/** Queries on the published versions of a sequence (sequence_versions), within a workspace. */

export interface PublishedVersion {
  version: number;
  definition: Sequence;
  publishedAt: Date;
}

/** The latest published version of a sequence, or undefined before the first publish. */
export async function latestVersion(
  sql: Sql | Tx,
  workspace: string,
  sequence: string,
): Promise<PublishedVersion | undefined> {
  const [row] = await sql<PublishedVersion[]>`
    select version, definition, published_at as "publishedAt" from sequence_versions
    where workspace_id = ${workspace} and sequence_id = ${sequence}
    order by version desc limit 1`;
  return row;
}

/**
 * Every step id of every published version of a sequence, sorted: the ids the editor must not
 * give a new step, since publishing moves waiting enrollees between versions by step id (and
 * results count by it). Versions are immutable, so the list only ever grows.
 */
export async function publishedStepIds(
  sql: Sql | Tx,
  workspace: string,
  sequence: string,
): Promise<string[]> {
  const rows = await sql<Array<{ id: string }>>`
    select distinct (node->>'id') collate "C" as id
    from sequence_versions v
    cross join lateral jsonb_array_elements(
      case jsonb_typeof(v.definition->'nodes') when 'array' then v.definition->'nodes' else '[]' end
    ) node
    where v.workspace_id = ${workspace} and v.sequence_id = ${sequence}
      and jsonb_typeof(node->'id') = 'string'
    order by id`;
  return rows.map((row) => row.id);
}

/** Freezes `definition` as `version`, with the node-id mapping it was published with. */
export async function insertVersion(
  tx: Tx,
  workspace: string,
  sequence: string,
  version: number,
  definition: Sequence,
  migrate: Record<string, string> | undefined,
): Promise<void> {
  await tx`
    insert into sequence_versions (workspace_id, sequence_id, version, definition, migrate)
    values (${workspace}, ${sequence}, ${version}, ${tx.json(definition as never)},
            ${migrate ? tx.json(migrate) : null})`;
}
