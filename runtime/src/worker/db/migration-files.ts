import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One numbered SQL file of `runtime/src/worker/migrations/`: `NNN-name.sql`. */
export interface Migration {
  version: number;
  /** `001-initial`: the file name without `.sql`. */
  id: string;
  sql: string;
}

/** Read from the source tree beside this file, so it works under tsx and vitest alike. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

const FILE = /^(\d{3})-([a-z0-9][a-z0-9-]*)\.sql$/;
// migrate() wraps each file in its own transaction; one inside the file would break that.
const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|start\s+transaction)\b/im;

/** The migrations of `dir`, in order. A misnamed .sql file is an error, not skipped. */
export async function loadMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const migrations: Migration[] = [];
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort()) {
    const match = FILE.exec(file);
    if (!match) throw new Error(`Migration file ${file} is not named NNN-name.sql`);
    const version = Number(match[1]);
    const previous = migrations.at(-1);
    if (previous?.version === version)
      throw new Error(`Migrations ${previous.id} and ${file} have the same number`);
    const sql = await readFile(join(dir, file), 'utf8');
    if (TRANSACTION_CONTROL.test(statementsOnly(sql)))
      throw new Error(`Migration ${file} controls its transaction; migrate() runs each in one`);
    migrations.push({ version, id: file.slice(0, -'.sql'.length), sql });
  }
  return migrations;
}

/** The statements' own words: no comments, no function bodies ($$…$$, whose BEGIN is PL/pgSQL). */
function statementsOnly(sql: string): string {
  return sql.replace(/--.*$/gm, '').replace(/\$(\w*)\$[\s\S]*?\$\1\$/g, '$$$$');
}
