/**
 * Glossary of the runtime core, the shapes every part of it shares.
 *
 * - An *enrollment* is one contact walking one sequence version. Its *state* is plain JSON the
 *   driver stores (the worker in PostgreSQL, the simulator in memory).
 * - An *input* is one thing that happens to an enrollment: it was enrolled, its wake-up time came,
 *   an event was recorded, a task was completed, or a person stopped it.
 * - `advance` applies one input at one instant and returns the new state, the *effects* to carry
 *   out (send, create a task, update the contact, exit) and when to wake next.
 * - A *step* is one line of the enrollment's history ("sent welcome at 09:00 KST, deferred:
 *   outside window"): the simulator's timeline is the list of steps.
 * - Instants are numbers: milliseconds since the epoch, UTC. Local times are derived from the
 *   enrollment's zone only for display and for the send policy.
 */
import type {
  ContactOwner,
  NodeType,
  Rule,
  Contact as SchemaContact,
  TaskKind,
} from '@nudge/schema';

/**
 * A contact as FORMAT.md section 6 describes it: @nudge/schema's shape, read leniently. The
 * interpreter takes contacts stored before the limits, or written by other tools, so nothing of
 * the owner is required here; what is written is checked against the schema's checkContact.
 */
export type Contact = Omit<SchemaContact, 'owner'> & { owner?: Owner };

export type Owner = Partial<ContactOwner>;

export interface Sender {
  name?: string;
  email: string;
  replyTo?: string;
}

