import type { StepForms } from '../types.ts';

/** The forms of the message steps, by step type (see ../registry.ts). */
export const messageForms: StepForms = {};
