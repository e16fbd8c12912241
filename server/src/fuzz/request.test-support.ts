import fc from 'fast-check';

/**
 * A request as the fuzzer builds it (a draft: the path's parameters apart, the body as a value
 * until the last moment) and as it sends it. Drafts are what mutations change
 * (mutations.test-support.ts); `render` turns one into bytes on the wire.
 */

/** Who sends it: a token of ours by role, the other tenant's editor, none, a wrong one, or
 *  an Authorization header as given (`{admin}` stands for our admin's token). */
export type Caller =
  | 'admin'
  | 'editor'
  | 'viewer'
  | 'other'
  | 'none'
  | 'wrong'
  | { header: string };

export type Body =
  /** JSON to serialise; each `splices` marker string is then replaced by raw text. */
  { json: unknown; splices: Record<string, string> } | { text: string } | { bytes: Uint8Array };

export interface Draft {
  operation: string;
  transport: 'app' | 'http';
  method: string;
  /** The path template, `{name}` for each parameter. */
  template: string;
  /** Each path parameter's value, as it goes in the URL (escaped or not). */
  params: Record<string, string>;
  /** The query string, `?` included, or ''. */
  query: string;
  /** Rewrites of the whole path, applied after the parameters (path tricks). */
  rewrites: Array<(path: string) => string>;
  caller: Caller;
  /** null: no Content-Type header. */
  contentType: string | null;
  body: Body | undefined;
  /** Over HTTP: send the body in chunks (Transfer-Encoding: chunked) instead of with a length. */
  chunked: boolean;
  /** What was done to it, for the report. */
  labels: string[];
}

export interface FuzzRequest {
  operation: string;
  transport: 'app' | 'http';
  method: string;
  /** Path and query, as sent. */
  path: string;
  caller: Caller;
  headers: Record<string, string>;
  body: Uint8Array | undefined;
  chunked: boolean;
  labels: string[];
}

export interface Tokens {
  admin: string;
  editor: string;
  viewer: string;
  other: string;
  wrong: string;
}

export function render(draft: Draft, tokens: Tokens): FuzzRequest {
  let path = draft.template.replace(/\{([^}]+)\}/g, (_, name: string) => draft.params[name] ?? '');
  for (const rewrite of draft.rewrites) path = rewrite(path);
  const headers: Record<string, string> = {};
  const authorization = authorizationOf(draft.caller, tokens);
  if (authorization !== undefined) headers.authorization = authorization;
  const body = bytesOf(draft.body);
  if (draft.contentType !== null && body !== undefined) headers['content-type'] = draft.contentType;
  const request: FuzzRequest = {
    operation: draft.operation,
    transport: draft.transport,
    method: draft.method,
    path: path + draft.query,
    caller: draft.caller,
    headers,
    body,
    chunked: draft.chunked,
    labels: draft.labels,
  };
  // What fast-check prints of a failing request: its bodies may be megabytes long.
  return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
}

function authorizationOf(caller: Caller, tokens: Tokens): string | undefined {
  if (caller === 'none') return undefined;
  if (typeof caller === 'object')
    return caller.header.replace(
      /\{(admin|editor|viewer)\}/g,
      (_, role: keyof Tokens) => tokens[role],
    );
  return `Bearer ${tokens[caller]}`;
}

const encoder = new TextEncoder();

function bytesOf(body: Body | undefined): Uint8Array | undefined {
  if (body === undefined) return undefined;
  if ('bytes' in body) return body.bytes;
  if ('text' in body) return encoder.encode(body.text);
  let text = JSON.stringify(body.json) ?? 'null';
  for (const [marker, raw] of Object.entries(body.splices))
    text = text.replace(JSON.stringify(marker), () => raw);
  return encoder.encode(text);
}

/** One line, with at most ~300 characters of the path and of the body. */
export function describeRequest(r: FuzzRequest): string {
  const clip = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s);
  const caller =
    typeof r.caller === 'object' ? `Authorization: ${clip(r.caller.header)}` : r.caller;
  const body =
    r.body === undefined
      ? 'no body'
      : `${r.body.length} bytes${r.chunked ? ' chunked' : ''}: ${clip(new TextDecoder().decode(r.body))}`;
  return [
    `${r.method} ${clip(r.path)} via ${r.transport}`,
    `operation ${r.operation}; caller ${caller}; content-type ${r.headers['content-type'] ?? '(none)'}`,
    body,
    `mutations: ${r.labels.join(', ') || 'none'}`,
  ].join('\n  ');
}
