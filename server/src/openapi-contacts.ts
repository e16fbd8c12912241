import { contactJsonSchema } from '@nudge/schema';
import { withErrors } from './openapi-errors.ts';
import { type Json, json, jsonBody, obj, ref } from './openapi-parts.ts';
import {
  DEFAULT_LIMIT,
  MAX_CURSOR_CHARS,
  MAX_LIMIT,
  MAX_QUERY_CHARS,
} from './routes/contact-search.ts';

/** The OpenAPI paths and schema of the contacts: routes/contacts.ts. */

const contactId = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'the contact id',
};

/** A contact as the API answers it: a contact file's shape, its id and lists always there. */
export function contactSchemas(): Json {
  const { $schema: _dialect, $id: _id, title: _title, ...contact } = contactJsonSchema;
  return {
    Contact: {
      ...contact,
      description:
        'A contact, as in a contacts file (FORMAT.md section 6): the fields it has no value for are left out.',
      required: ['id', 'tags', 'attributes', 'unsubscribed'],
    },
  };
}

export function contactPaths(): Json {
  return {
    '/api/contacts': {
      get: withErrors(
        'get',
        {
          operationId: 'searchContacts',
          summary: 'Find contacts by name, email, company or phone, a page at a time',
          description: `The contacts of the workspace whose name, email, company or phone holds \`q\` (in any case, anywhere: \`민지\` finds 김민지; \`%\` and \`_\` are plain characters), ordered by id. Without \`q\`, every contact. A page holds \`limit\` contacts at most; \`next\` is the \`cursor\` of the page after, null on the last page; the next page's URL is also in the \`Link\` header (rel="next"), as on the other lists.`,
          parameters: [
            {
              name: 'q',
              in: 'query',
              schema: { type: 'string', maxLength: MAX_QUERY_CHARS },
              description: `what to look for, at most ${MAX_QUERY_CHARS} characters (spaces around it are ignored; empty: every contact)`,
            },
            {
              name: 'limit',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
            },
            {
              name: 'cursor',
              in: 'query',
              schema: { type: 'string', pattern: '^[A-Za-z0-9_-]+$', maxLength: MAX_CURSOR_CHARS },
              description: 'the `next` of the previous page, as it was given (opaque)',
            },
          ],
          responses: {
            200: json(
              obj({
                contacts: { type: 'array', items: ref('Contact') },
                next: {
                  type: ['string', 'null'],
                  description: 'the `cursor` of the next page; null when this is the last',
                },
              }),
              'A page of the contacts that match, by id',
            ),
          },
        },
        {
          400: {
            codes: ['invalid_query'],
            note: '`q` is longer than it may be, `limit` is not a whole number in its range, or `cursor` is not one this API gave (details: `{ parameter, in: "query" }`).',
          },
        },
      ),
      post: withErrors(
        'post',
        {
          operationId: 'upsertContacts',
          summary: 'Upsert contacts by id, else by email (at most 50,000 a call)',
          requestBody: jsonBody(obj({ contacts: { type: 'array', items: { type: 'object' } } })),
          responses: {
            200: json(
              obj({ ids: { type: 'array', items: { type: 'string' } } }),
              'The ids, in input order',
            ),
          },
        },
        {
          400: ['invalid_body', 'unknown_property'],
          409: ['email_taken'],
          413: ['too_many_contacts'],
          422: ['invalid_contacts', 'duplicate_contacts'],
        },
      ),
    },
    '/api/contacts/{id}': {
      get: withErrors(
        'get',
        {
          operationId: 'getContact',
          summary: 'One contact',
          parameters: [contactId],
          responses: { 200: json(ref('Contact'), 'The contact') },
        },
        {
          404: {
            codes: ['contact_not_found'],
            note: 'No contact of this id in the workspace (details: `{ contactId }`).',
          },
        },
      ),
    },
  };
}
