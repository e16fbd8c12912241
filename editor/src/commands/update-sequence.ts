import type { Sequence } from '@nudge/schema';
import { SEQUENCE_KEYS, withKey } from './keys.ts';
import type { Outcome } from './refusal.ts';

/** Replaces the sequence's settings; undefined removes them (the defaults apply). */
export function updateSettings(sequence: Sequence, settings: Sequence['settings']): Outcome {
  if (sequence.settings === settings) return { sequence };
  return { sequence: withKey(sequence, 'settings', settings, SEQUENCE_KEYS) };
}

/**
 * Renames the sequence or changes its description; a `description` given as undefined
 * removes it. The id stays: it is how the server and the runtime know the sequence.
 */
export function updateSequence(
  sequence: Sequence,
  fields: { name?: string; description?: string | undefined },
): Outcome {
  let next = sequence;
  if (fields.name !== undefined && fields.name !== sequence.name)
    next = withKey(next, 'name', fields.name, SEQUENCE_KEYS);
  if (Object.hasOwn(fields, 'description') && fields.description !== sequence.description)
    next = withKey(next, 'description', fields.description, SEQUENCE_KEYS);
  return { sequence: next };
}
