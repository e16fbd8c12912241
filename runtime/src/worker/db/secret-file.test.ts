import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOrCreateSecret } from './secret-file.ts';

const dir = await mkdtemp(join(tmpdir(), 'nudge-secret-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('readOrCreateSecret', () => {
  it('creates a 0600 file once and reads the same secret afterwards', async () => {
    const file = join(dir, 'a');
    const first = await readOrCreateSecret(file);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readOrCreateSecret(file)).toBe(first);
  });

  it('gives one secret to concurrent first callers', async () => {
    const file = join(dir, 'b');
    const secrets = await Promise.all([1, 2, 3, 4].map(() => readOrCreateSecret(file)));
    expect(new Set(secrets).size).toBe(1);
  });

  it('tightens a file that others can read, and refuses an empty one', async () => {
    const loose = join(dir, 'c');
    await writeFile(loose, 'kept\n', { mode: 0o644 });
    expect(await readOrCreateSecret(loose)).toBe('kept');
    expect((await stat(loose)).mode & 0o777).toBe(0o600);
    const empty = join(dir, 'd');
    await writeFile(empty, '\n');
    await expect(readOrCreateSecret(empty)).rejects.toThrow(/is empty/);
  });
});
