/**
 * @nudge/runtime/core: the pure interpreter of Nudge sequences. No I/O, no clock, no Node-only
 * imports: the editor runs it in the browser for preview and simulation, and the worker runs it
 * on PostgreSQL. See types.ts for the glossary.
 */
export { advance, newEnrollment } from './advance.ts';
export {
  type CompiledSequence,
  CompileError,
  type CompileOptions,
  compile,
  policyOf,
  zoneOf,
} from './compile.ts';
export { applyUpdate, readPath } from './contact.ts';
export { exitFor, goalMet } from './exits.ts';
export { type Move, type MoveRequest, moveEnrollment } from './move.ts';
export {
  describeDeferral,
  holidaysOf,
  isHolidayCountry,
  type SendPolicy,
  sendPolicy,
} from './policy/index.ts';
export {
  htmlToText,
  type MergeContext,
  RenderError,
  renderEmail,
  renderKakao,
  renderSms,
  renderTask,
  renderTemplate,
  UNSUBSCRIBE_MARKER,
} from './render/index.ts';
export { ruleHolds } from './rules.ts';
export {
  type ScriptedEvent,
  type SimulateOptions,
  type Simulation,
  simulate,
  type TimelineEntry,
} from './simulate.ts';
export { chooseBranch } from './split.ts';
export * from './timeline-text/index.ts';
export * from './types.ts';
