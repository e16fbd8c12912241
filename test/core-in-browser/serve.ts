import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Serves a few files from memory on 127.0.0.1 (a free port), with an empty page at `/`: enough
 * for a page to `import()` a bundle from its own origin, as the editor's page loads its code.
 */
/** An empty page; the empty icon keeps Chromium from asking for /favicon.ico. */
const PAGE =
  '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>core</title>';

export async function serveFiles(files: ReadonlyMap<string, string>) {
  const server = createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname.slice(1));
    const body = name === '' ? PAGE : files.get(name);
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    const type = name === '' ? 'text/html' : 'text/javascript';
    response.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
