import { type Static, Type } from '@sinclair/typebox';
import {
  ClockTime,
  CountryCode,
  Days,
  Email,
  TimeZone,
  VariableName,
  VariablePath,
  WindowEnd,
} from './primitives.ts';
import { RuleRef } from './rule.ts';

const object = <P extends Parameters<typeof Type.Object>[0]>(properties: P, description: string) =>
  Type.Object(properties, { additionalProperties: false, description });

export const WindowSchedule = object(
  {
    days: Days,
    start: { ...ClockTime, description: 'the local time the window opens, HH:MM' },
    end: { ...WindowEnd, description: 'the local time the window closes (not included), HH:MM' },
  },
  'a send window: sends go out between start and end, local time, on the given days',
);

export const FixedTimeSchedule = object(
  {
    days: Days,
    at: { ...ClockTime, description: 'the local time sends go out, HH:MM' },
  },
  'a fixed send time on the given days',
);

export type Schedule = Static<typeof WindowSchedule> | Static<typeof FixedTimeSchedule>;

export const ScheduleSchema = Type.Unsafe<Schedule>({
  type: 'object',
  description:
    'when automatic sends may go out: {"days", "start", "end"} (a window) or {"days", "at"} (a fixed time); absent = any time',
  if: { required: ['at'] },
  then: FixedTimeSchedule,
  else: WindowSchedule,
});

export const SettingsSchema = object(
  {
    timezone: Type.Optional({
      ...TimeZone,
      default: 'UTC',
      description: 'the IANA zone used when the contact has none, or useContactTimezone is false',
    }),
    useContactTimezone: Type.Optional(
      Type.Boolean({ default: true, description: "schedule in the contact's own zone" }),
    ),
    schedule: Type.Optional(ScheduleSchema),
    holidays: Type.Optional(
      Type.Array(CountryCode, {
        uniqueItems: true,
        maxItems: 10,
        default: [],
        description:
          'countries whose public holidays are skipped like closed days: automatic sends wait for the next open day (also when there is no schedule), and businessDays skip them',
      }),
    ),
    sender: Type.Optional(
      object(
        {
          name: Type.String({ minLength: 1, maxLength: 100 }),
          email: Email,
          replyTo: Type.Optional(Email),
        },
        'the default identity for email',
      ),
    ),
    exit: Type.Optional(
      object(
        {
          onReply: Type.Optional(Type.Boolean({ default: true })),
          onBounce: Type.Optional(Type.Boolean({ default: true })),
          onOpen: Type.Optional(Type.Boolean({ default: false })),
          onClick: Type.Optional(Type.Boolean({ default: false })),
          goal: Type.Optional({
            ...RuleRef,
            description: 'a RULE that, once true, ends the enrollment as converted',
          }),
        },
        'exit criteria, applied the moment their event is recorded; unsubscribe always exits',
      ),
    ),
    enrollment: Type.Optional(
      object(
        {
          allowReenroll: Type.Optional(
            Type.Boolean({ default: false, description: 'a contact may enter again after ending' }),
          ),
          exclusiveGroup: Type.Optional(
            Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()], {
              default: null,
              description: 'a contact is active in at most one sequence of the same group',
            }),
          ),
        },
        'who may enroll',
      ),
    ),
    advertising: Type.Optional(
      Type.Boolean({
        default: false,
        description:
          'the messages are advertising (광고): the validator checks the (광고) label, unsubscribe and opt-out, and automatic sends wait out 21:00-08:00 local time unless the contact consented to night-time ads',
      }),
    ),
    unsubscribeFooter: Type.Optional(
      Type.Boolean({
        default: false,
        description:
          "every email ends with an unsubscribe line (수신거부 · Unsubscribe) linking to the message's own unsubscribe page",
      }),
    ),
    tracking: Type.Optional(
      object(
        {
          opens: Type.Optional(Type.Boolean({ default: true })),
          clicks: Type.Optional(Type.Boolean({ default: true })),
        },
        'open and click tracking of emails',
      ),
    ),
    variables: Type.Optional(
      Type.Unsafe<Record<string, string>>({
        type: 'object',
        propertyNames: VariableName,
        additionalProperties: VariablePath,
        maxProperties: 100,
        description: 'merge-variable aliases: name -> path, e.g. {"고객명": "contact.name"}',
      }),
    ),
  },
  'how the sequence sends (FORMAT.md section 2)',
);

export type Settings = Static<typeof SettingsSchema>;

/** Built-in merge-variable aliases, on unless `settings.variables` overrides them (FORMAT.md section 5). */
export const BUILTIN_VARIABLES: Readonly<Record<string, string>> = {
  고객명: 'contact.name',
  회사명: 'contact.company',
  직함: 'contact.title',
  담당자명: 'owner.name',
};

/** Settings with every default filled in: what the runtime and the editor actually use. */
export interface ResolvedSettings {
  timezone: string;
  useContactTimezone: boolean;
  schedule: Schedule | null;
  holidays: string[];
  sender: Settings['sender'] | null;
  exit: {
    onReply: boolean;
    onBounce: boolean;
    onOpen: boolean;
    onClick: boolean;
    goal: Static<typeof RuleRef> | null;
  };
  enrollment: { allowReenroll: boolean; exclusiveGroup: string | null };
  tracking: { opens: boolean; clicks: boolean };
  variables: Record<string, string>;
  advertising: boolean;
  unsubscribeFooter: boolean;
}

export function resolveSettings(settings: Settings | undefined): ResolvedSettings {
  const s = settings ?? {};
  return {
    timezone: s.timezone ?? 'UTC',
    useContactTimezone: s.useContactTimezone ?? true,
    schedule: s.schedule ?? null,
    holidays: s.holidays ?? [],
    sender: s.sender ?? null,
    exit: {
      onReply: s.exit?.onReply ?? true,
      onBounce: s.exit?.onBounce ?? true,
      onOpen: s.exit?.onOpen ?? false,
      onClick: s.exit?.onClick ?? false,
      goal: s.exit?.goal ?? null,
    },
    enrollment: {
      allowReenroll: s.enrollment?.allowReenroll ?? false,
      exclusiveGroup: s.enrollment?.exclusiveGroup ?? null,
    },
    tracking: { opens: s.tracking?.opens ?? true, clicks: s.tracking?.clicks ?? true },
    variables: { ...BUILTIN_VARIABLES, ...(s.variables ?? {}) },
    advertising: s.advertising ?? false,
    unsubscribeFooter: s.unsubscribeFooter ?? false,
  };
}
