import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';
import { repoRoot } from './paths.ts';
import { tempDir } from './test-support.ts';

const defaultData = join(repoRoot, '.data');

describe('readConfig', () => {
  it('defaults to port 3000 on 127.0.0.1, data in .data/ at the repository root', () => {
    expect(readConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: defaultData,
      worker: 'process',
    });
    expect(readConfig({ PORT: '', HOST: ' ', DATABASE_URL: ' ', NUDGE_WORKER: ' ' })).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: defaultData,
      worker: 'process',
    });
  });

  it('reads PORT (0 picks a free port), HOST and NUDGE_EDITOR_DIR', () => {
    expect(readConfig({ PORT: '0', HOST: '0.0.0.0', NUDGE_EDITOR_DIR: '/x' })).toEqual({
      port: 0,
      host: '0.0.0.0',
      editorDir: '/x',
      dataDir: defaultData,
      worker: 'process',
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
      worker: 'process',
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

describe('readConfig: NUDGE_WORKER', () => {
  it('runs the worker in a child process unless told otherwise', () => {
    expect(readConfig({}).worker).toBe('process');
    expect(readConfig({ NUDGE_WORKER: 'process' }).worker).toBe('process');
    expect(readConfig({ NUDGE_WORKER: ' Inline ' }).worker).toBe('inline');
    expect(readConfig({ NUDGE_WORKER: 'off' }).worker).toBe('off');
  });

  it.each(['thread', 'true', '1'])('refuses NUDGE_WORKER=%s, naming the choices', (value) => {
    expect(() => readConfig({ NUDGE_WORKER: value })).toThrow(
      new ConfigError(
        `NUDGE_WORKER must be process (a child process, the default), inline (in the server's process) or off, not "${value}"`,
      ),
    );
  });
});

describe('readConfig: DKIM', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pkcs8 = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const pkcs1 = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const keys = tempDir({
    'pkcs1.pem': pkcs1,
    'ed25519.pem': generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString(),
    'public.pem': rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    'notes.txt': 'not a key\n',
  });
  afterAll(() => keys.remove());
  const named = { DKIM_DOMAIN: 'example.com', DKIM_SELECTOR: 's1' };

  /** The ConfigError for `env`, checked to show no key material. */
  function refusal(env: Record<string, string>): string {
    try {
      readConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      for (const secret of ['PRIVATE KEY', ...pkcs8.split('\n').slice(1, -2)])
        expect(message).not.toContain(secret);
      return message;
    }
    throw new Error('no error');
  }

  it('reads the domain, selector and a PEM key, from the variable or a file', () => {
    const config = readConfig({ ...named, DKIM_DOMAIN: ' Example.COM ', DKIM_PRIVATE_KEY: pkcs8 });
    expect(config.dkim).toMatchObject({ domainName: 'example.com', keySelector: 's1' });
    const fromFile = readConfig({ ...named, DKIM_PRIVATE_KEY_FILE: keys.path('pkcs1.pem') });
    // One line in an env file: the PEM with literal \n.
    const oneLine = readConfig({ ...named, DKIM_PRIVATE_KEY: pkcs8.replaceAll('\n', '\\n') });
    for (const read of [config, fromFile, oneLine]) {
      const key = read.dkim?.privateKey;
      expect(typeof key === 'object' && key.equals(rsa.privateKey)).toBe(true);
    }
    // Printed by mistake, the config shows no key.
    expect(JSON.stringify(config)).not.toMatch(/KEY|MII/);
    expect(
      readConfig({ ...named, DKIM_DOMAIN: '회사.한국', DKIM_PRIVATE_KEY: pkcs8 }).dkim?.domainName,
    ).toBe('xn--vf4b131b.xn--3e0b707e');
  });

  it('is all or none: blank is unset, and a partial set says what is missing', () => {
    const blank = {
      DKIM_DOMAIN: ' ',
      DKIM_SELECTOR: '',
      DKIM_PRIVATE_KEY: '',
      DKIM_PRIVATE_KEY_FILE: '',
    };
    expect(readConfig(blank).dkim).toBeUndefined();
    const needs =
      'DKIM signing needs DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY or DKIM_PRIVATE_KEY_FILE; missing ';
    expect(refusal({ DKIM_DOMAIN: 'example.com' })).toBe(
      `${needs}DKIM_SELECTOR, DKIM_PRIVATE_KEY (or DKIM_PRIVATE_KEY_FILE)`,
    );
    expect(refusal({ ...named })).toBe(`${needs}DKIM_PRIVATE_KEY (or DKIM_PRIVATE_KEY_FILE)`);
    expect(refusal({ DKIM_PRIVATE_KEY: pkcs8 })).toBe(`${needs}DKIM_DOMAIN, DKIM_SELECTOR`);
    expect(refusal({ DKIM_SELECTOR: 's1', DKIM_PRIVATE_KEY_FILE: keys.path('pkcs1.pem') })).toBe(
      `${needs}DKIM_DOMAIN`,
    );
    expect(
      refusal({ ...named, DKIM_PRIVATE_KEY: pkcs8, DKIM_PRIVATE_KEY_FILE: keys.path('pkcs1.pem') }),
    ).toBe('set DKIM_PRIVATE_KEY or DKIM_PRIVATE_KEY_FILE, not both');
  });

  it('refuses a key that cannot sign or a file that cannot be read, naming the variable', () => {
    const file = (name: string) => `DKIM_PRIVATE_KEY_FILE (${keys.path(name)})`;
    const cases: Array<[Record<string, string>, string]> = [
      [{ DKIM_PRIVATE_KEY: 'hunter2' }, 'DKIM_PRIVATE_KEY is not a private key in PEM'],
      [{ DKIM_PRIVATE_KEY: pkcs8.slice(0, 300) }, 'DKIM_PRIVATE_KEY is not a private key in PEM'],
      [
        { DKIM_PRIVATE_KEY_FILE: keys.path('notes.txt') },
        `${file('notes.txt')} is not a private key in PEM`,
      ],
      [
        { DKIM_PRIVATE_KEY_FILE: keys.path('public.pem') },
        `${file('public.pem')} is not a private key`,
      ],
      [
        { DKIM_PRIVATE_KEY_FILE: keys.path('ed25519.pem') },
        `${file('ed25519.pem')} is not an RSA key (ed25519): nodemailer signs rsa-sha256 only`,
      ],
      [
        { DKIM_PRIVATE_KEY_FILE: keys.path('missing.pem') },
        `${file('missing.pem')} can't be read (ENOENT)`,
      ],
      [
        { DKIM_PRIVATE_KEY_FILE: keys.dir },
        `DKIM_PRIVATE_KEY_FILE (${keys.dir}) can't be read (EISDIR)`,
      ],
    ];
    for (const [env, message] of cases) expect(refusal({ ...named, ...env })).toContain(message);
  });

  it('refuses a DKIM_DOMAIN or DKIM_SELECTOR that is not one', () => {
    const key = { DKIM_PRIVATE_KEY: pkcs8 };
    expect(refusal({ ...named, ...key, DKIM_DOMAIN: 'example com' })).toBe(
      'DKIM_DOMAIN must be a domain name such as example.com, not "example com"',
    );
    expect(refusal({ ...named, ...key, DKIM_DOMAIN: 'localhost' })).toMatch(/^DKIM_DOMAIN must/);
    for (const selector of ['s1._domainkey.example.com', 's1;', 's 1'])
      expect(refusal({ ...named, ...key, DKIM_SELECTOR: selector })).toMatch(
        /^DKIM_SELECTOR must be the selector alone, the part before \._domainkey in the DNS name \(s1 for s1\._domainkey\.example\.com\)/,
      );
    expect(readConfig({ ...named, ...key, DKIM_SELECTOR: '2026-01.mail' }).dkim?.keySelector).toBe(
      '2026-01.mail',
    );
  });
});

describe('readConfig: connection limits', () => {
  it('reads the timeouts in seconds and the connection cap; only those set', () => {
    expect(readConfig({}).limits).toBeUndefined();
    expect(
      readConfig({
        NUDGE_HEADERS_TIMEOUT: '5',
        NUDGE_REQUEST_TIMEOUT: ' 120 ',
        NUDGE_KEEP_ALIVE_TIMEOUT: '2.5',
        NUDGE_MAX_CONNECTIONS: '200',
      }).limits,
    ).toEqual({
      headersTimeoutMs: 5000,
      requestTimeoutMs: 120_000,
      keepAliveTimeoutMs: 2500,
      maxConnections: 200,
    });
    expect(readConfig({ NUDGE_KEEP_ALIVE_TIMEOUT: '1' }).limits).toEqual({
      keepAliveTimeoutMs: 1000,
    });
  });

  it.each([
    ['NUDGE_HEADERS_TIMEOUT', '0'],
    ['NUDGE_REQUEST_TIMEOUT', '-5'],
    ['NUDGE_KEEP_ALIVE_TIMEOUT', '5s'],
    ['NUDGE_REQUEST_TIMEOUT', '86400'],
    ['NUDGE_MAX_CONNECTIONS', '0'],
    ['NUDGE_MAX_CONNECTIONS', '10.5'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => readConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => readConfig({ [name]: value })).toThrow(name);
  });

  it('refuses a headers timeout longer than the request timeout, default or not', () => {
    expect(() => readConfig({ NUDGE_HEADERS_TIMEOUT: '60' })).toThrow(
      /NUDGE_HEADERS_TIMEOUT \(60 s\) must not be longer than NUDGE_REQUEST_TIMEOUT \(30 s\)/,
    );
    expect(readConfig({ NUDGE_HEADERS_TIMEOUT: '60', NUDGE_REQUEST_TIMEOUT: '90' }).limits).toEqual(
      {
        headersTimeoutMs: 60_000,
        requestTimeoutMs: 90_000,
      },
    );
  });
});
