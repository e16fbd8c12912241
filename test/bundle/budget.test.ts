/**
 * The page's first load: at most 350 kB of gzipped JavaScript (issue 13, §6). The editor is
 * built as `pnpm start` builds it (editor/vite.config.ts, a production build) into a
 * temporary folder; the budget counts what index.html makes the browser fetch before anything
 * is clicked. What only a panel or the outbox needs must come later, with them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkList, type FirstLoad, kB } from '../../editor/first-load.ts';
import { isCompressible } from '../../editor/precompress.ts';
import { type BuiltPage, buildEditor } from './build.ts';

/** The budget, in bytes of gzip (level 9, as the server's .gz copies). */
const BUDGET = 350_000;

let built: BuiltPage;
let load: FirstLoad;
let outDir: string;

beforeAll(async () => {
  built = await buildEditor();
  load = built.firstLoad;
  outDir = built.dir;
  console.log(
    `editor first load: ${kB(load.gzipBytes)} of JavaScript gzipped (budget ${kB(BUDGET)})\n${chunkList(load.chunks)}\nloaded later:\n${chunkList(load.lazy)}`,
  );
});
afterAll(() => built?.remove());

/** Whether a chunk of the first load holds a module whose path matches. */
const firstLoadHolds = (pattern: RegExp) =>
  load.chunks.filter((c) => c.moduleIds.some((id) => pattern.test(id))).map((c) => c.fileName);

describe('the editor’s first load', () => {
  it(`is at most ${kB(BUDGET)} of gzipped JavaScript`, () => {
    expect(
      load.gzipBytes,
      `the first load is ${kB(load.gzipBytes)} gzipped, over the budget of ${kB(BUDGET)}. Its chunks:\n${chunkList(load.chunks)}\nLoad what only a panel, a form or the outbox needs with React.lazy / import().`,
    ).toBeLessThanOrEqual(BUDGET);
  });

  it('is exactly what index.html asks for: the entry and all it imports, preloaded', () => {
    expect(load.chunks.length).toBeGreaterThan(1);
    expect([...load.requested].sort()).toEqual(load.chunks.map((c) => c.fileName).sort());
  });

  it('leaves out the outbox and the heavy editors of the step forms', () => {
    expect(firstLoadHolds(/[\\/]editor[\\/]src[\\/]outbox[\\/]Outbox\.tsx$/)).toEqual([]);
    expect(load.lazy.some((c) => c.moduleIds.some((id) => id.endsWith('Outbox.tsx')))).toBe(true);
    expect(firstLoadHolds(/[\\/]node_modules[\\/]@codemirror[\\/]/)).toEqual([]);
    expect(firstLoadHolds(/[\\/]node_modules[\\/]react-querybuilder[\\/]/)).toEqual([]);
  });

  it('keeps the libraries in chunks of their own, cached across builds of the editor', () => {
    const entry = load.chunks.find((c) => c.fileName.startsWith('assets/index-'));
    // assets/react-flow-Ab_1-xYz.js: the chunk's name, then its hash (8 characters).
    const holding = (pattern: RegExp) =>
      firstLoadHolds(pattern).map((name) => name.replace(/-[\w-]{8}\.js$/, ''));
    expect(holding(/[\\/]node_modules[\\/]react-dom[\\/]/)).toEqual(['assets/react']);
    expect(holding(/[\\/]node_modules[\\/]@xyflow[\\/]react[\\/]/)).toEqual(['assets/react-flow']);
    expect(holding(/[\\/]node_modules[\\/]i18next[\\/]/)).toEqual(['assets/vendor']);
    expect(entry?.moduleIds.some((id) => id.includes('node_modules/react-dom/'))).toBe(false);
  });
});

describe('the compressed copies', () => {
  it('are beside every script, stylesheet and page, and hold exactly the file', () => {
    const texts = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((name) =>
      /\.(?:js|css|html)$/.test(name),
    );
    expect(texts.length).toBeGreaterThan(3);
    for (const name of texts) {
      const original = readFileSync(join(outDir, name));
      expect(
        brotliDecompressSync(readFileSync(join(outDir, `${name}.br`))).equals(original),
        name,
      ).toBe(true);
      expect(gunzipSync(readFileSync(join(outDir, `${name}.gz`))).equals(original), name).toBe(
        true,
      );
    }
  });

  it('are made for text formats only, never for images, fonts or archives', () => {
    for (const name of [
      'a.js',
      'a.mjs',
      'a.css',
      'index.html',
      'a.json',
      'a.svg',
      'a.map',
      'a.txt',
    ])
      expect(isCompressible(name), name).toBe(true);
    for (const name of [
      'a.png',
      'a.jpg',
      'a.jpeg',
      'a.webp',
      'a.avif',
      'a.gif',
      'a.woff2',
      'a.woff',
      'a.zip',
      'a.js.br',
      'a.css.gz',
    ])
      expect(isCompressible(name), name).toBe(false);
  });
});
