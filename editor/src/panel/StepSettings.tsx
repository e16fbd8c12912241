import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { focusStep } from '../canvas/actions.ts';
import { useSequence } from '../sequence/store.ts';
import { StepIcon } from '../steps/StepIcon.tsx';
import { openPreview, usePreviewOpen } from './panel-store.ts';
import { selectedStepKey, stepAt } from './selected-step.ts';
import '../steps/step.css';
import './panel.css';

// The forms (and CodeMirror, the rule builder) load when a step is first opened, not with the page.
const StepFormHost = lazy(() => import('./StepFormHost.tsx'));

/**
 * The **Step settings** region: the form of the one selected step, its fields checked live.
 * Escape in it takes focus back to the step on the canvas (unless a field used the key, as
 * CodeMirror does to close its completions): the way back from the form without tabbing
 * through every step drawn after it.
 * Test hooks: data-testid="step-settings" with data-step-id.
 */
export function StepSettings() {
  const { t } = useTranslation();
  const headingId = useId();
  const key = useSequence(selectedStepKey);
  const step = useSequence(useShallow((s) => stepAt(s, key)));
  const previewOpen = usePreviewOpen();
  if (!step) return null;
  const previewable = step.type === 'email' || step.type === 'sms' || step.type === 'kakao';
  const known = t(`step.types.${step.type}`, { defaultValue: '' });
  return (
    <section
      className="panel"
      aria-labelledby={headingId}
      data-testid="step-settings"
      data-step-id={step.id}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.defaultPrevented || key === null) return;
        e.preventDefault();
        focusStep(key);
      }}
    >
      <header className="panel__head">
        <div className="panel__head--row">
          <h2 id={headingId} className="panel__title">
            {t('panel.stepSettings')}
          </h2>
          {previewable && (
            <button
              type="button"
              className="button button--small"
              aria-pressed={previewOpen}
              title={t('preview.showHint')}
              onClick={() => openPreview(!previewOpen)}
            >
              {t('preview.show')}
            </button>
          )}
        </div>
        <p className="panel__subject step-tint" data-type={step.type}>
          <StepIcon type={step.type as never} />
          <span>{known || step.type}</span>
          <code>{step.id}</code>
        </p>
      </header>
      <div className="panel__body">
        <Suspense fallback={<p className="panel__loading">{t('panel.loading')}</p>}>
          <StepFormHost step={step} />
        </Suspense>
      </div>
    </section>
  );
}
