import { generateKeyPairSync } from 'node:crypto';
import { dkimPrivateKey } from '@nudge/runtime/worker/delivery';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';
import { workerEnv } from './worker-env.ts';

describe('workerEnv', () => {
  const settings = {
    databaseUrl: 'postgres://nudge:pw@127.0.0.1:5999/nudge',
    secret: 'the-secret',
    publicUrl: 'http://127.0.0.1:41234',
  };

  it("gives the worker the server's settings, whatever the parent's environment holds", () => {
    const env = workerEnv(settings, {
      PATH: '/usr/bin',
      NUDGE_DATA_DIR: '/var/lib/nudge',
      DATABASE_URL: 'postgres://elsewhere',
      SMTP_URL: 'smtp://not-this-one',
      PUBLIC_URL: 'https://not.this',
      DKIM_DOMAIN: 'not.this',
      PORT: '0',
      NUDGE_BOOTSTRAP_TOKEN: 'not for the worker',
      NUDGE_WORKER: 'process',
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      NUDGE_DATA_DIR: '/var/lib/nudge',
      DATABASE_URL: settings.databaseUrl,
      NUDGE_SECRET: 'the-secret',
      PUBLIC_URL: 'http://127.0.0.1:41234',
      NUDGE_WORKER_SUPERVISED: '1',
    });
  });

  it('passes SMTP_URL and the DKIM key, as PEM the worker reads back to the same key', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const dkim = {
      domainName: 'nudge.example',
      keySelector: 's1',
      privateKey: dkimPrivateKey(privateKey),
    };
    const env = workerEnv({ ...settings, smtpUrl: 'smtp://mail:25', dkim }, {});
    expect(env).toMatchObject({
      SMTP_URL: 'smtp://mail:25',
      DKIM_DOMAIN: 'nudge.example',
      DKIM_SELECTOR: 's1',
      DKIM_PRIVATE_KEY: expect.stringMatching(/^-----BEGIN PRIVATE KEY-----\n/),
    });
    // What `nudge worker` does with it: readConfig, as the server did.
    const read = readConfig(env);
    expect(read.dkim?.domainName).toBe('nudge.example');
    expect(read.dkim?.keySelector).toBe('s1');
    const exported = (k: unknown) =>
      (k as typeof privateKey).export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(exported(read.dkim?.privateKey)).toBe(exported(dkim.privateKey));
    expect(read).toMatchObject({
      databaseUrl: settings.databaseUrl,
      secret: 'the-secret',
      publicUrl: settings.publicUrl,
      smtpUrl: 'smtp://mail:25',
    });
  });
});
