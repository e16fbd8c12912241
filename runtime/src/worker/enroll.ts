import { resolveSettings, type Sequence } from '@nudge/schema';
import type { Sql } from 'postgres';

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
 * Enrolls contacts in the latest published version of a sequence, in one transaction of
 * set-based statements: contacts already active here, unsubscribed or suppressed ones, ones that
 * ended before (unless `allowReenroll`) and ones active in another sequence of the same
 * exclusive group are skipped with a reason; the others get an enrollment row and a `step` job,
 * added in one batch. The worker applies `enrolled` when the job runs.
 */
export async function enroll(
  sql: Sql,
  workspace: string,
  sequence: string,
  contactIds: readonly string[],
): Promise<Enrolled> {
  const ids = [...new Set(contactIds)];
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
    // Serialises enrollments of one sequence, so two concurrent calls can't both pass the checks.
    await tx`select pg_advisory_xact_lock(hashtext(${`enroll:${workspace}:${sequence}`}))`;

    // Only the skipped come back (with a reason): the accepted ones never cross the wire again.
    const skipped = await tx<Skipped[]>`
      select id as "contactId", reason from (
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
        from unnest(${ids}::text[]) with ordinality as w(id, ord)
        left join contacts c on c.workspace_id = ${workspace} and c.id = w.id
      ) checked
      where reason is not null
      order by ord`;

    // A separate statement from the checks: in one, the insert would run while the checks
    // still read enrollments, and a plan made when the table was empty scans it once per row.
    // Their first jobs: nudge_add_new_jobs (migration 004), one set-based insert.
    const [added] = await tx<Array<{ enrolled: number }>>`
      with inserted as (
        insert into enrollments (workspace_id, sequence_id, version, contact_id, status, state, state_version, enrolled_at)
        select ${workspace}, ${sequence}, ${latest.version}, id, 'active', '{}'::jsonb, 0, now()
        from (select unnest(${ids}::text[]) except select unnest(${skipped.map((s) => s.contactId)}::text[])) as accepted(id)
        returning id
      )
      -- Both arrays in one pass, so their elements line up.
      select nudge_add_new_jobs('step', payloads, keys, 25::smallint) as enrolled
      from (
        select array_agg(json_build_object('workspace', ${workspace}::text, 'enrollment', id, 'version', 0)) as payloads,
               array_agg(id::text) as keys
        from inserted
      ) jobs`;
    return { enrolled: added?.enrolled ?? 0, version: latest.version, skipped };
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
