import { fileURLToPath } from 'node:url';

/** The repository root, found from this file rather than the working directory. */
export const repoRoot: string = fileURLToPath(new URL('../../', import.meta.url));

/** Where `pnpm --filter @nudge/editor build` writes the editor. */
export const defaultEditorDir: string = fileURLToPath(
  new URL('../../editor/dist/', import.meta.url),
);
