import type { StepForms } from '../types.ts';
import { EmailForm } from './EmailForm.tsx';
import { KakaoForm } from './KakaoForm.tsx';
import { SmsForm } from './SmsForm.tsx';
import { TaskForm } from './TaskForm.tsx';

/**
 * The forms of the message steps, by step type (see ../registry.ts). They bring CodeMirror
 * (the template editor): the panel loads them lazily, and nothing else imports this folder.
 */
export const messageForms: StepForms = {
  email: EmailForm,
  sms: SmsForm,
  kakao: KakaoForm,
  task: TaskForm,
};

export { LiquidEditor, type LiquidEditorProps } from './LiquidEditor.tsx';
export { type MergeCompletions, mergeCompletions } from './merge-variables.ts';
