import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside each text file of the build (JS, CSS,
 * HTML, JSON, SVG...), for the server to send to browsers that accept them (server/src/static.ts).
 *
 * At build time rather than on each request: the files never change once built, brotli's best
 * level is far too slow to run per request (about a second for the editor's code on two
 * cores), and the server then compresses nothing and keeps no cache. Images, fonts and other
 * files that are compressed already get no copy; nor does a file its copy would not shrink.
 */
export function precompress(): Plugin {
  return {
    name: 'nudge:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir;
      if (!dir) return;
      const writes = Object.values(bundle)
        .filter((file) => isCompressible(file.fileName))
        .flatMap((file) => {
          const bytes = Buffer.from(file.type === 'chunk' ? file.code : file.source);
          return ENCODINGS.map(async ({ suffix, compress }) => {
            const packed = await compress(bytes);
            if (packed.length < bytes.length)
              await writeFile(join(dir, file.fileName + suffix), packed);
          });
        });
      await Promise.all(writes);
    },
  };
}

/** Text formats worth compressing; anything else (png, jpg, webp, woff2, zip...) is left as is. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|json|map|svg|txt|xml|webmanifest)$/i;

export function isCompressible(fileName: string): boolean {
  return COMPRESSIBLE.test(fileName);
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** The copies, the server's order of preference first. */
export const ENCODINGS = [
  {
    suffix: '.br',
    compress: (bytes: Buffer) =>
      brotli(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
  },
  { suffix: '.gz', compress: (bytes: Buffer) => gzipped(bytes, { level: 9 }) },
] as const;
