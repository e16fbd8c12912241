import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy } from './controls.ts';
import { LMS_MAX_BYTES, SMS_MAX_BYTES, smsSize } from './sms-bytes.ts';

/**
 * Under a text message: its size in bytes and what it goes as (SMS, LMS, or too long, an
 * error), live as it is typed. With merge variables the size is the template's, "about".
 * The text's editor gets the note's ids to describe it, and is invalid when too long.
 */
export function SmsSizeNote({
  text,
  shown,
  children,
}: {
  text: string;
  shown: boolean;
  children: (size: { describedBy: string | undefined; tooLong: boolean }) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  if (!shown) return children({ describedBy: undefined, tooLong: false });
  const size = smsSize(text);
  const limit = size.class === 'sms' ? SMS_MAX_BYTES : LMS_MAX_BYTES;
  const count = t(`forms.sms.${size.templated ? 'sizeAbout' : 'size'}.${size.class}`, {
    bytes: size.bytes.toLocaleString('en-US'),
    limit: limit.toLocaleString('en-US'),
  });
  return (
    <>
      {children({
        describedBy: describedBy(`${id}-count`, `${id}-how`),
        tooLong: size.class === 'too_long',
      })}
      <p
        id={`${id}-count`}
        className={`byte-count byte-count--${size.class}`}
        data-testid="byte-count"
        data-bytes={size.bytes}
        data-class={size.class}
      >
        {count}
      </p>
      <p id={`${id}-how`} className="field__hint">
        {t('forms.sms.sizeHint', { sms: SMS_MAX_BYTES })}
        {size.templated && ` ${t('forms.sms.templatedHint')}`}
      </p>
    </>
  );
}
