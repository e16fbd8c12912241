import { renderEmailHere } from './email.ts';
import { RenderError } from './errors.ts';
import { type RenderJob, RenderStopped, renderGuard } from './guard.ts';
import { renderKakaoHere } from './kakao.ts';
import { renderSmsHere } from './sms.ts';
import { renderTaskHere } from './task.ts';
import { renderTemplateHere, stoppedMessage } from './template.ts';

/** Renders a job here, unguarded: what a guard runs where it can stop it. */
export function runRenderJob(job: RenderJob): unknown {
  switch (job.kind) {
    case 'email':
      return renderEmailHere(job.data, job.context, job.thread);
    case 'sms':
      return renderSmsHere(job.data, job.context);
    case 'kakao':
      return renderKakaoHere(job.data, job.context);
    case 'task':
      return renderTaskHere(job.data, job.context);
    case 'template':
      return renderTemplateHere(job.template, job.context, job.html);
  }
}

/**
 * A render of a step, by the guard when the host set one (guard.ts), else here. One guarded
 * call per step, whatever its number of fields: the guard's cost is per call (a round trip to
 * a thread). A render stopped at the hard limit fails like one that met liquidjs's limit: a
 * RenderError naming the field.
 */
export function guarded<T>(job: RenderJob): T {
  const guard = renderGuard();
  if (!guard) return runRenderJob(job) as T;
  try {
    return guard(job) as T;
  } catch (cause) {
    if (cause instanceof RenderStopped)
      throw new RenderError(cause.field, stoppedMessage(cause.limitMs), { cause });
    throw cause;
  }
}
