import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SearchChoice, SearchChoices } from './SearchChoices.tsx';
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
  const choices = useMemo(
    () =>
      searchSteps(query).map(
        (type): SearchChoice => ({
          key: type,
          type,
          name: paletteName(type, t),
          description: paletteDescription(type, t),
          hooks: { 'data-type': type },
        }),
      ),
    [query, t],
  );
  return (
    <SearchDialog
      label={t('build.search.label')}
      hint={t('build.search.hint')}
      testId="step-search"
      at={at}
      onClose={onClose}
    >
      <SearchChoices
        texts={{
          label: t('build.search.input'),
          placeholder: t('build.search.placeholder'),
          results: t('build.search.results'),
          empty: t('build.search.empty', { query: query.trim() }),
        }}
        query={query}
        onQuery={setQuery}
        choices={choices}
        onChoose={(key) => onChoose(key as PaletteType)}
      />
    </SearchDialog>
  );
}
