import type { Contact, Sender } from '../types.ts';
import { UNSUBSCRIBE_MARKER } from './unsubscribe.ts';

/** Everything a template may read (FORMAT.md section 5). */
export interface MergeContext {
  contact: Contact;
  /** The step's or sequence's sender, for {{ sender.name }}. */
  sender: Sender | null;
  sequence: { name: string };
  /** Alias name -> path, built-ins included (ResolvedSettings.variables). */
  variables: Readonly<Record<string, string>>;
  /** settings.unsubscribeFooter: an email's body ends with an unsubscribe line. */
  unsubscribeFooter?: boolean;
}

/** The roots of the merge context: an alias can't shadow them (the validator ignores such aliases too). */
const ROOTS = new Set(['contact', 'owner', 'sender', 'sequence', 'unsubscribe_url']);

/**
 * The Liquid scope of one render. The root has no prototype, and the engine reads own
 * properties only, so `{{ contact.constructor }}` finds nothing. Only the aliases in `names`
 * are resolved (the ones the template uses), so a render costs nothing per unused alias;
 * null resolves them all.
 */
export function scopeOf(
  context: MergeContext,
  names: readonly string[] | null,
): Record<string, unknown> {
  const scope: Record<string, unknown> = Object.create(null);
  scope.contact = context.contact;
  scope.owner = context.contact.owner;
  scope.sender = context.sender;
  scope.sequence = context.sequence;
  // The worker signs the real link per message and puts it in the marker's place.
  scope.unsubscribe_url = UNSUBSCRIBE_MARKER;
  const aliases = aliasesOf(context.variables);
  for (const name of names ?? aliases.keys()) {
    const path = aliases.get(name);
    if (path) scope[name] = valueAt(scope, path);
  }
  return scope;
}

/**
 * The aliases of a variables map, paths split: a sequence's map is one object rendered
 * against for every enrollee, so this is done once per map.
 */
const split = new WeakMap<object, Map<string, readonly string[]>>();

function aliasesOf(variables: MergeContext['variables']): Map<string, readonly string[]> {
  let aliases = split.get(variables);
  if (!aliases) {
    aliases = new Map();
    for (const [name, path] of Object.entries(variables))
      if (!ROOTS.has(name) && typeof path === 'string') aliases.set(name, path.split('.'));
    split.set(variables, aliases);
  }
  return aliases;
}

/** The value at a path like `contact.attributes.plan`, through own properties only. */
export function valueAt(root: unknown, path: string | readonly string[]): unknown {
  let value = root;
  for (const key of typeof path === 'string' ? path.split('.') : path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
