import { randomUUID } from 'node:crypto';
import { DeliveryError } from './error.ts';

export interface SmsRequest {
  /** The contact's number. */
  to: string;
  text: string;
  /** The registered sender number (발신번호). */
  from: string;
}

export interface AlimTalkRequest {
  to: string;
  /** The approved AlimTalk template; `text` must match it once variables are filled in. */
  templateCode: string;
  text: string;
  buttons: Array<{ name: string; url: string }>;
  /** When set, an SMS goes out if the AlimTalk can't be delivered. */
  fallbackSms?: string;
  /** The KakaoTalk channel's sender key (Solapi: pfId). */
  senderKey: string;
  /** The sender number for the fallback SMS. */
  from?: string;
}

export interface MessagingResult {
  /** The provider's message id, kept in the outbox to match delivery reports. */
  providerId: string;
}

/** SMS and KakaoTalk AlimTalk; failures reject with a DeliveryError (permanent or temporary). */
export interface MessagingProvider {
  sendSms(request: SmsRequest): Promise<MessagingResult>;
  sendAlimTalk(request: AlimTalkRequest): Promise<MessagingResult>;
}

export type CapturedMessage = MessagingResult & { at: Date } & (
    | ({ channel: 'sms' } & SmsRequest)
    | ({ channel: 'alimtalk' } & AlimTalkRequest)
  );

export interface CaptureMessaging extends MessagingProvider {
  /** Everything sent, oldest first. */
  readonly sent: readonly CapturedMessage[];
}

/**
 * Keeps messages in memory instead of sending them: the default when no provider is configured,
 * and what tests and the local app use. A message without a number fails permanently, as it
 * would at a real provider.
 */
export function captureMessaging(): CaptureMessaging {
  const sent: CapturedMessage[] = [];
  const check = (to: string) => {
    if (to.trim() === '') {
      throw new DeliveryError('no recipient number', { permanent: true, code: 'invalid_number' });
    }
  };
  return {
    sent,
    async sendSms(request) {
      check(request.to);
      const providerId = `capture-${randomUUID()}`;
      sent.push({ channel: 'sms', ...request, providerId, at: new Date() });
      return { providerId };
    },
    async sendAlimTalk(request) {
      check(request.to);
      const providerId = `capture-${randomUUID()}`;
      sent.push({ channel: 'alimtalk', ...request, providerId, at: new Date() });
      return { providerId };
    },
  };
}
