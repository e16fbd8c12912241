import type { CompiledSequence } from './compile.ts';
import { ruleHolds } from './rules.ts';
import type { Contact, EnrollmentEvent, EnrollmentStatus } from './types.ts';

/**
 * Exit criteria (FORMAT.md section 2 `exit`): they apply the moment their event is recorded,
 * wherever the enrollee is. Unsubscribing always exits. When one event meets several criteria,
 * the one that protects the contact most wins: unsubscribe, bounce, reply, goal, open/click.
 */
export function exitFor(
  compiled: CompiledSequence,
  event: EnrollmentEvent,
  contact: Contact,
  events: readonly EnrollmentEvent[],
): { status: Exclude<EnrollmentStatus, 'active'>; reason: string } | null {
  const exit = compiled.settings.exit;
  const at = event.node ? ` (${event.node})` : '';
  if (event.type === 'unsubscribed')
    return { status: 'unsubscribed', reason: 'the contact unsubscribed' };
  if (event.type === 'bounced' && exit.onBounce)
    return { status: 'bounced', reason: `a message bounced${at}` };
  if (event.type === 'replied' && exit.onReply)
    return { status: 'replied', reason: `the contact replied${at}` };
  if (goalMet(compiled, contact, events)) return { status: 'converted', reason: 'the goal is met' };
  if (event.type === 'opened' && exit.onOpen)
    return { status: 'exited', reason: `the contact opened an email${at}` };
  if (event.type === 'clicked' && exit.onClick)
    return { status: 'exited', reason: `the contact clicked a link${at}` };
  return null;
}

export function goalMet(
  compiled: CompiledSequence,
  contact: Contact,
  events: readonly EnrollmentEvent[],
): boolean {
  const goal = compiled.settings.exit.goal;
  return goal !== null && ruleHolds(goal, contact, events);
}
