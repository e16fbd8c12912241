import type { NodeOf } from '@nudge/schema';
import { type CompiledNode, type CompiledSequence, nodeOf, policyOf } from './compile.ts';
import { applyUpdate, newContactProblem, readPath } from './contact.ts';
import { goalMet } from './exits.ts';
import { parseDay } from './policy/civil.ts';
import { describeDeferral } from './policy/index.ts';
import {
  type MergeContext,
  RenderError,
  renderEmail,
  renderKakao,
  renderSms,
  renderTask,
} from './render/index.ts';
import { ruleHolds } from './rules.ts';
import { chooseBranch } from './split.ts';
import type {
  Advanced,
  Contact,
  Deferral,
  Effect,
  EmailContent,
  EnrollmentState,
  EnrollmentStatus,
  KakaoContent,
  SendEffect,
  SmsContent,
  Step,
  ThreadInfo,
} from './types.ts';

type Ended = Exclude<EnrollmentStatus, 'active'>;
type MessageNode = NodeOf<'email'> | NodeOf<'sms'> | NodeOf<'kakao'>;

/**
 * One application of an input: walks the graph from where the enrollee is until it has to
 * wait (a delay, a closed send window, a wait_for, a task to be done) or ends. Zero-time nodes
 * (entry, condition, split, update_contact, exit) and sends that may go out now are taken in
 * the same walk, at the same instant (FORMAT.md section 4).
 */
export class Walk {
  readonly effects: Effect[] = [];
  readonly steps: Step[] = [];
  readonly state: EnrollmentState;
  contact: Contact;
  private readonly compiled: CompiledSequence;
  private readonly now: number;

  constructor(compiled: CompiledSequence, state: EnrollmentState, now: number, contact: Contact) {
    this.compiled = compiled;
    this.state = state;
    this.now = now;
    this.contact = contact;
  }

  result(): Advanced {
    return {
      state: this.state,
      effects: this.effects,
      wakeAt: this.state.waiting?.until ?? null,
      steps: this.steps,
    };
  }

  /** Walks from node `id` until the enrollee waits or ends. */
  enter(id: string | null): void {
    let current = id;
    this.state.waiting = null;
    while (current !== null && this.state.status === 'active') current = this.visit(current);
  }

  /** The wake-up time of what the enrollee was waiting for has come. */
  resume(): void {
    const waiting = this.state.waiting;
    const id = this.state.node;
    if (!waiting || id === null) return;
    const at = nodeOf(this.compiled, id);
    this.state.waiting = null;
    if (waiting.kind === 'send' && isMessage(at.node)) {
      if (this.send(at.node, waiting.deferral)) this.enter(this.follow(at, null));
    } else if (waiting.kind === 'wait_for' && at.node.type === 'wait_for') {
      const met = ruleHolds(at.node.data.rule, this.contact, this.state.events);
      this.enter(this.branch(at, met ? 'met' : 'timeout', met ? undefined : 'timed out'));
    } else {
      this.enter(this.follow(at, null));
    }
  }

  /** An event was recorded and ended nothing: it may satisfy the wait_for the enrollee is in. */
  eventRecorded(): void {
    const id = this.state.node;
    if (this.state.waiting?.kind !== 'wait_for' || id === null) return;
    const at = nodeOf(this.compiled, id);
    if (
      at.node.type === 'wait_for' &&
      ruleHolds(at.node.data.rule, this.contact, this.state.events)
    )
      this.enter(this.branch(at, 'met'));
  }

  taskCompleted(): void {
    const id = this.state.node;
    if (id === null) return;
    const at = nodeOf(this.compiled, id);
    this.step(at, { action: 'task', note: 'the task was completed' });
    this.enter(this.follow(at, null));
  }

  exit(status: Ended, reason: string): void {
    const id = this.state.node ?? this.compiled.entry;
    this.effects.push({ type: 'exit', status, node: this.state.node, reason });
    this.step(nodeOf(this.compiled, id), { action: 'exit', status, note: reason });
    this.state.status = status;
    this.state.waiting = null;
  }

