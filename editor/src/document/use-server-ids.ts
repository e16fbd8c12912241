import { useEffect, useState } from 'react';

/** The sequence ids taken on the server, as far as the editor could learn them. */
export type ServerIds =
  /** No token: nothing to check against (saving will say if the id is taken). */
  | { state: 'unchecked'; ids: ReadonlySet<string> }
  | { state: 'loading'; ids: ReadonlySet<string> }
  | { state: 'checked'; ids: ReadonlySet<string> }
  | { state: 'failed'; ids: ReadonlySet<string>; error: unknown };

const none: ReadonlySet<string> = new Set();

/** Reads the taken ids once (`load` null: no token, unchecked). */
export function useServerIds(load: (() => Promise<string[]>) | null): ServerIds {
  const [ids, setIds] = useState<ServerIds>(
    load ? { state: 'loading', ids: none } : { state: 'unchecked', ids: none },
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once, when the dialog opens
  useEffect(() => {
    if (!load) return;
    let current = true;
    load().then(
      (list) => current && setIds({ state: 'checked', ids: new Set(list) }),
      (error: unknown) => current && setIds({ state: 'failed', ids: none, error }),
    );
    return () => {
      current = false;
    };
  }, []);
  return ids;
}
