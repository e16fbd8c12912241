/**
 * The Advertising section of the sequence settings (settings.advertising). English and Korean
 * side by side; `ko` must have exactly the keys of `en`. Reached as `t('advertising.…')`.
 */
export const en = {
  section: 'Advertising',
  label: 'These messages are advertising',
  hint: 'Checks that each email subject and text starts with (광고) and says how to unsubscribe or opt out for free, warns of AlimTalk, and holds sends between 21:00 and 08:00 in the contact’s time zone unless the contact agreed to ads at night (attribute nightAdsConsent).',
};

export const ko: typeof en = {
  section: '광고',
  label: '광고성 메시지입니다',
  hint: '이메일 제목과 문자가 (광고)로 시작하는지, 수신거부·무료 수신거부 방법이 있는지 확인하고 알림톡 사용을 경고합니다. 야간 광고 수신에 동의하지 않은 연락처(속성 nightAdsConsent)에게는 현지 시각 21:00~08:00 사이에 보내지 않습니다.',
};
