import { RULE_EVENTS } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import { CONTACT_FIELDS, type ContactField, choiceOf } from './contact-fields.ts';

/**
 * The choice of what a condition tests: a contact field, an attribute (its key typed next to
 * it), or an event. Options are values of the select: a path, ATTRIBUTE, UNLISTED or
 * "event:<name>".
 */
export const ATTRIBUTE = '@attribute';
export const UNLISTED = '@unlisted';
export const eventOption = (event: string) => `event:${event}`;

export type What = { kind: 'field'; path: string } | { kind: 'event'; event: string };

/** The select's value for what a condition tests. */
export function optionOf(what: What, fields: readonly ContactField[] = CONTACT_FIELDS): string {
  if (what.kind === 'event') return eventOption(what.event);
  const choice = choiceOf(what.path, fields);
  return choice.kind === 'field'
    ? choice.field.path
    : choice.kind === 'attribute'
      ? ATTRIBUTE
      : UNLISTED;
}

interface WhatSelectProps {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
  what: What;
  onChange(option: string): void;
  /** The contact fields to offer (update_contact offers those it may set). */
  fields?: readonly ContactField[];
  /** Whether events are offered too (rules), or only contact paths (dates, fields to set). */
  events?: boolean;
}

export function WhatSelect({
  id,
  describedBy,
  invalid,
  what,
  onChange,
  fields = CONTACT_FIELDS,
  events = true,
}: WhatSelectProps) {
  const { t } = useTranslation();
  const value = optionOf(what, fields);
  const fieldOptions = (
    <>
      {fields.map((f) => (
        <option key={f.path} value={f.path}>
          {t(`logic.fields.${f.label}`)}
        </option>
      ))}
      <option value={ATTRIBUTE}>{t('logic.fields.attribute')}</option>
      {value === UNLISTED && what.kind === 'field' && (
        <option value={UNLISTED}>{t('logic.fields.unlisted', { path: what.path })}</option>
      )}
    </>
  );
  return (
    <select
      id={id}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      {events ? (
        <>
          <optgroup label={t('logic.rule.contactFields')}>{fieldOptions}</optgroup>
          <optgroup label={t('logic.rule.eventsGroup')}>
            {RULE_EVENTS.map((event) => (
              <option key={event} value={eventOption(event)}>
                {t(`logic.rule.events.${event}`)}
              </option>
            ))}
            {what.kind === 'event' && !(RULE_EVENTS as readonly string[]).includes(what.event) && (
              <option value={value}>{t('logic.rule.unknownEvent', { event: what.event })}</option>
            )}
          </optgroup>
        </>
      ) : (
        fieldOptions
      )}
    </select>
  );
}
