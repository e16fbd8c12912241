import { loadMigrations } from '@nudge/runtime/worker/db';
import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { describe, expect, it } from 'vitest';
import { checkSchemaVersion } from './schema-version.ts';

const migrated = await createTestDatabase();
const empty = await createTestDatabase({ migrated: false });
const latest = (await loadMigrations()).at(-1);

describe('checkSchemaVersion', () => {
  it('accepts a database with exactly the migrations of this release', async () => {
    await expect(checkSchemaVersion(migrated.sql)).resolves.toBeUndefined();
  });

  it('refuses a database with no schema, saying to start the server on it', async () => {
    await expect(checkSchemaVersion(empty.sql)).rejects.toThrow(
      /no Nudge schema yet: start the server \(pnpm start\)/,
    );
  });

  it('refuses an older and a newer schema, naming the migrations', async () => {
    const { sql } = migrated;
    const version = latest?.version ?? 0;
    const [row] = await sql`delete from nudge_migrations where version = ${version} returning name`;
    await expect(checkSchemaVersion(sql)).rejects.toThrow(
      `the database lacks migration ${latest?.id}: it is older than this release`,
    );
    await sql`insert into nudge_migrations (version, name) values (${version}, ${row?.name})`;
    await sql`insert into nudge_migrations (version, name) values (998, 'from-the-future')`;
    await expect(checkSchemaVersion(sql)).rejects.toThrow(
      /has migration 998-from-the-future, which this release of Nudge does not know/,
    );
    await sql`delete from nudge_migrations where version = 998`;
    await expect(checkSchemaVersion(sql)).resolves.toBeUndefined();
  });
});
