import { useTranslation } from 'react-i18next';
import type { PublishResult as Result } from './api.ts';
import { groupReasons, reasonText } from './publish-reasons.ts';

/**
 * What the publish did, as the API answered: the version made, how many enrollees moved to it,
 * and those that stayed on their version with the server's reason for each (grouped: a
 * hundred enrollees at one removed step are one line). Test hook:
 * data-testid="publish-result" with data-version; "publish-moved", "publish-stayed".
 */
export function PublishResult({ result }: { result: Result }) {
  const { t } = useTranslation();
  const { version, moved, stayed = [], stayedTotal = 0 } = result;
  const reasons = groupReasons(stayed);
  const unlisted = stayedTotal - stayed.length;
  return (
    <div className="publish-result" data-testid="publish-result" data-version={version}>
      <p className="publish-result__headline" role="status">
        {t('document.publish.result.published', { version })}
      </p>
      {moved === undefined ? (
        <p>{t('document.publish.result.stayPut', { version })}</p>
      ) : (
        <>
          <p data-testid="publish-moved">
            {moved === 0 && stayedTotal === 0
              ? t('document.publish.result.nobody')
              : t('document.publish.result.moved', { count: moved, version })}
          </p>
          {stayedTotal > 0 && (
            <div data-testid="publish-stayed">
              <p>{t('document.publish.result.stayed', { count: stayedTotal })}</p>
              <ul>
                {reasons.map(([reason, count]) => (
                  <li key={reason}>
                    {t('document.publish.result.reason', { count, reason: reasonText(reason, t) })}
                  </li>
                ))}
                {unlisted > 0 && <li>{t('document.publish.result.more', { count: unlisted })}</li>}
              </ul>
            </div>
          )}
        </>
      )}
    </div>
  );
}
