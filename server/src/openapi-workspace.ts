import { EVENT_TYPES } from '@nudge/runtime/core';
import { withErrors } from './openapi-errors.ts';
import { outboxPaths } from './openapi-outbox.ts';
import {
  counts,
  idParam,
  type Json,
  json,
  jsonBody,
  obj,
  pageParams,
  ref,
} from './openapi-parts.ts';
import { taskPaths } from './openapi-tasks.ts';

/**
 * The OpenAPI paths of the workspace routes (FORMAT.md section 8): all behind a bearer token;
 * viewers' tokens may only GET. Merged into the document by openapi.ts. The errors that
 * follow from the token, the body and the parameters are added by withErrors; each
 * operation names the others its route answers with.
 */
export function workspacePaths(): Json {
  const created = obj({ id: { type: 'string' } });
  return {
    '/api/sequences': {
      post: withErrors(
        'post',
        {
          operationId: 'importSequence',
          summary: 'Import a sequence file as a new draft',
          description:
            'The id is the file\'s, else a slug of its name ("Cold mail" → `cold-mail`; `sequence-<hex>` when the name has no Latin letters or digits). An id in use is a 409: PUT replaces a draft.',
          requestBody: jsonBody(ref('Sequence')),
          responses: { 201: json(created, 'Created') },
        },
        { 409: ['sequence_exists'], 422: ['invalid_sequence'] },
      ),
    },
    '/api/sequences/{id}': {
      put: withErrors(
        'put',
        {
          operationId: 'putSequence',
          summary: 'Replace (or create) the draft of a sequence',
          parameters: [idParam],
          requestBody: jsonBody(ref('Sequence')),
          responses: { 200: json(created, 'Replaced'), 201: json(created, 'Created') },
        },
        { 400: ['invalid_id'], 422: ['invalid_sequence', 'id_mismatch'] },
      ),
    },
    '/api/sequences/{id}/export': {
      get: withErrors(
        'get',
        {
          operationId: 'exportSequence',
          summary: 'The draft, as a sequence file',
          parameters: [idParam],
          responses: { 200: json(ref('Sequence'), 'The sequence file') },
        },
        { 404: ['sequence_not_found'] },
      ),
    },
    '/api/sequences/{id}/publish': { post: publishOperation() },
    '/api/sequences/{id}/enrollments': {
      post: withErrors(
        'post',
        {
          operationId: 'enroll',
          summary: 'Enroll contacts, by id or by segment, in the latest published version',
          description:
            'A segment is a RULE of field tests (event tests are refused: they mean "since the enrollment began"), evaluated in SQL with the semantics of conditions.',
          parameters: [idParam],
          requestBody: jsonBody({
            oneOf: [
              obj({ contactIds: { type: 'array', items: { type: 'string' } } }),
              obj({ segment: ref('Rule') }),
            ],
          }),
          responses: {
            200: json(
              obj({
                enrolled: { type: 'integer' },
                skipped: {
                  type: 'array',
                  items: obj({ contactId: { type: 'string' }, reason: { type: 'string' } }),
                },
              }),
              'Enrolled',
            ),
          },
        },
        {
          400: {
            codes: ['invalid_body', 'unknown_property'],
            note: 'Send either `contactIds` (an array of strings) or `segment`, not both.',
          },
          404: ['sequence_not_found'],
          409: ['not_published'],
          413: ['too_many_contacts'],
          422: ['invalid_segment'],
        },
      ),
      get: withErrors(
        'get',
        {
          operationId: 'listEnrollments',
          summary: 'The enrollments of a sequence, a page at a time (by id)',
          description:
            'The next page, when there may be one, is in the `Link` header (rel="next").',
          parameters: [
            idParam,
            ...pageParams('after', { type: 'string', format: 'uuid' }, 100, 1000),
          ],
          responses: {
            200: json(
              {
                type: 'array',
                items: obj({
                  id: { type: 'string' },
                  contactId: { type: 'string' },
                  status: { type: 'string' },
                  node: { type: ['string', 'null'] },
                  version: { type: 'integer' },
                }),
              },
              'Enrollments',
            ),
          },
        },
        { 400: ['invalid_query'], 404: ['sequence_not_found'] },
      ),
    },
    '/api/sequences/{id}/stats': {
      get: withErrors(
        'get',
        {
          operationId: 'sequenceStats',
          summary: 'Per node: messages sent, contacts per event type, tasks made',
          parameters: [idParam],
          responses: {
            200: json(
              obj({
                nodes: {
                  type: 'array',
                  items: obj({
                    node: { type: 'string' },
                    ...Object.fromEntries(counts.map((k) => [k, { type: 'integer' }])),
                  }),
                },
              }),
              "Stats, in the order of the draft's nodes",
            ),
          },
        },
        { 404: ['sequence_not_found'] },
      ),
    },
    '/api/contacts': {
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
    '/api/events': { post: eventOperation() },
    ...outboxPaths(),
    ...taskPaths(),
  };
}

function publishOperation(): Json {
  return withErrors(
    'post',
    {
      operationId: 'publishSequence',
      summary: 'Freeze the draft as the next version',
      description:
        "`migrate` maps node ids of the latest version to node ids of the draft; it is checked and kept with the new version. With `migrate` (`{}`: every node to the same id), the waiting enrollees of earlier versions then move to the new one, where they wait as if they had reached the mapped step when they reached theirs; one whose step is gone or can't hold its wait stays on its version (listed in `stayed`, first 100, with the reason). Nobody is dropped or sent a step twice. Without `migrate`, everyone stays on their version. The draft is validated again first.",
      parameters: [idParam],
      requestBody: jsonBody(
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            migrate: { type: 'object', additionalProperties: { type: 'string' } },
          },
        },
        false,
      ),
      responses: {
        200: json(
          obj(
            {
              version: { type: 'integer', minimum: 1 },
              moved: {
                type: 'integer',
                minimum: 0,
                description: 'with `migrate`: the enrollees moved to this version',
              },
              stayed: {
                type: 'array',
                description: 'with `migrate`: the first 100 enrollees that stay on their version',
                items: obj({
                  enrollmentId: { type: 'string', format: 'uuid' },
                  contactId: { type: 'string' },
                  version: { type: 'integer', minimum: 1 },
                  reason: { type: 'string' },
                }),
              },
              stayedTotal: {
                type: 'integer',
                minimum: 0,
                description: 'with `migrate`: how many stay on their version',
              },
            },
            ['version'],
          ),
          'Published',
        ),
      },
    },
    {
      400: ['invalid_body', 'unknown_property', 'invalid_migrate'],
      404: ['sequence_not_found'],
      422: {
        codes: ['invalid_migrate', 'invalid_sequence'],
        note: '`invalid_migrate` here: a key is not a node of the published version, or a value not a node of the draft (details: `{ problems }`, each with a pointer under `/migrate`). `invalid_sequence`: the draft, stored by an earlier release, breaks a rule added since (details: `{ errors, warnings }`); PUT it again, fixed.',
      },
    },
  );
}

function eventOperation(): Json {
  return withErrors(
    'post',
    {
      operationId: 'recordEvent',
      summary: 'Record an event: exits and wake-ups apply at once',
      requestBody: jsonBody({
        type: 'object',
        required: ['type'],
        properties: {
          contactId: { type: 'string' },
          email: { type: 'string' },
          type: { enum: [...EVENT_TYPES] },
          sequenceId: { type: 'string' },
          node: { type: 'string' },
          name: { type: 'string' },
          at: { type: 'string', format: 'date-time' },
        },
      }),
      responses: { 202: json({ type: 'object' }, 'Recorded: `{ id, ended, woke }`') },
    },
    {
      400: ['invalid_body', 'unknown_property', 'invalid_event'],
      404: {
        codes: ['contact_not_found', 'sequence_not_found'],
        note: 'The contact (by `contactId` or `email`) or the `sequenceId` is not in the workspace: nothing was recorded.',
      },
    },
  );
}
