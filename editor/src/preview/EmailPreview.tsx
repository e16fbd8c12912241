import type { EmailContent } from '@nudge/runtime/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmailFrame, type FrameWidth } from './EmailFrame.tsx';
import { emailLinks, withUnsubscribeLinks } from './links.ts';
import { timed } from './timed.ts';

export interface EmailPreviewProps {
  email: EmailContent;
  /** The email has no subject: it replies in the thread of the last email sent. */
  replies: boolean;
  to: string | undefined;
  who: string;
  tracking: { opens: boolean; clicks: boolean };
  /** The server's address, as the links will carry it. */
  base: string;
}

/**
 * An email as its recipient gets it: the envelope (from, to, subject), the body as a mail
 * client shows it at desktop or mobile width, or its plain-text part, and the links with what
 * the worker does to them. Test hooks: data-testid="email-preview", "preview-subject",
 * "preview-from", "preview-plain", "preview-links".
 */
export function EmailPreview({
  email: rendered,
  replies,
  to,
  who,
  tracking,
  base,
}: EmailPreviewProps) {
  const { t } = useTranslation();
  const email = useMemo(() => timed(() => withUnsubscribeLinks(rendered, base)), [rendered, base]);
  const [width, setWidth] = useState<FrameWidth>('desktop');
  const [view, setView] = useState<'received' | 'plain'>(
    email.html === undefined ? 'plain' : 'received',
  );
  const links = useMemo(
    () =>
      email.html === undefined
        ? []
        : timed(() => emailLinks(email.html as string, tracking.clicks, base)),
    [email.html, tracking.clicks, base],
  );
  const from = email.from
    ? email.from.name
      ? `${email.from.name} <${email.from.email}>`
      : email.from.email
    : t('preview.email.workspaceSender');
  const shown = email.html === undefined ? 'plain' : view;
  return (
    <div className="email-preview" data-testid="email-preview">
      <dl className="email-preview__envelope">
        <dt>{t('preview.email.from')}</dt>
        <dd data-testid="preview-from">{from}</dd>
        <dt>{t('preview.email.to')}</dt>
        <dd>{to ?? <span className="preview__warn">{t('preview.email.noAddress')}</span>}</dd>
        {email.replyTo !== undefined && (
          <>
            <dt>{t('preview.email.replyTo')}</dt>
            <dd>{email.replyTo}</dd>
          </>
        )}
        {email.cc.length > 0 && (
          <>
            <dt>{t('preview.email.cc')}</dt>
            <dd>{email.cc.join(', ')}</dd>
          </>
        )}
        <dt>{t('preview.email.subject')}</dt>
        <dd className="email-preview__subject" data-testid="preview-subject">
          {replies ? t('preview.email.reply') : email.subject}
        </dd>
      </dl>
      <div className="preview__switches">
        {email.html !== undefined && (
          <fieldset className="preview__switch">
            <legend className="visually-hidden">{t('preview.email.views')}</legend>
            {(['received', 'plain'] as const).map((v) => (
              <button
                key={v}
                type="button"
                aria-pressed={view === v}
                className="preview__toggle"
                onClick={() => setView(v)}
              >
                {t(`preview.email.${v}`)}
              </button>
            ))}
          </fieldset>
        )}
        {shown === 'received' && (
          <fieldset className="preview__switch">
            <legend className="visually-hidden">{t('preview.width.label')}</legend>
            {(['desktop', 'mobile'] as const).map((w) => (
              <button
                key={w}
                type="button"
                aria-pressed={width === w}
                className="preview__toggle"
                onClick={() => setWidth(w)}
              >
                {t(`preview.width.${w}`)}
              </button>
            ))}
          </fieldset>
        )}
      </div>
      {shown === 'received' && email.html !== undefined ? (
        <EmailFrame
          html={email.html}
          width={width}
          title={t('preview.email.frame', { name: who })}
        />
      ) : (
        <pre className="email-preview__plain" data-testid="preview-plain">
          {email.text}
        </pre>
      )}
      <section className="preview__section" data-testid="preview-links">
        <h3>{t('preview.email.links')}</h3>
        {links.length === 0 ? (
          <p className="preview__note">{t('preview.email.noLinks')}</p>
        ) : (
          <ul className="preview__links">
            {links.map((link) => (
              <li key={link.url} data-tracked={link.tracked}>
                <code>{link.url}</code>
                {link.text && <span> “{link.text}”</span>}
                <span className="preview__note">
                  {' '}
                  {link.tracked
                    ? t('preview.email.tracked', { base })
                    : t('preview.email.notTracked')}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="preview__note">{t('preview.email.unsubscribe', { base })}</p>
        {tracking.opens && email.html !== undefined && (
          <p className="preview__note">{t('preview.email.openPixel', { base })}</p>
        )}
      </section>
    </div>
  );
}
