/**
 * The size of a text message as Korean carriers count it: in EUC-KR, where an ASCII
 * character takes 1 byte and a Hangul syllable 2. Characters EUC-KR lacks (emoji, most
 * other scripts) are counted as 2 too, as the carriers' gateways do when they accept them.
 * Up to 90 bytes go as an SMS, up to 2,000 as an LMS (a long message, priced higher); more
 * is refused by the carriers.
 */

export const SMS_MAX_BYTES = 90;
export const LMS_MAX_BYTES = 2000;

export type SmsClass = 'sms' | 'lms' | 'too_long';

export interface SmsSize {
  bytes: number;
  class: SmsClass;
  /**
   * The text holds merge variables or tags ({{ }} or {% %}): the message sent to a contact
   * is longer or shorter than the template, so `bytes` counts the template as written.
   */
  templated: boolean;
}

/** Bytes of `text` in EUC-KR: 1 per ASCII character, 2 per other character. */
export function smsBytes(text: string): number {
  let bytes = 0;
  // for...of walks code points, so an emoji (two UTF-16 units) is one character.
  for (const character of text) bytes += (character.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
  return bytes;
}

export function smsClassOf(bytes: number): SmsClass {
  if (bytes <= SMS_MAX_BYTES) return 'sms';
  return bytes <= LMS_MAX_BYTES ? 'lms' : 'too_long';
}

export function smsSize(text: string): SmsSize {
  const bytes = smsBytes(text);
  return { bytes, class: smsClassOf(bytes), templated: /\{\{|\{%/.test(text) };
}
