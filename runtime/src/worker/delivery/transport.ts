import nodemailer from 'nodemailer';
import { type DkimOptions, nodemailerDkim } from './dkim.ts';
import type { EmailMessage } from './email.ts';
import { smtpDeliveryError } from './error.ts';

export interface SendResult {
  /** The id to find the message by at the provider: the Message-ID for mail. */
  providerId: string;
  /** The server's last reply ("250 OK: queued as …"), or "captured". */
  response: string;
  /** Recipients the server took; some may be `rejected` while others were accepted. */
  accepted: string[];
  rejected: string[];
  /** The whole RFC 5322 message, for the capture transport (the local mail catcher). */
  raw?: Buffer;
}

export interface EmailTransport {
  /** Hands the message over; rejects with a DeliveryError (permanent or temporary). */
  send(message: EmailMessage): Promise<SendResult>;
  /** Closes pooled connections; sends after close fail. */
  close(): Promise<void>;
}

export interface SmtpTransportOptions {
  maxConnections?: number;
  /** Milliseconds to open a connection, and to get the greeting. */
  connectionTimeout?: number;
  /** Milliseconds of silence in a session before giving up. */
  socketTimeout?: number;
  /** Signs every message (dkim.ts); a key that can't sign throws here, not per message. */
  dkim?: DkimOptions;
}

export interface CaptureTransportOptions {
  /** Signs as smtpTransport would, so the outbox shows the message that would be sent. */
  dkim?: DkimOptions;
}

/**
 * Pooled SMTP to SMTP_URL (`smtp://user:pass@host:587`, `smtps://…:465`). The timeouts are far
 * below nodemailer's defaults (2 and 10 minutes): a stuck server should fail the delivery job
 * quickly and let the worker retry with backoff. nodemailer's own requeue is off so that retrying
 * is decided in one place.
 */
export function smtpTransport(smtpUrl: string, options: SmtpTransportOptions = {}): EmailTransport {
  const connectionTimeout = options.connectionTimeout ?? 10_000;
  const transporter = nodemailer.createTransport({
    pool: true,
    url: smtpUrl,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: 100,
    maxRequeues: 0,
    // Below the usual server idle limit (Postfix: 300 s), so we rarely write to a closed socket.
    idleTimeout: 60_000,
    connectionTimeout,
    greetingTimeout: connectionTimeout,
    socketTimeout: options.socketTimeout ?? 60_000,
    ...(options.dkim ? { dkim: nodemailerDkim(options.dkim) } : {}),
  });
  return {
    async send(message) {
      try {
        const info = await transporter.sendMail(message);
        return {
          providerId: info.messageId,
          response: info.response ?? '',
          accepted: addresses(info.accepted),
          rejected: addresses(info.rejected),
        };
      } catch (error) {
        throw smtpDeliveryError(error);
      }
    },
    async close() {
      transporter.close();
    },
  };
}

/**
 * No mail leaves: each message is built exactly as SMTP would carry it and returned in `raw`,
 * for the worker to keep in the outbox and the app to show like a mail catcher.
 */
export function captureTransport(options: CaptureTransportOptions = {}): EmailTransport {
  const transporter = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
    ...(options.dkim ? { dkim: nodemailerDkim(options.dkim) } : {}),
  });
  return {
    async send(message) {
      try {
        const info = await transporter.sendMail(message);
        const raw = Buffer.isBuffer(info.message)
          ? info.message
          : Buffer.from(String(info.message));
        return {
          providerId: info.messageId,
          response: 'captured',
          accepted: addresses(info.envelope.to),
          rejected: [],
          raw,
        };
      } catch (error) {
        throw smtpDeliveryError(error);
      }
    },
    async close() {
      transporter.close();
    },
  };
}

function addresses(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((entry) =>
    typeof entry === 'object' && entry !== null && 'address' in entry
      ? String(entry.address)
      : String(entry),
  );
}
