import type { SequenceDiff } from '@nudge/schema';

/**
 * Sequences on the server through the HTTP API (FORMAT.md section 8): list, load, create,
 * save with If-Match, publish-preview and publish. Every failure is one error, ApiFailure, whose
 * `kind` says what the person can do about it (enter another token, choose in a conflict, fix
 * the problems, try again when the connection is back).
 *
 * Kept free of the DOM and of React, so the server's tests run it against the real API.
 */

/** A draft's revision is its ETag: `"<revision>"`. */
const etag = (revision: number) => `"${revision}"`;

export interface SequenceSummary {
  id: string;
  name: string;
  revision: number;
  publishedVersion: number | null;
  updatedAt: string;
}

export interface ServerSequence {
  id: string;
  name: string;
  revision: number;
  /** The draft as stored: a valid sequence file. */
  draft: Record<string, unknown>;
  published: { version: number; publishedAt: string } | null;
  /**
   * Every step id of every published version (a server before this field: absent). A new step
   * must not take one: publishing moves waiting enrollees between versions by step id.
   */
  publishedStepIds?: string[];
}

/** Where a saved draft now is. */
export interface Saved {
  id: string;
  revision: number;
}

/** How many enrollees wait at a step of a version (`node` null: enrolled, not started yet). */
export interface Waiting {
  node: string | null;
  version: number;
  count: number;
}

export interface PublishPreview {
  draftRevision: number;
  published: { version: number; definition: Record<string, unknown> } | null;
  /** What publishing changes against the published version; null before the first publish. */
  changes: SequenceDiff | null;
  waiting: Waiting[];
  /** The counts stopped at a cap: each is at least what it says. */
  waitingCapped?: boolean;
}

/** An enrollee that stays on its version, and the server's reason (English). */
export interface Stayed {
  enrollmentId: string;
  contactId: string;
  version: number;
  reason: string;
}

export interface PublishResult {
  version: number;
  /** Present when the publish moved enrollees (it was sent a `migrate` mapping). */
  moved?: number;
  /** The first of those that stayed on their version. */
  stayed?: Stayed[];
  stayedTotal?: number;
}

export type FailureKind =
  /** 401: the token is unknown or revoked. */
  | 'token_refused'
  /** 403: the token's role may not do this (a viewer saving). */
  | 'not_allowed'
  /** 404: no such sequence. */
  | 'not_found'
  /** 409: POST of an id already taken. */
  | 'exists'
  /** 412: the draft changed since it was loaded (details.revision: where it is now). */
  | 'draft_changed'
  /** 422: the sequence (or the mapping) is not valid. */
  | 'invalid'
  /** The request never got an answer: the connection dropped, the server is down. */
  | 'offline'
  | 'other';

export class ApiFailure extends Error {
  override name = 'ApiFailure';
  readonly kind: FailureKind;
  /** The HTTP status; null when no answer came. */
  readonly status: number | null;
  /** The API's error code (`draft_changed`, `invalid_sequence`...). */
  readonly code: string | null;
  readonly details: Record<string, unknown>;

  constructor(
    kind: FailureKind,
    message: string,
    status: number | null = null,
    code: string | null = null,
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** For `draft_changed`: the server's revision now, null when the sequence is gone. */
  get currentRevision(): number | null {
    const revision = this.details.revision;
    return typeof revision === 'number' ? revision : null;
  }

  /** For `invalid`: how many errors the validator found (0 when it did not list them). */
  get errorCount(): number {
    return Array.isArray(this.details.errors) ? this.details.errors.length : 0;
  }
}

export interface SequencesClient {
  list(): Promise<SequenceSummary[]>;
  load(id: string): Promise<ServerSequence>;
  /** POST: a new sequence (its id from the file, else the server's from the name). */
  create(file: unknown): Promise<Saved>;
  /** PUT with If-Match: replaces the draft only if it is still at `revision`. */
  save(id: string, file: unknown, revision: number): Promise<Saved>;
  preview(id: string): Promise<PublishPreview>;
  /** POST …/publish with If-Match: the draft at `draftRevision`, or nothing. */
  publish(
    id: string,
    draftRevision: number,
    migrate?: Record<string, string>,
  ): Promise<PublishResult>;
}

/** The most sequences the open dialog lists (the API's largest page). */
export const LIST_LIMIT = 1000;

/** The client of the server at `base` ('' : the one this page came from). */
export function httpSequencesClient(
  token: string,
  fetchFn: typeof fetch = (input, init) => fetch(input, init),
  base = '',
): SequencesClient {
  const call = async <T>(
    method: string,
    path: string,
    options: { body?: unknown; ifMatch?: number } = {},
  ): Promise<T> => {
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
    };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.ifMatch !== undefined) headers['if-match'] = etag(options.ifMatch);
    let res: Response;
    try {
      res = await fetchFn(`${base}/api${path}`, {
        method,
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
    } catch (error) {
      throw new ApiFailure('offline', (error as Error)?.message || String(error));
    }
    if (!res.ok) throw await failureOf(res);
    try {
      return (await res.json()) as T;
    } catch (error) {
      // The answer was cut off, or is not the API's (a proxy's page).
      throw new ApiFailure('offline', (error as Error)?.message || String(error), res.status);
    }
  };
  const path = (id: string) => `/sequences/${encodeURIComponent(id)}`;
  const saved = (answer: Saved): Saved => ({ id: answer.id, revision: answer.revision });
  return {
    async list() {
      const page = await call<{ sequences: SequenceSummary[] }>(
        'GET',
        `/sequences?limit=${LIST_LIMIT}`,
      );
      return page.sequences;
    },
    load: (id) => call<ServerSequence>('GET', path(id)),
    async create(file) {
      return saved(await call<Saved>('POST', '/sequences', { body: file }));
    },
    async save(id, file, revision) {
      return saved(await call<Saved>('PUT', path(id), { body: file, ifMatch: revision }));
    },
    preview: (id) => call<PublishPreview>('GET', `${path(id)}/publish-preview`),
    publish: (id, draftRevision, migrate) =>
      call<PublishResult>('POST', `${path(id)}/publish`, {
        ifMatch: draftRevision,
        ...(migrate ? { body: { migrate } } : {}),
      }),
  };
}

const KINDS: Record<number, FailureKind> = {
  401: 'token_refused',
  403: 'not_allowed',
  404: 'not_found',
  409: 'exists',
  412: 'draft_changed',
  422: 'invalid',
  // A proxy in front of a server that is down or restarting: nothing reached it.
  502: 'offline',
  503: 'offline',
  504: 'offline',
};

/** The API's error answer `{ error: { code, message, details? } }` as an ApiFailure. */
async function failureOf(res: Response): Promise<ApiFailure> {
  const kind = KINDS[res.status] ?? 'other';
  try {
    const body = (await res.json()) as {
      error?: { code?: unknown; message?: unknown; details?: unknown };
    };
    const { code, message, details } = body.error ?? {};
    if (typeof message === 'string')
      return new ApiFailure(
        kind,
        message,
        res.status,
        typeof code === 'string' ? code : null,
        typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {},
      );
  } catch {
    // Not the API's JSON (a proxy's error page): the status says enough.
  }
  return new ApiFailure(kind, `HTTP ${res.status}`, res.status);
}
