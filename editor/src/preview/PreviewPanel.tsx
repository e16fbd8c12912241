import { resolveSettings, type Sequence, type Settings } from '@nudge/schema';
import { useCallback, useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { updateStepData } from '../commands/index.ts';
import { ContactPicker } from '../contacts/ContactPicker.tsx';
import { contactLabel, stepContact, useChosenContact } from '../contacts/contact-choice.ts';
import { openPreview } from '../panel/panel-store.ts';
import { selectedStepKey, stepAt } from '../panel/selected-step.ts';
import { sequenceStore, useSequence } from '../sequence/store.ts';
import { EmailPreview } from './EmailPreview.tsx';
import { EmptyVariables } from './EmptyVariables.tsx';
import { suggestedDefault, withDefault } from './fix-empty.ts';
import {
  type EmptyVariable,
  isPreviewChannel,
  type PreviewChannel,
  previewStep,
} from './render-step.ts';
import { TestSendButton } from './TestSendButton.tsx';
import { KakaoPreview, SmsPreview } from './TextPreview.tsx';
import { timed } from './timed.ts';
import './preview.css';

/**
 * The **Preview** column: the selected message step as the chosen contact receives it, rendered
 * by runtime core, the renderer the worker sends with, again at every edit. It lists the
 * variables that rendered empty with a one-click default, and sends a test. Alt+← and Alt+→
 * step through the contacts. Test hook: data-testid="preview-panel".
 */
export default function PreviewPanel() {
  const { t } = useTranslation();
  const headingId = useId();
  const key = useSequence(selectedStepKey);
  const step = useSequence(useShallow((s) => stepAt(s, key)));
  const file = useSequence((s) => s.file) as Sequence | null;
  const entry = useChosenContact();
  const [announce, setAnnounce] = useState('');
  const channel = step && isPreviewChannel(step.type) ? (step.type as PreviewChannel) : null;
  // A keystroke paints first; the preview follows in a render React may interrupt for the next.
  const shown = useDeferredValue(useMemo(() => ({ file, step, channel }), [file, step, channel]));
  const preview = useMemo(
    () =>
      shown.file && shown.step && shown.channel
        ? timed(() =>
            previewStep(
              shown.file as Sequence,
              { type: shown.channel as PreviewChannel, data: shown.step?.data },
              entry.contact,
            ),
          )
        : null,
    [shown, entry.contact],
  );
  const tracking = useMemo(() => resolveSettings(settingsOf(file)).tracking, [file]);
  const stepId = step?.id;
  const addDefault = useCallback(
    (variable: EmptyVariable, value: string) => {
      if (!stepId || !channel) return;
      sequenceStore.getState().edit((s: Sequence) => {
        const current = s.nodes.find((n) => n.id === stepId);
        return updateStepData(s, stepId, withDefault(channel, current?.data, variable.name, value));
      });
      setAnnounce(t('preview.empty.added', { name: variable.name }));
    },
    [stepId, channel, t],
  );
  const who = contactLabel(entry.contact);
  const base = globalThis.location?.origin ?? '';
  return (
    <section
      className="panel preview"
      aria-labelledby={headingId}
      data-testid="preview-panel"
      onKeyDown={(e) => {
        if (!e.altKey || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
        e.preventDefault();
        stepContact(e.key === 'ArrowLeft' ? -1 : 1);
      }}
    >
      <header className="panel__head panel__head--row">
        <h2 id={headingId} className="panel__title">
          {t('preview.title')}
        </h2>
        <button type="button" className="button button--small" onClick={() => openPreview(false)}>
          {t('preview.close')}
        </button>
      </header>
      <div className="panel__body preview__body">
        <ContactPicker />
        {!preview || !channel ? (
          <p className="panel__empty">{t('preview.notMessage')}</p>
        ) : 'failed' in preview ? (
          <p className="preview__error" role="alert" data-testid="preview-failed">
            {t('preview.failed', { field: preview.failed.field, message: preview.failed.message })}
          </p>
        ) : (
          <>
            {preview.channel === 'email' && (
              <EmailPreview
                email={preview.email}
                replies={preview.replies}
                to={entry.contact.email}
                who={who}
                tracking={tracking}
                base={base}
              />
            )}
            {preview.channel === 'sms' && (
              <SmsPreview
                text={preview.text}
                size={preview.size}
                to={entry.contact.phone}
                who={who}
              />
            )}
            {preview.channel === 'kakao' && (
              <KakaoPreview kakao={preview.kakao} fallbackSize={preview.fallbackSize} who={who} />
            )}
            <EmptyVariables
              empty={preview.empty}
              suggest={(variable) => suggestedDefault(variable.path, koreanAround(step?.data))}
              onAddDefault={addDefault}
            />
            {stepId && <TestSendButton stepId={stepId} channel={channel} contact={entry.contact} />}
          </>
        )}
        <p className="visually-hidden" aria-live="polite">
          {announce}
        </p>
      </div>
    </section>
  );
}

function settingsOf(file: Sequence | null): Settings | undefined {
  const settings: unknown = file?.settings;
  return typeof settings === 'object' && settings !== null && !Array.isArray(settings)
    ? (settings as Settings)
    : undefined;
}

/** Whether the step is written in Korean, so the suggested default is a Korean word. */
function koreanAround(data: unknown): boolean {
  return /[\uAC00-\uD7A3]/.test(JSON.stringify(data ?? ''));
}
