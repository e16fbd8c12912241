/** What the stories use of the document's life; the editor's index.ts passes it on. */

export { documentActions } from './actions.ts';
export {
  ApiFailure,
  type PublishPreview,
  type PublishResult,
  type SequenceSummary,
  type SequencesClient,
} from './api.ts';
export { indexedDbCopies } from './indexeddb-copies.ts';
export { keepWorkingCopy, restoreWorkingCopy } from './keep.ts';
export { createDocumentLife, documentLife } from './life.ts';
export { NewSequenceDialog, type NewSequenceDialogProps } from './NewSequenceDialog.tsx';
export { PublishDialog, type PublishDialogProps } from './PublishDialog.tsx';
export { SaveConflictDialog, type SaveConflictDialogProps } from './SaveConflictDialog.tsx';
export { SaveStatus } from './SaveStatus.tsx';
export { skipWorkingCopyRestore } from './use-working-copy.ts';
