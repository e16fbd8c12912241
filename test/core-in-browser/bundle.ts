import { existsSync, readFileSync } from 'node:fs';
import { builtinModules, isBuiltin } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';

/**
 * Bundles `@nudge/runtime/core` for browsers with Vite, as the editor does: an ES module,
 * browser resolution (package `browser` fields), no Node polyfills and no shims. A Node
 * built-in anywhere in the import graph fails the build: Vite alone would only warn and
 * swap in an empty stub that breaks at run time.
 */
export interface Bundle {
  /** The output files by name (the entry and any chunks it imports). */
  files: Map<string, string>;
  entry: string;
  bytes: number;
}

export const coreEntry = fileURLToPath(new URL('../../runtime/src/core/index.ts', import.meta.url));

interface OutputFile {
  type: 'chunk' | 'asset';
  fileName: string;
  code?: string;
  source?: string | Uint8Array;
  isEntry?: boolean;
}

/**
 * Fails the build at the first import of a Node built-in, naming who imports it, unless the
 * importing package says in its `browser` field that browsers go without it (`"fs": false`):
 * its author made that import optional in browsers (postcss, under juice's client build, only
 * reads source maps from files with it).
 */
export function noNodeBuiltins(): Plugin {
  return {
    name: 'nudge:no-node-builtins',
    enforce: 'pre',
    resolveId(id, importer) {
      if (isBuiltin(id) && !(importer && browserDrops(importer, id)))
        this.error(
          `${importer ?? 'the entry'} imports the Node built-in "${id}": core must run in browsers`,
        );
      return null;
    },
  };
}

/** Whether the package of `importer` maps `id` to false in its package.json `browser` field. */
function browserDrops(importer: string, id: string): boolean {
  for (let dir = dirname(importer); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const browser: unknown = JSON.parse(readFileSync(file, 'utf8')).browser;
    if (typeof browser !== 'object' || browser === null) return false;
    const mapped = (browser as Record<string, unknown>)[id.replace(/^node:/, '')];
    return mapped === false;
  }
  return false;
}

/** `quiet`: no build errors on stderr, for a build that is meant to fail. */
export async function bundleCore(
  options: { entry?: string; quiet?: boolean } = {},
): Promise<Bundle> {
  const { entry = coreEntry, quiet = false } = options;
  const result = await build({
    configFile: false,
    root: fileURLToPath(new URL('../../runtime/', import.meta.url)),
    mode: 'production',
    logLevel: quiet ? 'silent' : 'warn',
    plugins: [noNodeBuiltins()],
    build: {
      write: false,
      lib: { entry, formats: ['es'], fileName: 'core' },
      minify: true,
      reportCompressedSize: false,
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Array<{ output: OutputFile[] }>;
  const files = new Map<string, string>();
  let main = '';
  for (const file of outputs.flatMap((o) => o.output)) {
    const text =
      file.code ??
      (typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source));
    files.set(file.fileName, text);
    if (file.type === 'chunk' && file.isEntry) main = file.fileName;
  }
  if (!main) throw new Error('the build has no entry chunk');
  const bytes = [...files.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  return { files, entry: main, bytes };
}

/**
 * What in a bundle's code still reaches for Node: an import of a built-in (`node:fs`, or
 * `fs`), a `require("…")` of one, or Vite's stub for a built-in it dropped.
 */
export function nodeReferences(code: string): string[] {
  const names = builtinModules.filter((name) => !name.startsWith('_')).join('|');
  const patterns = [
    /\bfrom\s*["']node:[^"']+["']/g,
    /\bimport\s*\(\s*["']node:[^"']+["']\s*\)/g,
    new RegExp(`\\bfrom\\s*["'](?:${names})(?:/[^"']*)?["']`, 'g'),
    new RegExp(`\\brequire\\s*\\(\\s*["'](?:node:)?(?:${names})(?:/[^"']*)?["']\\s*\\)`, 'g'),
    /__vite-browser-external/g,
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[0]));
}
