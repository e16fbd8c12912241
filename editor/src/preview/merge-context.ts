import type { Contact, MergeContext } from '@nudge/runtime/core';
import { resolveSettings, type Sequence, type Settings } from '@nudge/schema';

/**
 * What a step renders against in the preview: the worker's merge context (core's walk builds
 * the same one) from the document as it is now. The draft may be invalid elsewhere, so the
 * settings are resolved leniently rather than compiled: a bad setting falls back to its default,
 * as resolveSettings does, and the validator shows the problem beside it.
 */
export function previewContext(sequence: Sequence, contact: Contact): MergeContext {
  const settings = resolveSettings(readSettings(sequence));
  const sender =
    settings.sender && typeof settings.sender.email === 'string'
      ? {
          name: settings.sender.name,
          email: settings.sender.email,
          ...(settings.sender.replyTo ? { replyTo: settings.sender.replyTo } : {}),
        }
      : null;
  return {
    contact,
    sender,
    sequence: { name: typeof sequence.name === 'string' ? sequence.name : '' },
    variables: settings.variables,
    unsubscribeFooter: settings.unsubscribeFooter,
  };
}

function readSettings(sequence: Sequence): Settings | undefined {
  const settings: unknown = sequence.settings;
  return typeof settings === 'object' && settings !== null && !Array.isArray(settings)
    ? (settings as Settings)
    : undefined;
}
