import { NODE_DATA } from './nodes.ts';
import { RULE_REF } from './rule.ts';
import { SettingsSchema } from './settings.ts';

/**
 * The canonical text of a sequence file: what the editor's Export, the API's export and the CLI
 * write. Two-space indent as JSON.stringify(value, null, 2) gives it, keys in the format's order
 * (FORMAT.md section 1: top level, node, edge; a node's `data` and the settings in the order of
 * their properties in the schema, nested objects likewise), a final newline. A key the format
 * does not know (a file from a newer release, a typo in a broken file) is kept, after the known
 * ones, in the order it came: nothing is ever lost. Objects the format treats as maps (merge
 * variables, `set`, a RULE's `value`) keep their own order.
 *
 * So export → import → export is byte-identical, and two exports of equal sequences are the
 * same bytes: their diffs in git show what changed, not how it was written.
 */
export function writeSequence(sequence: unknown): string {
  return `${write(sequence, SEQUENCE, '', new Set())}\n`;
}

/** Where the keys of an object go, and the shapes of the values under them. */
export interface Shape {
  /** The known keys, in order. */
  keys?: readonly string[];
  /** The shapes of known keys' values. */
  fields?: Readonly<Record<string, Shape>>;
  /** For an array: the shape of each item. */
  items?: Shape;
  /**
   * More shape chosen by the value itself: a node's data by its type. The same value gives the
   * same object, so that the merge is made once (`picked`).
   */
  pick?: (value: Record<string, unknown>) => Shape | undefined;
}

/** `parents`: the objects being written around this one, so that a cycle is an error. */
function write(value: unknown, shape: Shape | undefined, indent: string, parents: Set<object>) {
  const json = toJson(value);
  if (json === null || typeof json !== 'object') return JSON.stringify(json) ?? 'null';
  if (parents.has(json)) throw new TypeError('a sequence that contains itself has no text');
  parents.add(json);
  const inner = `${indent}  `;
  let text: string;
  if (Array.isArray(json)) {
    const items = json.map((item) => `${inner}${write(item, shape?.items, inner, parents)}`);
    text = items.length === 0 ? '[]' : `[\n${items.join(',\n')}\n${indent}]`;
  } else {
    const object = json as Record<string, unknown>;
    const own = shape?.pick ? picked(shape, shape.pick(object)) : shape;
    const entries: string[] = [];
    for (const key of orderedKeys(object, own?.keys)) {
      const item = toJson(object[key]);
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      const itemText = write(item, own?.fields?.[key], inner, parents);
      entries.push(`${inner}${JSON.stringify(key)}: ${itemText}`);
    }
    text = entries.length === 0 ? '{}' : `{\n${entries.join(',\n')}\n${indent}}`;
  }
  parents.delete(json);
  return text;
}

const merges = new WeakMap<Shape, WeakMap<Shape, Shape>>();

/** A shape merged with what its pick chose for a value, merged once for each pair. */
function picked(shape: Shape, more: Shape | undefined): Shape {
  if (!more) return shape;
  const byMore = merges.get(shape) ?? new WeakMap<Shape, Shape>();
  merges.set(shape, byMore);
  const merged = byMore.get(more) ?? (merge(shape, more) as Shape);
  byMore.set(more, merged);
  return merged;
}

/** The known keys the object has, in order, then the others in the order they came. */
function orderedKeys(object: Record<string, unknown>, known: readonly string[] = []): string[] {
  const keys = Object.keys(object);
  if (known.length === 0) return keys;
  const first = new Set(known.filter((key) => Object.hasOwn(object, key)));
  if (first.size === keys.length) return [...first];
  return [...first, ...keys.filter((key) => !first.has(key))];
}

/** What JSON.stringify does before writing a value: its toJSON(), if it has one. */
function toJson(value: unknown): unknown {
  const toJSON = (value as { toJSON?: unknown } | null)?.toJSON;
  return typeof toJSON === 'function' ? toJSON.call(value) : value;
}

