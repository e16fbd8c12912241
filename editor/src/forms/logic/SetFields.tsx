import { escapePointerToken, type Problem } from '@nudge/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, FieldGroup } from '../Field.tsx';
import { ProblemList } from '../ProblemList.tsx';
import { problemsAt } from '../problems-at.ts';
import { actionName } from './edit-names.ts';
import type { Loose } from './read.ts';
import { attributePath, CONTACT_FIELDS, choiceOf } from './rule/contact-fields.ts';
import { ValueInput } from './rule/ValueInput.tsx';
import { WhatFields } from './rule/WhatFields.tsx';
import { ATTRIBUTE, UNLISTED } from './rule/WhatSelect.tsx';

const SETTABLE = CONTACT_FIELDS.filter((f) => f.settable);

type SetKind = 'text' | 'number' | 'boolean' | 'null';
const SET_KINDS: SetKind[] = ['text', 'number', 'boolean', 'null'];

const kindOf = (value: unknown): SetKind =>
  value === null
    ? 'null'
    : typeof value === 'number'
      ? 'number'
      : typeof value === 'boolean'
        ? 'boolean'
        : 'text';

const convert = (value: unknown, kind: SetKind): unknown => {
  if (kind === 'null') return null;
  if (kind === 'boolean') return value === true || value === 'true';
  if (kind === 'number') {
    const n = typeof value === 'string' ? Number(value) : value;
    return typeof n === 'number' && Number.isFinite(n) && value !== '' ? n : 0;
  }
  return value === null || value === undefined ? '' : String(value);
};

interface SetFieldsProps {
  set: Loose;
  /** The pointer of `set`. */
  pointer: string;
  problems: Problem[];
  onChange(set: Loose | undefined, field: string): void;
}

/**
 * The contact fields an update sets, one row each: the field (or an attribute by name), the
 * type of the new value, the value. Renaming a row to a field another row sets is refused
 * (an object has each key once), with a note.
 */
export function SetFields({ set, pointer, problems, onChange }: SetFieldsProps) {
  const { t } = useTranslation();
  // The row whose renaming was refused, in this list (the panel may show another step here).
  const [refused, setRefused] = useState<{ pointer: string; row: number } | null>(null);
  const taken = refused?.pointer === pointer ? refused.row : null;
  const entries = Object.entries(set);
  const write = (next: Array<[string, unknown]>, field: string) =>
    onChange(next.length > 0 ? Object.fromEntries(next) : undefined, field);
  const rename = (i: number, path: string) => {
    if (entries.some(([p], j) => p === path && j !== i)) {
      setRefused({ pointer, row: i });
      return;
    }
    setRefused(null);
    write(
      entries.map(([p, v], j) => (j === i ? [path, v] : [p, v])),
      `set.${i}.field`,
    );
  };
  const firstFree = () =>
    SETTABLE.find((f) => !(f.path in set))?.path ?? attributePath(`field_${entries.length + 1}`);

  return (
    <FieldGroup legend={t('logic.update.set')}>
      <ol className="logic-list">
        {entries.map(([path, value], i) => {
          const at = `${pointer}/${escapePointerToken(path)}`;
          const kind = kindOf(value);
          const choice = choiceOf(path, SETTABLE);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row's path is what it edits; its place is stable
            <li key={i}>
              <fieldset className="rule-test" aria-label={t('logic.update.setRow', { n: i + 1 })}>
                <div className="rule-test__fields">
                  <WhatFields
                    label={t('logic.update.field')}
                    what={{ kind: 'field', path }}
                    problems={
                      taken === i
                        ? [
                            {
                              severity: 'error',
                              code: 'invalid_value',
                              pointer: at,
                              message: t('logic.update.taken'),
                            },
                          ]
                        : []
                    }
                    fields={SETTABLE}
                    events={false}
                    onPick={(option) => {
                      if (option === ATTRIBUTE)
                        rename(i, attributePath(choice.kind === 'attribute' ? choice.key : ''));
                      else if (option !== UNLISTED) rename(i, option);
                    }}
                    onKey={(key) => rename(i, attributePath(key))}
                  />
                  <Field label={t('logic.update.valueKind')}>
                    {({ id, describedBy }) => (
                      <select
                        id={id}
                        aria-describedby={describedBy}
                        value={kind}
                        onChange={(e) =>
                          write(
                            entries.map(([p, v], j) =>
                              j === i ? [p, convert(v, e.target.value as SetKind)] : [p, v],
                            ),
                            `set.${i}.value`,
                          )
                        }
                      >
                        {SET_KINDS.map((k) => (
                          <option key={k} value={k}>
                            {t(`logic.update.kinds.${k}`)}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  {kind !== 'null' && (
                    <ValueInput
                      pointer={at}
                      problems={[]}
                      value={value}
                      kind={kind === 'text' && typeof value !== 'string' ? 'json' : kind}
                      list={false}
                      label={t('logic.update.value')}
                      onChange={(next) =>
                        write(
                          entries.map(([p, v], j) => (j === i ? [p, next] : [p, v])),
                          `set.${i}.value`,
                        )
                      }
                    />
                  )}
                </div>
                <div className="rule-test__actions">
                  <button
                    type="button"
                    className="button logic-remove"
                    aria-label={t('logic.update.removeField', { n: i + 1 })}
                    onClick={() =>
                      write(
                        entries.filter((_, j) => j !== i),
                        actionName(pointer, 'remove'),
                      )
                    }
                  >
                    {t('logic.remove')}
                  </button>
                </div>
                {/* The validator names the field and its value at one pointer: listed for the row. */}
                <ProblemList problems={problemsAt(problems, at)} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <ProblemList problems={problemsAt(problems, pointer, true)} />
      <div className="logic-actions">
        <button
          type="button"
          className="button"
          onClick={() => write([...entries, [firstFree(), '']], actionName(pointer, 'add'))}
        >
          + {t('logic.update.addField')}
        </button>
      </div>
    </FieldGroup>
  );
}
