import type { Completion } from '@codemirror/autocomplete';
import { BUILTIN_VARIABLES, MERGE_CONTEXT } from '@nudge/schema';

/**
 * What a template editor completes (FORMAT.md section 5): the roots of the merge context
 * (contact, owner, sender, sequence), their fields, and the aliases: the sequence's own and
 * the built-in Korean ones (고객명, 회사명, 직함, 담당자명). It offers what the validator
 * accepts, from the same table (MERGE_CONTEXT), so a completed variable is never "unknown".
 */
export interface MergeCompletions {
  /** Names that start a variable: `{{ contact`, `{{ 고객명`. */
  variables: readonly Completion[];
  /** The fields after a dot: `path` is what comes before it, e.g. ["contact", "owner"]. */
  properties(path: readonly string[]): readonly Completion[];
}

type Fields = (typeof MERGE_CONTEXT)[string];

/**
 * Completions for a sequence whose settings.variables are `aliases` (name -> path). The roots
 * that are a value, not an object (unsubscribe_url), are for emails only, as the validator says.
 */
export function mergeCompletions(
  aliases: Readonly<Record<string, unknown>>,
  { links = false } = {},
): MergeCompletions {
  // A sequence's alias of the same name overrides a built-in one, as in the renderer.
  const named = new Map<string, string>(Object.entries(BUILTIN_VARIABLES));
  for (const [name, path] of Object.entries(aliases))
    if (typeof path === 'string' && !Object.hasOwn(MERGE_CONTEXT, name)) named.set(name, path);
  const variables: Completion[] = [
    ...Object.entries(MERGE_CONTEXT).flatMap(([root, fields]) =>
      fields === true
        ? links
          ? [{ label: root, type: 'variable' }]
          : []
        : [{ label: root, type: 'namespace' }],
    ),
    ...[...named].map(([label, path]) => ({ label, detail: path, type: 'variable' })),
  ];
  return { variables, properties: fieldsAfter };
}

function fieldsAfter(path: readonly string[]): readonly Completion[] {
  const [root, ...rest] = path;
  if (root === undefined || !Object.hasOwn(MERGE_CONTEXT, root)) return [];
  let fields: Fields | true | undefined = MERGE_CONTEXT[root];
  for (const key of rest) {
    if (fields === undefined || fields === true || !Object.hasOwn(fields, key)) return [];
    fields = fields[key];
  }
  if (fields === undefined || fields === true) return [];
  // `*` stands for any key (contact.attributes.*): nothing to list.
  return Object.keys(fields)
    .filter((key) => key !== '*')
    .map((label) => ({ label, type: 'property' }));
}
