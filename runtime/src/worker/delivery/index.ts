/**
 * Delivery: composing a step's email, DKIM-signing it and handing it to SMTP (or the local
 * capture), and SMS and KakaoTalk AlimTalk through a provider. Every failure is a DeliveryError,
 * permanent or temporary, for the worker to mark failed or retry.
 */
export { type DkimOptions, dkimPrivateKey } from './dkim.ts';
export { type ComposeEmailInput, composeEmail, type EmailMessage } from './email.ts';
export { DeliveryError, smtpDeliveryError } from './error.ts';
export { generateMessageId } from './message-id.ts';
export {
  type AlimTalkRequest,
  type CapturedMessage,
  type CaptureMessaging,
  captureMessaging,
  type MessagingProvider,
  type MessagingResult,
  type SmsRequest,
} from './messaging.ts';
export { phoneNumber, type SolapiOptions, solapiAuthorization, solapiProvider } from './solapi.ts';
export {
  type CaptureTransportOptions,
  captureTransport,
  type EmailTransport,
  type SendResult,
  type SmtpTransportOptions,
  smtpTransport,
} from './transport.ts';
