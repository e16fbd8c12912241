import {
  type Contact,
  type EmailContent,
  type KakaoContent,
  RenderError,
  renderEmail,
  renderKakao,
  renderSms,
} from '@nudge/runtime/core';
import type { NodeData, Sequence } from '@nudge/schema';
import { type SmsSize, smsSize } from '../forms/message/sms-bytes.ts';
import { readEmail, readKakao, readSms } from '../forms/message/step-data.ts';
import { previewContext } from './merge-context.ts';

/** A variable that rendered empty for the contact: as written, what it reads, and where. */
export interface EmptyVariable {
  /** As the template names it: `고객명`, `contact.company`. */
  name: string;
  /** The contact field it reads (an alias resolved): `contact.name`. */
  path: string;
  /** The step's fields it rendered empty in: `subject`, `body`, `buttons.0.url`. */
  fields: string[];
}

export type PreviewChannel = 'email' | 'sms' | 'kakao';

export type StepPreview =
  | { channel: 'email'; email: EmailContent; empty: EmptyVariable[]; replies: boolean }
  | { channel: 'sms'; text: string; size: SmsSize; empty: EmptyVariable[] }
  | {
      channel: 'kakao';
      kakao: KakaoContent;
      fallbackSize: SmsSize | null;
      empty: EmptyVariable[];
    }
  | { channel: PreviewChannel; failed: { field: string; message: string } };

export const isPreviewChannel = (type: string): type is PreviewChannel =>
  type === 'email' || type === 'sms' || type === 'kakao';

/** The subject the preview shows for a reply in the thread (the worker's is the thread's). */
const THREAD = { subject: '…', nodes: [] };

/**
 * One message step rendered for a contact with core's renderer, the one the worker sends with:
 * what the contact receives, and the variables that rendered empty for them. The step's data is
 * read as its form reads it, so a half-typed step previews too; a template that does not parse
 * or fails to render gives `failed`, naming the field.
 */
export function previewStep(
  sequence: Sequence,
  step: { type: PreviewChannel; data: unknown },
  contact: Contact,
): StepPreview {
  const context = previewContext(sequence, contact);
  try {
    if (step.type === 'email') {
      const data = readEmail(step.data) as NodeData<'email'>;
      const replies = (data.subject ?? '').trim() === '';
      const { value, warnings } = renderEmail(data, context, THREAD);
      return {
        channel: 'email',
        email: value,
        empty: emptyOf(warnings, context.variables),
        replies,
      };
    }
    if (step.type === 'sms') {
      const { value, warnings } = renderSms(readSms(step.data) as NodeData<'sms'>, context);
      return {
        channel: 'sms',
        text: value.text,
        size: smsSize(value.text),
        empty: emptyOf(warnings, context.variables),
      };
    }
    const { value, warnings } = renderKakao(readKakao(step.data) as NodeData<'kakao'>, context);
    return {
      channel: 'kakao',
      kakao: value,
      fallbackSize: value.fallbackSms === undefined ? null : smsSize(value.fallbackSms),
      empty: emptyOf(warnings, context.variables),
    };
  } catch (error) {
    if (error instanceof RenderError)
      return { channel: step.type, failed: { field: error.field, message: error.message } };
    throw error;
  }
}

// Core reports each empty variable as "<field>: {{ <name> }} has no value, ..." (template.ts).
const WARNING = /^(.+?): \{\{ (.+) \}\} has no value/;

/** The renderer's warnings as variables, each once, in the order they first rendered empty. */
export function emptyOf(
  warnings: readonly string[],
  variables: Readonly<Record<string, string>>,
): EmptyVariable[] {
  const byName = new Map<string, EmptyVariable>();
  for (const warning of warnings) {
    const match = WARNING.exec(warning);
    if (!match) continue;
    const [, field = '', name = ''] = match;
    const known = byName.get(name);
    if (known) {
      if (!known.fields.includes(field)) known.fields.push(field);
      continue;
    }
    byName.set(name, { name, path: pathOf(name, variables), fields: [field] });
  }
  return [...byName.values()];
}

/** `고객명` → `contact.name` through the aliases; `owner.name` → `contact.owner.name`. */
function pathOf(name: string, variables: Readonly<Record<string, string>>): string {
  const [root = '', ...rest] = name.split('.');
  const alias = Object.hasOwn(variables, root) ? variables[root] : undefined;
  if (alias && root !== 'contact') return [alias, ...rest].join('.');
  if (root === 'owner') return ['contact.owner', ...rest].join('.');
  return name;
}
