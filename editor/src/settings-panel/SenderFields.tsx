import { useTranslation } from 'react-i18next';
import { Field } from '../forms/Field.tsx';
import { ProblemList } from '../forms/ProblemList.tsx';
import { problemsAt } from '../forms/problems-at.ts';
import { leftoverProblems, POINTERS } from './pointers.ts';
import { readSettings } from './read-settings.ts';
import { type SenderField, withSenderField } from './sender.ts';
import { withSetting } from './settings-edit.ts';
import type { SectionProps } from './types.ts';

const FIELDS: readonly SenderField[] = ['name', 'email', 'replyTo'];

/** The default sender of the sequence's emails: name, email and reply-to. */
export function SenderFields({ settings, problems, write }: SectionProps) {
  const { t } = useTranslation();
  const sender = readSettings(settings).sender;
  const raw = (settings as { sender?: unknown } | undefined)?.sender;
  const pointer = (field: SenderField) => `${POINTERS.sender}/${field}`;
  return (
    <>
      <p className="field__hint settings-section__hint">{t('settings.sender.hint')}</p>
      {/* The sender as a whole: a missing email, an unknown property. */}
      <ProblemList problems={leftoverProblems(problems, POINTERS.sender, FIELDS.map(pointer))} />
      {FIELDS.map((field) => (
        <Field
          key={field}
          label={t(`settings.sender.${field}`)}
          hint={field === 'replyTo' ? t('settings.sender.replyToHint') : undefined}
          problems={problemsAt(problems, pointer(field))}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type={field === 'name' ? 'text' : 'email'}
              autoComplete="off"
              maxLength={field === 'name' ? 100 : undefined}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={sender[field]}
              onChange={(e) =>
                write(
                  withSetting(
                    settings,
                    'sender',
                    withSenderField(raw, field, e.currentTarget.value),
                  ),
                  `sender.${field}`,
                )
              }
            />
          )}
        </Field>
      ))}
    </>
  );
}
