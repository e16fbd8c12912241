import type { NodeData } from '@nudge/schema';
import type { EmailContent, Thread } from '../types.ts';
import type { MergeContext } from './context.ts';
import { inlineCss } from './css-inline.ts';
import { RenderError } from './errors.ts';
import { htmlToText } from './html-to-text.ts';
import { guarded } from './run-job.ts';
import { oneLine } from './subject.ts';
import { type Rendered, renderField } from './template.ts';
import { withHtmlFooter, withTextFooter } from './unsubscribe.ts';

/** An email step (renderEmailHere), under the host's render guard if it set one (guard.ts). */
export function renderEmail(
  data: NodeData<'email'>,
  context: MergeContext,
  thread: Thread | null,
): Rendered<EmailContent> {
  return guarded({ kind: 'email', data, context, thread });
}

/**
 * An email step. With no subject (absent, or blank as written) it replies in `thread`:
 * `Re: <the thread's subject>`. An HTML body escapes `{{ }}` outputs, has the CSS of its
 * `<style>` blocks inlined (mail clients show only inline CSS) and gets a plain-text
 * alternative; a text body is sent as rendered. With settings.unsubscribeFooter the body ends
 * with an unsubscribe line whose link is the marker the worker replaces (unsubscribe.ts).
 */
export function renderEmailHere(
  data: NodeData<'email'>,
  context: MergeContext,
  thread: Thread | null,
): Rendered<EmailContent> {
  const warnings: string[] = [];
  const subject = renderSubject(data.subject, context, thread, warnings);
  const html = data.format === 'html';
  const body = renderField('body', data.body, context, { html });
  warnings.push(...body.warnings);
  // settings.unsubscribeFooter: added after the render, so the template can't touch it.
  const text = !context.unsubscribeFooter
    ? body.text
    : html
      ? withHtmlFooter(body.text)
      : withTextFooter(body.text);
  const from = data.from ?? context.sender;
  const replyTo = data.replyTo ?? context.sender?.replyTo;
  const value: EmailContent = {
    subject,
    ...(html ? { html: bodyPart(inlineCss, text), text: bodyPart(htmlToText, text) } : { text }),
    from: from ?? null,
    ...(replyTo !== undefined ? { replyTo } : {}),
    cc: [...(data.cc ?? [])],
    bcc: [...(data.bcc ?? [])],
  };
  return { value, warnings };
}

function renderSubject(
  template: string | undefined,
  context: MergeContext,
  thread: Thread | null,
  warnings: string[],
): string {
  if (template === undefined || template.trim() === '') {
    if (!thread)
      throw new RenderError(
        'subject',
        'the email has no subject, so it replies to the latest email sent, but this enrollment has sent none',
      );
    return oneLine(`Re: ${thread.subject}`);
  }
  const rendered = renderField('subject', template, context);
  warnings.push(...rendered.warnings);
  const subject = oneLine(rendered.text);
  if (subject === '') warnings.push('subject: rendered empty');
  return subject;
}

/** A part made from the rendered HTML: its CSS inlined, or its plain-text alternative. */
function bodyPart(make: (html: string) => string, html: string): string {
  try {
    return make(html);
  } catch (cause) {
    throw new RenderError('body', cause instanceof Error ? cause.message : String(cause), {
      cause,
    });
  }
}
