import { gzipSync } from 'node:zlib';

/**
 * What a page's first load of the built editor costs in JavaScript, read from a Vite build's
 * output: the bundle-budget test (test/bundle/) and `pnpm bench:editor` report it.
 */

/** A file of a Vite (Rolldown) build's output, as far as this reads it. */
export type BuiltFile =
  | {
      type: 'chunk';
      fileName: string;
      code: string;
      isEntry: boolean;
      imports: string[];
      dynamicImports: string[];
      moduleIds: string[];
    }
  | { type: 'asset'; fileName: string; source: string | Uint8Array };

export interface LoadedChunk {
  fileName: string;
  bytes: number;
  /** Gzipped at level 9, as the server sends it to a browser that takes gzip (precompress.ts). */
  gzipBytes: number;
  /** The source modules in it (absolute paths, or ids such as "\0rolldown/runtime.js"). */
  moduleIds: string[];
}

export interface FirstLoad {
  /** The JavaScript files index.html asks for: its module scripts and modulepreload links. */
  requested: string[];
  /** The entry chunks and all they import statically: what the page runs before any click. */
  chunks: LoadedChunk[];
  gzipBytes: number;
  /** The chunks loaded only on demand (import()), never on the first load. */
  lazy: LoadedChunk[];
}

export function firstLoad(output: readonly BuiltFile[]): FirstLoad {
  const chunks = new Map<string, Extract<BuiltFile, { type: 'chunk' }>>();
  for (const file of output) if (file.type === 'chunk') chunks.set(file.fileName, file);
  const html = output.find((file) => file.type === 'asset' && file.fileName === 'index.html');
  if (html?.type !== 'asset') throw new Error('the build wrote no index.html');

  const needed = new Set<string>();
  const visit = (name: string) => {
    if (needed.has(name)) return;
    needed.add(name);
    for (const imported of chunks.get(name)?.imports ?? []) visit(imported);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);

  const loaded = (chunk: Extract<BuiltFile, { type: 'chunk' }>): LoadedChunk => ({
    fileName: chunk.fileName,
    bytes: Buffer.byteLength(chunk.code),
    gzipBytes: gzipSync(chunk.code, { level: 9 }).length,
    moduleIds: chunk.moduleIds,
  });
  const first = [...needed].flatMap((name) => {
    const chunk = chunks.get(name);
    return chunk ? [loaded(chunk)] : [];
  });
  return {
    requested: requestedScripts(text(html.source)),
    chunks: first,
    gzipBytes: first.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
    lazy: [...chunks.values()].filter((c) => !needed.has(c.fileName)).map(loaded),
  };
}

/**
 * The JavaScript files a page asks for as it loads: `<script type="module" src>` and
 * `<link rel="modulepreload" href>`, as paths under the site's root without the leading slash.
 */
export function requestedScripts(html: string): string[] {
  const found: string[] = [];
  for (const [tag, name] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const attributes = new Map(
      [...tag.matchAll(/([\w-]+)\s*=\s*"([^"]*)"/g)].map(([, key, value]) => [
        (key as string).toLowerCase(),
        value as string,
      ]),
    );
    const url =
      name?.toLowerCase() === 'script'
        ? attributes.get('type') === 'module' && attributes.get('src')
        : attributes.get('rel') === 'modulepreload' && attributes.get('href');
    if (url) found.push(url.replace(/^\//, ''));
  }
  return found;
}

/** One line per chunk, largest first: "  123.4 kB  assets/index-Ab12.js". */
export function chunkList(chunks: readonly LoadedChunk[]): string {
  return [...chunks]
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
    .map((c) => `${kB(c.gzipBytes).padStart(10)}  ${c.fileName}`)
    .join('\n');
}

/** Kilobytes of 1,000 bytes, as budgets and browsers' network panels count them. */
export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

const text = (source: string | Uint8Array) =>
  typeof source === 'string' ? source : new TextDecoder().decode(source);
