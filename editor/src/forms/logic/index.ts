import type { StepForms } from '../types.ts';

/** The forms of the logic steps, by step type (see ../registry.ts). */
export const logicForms: StepForms = {};