/** FORMAT.md section 4: where an enrollment stands. */
export const ENROLLMENT_STATUSES = [
  'active',
  'completed',
  'converted',
  'replied',
  'bounced',
  'unsubscribed',
  'exited',
  'stopped',
  'failed',
] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** Event types of FORMAT.md section 6. */
export const EVENT_TYPES = [
  'delivered',
  'opened',
  'clicked',
  'replied',
  'bounced',
  'unsubscribed',
  'custom',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** An event of this enrollment, as it is kept in the state for RULEs. */
export interface EnrollmentEvent {
  /** Unique per enrollment: the same id applied twice changes nothing. */
  id: string;
  type: EventType;
  at: number;
  /** The node whose message the event concerns. */
  node?: string;
  /** The name of a custom event. */
  name?: string;
}

/** Why an automatic send or a task's due time moved later than it was due. */
export interface DeferralReason {
  /** night_ads: an advertising send held between 21:00 and 08:00 local (policy/night.ts). */
  code: 'outside_window' | 'not_send_time' | 'closed_day' | 'weekend' | 'holiday' | 'night_ads';
  /** The holiday's name in its country's language ("추석"), for code `holiday`. */
  holiday?: string;
  country?: string;
  /** The local date the reason applies to, YYYY-MM-DD. */
  date?: string;
}

export interface Deferral {
  /** When the step was due. */
  from: number;
  /** Every distinct reason met between `from` and the open instant, in order. */
  reasons: DeferralReason[];
  /** The reasons in words: "outside window; weekend; holiday: 추석". */
  text: string;
}

/**
 * What the enrollment is waiting for at its current node. `arrivedAt` (when the node was
 * reached) lets a move to a new version recompute the wait (move.ts); states stored before it
 * existed lack it. A deferred send's arrival is its `deferral.from`.
 */
export type Waiting =
  | { kind: 'delay'; until: number; arrivedAt?: number }
  | { kind: 'send'; until: number; deferral: Deferral }
  | { kind: 'wait_for'; until: number; arrivedAt?: number }
  | { kind: 'task'; until: null };

/** The email thread of an enrollment: replies take `Re: <subject>` and reference these nodes. */
export interface Thread {
  subject: string;
  /** Email nodes sent in this thread, oldest first: their Message-IDs are the References. */
  nodes: string[];
}

/** The state of one enrollment: plain JSON, stored by the driver between inputs. */
export interface EnrollmentState {
  enrollmentId: string;
  /** Grows by one with every applied input; a wake-up for another version is stale. */
  version: number;
  status: EnrollmentStatus;
  /** The node the enrollee is at (waiting there when active), or the last node it reached. */
  node: string | null;
  waiting: Waiting | null;
  /** When the enrollment was enrolled (events before it don't count). */
  enrolledAt: number | null;
  events: EnrollmentEvent[];
  thread: Thread | null;
}

/** One thing that happens to an enrollment. */
export type Input =
  | { kind: 'enrolled'; contact: Contact; suppressed?: boolean }
  | { kind: 'woke'; version: number; contact: Contact }
  | { kind: 'event'; event: EnrollmentEvent; contact: Contact }
  | { kind: 'taskCompleted'; node: string; contact: Contact }
  | { kind: 'stop'; status?: 'stopped' | 'failed'; reason?: string };

export type Channel = 'email' | 'sms' | 'kakao';

export interface EmailContent {
  subject: string;
  /** The HTML body, for `format: html`. */
  html?: string;
  /** The plain-text body: as written for `format: text`, derived from the HTML otherwise. */
  text: string;
  from: Sender | null;
  replyTo?: string;
  cc: string[];
  bcc: string[];
}

export interface SmsContent {
  to?: string;
  text: string;
}

export interface KakaoContent {
  to?: string;
  templateCode: string;
  text: string;
  buttons: Array<{ name: string; url: string }>;
  fallbackSms?: string;
}

/** Threading of a reply email: the worker turns these nodes into In-Reply-To and References. */
export interface ThreadInfo {
  inReplyTo: string;
  references: string[];
}

export type SendEffect =
  | {
      type: 'send';
      channel: 'email';
      node: string;
      content: EmailContent;
      thread: ThreadInfo | null;
      warnings: string[];
    }
  | { type: 'send'; channel: 'sms'; node: string; content: SmsContent; warnings: string[] }
  | { type: 'send'; channel: 'kakao'; node: string; content: KakaoContent; warnings: string[] };

export interface CreateTaskEffect {
  type: 'createTask';
  node: string;
  kind: TaskKind;
  title: string;
  note?: string;
  /** An email address, or "owner" resolved to the owner's email when known. */
  assignee: string | null;
  due: number;
  waitForCompletion: boolean;
  /** For a manual email, SMS or AlimTalk step: the channel and the draft to send by hand. */
  channel?: Channel;
  draft?: EmailContent | SmsContent | KakaoContent;
  warnings: string[];
}

export interface UpdateContactEffect {
  type: 'updateContact';
  node: string;
  set: Record<string, string | number | boolean | null>;
  addTags: string[];
  removeTags: string[];
}

export interface ExitEffect {
  type: 'exit';
  status: Exclude<EnrollmentStatus, 'active'>;
  node: string | null;
  reason: string;
}

export type Effect = SendEffect | CreateTaskEffect | UpdateContactEffect | ExitEffect;

/** FORMAT.md section 7: the actions of a timeline. */
export type StepAction = 'send' | 'task' | 'branch' | 'wait' | 'update' | 'exit';

/** One line of an enrollment's history. */
export interface Step {
  at: number;
  node: string;
  type: NodeType;
  action: StepAction;
  /** The branch handle taken, for `branch`. */
  handle?: string;
  /** The channel of a `send` or of a manual step's task. */
  channel?: Channel;
  /** The rendered subject of an email `send`. */
  subject?: string;
  /** For `wait`: until when (null while waiting for a task to be completed). */
  until?: number | null;
  /** Why a send or a task waited past its due time. */
  deferral?: Deferral;
  /** For `exit`: the status the enrollment ended with. */
  status?: Exclude<EnrollmentStatus, 'active'>;
  /** Words for a person: why it branched, waited or ended. */
  note?: string;
  /** For a `send` that did not happen: why ("skipped: the contact has no phone number"). */
  skipped?: string;
  warnings?: string[];
}

export interface Advanced {
  state: EnrollmentState;
  effects: Effect[];
  /** When to apply `woke` next (with the new state's version), or null. */
  wakeAt: number | null;
  steps: Step[];
}

export type { Rule };