  /** Takes one node; returns the next node to take now, or null to stop walking. */
  private visit(id: string): string | null {
    const at = nodeOf(this.compiled, id);
    const node = at.node;
    this.state.node = id;
    switch (node.type) {
      case 'entry':
        return this.follow(at, null);
      case 'email':
      case 'sms':
      case 'kakao':
        if (node.data.mode === 'manual') {
          this.manualTask(at, node);
          return this.follow(at, null);
        }
        return this.send(node, null) ? this.follow(at, null) : null;
      case 'task':
        return this.task(at, node) ? this.follow(at, null) : null;
      case 'delay':
        return this.delay(at, node);
      case 'condition': {
        const holds = ruleHolds(node.data.rule, this.contact, this.state.events);
        return this.branch(at, holds ? 'yes' : 'no');
      }
      case 'wait_for': {
        if (ruleHolds(node.data.rule, this.contact, this.state.events))
          return this.branch(at, 'met', 'the rule already held');
        const { amount, unit } = node.data.timeout;
        const until = this.policy().after(this.now, amount, unit);
        this.state.waiting = { kind: 'wait_for', until, arrivedAt: this.now };
        this.step(at, { action: 'wait', until, note: 'until the rule holds' });
        return null;
      }
      case 'split':
        return this.branch(at, chooseBranch(node.data, this.state.enrollmentId, id));
      case 'update_contact':
        return this.update(at, node);
      case 'exit':
        this.exit(node.data.outcome ?? 'completed', 'reached an exit step');
        return null;
    }
  }

  /** The node after `at` by `handle`; a handle with no edge ends the enrollment as completed. */
  private follow(at: CompiledNode, handle: string | null): string | null {
    const target = at.next.get(handle);
    if (target !== undefined) return target;
    this.exit(
      'completed',
      handle === null ? 'the end of the sequence' : `the "${handle}" branch leads nowhere`,
    );
    return null;
  }

  private branch(at: CompiledNode, handle: string, note?: string): string | null {
    this.step(at, { action: 'branch', handle, ...(note ? { note } : {}) });
    return this.follow(at, handle);
  }

  /** An automatic send: now when the send policy is open, else wait for the opening. */
  private send(node: MessageNode, deferred: Deferral | null): boolean {
    if (this.contact.unsubscribed) {
      this.exit('unsubscribed', 'the contact is unsubscribed');
      return false;
    }
    const opening = this.policy().nextOpen(this.now);
    if (opening.at > this.now) {
      this.state.waiting = {
        kind: 'send',
        until: opening.at,
        deferral: mergeDeferrals(deferred, opening.deferral, this.now),
      };
      return false;
    }
    const at = nodeOf(this.compiled, node.id);
    const missing = this.missingAddress(node);
    if (missing) {
      this.step(at, { action: 'send', channel: node.type, skipped: missing });
      return true;
    }
    const rendered = this.render(node);
    if (!rendered) return false;
    this.effects.push(rendered.effect);
    this.step(at, {
      action: 'send',
      channel: node.type,
      ...(rendered.effect.channel === 'email' ? { subject: rendered.effect.content.subject } : {}),
      ...(deferred ? { deferral: deferred } : {}),
      ...(rendered.effect.warnings.length > 0 ? { warnings: rendered.effect.warnings } : {}),
    });
    if (rendered.effect.channel === 'email') {
      const thread = this.state.thread;
      this.state.thread = rendered.effect.thread
        ? { subject: thread?.subject ?? '', nodes: [...(thread?.nodes ?? []), node.id] }
        : { subject: rendered.effect.content.subject, nodes: [node.id] };
    }
    return true;
  }

