import { useStore } from 'zustand';
import { sequenceName } from '../sequence/file.ts';
import { type DocumentActions, documentActions } from './actions.ts';
import { DiscardChangesDialog } from './DiscardChangesDialog.tsx';
import { DocumentNotice } from './DocumentNotice.tsx';
import { NewSequenceDialog } from './NewSequenceDialog.tsx';
import { OpenFromServerDialog } from './OpenFromServerDialog.tsx';
import { PublishDialog } from './PublishDialog.tsx';
import { SaveConflictDialog } from './SaveConflictDialog.tsx';
import { TokenDialog } from './TokenDialog.tsx';

/**
 * The dialog the document's actions have open (at most one), and their message when no dialog
 * is open; a message about a dialog's own request shows inside it.
 */
export function DocumentDialogs({ actions = documentActions }: { actions?: DocumentActions }) {
  const { dialog, notice, busy } = useStore(actions.ui);
  const file = useStore(actions.sequences, (s) => s.file);
  const fileName = useStore(actions.sequences, (s) => s.fileName);
  const close = () => actions.closeDialog();
  const message = notice && (
    <DocumentNotice
      notice={notice}
      onDismiss={() => actions.notify(null)}
      onChangeToken={() => actions.changeToken()}
    />
  );
  if (!dialog) return message ? <div className="doc-notice-bar">{message}</div> : null;
  switch (dialog.kind) {
    case 'new': {
      const client = actions.client();
      return (
        <NewSequenceDialog
          loadTakenIds={client && (() => client.list().then((list) => list.map((s) => s.id)))}
          replacing={actions.wouldLoseWork()}
          onCreate={(name, id) => actions.create(name, id)}
          onClose={close}
        />
      );
    }
    case 'open': {
      const client = actions.client();
      return (
        <OpenFromServerDialog
          list={() => (client ? client.list() : Promise.resolve([]))}
          onOpen={(id) => void actions.load(id)}
          busy={busy}
          replacing={actions.wouldLoseWork()}
          onClose={close}
        >
          {message}
        </OpenFromServerDialog>
      );
    }
    case 'token':
      return (
        <TokenDialog
          refused={dialog.refused}
          onToken={(token) => void actions.giveToken(token)}
          onClose={close}
        />
      );
    case 'conflict':
      return (
        <SaveConflictDialog
          conflict={dialog.conflict}
          busy={busy}
          onChoose={(choice) => void actions.settle(choice)}
        >
          {message}
        </SaveConflictDialog>
      );
    case 'replace':
      return (
        <DiscardChangesDialog
          name={sequenceName(file) ?? fileName ?? ''}
          risk={dialog.risk}
          what={dialog.what}
          onKeep={close}
          onDiscard={() => actions.discardAndOpen()}
        />
      );
    case 'publish': {
      const client = actions.client();
      if (!client || !file) return null;
      return (
        <PublishDialog
          client={client}
          id={dialog.id}
          revision={dialog.revision}
          draft={file}
          onClose={close}
        />
      );
    }
  }
}
