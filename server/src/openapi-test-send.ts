import { withErrors } from './openapi-errors.ts';
import { idParam, type Json, json, jsonBody, obj } from './openapi-parts.ts';
import { TEST_SENDS_PER_MINUTE } from './routes/test-send.ts';

/** The OpenAPI path of test sends: routes/test-send.ts. */
export function testSendPaths(): Json {
  const str = { type: 'string' };
  return {
    '/api/sequences/{id}/test-send': {
      post: withErrors(
        'post',
        {
          operationId: 'testSend',
          summary:
            'Send one message step of the draft, rendered for a contact, to an address, as a test',
          description: [
            "The step is rendered with the worker's renderer for the contact (`contactId`, one of the workspace, or `contact`, given whole as in a contacts file: exactly one of them) and sent to `to` through the server's delivery: SMTP_URL, else captured into the outbox (GET /api/outbox lists it); SMS and AlimTalk through the worker's messaging provider (the in-memory capture until one is configured). The email subject and the SMS text start with `[TEST] `; an AlimTalk's text must match its approved template, so it goes as rendered and its fallback SMS carries the mark. The mail's tracking and unsubscribe links are signed as the worker signs them, for the test send's own id, which no message has: a click still redirects but records nothing, and the unsubscribe page unsubscribes no one.",
            'The draft may be unfinished elsewhere: only a step that is not a message step, or whose own data (or the settings it renders with) is invalid, or that fails to render, is refused. An email without a subject (a reply) is rendered in the thread of the nearest email before it that has one. Missing variables render empty, as for enrollees, and are listed in `warnings`.',
            `A test send starts no enrollment, counts in no stats and reads or changes no consent: the contact having unsubscribed does not stop it, as it goes to the address typed. An address on the workspace's suppression list is refused. Each token may make ${TEST_SENDS_PER_MINUTE} test sends a minute (failed ones count): past that, 429 with \`Retry-After\`.`,
          ].join('\n\n'),
          parameters: [idParam],
          requestBody: jsonBody(
            obj(
              {
                node: { type: 'string', description: 'the id of an email, sms or kakao step' },
                to: {
                  type: 'string',
                  maxLength: 254,
                  description:
                    'an email address for an email step, a phone number (`+82 10-1234-5678`, `010-1234-5678`) for an SMS or AlimTalk step',
                },
                contactId: { type: 'string', description: 'a contact of the workspace' },
                contact: {
                  type: 'object',
                  description: 'a contact as in a contacts file (schema/contact.schema.json)',
                },
              },
              ['node', 'to'],
            ),
          ),
          responses: {
            200: json(
              obj(
                {
                  id: {
                    type: 'integer',
                    description: 'the test send; for captured mail, its outbox id',
                  },
                  channel: { enum: ['email', 'sms', 'kakao'] },
                  to: str,
                  subject: {
                    type: 'string',
                    description: 'email: the subject sent, `[TEST] ` first',
                  },
                  messageId: {
                    type: 'string',
                    description: "email: the Message-ID; SMS and AlimTalk: the provider's id",
                  },
                  warnings: {
                    type: 'array',
                    items: str,
                    description: 'variables that rendered empty, per field',
                  },
                },
                ['id', 'channel', 'to', 'warnings'],
              ),
              'Sent (or captured), as a test',
            ),
          },
        },
        {
          400: ['invalid_body', 'unknown_property', 'invalid_test_send'],
          404: {
            codes: ['sequence_not_found', 'step_not_found', 'contact_not_found'],
            note: 'The sequence, the step of its draft, or the contact (`contactId`) is not in the workspace: nothing was sent.',
          },
          422: [
            'invalid_contacts',
            'not_a_message_step',
            'cannot_render',
            'address_suppressed',
            'delivery_failed',
          ],
          429: {
            codes: ['too_many_requests'],
            note: `Also: more than ${TEST_SENDS_PER_MINUTE} test sends in a minute with this token.`,
          },
          503: ['delivery_unavailable'],
        },
      ),
    },
  };
}
