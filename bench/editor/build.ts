/**
 * The two pages `pnpm bench:editor` compares, production builds in temporary folders: the
 * editor as `pnpm start` builds it, and the baseline (baseline/), a bare React Flow page built
 * with the editor's own React and React Flow, its files compressed alike.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompress } from '../../editor/precompress.ts';
import { type BuiltPage, buildPage, editorDir, type Plugin } from '../../test/bundle/build.ts';

export { buildEditor } from '../../test/bundle/build.ts';

const baselineDir = fileURLToPath(new URL('./baseline/', import.meta.url));

export function buildBaseline(): Promise<BuiltPage> {
  return buildPage('nudge-bench-baseline-', {
    root: baselineDir,
    configFile: false,
    base: '/',
    mode: 'production',
    // React Flow's "use client" and the compression's share of the time: nothing to act on.
    logLevel: 'error',
    plugins: [packagesOfTheEditor(), precompress()],
    build: { chunkSizeWarningLimit: 1500 },
  });
}

/** The baseline's packages (react, @xyflow/react) resolved as the editor's code resolves them. */
function packagesOfTheEditor(): Plugin {
  const editorEntry = join(editorDir, 'src', 'main.tsx');
  return {
    name: 'bench:packages-of-the-editor',
    enforce: 'pre',
    resolveId(id, importer, options) {
      const bare = !/^[./\0]/.test(id) && !id.includes(':');
      if (!bare || !importer?.startsWith(baselineDir)) return null;
      return this.resolve(id, editorEntry, { ...options, skipSelf: true });
    },
  };
}
