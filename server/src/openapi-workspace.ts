import { EVENT_TYPES } from '@nudge/runtime/core';
import { contactPaths } from './openapi-contacts.ts';
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
import { sequencePaths } from './openapi-sequence-paths.ts';
import { taskPaths } from './openapi-tasks.ts';
import { testSendPaths } from './openapi-test-send.ts';

/**
 * The OpenAPI paths of the workspace routes (FORMAT.md section 8): all behind a bearer token;
 * viewers' tokens may only GET. Merged into the document by openapi.ts. The errors that
 * follow from the token, the body and the parameters are added by withErrors; each
 * operation names the others its route answers with.
 */
export function workspacePaths(): Json {
  return {
    ...sequencePaths(),
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
    ...contactPaths(),
    '/api/events': { post: eventOperation() },
    ...outboxPaths(),
    ...taskPaths(),
    ...testSendPaths(),
  };
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
