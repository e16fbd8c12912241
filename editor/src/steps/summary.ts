import { type NodeType, TASK_KINDS, type TaskKind, TIME_UNITS, type TimeUnit } from '@nudge/schema';
import type { TFunction } from 'i18next';
import { type FileStep, isObject } from '../sequence/file.ts';
import { fieldLabel, summarizeRule, valueLabel } from './rule-summary.ts';

/**
 * What a step does, in a line or three, for its box on the canvas. One summarizer per
 * type; each reads `data` defensively, because invalid files are shown too.
 */

type Data = Record<string, unknown>;
type Summarizer = (data: Data, t: TFunction) => string[];

const EXCERPT = 80;

const isTaskKind = (kind: unknown): kind is TaskKind =>
  (TASK_KINDS as readonly unknown[]).includes(kind);

const SUMMARIES: Record<NodeType, Summarizer> = {
  entry: (data, t) => list(data.triggers).map((trigger) => triggerText(trigger, t)),

  email: (data, t) => [
    text(data.subject) ? excerpt(data.subject) : t('summary.email.threaded'),
    ...(data.mode === 'manual' ? [t('summary.email.manual')] : []),
  ],

  sms: (data) => (text(data.body) ? [excerpt(data.body)] : []),

  kakao: (data, t) =>
    [
      ...(text(data.body) ? [excerpt(data.body)] : []),
      [
        ...(text(data.templateCode)
          ? [t('summary.kakao.template', { code: data.templateCode })]
          : []),
        ...(list(data.buttons).length > 0
          ? [t('summary.kakao.buttons', { count: list(data.buttons).length })]
          : []),
      ].join(' · '),
    ].filter(Boolean),

  task: (data, t) => {
    const kind = t(`summary.task.kinds.${isTaskKind(data.kind) ? data.kind : 'other'}`);
    return [
      t('summary.task.title', { kind, title: text(data.title) ? excerpt(data.title) : '' }),
      ...(data.waitForCompletion === true ? [t('summary.task.waits')] : []),
    ];
  },

  delay: (data, t) => {
    if (!isObject(data.until)) return optional(duration(data, t));
    const field = fieldLabel(data.until.field);
    const offset = Number.isInteger(data.until.offsetDays) ? (data.until.offsetDays as number) : 0;
    const when =
      offset < 0
        ? t('summary.delay.before', { count: -offset, field })
        : offset > 0
          ? t('summary.delay.after', { count: offset, field })
          : t('summary.delay.on', { field });
    return [
      text(data.until.at) ? t('summary.delay.at', { when, time: data.until.at }) : when,
      ...(data.ifPast === 'exit' ? [t('summary.delay.ifPastExit')] : []),
    ];
  },

  condition: (data, t) => ('rule' in data ? [summarizeRule(data.rule, t)] : []),

  wait_for: (data, t) => {
    const timeout = isObject(data.timeout) ? duration(data.timeout, t) : undefined;
    return [
      ...('rule' in data ? [summarizeRule(data.rule, t)] : []),
      ...(timeout ? [t('summary.waitFor.timeout', { duration: timeout })] : []),
    ];
  },

  split: (data, t) => {
    const branches = list(data.branches).filter(isObject);
    if (branches.length === 0) return [];
    return [
      branches
        .map((b) => t('summary.split.branch', { id: String(b.id ?? '?'), weight: b.weight ?? '?' }))
        .join(' · '),
    ];
  },

  update_contact: (data, t) => [
    ...(isObject(data.set)
      ? Object.entries(data.set).map(([field, value]) =>
          t('summary.update.set', { field: fieldLabel(field), value: valueLabel(value) }),
        )
      : []),
    ...(list(data.addTags).length > 0
      ? [t('summary.update.addTags', { tags: list(data.addTags).join(', ') })]
      : []),
    ...(list(data.removeTags).length > 0
      ? [t('summary.update.removeTags', { tags: list(data.removeTags).join(', ') })]
      : []),
  ],

  exit: (data, t) => [
    data.outcome === 'converted' ? t('summary.exit.converted') : t('summary.exit.completed'),
  ],
};

export function summarizeStep(
  step: Pick<FileStep, 'type' | 'rawType' | 'data'>,
  t: TFunction,
): string[] {
  if (step.type === 'unknown') return [t('summary.unknownType', { type: String(step.rawType) })];
  if (!isObject(step.data)) return [t('summary.noData')];
  return SUMMARIES[step.type](step.data, t);
}

/** "3 days", "3일": an amount and a unit, from a delay or a timeout. */
export function duration(value: Data, t: TFunction): string | undefined {
  const { amount, unit } = value;
  if (typeof amount !== 'number' || typeof unit !== 'string') return undefined;
  // A misspelt unit is shown as written: the problems panel explains what is wrong with it.
  if (!Number.isInteger(amount) || !TIME_UNITS.includes(unit as TimeUnit))
    return `${amount} ${unit}`;
  return t(`units.${unit as TimeUnit}`, { count: amount });
}

function triggerText(trigger: unknown, t: TFunction): string {
  if (!isObject(trigger)) return '?';
  const base =
    trigger.kind === 'manual'
      ? t('summary.trigger.manual')
      : trigger.kind === 'event'
        ? t('summary.trigger.event', { name: String(trigger.name ?? '?') })
        : trigger.kind === 'segment'
          ? t('summary.trigger.segment', { segment: String(trigger.segment ?? '?') })
          : String(trigger.kind ?? '?');
  return 'where' in trigger
    ? t('summary.trigger.where', { trigger: base, rule: summarizeRule(trigger.where, t) })
    : base;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const optional = (line: string | undefined): string[] => (line ? [line] : []);

/** The start of a template on one line: messages are read at a glance on the canvas. */
export function excerpt(value: string): string {
  const line = value
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > EXCERPT ? `${line.slice(0, EXCERPT - 1)}…` : line;
}
