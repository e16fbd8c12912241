/**
 * The default sender of emails: `{ name, email, replyTo? }`, or absent for the workspace's
 * default. Name and email go together: once either is typed, both are written (an empty one
 * too), so the validator says beside the other field that it is missing.
 */
import type { Settings } from '@nudge/schema';
import { objectOf } from './settings-edit.ts';

export type SenderField = 'name' | 'email' | 'replyTo';
type Sender = NonNullable<Settings['sender']>;

export function withSenderField(
  sender: unknown,
  field: SenderField,
  value: string,
): Sender | undefined {
  const next = objectOf(sender);
  next[field] = value;
  const name = typeof next.name === 'string' ? next.name : '';
  const email = typeof next.email === 'string' ? next.email : '';
  const replyTo = typeof next.replyTo === 'string' ? next.replyTo : '';
  const { name: _n, email: _e, replyTo: _r, ...others } = next;
  if (name === '' && email === '' && replyTo === '' && Object.keys(others).length === 0)
    return undefined;
  // Typed as the format's sender; other keys an opened file had stay for the validator to show.
  return { name, email, ...(replyTo === '' ? {} : { replyTo }), ...others } as Sender;
}
