import type { Sql, Tx } from './types.ts';

/**
 * Queries on the template library (migration 008, `templates`), always within the caller's
 * workspace. A template's `revision` counts its writes: its ETag, checked against If-Match.
 */

export const TEMPLATE_CHANNELS = ['email', 'sms', 'kakao'] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

/** A step's content for the channel, without `mode` and the link (routes/template-body.ts). */
export type TemplateContent = Record<string, unknown>;

export interface TemplateInput {
  channel: TemplateChannel;
  name: string;
  tags: string[];
  content: TemplateContent;
}

export interface Template extends TemplateInput {
  id: string;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A sequence that links a template: the steps of its draft and of its latest version that do. */
export interface TemplateUser {
  id: string;
  name: string;
  draftSteps: string[];
  published: { version: number; steps: string[] } | null;
}

const COLUMNS = 'id, channel, name, tags, content, revision, created_at, updated_at';

interface Row {
  id: string;
  channel: TemplateChannel;
  name: string;
  tags: string[];
  content: TemplateContent;
  revision: number;
  created_at: Date;
  updated_at: Date;
}

const templateOf = (row: Row): Template => ({
  id: row.id,
  channel: row.channel,
  name: row.name,
  tags: row.tags,
  content: row.content,
  revision: row.revision,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Whether `id` can name a template at all (ids are uuids): others find nothing, unasked. */
export const isTemplateId = (id: string): boolean => UUID.test(id);

export interface TemplateQuery {
  limit: number;
  /** The last template of the previous page: the list goes on after it, by name then id. */
  after: string | null;
  channel?: TemplateChannel;
  /** Part of the name, or a whole tag, in any case. */
  search?: string;
}

/** A page of the workspace's templates, by name (case-insensitive), then id. */
export async function listTemplates(
  sql: Sql,
  workspace: string,
  query: TemplateQuery,
): Promise<Template[]> {
  const { limit, after, channel, search } = query;
  const rows = await sql<Row[]>`
    select ${sql.unsafe(COLUMNS)} from templates t
    where workspace_id = ${workspace}
      and (${channel ?? null}::text is null or channel = ${channel ?? null})
      and (${search ?? null}::text is null
        or strpos(lower(name), lower(${search ?? null})) > 0
        or exists (select 1 from unnest(tags) tag where lower(tag) = lower(${search ?? null})))
      and (${after}::uuid is null or (lower(name), id) > (
        select lower(c.name), c.id from templates c
        where c.workspace_id = ${workspace} and c.id = ${after}::uuid))
    order by lower(name), id
    limit ${limit}`;
  return rows.map(templateOf);
}

/** The template, or null when the workspace has none with this id. */
export async function findTemplate(
  sql: Sql | Tx,
  workspace: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<Template | null> {
  if (!isTemplateId(id)) return null;
  const [row] = options.lock
    ? await sql<Row[]>`
        select ${sql.unsafe(COLUMNS)} from templates
        where workspace_id = ${workspace} and id = ${id} for update`
    : await sql<Row[]>`
        select ${sql.unsafe(COLUMNS)} from templates
        where workspace_id = ${workspace} and id = ${id}`;
  return row ? templateOf(row) : null;
}

/** The templates among `ids` that the workspace has, by id. */
export async function findTemplates(
  sql: Sql | Tx,
  workspace: string,
  ids: string[],
): Promise<Map<string, Template>> {
  const valid = ids.filter(isTemplateId);
  if (valid.length === 0) return new Map();
  const rows = await sql<Row[]>`
    select ${sql.unsafe(COLUMNS)} from templates
    where workspace_id = ${workspace} and id = any(${valid}::uuid[])`;
  return new Map(rows.map((row) => [row.id, templateOf(row)]));
}

/**
 * Adds a template when the workspace has fewer than `max`; null when it has that many. The
 * workspace's lock, held until the transaction ends, keeps two creates from both passing.
 */
export async function insertTemplate(
  tx: Tx,
  workspace: string,
  tokenId: string | null,
  input: TemplateInput,
  max: number,
): Promise<Template | null> {
  await tx`select pg_advisory_xact_lock(hashtextextended(${`templates:${workspace}`}, 0))`;
  const [count] = await tx<Array<{ n: number }>>`
    select count(*)::int as n from templates where workspace_id = ${workspace}`;
  if ((count?.n ?? 0) >= max) return null;
  const [row] = await tx<Row[]>`
    insert into templates (workspace_id, channel, name, tags, content, updated_by)
    values (${workspace}, ${input.channel}, ${input.name}, ${input.tags},
            ${tx.json(input.content as never)}, ${tokenId})
    returning ${tx.unsafe(COLUMNS)}`;
  return templateOf(row as Row);
}

/** Replaces a template's name, tags and content (its channel stays); its revision goes up. */
export async function updateTemplate(
  tx: Tx,
  workspace: string,
  id: string,
  tokenId: string | null,
  input: Omit<TemplateInput, 'channel'>,
): Promise<Template> {
  const [row] = await tx<Row[]>`
    update templates set name = ${input.name}, tags = ${input.tags},
      content = ${tx.json(input.content as never)}, revision = revision + 1,
      updated_by = ${tokenId}, updated_at = now()
    where workspace_id = ${workspace} and id = ${id}
    returning ${tx.unsafe(COLUMNS)}`;
  return templateOf(row as Row);
}

export async function deleteTemplate(tx: Tx, workspace: string, id: string): Promise<void> {
  await tx`delete from templates where workspace_id = ${workspace} and id = ${id}`;
}

/** The JSON path of the steps linked to `$id`, and their ids. */
const LINKED = '$.nodes[*] ? (@.data.template.id == $id)';

/**
 * The sequences whose draft, or latest published version, has a step linked to the template:
 * which steps, by sequence id. The paths are lax: a draft of another shape matches nothing.
 */
export async function templateUsers(
  sql: Sql | Tx,
  workspace: string,
  id: string,
  limit: number,
): Promise<TemplateUser[]> {
  const vars = sql.json({ id });
  const rows = await sql<
    Array<{
      id: string;
      name: string;
      draft_steps: string[];
      version: number | null;
      published_steps: string[] | null;
    }>
  >`
    with latest as (
      select distinct on (sequence_id) sequence_id, version, definition
      from sequence_versions where workspace_id = ${workspace}
      order by sequence_id, version desc)
    select s.id, s.name,
      jsonb_path_query_array(s.draft, ${`${LINKED}.id`}::jsonpath, ${vars}) as draft_steps,
      l.version,
      jsonb_path_query_array(l.definition, ${`${LINKED}.id`}::jsonpath, ${vars})
        as published_steps
    from sequences s left join latest l on l.sequence_id = s.id
    where s.workspace_id = ${workspace}
      and (jsonb_path_exists(s.draft, ${LINKED}::jsonpath, ${vars})
        or jsonb_path_exists(l.definition, ${LINKED}::jsonpath, ${vars}))
    order by s.id
    limit ${limit}`;
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    draftSteps: row.draft_steps,
    published:
      row.version === null ? null : { version: row.version, steps: row.published_steps ?? [] },
  }));
}
