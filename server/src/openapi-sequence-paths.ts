import { withErrors } from './openapi-errors.ts';
import { idParam, type Json, json, jsonBody, obj, pageParams, ref } from './openapi-parts.ts';

/*
 * The OpenAPI paths of sequence drafts and their publishing: routes/sequences.ts,
 * routes/publish.ts and routes/publish-preview.ts. A draft's revision is its ETag; PUT and
 * publish honour If-Match with it (etag.ts).
 */

const str = { type: 'string' };
const int = (minimum: number) => ({ type: 'integer', minimum });
const list = (items: Json) => ({ type: 'array', items });
const nullable = (schema: Json) => ({ ...schema, type: [schema.type, 'null'] });

const etagHeader = {
  ETag: {
    description:
      'the draft\'s revision as a strong entity tag, `"<revision>"`: send it back in `If-Match` to write only over this revision',
    required: true,
    schema: { type: 'string', pattern: '^"[1-9][0-9]*"$' },
  },
};

const ifMatch = (what: string) => ({
  name: 'If-Match',
  in: 'header',
  required: false,
  schema: { type: 'string' },
  description: `The ETag the draft had when it was loaded (\`"3"\`, quotes included): ${what} only while the draft is still at that revision, else answers 412 \`draft_changed\` and changes nothing. Absent or \`*\`: unconditional.`,
});

const withEtag = (response: Json) => ({ ...response, headers: etagHeader });
const written = obj({ id: str, revision: int(1) });

const sequenceId = {
  type: 'string',
  pattern: '^[a-z0-9][a-z0-9_-]{0,63}$',
};

/** diffSequences of @nudge/schema (schema/src/diff.ts). */
const pointers = (description: string) => ({ ...list(str), description });
const stepRef = obj({ id: str, type: str });
const edgeRef = obj({ id: str, source: str, sourceHandle: str, target: str }, [
  'id',
  'source',
  'target',
]);
const sequenceDiff = obj({
  equal: { type: 'boolean', description: 'the same value, key order aside: every list is empty' },
  name: nullable(obj({ before: str, after: str })),
  description: nullable(obj({ before: str, after: str }, [])),
  settings: pointers('JSON pointers, relative to `settings`, of what differs'),
  steps: obj({
    added: list(stepRef),
    removed: list(stepRef),
    changed: list(
      obj(
        {
          id: str,
          type: str,
          typeBefore: { type: 'string', description: 'the type before, when it changed' },
          fields: pointers('JSON pointers, relative to the step, of what differs'),
          positionOnly: {
            type: 'boolean',
            description: 'only its place on the canvas moved: nothing changes for enrollees',
          },
        },
        ['id', 'type', 'fields', 'positionOnly'],
      ),
    ),
  }),
  edges: obj({
    added: list(edgeRef),
    removed: list(edgeRef),
    rewired: list(obj({ before: edgeRef, after: edgeRef })),
  }),
  other: pointers(
    'JSON pointers of differences not listed above (format, id, edge ids, unknown keys)',
  ),
});

