import type { Sequence } from '@nudge/schema';
import { checkLink, type Link } from '../commands/index.ts';
import { type FileStep, isNodeType, isObject } from '../sequence/file.ts';

/** A step a link may go to. */
export interface LinkTarget {
  id: string;
  type: FileStep['type'];
}

/**
 * The steps a link from `source` (by `handle`, else its first free one) may go to, in the
 * file's order: every step the format allows (no loop back, not the entry, not itself). A
 * handle already in use is no bar: connecting re-points its link, as drawing one does.
 */
export function linkTargets(
  sequence: Sequence,
  source: string,
  handle?: string | null,
): LinkTarget[] {
  const targets: LinkTarget[] = [];
  for (const node of sequence.nodes as unknown[]) {
    if (!isObject(node) || typeof node.id !== 'string' || node.id === source) continue;
    const link: Link = {
      source,
      target: node.id,
      ...(handle !== undefined ? { sourceHandle: handle } : {}),
    };
    if (!('refused' in checkLink(sequence, link)))
      targets.push({ id: node.id, type: isNodeType(node.type) ? node.type : 'unknown' });
  }
  return targets;
}

/** Targets whose id or type (as named in the UI, `typeName`) holds every word of `query`. */
export function searchTargets(
  targets: readonly LinkTarget[],
  query: string,
  typeName: (type: string) => string,
): LinkTarget[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...targets];
  return targets.filter((t) => {
    const text = `${t.id} ${t.type} ${typeName(t.type)}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
