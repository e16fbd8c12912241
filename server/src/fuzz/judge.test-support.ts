import {
  type Answers,
  documentedAnswers,
  type Json,
  type Operation,
  resolve,
} from './operations.test-support.ts';
import type { FuzzRequest } from './request.test-support.ts';
import type { Answer } from './transport.test-support.ts';

/**
 * What the fuzzer holds every answer to, by the document (the database is checked apart, in
 * the test): never a 5xx, within the time limit; an error is `{ error: { code, message,
 * details? } }` with a status the operation documents, a code its answer lists, and the
 * headers the answer says it carries; a success has a status the operation documents. Returns
 * the problems found, none for a good answer.
 */
export interface Judging {
  doc: Json;
  operations: readonly Operation[];
  maxMs: number;
  /** Whether a 429 may come now: only over HTTP, once the address spent its wrong tokens. */
  tooManyAllowed: boolean;
}

export function judge(r: FuzzRequest, answer: Answer, j: Judging): string[] {
  const problems: string[] = [];
  const { status } = answer;
  if (status >= 500) problems.push(`answered ${status}: a fault of the server`);
  if (answer.ms > j.maxMs)
    problems.push(`answered in ${Math.round(answer.ms)} ms, over ${j.maxMs} ms`);
  const { operation, answers } = documentedAnswers(j.doc, j.operations, r.method, r.path);
  const where = operation ? `operation ${operation.id}` : `a path no operation has`;
  if (status < 200 || (status >= 300 && status < 400))
    problems.push(`answered ${status}, which no operation answers`);
  if (status >= 200 && status < 300 && operation && !answers.has(status))
    problems.push(`answered ${status}, which ${where} does not document`);
  if (status >= 400 && status < 500 && !refusedBeforeTheApp(r, answer))
    problems.push(...judgeError(r, answer, answers, where, j));
  return problems;
}

/**
 * Requests refused over HTTP before the app sees them: by Node's HTTP parser (a request-target
 * without its leading slash) or by @hono/node-server (a backslash in the path). No operation
 * can document them (they name no path of the app); http-errors.ts answers them 400
 * `bad_request` in the API's JSON shape, as the document's description says. They are held to
 * everything else (no 5xx, time, nothing written).
 */
const BEFORE_THE_APP: Array<(r: FuzzRequest) => boolean> = [
  (r) => !r.path.startsWith('/'),
  (r) => (r.path.split('?')[0] ?? '').includes('\\'),
];

function refusedBeforeTheApp(r: FuzzRequest, answer: Answer): boolean {
  if (r.transport !== 'http' || answer.status !== 400 || !BEFORE_THE_APP.some((k) => k(r)))
    return false;
  try {
    const body = JSON.parse(new TextDecoder().decode(answer.body));
    return body?.error?.code === 'bad_request' && typeof body.error.message === 'string';
  } catch {
    return false;
  }
}

function judgeError(
  r: FuzzRequest,
  answer: Answer,
  answers: Answers,
  where: string,
  j: Judging,
): string[] {
  const problems: string[] = [];
  const { status } = answer;
  // The answer to a HEAD is a GET's without its body (RFC 9110): its status is all there is.
  if (r.method === 'HEAD')
    return answers.has(status)
      ? []
      : [`answered HEAD with ${status}, which ${where} does not document`];
  const text = new TextDecoder().decode(answer.body);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [
      `answered ${status} with a body that is not JSON: ${JSON.stringify(text.slice(0, 200))}`,
    ];
  }
  const shape = errorShapeProblem(body);
  if (shape) return [`answered ${status} with ${shape}: ${text.slice(0, 300)}`];
  const { code } = (body as { error: { code: string } }).error;
  if (!answers.has(status)) {
    problems.push(
      `answered ${status} ${code}, a status ${where} does not document (it has ${[...answers.keys()].join(', ')})`,
    );
  } else {
    const codes = answers.get(status);
    if (codes && !codes.includes(code))
      problems.push(
        `answered ${status} ${code}, a code ${where} does not list for ${status} (${codes.join(', ')})`,
      );
  }
  if (status === 429 && !j.tooManyAllowed)
    problems.push(
      `answered 429 ${code} before the address sent ${r.transport === 'app' ? 'any (no socket)' : 'enough'} wrong tokens`,
    );
  problems.push(...headerProblems(answer, j.doc, where, j.operations, r));
  return problems;
}

/** What is wrong with an error body's shape, or undefined when it is the documented one. */
export function errorShapeProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return 'a body that is not an object';
  const keys = Object.keys(body);
  if (keys.length !== 1 || keys[0] !== 'error')
    return `top-level keys ${JSON.stringify(keys)}, not ["error"]`;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null || Array.isArray(error))
    return '`error` not an object';
  const e = error as Record<string, unknown>;
  const extra = Object.keys(e).filter((k) => !['code', 'message', 'details'].includes(k));
  if (extra.length > 0) return `\`error\` with other keys ${JSON.stringify(extra)}`;
  if (typeof e.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(e.code))
    return 'no machine-readable `error.code`';
  if (typeof e.message !== 'string' || e.message === '') return 'no `error.message`';
  if (
    'details' in e &&
    (typeof e.details !== 'object' || e.details === null || Array.isArray(e.details))
  )
    return '`error.details` not an object';
  return undefined;
}

/** Headers the documented answer declares: present when required, equal to their `const`. */
function headerProblems(
  answer: Answer,
  doc: Json,
  where: string,
  operations: readonly Operation[],
  r: FuzzRequest,
): string[] {
  const { operation } = documentedAnswers(doc, operations, r.method, r.path);
  if (!operation) return [];
  const op = (((doc.paths as Json)[operation.path] as Json)[operation.method.toLowerCase()] ??
    {}) as Json;
  const response = (op.responses as Record<string, Json> | undefined)?.[String(answer.status)];
  if (!response) return [];
  const headers = (resolve(doc, response).headers ?? {}) as Record<string, Json>;
  return Object.entries(headers).flatMap(([name, header]) => {
    const value = answer.headers.get(name.toLowerCase());
    const schema = (header.schema ?? {}) as Json;
    if (value === undefined)
      return header.required === true
        ? [`answered ${answer.status} without the ${name} header ${where} documents`]
        : [];
    if ('const' in schema && String(schema.const) !== value)
      return [
        `answered ${answer.status} with ${name}: ${value}, where ${where} documents ${String(schema.const)}`,
      ];
    return [];
  });
}