function merge(a: Shape | undefined, b: Shape | undefined): Shape | undefined {
  if (!a || !b) return a ?? b;
  const fields: Record<string, Shape> = { ...a.fields };
  for (const [key, shape] of Object.entries(b.fields ?? {}))
    fields[key] = merge(fields[key], shape) as Shape;
  const keys = [...(a.keys ?? [])];
  for (const key of b.keys ?? []) if (!keys.includes(key)) keys.push(key);
  const items = merge(a.items, b.items);
  const [pa, pb] = [a.pick, b.pick];
  const pick =
    pa && pb ? (value: Record<string, unknown>) => merge(pa(value), pb(value)) : (pa ?? pb);
  return { keys, fields, ...(items ? { items } : {}), ...(pick ? { pick } : {}) };
}

/*
 * The shapes, read from the JSON Schema of the format where it has them, so that a property
 * added to a node type or to the settings is written in its place without a change here.
 */

type Schema = Record<string, unknown>;

/** RULE (FORMAT.md section 3): all/any/not, then a field test, then an event test. */
const RULE: Shape = {
  keys: ['all', 'any', 'not', 'field', 'op', 'value', 'event', 'node', 'name'],
};
(RULE as { fields: Record<string, Shape> }).fields = {
  all: { items: RULE },
  any: { items: RULE },
  not: RULE,
};

/**
 * The shape of a schema: its `properties` in order, then those of its alternatives (`else`
 * before `then`: the schema writes the usual form, `{amount, unit}` or a send window, as
 * `else`), with the shapes of their values. An `allOf` of `if: {<key>: {const}}` / `then` (a
 * Discriminated schema) picks the alternative by the value of that key.
 */
export function shapeOf(schema: unknown): Shape | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const s = schema as Schema;
  if (s.$ref === RULE_REF) return RULE;
  let shape: Shape | undefined = propertiesShape(s);
  for (const branch of [s.else, s.then]) shape = merge(shape, shapeOf(branch));
  const items = shapeOf(s.items);
  if (items) shape = merge(shape, { items });
  const variants = discriminated(s.allOf);
  if (variants) shape = merge(shape, variants);
  return shape;
}

function propertiesShape(s: Schema): Shape | undefined {
  const properties = s.properties as Record<string, unknown> | undefined;
  if (!properties) return undefined;
  const fields: Record<string, Shape> = {};
  for (const [key, value] of Object.entries(properties)) {
    const shape = shapeOf(value);
    if (shape) fields[key] = shape;
  }
  return { keys: Object.keys(properties), fields };
}

/** `allOf: [{ if: { properties: { kind: { const: "event" } } }, then: … }, …]`, by kind. */
function discriminated(allOf: unknown): Shape | undefined {
  if (!Array.isArray(allOf)) return undefined;
  const byValue = new Map<unknown, Shape>();
  let key: string | undefined;
  for (const part of allOf as Schema[]) {
    const test = (part.if as Schema | undefined)?.properties as Record<string, Schema> | undefined;
    const [name, condition] = Object.entries(test ?? {})[0] ?? [];
    if (name === undefined || !condition || !('const' in condition)) continue;
    if (key !== undefined && key !== name) return undefined;
    key = name;
    const shape = shapeOf(part.then);
    if (shape) byValue.set(condition.const, shape);
  }
  if (key === undefined) return undefined;
  const by = key;
  // The keys of every alternative, in order: the known keys of the object whatever it holds.
  return {
    keys: [...byValue.values()].flatMap((shape) => shape.keys ?? []),
    pick: (value) => byValue.get(value[by]),
  };
}

const DATA = new Map<unknown, Shape | undefined>(
  Object.entries(NODE_DATA).map(([type, schema]) => [type, shapeOf(schema)]),
);

const NODE_DATA_SHAPES = new Map<unknown, Shape>(
  [...DATA].flatMap(([type, data]) => (data ? [[type, { fields: { data } }]] : [])),
);

/** A node: id, type, position, data; its data in the order of its type's schema. */
const NODE: Shape = {
  keys: ['id', 'type', 'position', 'data'],
  fields: { position: { keys: ['x', 'y'] } },
  pick: (node) => NODE_DATA_SHAPES.get(node.type),
};

/** An edge as FORMAT.md writes it: the handle beside the node it leaves. */
const EDGE: Shape = { keys: ['id', 'source', 'sourceHandle', 'target'] };

const SEQUENCE: Shape = {
  keys: ['format', 'id', 'name', 'description', 'settings', 'nodes', 'edges'],
  fields: {
    ...(shapeOf(SettingsSchema) ? { settings: shapeOf(SettingsSchema) as Shape } : {}),
    nodes: { items: NODE },
    edges: { items: EDGE },
  },
};
