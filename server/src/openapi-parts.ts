/** Building blocks of the OpenAPI paths of the workspace routes. */
export type Json = Record<string, unknown>;

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (schema: Json, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
export const error = (description: string) => json(ref('Error'), description);
export const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'the sequence id',
};
export const guarded = {
  401: error('`unauthorized`: no token, or not a valid one'),
  404: error('`sequence_not_found`: no such sequence in the workspace'),
};
export const writing = {
  ...guarded,
  400: error('`invalid_json`, `invalid_body`, `unknown_property`: the body is malformed'),
  403: error("`forbidden`: a viewer's token (read only)"),
};
export const counts = ['sent', 'delivered', 'opened', 'clicked', 'replied', 'bounced', 'tasks'];
export const obj = (properties: Json, required = Object.keys(properties)) => ({
  type: 'object',
  required,
  properties,
});

/** `limit` and the cursor of a paged list (paging.ts); the next page's URL is in `Link`. */
export const pageParams = (
  cursor: 'after' | 'before',
  idSchema: Json,
  defaultLimit: number,
  maxLimit: number,
) => [
  {
    name: 'limit',
    in: 'query',
    schema: { type: 'integer', minimum: 1, maximum: maxLimit, default: defaultLimit },
  },
  {
    name: cursor,
    in: 'query',
    schema: idSchema,
    description: "the last id of the previous page (the next page's URL is in `Link`)",
  },
];
