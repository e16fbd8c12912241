import type { Json } from './openapi-parts.ts';

/**
 * The error answers of the OpenAPI document. Every error is `{ "error": { code, message,
 * details? } }` (errors.ts); an answer in the document lists the codes it may carry, as an
 * enum on `error.code`, so a client (or a test) can tell from the document alone which codes
 * to expect where. The answers that follow from what an operation takes (a token, a body,
 * parameters) are added by `withErrors`, so no operation can forget them.
 */

/** Each code the API answers with, and what it means: the descriptions are built from these. */
const CODES = {
  invalid_json: 'the body is not JSON (details: `{ line, column, offset }` of the fault)',
  invalid_encoding: 'the body is not UTF-8 text',
  invalid_body: 'the body is JSON, but not the object this call takes',
  unknown_property:
    'the body has a property this call does not take, often a typo (details: `{ unknown, allowed }`)',
  invalid_query: 'a query parameter is not of its type or out of its range',
  invalid_id: 'the id in the path is not a sequence id (`[a-z0-9][a-z0-9_-]{0,63}`)',
  invalid_event:
    'the event lacks the contact or its type, or a field is of the wrong type (details: `{ pointer }`)',
  invalid_migrate: '`migrate` is not an object of old node ids to new node ids',
  invalid_if_match:
    '`If-Match` is neither `*` nor a list of entity tags such as `"3"`, quotes included (details: `{ header }`)',
  unauthorized:
    'no bearer token, or not a valid one (unknown or revoked); the answer says `WWW-Authenticate: Bearer`',
  forbidden: "the token is a viewer's, which may only read (details: `{ role }`)",
  sequence_not_found: 'no sequence with this id in the workspace',
  contact_not_found: 'no such contact in the workspace: nothing was recorded',
  task_not_found: 'no task with this id in the workspace',
  enrollment_not_found: 'no enrollment with this id in the workspace',
  message_not_found: 'no captured message with this id in the workspace',
  sequence_exists:
    'a sequence has this id already: PUT replaces its draft (details: `{ sequenceId }`)',
  not_published: 'the sequence has no published version: publish it first',
  draft_changed:
    "the draft is not at the revision `If-Match` names (changed since it was loaded, or gone): nothing was changed (details: `{ sequenceId, revision, etag }`, the draft's now, null when there is none)",
  email_taken: 'a contact was given an email that another contact of the workspace has',
  payload_too_large:
    'the body is larger than this call takes (details: `{ limit }`, in bytes); the connection is closed',
  too_many_contacts:
    'more contacts, or contact ids, than one call takes (details: `{ limit }`): send them in parts',
  unsupported_media_type:
    'the `Content-Type` is not JSON: send `application/json` (or any `application/*+json`), or none',
  invalid_text:
    'a string holds a NUL character or a lone surrogate (or a malformed %-escape), which is not text that can be stored (details: `{ pointer }` into the body, `{ in: "path" }`, or `{ parameter, in: "query" }`)',
  invalid_sequence:
    "the body is not a valid sequence file (details: `{ errors, warnings }`, the validator's Problems)",
  id_mismatch: "the file's `id` is not the id in the path (details: `{ pointer, fileId, pathId }`)",
  invalid_segment:
    'the segment is not a RULE of contact fields (details: `{ problems }`, with pointers under `/segment`)',
  invalid_contacts:
    'a contact is not valid (details: `{ problems }`, each with the index and a pointer); nothing was written',
  duplicate_contacts:
    'two contacts of the call have one id or one email (details: `{ problems }`); nothing was written',
  invalid_test_send:
    "the test send lacks `node`, `to` or its contact, or `to` is not an address of the step's channel (details: `{ pointer }`)",
  step_not_found: 'the draft has no step with this id (details: `{ node }`)',
  not_a_message_step:
    'the step is not an email, SMS or AlimTalk step, the only ones that send (details: `{ node, type }`)',
  cannot_render:
    "the step's own data (or the settings it renders with) is invalid, or a template of it failed to render: too costly, a filter refused its input... (details: `{ node, field? , problems? }`)",
  address_suppressed:
    "the address is on the workspace's suppression list (bounced, or asked for nothing): tests don't go there either (details: `{ to, reason? }`)",
  delivery_failed:
    'the mail server or messaging provider refused the message for good (details: `{ code? }`, its reason)',
  delivery_unavailable:
    'the mail server or messaging provider could not take the message now: try again later (details: `{ code? }`)',
  template_not_found: 'no template with this id in the workspace (details: `{ templateId }`)',
  template_changed:
    "the template is not at the revision `If-Match` names: nothing was changed (details: `{ templateId, revision, etag }`, the template's now)",
  template_in_use:
    'a draft links the template: unlink or copy it in those steps first (details: `{ sequences: [{ id, steps }] }`)',
  too_many_templates:
    'the workspace keeps as many templates as it may (details: `{ limit }`): delete one first',
  invalid_template:
    'the template is not valid: its name, tags, channel or content (details: `{ problems }`, each with a `pointer` into the body)',
  template_link_broken:
    "a step of the draft links a template that the workspace does not have, or one of another channel (details: `{ problems }`, each with the step's `node` and `pointer`)",
  too_many_requests:
    'too many wrong tokens from this client address: a request with a token waits the seconds in `Retry-After` (details: `{ retryAfter }`, the same seconds)',
} as const;

export type ErrorCode = keyof typeof CODES;

