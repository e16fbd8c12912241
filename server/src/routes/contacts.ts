import { type Contact, checkContact } from '@nudge/schema';
import type { Hono } from 'hono';
import type { ApiEnv } from '../auth.ts';
import { limitBody } from '../body.ts';
import { findContact, searchContacts, upsertContacts } from '../db/contacts.ts';
import type { Sql } from '../db/types.ts';
import { ApiError, methodNotAllowed } from '../errors.ts';
import { MAX_BODY_BYTES, onlyKnown, readJsonObject } from '../json-body.ts';
import { cursorOf, readContactSearch } from './contact-search.ts';

/** The most contacts one call may upsert: larger imports are split by the caller. */
export const MAX_CONTACTS = 50_000;

/**
 * POST /api/contacts `{ contacts: [CONTACT, ...] }` → 200 `{ ids }` (in input order). Each
 * contact is checked as strictly as a contact file (FORMAT.md section 6, the same check as
 * `nudge simulate --contact`); every problem names the contact's index and the property.
 * Nothing is written unless all are valid.
 *
 * GET /api/contacts?q&limit&cursor → 200 `{ contacts, next }`: a page of the contacts whose
 * name, email, company or phone holds `q`, by id; `next` is the cursor of the page after, or
 * null. GET /api/contacts/:id → 200 the contact. Both answer contacts as a contact file holds
 * them (contactOf: absent fields left out).
 */
export function contactRoutes(api: Hono<ApiEnv>, sql: Sql): void {
  api.post('/contacts', limitBody(MAX_BODY_BYTES), async (c) => {
    const body = await readJsonObject(c, '{ "contacts": [CONTACT, ...] }');
    onlyKnown(body, ['contacts']);
    const { contacts } = body;
    if (!Array.isArray(contacts))
      throw new ApiError(400, 'invalid_body', '"contacts" must be an array of contacts');
    if (contacts.length > MAX_CONTACTS)
      throw new ApiError(
        413,
        'too_many_contacts',
        `at most ${MAX_CONTACTS} contacts per call (got ${contacts.length}): send them in parts`,
        { limit: MAX_CONTACTS },
      );
    const problems = contacts.flatMap((contact, index) => {
      const checked = checkContact(contact);
      return checked.ok
        ? []
        : checked.problems.map(({ pointer, message }) => ({
            index,
            pointer: `/contacts/${index}${pointer}`,
            message,
          }));
    });
    if (problems.length > 0)
      throw new ApiError(
        422,
        'invalid_contacts',
        `${problems.length} problem${problems.length === 1 ? '' : 's'}, the first in contacts[${problems[0]?.index}]: ${problems[0]?.message}`,
        { problems: problems.slice(0, 100) },
      );
    const ids = await upsertContacts(sql, c.var.workspace, contacts as Contact[]);
    return c.json({ ids });
  });
  // The contacts picker of the editor's Preview: a page of contacts that match `q`, by id.
  api.get('/contacts', async (c) => {
    const { q, after, limit } = readContactSearch(c);
    const page = await searchContacts(sql, c.var.workspace, { q, after, limit });
    const last = page.contacts.at(-1)?.id;
    const next = page.more && last !== undefined ? cursorOf(last) : null;
    // Also as the other lists give it, for clients that follow `Link`.
    if (next !== null) {
      const url = new URL(c.req.url);
      url.searchParams.set('cursor', next);
      url.searchParams.set('limit', String(limit));
      c.header('Link', `<${url.pathname}${url.search}>; rel="next"`);
    }
    return c.json({ contacts: page.contacts, next });
  });
  api.all('/contacts', methodNotAllowed(['GET', 'HEAD', 'POST']));

  api.get('/contacts/:id', async (c) =>
    c.json(await findContact(sql, c.var.workspace, c.req.param('id'))),
  );
  api.all('/contacts/:id', methodNotAllowed(['GET', 'HEAD']));
}
