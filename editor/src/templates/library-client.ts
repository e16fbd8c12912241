import type { LibraryTemplate, TemplateChannel } from './apply.ts';

/** Why the library could not be read: the status (null: no answer) and the API's message. */
export class LibraryFailure extends Error {
  readonly status: number | null;

  constructor(message: string, status: number | null) {
    super(message);
    this.status = status;
  }
}

export interface Library {
  /** The workspace's templates of the channel, by name; `query` matches a name or a tag. */
  templates: LibraryTemplate[];
  /** The starters that ship with Nudge, of the channel. */
  starters: LibraryTemplate[];
}

/** What the picker reads the library with: the server's API by default, a stand-in in stories. */
export type LoadLibrary = (
  token: string,
  channel: TemplateChannel,
  query: string,
  signal?: AbortSignal,
) => Promise<Library>;

/**
 * GET /api/templates and /api/templates/starters of the server this page came from (or
 * `base`), with the token the editor keeps. Items of another shape are left out.
 */
export function httpLibrary(
  base = '',
  fetchFn: typeof fetch = (input, init) => fetch(input, init),
): LoadLibrary {
  return async (token, channel, query, signal) => {
    const get = async (path: string) => {
      let res: Response;
      try {
        res = await fetchFn(`${base}/api${path}`, {
          headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
          ...(signal ? { signal } : {}),
        });
      } catch (error) {
        if ((error as Error).name === 'AbortError') throw error;
        throw new LibraryFailure((error as Error).message || String(error), null);
      }
      const body: unknown = await res.json().catch(() => null);
      if (!res.ok) {
        const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
        throw new LibraryFailure(
          typeof message === 'string' ? message : res.statusText,
          res.status,
        );
      }
      return body as Record<string, unknown> | null;
    };
    const params = new URLSearchParams({ channel, limit: '200' });
    if (query.trim() !== '') params.set('q', query.trim());
    const [mine, starters] = await Promise.all([
      get(`/templates?${params}`),
      get('/templates/starters'),
    ]);
    const needle = query.trim().toLowerCase();
    const matches = (t: LibraryTemplate) =>
      needle === '' ||
      t.name.toLowerCase().includes(needle) ||
      t.tags.some((tag) => tag.toLowerCase() === needle);
    return {
      templates: templatesOf(mine?.templates).filter((t) => t.channel === channel),
      starters: templatesOf(starters?.starters)
        .filter((t) => t.channel === channel && matches(t))
        .map(({ id: _, ...starter }) => starter),
    };
  };
}

function templatesOf(list: unknown): LibraryTemplate[] {
  if (!Array.isArray(list)) return [];
  return list.filter(
    (item): item is LibraryTemplate =>
      typeof item === 'object' &&
      item !== null &&
      typeof item.name === 'string' &&
      ['email', 'sms', 'kakao'].includes(item.channel) &&
      Array.isArray(item.tags) &&
      typeof item.content === 'object' &&
      item.content !== null,
  );
}

/** What Save as template sends: a new template of the workspace. */
export interface NewTemplate {
  channel: TemplateChannel;
  name: string;
  tags: string[];
  content: Record<string, unknown>;
}

/** POST /api/templates: the template as saved, or a LibraryFailure with the API's message. */
export async function saveTemplate(
  token: string,
  template: NewTemplate,
  { base = '', fetchFn = (input, init) => fetch(input, init) }: SaveOptions = {},
): Promise<LibraryTemplate> {
  let res: Response;
  try {
    res = await fetchFn(`${base}/api/templates`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        'content-type': 'application/json',
      },
      body: JSON.stringify(template),
    });
  } catch (error) {
    throw new LibraryFailure((error as Error).message || String(error), null);
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
    throw new LibraryFailure(typeof message === 'string' ? message : res.statusText, res.status);
  }
  const [saved] = templatesOf([body]);
  if (!saved) throw new LibraryFailure('the server answered something else', res.status);
  return saved;
}

interface SaveOptions {
  base?: string;
  fetchFn?: typeof fetch;
}

/** What the Save as template dialog saves with: the server's API unless a story gives another. */
export type SaveToLibrary = (token: string, template: NewTemplate) => Promise<LibraryTemplate>;
