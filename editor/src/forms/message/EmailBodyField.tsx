import type { Problem } from '@nudge/schema';
import type { JSONContent } from '@tiptap/core';
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../Field.tsx';
import type { InsertTarget } from './insert-target.ts';
import { LiquidEditor } from './LiquidEditor.tsx';
import type { MergeCompletions } from './merge-variables.ts';
import { VariableMenu } from './VariableMenu.tsx';
import type { VariableChoice } from './variable-choices.ts';
import './RichTextBody/rich-text.css';

// TipTap loads when the author first asks for rich text, not with the forms.
const RichTextEditor = lazy(() => import('./RichTextBody/RichTextEditor.tsx'));
const loadCheck = () => import('./RichTextBody/rich-html.ts').then((m) => m.checkRichText);

export interface EmailBodyFieldProps {
  value: string;
  onChange(value: string): void;
  problems: Problem[];
  completions: MergeCompletions;
  variables: readonly VariableChoice[];
}

type Mode = { kind: 'source' } | { kind: 'rich'; doc: JSONContent };

/**
 * An HTML email's body, in two modes that round-trip: HTML source (the Liquid editor) and rich
 * text (TipTap). Rich text is offered for a body it keeps exactly (checkRichText); any other
 * body stays in source, with the reason and the first part rich text would change. Liquid
 * survives rich text as atoms. Test hooks: data-testid="body-refused".
 */
export function EmailBodyField(props: EmailBodyFieldProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>({ kind: 'source' });
  const [refused, setRefused] = useState<string | null>(null);
  const editor = useRef<InsertTarget>(null);

  const toRich = async () => {
    if (mode.kind === 'rich') return;
    const check = (await loadCheck())(props.value);
    if (check.ok) {
      setRefused(null);
      setMode({ kind: 'rich', doc: check.doc });
    } else {
      setRefused(check.near);
    }
  };
  const toSource = () => {
    setRefused(null);
    setMode({ kind: 'source' });
  };

  const hint = `${t('forms.template.hint', { example: '{{ contact.name }}', alias: '{{ 고객명 }}' })} ${t('compose.body.plainText')}`;
  return (
    <Field label={t('forms.email.body')} hint={hint} problems={props.problems}>
      {(control) => (
        <>
          <fieldset className="body-modes" aria-label={t('compose.body.modes')}>
            <button type="button" aria-pressed={mode.kind === 'rich'} onClick={() => void toRich()}>
              {t('compose.body.rich')}
            </button>
            <button type="button" aria-pressed={mode.kind === 'source'} onClick={toSource}>
              {t('compose.body.source')}
            </button>
          </fieldset>
          {refused !== null && (
            <div className="body-refused" role="status" data-testid="body-refused">
              {t('compose.body.refused')} {t('compose.body.refusedNear')}
              <code>{refused}</code>
            </div>
          )}
          {mode.kind === 'rich' ? (
            <Suspense fallback={<p className="panel__loading">{t('compose.body.loading')}</p>}>
              <RichTextEditor
                initial={mode.doc}
                value={props.value}
                onChange={props.onChange}
                id={control.id}
                labelledBy={control.labelId}
                describedBy={control.describedBy}
                invalid={control.invalid}
                variables={props.variables}
                handle={editor}
              />
            </Suspense>
          ) : (
            <>
              <VariableMenu labelId={control.labelId} choices={props.variables} target={editor} />
              <LiquidEditor
                id={control.id}
                labelledBy={control.labelId}
                describedBy={control.describedBy}
                invalid={control.invalid}
                value={props.value}
                onChange={(value) => {
                  setRefused(null);
                  props.onChange(value);
                }}
                language="html"
                completions={props.completions}
                handle={editor}
              />
            </>
          )}
        </>
      )}
    </Field>
  );
}
