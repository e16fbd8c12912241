import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMigrations } from './migration-files.ts';

const root = await mkdtemp(join(tmpdir(), 'nudge-migration-files-'));
afterAll(() => rm(root, { recursive: true, force: true }));

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(root, 'm-'));
  await chmod(dir, 0o755);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe('loadMigrations', () => {
  it('reads the shipped migrations in order', async () => {
    const migrations = await loadMigrations();
    expect(migrations.map((m) => m.id)).toContain('001-initial');
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it('orders by number and ignores files that are not SQL', async () => {
    const dir = await folder({
      '002-second.sql': 'select 2;',
      '001-first.sql': 'select 1;',
      'README.md': 'notes',
    });
    const migrations = await loadMigrations(dir);
    expect(migrations.map((m) => [m.version, m.id])).toEqual([
      [1, '001-first'],
      [2, '002-second'],
    ]);
  });

  it('refuses a misnamed file, a number used twice, and transaction control', async () => {
    await expect(loadMigrations(await folder({ '1-first.sql': '' }))).rejects.toThrow(
      /1-first.sql is not named NNN-name.sql/,
    );
    await expect(
      loadMigrations(await folder({ '001-a.sql': '', '001-b.sql': '' })),
    ).rejects.toThrow(/001-a and 001-b.sql have the same number/);
    await expect(
      loadMigrations(await folder({ '001-a.sql': 'begin;\ncreate table t ();\ncommit;' })),
    ).rejects.toThrow(/controls its transaction/);
  });

  it('accepts BEGIN inside a function body and in comments', async () => {
    const body = [
      '-- begin: a comment',
      'create function f() returns int language plpgsql as $$',
      'begin',
      '  return 1;',
      'end',
      '$$;',
    ].join('\n');
    expect(await loadMigrations(await folder({ '001-f.sql': body }))).toHaveLength(1);
  });
});
