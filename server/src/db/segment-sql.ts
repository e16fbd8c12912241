import type { FieldRule, Rule } from '@nudge/schema';
import type { Fragment, Sql } from './types.ts';

/**
 * A segment RULE as a WHERE clause over `contacts c`, with the semantics of ruleHolds in
 * runtime/src/core/rules.ts (segment-sql.test.ts checks that both pick the same contacts).
 * Every value of the RULE is a parameter, bound once; column names come from a fixed list.
 * Each test is wrapped in coalesce(…, false): SQL's NULL must never leak into a `not`.
 *
 * Each test reads its path once: it runs over `s`, a subquery with the path's value `s.a`
 * and its own values (`s.b`, `s.n`, `s.items`, …) as columns. `offset 0` keeps PostgreSQL from
 * pulling that subquery up, which would copy the path's expression into every use of `s.a`:
 * the SQL grows with the RULE, never with a power of it.
 *
 * A contact path reads as JSON (jsonb): SQL NULL stands for "absent" (undefined in the core),
 * the JSON null for a null inside attributes or owner. Known differences, all at the edges:
 * a numeric string with more digits than a double holds compares exactly here (the core
 * rounds it to a double first); a numeric string over 200 characters, or with unusual Unicode
 * spaces around it, is not a number here; `contains` lower-cases with PostgreSQL's simple
 * case mapping. Event tests are refused before (segment-rule.ts).
 */
export function segmentWhere(sql: Sql, rule: Rule): Fragment {
  if ('all' in rule)
    return join(
      sql,
      rule.all.map((r) => segmentWhere(sql, r)),
      'and',
      true,
    );
  if ('any' in rule)
    return join(
      sql,
      rule.any.map((r) => segmentWhere(sql, r)),
      'or',
      false,
    );
  if ('not' in rule) return sql`(not ${segmentWhere(sql, rule.not)})`;
  if ('event' in rule) throw new Error('event tests are refused before translation');
  return fieldTest(sql, rule);
}

function join(sql: Sql, parts: Fragment[], op: 'and' | 'or', empty: boolean): Fragment {
  if (parts.length === 0) return empty ? sql`true` : sql`false`;
  const joined = parts.reduce((all, part) =>
    op === 'and' ? sql`${all} and ${part}` : sql`${all} or ${part}`,
  );
  // Parenthesised: inside a `not` or another join, precedence must not regroup it.
  return sql`(${joined})`;
}

const TEXT_COLUMNS = new Set([
  'id',
  'email',
  'phone',
  'name',
  'company',
  'title',
  'timezone',
  'locale',
]);

/** The jsonb at a contact path, as readPath reads it from a contact made by contactOf. */
function pathValue(sql: Sql, path: string): Fragment {
  const [root, field, ...rest] = path.split('.');
  if (root !== 'contact' || field === undefined) return sql`null::jsonb`;
  let value: Fragment;
  if (TEXT_COLUMNS.has(field) || field === 'unsubscribed' || field === 'tags')
    value = sql`to_jsonb(c.${sql(field)})`;
  else if (field === 'owner') value = sql`c.owner`;
  else if (field === 'attributes') value = sql`c.attributes`;
  else return sql`null::jsonb`;
  for (const key of rest) value = step(sql, value, key);
  return value;
}

/**
 * One `.key` of a path: own properties only (an array's own are its indexes and length). A key
 * that may index an array reads the value twice, so that value is a fenced subquery's column.
 */
function step(sql: Sql, value: Fragment, key: string): Fragment {
  if (/^(0|[1-9]\d{0,8})$/.test(key))
    return sql`(select case when jsonb_typeof(p.v) = 'array' then p.v -> p.k::int else p.v -> p.k end
      from (select ${value} as v, ${key}::text as k offset 0) p)`;
  if (key === 'length')
    return sql`(select case when jsonb_typeof(p.v) = 'array' then to_jsonb(jsonb_array_length(p.v)) else p.v -> 'length' end
      from (select ${value} as v offset 0) p)`;
  return sql`(${value} -> ${key}::text)`;
}

