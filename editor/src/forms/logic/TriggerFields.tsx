import type { Problem } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import { Field, FieldGroup } from '../Field.tsx';
import { ProblemList } from '../ProblemList.tsx';
import { problemsAt } from '../problems-at.ts';
import type { FormContext } from '../types.ts';
import { isObject, type Loose, pick, text, withKey } from './read.ts';
import { RuleEditor } from './rule/RuleEditor.tsx';
import { newGroup } from './rule/rule-edits.ts';
import { writeRule } from './rule/rule-model.ts';
import { unclaimed } from './unclaimed.ts';

const KINDS = ['manual', 'event', 'segment'] as const;
type Kind = (typeof KINDS)[number];
const isKind = (v: unknown): v is Kind => (KINDS as readonly unknown[]).includes(v);

/** The properties each kind of trigger has, which is what a trigger of that kind keeps. */
const KEYS: Record<Kind, string[]> = {
  manual: ['kind'],
  event: ['kind', 'name', 'where'],
  segment: ['kind', 'segment'],
};

interface TriggerFieldsProps {
  trigger: unknown;
  n: number;
  pointer: string;
  problems: Problem[];
  context: FormContext;
  onChange(trigger: Loose, field: string): void;
  /** Absent for the only trigger: an entry has one at least. */
  onRemove?: () => void;
  removeLabel: string;
}

/** One way in: added by hand, an event (with a rule on it, optional), or joining a segment. */
export function TriggerFields(props: TriggerFieldsProps) {
  const { trigger, n, pointer, problems, context, onChange, onRemove, removeLabel } = props;
  const { t } = useTranslation();
  const raw = isObject(trigger) ? trigger : {};
  const kind = raw.kind;
  const data = isKind(kind) ? pick(raw, KEYS[kind]) : raw;
  const at = (key: string) => `${pointer}/${key}`;
  const set = (key: string, value: unknown) =>
    onChange(withKey(data, key, value), `${pointer}/${key}`);
  const claimed = [
    at('kind'),
    ...(kind === 'event' ? [at('name'), at('where')] : []),
    ...(kind === 'segment' ? [at('segment')] : []),
  ];

  return (
    <FieldGroup legend={t('logic.entry.trigger', { n })}>
      {!isObject(trigger) && <p className="field__hint">{t('logic.entry.notATrigger')}</p>}
      <Field label={t('logic.entry.kind')} problems={problemsAt(problems, at('kind'))}>
        {({ id, describedBy, invalid }) => (
          <select
            id={id}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={isKind(kind) ? kind : ''}
            onChange={(e) => {
              const next = e.target.value as Kind;
              onChange(
                next === 'event'
                  ? { kind: next, name: '' }
                  : next === 'segment'
                    ? { kind: next, segment: '' }
                    : { kind: next },
                `${pointer}/kind`,
              );
            }}
          >
            {!isKind(kind) && (
              <option value="">{t('logic.entry.unknownKind', { kind: String(kind ?? '') })}</option>
            )}
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`logic.entry.kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {kind === 'event' && (
        <>
          <Field
            label={t('logic.entry.eventName')}
            hint={t('logic.entry.eventNameHint')}
            problems={problemsAt(problems, at('name'))}
          >
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                value={text(data.name)}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => set('name', e.target.value)}
              />
            )}
          </Field>
          <label className="rule-not">
            <input
              type="checkbox"
              checked={'where' in data}
              onChange={(e) => set('where', e.target.checked ? writeRule(newGroup()) : undefined)}
            />
            {t('logic.entry.useWhere')}
          </label>
          {'where' in data && (
            <RuleEditor
              label={t('logic.entry.where')}
              value={data.where}
              pointer={at('where')}
              problems={problems}
              context={context}
              onChange={(rule, field) => onChange({ ...data, where: rule }, field)}
            />
          )}
        </>
      )}
      {kind === 'segment' && (
        <Field label={t('logic.entry.segment')} problems={problemsAt(problems, at('segment'))}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={text(data.segment)}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => set('segment', e.target.value)}
            />
          )}
        </Field>
      )}
      <ProblemList problems={unclaimed(problemsAt(problems, pointer), claimed)} />
      {onRemove && (
        <div className="logic-actions">
          <button
            type="button"
            className="button logic-remove"
            aria-label={removeLabel}
            onClick={onRemove}
          >
            {t('logic.remove')}
          </button>
        </div>
      )}
    </FieldGroup>
  );
}
