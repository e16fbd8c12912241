import { useTranslation } from 'react-i18next';
import { ProblemList } from '../forms/ProblemList.tsx';
import { problemsAt } from '../forms/problems-at.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { leftoverProblems, POINTERS } from './pointers.ts';
import { readSettings } from './read-settings.ts';
import { withGroupValue } from './settings-edit.ts';
import type { SectionProps } from './types.ts';

const KINDS = ['opens', 'clicks'] as const;

/** Open and click tracking of the sequence's emails (both on by default). */
export function TrackingFields({ settings, problems, write }: SectionProps) {
  const { t } = useTranslation();
  const tracking = readSettings(settings).tracking;
  const pointer = (key: string) => `${POINTERS.tracking}/${key}`;
  return (
    <>
      <ProblemList problems={leftoverProblems(problems, POINTERS.tracking, KINDS.map(pointer))} />
      {KINDS.map((kind) => (
        <CheckboxField
          key={kind}
          label={t(`settings.tracking.${kind}`)}
          hint={t(`settings.tracking.${kind}Hint`)}
          checked={tracking[kind]}
          problems={problemsAt(problems, pointer(kind))}
          onChange={(on) =>
            write(withGroupValue(settings, 'tracking', kind, on), `tracking.${kind}`)
          }
        />
      ))}
    </>
  );
}
