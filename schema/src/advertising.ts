import { type Problem, pointerOf } from './problem.ts';
import { problemWith } from './problem-messages/index.ts';

/**
 * Checks of an advertising sequence (settings.advertising), per step: what Korean law asks of
 * an advertising message (정보통신망법 제50조). Warnings, not errors: the sender knows its case.
 *
 * - an email's subject and an SMS start with "(광고)";
 * - an email's body has an unsubscribe link (`{{ unsubscribe_url }}`, or the automatic footer
 *   of settings.unsubscribeFooter) or says in words how to unsubscribe (수신거부, or
 *   "unsubscribe", e.g. by reply; every email also carries a one-click List-Unsubscribe
 *   header), and says who sends it (settings.sender or its own `from`);
 * - an SMS says how to refuse for free: a refusal word (수신거부, 무료거부) and an 080 number;
 * - no AlimTalk: it is for informational messages only, never advertising.
 */

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The label an advertising message starts with. */
export const AD_LABEL = '(광고)';

/** Words that tell how to unsubscribe, in the body of an email. */
const UNSUBSCRIBE = /수신\s*거부|unsubscribe/i;

/** The merge variable of the message's unsubscribe link, as a template outputs it. */
const UNSUBSCRIBE_URL = /\{\{-?\s*unsubscribe_url\b/;

/** A free way to refuse: a refusal word and a free (080) number. */
const REFUSAL_WORD = /(수신\s*거부|무료\s*거부)/;
const FREE_NUMBER = /080[-.\s]?\d{3,4}[-.\s]?\d{4}/;

export function hasFreeOptOut(text: string): boolean {
  return REFUSAL_WORD.test(text) && FREE_NUMBER.test(text);
}

export function advertisingProblems(node: Loose, index: number, settings: unknown): Problem[] {
  if (!isObject(settings) || settings.advertising !== true) return [];
  const data = node.data;
  if (!isObject(data)) return [];
  const ids = typeof node.id === 'string' ? { nodeId: node.id } : {};
  const step = { nodeType: String(node.type), nodeId: String(node.id) };
  const problems: Problem[] = [];
  const warn = (code: Problem['code'], pointer: string, params: Record<string, string>) =>
    problems.push({
      severity: 'warning',
      ...problemWith(code, { ...step, ...params }),
      pointer,
      ...ids,
    });
  const at = (...path: string[]) => pointerOf('nodes', index, ...path);
  const labelled = (text: unknown) =>
    typeof text !== 'string' || text.trimStart().startsWith(AD_LABEL);

  switch (node.type) {
    case 'email': {
      // An email without a subject replies in a thread: its first email carried the label.
      const subject = data.subject;
      if (typeof subject === 'string' && subject.trim() !== '' && !labelled(subject))
        warn('ad_label_missing', at('data', 'subject'), { field: 'subject', label: AD_LABEL });
      // UNSUBSCRIBE covers the word in the variable's name too; UNSUBSCRIBE_URL says why it counts.
      if (
        settings.unsubscribeFooter !== true &&
        typeof data.body === 'string' &&
        !UNSUBSCRIBE.test(data.body) &&
        !UNSUBSCRIBE_URL.test(data.body)
      )
        warn('ad_unsubscribe_missing', at('data', 'body'), {});
      if (!isObject(settings.sender) && typeof data.from !== 'string' && !isObject(data.from))
        warn('ad_sender_missing', at('data'), {});
      break;
    }
    case 'sms':
      if (!labelled(data.body))
        warn('ad_label_missing', at('data', 'body'), { field: 'body', label: AD_LABEL });
      if (typeof data.body === 'string' && !hasFreeOptOut(data.body))
        warn('ad_opt_out_missing', at('data', 'body'), {});
      break;
    case 'kakao':
      warn('ad_alimtalk', at('type'), {});
      break;
  }
  return problems;
}
