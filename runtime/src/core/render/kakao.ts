import type { NodeData } from '@nudge/schema';
import type { KakaoContent } from '../types.ts';
import type { MergeContext } from './context.ts';
import { guarded } from './run-job.ts';
import { type Rendered, renderField } from './template.ts';

/** An AlimTalk step (renderKakaoHere), under the host's render guard if it set one (guard.ts). */
export function renderKakao(
  data: NodeData<'kakao'>,
  context: MergeContext,
): Rendered<KakaoContent> {
  return guarded({ kind: 'kakao', data, context });
}

/** A KakaoTalk AlimTalk step: body, button links and the fallback SMS rendered as text. */
export function renderKakaoHere(
  data: NodeData<'kakao'>,
  context: MergeContext,
): Rendered<KakaoContent> {
  const body = renderField('body', data.body, context);
  const warnings = [...body.warnings];
  const buttons = (data.buttons ?? []).map((button, i) => {
    const url = renderField(`buttons.${i}.url`, button.url, context);
    warnings.push(...url.warnings);
    return { name: button.name, url: url.text.trim() };
  });
  const fallback =
    data.fallbackSms !== undefined ? renderField('fallbackSms', data.fallbackSms, context) : null;
  if (fallback) warnings.push(...fallback.warnings);
  const to = context.contact.phone;
  const value: KakaoContent = {
    ...(to !== undefined ? { to } : {}),
    templateCode: data.templateCode,
    text: body.text,
    buttons,
    ...(fallback ? { fallbackSms: fallback.text } : {}),
  };
  return { value, warnings };
}