  private render(node: MessageNode): { effect: SendEffect } | null {
    try {
      const context = this.mergeContext();
      if (node.type === 'email') {
        const thread = isReply(node) ? this.state.thread : null;
        const { value, warnings } = renderEmail(node.data, context, thread);
        return {
          effect: {
            type: 'send',
            channel: 'email',
            node: node.id,
            content: value,
            thread: threadInfo(thread),
            warnings,
          },
        };
      }
      if (node.type === 'sms') {
        const { value, warnings } = renderSms(node.data, context);
        return {
          effect: { type: 'send', channel: 'sms', node: node.id, content: value, warnings },
        };
      }
      const { value, warnings } = renderKakao(node.data, context);
      return {
        effect: { type: 'send', channel: 'kakao', node: node.id, content: value, warnings },
      };
    } catch (error) {
      this.renderFailed(node.id, error);
      return null;
    }
  }

  private renderFailed(node: string, error: unknown): void {
    if (!(error instanceof RenderError)) throw error;
    this.exit('failed', `the ${error.field} of "${node}" can't be rendered: ${error.message}`);
  }

  private missingAddress(node: MessageNode): string | null {
    if (node.type === 'email')
      return this.contact.email ? null : 'skipped: the contact has no email address';
    return this.contact.phone ? null : 'skipped: the contact has no phone number';
  }

  /** A message step in manual mode: a task for a person, with the rendered draft. */
  private manualTask(at: CompiledNode, node: MessageNode): void {
    const context = this.mergeContext();
    let draft: EmailContent | SmsContent | KakaoContent;
    let warnings: string[];
    try {
      const rendered =
        node.type === 'email'
          ? renderEmail(node.data, context, isReply(node) ? this.state.thread : null)
          : node.type === 'sms'
            ? renderSms(node.data, context)
            : renderKakao(node.data, context);
      draft = rendered.value;
      warnings = rendered.warnings;
    } catch (error) {
      this.renderFailed(node.id, error);
      return;
    }
    const subject = 'subject' in draft ? `: ${draft.subject}` : '';
    const title = { email: 'Send the email', sms: 'Send the SMS', kakao: 'Send the AlimTalk' }[
      node.type
    ];
    this.createTask(at, {
      kind: node.type === 'email' ? 'manual_email' : 'other',
      title: `${title}${subject}`,
      assignee: this.contact.owner?.email ?? null,
      waitForCompletion: false,
      channel: node.type,
      draft,
      warnings,
    });
  }

  /** A task step; returns whether the walk goes on now. */
  private task(at: CompiledNode, node: NodeOf<'task'>): boolean {
    let rendered: ReturnType<typeof renderTask>;
    try {
      rendered = renderTask(node.data, this.mergeContext());
    } catch (error) {
      this.renderFailed(node.id, error);
      return false;
    }
    const wait = node.data.waitForCompletion === true;
    this.createTask(at, {
      kind: node.data.kind,
      title: rendered.value.title,
      ...(rendered.value.note !== undefined ? { note: rendered.value.note } : {}),
      assignee: rendered.value.assignee,
      waitForCompletion: wait,
      warnings: rendered.warnings,
    });
    if (wait) this.state.waiting = { kind: 'task', until: null };
    return !wait;
  }

  private createTask(
    at: CompiledNode,
    task: Omit<Extract<Effect, { type: 'createTask' }>, 'type' | 'node' | 'due'>,
  ): void {
    const opening = this.policy().nextOpen(this.now);
    this.effects.push({ type: 'createTask', node: at.node.id, due: opening.at, ...task });
    this.step(at, {
      action: 'task',
      ...(task.channel ? { channel: task.channel } : {}),
      note: task.title,
      ...(opening.deferral ? { deferral: opening.deferral, until: opening.at } : {}),
      ...(task.warnings.length > 0 ? { warnings: task.warnings } : {}),
    });
  }

