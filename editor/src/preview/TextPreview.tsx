import type { KakaoContent } from '@nudge/runtime/core';
import { useTranslation } from 'react-i18next';
import type { SmsSize } from '../forms/message/sms-bytes.ts';

/** Bytes and class of a text message as it renders: "46 bytes · SMS". */
function SizeLine({ size }: { size: SmsSize }) {
  const { t } = useTranslation();
  return (
    <p
      className={`preview__size preview__size--${size.class}`}
      data-testid="preview-size"
      data-bytes={size.bytes}
      data-class={size.class}
    >
      {t('preview.text.size', {
        bytes: size.bytes.toLocaleString('en-US'),
        kind: t(`preview.text.kinds.${size.class}`),
      })}
    </p>
  );
}

/** A message in a phone's speech bubble, the way a Korean phone shows an SMS. */
function Bubble({ text, label, kakao = false }: { text: string; label: string; kakao?: boolean }) {
  return (
    <figure className={`phone${kakao ? ' phone--kakao' : ''}`} aria-label={label}>
      <p className="phone__bubble" data-testid="preview-bubble">
        {text}
      </p>
    </figure>
  );
}

/** An SMS as the contact receives it, with its size in bytes and whether it goes as SMS or LMS. */
export function SmsPreview({
  text,
  size,
  to,
  who,
}: {
  text: string;
  size: SmsSize;
  to?: string;
  who: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="text-preview" data-testid="sms-preview">
      {to === undefined && <p className="preview__warn">{t('preview.text.noPhone')}</p>}
      <Bubble text={text} label={t('preview.text.bubble', { name: who })} />
      <SizeLine size={size} />
    </div>
  );
}

/**
 * An AlimTalk message: the template's text, its buttons, and the SMS that goes instead when
 * AlimTalk does not reach the contact, with that SMS's size.
 */
export function KakaoPreview({
  kakao,
  fallbackSize,
  who,
}: {
  kakao: KakaoContent;
  fallbackSize: SmsSize | null;
  who: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="text-preview" data-testid="kakao-preview">
      {kakao.to === undefined && <p className="preview__warn">{t('preview.text.noPhone')}</p>}
      <p className="preview__note">{t('preview.text.template', { code: kakao.templateCode })}</p>
      <figure className="phone phone--kakao" aria-label={t('preview.text.bubble', { name: who })}>
        <div className="phone__card">
          <p className="phone__bubble" data-testid="preview-bubble">
            {kakao.text}
          </p>
          {kakao.buttons.length > 0 && (
            <ul className="phone__buttons" aria-label={t('preview.text.buttons')}>
              {kakao.buttons.map((button, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: buttons have no id and keep their order
                <li key={i} className="phone__button" title={button.url}>
                  {button.name}
                  <code>{button.url}</code>
                </li>
              ))}
            </ul>
          )}
        </div>
      </figure>
      {kakao.fallbackSms !== undefined && fallbackSize && (
        <section className="preview__section">
          <h3>{t('preview.text.fallback')}</h3>
          <Bubble text={kakao.fallbackSms} label={t('preview.text.fallback')} />
          <SizeLine size={fallbackSize} />
        </section>
      )}
    </div>
  );
}
