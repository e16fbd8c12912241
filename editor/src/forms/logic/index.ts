import type { StepForms } from '../types.ts';
import { ConditionForm } from './ConditionForm.tsx';
import { DelayForm } from './DelayForm.tsx';
import { EntryForm } from './EntryForm.tsx';
import { ExitForm } from './ExitForm.tsx';
import { SplitForm } from './SplitForm.tsx';
import { UpdateContactForm } from './UpdateContactForm.tsx';
import { WaitForForm } from './WaitForForm.tsx';
import './logic.css';

/** The forms of the logic steps, by step type (see ../registry.ts). */
export const logicForms: StepForms = {
  entry: EntryForm,
  delay: DelayForm,
  condition: ConditionForm,
  wait_for: WaitForForm,
  split: SplitForm,
  update_contact: UpdateContactForm,
  exit: ExitForm,
};
