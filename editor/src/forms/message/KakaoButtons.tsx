import { NODE_DATA, type Problem } from '@nudge/schema';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, FieldGroup } from '../Field.tsx';
import { ProblemList } from '../ProblemList.tsx';
import { problemsAt } from '../problems-at.ts';
import { controlProps } from './controls.ts';
import type { KakaoButton } from './step-data.ts';
import '../../ui/button.css';

/** The schema's limits: Kakao's own (5 buttons, names of 28 characters). */
const BUTTONS = NODE_DATA.kakao.properties.buttons;
const MAX_BUTTONS = BUTTONS.maxItems ?? 5;
const MAX_NAME = BUTTONS.items.properties.name.maxLength ?? 28;

/**
 * AlimTalk's buttons: a name and a link each, added and removed up to Kakao's limit. Each
 * edit names its field (buttons/0/name), so typing in one is one undo step.
 */
export function KakaoButtons({
  buttons,
  pointer,
  problems,
  onChange,
}: {
  buttons: KakaoButton[];
  /** The list's pointer, `/nodes/3/data/buttons`. */
  pointer: string;
  problems: Problem[];
  onChange(buttons: KakaoButton[], field: string): void;
}) {
  const { t } = useTranslation();
  const fullId = useId();
  const list = useRef<HTMLDivElement>(null);
  const add = useRef<HTMLButtonElement>(null);
  // Where focus goes once the list has changed: the new button's name, or after a removal
  // the add button (the removed one's own control is gone).
  const focusNext = useRef<'last' | 'add' | null>(null);
  useEffect(() => {
    const next = focusNext.current;
    focusNext.current = null;
    if (next === 'add') add.current?.focus();
    if (next === 'last')
      list.current?.querySelector<HTMLInputElement>('fieldset:last-of-type input')?.focus();
  });

  const change = (index: number, key: keyof KakaoButton, value: string) =>
    onChange(
      buttons.map((b, i) => (i === index ? { ...b, [key]: value } : b)),
      `buttons/${index}/${key}`,
    );
  const full = buttons.length >= MAX_BUTTONS;

  return (
    <FieldGroup legend={t('forms.kakao.buttons')}>
      <ProblemList problems={problemsAt(problems, pointer, true)} />
      <div ref={list}>
        {buttons.map((button, index) => {
          const number = index + 1;
          const at = (key: string) => problemsAt(problems, `${pointer}/${index}/${key}`);
          return (
            <FieldGroup
              // biome-ignore lint/suspicious/noArrayIndexKey: buttons have no id; a button is its place
              key={index}
              legend={t('forms.kakao.button', { number })}
            >
              <Field
                label={t('forms.kakao.buttonName')}
                hint={t('forms.kakao.buttonNameHint', { max: MAX_NAME })}
                problems={at('name')}
              >
                {(control) => (
                  <input
                    {...controlProps(control)}
                    type="text"
                    value={button.name}
                    onChange={(event) => change(index, 'name', event.target.value)}
                  />
                )}
              </Field>
              <Field label={t('forms.kakao.buttonUrl')} problems={at('url')}>
                {(control) => (
                  <input
                    {...controlProps(control)}
                    type="url"
                    spellCheck={false}
                    value={button.url}
                    onChange={(event) => change(index, 'url', event.target.value)}
                  />
                )}
              </Field>
              <div className="field-group__actions">
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    focusNext.current = 'add';
                    onChange(
                      buttons.filter((_, i) => i !== index),
                      'buttons',
                    );
                  }}
                >
                  {t('forms.kakao.removeButton', { number })}
                </button>
              </div>
            </FieldGroup>
          );
        })}
      </div>
      <div className="list-actions">
        <button
          ref={add}
          type="button"
          className="button"
          disabled={full}
          aria-describedby={full ? fullId : undefined}
          onClick={() => {
            focusNext.current = 'last';
            onChange([...buttons, { name: '', url: '' }], 'buttons');
          }}
        >
          {t('forms.kakao.addButton')}
        </button>
        {full ? (
          <span id={fullId}>{t('forms.kakao.buttonsFull', { max: MAX_BUTTONS })}</span>
        ) : (
          buttons.length === 0 && <span>{t('forms.kakao.noButtons')}</span>
        )}
      </div>
    </FieldGroup>
  );
}
