/**
 * @nudge/runtime/worker: the runtime on PostgreSQL (Node only). Enrollment, the step
 * transaction, events and exits; delivery and tracking; the database (see db/).
 */
export { type ContactRow, contactOf } from './contact-row.ts';
export { EnrollError, type Enrolled, enroll, type Skipped } from './enroll.ts';
export { type NewEvent, type RecordedEvent, recordEvent, UnknownContactError } from './events.ts';
export type { DeliverPayload, StepPayload } from './jobs.ts';
export { releaseProcess, workerProcessName } from './liveness.ts';
export {
  type CompletedTask,
  completeTask,
  type EnrollmentOutcome,
  stopEnrollment,
  UnknownEnrollmentError,
  UnknownTaskError,
} from './manual.ts';
export {
  type MovedEnrollments,
  type MoveOptions,
  moveEnrollments,
  type Stayed,
} from './move-enrollments.ts';
export { holdRenderGuard, type RenderGuardHold } from './render-guard.ts';
export {
  type RunningWorker,
  startWorker,
  WORKER_DEFAULTS,
  type WorkerOptions,
} from './runner.ts';
export { runStep, runSteps } from './step.ts';
export type { StepBatchOptions } from './step-batch.ts';
