import { Command } from 'cmdk';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StepIcon } from '../steps/StepIcon.tsx';
import { SearchDialog } from './SearchDialog.tsx';
import { searchSteps } from './search.ts';
import { type PaletteType, paletteDescription, paletteName } from './step-types.ts';

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

  // The best match is chosen as the list changes, so Enter takes it.
  useEffect(() => setChosen(types[0] ?? ''), [types]);

  return (
    <SearchDialog
      label={t('build.search.label')}
      hint={t('build.search.hint')}
      testId="step-search"
      at={at}
      onClose={onClose}
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
    </SearchDialog>
  );
}
