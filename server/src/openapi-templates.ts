import { LIMITS } from '@nudge/schema';
import { formatBytes } from './limits.ts';
import { withErrors } from './openapi-errors.ts';
import { type Json, json, jsonBody, obj, pageParams, ref } from './openapi-parts.ts';
import { TEMPLATE_LIMITS } from './routes/templates-body.ts';

/** The OpenAPI paths and schemas of the template library: routes/templates.ts. */

const str = { type: 'string' };
const templateId = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'the template id (a uuid)',
};
const ifMatch = {
  name: 'If-Match',
  in: 'header',
  schema: str,
  description:
    'the ETag the template was loaded with: the write happens only if it is still at that revision (else 412 `template_changed`)',
};
const etag = {
  ETag: { description: "the template's revision, for If-Match", schema: str },
};
const channel = { enum: ['email', 'sms', 'kakao'] };
const labels = {
  name: { type: 'string', minLength: 1, maxLength: TEMPLATE_LIMITS.nameLength },
  tags: {
    type: 'array',
    maxItems: TEMPLATE_LIMITS.tags,
    items: { type: 'string', minLength: 1, maxLength: TEMPLATE_LIMITS.tagLength },
    description: 'words to find it by (GET /api/templates?q= matches a whole tag)',
  },
};
const content = {
  type: 'object',
  description: `the step's content for the channel, as in a sequence file: email \`{ subject?, body, format }\`, sms \`{ body }\`, kakao \`{ templateCode, body, buttons?, fallbackSms? }\`. Checked as the validator checks such a step (its texts are Liquid, each at most ${formatBytes(LIMITS.templateBytes)}).`,
};
const template = (with201 = false) =>
  json(ref('Template'), with201 ? 'Created; its URL is in `Location`' : 'The template');

export function templateSchemas(): Json {
  return {
    Template: {
      type: 'object',
      required: ['id', 'channel', 'name', 'tags', 'content', 'revision', 'createdAt', 'updatedAt'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        channel,
        ...labels,
        content,
        revision: { type: 'integer', minimum: 1, description: 'counts its writes: its ETag' },
        createdAt: { type: 'string', format: 'date-time' },
        updatedAt: { type: 'string', format: 'date-time' },
      },
    },
  };
}

export function templatePaths(): Json {
  return {
    '/api/templates': {
      get: withErrors(
        'get',
        {
          operationId: 'listTemplates',
          summary: "The workspace's templates, by name, a page at a time",
          description:
            'The next page, when there may be one, is in the `Link` header (rel="next").',
          parameters: [
            { name: 'channel', in: 'query', schema: channel, description: 'only this channel' },
            {
              name: 'q',
              in: 'query',
              schema: { type: 'string', maxLength: 100 },
              description: 'part of the name, or a whole tag, in any case',
            },
            ...pageParams('after', { type: 'string', format: 'uuid' }, 100, 500),
          ],
          responses: {
            200: json(
              obj({ templates: { type: 'array', items: ref('Template') } }),
              'A page of templates',
            ),
          },
        },
        { 400: ['invalid_query'] },
      ),
      post: withErrors(
        'post',
        {
          operationId: 'createTemplate',
          summary: 'Save a template in the workspace, or copy a starter into it',
          description: `Either a whole template, or \`starter\` (a key of GET /api/templates/starters) with an optional name and tags of its own. A workspace keeps at most ${TEMPLATE_LIMITS.perWorkspace} templates.`,
          requestBody: jsonBody({
            oneOf: [
              obj({ channel, ...labels, content }, ['channel', 'name', 'content']),
              obj({ starter: str, ...labels }, ['starter']),
            ],
          }),
          responses: { 201: { ...template(true), headers: etag } },
        },
        {
          400: ['invalid_body', 'unknown_property'],
          409: ['too_many_templates'],
          422: ['invalid_template'],
        },
      ),
    },
    '/api/templates/starters': {
      get: withErrors('get', {
        operationId: 'listTemplateStarters',
        summary: 'The starter templates that ship with Nudge, in Korean and English',
        description:
          "The same for every workspace. POST /api/templates `{ starter }` copies one into the workspace's library.",
        responses: {
          200: json(
            obj({
              starters: {
                type: 'array',
                items: obj(
                  { key: str, locale: { enum: ['ko', 'en'] }, channel, ...labels, content },
                  ['key', 'locale', 'channel', 'name', 'tags', 'content'],
                ),
              },
            }),
            'The starters',
          ),
        },
      }),
    },
    '/api/templates/{id}': {
      get: withErrors(
        'get',
        {
          operationId: 'getTemplate',
          summary: 'One template',
          parameters: [templateId],
          responses: { 200: { ...template(), headers: etag } },
        },
        { 404: ['template_not_found'] },
      ),
      put: withErrors(
        'put',
        {
          operationId: 'updateTemplate',
          summary: "Replace a template's name, tags and content",
          description:
            'Its channel stays. Sequences that link it (GET …/used-by) take the new content at their next publish; their published versions never change.',
          parameters: [templateId, ifMatch],
          requestBody: jsonBody(obj({ ...labels, content, channel }, ['name', 'content'])),
          responses: { 200: { ...template(), headers: etag } },
        },
        {
          400: ['invalid_body', 'unknown_property', 'invalid_if_match'],
          404: ['template_not_found'],
          412: ['template_changed'],
          422: ['invalid_template'],
        },
      ),
      delete: withErrors(
        'delete',
        {
          operationId: 'deleteTemplate',
          summary: 'Delete a template that no draft links',
          description:
            'Published versions keep their own copy of what they were published with, so they do not hold it back; a draft that links it does (409), as its next publish would have nothing to refresh from.',
          parameters: [templateId, ifMatch],
          responses: { 204: { description: 'Deleted' } },
        },
        {
          400: ['invalid_if_match'],
          404: ['template_not_found'],
          409: ['template_in_use'],
          412: ['template_changed'],
        },
      ),
    },
    '/api/templates/{id}/used-by': {
      get: withErrors(
        'get',
        {
          operationId: 'templateUsedBy',
          summary: 'The sequences that link a template',
          description:
            'Each sequence whose draft, or latest published version, has a step linked to it, with those steps. An edit of the template reaches the draft at its next publish.',
          parameters: [templateId],
          responses: {
            200: json(
              obj({
                sequences: {
                  type: 'array',
                  items: obj({
                    id: str,
                    name: str,
                    draftSteps: { type: 'array', items: str },
                    published: {
                      oneOf: [
                        { type: 'null' },
                        obj({
                          version: { type: 'integer' },
                          steps: { type: 'array', items: str },
                        }),
                      ],
                    },
                  }),
                },
              }),
              'The sequences that link it',
            ),
          },
        },
        { 404: ['template_not_found'] },
      ),
    },
  };
}
