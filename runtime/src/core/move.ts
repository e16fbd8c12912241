import type { NodeOf } from '@nudge/schema';
import { type CompiledNode, type CompiledSequence, policyOf } from './compile.ts';
import { readPath } from './contact.ts';
import type { SendPolicy } from './policy/index.ts';
import { ruleHolds } from './rules.ts';
import type { Contact, EnrollmentState, Waiting } from './types.ts';
import { isMessage, isReply, LATEST_WAKE, localDateOf, mergeDeferrals } from './walk.ts';

/**
 * Moving a waiting enrollee to a newly published version (DESIGN.md, "Versions"): nobody is
 * silently dropped or sent a step twice.
 *
 * - Only an active enrollee waiting at a step moves: at a delay, a send deferred to its window,
 *   a wait_for or a task to be completed. States are stored between steps only, so nobody is
 *   caught mid-step. One not started yet (its `enrolled` input not applied) has taken no step:
 *   it moves as it is and starts at the new version's entry.
 * - The target is `mapping[node]` when the mapping names the node, else the same id. When the
 *   target is missing from the new version, or can't hold this kind of wait, or the enrollee
 *   couldn't run from there, it stays on its version, which keeps running, and the reason is
 *   given. Moving never ends an enrollment.
 * - The move takes no step: no effect, no history line. It changes where the enrollee waits
 *   and until when, and bumps the state version so a wake-up scheduled before is stale. What
 *   was done stays done, and the target is the next thing taken.
 * - The wait is recomputed with the target's settings and the new version's send policy, as if
 *   the enrollee had reached the target when it reached its old node (`arrivedAt`); a time
 *   already past means now:
 *   - delay → delay: amount and unit counted from the arrival; a date field's delay is
 *     recomputed from the contact. A date already past when the enrollee arrived, on a step
 *     that exits then (`ifPast: "exit"`), keeps it on its version, since a move can't end it.
 *   - wait_for → wait_for: if the new RULE already holds (recorded events, the contact), it
 *     wakes now and takes `met`; else the new timeout counts from the arrival.
 *   - a deferred send → an automatic email, SMS or AlimTalk step: re-planned for the first
 *     opening of the new policy from now, keeping when it was first due and why it waited.
 *   - task → task: only to the same node (the open task row is keyed by it, and completing it
 *     names it), still a task of the same kind that waits for completion.
 *   A state stored before `arrivedAt` existed keeps its old wake-up time.
 * - Events and `thread.nodes` keep their node ids: they name messages this enrollment sent (the
 *   outbox rows, keyed by enrollment and node). A reply email in the new version reachable with
 *   no thread to reply in (no email sent yet) keeps the enrollee where it is, rather than have
 *   it fail there. A RULE on `node` names the new id, so events of an old message count for it
 *   only when the id is the same.
 * - A send node of the new version whose id the enrollee already sent (same id = same step) is
 *   swallowed by the outbox's uniqueness: never sent twice. Mapping to a different id says it
 *   is another step, and it will be sent.
 */
export interface MoveRequest {
  /** The version the enrollee is on. */
  from: CompiledSequence;
  /** The version to move it to, and its number (for the reasons given). */
  to: CompiledSequence;
  version: number;
  state: EnrollmentState;
  contact: Contact;
  /** Old node id → new node id; a node it doesn't name keeps its id. */
  mapping: Readonly<Record<string, string>>;
  now: number;
}

export type Move =
  | {
      moved: true;
      /** Where it waits now; null for one not started yet. */
      node: string | null;
      state: EnrollmentState;
      /** When to apply `woke` (with the new state's version), or null. */
      wakeAt: number | null;
    }
  | { moved: false; reason: string };

export function moveEnrollment(request: MoveRequest): Move {
  const { to, version, state, mapping } = request;
  if (state.status !== 'active') return stay(`it has ended (${state.status})`);
  if (state.enrolledAt === null) return { moved: true, node: null, state, wakeAt: null };
  const { waiting, node } = state;
  if (waiting === null || node === null) return stay('it is not waiting at a step');
  const target = Object.hasOwn(mapping, node) ? (mapping[node] as string) : node;
  const at = to.nodes.get(target);
  if (!at)
    return stay(
      target === node
        ? `node "${node}" is not in version ${version}; map it in "migrate"`
        : `"${node}" maps to "${target}", which is not in version ${version}`,
    );
  const placed = place(request, waiting, node, at);
  if (typeof placed === 'string') return stay(placed);
  const reply = state.thread === null ? replyWithoutThread(to, target) : null;
  if (reply !== null)
    return stay(
      `"${reply}" in version ${version} replies in a thread, but no email was sent yet to reply to`,
    );
  return {
    moved: true,
    node: target,
    state: { ...state, version: state.version + 1, node: target, waiting: placed },
    wakeAt: placed.until,
  };
}

