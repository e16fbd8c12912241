import { type Static, type TObject, Type } from '@sinclair/typebox';
import { annotated, Discriminated } from './discriminated.ts';
import {
  ClockTime,
  Duration,
  Email,
  Liquid,
  NodeId,
  Path,
  SettablePath,
  StringEnum,
  Tag,
} from './primitives.ts';
import { RuleRef } from './rule.ts';

const object = <P extends Parameters<typeof Type.Object>[0]>(properties: P, description?: string) =>
  Type.Object(properties, { additionalProperties: false, ...(description ? { description } : {}) });

const Mode = StringEnum(
  ['auto', 'manual'],
  'auto: sent by Nudge in the send window; manual: a task for a person to send it',
);

export const Trigger = Discriminated(
  'kind',
  {
    manual: object({}),
    event: object({
      name: Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'the event name, e.g. status_changed',
      }),
      where: Type.Optional(RuleRef),
    }),
    segment: object({
      segment: Type.String({ minLength: 1, maxLength: 100, description: 'the segment id' }),
    }),
  },
  'how contacts enter: manual (by a person or the API), event (when a named event is recorded) or segment (when a contact joins a segment)',
);
export type Trigger = Static<typeof Trigger>;

export const EntryData = object({
  triggers: Type.Array(Trigger, { minItems: 1, maxItems: 20 }),
});

export const Sender = object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  email: Email,
});

/**
 * A message step's link to a template of the workspace's library (issue 14 §1a). Additive to
 * format v1: the step keeps its own copy of the content, so the file stays whole and valid
 * without the library; publishing through the API refreshes a linked step from the template's
 * current content into the new version (a published version never changes). A step that
 * copied a template has no link.
 */
export const TemplateLink = object(
  {
    id: Type.String({
      pattern: '^[A-Za-z0-9_-]{1,64}$',
      description: 'the id of the template in the workspace',
    }),
    name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: "the template's name when the step was last refreshed from it",
      }),
    ),
  },
  'the workspace template this step is linked to: its content is refreshed at each publish',
);
export type TemplateLink = Static<typeof TemplateLink>;

export const EmailData = object({
  subject: Type.Optional(
    Liquid('the subject; absent or empty to reply in the thread of the latest email sent', 0),
  ),
  body: Liquid('the body'),
  format: StringEnum(['html', 'text'], 'html or text'),
  mode: Mode,
  from: Type.Optional({
    ...Sender,
    description: 'who the email is from, instead of settings.sender',
  }),
  replyTo: Type.Optional(Email),
  cc: Type.Optional(Type.Array(Email, { maxItems: 20 })),
  bcc: Type.Optional(Type.Array(Email, { maxItems: 20 })),
  template: Type.Optional(TemplateLink),
});

export const SmsData = object({
  body: Liquid('the text message'),
  mode: Mode,
  template: Type.Optional(TemplateLink),
});

export const KakaoButton = object({
  name: Type.String({ minLength: 1, maxLength: 28, description: 'the button label' }),
  url: Liquid('the link the button opens'),
});

export const KakaoData = object(
  {
    templateCode: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'the code of the AlimTalk template approved by Kakao',
    }),
    body: Liquid('the message, as approved in the template'),
    buttons: Type.Optional(Type.Array(KakaoButton, { maxItems: 5 })),
    fallbackSms: Type.Optional(Liquid('the SMS sent when AlimTalk cannot be delivered')),
    mode: Mode,
    template: Type.Optional(TemplateLink),
  },
  'a KakaoTalk AlimTalk message',
);

