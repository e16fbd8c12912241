import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readSteps, type SequenceFile } from '../sequence/file.ts';
import {
  ApiFailure,
  type PublishPreview,
  type PublishResult as Result,
  type SequencesClient,
} from './api.ts';
import { Dialog } from './Dialog.tsx';
import { failureText } from './failure-text.ts';
import { PublishChanges } from './PublishChanges.tsx';
import { PublishResult } from './PublishResult.tsx';
import { migrateOf, planPublish } from './publish-plan.ts';

export interface PublishDialogProps {
  client: Pick<SequencesClient, 'preview' | 'publish'>;
  /** The sequence's id on the server, and the draft's revision the person saved. */
  id: string;
  revision: number;
  /** The draft as saved: its steps are where removed steps' enrollees can go. */
  draft: SequenceFile;
  onClose(): void;
}

type Step =
  | { state: 'loading' }
  | { state: 'unreadable'; error: unknown }
  | { state: 'ready'; preview: PublishPreview; refusal?: Refusal }
  | { state: 'publishing'; preview: PublishPreview }
  | { state: 'published'; result: Result };

/** Why the publish did not happen: the draft changed since the preview, or the server said no. */
type Refusal = { kind: 'changed' } | { kind: 'refused'; error: unknown };

/**
 * **Publish**: reads what would change (GET …/publish-preview), lets the person decide where
 * waiting enrollees go, publishes exactly the draft they saw (If-Match with its revision) and
 * shows what the API answered. Test hooks: data-testid="publish-dialog" with data-state
 * (loading | unreadable | ready | publishing | published), "publish-problem"; the button is
 * **Publish version N**; see PublishChanges and PublishResult for the rest.
 */
export function PublishDialog({ client, id, revision, draft, onClose }: PublishDialogProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ state: 'loading' });
  const [move, setMove] = useState(true);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const read = useCallback(() => {
    setStep({ state: 'loading' });
    client.preview(id).then(
      (preview) => setStep({ state: 'ready', preview }),
      (error: unknown) => setStep({ state: 'unreadable', error }),
    );
  }, [client, id]);
  useEffect(read, [read]);
  const preview = step.state === 'ready' || step.state === 'publishing' ? step.preview : null;
  const plan = useMemo(() => (preview ? planPublish(preview, draft) : null), [preview, draft]);
  const steps = useMemo(() => readSteps(draft), [draft]);
  // The server's draft is not the one saved here: someone saved since. Publishing it would
  // publish what the person has not seen.
  const stale = preview !== null && preview.draftRevision !== revision;
  const busy = step.state === 'publishing';
  const done = useRef<HTMLButtonElement>(null);
  // The publish button had focus; Done takes its place.
  useEffect(() => {
    if (step.state === 'published') done.current?.focus();
  }, [step.state]);

  const publish = () => {
    if (!preview || !plan) return;
    setStep({ state: 'publishing', preview });
    client.publish(id, preview.draftRevision, migrateOf(plan, move, choices)).then(
      (result) => setStep({ state: 'published', result }),
      (error: unknown) => {
        const changed = error instanceof ApiFailure && error.kind === 'draft_changed';
        setStep({
          state: 'ready',
          preview,
          refusal: changed ? { kind: 'changed' } : { kind: 'refused', error },
        });
      },
    );
  };

  const name = typeof draft.name === 'string' ? draft.name : id;
  return (
    <Dialog
      title={t('document.publish.title', { name })}
      onClose={() => !busy && onClose()}
      testId="publish-dialog"
      wide
    >
      <div className="publish" data-state={step.state}>
        {step.state === 'loading' && <p role="status">{t('document.publish.loading')}</p>}
        {step.state === 'unreadable' && (
          <div role="alert" className="doc-dialog__problem" data-testid="publish-problem">
            <p>{t('document.publish.unreadable', { reason: failureText(step.error, t) })}</p>
            <button type="button" className="button" onClick={read}>
              {t('document.retry')}
            </button>
          </div>
        )}
        {plan && preview && (
          <PublishChanges
            plan={plan}
            draftSteps={steps}
            move={move}
            onMove={setMove}
            choices={choices}
            onChoose={(from, to) => setChoices((c) => ({ ...c, [from]: to }))}
            disabled={busy}
          />
        )}
        {stale && preview && (
          <p role="alert" className="doc-dialog__problem" data-testid="publish-problem">
            {t('document.publish.stale', { theirs: preview.draftRevision, yours: revision })}
          </p>
        )}
        {step.state === 'ready' && step.refusal && (
          <div role="alert" className="doc-dialog__problem" data-testid="publish-problem">
            <p>
              {step.refusal.kind === 'changed'
                ? t('document.publish.changedSince')
                : t('document.publish.refused', { message: failureText(step.refusal.error, t) })}
            </p>
            {step.refusal.kind === 'changed' && (
              <button type="button" className="button" onClick={read}>
                {t('document.publish.readAgain')}
              </button>
            )}
          </div>
        )}
        {step.state === 'published' && <PublishResult result={step.result} />}
        {busy && <p role="status">{t('document.publish.publishing')}</p>}
      </div>
      <div className="doc-dialog__actions">
        {step.state === 'published' ? (
          <button type="button" className="button button--primary" onClick={onClose} ref={done}>
            {t('document.done')}
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button"
              aria-disabled={busy}
              onClick={() => !busy && onClose()}
            >
              {t('document.cancel')}
            </button>
            {/* Waiting for the answer, it stays focusable (aria-disabled): focus is not lost. */}
            <button
              type="button"
              className="button button--primary"
              disabled={!plan || stale || (step.state !== 'ready' && !busy)}
              aria-disabled={busy}
              onClick={() => !busy && publish()}
            >
              {t('document.publish.confirm', { next: plan?.version ?? 1 })}
            </button>
          </>
        )}
      </div>
    </Dialog>
  );
}
