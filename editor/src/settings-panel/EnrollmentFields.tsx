import { useTranslation } from 'react-i18next';
import { Field } from '../forms/Field.tsx';
import { ProblemList } from '../forms/ProblemList.tsx';
import { problemsAt } from '../forms/problems-at.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { leftoverProblems, POINTERS } from './pointers.ts';
import { readSettings } from './read-settings.ts';
import { withGroupValue } from './settings-edit.ts';
import type { SectionProps } from './types.ts';

/** Who may enroll: again after leaving, and in one sequence of an exclusive group at a time. */
export function EnrollmentFields({ settings, problems, write }: SectionProps) {
  const { t } = useTranslation();
  const enrollment = readSettings(settings).enrollment;
  const pointer = (key: string) => `${POINTERS.enrollment}/${key}`;
  return (
    <>
      <ProblemList
        problems={leftoverProblems(
          problems,
          POINTERS.enrollment,
          ['allowReenroll', 'exclusiveGroup'].map(pointer),
        )}
      />
      <CheckboxField
        label={t('settings.enrollment.allowReenroll')}
        hint={t('settings.enrollment.allowReenrollHint')}
        checked={enrollment.allowReenroll}
        problems={problemsAt(problems, pointer('allowReenroll'))}
        onChange={(on) =>
          write(
            withGroupValue(settings, 'enrollment', 'allowReenroll', on),
            'enrollment.allowReenroll',
          )
        }
      />
      <Field
        label={t('settings.enrollment.exclusiveGroup')}
        hint={t('settings.enrollment.exclusiveGroupHint')}
        problems={problemsAt(problems, pointer('exclusiveGroup'))}
      >
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type="text"
            autoComplete="off"
            maxLength={64}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={enrollment.exclusiveGroup}
            onChange={(e) => {
              // No group is null, the default: an emptied field leaves the file.
              const group = e.currentTarget.value === '' ? null : e.currentTarget.value;
              write(
                withGroupValue(settings, 'enrollment', 'exclusiveGroup', group),
                'enrollment.exclusiveGroup',
              );
            }}
          />
        )}
      </Field>
    </>
  );
}
