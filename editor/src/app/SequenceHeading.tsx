import { useTranslation } from 'react-i18next';
import { sequenceName } from '../sequence/file.ts';
import { useSequence } from '../sequence/store.ts';

/** The open sequence's name (else its file name). Test hook: data-testid="sequence-name". */
export function SequenceHeading() {
  const { t } = useTranslation();
  const fileName = useSequence((s) => s.fileName);
  const name = useSequence((s) => sequenceName(s.file));
  return (
    <div className="heading">
      <h1 data-testid="sequence-name">{name ?? fileName ?? t('app.untitled')}</h1>
      {fileName && name && (
        <span className="heading__file" data-testid="file-name">
          {t('app.fileLabel', { name: fileName })}
        </span>
      )}
    </div>
  );
}
