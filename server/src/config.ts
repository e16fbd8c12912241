/**
 * Start-up settings from the environment (FORMAT.md section 8).
 *
 * HOST defaults to 127.0.0.1, not 0.0.0.0: `pnpm start` on a laptop should not put the app on
 * the café Wi-Fi. In a container or on a server, set HOST=0.0.0.0 (or the interface to use).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { domainToASCII } from 'node:url';
import { type DkimOptions, dkimPrivateKey } from '@nudge/runtime/worker/delivery';
import { CONNECTION_LIMITS, type ConnectionLimits } from './connection-limits.ts';
import { repoRoot } from './paths.ts';

export interface ServerConfig {
  port: number;
  host: string;
  /** NUDGE_EDITOR_DIR: the built editor, when not editor/dist (tests, packaged installs). */
  editorDir?: string;
  /** DATABASE_URL; absent: an embedded PostgreSQL in `dataDir`. */
  databaseUrl?: string;
  /** NUDGE_DATA_DIR: embedded PostgreSQL and the generated secret; `.data/` at the repo root. */
  dataDir: string;
  /** NUDGE_SECRET; absent: generated once and kept in `dataDir`/secret. */
  secret?: string;
  /** PUBLIC_URL, for tracking and unsubscribe links; absent: the server's own URL. */
  publicUrl?: string;
  /** SMTP_URL; absent: mail is captured in the outbox. */
  smtpUrl?: string;
  /** NUDGE_BOOTSTRAP_TOKEN: an admin API token to create when the workspace has no admin. */
  bootstrapToken?: string;
  /**
   * DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY or DKIM_PRIVATE_KEY_FILE: every mail is
   * signed. The key is a KeyObject: should the config ever be printed, it shows no key.
   */
  dkim?: DkimOptions;
  /**
   * NUDGE_HEADERS_TIMEOUT (10), NUDGE_REQUEST_TIMEOUT (30), NUDGE_KEEP_ALIVE_TIMEOUT (5), in
   * seconds, and NUDGE_MAX_CONNECTIONS (1000): how long clients may take, how many at once.
   * Only those set; the defaults are CONNECTION_LIMITS (connection-limits.ts).
   */
  limits?: Partial<ConnectionLimits>;
  /** NUDGE_WORKER: where the worker runs (WorkerMode); default `process`. */
  worker: WorkerMode;
}

/**
 * Where `pnpm start` runs the worker. `process` (the default): a child process it supervises,
 * so that what the worker does (rendering templates above all) never delays a request.
 * `inline`: in the server's own process, as embedding and some tests want. `off`: no worker;
 * the API still enrolls and jobs wait for a `nudge worker` to take them.
 */
export type WorkerMode = 'process' | 'inline' | 'off';

const WORKER_MODES: readonly WorkerMode[] = ['process', 'inline', 'off'];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readConfig(env: Record<string, string | undefined>): ServerConfig {
  const config: ServerConfig = {
    port: readPort(env.PORT),
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir: resolve(repoRoot, env.NUDGE_DATA_DIR?.trim() || '.data'),
    worker: readWorkerMode(env.NUDGE_WORKER),
  };
  if (env.NUDGE_EDITOR_DIR) config.editorDir = env.NUDGE_EDITOR_DIR;
  const set = (key: 'databaseUrl' | 'secret' | 'smtpUrl' | 'bootstrapToken', value?: string) => {
    if (value?.trim()) config[key] = value.trim();
  };
  set('databaseUrl', env.DATABASE_URL);
  set('secret', env.NUDGE_SECRET);
  set('smtpUrl', env.SMTP_URL);
  set('bootstrapToken', env.NUDGE_BOOTSTRAP_TOKEN);
  if (env.PUBLIC_URL?.trim()) config.publicUrl = readUrl('PUBLIC_URL', env.PUBLIC_URL.trim());
  if (config.databaseUrl) readUrl('DATABASE_URL', config.databaseUrl);
  const dkim = readDkim(env);
  if (dkim) config.dkim = dkim;
  const limits = readLimits(env);
  if (Object.keys(limits).length > 0) config.limits = limits;
  return config;
}

/**
 * All or none: a partial set would send mail unsigned while the operator believes it signed,
 * so it stops the start instead. Messages name the variable, never the key.
 */
