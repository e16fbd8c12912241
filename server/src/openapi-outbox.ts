import { withErrors } from './openapi-errors.ts';
import { type Json, json, obj, pageParams } from './openapi-parts.ts';

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
  test: {
    const: true,
    description:
      'a test send (POST /api/sequences/{id}/test-send), subject marked `[TEST] `: no enrollment, counted nowhere',
  },
};
const outboxRequired = ['id', 'messageId', 'to', 'from', 'subject', 'sentAt'];
const messageParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'integer', minimum: 1 },
  description: 'the outbox message id',
};

/** The OpenAPI paths of mail captured instead of sent (no SMTP_URL): routes/outbox.ts. */
export function outboxPaths(): Json {
  return {
    '/api/outbox': {
      get: withErrors(
        'get',
        {
          operationId: 'listOutbox',
          summary: 'Captured mail, newest first, a page at a time',
          description:
            'Mail is captured here when Nudge runs without SMTP_URL. Addresses and subjects are read from the stored message, RFC 2047 words decoded. The next page, when there may be one, is in the `Link` header (rel="next").',
          parameters: pageParams('before', { type: 'integer', minimum: 1 }, 50, 500),
          responses: {
            200: json({ type: 'array', items: obj(outboxEntry, outboxRequired) }, 'Captured mail'),
          },
        },
        { 400: ['invalid_query'] },
      ),
    },
    '/api/outbox/{id}': {
      get: withErrors(
        'get',
        {
          operationId: 'getOutboxMessage',
          summary: 'One captured message, with its headers and its text and HTML bodies',
          description:
            "For a viewer's token, the token of every signed link (tracking, unsubscribe) in the headers and bodies is redacted, and `redactedLinks` counts them.",
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
                  redactedLinks: {
                    type: 'integer',
                    minimum: 0,
                    description:
                      "for a viewer's token only: the signed links whose token was redacted",
                  },
                },
                [...outboxRequired, 'headers', 'text', 'html'],
              ),
              'The message',
            ),
          },
        },
        { 404: ['message_not_found'] },
      ),
    },
    '/api/outbox/{id}/raw': {
      get: withErrors(
        'get',
        {
          operationId: 'getOutboxMessageRaw',
          summary: 'One captured message as it would have been sent',
          description:
            "Not for viewers' tokens: the message holds the recipient's signed tracking and unsubscribe links, and its DKIM-signed bytes can't be redacted. GET /api/outbox/{id} shows it to them with the links redacted.",
          parameters: [messageParam],
          responses: {
            200: {
              description: 'The message',
              content: { 'message/rfc822': { schema: { type: 'string', format: 'binary' } } },
            },
          },
        },
        {
          403: {
            codes: ['forbidden'],
            note: "A viewer's token may not read raw messages (before any lookup): they hold signed links that act for the recipient, such as unsubscribing.",
          },
          404: ['message_not_found'],
        },
      ),
    },
  };
}
