/**
 * The operations of the OpenAPI document as the fuzzer walks them, and what the document lets
 * each answer be: its statuses, and for each the error codes it lists (`error.code`'s enum).
 * Everything here is read from the document, so a route added there is walked and judged with
 * nothing to add to the fuzzer.
 */
export type Json = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Json;
}

/** Who may call: no token (`open`), a token or none (`optional`), or a token (`token`). */
export type Security = 'open' | 'optional' | 'token';

/** A status's error codes; null when the document lists none (any code of the right shape). */
export type Answers = Map<number, readonly string[] | null>;

export interface Operation {
  id: string;
  method: string;
  /** The path template: /api/sequences/{id}/export. */
  path: string;
  parameters: Parameter[];
  body: { schema: Json; required: boolean; examples: unknown[] } | undefined;
  security: Security;
  answers: Answers;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Every operation of the document, in its order. */
export function operationsOf(doc: Json): Operation[] {
  const paths = (doc.paths ?? {}) as Record<string, Json>;
  return Object.entries(paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = item[method] as Json | undefined;
      if (!op) return [];
      const parameters = [
        ...((item.parameters as Json[] | undefined) ?? []),
        ...((op.parameters as Json[] | undefined) ?? []),
      ].map((p) => resolve(doc, p) as unknown as Parameter);
      return [
        {
          id: String(op.operationId ?? `${method} ${path}`),
          method: method.toUpperCase(),
          path,
          parameters,
          body: requestBody(doc, op.requestBody as Json | undefined),
          security: securityOf(doc, op),
          answers: answersOf(doc, op),
        },
      ];
    }),
  );
}

function requestBody(doc: Json, given: Json | undefined): Operation['body'] {
  if (!given) return undefined;
  const body = resolve(doc, given);
  const media = (body.content as Record<string, Json> | undefined)?.['application/json'];
  if (!media) return undefined;
  const schema = (media.schema ?? {}) as Json;
  // Examples wherever OpenAPI puts them: the media type's `example`/`examples`, the schema's.
  const examples = [
    ...('example' in media ? [media.example] : []),
    ...Object.values((media.examples ?? {}) as Record<string, Json>).map((e) => e.value),
    ...(Array.isArray(resolve(doc, schema).examples)
      ? (resolve(doc, schema).examples as unknown[])
      : []),
  ];
  return { schema, required: body.required === true, examples };
}

function securityOf(doc: Json, op: Json): Security {
  const requirements = (op.security ?? doc.security ?? []) as Json[];
  if (requirements.length === 0) return 'open';
  return requirements.some((r) => Object.keys(r).length === 0) ? 'optional' : 'token';
}

/** The statuses an operation documents, each with the codes its answer lists. */
export function answersOf(doc: Json, op: Json): Answers {
  const answers: Answers = new Map();
  for (const [status, given] of Object.entries((op.responses ?? {}) as Record<string, Json>)) {
    if (!/^\d{3}$/.test(status)) continue;
    answers.set(Number(status), codesOf(doc, resolve(doc, given)));
  }
  return answers;
}

/** `error.code`'s enum in an error answer's JSON schema (through allOf), or null. */
function codesOf(doc: Json, response: Json): readonly string[] | null {
  const schema = (response.content as Record<string, Json> | undefined)?.['application/json']
    ?.schema as Json | undefined;
  if (!schema) return null;
  const found: string[] = [];
  let listed = false;
  const visit = (s: Json, depth: number) => {
    if (depth > 8) return;
    const r = resolve(doc, s);
    const code = (
      ((r.properties as Json | undefined)?.error as Json | undefined)?.properties as
        | Json
        | undefined
    )?.code as Json | undefined;
    if (code && Array.isArray(code.enum)) {
      listed = true;
      found.push(...(code.enum as string[]));
    }
    for (const part of (r.allOf as Json[] | undefined) ?? []) visit(part, depth + 1);
  };
  visit(schema, 0);
  return listed ? found : null;
}

/** A `$ref` of the document (`#/components/...`), followed until it is not one. */
export function resolve(doc: Json, value: Json): Json {
  let current = value;
  for (let hops = 0; typeof current?.$ref === 'string' && hops < 16; hops++) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#/')) return current;
    let target: unknown = doc;
    for (const token of ref.slice(2).split('/'))
      target = (target as Json | undefined)?.[token.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (typeof target !== 'object' || target === null) return current;
    current = target as Json;
  }
  return current;
}

/**
 * The answers the document gives a request: those of the operation its method and path name
 * (the path as the server routes it: dot segments resolved, %-escapes other than reserved
 * characters decoded), and a few the document gives any request in words.
 *
 * A path that no operation has: the document's introduction promises 404 `not_found` (and
 * 405 `method_not_allowed` for a path with other methods); and since the token is checked
 * before the route is looked up, also the answers it shares by every operation
 * (components/responses: 401, 403, 422, 429...), as a token check would give them.
 */
export function documentedAnswers(
  doc: Json,
  operations: readonly Operation[],
  method: string,
  rawPath: string,
): { operation: Operation | undefined; answers: Answers } {
  const path = routedPath(rawPath);
  const here = operations.filter((op) => templatePattern(op.path).test(path));
  const operation = here.find((op) => op.method === method);
  if (operation) return { operation, answers: operation.answers };
  const answers: Answers = new Map();
  const words = String((doc.info as Json | undefined)?.description ?? '');
  for (const [, status, code] of words.matchAll(/\b(4\d\d) `([a-z_]+)`/g))
    add(answers, Number(status), [code as string]);
  const shared = (doc.components as Json | undefined)?.responses as
    | Record<string, Json>
    | undefined;
  for (const response of Object.values(shared ?? {})) {
    const codes = codesOf(doc, response);
    const status = statusOfShared(doc, response);
    if (status !== undefined) add(answers, status, codes);
  }
  return { operation: undefined, answers };
}

function add(answers: Answers, status: number, codes: readonly string[] | null): void {
  const known = answers.get(status);
  if (known === null || codes === null) answers.set(status, null);
  else answers.set(status, [...(known ?? []), ...codes]);
}

/** A shared response's status: the status under which some operation refers to it. */
function statusOfShared(doc: Json, response: Json): number | undefined {
  for (const item of Object.values((doc.paths ?? {}) as Record<string, Json>))
    for (const method of METHODS) {
      const responses = ((item[method] as Json | undefined)?.responses ?? {}) as Record<
        string,
        Json
      >;
      for (const [status, given] of Object.entries(responses))
        if (resolve(doc, given) === response) return Number(status);
    }
  return undefined;
}

/** The path of a request as the router sees it (see documentedAnswers). */
export function routedPath(rawPath: string): string {
  const pathname = new URL(rawPath, 'http://fuzz.invalid').pathname;
  try {
    // Hono matches on decodeURI of the path: reserved characters (%2F) stay escaped.
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
}

const patterns = new Map<string, RegExp>();
function templatePattern(template: string): RegExp {
  let pattern = patterns.get(template);
  if (!pattern) {
    const source = template
      .split(/(\{[^}]+\})/)
      .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    pattern = new RegExp(`^${source}$`);
    patterns.set(template, pattern);
  }
  return pattern;
}
