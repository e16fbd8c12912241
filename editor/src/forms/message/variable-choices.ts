import { BUILTIN_VARIABLES, MERGE_CONTEXT } from '@nudge/schema';

/**
 * What the "Insert variable" menu offers, in groups: the contact's fields (and its owner's,
 * the sender's, the sequence's), the contact attributes this sequence already uses, the
 * aliases (built-in and settings.variables) and the links the renderer fills in. Names come
 * from the validator's table (MERGE_CONTEXT), as completion's do, so an inserted variable is
 * never "unknown".
 */

export type VariableGroup = 'fields' | 'attributes' | 'aliases' | 'links';

export interface VariableChoice {
  /** What goes between the braces: `contact.name`, `고객명`. */
  name: string;
  group: VariableGroup;
  /** For an alias, the path it reads; for a field, nothing (its name says it). */
  path?: string;
}

/** The fields worth a menu entry; `tags` (a list) and `unsubscribed` (a flag) are left out. */
const FIELDS: Record<string, readonly string[]> = {
  contact: ['name', 'email', 'phone', 'company', 'title', 'timezone', 'locale', 'id'],
  owner: ['name', 'email', 'phone'],
  sender: ['name', 'email'],
  sequence: ['name'],
};

/** Variables of the merge context that are a value, not an object: links such as an unsubscribe URL. */
function linkNames(): string[] {
  return Object.entries(MERGE_CONTEXT)
    .filter(([, fields]) => fields === true)
    .map(([name]) => name);
}

export interface VariableSources {
  /** settings.variables of the sequence (name -> path). */
  aliases: Readonly<Record<string, unknown>>;
  /** Keys of contact.attributes the sequence reads somewhere. */
  attributes: readonly string[];
  /** Whether the links are offered: the renderer fills them in emails only (the validator agrees). */
  links?: boolean;
}

export function variableChoices({
  aliases,
  attributes,
  links = false,
}: VariableSources): VariableChoice[] {
  const fields = Object.entries(FIELDS).flatMap(([root, keys]) =>
    keys
      .filter((key) => {
        const known = MERGE_CONTEXT[root];
        return typeof known === 'object' && Object.hasOwn(known, key);
      })
      .map((key) => ({ name: `${root}.${key}`, group: 'fields' as const })),
  );
  // A sequence's alias of the same name overrides a built-in one, as in the renderer.
  const named = new Map<string, string>(Object.entries(BUILTIN_VARIABLES));
  for (const [name, path] of Object.entries(aliases))
    if (typeof path === 'string' && !Object.hasOwn(MERGE_CONTEXT, name)) named.set(name, path);
  return [
    ...fields,
    ...[...new Set(attributes)]
      .sort()
      .map((key) => ({ name: `contact.attributes.${key}`, group: 'attributes' as const })),
    ...[...named].map(([name, path]) => ({ name, group: 'aliases' as const, path })),
    ...(links ? linkNames() : []).map((name) => ({ name, group: 'links' as const })),
  ];
}

/** An attribute key as a Liquid path segment can name it with a dot. */
const ATTRIBUTE = /contact\.attributes\.([\p{L}\p{N}_-]+)/gu;

/**
 * The attribute keys a sequence reads: in templates, rules, `until` fields, updates and alias
 * paths, all of which spell them `contact.attributes.<key>`. The document is read as text:
 * a key is a key wherever it is written.
 */
export function attributesIn(sequence: unknown): string[] {
  const text = JSON.stringify(sequence ?? null);
  return [...new Set(Array.from(text.matchAll(ATTRIBUTE), (m) => m[1] as string))].sort();
}

/** The choices that match a search, by name, path or the words that describe them. */
export function matchChoices(
  choices: readonly VariableChoice[],
  query: string,
  describe: (choice: VariableChoice) => string,
): VariableChoice[] {
  const words = query.normalize('NFC').toLowerCase().trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...choices];
  return choices.filter((choice) => {
    const text = `${choice.name} ${choice.path ?? ''} ${describe(choice)}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** The text inserted for a choice. */
export const variableTag = (choice: Pick<VariableChoice, 'name'>) => `{{ ${choice.name} }}`;
