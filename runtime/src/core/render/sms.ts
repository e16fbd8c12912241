import type { NodeData } from '@nudge/schema';
import type { SmsContent } from '../types.ts';
import type { MergeContext } from './context.ts';
import { guarded } from './run-job.ts';
import { type Rendered, renderField } from './template.ts';

/** An SMS step (renderSmsHere), under the host's render guard if it set one (guard.ts). */
export function renderSms(data: NodeData<'sms'>, context: MergeContext): Rendered<SmsContent> {
  return guarded({ kind: 'sms', data, context });
}

/** An SMS step: the body as text, to the contact's phone. */
export function renderSmsHere(data: NodeData<'sms'>, context: MergeContext): Rendered<SmsContent> {
  const body = renderField('body', data.body, context);
  const to = context.contact.phone;
  return {
    value: { ...(to !== undefined ? { to } : {}), text: body.text },
    warnings: body.warnings,
  };
}
