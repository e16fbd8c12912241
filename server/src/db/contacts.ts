import type { Contact } from '@nudge/runtime/core';
import { type ContactRow, contactOf } from '@nudge/runtime/worker';
import { ApiError } from '../errors.ts';
import { isPgError, type Sql, UNIQUE_VIOLATION } from './types.ts';

/**
 * Upserts contacts (FORMAT.md section 6) by id, else by email, in one transaction of
 * set-based statements: resolve each contact to an id, update the existing ones (only the
 * properties given: an upsert of `{ id, tags }` keeps the name), insert the others. Returns
 * the ids in input order. A contact with neither id nor email is a new contact.
 */
export async function upsertContacts(
  sql: Sql,
  workspace: string,
  contacts: readonly Contact[],
): Promise<string[]> {
  try {
    return await sql.begin(async (tx) => {
      // One import at a time per workspace: two imports of one new email can't both insert it.
      await tx`select pg_advisory_xact_lock(hashtext(${`contacts:${workspace}`}))`;
      const emails = contacts.flatMap((c) =>
        c.id === undefined && c.email ? [c.email.toLowerCase()] : [],
      );
      const known = await tx<Array<{ id: string; email: string }>>`
        select id, lower(email) as email from contacts
        where workspace_id = ${workspace} and lower(email) = any(${emails}::text[])`;
      const byEmail = new Map(known.map((row) => [row.email, row.id]));
      const rows = contacts.map((c) => ({
        ...c,
        id: c.id ?? (c.email && byEmail.get(c.email.toLowerCase())) ?? crypto.randomUUID(),
      }));
      checkDistinct(rows);
      const json = tx.json(rows as never);
      const updated = await tx<Array<{ id: string }>>`
        update contacts c set
          email = case when x ? 'email' then x->>'email' else c.email end,
          phone = case when x ? 'phone' then x->>'phone' else c.phone end,
          name = case when x ? 'name' then x->>'name' else c.name end,
          company = case when x ? 'company' then x->>'company' else c.company end,
          title = case when x ? 'title' then x->>'title' else c.title end,
          timezone = case when x ? 'timezone' then x->>'timezone' else c.timezone end,
          locale = case when x ? 'locale' then x->>'locale' else c.locale end,
          owner = case when x ? 'owner' then x->'owner' else c.owner end,
          tags = case when x ? 'tags' then array(select jsonb_array_elements_text(x->'tags')) else c.tags end,
          attributes = case when x ? 'attributes' then x->'attributes' else c.attributes end,
          unsubscribed = case when x ? 'unsubscribed' then (x->'unsubscribed')::boolean else c.unsubscribed end
        from jsonb_array_elements(${json}) x
        where c.workspace_id = ${workspace} and c.id = x->>'id'
        returning c.id`;
      await tx`
        insert into contacts (workspace_id, id, email, phone, name, company, title, timezone, locale,
                              owner, tags, attributes, unsubscribed)
        select ${workspace}, x->>'id', x->>'email', x->>'phone', x->>'name', x->>'company',
               x->>'title', x->>'timezone', x->>'locale', x->'owner',
               array(select jsonb_array_elements_text(coalesce(x->'tags', '[]'))),
               coalesce(x->'attributes', '{}'), coalesce((x->'unsubscribed')::boolean, false)
        from jsonb_array_elements(${json}) x
        where not (x->>'id' = any(${updated.map((r) => r.id)}::text[]))`;
      return rows.map((r) => r.id);
    });
  } catch (error) {
    // An email given to one contact that another contact of the workspace already has.
    if (isPgError(error, UNIQUE_VIOLATION))
      throw new ApiError(
        409,
        'email_taken',
        'a contact was given an email that another contact of this workspace has: change one of them, or upsert by email (leave out "id")',
        { constraint: (error as { constraint_name?: string }).constraint_name },
      );
    throw error;
  }
}

/** Two contacts of one call that are the same contact (by id, or by email) are a 422. */
function checkDistinct(rows: ReadonlyArray<Contact & { id: string }>): void {
  const seenIds = new Map<string, number>();
  const seenEmails = new Map<string, number>();
  const problems: Array<{ index: number; pointer: string; message: string }> = [];
  rows.forEach((row, index) => {
    const first = seenIds.get(row.id);
    if (first !== undefined)
      problems.push({
        index,
        pointer: `/contacts/${index}`,
        message: `contacts ${first} and ${index} are the same contact ("${row.id}"): send it once`,
      });
    else seenIds.set(row.id, index);
    const email = row.email?.toLowerCase();
    if (!email) return;
    const other = seenEmails.get(email);
    if (other !== undefined && first === undefined)
      problems.push({
        index,
        pointer: `/contacts/${index}/email`,
        message: `contacts ${other} and ${index} have the same email "${row.email}"`,
      });
    else seenEmails.set(email, index);
  });
  if (problems.length > 0)
    throw new ApiError(422, 'duplicate_contacts', problems.map((p) => p.message).join('; '), {
      problems,
    });
}

/** The columns contactOf() reads, in its order. */
const COLUMNS =
  'id, email, phone, name, company, title, timezone, locale, owner, tags, attributes, unsubscribed';

export interface ContactSearch {
  /** Found anywhere in the name, email, company or phone, in any case; empty: every contact. */
  q: string;
  /** The last id of the previous page (ids in the database's order), or null for the first. */
  after: string | null;
  limit: number;
}

/**
 * One page of a workspace's contacts, by id, that match `q`. Reads one row past the page, so
 * that `more` says whether another page follows (no empty last page). `q` is matched as
 * typed: its LIKE wildcards are escaped. A scan of the workspace's contacts along the primary
 * key: at 100,000 contacts it is fast enough for a picker (contacts.test.ts measures it).
 */
export async function searchContacts(
  sql: Sql,
  workspace: string,
  { q, after, limit }: ContactSearch,
): Promise<{ contacts: Contact[]; more: boolean }> {
  const pattern = q === '' ? null : `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  // Fragments rather than `$1 is null or ...`: each query has a plan that fits it.
  const page = after === null ? sql`` : sql`and id > ${after}`;
  const match =
    pattern === null
      ? sql``
      : sql`and (name ilike ${pattern} escape '\\' or email ilike ${pattern} escape '\\'
                 or company ilike ${pattern} escape '\\' or phone ilike ${pattern} escape '\\')`;
  const rows = await sql<ContactRow[]>`
    select ${sql.unsafe(COLUMNS)} from contacts
    where workspace_id = ${workspace} ${page} ${match}
    order by id
    limit ${limit + 1}`;
  return { contacts: rows.slice(0, limit).map(contactOf), more: rows.length > limit };
}

/** One contact of the workspace, or a 404 `contact_not_found`. */
export async function findContact(sql: Sql, workspace: string, id: string): Promise<Contact> {
  const [row] = await sql<ContactRow[]>`
    select ${sql.unsafe(COLUMNS)} from contacts where workspace_id = ${workspace} and id = ${id}`;
  if (!row)
    throw new ApiError(404, 'contact_not_found', `there is no contact "${id}" in this workspace`, {
      contactId: id,
    });
  return contactOf(row);
}