/** The 4xx statuses the document describes. */
type Status = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 429 | 503;

/** An error answer: the codes it may carry, and optionally a sentence on this call's case. */
export type Answer = readonly ErrorCode[] | { codes: readonly ErrorCode[]; note: string };

/** The answers shared by many operations: components/responses, by name. */
const SHARED = {
  NotJson: { status: 400, codes: ['invalid_json', 'invalid_encoding'] },
  Unauthorized: { status: 401, codes: ['unauthorized'] },
  Forbidden: { status: 403, codes: ['forbidden'] },
  PayloadTooLarge: { status: 413, codes: ['payload_too_large'] },
  UnsupportedMediaType: { status: 415, codes: ['unsupported_media_type'] },
  InvalidText: { status: 422, codes: ['invalid_text'] },
  TooManyRequests: { status: 429, codes: ['too_many_requests'] },
} as const satisfies Record<string, { status: Status; codes: readonly ErrorCode[] }>;

const HEADERS: Partial<Record<Status, Json>> = {
  401: {
    'WWW-Authenticate': {
      description: 'always `Bearer` (RFC 6750): the scheme to authenticate with',
      schema: { type: 'string', const: 'Bearer' },
    },
  },
  429: {
    'Retry-After': {
      description: 'the seconds to wait before this client address may try again',
      required: true,
      schema: { type: 'integer', minimum: 1 },
    },
  },
};

/** The Error schema: the one shape of every error answer. */
export const errorSchema: Json = {
  type: 'object',
  description: 'Every error answer: a 4xx for anything the caller can fix, a 500 for our faults',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      additionalProperties: false,
      properties: {
        code: {
          type: 'string',
          pattern: '^[a-z][a-z0-9_]*$',
          description:
            'what went wrong, stable and machine-readable: act on this, not on the message. Each answer lists the codes it may carry.',
        },
        message: {
          type: 'string',
          description: 'one sentence, in English, that a person can act on; its wording may change',
        },
        details: {
          type: 'object',
          description:
            'more on the case, when the code has more to say: a JSON `pointer` into the body, the `parameter` and where it is (`in`), a `limit`, `problems`... Each code says what its details hold.',
        },
      },
    },
  },
};

/** components/responses: the shared answers, each described once. */
export function errorResponses(): Json {
  return Object.fromEntries(
    Object.entries(SHARED).map(([name, { status, codes }]) => [
      name,
      response(status, codes, undefined),
    ]),
  );
}

type Method = 'get' | 'post' | 'put' | 'delete';

/**
 * `operation` with its error answers: those that follow from what it takes, merged with its
 * own (`answers`). Every operation: 422 `invalid_text` (the path, the query, the body). Behind
 * the token (no `security` of its own): 401 and 429, and 403 for a method other than GET
 * (viewers only read). A JSON body: 400 not JSON, 413 and 415. An own answer for one of those
 * statuses adds its codes (and its note) to the shared ones; an answer equal to a shared one
 * is a $ref to it.
 */
export function withErrors(
  method: Method,
  operation: Json,
  answers: Partial<Record<Status, Answer>> = {},
): Json {
  const merged = new Map<Status, { codes: ErrorCode[]; notes: string[] }>();
  const add = (status: Status, answer: Answer) => {
    const entry = merged.get(status) ?? { codes: [], notes: [] };
    const { codes, note } = 'codes' in answer ? answer : { codes: answer, note: undefined };
    for (const code of codes) if (!entry.codes.includes(code)) entry.codes.push(code);
    if (note) entry.notes.push(note);
    merged.set(status, entry);
  };
  const guarded = operation.security === undefined;
  if (guarded) {
    add(401, SHARED.Unauthorized.codes);
    if (method !== 'get') add(403, SHARED.Forbidden.codes);
    add(429, SHARED.TooManyRequests.codes);
  }
  if (operation.requestBody !== undefined) {
    add(400, SHARED.NotJson.codes);
    add(413, SHARED.PayloadTooLarge.codes);
    add(415, SHARED.UnsupportedMediaType.codes);
  }
  // Every /api request passes the text door (text-door.ts): a path or a query string, declared
  // parameters or not, and a JSON body read by readJson.
  add(422, SHARED.InvalidText.codes);
  for (const [status, answer] of Object.entries(answers)) add(Number(status) as Status, answer);

  const errors = Object.fromEntries(
    [...merged].map(([status, { codes, notes }]) => {
      const shared = Object.entries(SHARED).find(
        ([, s]) => s.status === status && sameCodes(s.codes, codes),
      );
      return [
        status,
        shared && notes.length === 0
          ? { $ref: `#/components/responses/${shared[0]}` }
          : response(status, codes, notes.join(' ')),
      ];
    }),
  );
  // Integer keys list in ascending order in any object: the 2xx first, then errors by status.
  return { ...operation, responses: { ...(operation.responses as Json), ...errors } };
}

function response(status: Status, codes: readonly ErrorCode[], note: string | undefined): Json {
  const list = codes.map((code) => `- \`${code}\`: ${CODES[code]}`).join('\n');
  const headers = HEADERS[status];
  return {
    description: note ? `${note}\n\n${list}` : list,
    ...(headers ? { headers } : {}),
    content: {
      'application/json': {
        schema: {
          allOf: [{ $ref: '#/components/schemas/Error' }],
          properties: { error: { properties: { code: { enum: [...codes] } } } },
        },
      },
    },
  };
}

const sameCodes = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((code) => b.includes(code));