function readDkim(env: Record<string, string | undefined>): DkimOptions | undefined {
  const domain = env.DKIM_DOMAIN?.trim();
  const selector = env.DKIM_SELECTOR?.trim();
  const pem = env.DKIM_PRIVATE_KEY?.trim();
  const file = env.DKIM_PRIVATE_KEY_FILE?.trim();
  if (!domain && !selector && !pem && !file) return undefined;
  if (pem && file) throw new ConfigError('set DKIM_PRIVATE_KEY or DKIM_PRIVATE_KEY_FILE, not both');
  if (!domain || !selector || !(pem || file)) {
    const missing = [
      domain ? '' : 'DKIM_DOMAIN',
      selector ? '' : 'DKIM_SELECTOR',
      pem || file ? '' : 'DKIM_PRIVATE_KEY (or DKIM_PRIVATE_KEY_FILE)',
    ].filter((name) => name !== '');
    throw new ConfigError(
      'DKIM signing needs DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY or ' +
        `DKIM_PRIVATE_KEY_FILE; missing ${missing.join(', ')}`,
    );
  }
  const domainName = domainToASCII(domain);
  if (!domainName.includes('.') || domainName.startsWith('.') || domainName.endsWith('.'))
    throw new ConfigError(
      `DKIM_DOMAIN must be a domain name such as example.com, not ${JSON.stringify(domain)}`,
    );
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(selector) || /\._domainkey\b/i.test(selector))
    throw new ConfigError(
      'DKIM_SELECTOR must be the selector alone, the part before ._domainkey in the DNS name ' +
        `(s1 for s1._domainkey.${domainName}), not ${JSON.stringify(selector)}`,
    );
  let source: string;
  let key: string | Buffer;
  if (file) {
    // Relative like NUDGE_DATA_DIR: to the repository root, where pnpm runs scripts.
    const path = resolve(repoRoot, file);
    source = `DKIM_PRIVATE_KEY_FILE (${path})`;
    try {
      key = readFileSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ConfigError(`${source} can't be read${code ? ` (${code})` : ''}`);
    }
  } else {
    source = 'DKIM_PRIVATE_KEY';
    // An env file (docker --env-file, systemd) holds one line, so the PEM comes with literal \n.
    const text = pem ?? '';
    key = text.includes('\n') ? text : text.replaceAll('\\n', '\n');
  }
  try {
    return { domainName, keySelector: selector, privateKey: dkimPrivateKey(key) };
  } catch (error) {
    throw new ConfigError(`${source} ${(error as Error).message}`);
  }
}

function readUrl(name: string, value: string): string {
  try {
    return new URL(value).href.replace(/\/$/, '');
  } catch {
    // The value itself is not echoed: a DATABASE_URL holds a password.
    throw new ConfigError(`${name} must be a URL such as https://nudge.example.com`);
  }
}

function readWorkerMode(value: string | undefined): WorkerMode {
  const mode = value?.trim().toLowerCase() || 'process';
  if (!(WORKER_MODES as readonly string[]).includes(mode))
    throw new ConfigError(
      `NUDGE_WORKER must be process (a child process, the default), inline (in the server's process) or off, not ${JSON.stringify(value)}`,
    );
  return mode as WorkerMode;
}

function readPort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 3000;
  const port = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || port > 65535)
    throw new ConfigError(
      `PORT must be a number from 0 to 65535 (0 picks a free port), not ${JSON.stringify(value)}`,
    );
  return port;
}

/** The connection limits set in the environment (seconds, as people write them; ms inside). */
function readLimits(env: Record<string, string | undefined>): Partial<ConnectionLimits> {
  const limits: Partial<ConnectionLimits> = {};
  const seconds = (
    name: string,
    key: 'headersTimeoutMs' | 'requestTimeoutMs' | 'keepAliveTimeoutMs',
  ) => {
    const text = env[name]?.trim();
    if (!text) return;
    const value = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || value <= 0 || value > 3600)
      throw new ConfigError(
        `${name} must be a number of seconds above 0, at most 3600, not ${JSON.stringify(env[name])}`,
      );
    limits[key] = Math.round(value * 1000);
  };
  seconds('NUDGE_HEADERS_TIMEOUT', 'headersTimeoutMs');
  seconds('NUDGE_REQUEST_TIMEOUT', 'requestTimeoutMs');
  seconds('NUDGE_KEEP_ALIVE_TIMEOUT', 'keepAliveTimeoutMs');
  const max = env.NUDGE_MAX_CONNECTIONS?.trim();
  if (max) {
    if (!/^\d+$/.test(max) || Number(max) < 1)
      throw new ConfigError(
        `NUDGE_MAX_CONNECTIONS must be a whole number above 0, not ${JSON.stringify(env.NUDGE_MAX_CONNECTIONS)}`,
      );
    limits.maxConnections = Number(max);
  }
  const { headersTimeoutMs, requestTimeoutMs } = { ...CONNECTION_LIMITS, ...limits };
  // Node refuses to start otherwise; say so in the settings' own words.
  if (headersTimeoutMs > requestTimeoutMs)
    throw new ConfigError(
      `NUDGE_HEADERS_TIMEOUT (${headersTimeoutMs / 1000} s) must not be longer than NUDGE_REQUEST_TIMEOUT (${requestTimeoutMs / 1000} s)`,
    );
  return limits;
}
