import type { FieldRule, Rule } from '@nudge/schema';
import type { Fragment, Sql } from './types.ts';

/**
 * A segment RULE as a WHERE clause over `contacts c`, with the semantics of ruleHolds in
 * runtime/src/core/rules.ts (segment.test.ts checks that both pick the same contacts). Every
 * value of the RULE is a parameter; column names come from a fixed list. Each test is wrapped
 * in coalesce(…, false): SQL's NULL must never leak into a `not`.
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
  return sql`coalesce(${fieldTest(sql, rule, pathValue(sql, rule.field))}, false)`;
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
export function pathValue(sql: Sql, path: string): Fragment {
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

/** One `.key` of a path: own properties only (an array's own are its indexes and length). */
function step(sql: Sql, value: Fragment, key: string): Fragment {
  if (/^(0|[1-9]\d{0,8})$/.test(key))
    return sql`(case when jsonb_typeof(${value}) = 'array' then ${value} -> ${Number(key)}::int else ${value} -> ${key}::text end)`;
  if (key === 'length')
    return sql`(case when jsonb_typeof(${value}) = 'array' then to_jsonb(jsonb_array_length(${value})) else ${value} -> 'length' end)`;
  return sql`(${value} -> ${key}::text)`;
}

function fieldTest(sql: Sql, rule: FieldRule, a: Fragment): Fragment {
  const { op, value } = rule;
  switch (op) {
    case 'exists':
      return sql`(${a} is not null and ${a} not in ('null'::jsonb, '""'::jsonb, '[]'::jsonb))`;
    case 'eq':
      return equalOrSameArray(sql, a, value);
    case 'neq':
      return sql`not coalesce(${equalOrSameArray(sql, a, value)}, false)`;
    case 'contains': {
      const inArray = sql`(jsonb_typeof(${a}) = 'array' and exists (
        select 1 from jsonb_array_elements(${a}) as item where ${equal(sql, sql`item`, value)}))`;
      if (!isScalar(value)) return inArray;
      return sql`(${inArray} or (jsonb_typeof(${a}) = 'string'
        and strpos(lower(${a} #>> '{}'), lower(${String(value)}::text)) > 0))`;
    }
    case 'in': {
      if (!Array.isArray(value)) return sql`false`;
      const anyOf = (x: Fragment) =>
        join(
          sql,
          value.map((v) => equal(sql, x, v)),
          'or',
          false,
        );
      return sql`(case when jsonb_typeof(${a}) = 'array'
        then exists (select 1 from jsonb_array_elements(${a}) as item where ${anyOf(sql`item`)})
        else ${anyOf(a)} end)`;
    }
    default:
      return ordered(sql, a, op, value);
  }
}

const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** eq: an array equals an array of equal items in order; anything else, equal(). */
function equalOrSameArray(sql: Sql, a: Fragment, value: unknown): Fragment {
  if (!Array.isArray(value)) return equal(sql, a, value);
  const items = value.map((v, i) => equal(sql, sql`(${a} -> ${i}::int)`, v));
  return sql`(jsonb_typeof(${a}) = 'array' and jsonb_array_length(${a}) = ${value.length}::int
    and ${join(
      sql,
      items.map((t) => sql`coalesce(${t}, false)`),
      'and',
      true,
    )})`;
}

/** equal() of rules.ts: same scalar, or a number and its decimal string. */
function equal(sql: Sql, a: Fragment, b: unknown): Fragment {
  if (b === null) return sql`(${a} = 'null'::jsonb)`;
  if (typeof b === 'boolean') return sql`(${a} = to_jsonb(${b}::boolean))`;
  if (typeof b === 'number') return sql`(${numberOf(sql, a)} = ${String(b)}::numeric)`;
  if (typeof b === 'string') {
    const n = numeric(b);
    const asNumber =
      n === null
        ? sql`false`
        : sql`(jsonb_typeof(${a}) = 'number' and (${a})::numeric = ${String(n)}::numeric)`;
    return sql`(${a} = to_jsonb(${b}::text) or ${asNumber})`;
  }
  return sql`false`; // undefined, objects, arrays: never equal to a stored value
}

// rules.ts's NUMBER, with ASCII spaces only: PostgreSQL's numeric input trims no others.
const NUMBER_SQL =
  '^[ \\t\\n\\r\\f\\v]*-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]{1,3})?[ \\t\\n\\r\\f\\v]*$';
const NUMBER = /^\s*-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;
const numeric = (s: string): number | null => (NUMBER.test(s) ? Number(s) : null);

/** A number, or a numeric string, as numeric; NULL for anything else. Never fails. */
function numberOf(sql: Sql, a: Fragment): Fragment {
  return sql`(case jsonb_typeof(${a})
    when 'number' then (${a})::numeric
    when 'string' then (case when length(${a} #>> '{}') <= 200 and (${a} #>> '{}') ~ ${NUMBER_SQL}
      then (${a} #>> '{}')::numeric end) end)`;
}

const OPERATORS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** gt/gte/lt/lte: numbers (or numeric strings), else ISO dates; anything else is false. */
function ordered(sql: Sql, a: Fragment, op: keyof typeof OPERATORS, value: unknown): Fragment {
  const operator = sql.unsafe(OPERATORS[op]);
  const b = typeof value === 'number' ? value : typeof value === 'string' ? numeric(value) : null;
  if (b !== null) return sql`(${numberOf(sql, a)} ${operator} ${String(b)}::numeric)`;
  if (typeof value !== 'string') return sql`false`;
  const ms = dateValue(value);
  if (ms === null) return sql`false`;
  return sql`(jsonb_typeof(${a}) = 'string' and ${dateMs(sql, sql`(${a} #>> '{}')`)} ${operator} ${ms}::bigint)`;
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
  '^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\\.([0-9]+))?)?(Z|([+-])([0-9]{2}):?([0-9]{2}))?)?$';

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
    from (select regexp_match(${text}, ${DATE_SQL}) as m) r,
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
