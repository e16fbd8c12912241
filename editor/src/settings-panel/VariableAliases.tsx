import { BUILTIN_VARIABLES, escapePointerToken, type Problem } from '@nudge/schema';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../forms/ProblemList.tsx';
import { problemsAt } from '../forms/problems-at.ts';
import {
  type AliasRow,
  aliasesOf,
  newRow,
  type RowState,
  rowStates,
  rowsMatch,
  rowsOf,
} from './aliases.ts';
import { leftoverProblems, POINTERS } from './pointers.ts';
import { withSetting } from './settings-edit.ts';
import type { SectionProps } from './types.ts';

/** What an alias may stand for, offered while typing (any contact.attributes.<key> works too). */
const PATHS = [
  'contact.name',
  'contact.email',
  'contact.phone',
  'contact.company',
  'contact.title',
  'contact.timezone',
  'contact.locale',
  'contact.attributes.',
  'owner.name',
  'owner.email',
  'owner.phone',
  'sender.name',
  'sender.email',
  'sender.replyTo',
  'sequence.name',
];

/**
 * Merge-variable aliases: rows of name → path, added and removed, and the built-in ones for
 * reference. Rows live in the form (a row being named isn't in the file yet, see aliases.ts)
 * and are read again when the file's aliases change from elsewhere, such as undo.
 */
export function VariableAliases({ settings, problems, write }: SectionProps) {
  const { t } = useTranslation();
  const base = useId();
  const raw = (settings as { variables?: unknown } | undefined)?.variables;
  const [rows, setRows] = useState(() => rowsOf(raw));
  const focusNext = useRef<number | 'add' | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    setRows((current) => (rowsMatch(current, raw) ? current : rowsOf(raw)));
  }, [raw]);

  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target === 'add') addButton.current?.focus();
    else if (target !== null) document.getElementById(`${base}-${target}-name`)?.focus();
  });

  function update(next: AliasRow[], field: string) {
    setRows(next);
    if (!rowsMatch(next, raw)) write(withSetting(settings, 'variables', aliasesOf(next)), field);
  }

  const states = rowStates(rows);
  const names = new Set(rows.filter((_, i) => states[i] === 'saved').map((r) => r.name));
  const rowPointer = (name: string) => `${POINTERS.variables}/${escapePointerToken(name)}`;
  const shown = rows.filter((_, i) => states[i] === 'saved').map((r) => rowPointer(r.name));

  return (
    <>
      <p className="field__hint settings-section__hint">
        {t('settings.variables.hint', { example: '{{고객명}}' })}
      </p>
      <ProblemList problems={leftoverProblems(problems, POINTERS.variables, shown)} />
      <h4 className="settings-section__subtitle">{t('settings.variables.list')}</h4>
      {rows.length === 0 && <p className="field__hint">{t('settings.variables.none')}</p>}
      <ul className="aliases">
        {rows.map((row, i) => (
          <AliasRowFields
            key={row.key}
            id={`${base}-${row.key}`}
            pathsId={`${base}-paths`}
            row={row}
            state={states[i] ?? 'saved'}
            problems={states[i] === 'saved' ? problemsAt(problems, rowPointer(row.name), true) : []}
            onChange={(changed, part) =>
              update(
                rows.map((r) => (r.key === row.key ? changed : r)),
                `variables.${row.key}.${part}`,
              )
            }
            onRemove={() => {
              focusNext.current = 'add';
              update(
                rows.filter((r) => r.key !== row.key),
                `variables.${row.key}.remove`,
              );
            }}
          />
        ))}
      </ul>
      <datalist id={`${base}-paths`}>
        {PATHS.map((path) => (
          <option key={path} value={path} />
        ))}
      </datalist>
      <button
        ref={addButton}
        type="button"
        className="button"
        onClick={() => {
          const row = newRow();
          focusNext.current = row.key;
          // An unnamed row is not in the file yet: nothing to write.
          setRows([...rows, row]);
        }}
      >
        {t('settings.variables.add')}
      </button>
      <h4 className="settings-section__subtitle">{t('settings.variables.builtIn')}</h4>
      <p className="field__hint">{t('settings.variables.builtInHint')}</p>
      <dl className="builtins" data-testid="builtin-aliases">
        {Object.entries(BUILTIN_VARIABLES).map(([name, path]) => (
          <div key={name} className="builtins__item">
            <dt>{`{{${name}}}`}</dt>
            <dd>
              {path}
              {names.has(name) && (
                <span className="builtins__replaced"> · {t('settings.variables.replaced')}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

interface AliasRowFieldsProps {
  /** The base of its controls' ids; the name input is `${id}-name`. */
  id: string;
  /** The list of paths offered while typing (a <datalist>). */
  pathsId: string;
  row: AliasRow;
  state: RowState;
  problems: Problem[];
  onChange(row: AliasRow, part: 'name' | 'path'): void;
  onRemove(): void;
}

/** One alias: its name, what it stands for, and why it is not saved when it isn't. */
function AliasRowFields({
  id,
  pathsId,
  row,
  state,
  problems,
  onChange,
  onRemove,
}: AliasRowFieldsProps) {
  const { t } = useTranslation();
  const noteId = `${id}-note`;
  const problemsId = `${id}-problems`;
  const describedBy =
    [state === 'saved' ? undefined : noteId, problems.length > 0 ? problemsId : undefined]
      .filter(Boolean)
      .join(' ') || undefined;
  const invalid = problems.some((p) => p.severity === 'error') || state === 'duplicate';
  return (
    <li className={`alias${invalid ? ' field--invalid' : ''}`}>
      <div className="alias__fields">
        <div className="field alias__field">
          <label className="field__label" htmlFor={`${id}-name`}>
            {t('settings.variables.name')}
          </label>
          <input
            id={`${id}-name`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={row.name}
            onChange={(e) => onChange({ ...row, name: e.currentTarget.value }, 'name')}
          />
        </div>
        <span className="alias__arrow" aria-hidden="true">
          →
        </span>
        <div className="field alias__field">
          <label className="field__label" htmlFor={`${id}-path`}>
            {t('settings.variables.path')}
          </label>
          <input
            id={`${id}-path`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            list={pathsId}
            placeholder={t('settings.variables.pathPlaceholder')}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={row.path}
            onChange={(e) => onChange({ ...row, path: e.currentTarget.value }, 'path')}
          />
        </div>
        <button
          type="button"
          className="button alias__remove"
          aria-label={
            row.name
              ? t('settings.variables.remove', { name: row.name })
              : t('settings.variables.removeUnnamed')
          }
          onClick={onRemove}
        >
          ×
        </button>
      </div>
      {state !== 'saved' && (
        <p
          className={`field__hint${state === 'duplicate' ? ' field__problem--error' : ''}`}
          id={noteId}
        >
          {t(`settings.variables.${state}`)}
        </p>
      )}
      <ProblemList id={problemsId} problems={problems} />
    </li>
  );
}
