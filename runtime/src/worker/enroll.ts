import { resolveSettings, type Sequence } from '@nudge/schema';
import type { Fragment, Sql } from 'postgres';

export interface Skipped {
  contactId: string;
  reason: string;
}

export interface Enrolled {
  enrolled: number;
  version: number;
  skipped: Skipped[];
}

/**
 * Who to enroll: contact ids (each unknown one is skipped with a reason), or the contacts of the
 * workspace that a condition on `c` (a row of contacts) selects, such as a segment's
 * translation: then no ids travel to the client and back.
 */
export type Enrollees = readonly string[] | { where: Fragment };

/**
 * Enrolls contacts in the latest published version of a sequence, in one transaction: contacts
 * already active here, unsubscribed or suppressed ones, ones that ended before (unless
 * `allowReenroll`) and ones active in another sequence of the same exclusive group are skipped
 * with a reason; the others get an enrollment row and a `step` job. The checks, the inserts
 * and the jobs are one set-based statement. The worker applies `enrolled` when the job runs.
 * Skipped contacts come back in the order given (by id for a condition).
 */
export async function enroll(
  sql: Sql,
  workspace: string,
  sequence: string,
  enrollees: Enrollees,
): Promise<Enrolled> {
  return sql.begin(async (tx) => {
    const [latest] = await tx<Array<{ version: number; definition: Sequence }>>`
      select version, definition from sequence_versions
      where workspace_id = ${workspace} and sequence_id = ${sequence}
      order by version desc limit 1`;
    if (!latest)
      throw new EnrollError('not_published', `sequence ${sequence} has no published version`);
    const { allowReenroll, exclusiveGroup } = resolveSettings(
      latest.definition.settings,
    ).enrollment;
    await tx`select pg_advisory_xact_lock(hashtext(${`enroll:${workspace}:${sequence}`}))`;

    const wanted = Array.isArray(enrollees)
      ? tx`
          select id, ord
          from unnest(${[...new Set(enrollees as readonly string[])]}::text[])
            with ordinality as w(id, ord)`
      : tx`
          select c.id, 0::bigint as ord from contacts c
          where c.workspace_id = ${workspace} and ${(enrollees as { where: Fragment }).where}`;
    const [result] = await tx<Array<{ enrolled: number; skipped: Skipped[] }>>`
      with wanted as materialized (${wanted}),
      checked as materialized (
        select w.id, w.ord,
          case
            when c.id is null then 'no such contact'
            when c.unsubscribed then 'unsubscribed'
            when exists (
              select 1 from suppressions s where s.workspace_id = c.workspace_id
                and ((s.channel = 'email' and s.address = lower(c.email))
                  or (s.channel = 'phone' and s.address = c.phone))) then 'suppressed'
            when exists (
              select 1 from enrollments e where e.workspace_id = c.workspace_id
                and e.sequence_id = ${sequence} and e.contact_id = c.id and e.status = 'active')
              then 'already active in this sequence'
            when not ${allowReenroll} and exists (
              select 1 from enrollments e where e.workspace_id = c.workspace_id
                and e.sequence_id = ${sequence} and e.contact_id = c.id)
              then 'enrolled before (re-enrollment is off)'
            when ${exclusiveGroup}::text is not null and exists (
              select 1 from enrollments e
                join sequence_versions v on v.workspace_id = e.workspace_id
                  and v.sequence_id = e.sequence_id and v.version = e.version
              where e.workspace_id = c.workspace_id and e.contact_id = c.id and e.status = 'active'
                and e.sequence_id <> ${sequence}
                and v.definition #>> '{settings,enrollment,exclusiveGroup}' = ${exclusiveGroup}::text)
              then 'active in another sequence of the group ' || ${exclusiveGroup}::text
          end as reason
        from wanted w
        left join contacts c on c.workspace_id = ${workspace} and c.id = w.id
      ),
      inserted as (
        insert into enrollments (workspace_id, sequence_id, version, contact_id, status, state, state_version, enrolled_at)
        select ${workspace}, ${sequence}, ${latest.version}, id, 'active', '{}'::jsonb, 0, now()
        -- Every check done before the first insert (the array is built first): interleaved,
        -- the checks would read enrollments while it grows, and with a plan made when the
        -- table was empty, scan it all once per contact, new rows included.
        from unnest((select array_agg(id order by ord) from checked where reason is null)) as accepted(id)
        returning id
      ),
      -- Both arrays in one pass, so their elements line up.
      jobs as (
        select nudge_add_new_jobs('step',
          array_agg(json_build_object('workspace', ${workspace}::text, 'enrollment', id, 'version', 0)),
          array_agg(id::text), 25::smallint) as enrolled
        from inserted
      )
      select (select enrolled from jobs) as enrolled,
        coalesce((
          select json_agg(json_build_object('contactId', id, 'reason', reason) order by ord, id)
          from checked where reason is not null), '[]') as skipped`;
    return {
      enrolled: result?.enrolled ?? 0,
      version: latest.version,
      skipped: result?.skipped ?? [],
    };
  });
}

export class EnrollError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'EnrollError';
    this.code = code;
  }
}
