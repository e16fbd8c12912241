import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NotAllowedError } from './api.ts';

export interface MessageSourceProps {
  /** Reads the stored message (GET /api/outbox/:id/raw), on first showing. */
  load(): Promise<string>;
}

type Loaded = { source: string } | { notAllowed: true } | { error: string };

/**
 * A message as it was stored, headers and encoded parts, as text. A viewer's token may not read
 * it (it holds the recipient's signed links): that is said as such, not as a failure. Test
 * hooks: data-testid "message-source", "message-source-not-allowed".
 */
export function MessageSource({ load }: MessageSourceProps) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>();
  useEffect(() => {
    let current = true;
    load().then(
      (source) => current && setLoaded({ source }),
      (reason: unknown) => {
        if (!current) return;
        if (reason instanceof NotAllowedError) setLoaded({ notAllowed: true });
        else setLoaded({ error: reason instanceof Error ? reason.message : String(reason) });
      },
    );
    return () => {
      current = false;
    };
  }, [load]);

  if (!loaded)
    return (
      <p className="message__note" role="status">
        {t('outbox.sourceLoading')}
      </p>
    );
  if ('notAllowed' in loaded)
    return (
      <p className="message__note" data-testid="message-source-not-allowed">
        {t('outbox.sourceNotAllowed')}
      </p>
    );
  if ('error' in loaded)
    return (
      <p className="message__note" role="alert">
        {t('outbox.sourceFailed', { reason: loaded.error })}
      </p>
    );
  return (
    <pre className="message__text" data-testid="message-source">
      {loaded.source}
    </pre>
  );
}
