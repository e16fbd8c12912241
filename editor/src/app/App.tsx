import { useTranslation } from 'react-i18next';
import { useSequenceSettingsOpen } from '../panel/panel-store.ts';
import { SequenceSettings } from '../panel/SequenceSettings.tsx';
import { StepSettings } from '../panel/StepSettings.tsx';
import { PreviewColumn, usePreviewShown } from '../preview/PreviewColumn.tsx';
import { SequenceProblems } from '../problems/SequenceProblems.tsx';
import { SimulateDock } from '../simulate/SimulateDock.tsx';
import { openFileReplacing } from '../toolbar/OpenFileButton.tsx';
import { Toolbar } from '../toolbar/Toolbar.tsx';
import { CanvasArea } from './CanvasArea.tsx';
import { SequenceHeading } from './SequenceHeading.tsx';
import { useFileDrop } from './use-file-drop.ts';
import { useHistoryKeys } from './use-history-keys.ts';
import './app.css';

/**
 * The editor page: a bar with the sequence's name and the file actions, the canvas, and
 * the problems panel. A file dropped anywhere opens (asking first when that would lose unsaved
 * changes).
 *
 * End-to-end test hooks (kept stable): data-testid="open-file-input" (file input),
 * "sequence-name" (heading), "problems" (panel), "problem" (each problem, with data-code,
 * data-node-id / data-edge-id), "load-error"; canvas steps are React Flow nodes with data-id
 * and the `selected` class; see ProblemsPanel.tsx and StepNode.tsx for the rest.
 */
export function App() {
  const { t } = useTranslation();
  const dragging = useFileDrop(openFileFromDrop);
  const sequenceSettings = useSequenceSettingsOpen();
  const preview = usePreviewShown();
  useHistoryKeys();
  return (
    <div className="app">
      <header className="app__bar">
        <span className="app__brand">{t('app.name')}</span>
        <SequenceHeading />
        <Toolbar />
      </header>
      <main className={`app__main${preview ? ' app__main--preview' : ''}`}>
        <SimulateDock>
          <section className="app__canvas">
            <CanvasArea />
          </section>
        </SimulateDock>
        <PreviewColumn />
        <aside className="app__side">
          {sequenceSettings ? <SequenceSettings /> : <StepSettings />}
          <div className="app__problems">
            <SequenceProblems />
          </div>
        </aside>
      </main>
      {dragging && (
        <div className="drop" aria-hidden="true">
          <p>{t('drop.hint')}</p>
        </div>
      )}
    </div>
  );
}

// Module-level so the drop listeners are installed once.
function openFileFromDrop(file: File) {
  openFileReplacing(file);
}
