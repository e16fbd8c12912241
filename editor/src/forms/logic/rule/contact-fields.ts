import type { en } from '../../../i18n/sections/logic.ts';

/**
 * The contact paths (FORMAT.md section 3, PATH) a marketer picks from, with what kind of value
 * each holds: it decides which comparisons make sense and how the value is typed. Attributes
 * are the workspace's own fields, named by a typed key.
 */

export type FieldKind = 'text' | 'tags' | 'boolean' | 'attribute';

export interface ContactField {
  path: string;
  kind: FieldKind;
  /** Whether an update_contact step may set it (ids, tags and consent are not set that way). */
  settable: boolean;
  /** Its label's key under logic.fields. */
  label: FieldLabel;
}

type FieldLabel = Exclude<
  keyof (typeof en)['fields'],
  'attribute' | 'unlisted' | 'attributeKey' | 'attributeKeyHint'
>;

const field = (name: string, kind: FieldKind, settable = true): ContactField => ({
  path: `contact.${name}`,
  kind,
  settable,
  label: name.replace('.', '_') as FieldLabel,
});

/** In the order a marketer looks for them. */
export const CONTACT_FIELDS: readonly ContactField[] = [
  field('name', 'text'),
  field('email', 'text'),
  field('phone', 'text'),
  field('company', 'text'),
  field('title', 'text'),
  field('tags', 'tags', false),
  field('unsubscribed', 'boolean', false),
  field('timezone', 'text'),
  field('locale', 'text'),
  field('owner.name', 'text'),
  field('owner.email', 'text'),
  field('owner.phone', 'text'),
  field('id', 'text', false),
];

export const ATTRIBUTE_PREFIX = 'contact.attributes.';

/** The kind of value at `path`; `attribute` for any path the list lacks (its type is unknown). */
export function fieldKind(path: string): FieldKind {
  return CONTACT_FIELDS.find((f) => f.path === path)?.kind ?? 'attribute';
}

/** What a path picker shows for a path: a listed field, an attribute with its key, or a path as written. */
export type PathChoice =
  | { kind: 'field'; field: ContactField }
  | { kind: 'attribute'; key: string }
  | { kind: 'unlisted'; path: string };

export function choiceOf(
  path: string,
  fields: readonly ContactField[] = CONTACT_FIELDS,
): PathChoice {
  const listed = fields.find((f) => f.path === path);
  if (listed) return { kind: 'field', field: listed };
  if (path.startsWith(ATTRIBUTE_PREFIX))
    return { kind: 'attribute', key: path.slice(ATTRIBUTE_PREFIX.length) };
  return { kind: 'unlisted', path };
}

export const attributePath = (key: string) => `${ATTRIBUTE_PREFIX}${key}`;
