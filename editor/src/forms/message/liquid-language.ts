import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { liquid } from '@codemirror/lang-liquid';
import { LanguageSupport, StreamLanguage } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import type { MergeCompletions } from './merge-variables.ts';

/**
 * The CodeMirror language of a template: Liquid over HTML for an HTML email, over plain
 * text for everything else, completing merge variables.
 */

export type TemplateLanguage = 'text' | 'html';

/** Plain text: no syntax of its own, so only the Liquid inside it is highlighted. */
const plainText = new LanguageSupport(
  StreamLanguage.define({
    name: 'text',
    token(stream) {
      stream.skipToEnd();
      return null;
    },
  }),
);

export function templateLanguage(
  language: TemplateLanguage,
  completions: MergeCompletions,
): LanguageSupport {
  // lang-liquid's base is HTML unless told otherwise.
  const support = liquid({
    ...(language === 'text' ? { base: plainText } : {}),
    variables: completions.variables,
    properties: (path) => completions.properties(path),
  });
  return new LanguageSupport(support.language, [
    support.support,
    support.language.data.of({ autocomplete: afterOpeningBraces(completions) }),
  ]);
}

/** Right after `{{` the variables are offered at once, before a letter is typed. */
function afterOpeningBraces(completions: MergeCompletions) {
  return (context: CompletionContext): CompletionResult | null =>
    context.matchBefore(/\{\{-?\s*$/)
      ? { from: context.pos, options: completions.variables }
      : null;
}

/**
 * Typing inserts what is typed. HTML's support closes a tag when `>` or `/` is typed and
 * Liquid's doubles a `%` typed between braces: text the author did not type, which then
 * doubles when they type the closing tag themselves (as they would in any text field).
 */
export const typedAsIs = EditorView.inputHandler.of((view, from, to, text) => {
  if (text !== '>' && text !== '/' && text !== '%') return false;
  view.dispatch({
    changes: { from, to, insert: text },
    selection: { anchor: from + text.length },
    userEvent: 'input.type',
    scrollIntoView: true,
  });
  return true;
});
