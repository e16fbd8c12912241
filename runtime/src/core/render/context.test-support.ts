import { resolveSettings, type Settings } from '@nudge/schema';
import type { Contact, Sender } from '../types.ts';
import type { MergeContext } from './context.ts';

/** A Korean B2B contact with every field set, owner included. */
export const KIM: Contact = {
  id: 'c1',
  email: 'minjun@hanbit.example',
  phone: '+821012345678',
  name: '김민준',
  company: '한빛소프트',
  title: '팀장',
  timezone: 'Asia/Seoul',
  locale: 'ko',
  tags: ['vip', 'trial'],
  attributes: { plan: 'pro', seats: 12 },
  owner: { name: '이서연', email: 'seoyeon@nudge.test', phone: '+821098765432' },
};

export const SENDER: Sender = {
  name: 'Nudge Team',
  email: 'team@nudge.test',
  replyTo: 'reply@nudge.test',
};

/** A merge context as the interpreter builds it: aliases from resolved settings. */
export function contextOf(
  contact: Contact = KIM,
  options: { sender?: Sender | null; settings?: Settings; sequence?: string } = {},
): MergeContext {
  return {
    contact,
    sender: options.sender === undefined ? SENDER : options.sender,
    sequence: { name: options.sequence ?? '체험 후속' },
    variables: resolveSettings(options.settings).variables,
  };
}
