/** Building blocks of the OpenAPI paths of the workspace routes. */
export type Json = Record<string, unknown>;

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (schema: Json, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
/** A JSON request body of this schema. */
export const jsonBody = (schema: Json, required = true) => ({
  required,
  content: { 'application/json': { schema } },
});
export const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'the sequence id',
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
