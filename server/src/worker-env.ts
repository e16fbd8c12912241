import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SUPERVISED } from './cli/worker.ts';
import type { WorkerSettings } from './nudge.ts';
import { repoRoot } from './paths.ts';

/**
 * How `pnpm start` starts its worker process: `nudge worker`, the command that runs extra
 * workers (cli/worker*.ts), with the server's settings in its environment.
 */

/**
 * The settings `nudge worker` reads (FORMAT.md section 8), all set or removed here, so the
 * child works with exactly the server's, whatever the parent's own environment holds (a test
 * builds its config from other values). The server's own (PORT, HOST...) go too: the worker
 * gets PUBLIC_URL and doesn't need them.
 */
const SETTINGS = [
  'DATABASE_URL',
  'NUDGE_SECRET',
  'PUBLIC_URL',
  'SMTP_URL',
  'DKIM_DOMAIN',
  'DKIM_SELECTOR',
  'DKIM_PRIVATE_KEY',
  'DKIM_PRIVATE_KEY_FILE',
  'PORT',
  'HOST',
  'NUDGE_BOOTSTRAP_TOKEN',
  'NUDGE_EDITOR_DIR',
  'NUDGE_WORKER',
];

/**
 * The environment of the worker process: the parent's (PATH, NODE_OPTIONS, NUDGE_DATA_DIR...)
 * with the server's worker settings. The DKIM key goes as PEM: the child reads it as
 * DKIM_PRIVATE_KEY, checked like the server's. These values (a database password, the secret,
 * the key) are visible only to the same user, as the parent's own environment is.
 */
export function workerEnv(settings: WorkerSettings, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const name of SETTINGS) delete env[name];
  env.DATABASE_URL = settings.databaseUrl;
  env.NUDGE_SECRET = settings.secret;
  env.PUBLIC_URL = settings.publicUrl;
  if (settings.smtpUrl) env.SMTP_URL = settings.smtpUrl;
  if (settings.dkim) {
    const key = settings.dkim.privateKey;
    env.DKIM_DOMAIN = settings.dkim.domainName;
    env.DKIM_SELECTOR = settings.dkim.keySelector;
    env.DKIM_PRIVATE_KEY =
      typeof key === 'string' ? key : key.export({ type: 'pkcs8', format: 'pem' }).toString();
  }
  env[SUPERVISED] = '1';
  return env;
}

/**
 * `node --import tsx server/src/cli/main.ts worker`: TypeScript run the way `pnpm start`
 * runs it (tsx, the workspace's), in a Node of the same binary. Not process.execArgv: under
 * a test runner that is the runner's, and tsx's own CLI adds a signal relay the child must
 * not have (its signals come from us).
 */
export function workerCommand(): [string, string[]] {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return [
    process.execPath,
    ['--import', tsx, join(repoRoot, 'server', 'src', 'cli', 'main.ts'), 'worker'],
  ];
}