  private delay(at: CompiledNode, node: NodeOf<'delay'>): string | null {
    const data = node.data;
    const policy = this.policy();
    if ('amount' in data) {
      const until = policy.after(this.now, data.amount, data.unit);
      this.state.waiting = { kind: 'delay', until, arrivedAt: this.now };
      this.step(at, { action: 'wait', until });
      return null;
    }
    const { field, offsetDays = 0, at: time = '00:00' } = data.until;
    const date = localDateOf(readPath(this.contact, field), (instant) => policy.localDate(instant));
    if (date === null) {
      this.exit('failed', `${field} is not a date, so the delay has no end`);
      return null;
    }
    const until = policy.onDate(date, offsetDays, time);
    if (until > LATEST_WAKE) {
      this.exit('failed', `${field} is past the year 9999, so the delay has no end`);
      return null;
    }
    if (until > this.now) {
      this.state.waiting = { kind: 'delay', until, arrivedAt: this.now };
      this.step(at, { action: 'wait', until });
      return null;
    }
    if (data.ifPast === 'exit') {
      this.exit('completed', `the date (${field}) had already passed`);
      return null;
    }
    this.step(at, { action: 'wait', until: this.now, note: 'the date had already passed' });
    return this.follow(at, null);
  }

  private update(at: CompiledNode, node: NodeOf<'update_contact'>): string | null {
    const update = {
      set: node.data.set ?? {},
      addTags: node.data.addTags ?? [],
      removeTags: node.data.removeTags ?? [],
    };
    const next = applyUpdate(this.contact, update);
    const broken = newContactProblem(this.contact, next);
    if (broken) {
      this.exit(
        'failed',
        `the update of "${node.id}" would break a limit of the contact: ${broken}`,
      );
      return null;
    }
    this.effects.push({ type: 'updateContact', node: node.id, ...update });
    this.contact = next;
    this.step(at, { action: 'update' });
    if (goalMet(this.compiled, this.contact, this.state.events)) {
      this.exit('converted', 'the goal is met');
      return null;
    }
    return this.follow(at, null);
  }

  private step(at: CompiledNode, step: Omit<Step, 'at' | 'node' | 'type'>): void {
    this.steps.push({ at: this.now, node: at.node.id, type: at.node.type, ...step });
  }

  private policy() {
    return policyOf(this.compiled, this.contact);
  }

  private mergeContext(): MergeContext {
    return {
      contact: this.contact,
      sender: this.compiled.sender,
      sequence: { name: this.compiled.sequence.name },
      variables: this.compiled.settings.variables,
      unsubscribeFooter: this.compiled.settings.unsubscribeFooter,
    };
  }
}

export const isMessage = (node: CompiledNode['node']): node is MessageNode =>
  node.type === 'email' || node.type === 'sms' || node.type === 'kakao';

/** An email with no subject replies in the thread of the latest email sent (FORMAT.md section 3). */
export const isReply = (node: NodeOf<'email'>) => (node.data.subject ?? '').trim() === '';

function threadInfo(thread: EnrollmentState['thread']): ThreadInfo | null {
  const last = thread?.nodes[thread.nodes.length - 1];
  return thread && last ? { inReplyTo: last, references: [...thread.nodes] } : null;
}

/** A later deferral of the same send keeps when it was first due and adds its new reasons. */
export function mergeDeferrals(
  first: Deferral | null,
  next: Deferral | null,
  now: number,
): Deferral {
  const reasons = [...(first?.reasons ?? [])];
  for (const reason of next?.reasons ?? [])
    if (!reasons.some((r) => r.code === reason.code && r.holiday === reason.holiday))
      reasons.push(reason);
  return { from: first?.from ?? next?.from ?? now, reasons, text: describeDeferral(reasons) };
}

/**
 * The latest instant a wait may end at: PostgreSQL takes no later timestamp as postgres.js
 * writes it (a six-digit year), and no real follow-up waits that long.
 */
export const LATEST_WAKE = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * A contact's date field as a local date: a date stays as written, an instant is read in the
 * zone. Null for anything else, a date that does not exist (2026-02-30) or an instant outside
 * the years 0000-9999 (a number such as 1e15 is one): a contact's data never makes a step fail.
 */
export function localDateOf(value: unknown, localDate: (at: number) => string): string | null {
  let date: string | null = null;
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) date = text;
    else if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
      const at = Date.parse(text);
      if (!Number.isNaN(at)) date = localDate(at);
    }
  } else if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= LATEST_WAKE)
    date = localDate(value);
  return date !== null && parseDay(date) !== null ? date : null;
}
