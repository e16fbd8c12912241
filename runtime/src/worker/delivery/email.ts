import type { SendMailOptions } from 'nodemailer';
import { UNSUBSCRIBE_MARKER } from '../../core/render/unsubscribe.ts';
import type { EmailContent, Sender } from '../../core/types.ts';
import { rewriteHtml } from '../tracking/html.ts';
import type { TrackingUrls } from '../tracking/urls.ts';
import { DeliveryError } from './error.ts';

/** A message ready for a transport: nodemailer's message options. */
export type EmailMessage = SendMailOptions;

export interface ComposeEmailInput {
  /** What core rendered for the step. */
  content: EmailContent;
  /** The contact. */
  to: { address: string; name?: string };
  /** From generateMessageId(), stored in the outbox before the send. */
  messageId: string;
  /** The sender when the step and the sequence name none (the workspace default). */
  defaultSender?: Sender;
  /** The thread as Message-IDs: core's ThreadInfo node ids mapped through the outbox. */
  thread?: { inReplyTo: string; references: string[] } | null;
  /** The signed links of this message (trackingUrls). */
  links: TrackingUrls;
  /** settings.tracking of the sequence. */
  tracking: { opens: boolean; clicks: boolean };
  /** Extra headers, e.g. for the worker's own bookkeeping. */
  headers?: Record<string, string>;
}

/**
 * The nodemailer message for one email step: addresses, UTF-8 subject and bodies, the Message-ID
 * made beforehand, threading headers, one-click unsubscribe (RFC 8058; always there, because
 * unsubscribing can't be turned off), the message's signed unsubscribe link where the body has
 * `{{ unsubscribe_url }}` or the footer, and tracked links and pixel as the settings ask.
 * Throws a permanent DeliveryError when no sender is known.
 */
export function composeEmail(input: ComposeEmailInput): EmailMessage {
  const { content, links, tracking } = input;
  const sender = content.from ?? input.defaultSender;
  if (!sender?.email) {
    throw new DeliveryError('no sender: set settings.sender or the workspace default', {
      permanent: true,
      code: 'no_sender',
    });
  }
  const replyTo = content.replyTo ?? sender.replyTo;
  // Before the link rewriting, so the signed link is one of ours (isOwn) and never tracked.
  const signed = (part: string) => part.replaceAll(UNSUBSCRIBE_MARKER, links.unsubscribe);
  const html =
    content.html === undefined
      ? undefined
      : rewriteHtml(signed(content.html), {
          ...(tracking.clicks ? { click: links.click, keep: links.isOwn } : {}),
          ...(tracking.opens ? { pixel: links.openPixel } : {}),
        });
  const thread = input.thread;
  return {
    messageId: input.messageId,
    from: { name: sender.name ?? '', address: sender.email },
    to: { name: input.to.name ?? '', address: input.to.address },
    ...(content.cc.length > 0 ? { cc: content.cc } : {}),
    ...(content.bcc.length > 0 ? { bcc: content.bcc } : {}),
    ...(replyTo ? { replyTo } : {}),
    subject: content.subject,
    text: signed(content.text),
    ...(html !== undefined ? { html } : {}),
    ...(thread
      ? {
          inReplyTo: thread.inReplyTo,
          // RFC 5322 section 3.6.4: the parent's References followed by the parent itself.
          references: thread.references.includes(thread.inReplyTo)
            ? thread.references
            : [...thread.references, thread.inReplyTo],
        }
      : {}),
    list: { unsubscribe: { url: links.unsubscribe } },
    headers: { ...input.headers, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
