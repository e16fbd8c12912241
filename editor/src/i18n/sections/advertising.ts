/**
 * The Advertising section of the sequence settings (settings.advertising). English and Korean
 * side by side; `ko` must have exactly the keys of `en`. Reached as `t('advertising.…')`.
 */
export const en = {
  section: 'Advertising',
  label: 'These messages are advertising',
  hint: 'Checks that each email subject and text starts with (광고) and says how to unsubscribe or opt out for free, warns of AlimTalk, and holds sends between 21:00 and 08:00 in the contact’s time zone unless the contact agreed to ads at night (attribute nightAdsConsent).',
  footerLabel: 'Add an unsubscribe footer to every email',
  footerHint:
    'Each email ends with “더 이상 받지 않으려면 수신거부 · Unsubscribe”, linking to the contact’s own unsubscribe page. To place the link yourself, put {{variable}} in the body instead.',
};

export const ko: typeof en = {
  section: '광고',
  label: '광고성 메시지입니다',
  hint: '이메일 제목과 문자가 (광고)로 시작하는지, 수신거부·무료 수신거부 방법이 있는지 확인하고 알림톡 사용을 경고합니다. 야간 광고 수신에 동의하지 않은 연락처(속성 nightAdsConsent)에게는 현지 시각 21:00~08:00 사이에 보내지 않습니다.',
  footerLabel: '모든 이메일에 수신거부 안내 넣기',
  footerHint:
    '이메일마다 끝에 “더 이상 받지 않으려면 수신거부 · Unsubscribe” 문구가 붙고, 받는 사람의 수신거부 페이지로 연결됩니다. 링크를 직접 넣으려면 본문에 {{variable}} 변수를 쓰세요.',
};
