import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';
import { repoRoot } from './paths.ts';

const defaultData = join(repoRoot, '.data');

describe('readConfig', () => {
  it('defaults to port 3000 on 127.0.0.1, data in .data/ at the repository root', () => {
    expect(readConfig({})).toEqual({ port: 3000, host: '127.0.0.1', dataDir: defaultData });
    expect(readConfig({ PORT: '', HOST: ' ', DATABASE_URL: ' ' })).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: defaultData,
    });
  });

  it('reads PORT (0 picks a free port), HOST and NUDGE_EDITOR_DIR', () => {
    expect(readConfig({ PORT: '0', HOST: '0.0.0.0', NUDGE_EDITOR_DIR: '/x' })).toEqual({
      port: 0,
      host: '0.0.0.0',
      editorDir: '/x',
      dataDir: defaultData,
    });
    expect(readConfig({ PORT: ' 8080 ' }).port).toBe(8080);
  });

  it('reads the settings of FORMAT.md section 8', () => {
    expect(
      readConfig({
        DATABASE_URL: 'postgres://u:p@db:5432/nudge',
        NUDGE_DATA_DIR: '/var/lib/nudge',
        NUDGE_SECRET: 's3cret',
        PUBLIC_URL: 'https://nudge.example.com/',
        SMTP_URL: 'smtp://mail:25',
        NUDGE_BOOTSTRAP_TOKEN: 'boot',
      }),
    ).toEqual({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: 'postgres://u:p@db:5432/nudge',
      dataDir: '/var/lib/nudge',
      secret: 's3cret',
      publicUrl: 'https://nudge.example.com',
      smtpUrl: 'smtp://mail:25',
      bootstrapToken: 'boot',
    });
    expect(readConfig({ NUDGE_DATA_DIR: 'tmp/data' }).dataDir).toBe(join(repoRoot, 'tmp/data'));
  });

  it('refuses a PUBLIC_URL or DATABASE_URL that is not a URL, without echoing it', () => {
    expect(() => readConfig({ PUBLIC_URL: 'nudge' })).toThrow(/PUBLIC_URL must be a URL/);
    expect(() => readConfig({ DATABASE_URL: 'secret-password' })).toThrow(ConfigError);
    expect(() => readConfig({ DATABASE_URL: 'secret-password' })).not.toThrow(/secret/);
  });

  it.each(['abc', '-1', '65536', '3000.5', '1e3'])('refuses PORT=%s', (port) => {
    expect(() => readConfig({ PORT: port })).toThrow(ConfigError);
    expect(() => readConfig({ PORT: port })).toThrow(/PORT must be a number from 0 to 65535/);
  });
});
