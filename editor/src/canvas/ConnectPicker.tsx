import { Command } from 'cmdk';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchDialog } from '../palette/SearchDialog.tsx';
import { StepIcon } from '../steps/StepIcon.tsx';
import { type LinkTarget, searchTargets } from './link-targets.ts';

export interface ConnectPickerProps {
  /** The steps the link may go to (link-targets.ts). */
  targets: LinkTarget[];
  at: { x: number; y: number };
  onChoose(target: string): void;
  onClose(options: { returnFocus: boolean }): void;
}

/**
 * "Connect to…": the steps a link from the chosen step may go to, searched by id or type, Up and
 * Down to choose, Enter to connect, Escape to close. The keyboard's way to draw a link between
 * two steps already on the canvas; it looks and works as the step search does.
 *
 * Test hooks: data-testid="connect-picker"; each choice is role=option with data-step-id.
 */
export default function ConnectPicker({ targets, at, onChoose, onClose }: ConnectPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const typeName = (type: string) => t(`step.types.${type as 'email'}`);
  // biome-ignore lint/correctness/useExhaustiveDependencies: typeName follows t
  const shown = useMemo(() => searchTargets(targets, query, typeName), [targets, query, t]);
  const [chosen, setChosen] = useState<string>(shown[0]?.id ?? '');

  useEffect(() => setChosen(shown[0]?.id ?? ''), [shown]);

  return (
    <SearchDialog
      label={t('build.connect.label')}
      hint={t('build.connect.hint')}
      testId="connect-picker"
      at={at}
      onClose={onClose}
    >
      <Command
        label={t('build.connect.input')}
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
          placeholder={t('build.connect.placeholder')}
        />
        <Command.List className="step-search__list" aria-label={t('build.connect.results')}>
          <Command.Empty className="step-search__empty">
            {targets.length === 0
              ? t('build.connect.none')
              : t('build.connect.empty', { query: query.trim() })}
          </Command.Empty>
          {shown.map((target) => (
            <Command.Item
              key={target.id}
              value={target.id}
              className="step-search__item"
              data-step-id={target.id}
              onSelect={() => onChoose(target.id)}
            >
              <span className="step-search__icon step-tint" data-type={target.type}>
                <StepIcon type={target.type} />
              </span>
              <span className="step-search__name">{target.id}</span>
              <span className="step-search__description">{typeName(target.type)}</span>
            </Command.Item>
          ))}
        </Command.List>
      </Command>
    </SearchDialog>
  );
}
