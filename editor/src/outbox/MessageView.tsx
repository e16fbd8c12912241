import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxMessage } from './api.ts';
import { formatSentAt } from './format.ts';
import { MessageSource } from './MessageSource.tsx';
import { mailPreview } from './mail-preview.ts';

export interface MessageViewProps {
  message: OutboxMessage;
  /** Reads the message as stored; absent, there is no Source tab. */
  loadSource?: () => Promise<string>;
}

type Part = 'html' | 'text' | 'source';

/**
 * One captured message: its envelope, then the HTML body (in a sandboxed frame, never in this
 * page: see mail-preview.ts), the text body or the source. Shown to a viewer's token, the
 * signed links are redacted, which a note says. Test hooks: data-testid "outbox-message",
 * "message-subject", "message-html" (the iframe), "message-text", "message-redacted", and
 * MessageSource's.
 */
export function MessageView({ message, loadSource }: MessageViewProps) {
  const { t, i18n } = useTranslation();
  const [part, setPart] = useState<Part>(message.html !== null ? 'html' : 'text');
  const parts: Part[] = loadSource ? ['html', 'text', 'source'] : ['html', 'text'];
  const preview = useMemo(
    () => (message.html === null ? null : mailPreview(message.html)),
    [message.html],
  );
  const fields: Array<[string, string | undefined]> = [
    [t('outbox.from'), message.from],
    [t('outbox.to'), message.to],
    [t('outbox.cc'), message.cc],
    [t('outbox.sentAt'), formatSentAt(message.sentAt, i18n.language)],
    [
      t('outbox.step'),
      message.node && message.sequenceId
        ? t('outbox.stepIn', { node: message.node, sequence: message.sequenceId })
        : message.node,
    ],
  ];
  return (
    <article className="message" data-testid="outbox-message" data-id={message.id}>
      <h3 className="message__subject" data-testid="message-subject">
        {message.subject || t('outbox.noSubject')}
      </h3>
      <dl className="message__fields">
        {fields.map(([label, value]) =>
          value ? (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ) : null,
        )}
      </dl>
      {(message.redactedLinks ?? 0) > 0 && (
        <p className="message__note" data-testid="message-redacted">
          {t('outbox.redacted', { count: message.redactedLinks })}
        </p>
      )}
      {/* biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset */}
      <div className="message__parts" role="group" aria-label={t('outbox.body')}>
        {parts.map((name) => (
          <button
            type="button"
            key={name}
            className="button message__part"
            aria-pressed={part === name}
            data-testid={`message-part-${name}`}
            onClick={() => setPart(name)}
          >
            {t(`outbox.${name}`)}
          </button>
        ))}
      </div>
      {part === 'source' && loadSource ? (
        <MessageSource load={loadSource} />
      ) : part === 'html' ? (
        preview ? (
          <>
            <p className="message__note">
              {preview.blockedImages > 0 &&
                `${t('outbox.blocked', { count: preview.blockedImages })} `}
              {t('outbox.linksInert')}
            </p>
            <iframe
              className="message__html"
              title={t('outbox.htmlFrame')}
              sandbox=""
              srcDoc={preview.srcdoc}
              referrerPolicy="no-referrer"
              data-testid="message-html"
            />
          </>
        ) : (
          <p className="message__note">{t('outbox.noHtml')}</p>
        )
      ) : message.text !== null ? (
        <pre className="message__text" data-testid="message-text">
          {message.text}
        </pre>
      ) : (
        <p className="message__note">{t('outbox.noText')}</p>
      )}
    </article>
  );
}
