/**
 * Rendering of steps: Liquid templates (FORMAT.md section 5) with the validator's engine and
 * limits, parsed once and cached, missing merge variables reported as warnings.
 */
export type { MergeContext } from './context.ts';
export { renderEmail } from './email.ts';
export { RenderError } from './errors.ts';
export { htmlToText } from './html-to-text.ts';
export { renderKakao } from './kakao.ts';
export { renderSms } from './sms.ts';
export { type RenderedTask, renderTask } from './task.ts';
export {
  type Rendered,
  type RenderedTemplate,
  renderTemplate,
  renderTemplateUncached,
  type TemplateOptions,
} from './template.ts';
export { UNSUBSCRIBE_MARKER } from './unsubscribe.ts';
