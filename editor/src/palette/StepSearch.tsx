import { Command } from 'cmdk';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { StepIcon } from '../steps/StepIcon.tsx';
import { usePlacement } from '../ui/use-placement.ts';
import { searchSteps } from './search.ts';
import { type PaletteType, paletteDescription, paletteName } from './step-types.ts';
import './step-search.css';

export interface StepSearchProps {
  /** Where it opens, on the screen (it stays inside the window). */
  at: { x: number; y: number };
  /** A type was chosen: Enter, or a click on it. */
  onChoose(type: PaletteType): void;
  /** Escape, or a click elsewhere (focus then stays where the click put it). */
  onClose(options: { returnFocus: boolean }): void;
}

/**
 * The step search: type to filter step types in English or Korean (search.ts), Up/Down to
 * choose, Enter to insert, Escape to close. A small dialog at the "+" or the step it opened
 * from, with cmdk giving the combobox and its list their keyboard and ARIA roles.
 *
 * Test hooks: data-testid="step-search"; each choice is role=option with data-type.
 */
export default function StepSearch({ at, onChoose, onClose }: StepSearchProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const types = useMemo(() => searchSteps(query), [query]);
  const [chosen, setChosen] = useState<string>(types[0] ?? '');
  const box = useRef<HTMLDivElement>(null);
  const place = usePlacement(box, at);
  const hintId = useId();

  // The best match is chosen as the list changes, so Enter takes it.
  useEffect(() => setChosen(types[0] ?? ''), [types]);

  // A click outside closes it, leaving focus where the click put it.
  useEffect(() => {
    const onPointer = (e: PointerEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) onClose({ returnFocus: false });
    };
    document.addEventListener('pointerdown', onPointer, true);
    return () => document.removeEventListener('pointerdown', onPointer, true);
  }, [onClose]);

  return createPortal(
    <div
      ref={box}
      className="step-search nokey nowheel"
      role="dialog"
      aria-label={t('build.search.label')}
      aria-describedby={hintId}
      data-testid="step-search"
      style={place}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose({ returnFocus: true });
        }
      }}
      onBlur={(e) => {
        // Tab out of it closes it; focus goes where Tab took it.
        if (e.relatedTarget && !e.currentTarget.contains(e.relatedTarget as Node))
          onClose({ returnFocus: false });
      }}
    >
      <Command
        label={t('build.search.input')}
        shouldFilter={false}
        loop
        value={chosen}
        onValueChange={setChosen}
      >
        <Command.Input
          autoFocus
          className="step-search__input"
          value={query}
          onValueChange={setQuery}
          placeholder={t('build.search.placeholder')}
        />
        <Command.List className="step-search__list" aria-label={t('build.search.results')}>
          <Command.Empty className="step-search__empty">
            {t('build.search.empty', { query: query.trim() })}
          </Command.Empty>
          {types.map((type) => (
            <Command.Item
              key={type}
              value={type}
              className="step-search__item"
              data-type={type}
              onSelect={() => onChoose(type)}
            >
              <span className="step-search__icon step-tint" data-type={type}>
                <StepIcon type={type} />
              </span>
              <span className="step-search__name">{paletteName(type, t)}</span>
              <span className="step-search__description">{paletteDescription(type, t)}</span>
            </Command.Item>
          ))}
        </Command.List>
      </Command>
      <p id={hintId} className="step-search__hint">
        {t('build.search.hint')}
      </p>
    </div>,
    document.body,
  );
}
