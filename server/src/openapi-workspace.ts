import { EVENT_TYPES } from '@nudge/runtime/core';

/**
 * The OpenAPI paths of the workspace routes (FORMAT.md section 8): all behind a bearer token;
 * viewers' tokens may only GET. Merged into the document by openapi.ts.
 */
import {
  counts,
  error,
  guarded,
  idParam,
  type Json,
  json,
  obj,
  pageParams,
  ref,
  writing,
} from './openapi-parts.ts';
import { taskPaths } from './openapi-tasks.ts';

export function workspacePaths(): Json {
  return {
    '/api/sequences': {
      post: {
        operationId: 'importSequence',
        summary: 'Import a sequence file as a new draft',
        description:
          'The id is the file\'s, else a slug of its name ("Cold mail" → `cold-mail`; `sequence-<hex>` when the name has no Latin letters or digits). An id in use is a 409: PUT replaces a draft.',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('Sequence') } },
        },
        responses: {
          201: json(obj({ id: { type: 'string' } }), 'Created'),
          ...writing,
          409: error('`sequence_exists`'),
          422: error(
            "`invalid_sequence`: details `{ errors, warnings }` are the validator's Problems",
          ),
        },
      },
    },
    '/api/sequences/{id}': {
      put: {
        operationId: 'putSequence',
        summary: 'Replace (or create) the draft of a sequence',
        parameters: [idParam],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('Sequence') } },
        },
        responses: {
          200: json(obj({ id: { type: 'string' } }), 'Replaced'),
          201: json(obj({ id: { type: 'string' } }), 'Created'),
          ...writing,
          422: error('`invalid_sequence` (as for POST) or `id_mismatch`'),
        },
      },
    },
    '/api/sequences/{id}/export': {
      get: {
        operationId: 'exportSequence',
        summary: 'The draft, as a sequence file',
        parameters: [idParam],
        responses: { 200: json(ref('Sequence'), 'The sequence file'), ...guarded },
      },
    },
    '/api/sequences/{id}/publish': {
      post: {
        operationId: 'publishSequence',
        summary: 'Freeze the draft as the next version',
        description:
          "`migrate` maps node ids of the latest version to node ids of the draft; it is checked and kept with the new version. With `migrate` (`{}`: every node to the same id), the waiting enrollees of earlier versions then move to the new one, where they wait as if they had reached the mapped step when they reached theirs; one whose step is gone or can't hold its wait stays on its version (listed in `stayed`, first 100, with the reason). Nobody is dropped or sent a step twice. Without `migrate`, everyone stays on their version.",
        parameters: [idParam],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  migrate: { type: 'object', additionalProperties: { type: 'string' } },
                },
              },
            },
          },
        },
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
          ...writing,
          422: error('`invalid_migrate`: details.problems name each wrong node id by pointer'),
        },
      },
    },
    '/api/sequences/{id}/enrollments': {
      post: {
        operationId: 'enroll',
        summary: 'Enroll contacts, by id or by segment, in the latest published version',
        description:
          'A segment is a RULE of field tests (event tests are refused: they mean "since the enrollment began"), evaluated in SQL with the semantics of conditions.',
        parameters: [idParam],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  obj({ contactIds: { type: 'array', items: { type: 'string' } } }),
                  obj({ segment: ref('Rule') }),
                ],
              },
            },
          },
        },
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
          ...writing,
          409: error('`not_published`: publish the sequence first'),
          422: error('`invalid_segment`: details.problems with pointers under /segment'),
        },
      },
      get: {
        operationId: 'listEnrollments',
        summary: 'The enrollments of a sequence, a page at a time (by id)',
        description: 'The next page, when there may be one, is in the `Link` header (rel="next").',
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
          400: error('`invalid_query`'),
          ...guarded,
        },
      },
    },
    '/api/sequences/{id}/stats': {
      get: {
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
          ...guarded,
        },
      },
    },
    '/api/contacts': {
      post: {
        operationId: 'upsertContacts',
        summary: 'Upsert contacts by id, else by email (at most 50,000 a call)',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: obj({ contacts: { type: 'array', items: { type: 'object' } } }),
            },
          },
        },
        responses: {
          200: json(
            obj({ ids: { type: 'array', items: { type: 'string' } } }),
            'The ids, in input order',
          ),
          ...writing,
          409: error('`email_taken`'),
          422: error(
            '`invalid_contacts` or `duplicate_contacts`: details.problems name index and property',
          ),
        },
      },
    },
    '/api/events': {
      post: {
        operationId: 'recordEvent',
        summary: 'Record an event: exits and wake-ups apply at once',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
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
              },
            },
          },
        },
        responses: {
          202: json({ type: 'object' }, 'Recorded: `{ id, ended, woke }`'),
          ...writing,
          404: error('`contact_not_found` or `sequence_not_found`: nothing was recorded'),
        },
      },
    },
    ...outboxPaths(),
    ...taskPaths(),
  };
}

const outboxEntry = {
  id: { type: 'integer', description: 'the outbox message id' },
  messageId: { type: ['string', 'null'], description: 'its RFC 5322 Message-ID' },
  to: { type: 'string' },
  from: { type: 'string' },
  subject: { type: 'string' },
  sentAt: { type: 'string', format: 'date-time' },
  enrollmentId: { type: 'string' },
  sequenceId: { type: 'string' },
  node: { type: 'string' },
};
const outboxRequired = ['id', 'messageId', 'to', 'from', 'subject', 'sentAt'];
const messageParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'integer', minimum: 1 },
  description: 'the outbox message id',
};
const messageNotFound = {
  401: guarded[401],
  404: error('`message_not_found`: no such captured message in the workspace'),
};

/** Mail captured instead of sent (no SMTP_URL): the app's local mail catcher. */
function outboxPaths(): Json {
  return {
    '/api/outbox': {
      get: {
        operationId: 'listOutbox',
        summary: 'Captured mail, newest first, a page at a time',
        description:
          'Mail is captured here when Nudge runs without SMTP_URL. Addresses and subjects are read from the stored message, RFC 2047 words decoded. The next page, when there may be one, is in the `Link` header (rel="next").',
        parameters: pageParams('before', { type: 'integer', minimum: 1 }, 50, 500),
        responses: {
          200: json({ type: 'array', items: obj(outboxEntry, outboxRequired) }, 'Captured mail'),
          400: error('`invalid_query`'),
          401: guarded[401],
        },
      },
    },
    '/api/outbox/{id}': {
      get: {
        operationId: 'getOutboxMessage',
        summary: 'One captured message, with its headers and its text and HTML bodies',
        parameters: [messageParam],
        responses: {
          200: json(
            obj(
              {
                ...outboxEntry,
                cc: { type: 'string' },
                replyTo: { type: 'string' },
                headers: {
                  type: 'array',
                  items: obj({ name: { type: 'string' }, value: { type: 'string' } }),
                },
                text: { type: ['string', 'null'] },
                html: { type: ['string', 'null'] },
              },
              [...outboxRequired, 'headers', 'text', 'html'],
            ),
            'The message',
          ),
          ...messageNotFound,
        },
      },
    },
    '/api/outbox/{id}/raw': {
      get: {
        operationId: 'getOutboxMessageRaw',
        summary: 'One captured message as it would have been sent',
        parameters: [messageParam],
        responses: {
          200: {
            description: 'The message',
            content: { 'message/rfc822': { schema: { type: 'string', format: 'binary' } } },
          },
          ...messageNotFound,
        },
      },
    },
  };
}
