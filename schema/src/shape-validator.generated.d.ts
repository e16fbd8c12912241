import type { ErrorObject, ValidateFunction } from 'ajv';

/** The sequence schema's validator, compiled ahead of time by src/emit.ts (ajv standalone code). */
declare const validate: ValidateFunction;
export default validate;

/** Thrown by `validate` once it holds more errors than it collects (capErrors in src/emit.ts). */
export declare class TooManyShapeErrors extends Error {
  readonly errors: ErrorObject[];
  constructor(errors: ErrorObject[]);
}
