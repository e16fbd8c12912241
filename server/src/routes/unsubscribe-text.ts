/**
 * The words of the public pages a recipient sees (the unsubscribe page and the errors of the
 * tracking links), in English and Korean, and which of the two to show. Korean is polite
 * (합쇼체): the reader is a customer, not a user of the app.
 */

export type Language = 'en' | 'ko';

export interface PageText {
  title: string;
  question: string;
  /** Labels the (masked) address the link unsubscribes. */
  address: string;
  button: string;
  /** Under the button: mail scanners open links, so the page itself changes nothing. */
  buttonNote: string;
  doneTitle: string;
  doneBody: string;
  alreadyTitle: string;
  alreadyBody: string;
  invalidTitle: string;
  invalidBody: string;
  /** A method or body the link doesn't take. */
  unsupportedTitle: string;
  unsupportedBody: string;
  errorTitle: string;
  errorBody: string;
}

export const TEXT: Record<Language, PageText> = {
  en: {
    title: 'Unsubscribe',
    question: 'Do you want to stop receiving these emails?',
    address: 'Address',
    button: 'Unsubscribe',
    buttonNote: 'Nothing changes until you press the button.',
    doneTitle: 'You have been unsubscribed',
    doneBody: 'We will not send you any more of these emails.',
    alreadyTitle: 'You are already unsubscribed',
    alreadyBody: 'We will not send you any more of these emails. There is nothing else to do.',
    invalidTitle: 'This link is not valid',
    invalidBody: 'It may have been cut short, or it is no longer in use. Nothing was changed.',
    unsupportedTitle: 'This request is not supported',
    unsupportedBody: 'Open the link from the email in your browser.',
    errorTitle: 'Something went wrong',
    errorBody: 'Nothing was changed. Please try again in a moment.',
  },
  ko: {
    title: '수신 거부',
    question: '이 메일을 더 이상 받지 않으시겠습니까?',
    address: '주소',
    button: '수신 거부',
    buttonNote: '버튼을 누르셔야 수신 거부가 처리됩니다.',
    doneTitle: '수신 거부가 완료되었습니다',
    doneBody: '앞으로 이 메일을 보내 드리지 않겠습니다.',
    alreadyTitle: '이미 수신 거부된 주소입니다',
    alreadyBody: '앞으로 이 메일을 보내 드리지 않습니다. 따로 하실 일은 없습니다.',
    invalidTitle: '유효하지 않은 링크입니다',
    invalidBody: '링크가 잘렸거나 더 이상 사용되지 않습니다. 아무것도 변경되지 않았습니다.',
    unsupportedTitle: '지원하지 않는 요청입니다',
    unsupportedBody: '메일에 있는 링크를 브라우저에서 열어 주십시오.',
    errorTitle: '일시적인 오류가 발생했습니다',
    errorBody: '아무것도 변경되지 않았습니다. 잠시 후 다시 시도해 주십시오.',
  },
};

/**
 * The page's language: `?lang=` when it names one of ours, then the contact's locale when it is
 * one of ours, then the browser's most preferred of ours (Accept-Language), else English.
 */
export function pickLanguage(
  query: string | undefined,
  locale: string | null | undefined,
  acceptLanguage: string | undefined,
): Language {
  return ours(query) ?? ours(locale) ?? fromAcceptLanguage(acceptLanguage) ?? 'en';
}

/** `ko`, `ko-KR`, `ko_KR`, `EN-us` → the language; anything else → undefined. */
function ours(tag: string | null | undefined): Language | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'ko' || primary === 'en' ? primary : undefined;
}

/** RFC 9110 section 12.5.4: the highest q among ours; ties go to the one listed first. */
function fromAcceptLanguage(header: string | undefined): Language | undefined {
  let best: { language: Language; q: number } | undefined;
  for (const part of (header ?? '').split(',').slice(0, 50)) {
    const [tag, ...params] = part.split(';');
    const language = ours(tag);
    if (!language) continue;
    const qParam = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { language, q };
  }
  return best?.language;
}
