import { FIELD_OPS, LIMITS, RULE_EVENTS } from '@nudge/schema';
import type { TFunction } from 'i18next';
import { isObject } from '../sequence/file.ts';

/**
 * RULEs in a few words, for conditions, waits and triggers: "title contains "CEO" or
 * title contains "Founder"", "opened welcome". Reads rules from possibly invalid files.
 */

const MAX_VALUE = 40;

type FieldOp = (typeof FIELD_OPS)[number];
type RuleEvent = Exclude<(typeof RULE_EVENTS)[number], 'custom'>;

export function summarizeRule(rule: unknown, t: TFunction, depth = 0): string {
  if (!isObject(rule)) return '?';
  // `depth` counts from 0, the format's rule depth from 1: a valid rule is summarized whole.
  if (depth >= LIMITS.ruleDepth) return '…';
  if (Array.isArray(rule.all)) return group(rule.all, t('rule.and'), t, depth);
  if (Array.isArray(rule.any)) return group(rule.any, t('rule.or'), t, depth);
  if ('not' in rule) return t('rule.not', { rule: summarizeRule(rule.not, t, depth + 1) });
  if (typeof rule.field === 'string') {
    const field = fieldLabel(rule.field);
    if (!FIELD_OPS.includes(rule.op as FieldOp)) return `${field} ?`;
    return t(`rule.ops.${rule.op as FieldOp}`, { field, value: valueLabel(rule.value) });
  }
  if (typeof rule.event === 'string') {
    if (rule.event === 'custom') return t('rule.custom', { name: String(rule.name ?? '?') });
    if (!RULE_EVENTS.includes(rule.event as RuleEvent)) return `${rule.event} ?`;
    const event = t(`rule.events.${rule.event as RuleEvent}`);
    return typeof rule.node === 'string'
      ? t('rule.eventAt', { event, node: rule.node })
      : t('rule.event', { event });
  }
  return '?';
}

function group(rules: unknown[], separator: string, t: TFunction, depth: number): string {
  return rules
    .map((r) => {
      const text = summarizeRule(r, t, depth + 1);
      // Nested all/any read ambiguously without brackets.
      return isObject(r) && (Array.isArray(r.all) || Array.isArray(r.any)) ? `(${text})` : text;
    })
    .join(separator);
}

/** A contact path as people say it: "title", "plan", not "contact.attributes.plan". */
export function fieldLabel(path: unknown): string {
  if (typeof path !== 'string') return '?';
  return path.replace(/^contact\.attributes\./, '').replace(/^contact\./, '');
}

export function valueLabel(value: unknown): string {
  if (Array.isArray(value)) return value.map(valueLabel).join(', ');
  const text = typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? '?');
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}