export const TASK_KINDS = ['call', 'todo', 'manual_email', 'other'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TaskData = object({
  kind: StringEnum(TASK_KINDS, 'call, todo, manual_email or other'),
  title: Liquid('the task title'),
  note: Type.Optional(Liquid('notes for the person doing the task', 0)),
  assignee: Type.Optional(
    annotated(Type.Unsafe<'owner' | string>({ anyOf: [{ const: 'owner' }, Email] }), {
      code: 'invalid_value',
      kind: 'assignee',
    }),
  ),
  waitForCompletion: Type.Optional(
    Type.Boolean({ description: 'hold the enrollment here until the task is done' }),
  ),
});

export const UnitDelay = object({
  amount: Duration.properties.amount,
  unit: Duration.properties.unit,
});

export const UntilDelay = object({
  until: object({
    field: { ...Path, description: 'a contact date field, e.g. contact.attributes.renewal_date' },
    offsetDays: Type.Optional(
      Type.Integer({
        minimum: -3650,
        maximum: 3650,
        description: 'days after (or, negative, before) the date',
      }),
    ),
    at: Type.Optional({ ...ClockTime, description: 'the local time on that day (default 00:00)' }),
  }),
  ifPast: Type.Optional(
    StringEnum(
      ['continue', 'exit'],
      'when the time has passed: continue at once (default) or exit',
    ),
  ),
});

/** A delay is either an amount of time or a moment relative to a contact's date field. */
export const DelayData = Type.Unsafe<Static<typeof UnitDelay> | Static<typeof UntilDelay>>({
  type: 'object',
  description: '{"amount", "unit"} or {"until": {"field", "offsetDays"?, "at"?}, "ifPast"?}',
  if: { required: ['until'] },
  then: UntilDelay,
  else: UnitDelay,
});

export const ConditionData = object({ rule: RuleRef });

export const WaitForData = object({
  rule: RuleRef,
  timeout: Duration,
});

export const SplitBranch = object({
  id: { ...NodeId, description: 'the branch id, which is also its handle' },
  weight: Type.Integer({
    minimum: 0,
    maximum: 100,
    description: 'the share of enrollees, in percent',
  }),
});

export const SplitData = object({
  branches: Type.Array(SplitBranch, { minItems: 2, maxItems: 10 }),
});

export const UpdateContactData = Type.Object(
  {
    set: Type.Optional(
      Type.Unsafe<Record<string, string | number | boolean | null>>({
        type: 'object',
        propertyNames: SettablePath,
        additionalProperties: annotated(
          Type.Unsafe({ type: ['string', 'number', 'boolean', 'null'] }),
          {
            code: 'invalid_value',
            kind: 'set_value',
          },
        ),
        minProperties: 1,
        maxProperties: 100,
        description: 'contact paths to set, with their new values (null clears)',
      }),
    ),
    addTags: Type.Optional(Type.Array(Tag, { maxItems: 50, uniqueItems: true })),
    removeTags: Type.Optional(Type.Array(Tag, { maxItems: 50, uniqueItems: true })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ExitData = object({
  outcome: Type.Optional(
    StringEnum(['completed', 'converted'], 'completed (default) or converted'),
  ),
});

/** The `data` shape of each node type (FORMAT.md section 3). */
export const NODE_DATA = {
  entry: EntryData,
  email: EmailData,
  sms: SmsData,
  kakao: KakaoData,
  task: TaskData,
  delay: DelayData,
  condition: ConditionData,
  wait_for: WaitForData,
  split: SplitData,
  update_contact: UpdateContactData,
  exit: ExitData,
} as const;

export type NodeType = keyof typeof NODE_DATA;
export const NODE_TYPES = Object.keys(NODE_DATA) as NodeType[];

export type NodeData<T extends NodeType> = Static<(typeof NODE_DATA)[T]>;

export const Position = object(
  { x: Type.Number(), y: Type.Number() },
  'where the node sits on the canvas',
);
export type Position = Static<typeof Position>;

export type SequenceNode = {
  [T in NodeType]: { id: string; type: T; position?: Position; data: NodeData<T> };
}[NodeType];

export type NodeOf<T extends NodeType> = Extract<SequenceNode, { type: T }>;

/** A node: its `data` shape follows from its `type`. */
export const NodeSchema = Type.Unsafe<SequenceNode>({
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type', 'data'],
  properties: {
    id: NodeId,
    type: StringEnum(NODE_TYPES, `a node type: ${NODE_TYPES.join(', ')}`),
    position: Type.Optional(Position),
    data: { type: 'object' },
  },
  allOf: NODE_TYPES.map((type) => ({
    if: { required: ['type'], properties: { type: { const: type } } },
    then: { properties: { data: NODE_DATA[type] as TObject } },
  })),
});
