import { FORMAT_V1, type Sequence } from '@nudge/schema';
import { romanizeHangul } from './hangul.ts';

/** The longest sequence id ([a-z0-9][a-z0-9-_]{0,63}). */
const ID_LENGTH = 64;

/**
 * A sequence id from its name: lowercase letters and digits, '-' for runs of anything else
 * ("Cold mail #2" gives "cold-mail-2", accents dropped: "Café" gives "cafe"), Korean in Latin
 * letters ("가입 후속 안내" gives "gaip-husok-annae", hangul.ts). A name with no letters or
 * digits left gives "sequence".
 */
export function sequenceIdFrom(name: string): string {
  // Before NFKD, which splits each Hangul syllable into its letters.
  const id = romanizeHangul(String(name))
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, ID_LENGTH)
    .replace(/^-+|-+$/g, '');
  return id === '' ? 'sequence' : id;
}

/** The id for a name, made unique against `takenIds` with "-2", "-3"... */
export function uniqueSequenceId(name: string, takenIds: Iterable<string>): string {
  const taken = new Set(takenIds);
  const base = sequenceIdFrom(name);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = `${base.slice(0, ID_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * A new sequence holding only its entry ('start', started by hand, at the canvas's origin),
 * named by the user; its id is derived from the name and unique among `takenIds`.
 */
export function newSequence(name: string, takenIds: Iterable<string>): Sequence {
  const trimmed = String(name).trim();
  return {
    format: FORMAT_V1,
    id: uniqueSequenceId(trimmed, takenIds),
    name: trimmed,
    nodes: [
      {
        id: 'start',
        type: 'entry',
        position: { x: 0, y: 0 },
        data: { triggers: [{ kind: 'manual' }] },
      },
    ],
    edges: [],
  };
}
