import type { ValidateFunction } from 'ajv';

/** The sequence schema's validator, compiled ahead of time by src/emit.ts (ajv standalone code). */
declare const validate: ValidateFunction;
export default validate;
