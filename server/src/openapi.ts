import { FORMAT_V1, PROBLEM_CODES, sequenceJsonSchema } from '@nudge/schema';
import pkg from '../package.json' with { type: 'json' };
import { workspacePaths } from './openapi-workspace.ts';

/**
 * The OpenAPI 3.1 document of the API, served at GET /api/openapi.json. Each new route adds
 * its path here; the test checks that every route the app has is described and every $ref
 * resolves. The sequence JSON Schema is embedded as it is emitted, its `$defs` moved under
 * `components/schemas` so that OpenAPI tools resolve them.
 */
type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errorAnswer = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});
/** Routes that take no token; every other /api route does (FORMAT.md section 8). */
const OPEN = { security: [] };

export function openApiDocument(): Json {
  const { sequence, defs } = hoistDefs(sequenceJsonSchema);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Nudge API',
      version: pkg.version,
      description:
        'The HTTP API of Nudge, a builder of automated follow-up sequences. Errors are JSON `{ "error": { "code", "message", "details"? } }` with a 4xx status for anything the caller can fix. Every call takes `Authorization: Bearer <token>` except those marked as open.',
    },
    security: [{ bearerAuth: [] }],
    paths: {
      ...workspacePaths(),
      '/api/health': {
        get: {
          operationId: 'health',
          summary: 'The server answers',
          ...OPEN,
          responses: {
            200: {
              description: 'The server is up',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['ok'],
                    properties: { ok: { const: true } },
                  },
                },
              },
            },
          },
        },
      },
      '/api/validate': {
        post: {
          operationId: 'validateSequence',
          summary: 'Validate a sequence file',
          description: `Checks a sequence file (format \`${FORMAT_V1}\`): its shape, its graph and its templates, as \`nudge validate\` does. Reads and stores nothing. Any JSON is accepted and judged: the answer is 200 whether the file is valid or not. A UTF-8 byte order mark is ignored.`,
          ...OPEN,
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref('Sequence') } },
          },
          responses: {
            200: {
              description: 'The verdict: `ok` is false when there is any error',
              content: { 'application/json': { schema: ref('ValidationResult') } },
            },
            400: errorAnswer(
              '`invalid_json` (details: line, column, offset) or `invalid_encoding`: the body is not JSON text',
            ),
            413: errorAnswer('`payload_too_large`: the body is over the limit (details: limit)'),
            415: errorAnswer('`unsupported_media_type`: the Content-Type is not JSON'),
          },
        },
      },
      '/api/openapi.json': {
        get: {
          operationId: 'openApi',
          summary: 'This document',
          ...OPEN,
          responses: {
            200: {
              description: 'The OpenAPI 3.1 document of the API',
              content: { 'application/json': { schema: { type: 'object' } } },
            },
          },
        },
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
      schemas: {
        Sequence: sequence,
        ...defs,
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
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', description: 'stable, machine-readable' },
                message: { type: 'string', description: 'one sentence a person can act on' },
                details: { type: 'object' },
              },
            },
          },
        },
      },
    },
  };
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
    },
  };
}

/** Moves `$defs` to component schemas (`#/$defs/rule` becomes `#/components/schemas/Rule`). */
function hoistDefs(schema: Json): { sequence: Json; defs: Json } {
  const { $defs = {}, $schema: _dialect, $id: _id, ...rest } = schema as Json & { $defs?: Json };
  const names = new Map(
    Object.keys($defs).map((key) => [`#/$defs/${key}`, `#/components/schemas/${pascal(key)}`]),
  );
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [
        key,
        key === '$ref' && typeof v === 'string' ? (names.get(v) ?? v) : rewrite(v),
      ]),
    );
  };
  const defs = Object.fromEntries(
    Object.entries($defs).map(([key, def]) => [pascal(key), rewrite(def)]),
  );
  return { sequence: rewrite(rest) as Json, defs };
}

function pascal(name: string): string {
  return name.replace(/(^|[-_])(\w)/g, (_, _sep, ch: string) => ch.toUpperCase());
}
