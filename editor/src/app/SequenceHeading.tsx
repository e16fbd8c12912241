import { useTranslation } from 'react-i18next';
import { useDocumentLife } from '../document/life.ts';
import { SaveStatus } from '../document/SaveStatus.tsx';
import '../document/document.css';
import { sequenceName } from '../sequence/file.ts';
import { useSequence } from '../sequence/store.ts';

/**
 * The open sequence's name (else its file name), where it comes from (a file, or its id on the
 * server) and whether it is saved. A name or a file name too long for the bar ends in an
 * ellipsis; the whole of it is the heading's text (its accessible name) and its title (shown on
 * hover). Test hooks: data-testid="sequence-name", "file-name", "server-id", "save-status"
 * (see SaveStatus).
 */
export function SequenceHeading() {
  const { t } = useTranslation();
  const fileName = useSequence((s) => s.fileName);
  const name = useSequence((s) => sequenceName(s.file));
  const serverId = useDocumentLife((l) => l.origin?.id);
  const heading = name ?? fileName;
  const server = serverId === undefined ? undefined : t('document.onServer', { id: serverId });
  const file = fileName && name ? t('app.fileLabel', { name: fileName }) : undefined;
  return (
    <div className="heading heading--document">
      <h1 data-testid="sequence-name" title={heading ?? undefined}>
        {heading ?? t('app.untitled')}
      </h1>
      {server !== undefined ? (
        <span className="heading__file" data-testid="server-id" title={server}>
          {server}
        </span>
      ) : (
        file && (
          <span className="heading__file" data-testid="file-name" title={file}>
            {file}
          </span>
        )
      )}
      <SaveStatus />
    </div>
  );
}
