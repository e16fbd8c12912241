import { FORMAT_V1, LIMITS, PROBLEM_CODES } from '@nudge/schema';
import pkg from '../package.json' with { type: 'json' };
import { formatBytes } from './limits.ts';
import { contactSchemas } from './openapi-contacts.ts';
import { errorResponses, errorSchema, withErrors } from './openapi-errors.ts';
import { type Json, json, jsonBody, ref } from './openapi-parts.ts';
import { sequenceSchemas } from './openapi-sequence.ts';
import { templatePaths, templateSchemas } from './openapi-templates.ts';
import { workspacePaths } from './openapi-workspace.ts';

/**
 * The OpenAPI 3.1 document of the API, served at GET /api/openapi.json. Each new route adds
 * its path here; app.test.ts checks that every route the app has is described,
 * openapi.test.ts that each has the error answers its inputs call for (withErrors adds them),
 * and openapi-lint.test.ts lints the document with Redocly's rules (server/redocly.yaml). The
 * sequence JSON Schema is embedded as it is emitted, its `$defs` moved under
 * `components/schemas` (openapi-sequence.ts).
 */

/** Routes that take no token; every other /api route does (FORMAT.md section 8). */
const OPEN = { security: [] };

export function openApiDocument(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Nudge API',
      version: pkg.version,
      description: [
        "The HTTP API of Nudge, a builder of automated follow-up sequences. Every call takes `Authorization: Bearer <token>` except those marked as open; a viewer's token may only read.",
        'Errors are JSON `{ "error": { "code", "message", "details"? } }` (the `Error` schema) with a 4xx status for anything the caller can fix; each answer lists the codes it may carry. Beyond those: a path the API does not have is a 404 `not_found`, and a method a path does not take is a 405 `method_not_allowed` with an `Allow` header. A request that is not HTTP the server can read (no leading slash, a backslash in the path, broken headers) is a 400 `bad_request`, headers too large a 431 `headers_too_large`, and one that takes too long to arrive a 408 `request_timeout`, in the same shape, before any operation.',
      ].join('\n\n'),
    },
    // Relative: the paths are on whichever server serves this document (PUBLIC_URL in
    // production, http://localhost:3000 by default).
    servers: [{ url: '/', description: 'the server that serves this document' }],
    security: [{ bearerAuth: [] }],
    paths: {
      ...workspacePaths(),
      ...templatePaths(),
      '/api/health': {
        get: withErrors('get', {
          operationId: 'health',
          summary: 'The server answers',
          ...OPEN,
          responses: {
            200: json(
              { type: 'object', required: ['ok'], properties: { ok: { const: true } } },
              'The server is up',
            ),
          },
        }),
      },
      '/api/validate': { post: validateOperation() },
      '/api/openapi.json': {
        get: withErrors('get', {
          operationId: 'openApi',
          summary: 'This document',
          ...OPEN,
          responses: {
            200: json({ type: 'object' }, 'The OpenAPI 3.1 document of the API'),
          },
        }),
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token of the workspace',
        },
      },
      responses: errorResponses(),
      schemas: {
        ...sequenceSchemas(),
        ...contactSchemas(),
        ...templateSchemas(),
        Problem: problemSchema(),
        ValidationResult: {
          type: 'object',
          required: ['ok', 'errors', 'warnings'],
          additionalProperties: false,
          properties: {
            ok: {
              type: 'boolean',
              description: 'true when there is no error (warnings may remain)',
            },
            errors: { type: 'array', items: ref('Problem') },
            warnings: { type: 'array', items: ref('Problem') },
          },
        },
        Error: errorSchema,
      },
    },
  };
}

/** POST /api/validate: open, or with a token for larger files (routes/validate.ts). */
function validateOperation(): Json {
  return withErrors(
    'post',
    {
      operationId: 'validateSequence',
      summary: 'Validate a sequence file',
      description: `Checks a sequence file (format \`${FORMAT_V1}\`): its shape, its graph and its templates, as \`nudge validate\` does. Reads and stores nothing. Any JSON is accepted and judged: the answer is 200 whether the file is valid or not (a string holding a NUL or a lone surrogate is an \`invalid_text\` problem). A UTF-8 byte order mark is ignored. No token is needed; one raises the body limit.`,
      // Either no token at all, or a bearer token: `` is the empty requirement.
      security: [{}, { bearerAuth: [] }],
      requestBody: jsonBody(ref('Sequence')),
      responses: {
        200: json(ref('ValidationResult'), 'The verdict: `ok` is false when there is any error'),
      },
    },
    {
      401: {
        codes: ['unauthorized'],
        note: 'Only when a token is sent, and it is not a valid one.',
      },
      413: {
        codes: ['payload_too_large'],
        note: `Without a token the limit is lower (\`details.limit\`); a valid token, of any role, raises it to the sequence file's, ${formatBytes(LIMITS.fileBytes)} (\`details.limitWithToken\`).`,
      },
      // This call judges the file rather than refusing it: such a string in the file is a
      // problem of its verdict, a 200 like any other.
      422: {
        codes: [],
        note: 'Only for the path or the query: a NUL or a lone surrogate in the file is an `invalid_text` problem of the 200 verdict.',
      },
      429: {
        codes: ['too_many_requests'],
        note: 'Only when a token is sent: wrong ones count against the address as on every other route.',
      },
    },
  );
}

function problemSchema(): Json {
  return {
    type: 'object',
    description: 'A problem found in a sequence file, with where it is',
    required: ['severity', 'code', 'message', 'pointer'],
    additionalProperties: false,
    properties: {
      severity: { enum: ['error', 'warning'] },
      code: {
        oneOf: Object.entries(PROBLEM_CODES).map(([code, meaning]) => ({
          const: code,
          description: meaning,
        })),
      },
      message: { type: 'string' },
      pointer: {
        type: 'string',
        description: "RFC 6901 JSON pointer into the file ('' is the whole file)",
      },
      nodeId: { type: 'string', description: 'the node the problem concerns' },
      edgeId: { type: 'string', description: 'the edge the problem concerns' },
      params: {
        type: 'object',
        additionalProperties: { type: 'string' },
        description: 'the values the message names, by name, for a translation of it',
      },
    },
  };
}
