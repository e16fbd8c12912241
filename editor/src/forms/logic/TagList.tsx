import type { Problem } from '@nudge/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, FieldGroup } from '../Field.tsx';
import { ProblemList } from '../ProblemList.tsx';
import { actionName } from './edit-names.ts';

interface TagListProps {
  legend: string;
  tags: unknown[];
  problems: Problem[];
  onChange(tags: string[] | undefined, field: string): void;
  /** The list's pointer, to name its edits. */
  pointer: string;
}

/**
 * Tags as chips, each with its remove button, and a box to add one (Enter or the button).
 * Adding a tag already there does nothing; an empty list is left out of the data.
 */
export function TagList({ legend, tags, problems, onChange, pointer }: TagListProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const shown = tags.map((tag) => (typeof tag === 'string' ? tag : JSON.stringify(tag)));
  const write = (next: unknown[], field: string) =>
    onChange(next.length > 0 ? (next as string[]) : undefined, field);
  const add = () => {
    const tag = draft.trim();
    if (tag === '') return;
    if (!tags.includes(tag)) write([...tags, tag], actionName(pointer, 'add'));
    setDraft('');
  };
  return (
    <FieldGroup legend={legend}>
      {shown.length === 0 ? (
        <p className="field__hint">{t('logic.update.noTags')}</p>
      ) : (
        <ul className="logic-tags">
          {shown.map((tag, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a broken file may repeat a tag
            <li key={i} className="logic-tag" data-testid="tag">
              {tag}
              <button
                type="button"
                aria-label={t('logic.update.removeTag', { tag })}
                onClick={() =>
                  write(
                    tags.filter((_, j) => j !== i),
                    actionName(pointer, 'remove'),
                  )
                }
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="logic-row">
        <Field label={t('logic.update.newTag')}>
          {({ id, describedBy }) => (
            <input
              id={id}
              aria-describedby={describedBy}
              value={draft}
              maxLength={64}
              autoComplete="off"
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
            />
          )}
        </Field>
        <button type="button" className="button logic-row__button" onClick={add}>
          + {t('logic.update.addTag')}
        </button>
      </div>
      <ProblemList problems={problems} />
    </FieldGroup>
  );
}