/** The test of a field RULE over `s` (the path's value `s.a`, and the columns it binds). */
function fieldTest(sql: Sql, rule: FieldRule): Fragment {
  const over = (columns: Fragment, test: Fragment) =>
    sql`(select coalesce(${test}, false)
      from (select ${pathValue(sql, rule.field)} as a${columns} offset 0) s)`;
  const none = sql``;
  const { op, value } = rule;
  switch (op) {
    case 'exists':
      return over(none, sql`s.a not in ('null'::jsonb, '""'::jsonb, '[]'::jsonb)`);
    case 'eq':
    case 'neq': {
      const equal = Array.isArray(value)
        ? over(itemsColumn(sql, value), sameArray(sql, value.length))
        : over(scalarColumns(sql, value), equalScalar(sql, sql`s.a`, value));
      return op === 'eq' ? equal : sql`(not ${equal})`;
    }
    case 'contains': {
      if (!isScalar(value)) return sql`false`; // an array never equals a stored item
      const inArray = sql`(jsonb_typeof(s.a) = 'array' and exists (
        select 1 from jsonb_array_elements(s.a) as e(x) where ${equalScalar(sql, sql`e.x`, value)}))`;
      return over(
        sql`${scalarColumns(sql, value)}, ${String(value)}::text as t`,
        sql`(${inArray} or (jsonb_typeof(s.a) = 'string' and strpos(lower(s.a #>> '{}'), lower(s.t)) > 0))`,
      );
    }
    case 'in': {
      if (!Array.isArray(value)) return sql`false`;
      const anyItem = (x: Fragment) =>
        sql`exists (select 1 from jsonb_array_elements(s.items) as i(item) where ${equalItem(sql, x)})`;
      return over(
        itemsColumn(sql, value),
        sql`(case when jsonb_typeof(s.a) = 'array'
          then exists (select 1 from jsonb_array_elements(s.a) as e(x) where ${anyItem(sql`e.x`)})
          else ${anyItem(sql`s.a`)} end)`,
      );
    }
    default:
      return ordered(sql, op, value, over);
  }
}

const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The columns a scalar comparison reads: `b` (the value) and `n` (it as a number). */
function scalarColumns(sql: Sql, b: unknown): Fragment {
  if (typeof b === 'boolean') return sql`, ${b}::boolean as b`;
  if (typeof b === 'number') return sql`, ${String(b)}::numeric as n`;
  if (typeof b === 'string') {
    const n = numeric(b);
    return n === null
      ? sql`, ${b}::text as b, null::numeric as n`
      : sql`, ${b}::text as b, ${String(n)}::numeric as n`;
  }
  return sql``;
}

/** equal() of rules.ts against scalarColumns: same scalar, or a number and its decimal string. */
function equalScalar(sql: Sql, x: Fragment, b: unknown): Fragment {
  if (b === null) return sql`(${x} = 'null'::jsonb)`;
  if (typeof b === 'boolean') return sql`(${x} = to_jsonb(s.b))`;
  if (typeof b === 'number') return sql`(${numberOf(sql, x)} = s.n)`;
  if (typeof b === 'string')
    return sql`(${x} = to_jsonb(s.b) or (s.n is not null and jsonb_typeof(${x}) = 'number' and (${x})::numeric = s.n))`;
  return sql`false`; // undefined, objects, arrays: never equal to a stored value
}

/**
 * A list of values as one jsonb parameter, `s.items`: per value its kind `k`, the JSON value
 * `v` and, for numbers and numeric strings, the number `n` as rules.ts reads it.
 */
function itemsColumn(sql: Sql, values: readonly unknown[]): Fragment {
  const items = values.map((v) => {
    if (v === null) return { k: 'null' };
    if (typeof v === 'boolean') return { k: 'boolean', v };
    if (typeof v === 'number') return { k: 'number', n: String(v) };
    if (typeof v === 'string') {
      const n = numeric(v);
      return n === null ? { k: 'string', v } : { k: 'string', v, n: String(n) };
    }
    return { k: 'other' };
  });
  return sql`, ${sql.json(items as never)}::jsonb as items`;
}

/** equalScalar() against an item of itemsColumn, `i.item`. */
function equalItem(sql: Sql, x: Fragment): Fragment {
  return sql`(case i.item->>'k'
    when 'null' then ${x} = 'null'::jsonb
    when 'boolean' then ${x} = i.item->'v'
    when 'number' then ${numberOf(sql, x)} = (i.item->>'n')::numeric
    when 'string' then ${x} = i.item->'v'
      or (i.item ? 'n' and jsonb_typeof(${x}) = 'number' and (${x})::numeric = (i.item->>'n')::numeric)
    else false end)`;
}

/** eq with an array: an array of equal items in order. */
function sameArray(sql: Sql, length: number): Fragment {
  return sql`(jsonb_typeof(s.a) = 'array' and jsonb_array_length(s.a) = ${length}::int
    and not exists (select 1 from jsonb_array_elements(s.items) with ordinality as i(item, at)
      where not coalesce(${equalItem(sql, sql`(s.a -> (i.at - 1)::int)`)}, false)))`;
}

