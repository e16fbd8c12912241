import { Command } from 'cmdk';
import { useEffect, useState } from 'react';
import type { FileStep } from '../sequence/file.ts';
import { StepIcon } from '../steps/StepIcon.tsx';

/** One choice of a search: a step or a step type, with its icon, name and description. */
export interface SearchChoice {
  key: string;
  type: FileStep['type'];
  name: string;
  description: string;
  /** Test hooks of the option (data-type, data-step-id). */
  hooks: Record<`data-${string}`, string>;
}

export interface SearchChoicesProps {
  /** The list's accessible names and texts, in the UI's language. */
  texts: { label: string; placeholder: string; results: string; empty: string };
  query: string;
  onQuery(query: string): void;
  /** The matches of `query`, best first: the first is chosen as the list changes. */
  choices: SearchChoice[];
  onChoose(key: string): void;
}

/**
 * The search box and its list of choices, as the step search and Connect to… show them inside
 * a SearchDialog: cmdk gives the combobox and its options their keyboard and ARIA roles, Up and
 * Down choose, Enter takes the chosen one (the best match until the person moves).
 */
export function SearchChoices({ texts, query, onQuery, choices, onChoose }: SearchChoicesProps) {
  const [chosen, setChosen] = useState<string>(choices[0]?.key ?? '');
  useEffect(() => setChosen(choices[0]?.key ?? ''), [choices]);
  return (
    <Command label={texts.label} shouldFilter={false} loop value={chosen} onValueChange={setChosen}>
      <Command.Input
        autoFocus
        className="step-search__input"
        value={query}
        onValueChange={onQuery}
        placeholder={texts.placeholder}
      />
      <Command.List className="step-search__list" aria-label={texts.results}>
        <Command.Empty className="step-search__empty">{texts.empty}</Command.Empty>
        {choices.map((choice) => (
          <Command.Item
            key={choice.key}
            value={choice.key}
            className="step-search__item"
            {...choice.hooks}
            onSelect={() => onChoose(choice.key)}
          >
            <span className="step-search__icon step-tint" data-type={choice.type}>
              <StepIcon type={choice.type} />
            </span>
            <span className="step-search__name">{choice.name}</span>
            <span className="step-search__description">{choice.description}</span>
          </Command.Item>
        ))}
      </Command.List>
    </Command>
  );
}
