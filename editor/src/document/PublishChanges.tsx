import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileStep } from '../sequence/file.ts';
import { type PlannedStep, type PublishPlan, stepsToMap, targetsFor } from './publish-plan.ts';
import { stepLabel } from './step-label.ts';

export interface PublishChangesProps {
  plan: PublishPlan;
  /** The draft's steps: where a removed step's enrollees can go. */
  draftSteps: FileStep[];
  /** Move the enrollees in progress to the new version. */
  move: boolean;
  onMove(move: boolean): void;
  /** Removed step id → draft step id ('' : stays on its version). */
  choices: Readonly<Record<string, string>>;
  onChoose(from: string, to: string): void;
  disabled: boolean;
}

/**
 * What publishing changes: the steps added, removed and changed against the published version,
 * how many enrollees wait at each removed or changed step, and for each removed step with
 * enrollees a choice of where they go, or that they stay on their version.
 * Test hooks: data-testid="publish-added" / "publish-removed" / "publish-changed" (lists, each
 * item data-step-id), "publish-waiting" (a step's count), "publish-move" (the checkbox),
 * "publish-map" (each select, data-step-id).
 */
export function PublishChanges(props: PublishChangesProps) {
  const { plan, draftSteps, move, onMove, choices, onChoose, disabled } = props;
  const { t } = useTranslation();
  const moveId = useId();
  const next = plan.version;
  const toMap = stepsToMap(plan);
  return (
    <div className="publish-changes">
      <p>
        {plan.first
          ? t('document.publish.first')
          : plan.same
            ? t('document.publish.same', { version: plan.publishedVersion, next })
            : t('document.publish.against', { version: plan.publishedVersion, next })}
      </p>
      <StepList kind="removed" steps={plan.removed} />
      <StepList kind="changed" steps={plan.changed} />
      <StepList kind="added" steps={plan.added} />
      <ul className="publish-changes__other">
        {plan.movedOnly > 0 && (
          <li>{t('document.publish.movedOnly', { count: plan.movedOnly })}</li>
        )}
        {plan.links > 0 && <li>{t('document.publish.links', { count: plan.links })}</li>}
        {plan.settings && <li>{t('document.publish.settings')}</li>}
        {plan.renamed && <li>{t('document.publish.renamed')}</li>}
      </ul>
      {!plan.first && (
        <p data-testid="publish-in-progress">
          {plan.waitingTotal === 0
            ? t('document.publish.nobodyInProgress')
            : t('document.publish.inProgress', { count: plan.waitingTotal })}
          {plan.capped && ` ${t('document.publish.capped')}`}
        </p>
      )}
      {!plan.first && plan.waitingTotal > 0 && (
        <div className="publish-changes__move">
          <input
            id={moveId}
            type="checkbox"
            checked={move}
            disabled={disabled}
            data-testid="publish-move"
            onChange={(event) => onMove(event.target.checked)}
          />
          <label htmlFor={moveId}>
            {t('document.publish.move', { next })}
            <span className="doc-form__hint">
              {move ? t('document.publish.moveHint') : t('document.publish.stayHint', { next })}
            </span>
          </label>
        </div>
      )}
      {move && toMap.length > 0 && (
        <fieldset className="publish-map" disabled={disabled}>
          <legend>{t('document.publish.mapTitle')}</legend>
          {toMap.map((step) => (
            <MapChoice
              key={step.id}
              step={step}
              draftSteps={draftSteps}
              stayVersion={plan.publishedVersion ?? 1}
              value={choices[step.id] ?? ''}
              onChange={(to) => onChoose(step.id, to)}
            />
          ))}
        </fieldset>
      )}
      {plan.waitingElsewhere > 0 && (
        <p className="doc-form__hint">
          {t('document.publish.elsewhere', { count: plan.waitingElsewhere })}
        </p>
      )}
    </div>
  );
}

function StepList({
  kind,
  steps,
}: {
  kind: 'added' | 'removed' | 'changed';
  steps: PlannedStep[];
}) {
  const { t } = useTranslation();
  const headingId = useId();
  if (steps.length === 0) return null;
  return (
    <section className={`publish-steps publish-steps--${kind}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{t(`document.publish.${kind}`, { count: steps.length })}</h3>
      <ul data-testid={`publish-${kind}`}>
        {steps.map((step) => (
          <li key={step.id} data-step-id={step.id}>
            <span className="publish-steps__label">{stepLabel(step, step.step, t)}</span>
            {step.fields.length > 0 && (
              <span className="publish-steps__fields">
                {t('document.publish.fields', { fields: step.fields.join(', ') })}
              </span>
            )}
            {kind !== 'added' && (
              <span
                className={`publish-steps__waiting${step.waiting > 0 ? ' publish-steps__waiting--some' : ''}`}
                data-testid="publish-waiting"
              >
                {step.waiting > 0
                  ? t('document.publish.waiting', { count: step.waiting })
                  : t('document.publish.nobodyWaiting')}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

interface MapChoiceProps {
  step: PlannedStep;
  draftSteps: FileStep[];
  stayVersion: number;
  value: string;
  onChange(to: string): void;
}

function MapChoice({ step, draftSteps, stayVersion, value, onChange }: MapChoiceProps) {
  const { t } = useTranslation();
  const selectId = useId();
  const targets = targetsFor(step, draftSteps);
  const label = t('document.publish.mapLabel', {
    step: stepLabel(step, step.step, t),
    count: step.waiting,
  });
  if (targets.length === 0)
    return (
      <div className="publish-map__row" data-testid="publish-map-none" data-step-id={step.id}>
        <span className="publish-map__label">{label}</span>
        <span className="doc-form__hint">
          {t('document.publish.noTarget', { version: stayVersion })}
        </span>
      </div>
    );
  return (
    <div className="publish-map__row">
      <label htmlFor={selectId} className="publish-map__label">
        {label}
      </label>
      <select
        id={selectId}
        value={value}
        data-testid="publish-map"
        data-step-id={step.id}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t('document.publish.stay', { version: stayVersion })}</option>
        {targets.map((target) => (
          <option key={target.key} value={target.id}>
            {t('document.publish.moveTo', { step: stepLabel(target, target, t) })}
          </option>
        ))}
      </select>
    </div>
  );
}
