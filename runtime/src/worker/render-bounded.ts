import type { RenderJob } from '../core/render/guard.ts';

/**
 * Renders that can't run long, which the worker's guard renders in place rather than pay a
 * round trip to its render thread (~40 µs a step on a loaded machine, against ~15 µs for the
 * render itself: bench/render-guard.ts). A template qualifies when, as written, it is text and
 * at most MAX_OUTPUTS outputs of a plain path through at most three filters whose work is
 * linear in their input (`{{ 고객명 }}`, `{{ first_name | default: "there" }}`,
 * `{{ contact.company | url_encode }}`): no tag (so no loop, no condition), no other filter,
 * no range, no operator. Its work is then bounded by its size and the data it reads, whatever
 * that data: each output looks a path up, runs its filters once and writes the value
 * (HTML-escaped in an HTML body), and a value is at most a contact's attributes
 * (LIMITS.contact: 16 KiB of JSON). Measured at the worst (every output a 16 KiB list, the
 * HTML body's text part made of all of it): tens of ms, against the hard limit's 500.
 * Anything else goes to the thread.
 */

/** More outputs than merge templates have; the worst case above grows with them. */
const MAX_OUTPUTS = 30;

const OUTPUT = /\{\{(.*?)\}\}/gs;
/** Names of letters (Hangul too), digits, `_` and `-`, joined by dots: `contact.attributes.plan`. */
const PATH = String.raw`[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*`;
/** A `default` filter's argument: a string, a number or a path. */
const LITERAL = String.raw`(?:"[^"]*"|'[^']*'|-?\d+(?:\.\d+)?|${PATH})`;
/** Filters whose work is linear in their input: `default: x`, and a few of the string ones. */
const FILTER = String.raw`(?:default\s*:\s*${LITERAL}|url_encode|escape|upcase|downcase|capitalize|strip)`;
/** `{{ a.b }}`, `{{ a.b | default: "x" | upcase }}` (three filters at most), whitespace control. */
const PLAIN_OUTPUT = new RegExp(String.raw`^-?\s*${PATH}(?:\s*\|\s*${FILTER}){0,3}\s*-?$`, 'u');

/** Verdicts by template text: a sequence's templates are rendered for every enrollee. */
const verdicts = new Map<string, boolean>();
const VERDICTS_KEPT = 2000;

export function plainTemplate(text: string): boolean {
  let verdict = verdicts.get(text);
  if (verdict === undefined) {
    verdict = judge(text);
    if (verdicts.size >= VERDICTS_KEPT) verdicts.clear();
    verdicts.set(text, verdict);
  }
  return verdict;
}

function judge(text: string): boolean {
  if (text.includes('{%')) return false;
  let outputs = 0;
  for (const [, inner] of text.matchAll(OUTPUT)) {
    outputs += 1;
    if (outputs > MAX_OUTPUTS || !PLAIN_OUTPUT.test(inner ?? '')) return false;
  }
  // An opening with no closing (or a stray `}}` inside) is for liquidjs to judge, and to refuse.
  return text.split('{{').length - 1 === outputs;
}

/** True when every template of the job is plain (see above). */
export function cannotRunLong(job: RenderJob): boolean {
  switch (job.kind) {
    case 'email':
      return plainTemplate(job.data.subject ?? '') && plainTemplate(job.data.body);
    case 'sms':
      return plainTemplate(job.data.body);
    case 'kakao':
      return (
        plainTemplate(job.data.body) &&
        (job.data.buttons ?? []).every((button) => plainTemplate(button.url)) &&
        plainTemplate(job.data.fallbackSms ?? '')
      );
    case 'task':
      return plainTemplate(job.data.title) && plainTemplate(job.data.note ?? '');
    case 'template':
      return plainTemplate(job.template);
  }
}
