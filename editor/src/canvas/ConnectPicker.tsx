import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SearchChoice, SearchChoices } from '../palette/SearchChoices.tsx';
import { SearchDialog } from '../palette/SearchDialog.tsx';
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
  const choices = useMemo(
    () =>
      searchTargets(targets, query, (type) => t(`step.types.${type as 'email'}`)).map(
        (target): SearchChoice => ({
          key: target.id,
          type: target.type,
          name: target.id,
          description: t(`step.types.${target.type as 'email'}`),
          hooks: { 'data-step-id': target.id },
        }),
      ),
    [targets, query, t],
  );
  return (
    <SearchDialog
      label={t('build.connect.label')}
      hint={t('build.connect.hint')}
      testId="connect-picker"
      at={at}
      onClose={onClose}
    >
      <SearchChoices
        texts={{
          label: t('build.connect.input'),
          placeholder: t('build.connect.placeholder'),
          results: t('build.connect.results'),
          empty:
            targets.length === 0
              ? t('build.connect.none')
              : t('build.connect.empty', { query: query.trim() }),
        }}
        query={query}
        onQuery={setQuery}
        choices={choices}
        onChoose={onChoose}
      />
    </SearchDialog>
  );
}
