import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PublishResult as Result, Stayed } from './api.ts';

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

/** Each reason once, with how many of the listed enrollees gave it; the most common first. */
export function groupReasons(stayed: Stayed[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const s of stayed) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/**
 * The server's reason, in the UI's language for the reasons a publish gives most (a removed step
 * nobody chose a place for); any other is shown as the server wrote it.
 */
export function reasonText(reason: string, t: TFunction): string {
  const missing = /^node "(.*)" is not in version (\d+); map it in "migrate"$/.exec(reason);
  if (missing)
    return t('document.publish.result.notInVersion', { step: missing[1], version: missing[2] });
  const mapped = /^"(.*)" maps to "(.*)", which is not in version (\d+)$/.exec(reason);
  if (mapped)
    return t('document.publish.result.mappedAway', {
      step: mapped[1],
      target: mapped[2],
      version: mapped[3],
    });
  return reason;
}
