import { type NodeData, TASK_KINDS } from '@nudge/schema';
import { readTemplateLink } from '../../templates/apply.ts';
import { fieldsOf, isObject, oneOf, textOf, textsOf } from './read.ts';

/**
 * The data of each message step as its form shows it, read from whatever the document
 * holds: the format's fields in its order, each of the right type, the required ones
 * filled with what a new step has. A field of the wrong type reads as empty; a text of the
 * right type is kept as written, even when the validator refuses it, so the author sees
 * and fixes it. Anything else (unknown properties) is left out, so the first edit drops it.
 */

export type EmailData = NodeData<'email'>;
export type SmsData = NodeData<'sms'>;
export type KakaoData = NodeData<'kakao'>;
export type KakaoButton = NonNullable<KakaoData['buttons']>[number];
export type TaskData = NodeData<'task'>;

export const EMAIL_FORMATS = ['text', 'html'] as const;
export const SENDING_MODES = ['auto', 'manual'] as const;

const mode = (value: unknown) => oneOf(value, SENDING_MODES, 'auto');
const optionalText = <K extends string>(key: K, value: unknown): { [k in K]?: string } =>
  (typeof value === 'string' ? { [key]: value } : {}) as { [k in K]?: string };
const optionalTexts = <K extends string>(key: K, value: unknown): { [k in K]?: string[] } =>
  (Array.isArray(value) ? { [key]: textsOf(value) } : {}) as { [k in K]?: string[] };

export function readEmail(data: unknown): EmailData {
  const d = fieldsOf(data);
  const from = isObject(d.from)
    ? { ...optionalText('name', d.from.name), email: textOf(d.from.email) }
    : undefined;
  return {
    // An empty subject means the same as none (reply in the thread), and is written as none.
    ...(textOf(d.subject) === '' ? {} : { subject: textOf(d.subject) }),
    body: textOf(d.body),
    format: oneOf(d.format, EMAIL_FORMATS, 'text'),
    mode: mode(d.mode),
    ...(from ? { from } : {}),
    ...optionalText('replyTo', d.replyTo),
    ...optionalTexts('cc', d.cc),
    ...optionalTexts('bcc', d.bcc),
    ...readTemplateLink(d.template),
  };
}

export function readSms(data: unknown): SmsData {
  const d = fieldsOf(data);
  return { body: textOf(d.body), mode: mode(d.mode), ...readTemplateLink(d.template) };
}

export function readKakao(data: unknown): KakaoData {
  const d = fieldsOf(data);
  return {
    templateCode: textOf(d.templateCode),
    body: textOf(d.body),
    // Every item keeps its place, junk included, so problems at buttons/2 stay on the third.
    ...(Array.isArray(d.buttons) ? { buttons: d.buttons.map(readButton) } : {}),
    ...optionalText('fallbackSms', d.fallbackSms),
    mode: mode(d.mode),
    ...readTemplateLink(d.template),
  };
}

function readButton(button: unknown): KakaoButton {
  const b = fieldsOf(button);
  return { name: textOf(b.name), url: textOf(b.url) };
}

export function readTask(data: unknown): TaskData {
  const d = fieldsOf(data);
  return {
    kind: oneOf(d.kind, TASK_KINDS, 'other'),
    title: textOf(d.title),
    ...optionalText('note', d.note),
    ...optionalText('assignee', d.assignee),
    ...(typeof d.waitForCompletion === 'boolean' ? { waitForCompletion: d.waitForCompletion } : {}),
  };
}
