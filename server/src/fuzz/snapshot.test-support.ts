import type { Sql } from '../db/types.ts';

/**
 * What the database holds, table by table, in one round trip: the row count and an MD5 of
 * where each row version is and which transaction wrote it (ctid, xmin). Any insert, update
 * (even one that writes the same values) or delete changes it; a row lock does not. Every
 * table of our schema and of Graphile Worker's is read, so a table added later is watched too.
 * Two snapshots are equal when nothing was written between them.
 *
 * Except api_tokens.last_used_at: the token check stamps it (once a minute at most) for any
 * request with a valid token, refused or not, as a hint for people (auth.ts). That table is
 * digested by its content without that column.
 */
export type Snapshot = Record<string, { rows: number; digest: string }>;

const SCHEMAS = ['public', 'graphile_worker'];
const BY_CONTENT: Record<string, string> = { 'public.api_tokens': 'last_used_at' };

export async function snapshotter(sql: Sql): Promise<() => Promise<Snapshot>> {
  const tables = await sql<Array<{ schema: string; name: string }>>`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema = any(${SCHEMAS})
    order by 1, 2`;
  if (tables.length === 0) throw new Error('no tables to watch: is the database migrated?');
  const query = tables
    .map(({ schema, name }) => {
      const qualified = `${schema}.${name}`;
      const ignored = BY_CONTENT[qualified];
      const row =
        ignored === undefined
          ? `t.ctid::text || ':' || t.xmin::text`
          : `(to_jsonb(t) - '${ignored}')::text`;
      return `select '${qualified}' as "table", count(*)::int as rows,
        md5(coalesce(string_agg(${row}, E'\\n' order by ${row}), '')) as digest
        from "${schema}"."${name}" t`;
    })
    .join('\nunion all\n');
  return async () => {
    const rows = await sql.unsafe<Array<{ table: string; rows: number; digest: string }>>(
      query,
      [],
      { prepare: true },
    );
    return Object.fromEntries(rows.map((r) => [r.table, { rows: r.rows, digest: r.digest }]));
  };
}

/** The tables whose rows differ between two snapshots, with their row counts. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  return Object.keys({ ...before, ...after }).flatMap((table) => {
    const a = before[table];
    const b = after[table];
    if (a?.digest === b?.digest && a?.rows === b?.rows) return [];
    return [`${table} (${a?.rows ?? 0} → ${b?.rows ?? 0} rows)`];
  });
}
