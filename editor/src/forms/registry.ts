import type { NodeType } from '@nudge/schema';
import { logicForms } from './logic/index.ts';
import { messageForms } from './message/index.ts';
import type { StepForm } from './types.ts';

/** The settings form of each step type: the message steps' and the logic steps'. */
const forms = { ...messageForms, ...logicForms };

export function formOf(type: NodeType): StepForm | undefined {
  return forms[type] as StepForm | undefined;
}