const stay = (reason: string): Move => ({ moved: false, reason });

/** The enrollee's wait at `at`, or why it can't wait there. */
function place(
  request: MoveRequest,
  waiting: Waiting,
  node: string,
  at: CompiledNode,
): Waiting | string {
  const { to, version, contact, now } = request;
  const target = at.node;
  const policy = policyOf(to, contact);
  const where = `"${target.id}" in version ${version}`;
  switch (waiting.kind) {
    case 'delay':
      if (target.type !== 'delay') return `${where} is of type ${target.type}, not a delay`;
      return delayUntil(request, waiting, target, policy);
    case 'wait_for': {
      if (target.type !== 'wait_for') return `${where} is of type ${target.type}, not a wait_for`;
      // An event already recorded may satisfy the new RULE: wake now, and `met` is taken.
      if (ruleHolds(target.data.rule, contact, request.state.events))
        return { ...waiting, until: now };
      if (waiting.arrivedAt === undefined) return waiting;
      const { amount, unit } = target.data.timeout;
      return { ...waiting, until: Math.max(now, policy.after(waiting.arrivedAt, amount, unit)) };
    }
    case 'send': {
      if (!isMessage(target) || target.data.mode !== 'auto')
        return `${where} is not an automatic send, and this enrollee waits to send`;
      const opening = policy.nextOpen(now);
      // The same plan keeps its deferral word for word.
      if (opening.at === waiting.until) return waiting;
      return {
        kind: 'send',
        until: opening.at,
        deferral: mergeDeferrals(waiting.deferral, opening.deferral, now),
      };
    }
    case 'task': {
      const old = request.from.nodes.get(node)?.node;
      if (target.type !== 'task' || target.data.waitForCompletion !== true)
        return `${where} is not a task that waits for completion, and this enrollee waits for one`;
      if (old?.type === 'task' && old.data.kind !== target.data.kind)
        return `${where} is a ${target.data.kind} task, and the open one is a ${old.data.kind} task`;
      if (target.id !== node)
        return `the open task was made at "${node}" and completing it names that step; a task wait moves only to the same id, not to "${target.id}"`;
      return waiting;
    }
  }
}

function delayUntil(
  request: MoveRequest,
  waiting: Extract<Waiting, { kind: 'delay' }>,
  target: NodeOf<'delay'>,
  policy: SendPolicy,
): Waiting | string {
  const { arrivedAt } = waiting;
  const data = target.data;
  if ('amount' in data) {
    if (arrivedAt === undefined) return waiting;
    return {
      ...waiting,
      until: Math.max(request.now, policy.after(arrivedAt, data.amount, data.unit)),
    };
  }
  const { field, offsetDays = 0, at = '00:00' } = data.until;
  const where = `"${target.id}" in version ${request.version}`;
  const date = localDateOf(readPath(request.contact, field), (i) => policy.localDate(i));
  if (date === null) return `${field} is not a date, so the delay ${where} has no end`;
  const until = policy.onDate(date, offsetDays, at);
  if (until > LATEST_WAKE)
    return `${field} is past the year 9999, so the delay ${where} has no end`;
  if (data.ifPast === 'exit' && arrivedAt !== undefined && until <= arrivedAt)
    return `the date of ${where} (${field}) had passed when the enrollee arrived, and that step exits then`;
  return { ...waiting, until: Math.max(request.now, until) };
}

/**
 * A reply email (no subject) reachable from `start` before any automatic email with a subject
 * (the only thing that starts a thread), or null.
 */
function replyWithoutThread(to: CompiledSequence, start: string): string | null {
  const seen = new Set<string>();
  const stack = [start];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    const at = to.nodes.get(id);
    if (!at) continue;
    if (at.node.type === 'email') {
      if (isReply(at.node)) return id;
      if (at.node.data.mode === 'auto') continue;
    }
    stack.push(...at.next.values());
  }
  return null;
}
