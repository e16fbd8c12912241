/** What other packages (the stories) use of the editor. The app itself starts in main.tsx. */
export { App } from './app/App.tsx';
export type { LinkFlowEdge, StepData, StepFlowNode } from './canvas/flow-types.ts';
export { STEP_SIZE } from './canvas/layout.ts';
export { linkEdge, stepNode, toFlow } from './canvas/to-flow.ts';
export { addContact, resetContactChoice } from './contacts/contact-choice.ts';
export * from './document/index.ts';
export { logicForms } from './forms/logic/index.ts';
export { RuleEditor, type RuleEditorProps } from './forms/logic/rule/RuleEditor.tsx';
export {
  LiquidEditor,
  type LiquidEditorProps,
  mergeCompletions,
  messageForms,
} from './forms/message/index.ts';
export type { FormContext, StepForm, StepFormProps } from './forms/types.ts';
export { I18nProvider } from './i18n/I18nProvider.tsx';
export { i18n, setLanguage } from './i18n/i18n.ts';
export { LANGUAGES, type Language } from './i18n/language.ts';
export type { OutboxClient, OutboxEntry, OutboxMessage, OutboxPage } from './outbox/api.ts';
export { TokenRefusedError } from './outbox/api.ts';
export { MessageView } from './outbox/MessageView.tsx';
export { Outbox } from './outbox/Outbox.tsx';
export { OutboxList } from './outbox/OutboxList.tsx';
export { openPreview, openSequenceSettings } from './panel/panel-store.ts';
export { problemsByTarget } from './problems/by-target.ts';
export { ProblemsPanel, type ProblemsPanelProps } from './problems/ProblemsPanel.tsx';
export { readSteps, type SequenceFile } from './sequence/file.ts';
export { createSequenceStore, sequenceStore } from './sequence/store.ts';
export {
  SequenceSettingsForm,
  type SequenceSettingsFormProps,
} from './settings-panel/index.ts';
export { closeSimulate } from './simulate/store.ts';
export { CardTextProvider } from './steps/card-text.tsx';
export { stepNodeTypes } from './steps/node-types.ts';
export { StepNode } from './steps/StepNode.tsx';
export type { LibraryTemplate } from './templates/apply.ts';
export { TemplateDialog, type TemplateDialogProps } from './templates/TemplateDialog.tsx';
export { TemplatePicker } from './templates/TemplatePicker.tsx';