export function sequencePaths(): Json {
  return {
    '/api/sequences': {
      post: withErrors(
        'post',
        {
          operationId: 'importSequence',
          summary: 'Import a sequence file as a new draft',
          description:
            'The id is the file\'s, else a slug of its name ("Cold mail" → `cold-mail`; `sequence-<hex>` when the name has no Latin letters or digits). An id in use is a 409: PUT replaces a draft. The new draft is at revision 1.',
          requestBody: jsonBody(ref('Sequence')),
          responses: { 201: withEtag(json(written, 'Created')) },
        },
        { 409: ['sequence_exists'], 422: ['invalid_sequence'] },
      ),
      get: withErrors(
        'get',
        {
          operationId: 'listSequences',
          summary: 'The sequences of the workspace, a page at a time (by id)',
          description:
            'The next page, when there may be one, is in the `Link` header (rel="next").',
          parameters: pageParams('after', sequenceId, 100, 1000),
          responses: {
            200: json(
              obj({
                sequences: list(
                  obj({
                    id: str,
                    name: str,
                    revision: int(1),
                    publishedVersion: {
                      type: ['integer', 'null'],
                      minimum: 1,
                      description: 'the latest published version; null before the first publish',
                    },
                    updatedAt: { type: 'string', format: 'date-time' },
                  }),
                ),
              }),
              'Sequences',
            ),
          },
        },
        { 400: ['invalid_query'] },
      ),
    },
    '/api/sequences/{id}': {
      get: withErrors(
        'get',
        {
          operationId: 'getSequence',
          summary:
            'A sequence: its draft and revision, its latest published version and the step ids published',
          parameters: [idParam],
          responses: {
            200: withEtag(
              json(
                obj({
                  id: str,
                  name: str,
                  revision: int(1),
                  draft: ref('Sequence'),
                  published: nullable(
                    obj({ version: int(1), publishedAt: { type: 'string', format: 'date-time' } }),
                  ),
                  publishedStepIds: {
                    ...list(str),
                    uniqueItems: true,
                    description:
                      'every step id of every published version, sorted (empty before the first publish): publishing moves waiting enrollees between versions by step id, so a new step must not take one of these, even when the draft no longer has that step',
                  },
                }),
                'The sequence',
              ),
            ),
          },
        },
        { 404: ['sequence_not_found'] },
      ),
      put: withErrors(
        'put',
        {
          operationId: 'putSequence',
          summary: 'Replace (or create) the draft of a sequence',
          description:
            'Each write bumps the revision. With `If-Match`, the draft is replaced only if it is still at that revision (checked and written in one statement: of two saves from the same revision, one wins and the other gets 412); a sequence that does not exist then is a 412 too.',
          parameters: [idParam, ifMatch('replaces the draft')],
          requestBody: jsonBody(ref('Sequence')),
          responses: {
            200: withEtag(json(written, 'Replaced')),
            201: withEtag(json(written, 'Created')),
          },
        },
        {
          400: ['invalid_id', 'invalid_if_match'],
          412: ['draft_changed'],
          422: ['invalid_sequence', 'id_mismatch'],
        },
      ),
    },
    '/api/sequences/{id}/export': {
      get: withErrors(
        'get',
        {
          operationId: 'exportSequence',
          summary: 'The draft, as a sequence file',
          description:
            'The canonical text (writeSequence of @nudge/schema, as `nudge export` writes it): two-space indent, keys in the order of the format, a final newline. Importing it and exporting again gives the same bytes.',
          parameters: [idParam],
          responses: {
            200: {
              ...json(ref('Sequence'), 'The sequence file'),
              headers: {
                ...etagHeader,
                'Content-Disposition': {
                  description: 'a download named `<id>.json`',
                  required: true,
                  schema: { type: 'string' },
                },
              },
            },
          },
        },
        { 404: ['sequence_not_found'] },
      ),
    },
    '/api/sequences/{id}/publish': { post: publishOperation() },
    '/api/sequences/{id}/publish-preview': {
      get: withErrors(
        'get',
        {
          operationId: 'previewPublish',
          summary: 'What publishing the draft now would change, and who waits where',
          description: `\`changes\` compares the latest published version with the draft (null before the first publish): steps added, removed and changed (a step whose position alone changed is marked \`positionOnly\`), edges added, removed and rewired, settings. \`waiting\` counts the enrollees still going through the sequence (status \`active\`) by the version they are pinned to and the node they wait at (\`null\`: not started yet); at most 100,000 are counted: past that \`waitingCapped\` is true and each count is a lower bound. The ETag is the draft's: publish with it in \`If-Match\` to publish exactly this draft. Steps linked to a template (\`data.template\`) are compared as they would be published, with the template's content of now.`,
          parameters: [idParam],
          responses: {
            200: withEtag(
              json(
                obj({
                  draftRevision: int(1),
                  published: nullable(obj({ version: int(1), definition: ref('Sequence') })),
                  changes: nullable(sequenceDiff),
                  waiting: list(
                    obj({
                      node: { type: ['string', 'null'] },
                      version: int(1),
                      count: int(1),
                    }),
                  ),
                  waitingCapped: { type: 'boolean' },
                  templates: {
                    ...list(
                      obj(
                        {
                          node: str,
                          templateId: str,
                          name: { type: ['string', 'null'] },
                          changed: { type: 'boolean' },
                          problem: str,
                        },
                        ['node', 'templateId', 'name', 'changed'],
                      ),
                    ),
                    description:
                      "the steps linked to a template of the library: the version takes the template's content of now (`changed`: not the draft's copy); a `problem` (no such template, another channel) would refuse the publish",
                  },
                }),
                'The preview',
              ),
            ),
          },
        },
        { 404: ['sequence_not_found'] },
      ),
    },
  };
}

function publishOperation(): Json {
  return withErrors(
    'post',
    {
      operationId: 'publishSequence',
      summary: 'Freeze the draft as the next version',
      description:
        "`migrate` maps node ids of the latest version to node ids of the draft; it is checked and kept with the new version. With `migrate` (`{}`: every node to the same id), the waiting enrollees of earlier versions then move to the new one, where they wait as if they had reached the mapped step when they reached theirs; one whose step is gone or can't hold its wait stays on its version (listed in `stayed`, first 100, with the reason). Nobody is dropped or sent a step twice. Without `migrate`, everyone stays on their version. The draft is validated again first. A step linked to a template of the library (`data.template`) is published with the template's content as it is then; the draft keeps its copy, and published versions never change. With `If-Match` (the ETag of the publish preview), a draft changed since is not published.",
      parameters: [idParam, ifMatch('publishes the draft')],
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
              version: int(1),
              moved: {
                ...int(0),
                description: 'with `migrate`: the enrollees moved to this version',
              },
              stayed: {
                type: 'array',
                description: 'with `migrate`: the first 100 enrollees that stay on their version',
                items: obj({
                  enrollmentId: { type: 'string', format: 'uuid' },
                  contactId: str,
                  version: int(1),
                  reason: str,
                }),
              },
              stayedTotal: {
                ...int(0),
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
      400: ['invalid_body', 'unknown_property', 'invalid_migrate', 'invalid_if_match'],
      404: ['sequence_not_found'],
      412: ['draft_changed'],
      422: {
        codes: ['invalid_migrate', 'invalid_sequence', 'template_link_broken'],
        note: '`invalid_migrate` here: a key is not a node of the published version, or a value not a node of the draft (details: `{ problems }`, each with a pointer under `/migrate`). `invalid_sequence`: the draft, stored by an earlier release, breaks a rule added since (details: `{ errors, warnings }`); PUT it again, fixed. `template_link_broken`: a step links a template the workspace does not have.',
      },
    },
  );
}
