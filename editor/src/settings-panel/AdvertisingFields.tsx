import { useTranslation } from 'react-i18next';
import { problemsAt } from '../forms/problems-at.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { POINTERS } from './pointers.ts';
import { withSetting } from './settings-edit.ts';
import type { SectionProps } from './types.ts';

/**
 * Whether the sequence advertises (settings.advertising): the validator then checks the
 * (광고) label, unsubscribe and opt-out lines, and sends wait out the night (21:00-08:00).
 * Beside it, the unsubscribe footer every email can get (settings.unsubscribeFooter), which
 * meets the unsubscribe check.
 */
export function AdvertisingFields({ settings, problems, write }: SectionProps) {
  const { t } = useTranslation();
  const raw = settings as { advertising?: unknown; unsubscribeFooter?: unknown } | undefined;
  return (
    <>
      <CheckboxField
        label={t('advertising.label')}
        hint={t('advertising.hint')}
        checked={raw?.advertising === true}
        problems={problemsAt(problems, POINTERS.advertising)}
        onChange={(on) => write(withSetting(settings, 'advertising', on), 'advertising')}
      />
      <CheckboxField
        label={t('advertising.footerLabel')}
        hint={t('advertising.footerHint', { variable: '{{ unsubscribe_url }}' })}
        checked={raw?.unsubscribeFooter === true}
        problems={problemsAt(problems, POINTERS.unsubscribeFooter)}
        onChange={(on) =>
          write(withSetting(settings, 'unsubscribeFooter', on), 'unsubscribeFooter')
        }
      />
    </>
  );
}
