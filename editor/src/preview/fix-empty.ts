import { addDefault } from './add-default.ts';
import type { PreviewChannel } from './render-step.ts';

type Data = Record<string, unknown>;

/** The template fields of each message step, the ones a contact's values are merged into. */
const FIELDS: Record<PreviewChannel, readonly string[]> = {
  email: ['subject', 'body'],
  sms: ['body'],
  kakao: ['body', 'fallbackSms'],
};

/**
 * The step's data with `| default: value` added to every bare output of `name`, in all its
 * templates (AlimTalk button links too); the very same object when nothing changes, so a
 * fix that has nothing to do makes no edit in the history.
 */
export function withDefault(
  type: PreviewChannel,
  data: unknown,
  name: string,
  value: string,
): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const before = data as Data;
  const after: Data = { ...before };
  let changed = false;
  const fix = (text: unknown) => {
    if (typeof text !== 'string') return text;
    const fixed = addDefault(text, name, value);
    if (fixed !== text) changed = true;
    return fixed;
  };
  for (const field of FIELDS[type]) if (field in before) after[field] = fix(before[field]);
  if (type === 'kakao' && Array.isArray(before.buttons))
    after.buttons = before.buttons.map((button: unknown) =>
      typeof button === 'object' && button !== null && 'url' in button
        ? (() => {
            const url = fix((button as Data).url);
            return url === (button as Data).url ? button : { ...(button as Data), url };
          })()
        : button,
    );
  return changed ? after : data;
}

/** Korean words a marketer would write for the usual fields, English ones otherwise. */
const SUGGESTED: Record<string, { ko: string; en: string }> = {
  'contact.name': { ko: '고객', en: 'there' },
  'contact.company': { ko: '귀사', en: 'your company' },
  'contact.title': { ko: '담당자', en: '' },
  'contact.owner.name': { ko: '담당자', en: 'our team' },
};

/** The default the fix offers for a variable, in the language of the text around it. */
export function suggestedDefault(path: string, korean: boolean): string {
  const words = Object.hasOwn(SUGGESTED, path) ? SUGGESTED[path] : undefined;
  return (korean ? words?.ko : words?.en) ?? '';
}
