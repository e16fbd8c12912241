import type { Sequence } from '@nudge/schema';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { addStepNow, selectedStepIds } from '../canvas/actions.ts';
import { useView, type View } from '../canvas/use-view.ts';
import { sequenceStore, useSequence } from '../sequence/store.ts';
import { StepIcon } from '../steps/StepIcon.tsx';
import { startStepDrag } from './drag.ts';
import { PALETTE_TYPES, type PaletteType, paletteDescription, paletteName } from './step-types.ts';
import { paletteTarget } from './target.ts';
import './palette.css';

/**
 * The **Steps** palette: every step type but the entry, each a button named by its type,
 * with its icon and a line saying what it does. A click (or Enter, or Space) adds the step
 * after the selected one (target.ts), selects it and brings it into view, leaving focus here
 * so the next click adds after it; dragging an item onto the canvas adds it where it is
 * dropped, or into the link it is dropped on.
 *
 * Test hooks: data-testid="palette"; items are buttons named "Email", "SMS"... with data-type.
 */
export function Palette() {
  const { t } = useTranslation();
  const headingId = useId();
  const hintId = useId();
  const editable = useSequence((s) => s.editable);
  const view = useView();
  return (
    <section className="palette" aria-labelledby={headingId} data-testid="palette">
      <h2 id={headingId} className="palette__title">
        {t('build.palette.label')}
      </h2>
      <p id={hintId} className="palette__hint">
        {t('build.palette.hint')}
      </p>
      <ul className="palette__list">
        {PALETTE_TYPES.map((type) => (
          <li key={type}>
            <PaletteItem type={type} editable={editable} hintId={hintId} view={view} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function PaletteItem({
  type,
  editable,
  hintId,
  view,
}: {
  type: PaletteType;
  editable: boolean;
  hintId: string;
  view: View;
}) {
  const { t } = useTranslation();
  const nameId = useId();
  const descriptionId = useId();
  return (
    <button
      type="button"
      className="palette__item step-tint"
      data-type={type}
      aria-labelledby={nameId}
      aria-describedby={`${descriptionId} ${hintId}`}
      disabled={!editable}
      draggable={editable}
      onDragStart={(e) => startStepDrag(e, type)}
      onClick={() => addFromPalette(type, view)}
    >
      <span className="palette__icon">
        <StepIcon type={type} />
      </span>
      <span id={nameId} className="palette__name">
        {paletteName(type, t)}
      </span>
      <span id={descriptionId} className="palette__description">
        {paletteDescription(type, t)}
      </span>
    </button>
  );
}

/** After the selected step, else at the end of the entry's path, else in the middle of the view. */
function addFromPalette(type: PaletteType, view: View): void {
  const file = sequenceStore.getState().file as unknown as Sequence | null;
  if (!file) return;
  const target = paletteTarget(file, selectedStepIds());
  if (target) {
    addStepNow(type, target);
    return;
  }
  const corner = view.cardAt(view.centre().flow);
  addStepNow(type, { at: corner }, { position: corner });
}
