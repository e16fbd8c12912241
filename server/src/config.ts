/**
 * Start-up settings from the environment (FORMAT.md section 8). Grows with DATABASE_URL,
 * SMTP_URL, PUBLIC_URL, NUDGE_SECRET and the rest.
 *
 * HOST defaults to 127.0.0.1, not 0.0.0.0: `pnpm start` on a laptop should not put the app on
 * the café Wi-Fi, all the more before users and tokens exist. In a container or on a server,
 * set HOST=0.0.0.0 (or the interface to use).
 */
export interface ServerConfig {
  port: number;
  host: string;
  /** NUDGE_EDITOR_DIR: the built editor, when not editor/dist (tests, packaged installs). */
  editorDir?: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readConfig(env: Record<string, string | undefined>): ServerConfig {
  const config: ServerConfig = { port: readPort(env.PORT), host: env.HOST?.trim() || '127.0.0.1' };
  if (env.NUDGE_EDITOR_DIR) config.editorDir = env.NUDGE_EDITOR_DIR;
  return config;
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
