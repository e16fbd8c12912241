/** The sequence settings panel's form (issue 13 §3): what the app and the stories use. */
export { SequenceSettingsForm } from './SequenceSettingsForm.tsx';
export type {
  SequenceFields,
  SequenceFieldsChange,
  SequenceSettingsFormProps,
} from './types.ts';