// rules.ts's NUMBER, with ASCII spaces only: PostgreSQL's numeric input trims no others.
// Constants of ours, written into the SQL as literals (no quote in them) rather than bound.
const NUMBER_SQL =
  "'^[ \\t\\n\\r\\f\\v]*-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]{1,3})?[ \\t\\n\\r\\f\\v]*$'";
const NUMBER = /^\s*-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;
const numeric = (s: string): number | null => (NUMBER.test(s) ? Number(s) : null);

/** A number, or a numeric string, as numeric; NULL for anything else. Never fails. */
function numberOf(sql: Sql, a: Fragment): Fragment {
  return sql`(case jsonb_typeof(${a})
    when 'number' then (${a})::numeric
    when 'string' then (case when length(${a} #>> '{}') <= 200 and (${a} #>> '{}') ~ ${sql.unsafe(NUMBER_SQL)}
      then (${a} #>> '{}')::numeric end) end)`;
}

const OPERATORS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** gt/gte/lt/lte: numbers (or numeric strings), else ISO dates; anything else is false. */
function ordered(
  sql: Sql,
  op: keyof typeof OPERATORS,
  value: unknown,
  over: (columns: Fragment, test: Fragment) => Fragment,
): Fragment {
  const operator = sql.unsafe(OPERATORS[op]);
  const b = typeof value === 'number' ? value : typeof value === 'string' ? numeric(value) : null;
  if (b !== null)
    return over(
      sql`, ${String(b)}::numeric as n`,
      sql`(${numberOf(sql, sql`s.a`)} ${operator} s.n)`,
    );
  if (typeof value !== 'string') return sql`false`;
  const ms = dateValue(value);
  if (ms === null) return sql`false`;
  return over(
    sql`, ${ms}::bigint as ms`,
    sql`(jsonb_typeof(s.a) = 'string' and ${dateMs(sql, sql`(s.a #>> '{}')`)} ${operator} s.ms)`,
  );
}

const DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** dateValue() of rules.ts (Date.parse, times without a zone read as UTC), or null. */
function dateValue(s: string): number | null {
  if (!DATE.test(s)) return null;
  const iso = s.replace(' ', 'T');
  const ms = Date.parse(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(iso) ? `${iso}Z` : iso);
  return Number.isNaN(ms) ? null : ms;
}

const DATE_SQL =
  "'^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\\.([0-9]+))?)?(Z|([+-])([0-9]{2}):?([0-9]{2}))?)?$'";

/**
 * Date.parse of an ISO date in SQL, as milliseconds since 1970 UTC (no zone: UTC), or NULL
 * where Date.parse gives NaN. Plain integer arithmetic (days from the civil date, as in
 * Howard Hinnant's algorithm), so that no input makes the query fail: V8 accepts days 1-31 in
 * every month and rolls over (Feb 30 is Mar 2), hour 24 only as 24:00, and year 0.
 */
function dateMs(sql: Sql, text: Fragment): Fragment {
  return sql`(select case
      when r.m is null then null
      when p.mo < 1 or p.mo > 12 or p.d < 1 or p.d > 31 or p.h > 24 or p.mi > 59 or p.s > 59
        or p.oh > 23 or p.om > 59 then null
      when p.h = 24 and (p.mi > 0 or p.s > 0 or coalesce(r.m[7], '') ~ '[1-9]') then null
      else g.days * 86400000::bigint + p.h * 3600000 + p.mi * 60000 + p.s * 1000 + p.frac
        - p.sgn * (p.oh * 3600000 + p.om * 60000)
    end
    from (select regexp_match(${text}, ${sql.unsafe(DATE_SQL)}) as m) r,
    lateral (select r.m[1]::int as y, r.m[2]::int as mo, r.m[3]::int as d,
      coalesce(r.m[4]::int, 0) as h, coalesce(r.m[5]::int, 0) as mi, coalesce(r.m[6]::int, 0) as s,
      coalesce(rpad(substr(r.m[7], 1, 3), 3, '0')::int, 0) as frac,
      case r.m[9] when '-' then -1 else 1 end as sgn,
      coalesce(r.m[10]::int, 0) as oh, coalesce(r.m[11]::int, 0) as om) p,
    lateral (select p.y - case when p.mo <= 2 then 1 else 0 end as yy) q,
    lateral (select floor(q.yy / 400.0)::int as era) e,
    lateral (select q.yy - e.era * 400 as yoe,
      (153 * (p.mo + case when p.mo > 2 then -3 else 9 end) + 2) / 5 + p.d - 1 as doy) f,
    lateral (select e.era * 146097 + f.yoe * 365 + f.yoe / 4 - f.yoe / 100 + f.doy - 719468 as days) g)`;
}
