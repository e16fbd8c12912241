/**
 * Start-up settings from the environment (FORMAT.md section 8).
 *
 * HOST defaults to 127.0.0.1, not 0.0.0.0: `pnpm start` on a laptop should not put the app on
 * the café Wi-Fi. In a container or on a server, set HOST=0.0.0.0 (or the interface to use).
 */
import { resolve } from 'node:path';
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
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readConfig(env: Record<string, string | undefined>): ServerConfig {
  const config: ServerConfig = {
    port: readPort(env.PORT),
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir: resolve(repoRoot, env.NUDGE_DATA_DIR?.trim() || '.data'),
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
  return config;
}

function readUrl(name: string, value: string): string {
  try {
    return new URL(value).href.replace(/\/$/, '');
  } catch {
    // The value itself is not echoed: a DATABASE_URL holds a password.
    throw new ConfigError(`${name} must be a URL such as https://nudge.example.com`);
  }
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
