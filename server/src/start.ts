import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { type AppOptions, createApp } from './app.ts';
import { type ConnectionLimits, connectionLimits, httpServerOptions } from './connection-limits.ts';
import { answerClientErrors, listenerErrorHandler } from './http-errors.ts';
import { consoleLogger } from './log.ts';
import { defaultEditorDir, repoRoot } from './paths.ts';

export interface StartServerOptions extends Omit<AppOptions, 'editorDir'> {
  /** 3000 by default; 0 picks a free port (read it from the answer). */
  port?: number;
  /** The interface to listen on: 127.0.0.1 by default (see config.ts). */
  host?: string;
  /** The built editor; editor/dist by default; null serves the API alone. */
  editorDir?: string | null;
  /** Timeouts and the connection cap, over CONNECTION_LIMITS (connection-limits.ts). */
  limits?: Partial<ConnectionLimits>;
}

export interface RunningServer {
  /** Where to reach it, e.g. http://127.0.0.1:3000 (no trailing slash). */
  url: string;
  port: number;
  host: string;
  /** Stops taking connections, lets requests in flight finish (5 s at most), resolves when closed. */
  close(): Promise<void>;
}

/** The editor has not been built: `pnpm start` builds it first, `pnpm build` builds it alone. */
export class EditorNotBuiltError extends Error {
  constructor(dir: string) {
    const inRepo = relative(repoRoot, dir);
    const shown = inRepo && !inRepo.startsWith('..') ? inRepo : dir;
    super(
      `the editor is not built: ${join(shown, 'index.html')} is missing. Run \`pnpm start\` (it builds the editor first) or \`pnpm build\`.`,
    );
    this.name = 'EditorNotBuiltError';
  }
}

/** Starts the HTTP server; resolves once it listens, rejects if it can't (port in use, …). */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const { port = 3000, host = '127.0.0.1', limits: given, ...appOptions } = options;
  const editorDir = checkEditor(options.editorDir);
  const limits = connectionLimits(given);

  const app = createApp({ ...appOptions, editorDir });
  // What createAdaptorServer does, with an error handler it doesn't pass on: a request the
  // app never sees is answered in the API's JSON too (http-errors.ts).
  const listener = getRequestListener(app.fetch, {
    hostname: host,
    errorHandler: listenerErrorHandler(appOptions.logger ?? consoleLogger),
  });
  const server = createServer(httpServerOptions(limits), listener);
  answerClientErrors(server);
  server.maxConnections = limits.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${urlHost(host)}:${address.port}`,
    port: address.port,
    host,
    close: () => closeServer(server),
  };
}

/** The editor dir to serve (editor/dist by default), or EditorNotBuiltError. */
export function checkEditor(dir: string | null | undefined): string | null {
  const editorDir = dir === undefined ? defaultEditorDir : dir;
  if (editorDir !== null && !existsSync(join(editorDir, 'index.html')))
    throw new EditorNotBuiltError(editorDir);
  return editorDir;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 5000).unref();
  });
}

/** A wildcard address is reached through loopback; an IPv6 literal needs brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
