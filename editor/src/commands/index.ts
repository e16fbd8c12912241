/**
 * The builder's editing commands: every edit is a pure function from a sequence document to
 * a new one (or a refusal saying why not). Components and the store never change the
 * document themselves. Commands never throw on a broken document, never change their input,
 * and keep every object they don't change identical, so React redraws only what changed.
 */
export { addStep } from './add-step.ts';
export { CLIPBOARD_FORMAT, type Clipboard, copySteps } from './clipboard.ts';
export { connect } from './connect.ts';
export { defaultData } from './default-data.ts';
export { deleteSteps } from './delete.ts';
export { disconnect } from './disconnect.ts';
export { IdAllocator, newEdgeId, newStepId, stepIdPrefix } from './ids.ts';
export { checkLink, type Link, type Outlet } from './link-rules.ts';
export { moveSteps } from './move.ts';
export { newSequence, sequenceIdFrom, uniqueSequenceId } from './new-sequence.ts';
export { duplicateSteps, PASTE_OFFSET, pasteSteps } from './paste.ts';
export type { Placement } from './placement.ts';
export { readClipboard } from './read-clipboard.ts';
export {
  type Done,
  isRefusal,
  type Outcome,
  type Refusal,
  type RefusalCode,
} from './refusal.ts';
export { updateSequence, updateSettings } from './update-sequence.ts';
export { updateStepData } from './update-step.ts';
