import { useTranslation } from 'react-i18next';
import { useDocumentLife } from '../document/life.ts';
import { SaveStatus } from '../document/SaveStatus.tsx';
import '../document/document.css';
import { sequenceName } from '../sequence/file.ts';
import { useSequence } from '../sequence/store.ts';

/**
 * The open sequence's name (else its file name), where it comes from (a file, or its id on the
 * server) and whether it is saved. Test hooks: data-testid="sequence-name", "file-name",
 * "server-id", "save-status" (see SaveStatus).
 */
export function SequenceHeading() {
  const { t } = useTranslation();
  const fileName = useSequence((s) => s.fileName);
  const name = useSequence((s) => sequenceName(s.file));
  const serverId = useDocumentLife((l) => l.origin?.id);
  return (
    <div className="heading heading--document">
      <h1 data-testid="sequence-name">{name ?? fileName ?? t('app.untitled')}</h1>
      {serverId !== undefined ? (
        <span className="heading__file" data-testid="server-id">
          {t('document.onServer', { id: serverId })}
        </span>
      ) : (
        fileName &&
        name && (
          <span className="heading__file" data-testid="file-name">
            {t('app.fileLabel', { name: fileName })}
          </span>
        )
      )}
      <SaveStatus />
    </div>
  );
}
