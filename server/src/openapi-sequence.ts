import { sequenceJsonSchema } from '@nudge/schema';
import type { Json } from './openapi-parts.ts';

/**
 * The sequence JSON Schema as OpenAPI component schemas: `Sequence` and one per `$defs` entry
 * (`#/$defs/rule` becomes `#/components/schemas/Rule`), so that OpenAPI tools resolve them.
 */
export function sequenceSchemas(): Json {
  const { sequence, defs } = hoistDefs(sequenceJsonSchema);
  return definePresenceTests({ Sequence: sequence, ...defs }) as Json;
}

/** Moves `$defs` to component schemas, rewriting the `$ref`s that point at them. */
function hoistDefs(schema: Json): { sequence: Json; defs: Json } {
  const { $defs = {}, $schema: _dialect, $id: _id, ...rest } = schema as Json & { $defs?: Json };
  const names = new Map(
    Object.keys($defs).map((key) => [`#/$defs/${key}`, `#/components/schemas/${pascal(key)}`]),
  );
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [
        key,
        key === '$ref' && typeof v === 'string' ? (names.get(v) ?? v) : rewrite(v),
      ]),
    );
  };
  const defs = Object.fromEntries(
    Object.entries($defs).map(([key, def]) => [pascal(key), rewrite(def)]),
  );
  return { sequence: rewrite(rest) as Json, defs };
}

function pascal(name: string): string {
  return name.replace(/(^|[-_])(\w)/g, (_, _sep, ch: string) => ch.toUpperCase());
}

/** Keywords whose values are data, not schemas: never read as schema keywords. */
const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples', 'example']);

/**
 * The sequence schema tells its alternatives apart by presence tests: `if: { required:
 * ["until"] }`, `anyOf: [{ required: ["all"] }, ...]`, `not: { required: ["value"] }`, with the
 * property defined in the branch that follows. OpenAPI linters (Redocly's
 * no-required-schema-properties-undefined) want each required name defined beside its
 * `required`, so such a schema gets `properties: { name: {} }`. The empty schema accepts any
 * value, so what validates is unchanged: that holds as long as the schema has no
 * `additionalProperties` or `patternProperties` of its own (those are left alone) and the
 * sequence schema uses no `unevaluatedProperties`.
 */
export function definePresenceTests(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(definePresenceTests);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && isRecord(value))
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, definePresenceTests(sub)]),
      );
    else
      out[key] =
        DATA_KEYWORDS.has(key) || key.startsWith('x-') ? value : definePresenceTests(value);
  }
  const { required, properties = {}, additionalProperties, patternProperties } = out;
  if (
    !Array.isArray(required) ||
    !isRecord(properties) ||
    additionalProperties !== undefined ||
    patternProperties !== undefined
  )
    return out;
  const missing = required.filter(
    (name): name is string => typeof name === 'string' && !Object.hasOwn(properties, name),
  );
  if (missing.length === 0) return out;
  return {
    ...out,
    properties: { ...properties, ...Object.fromEntries(missing.map((name) => [name, {}])) },
  };
}

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
