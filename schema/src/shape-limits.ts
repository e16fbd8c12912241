import { LIMITS } from './format.ts';

/**
 * How much work the schema validator does on a file with many errors: it reports each wrong
 * item of a list (several errors for an item of a discriminated list), so a file of a few
 * hundred kilobytes could make a million errors. Past these, errors are counted, not explained.
 */

/** The validator's errors explained as problems at most: a file lists LIMITS.problems. */
export const EXPLAINED_ERRORS = 4 * LIMITS.problems;

/**
 * The validator stops past this many errors (emit.ts makes its compiled code throw). The room
 * above EXPLAINED_ERRORS is for errors it would have taken back (a failed `if` test), which
 * may be the last ones when it stops: they are never explained.
 */
export const SHAPE_ERRORS_CAP = EXPLAINED_ERRORS + 1000;
