import { documentActions, sequenceStore } from '@nudge/editor';
import { diffSequences, type Sequence } from '@nudge/schema';
import { expect, userEvent, waitFor, type within } from 'storybook/test';

/*
 * Support for the page stories of stories/src/app: the whole editor against a sequences API
 * held in memory (window.fetch answers /api/sequences…, as the server does for the calls the
 * document's actions make), the API token kept, and the editor's one store, dialogs and
 * working copies started afresh around each story.
 */

const TOKEN_KEY = 'nudge.apiToken';

interface Stored {
  draft: Sequence;
  revision: number;
  versions: Sequence[];
}

/** The sequences API in memory: create, load, save with If-Match, preview, publish. */
export function fakeSequencesApi() {
  const sequences = new Map<string, Stored>();
  const answer = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  const refuse = (status: number, code: string, details: object = {}) =>
    answer(status, { error: { code, message: code, details } });
  const handle = async (method: string, path: string, init?: RequestInit) => {
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const ifMatch = Number(String(new Headers(init?.headers).get('if-match')).replaceAll('"', ''));
    const [, id, action] = path.match(/^\/api\/sequences(?:\/([^/?]+))?(?:\/([^/?]+))?/) ?? [];
    const stored = id === undefined ? undefined : sequences.get(decodeURIComponent(id));
    if (method === 'POST' && id === undefined) {
      if (sequences.has(body.id)) return refuse(409, 'sequence_exists', { sequenceId: body.id });
      sequences.set(body.id, { draft: body, revision: 1, versions: [] });
      return answer(201, { id: body.id, revision: 1 });
    }
    if (!stored) return refuse(404, 'sequence_not_found');
    if (method === 'PUT') {
      if (ifMatch !== stored.revision)
        return refuse(412, 'draft_changed', { revision: stored.revision });
      stored.draft = body;
      stored.revision += 1;
      return answer(200, { id, revision: stored.revision });
    }
    const last = stored.versions.at(-1);
    if (method === 'GET' && action === undefined)
      return answer(200, {
        id,
        name: stored.draft.name,
        revision: stored.revision,
        draft: stored.draft,
        published: last ? { version: stored.versions.length, publishedAt: new Date() } : null,
        publishedStepIds: [
          ...new Set(stored.versions.flatMap((v) => v.nodes.map((n) => n.id))),
        ].sort(),
      });
    if (method === 'GET' && action === 'publish-preview')
      return answer(200, {
        draftRevision: stored.revision,
        published: last ? { version: stored.versions.length, definition: last } : null,
        changes: last ? diffSequences(last, stored.draft) : null,
        waiting: [],
      });
    if (method === 'POST' && action === 'publish') {
      if (ifMatch !== stored.revision)
        return refuse(412, 'draft_changed', { revision: stored.revision });
      stored.versions.push(structuredClone(stored.draft));
      return answer(200, { version: stored.versions.length });
    }
    return refuse(405, 'method_not_allowed');
  };
  return {
    sequences,
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), window.location.href);
      return handle(init?.method ?? 'GET', url.pathname + url.search, init);
    }) as typeof fetch,
  };
}

/** Before a page story: nothing open, no dialog, a token kept, the API in memory. */
export function freshPage(): () => Promise<void> {
  sequenceStore.setState(sequenceStore.getInitialState(), true);
  sequenceStore.temporal.getState().clear();
  documentActions.closeDialog();
  documentActions.notify(null);
  localStorage.setItem(TOKEN_KEY, 'story-token');
  const api = fakeSequencesApi();
  const realFetch = window.fetch;
  window.fetch = (input, init) =>
    String(input).includes('/api/sequences') ? api.fetch(input, init) : realFetch(input, init);
  return async () => {
    window.fetch = realFetch;
    localStorage.removeItem(TOKEN_KEY);
    documentActions.closeDialog();
    // The working copies the page kept: none is left for the next story.
    for (const key of Object.keys(localStorage))
      if (key.startsWith('nudge.workingCop')) localStorage.removeItem(key);
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase('nudge-editor');
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
  };
}

/**
 * Opens one of the shipped examples from the Examples menu and waits until it is open: it is
 * checked off the page's thread (a worker), which a loaded machine can make slow.
 */
export async function openExample(page: ReturnType<typeof within>, fileName: string) {
  await userEvent.click(page.getByTestId('examples-button'));
  await userEvent.click(
    page
      .getAllByTestId('example')
      .find((e: HTMLElement) => e.dataset.example === fileName) as HTMLElement,
  );
}

/** Waits until `fileName` is the open document. */
export async function opened(fileName: string) {
  await waitFor(() => expect(sequenceStore.getState().fileName).toBe(fileName), {
    timeout: 5000,
  });
}
