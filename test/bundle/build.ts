/**
 * Production builds into temporary folders, with what their first load costs: the editor as
 * `pnpm start` builds it (editor/vite.config.ts), for the budget test here and for
 * `pnpm bench:editor`, which builds its baseline page with `buildPage` too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig } from 'vite';
import { type BuiltFile, type FirstLoad, firstLoad } from '../../editor/first-load.ts';

export type { InlineConfig, Plugin } from 'vite';

export const editorDir = fileURLToPath(new URL('../../editor/', import.meta.url));

export interface BuiltPage {
  /** The folder written: index.html, assets/, and the compressed copies. */
  dir: string;
  firstLoad: FirstLoad;
  remove(): void;
}

/** The editor, built with its own config. */
export function buildEditor(): Promise<BuiltPage> {
  return buildPage('nudge-editor-build-', {
    root: editorDir,
    configFile: join(editorDir, 'vite.config.ts'),
  });
}

/** Builds `config` into a new temporary folder (its build.outDir is that folder). */
export async function buildPage(prefix: string, config: InlineConfig): Promise<BuiltPage> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  // The editor's config makes a build a production build by setting NODE_ENV, for the whole
  // process: put it back as it was.
  const nodeEnv = process.env.NODE_ENV;
  try {
    const result = await build({
      logLevel: 'warn',
      ...config,
      build: { ...config.build, outDir: dir, emptyOutDir: true },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Array<{ output: BuiltFile[] }>;
    return {
      dir,
      firstLoad: firstLoad(outputs.flatMap((o) => o.output)),
      remove: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
