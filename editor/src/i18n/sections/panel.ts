/**
 * The side panel around the settings forms: its titles, and the Sequence settings button.
 * English and Korean side by side; `ko` must have exactly the keys of `en` (typed, and tested
 * in i18n.test.ts). The texts are reached as `t('panel.…')`.
 */
export const en = {
  stepSettings: 'Step settings',
  sequenceSettings: 'Sequence settings',
  sequenceSettingsHint: 'Name, time zone, send window, sender, exit rules and more',
  close: 'Close',
  loading: 'Loading the settings…',
  noForm: 'This step’s type is not one Nudge knows, so it has no settings to show.',
};

export const ko: typeof en = {
  stepSettings: '단계 설정',
  sequenceSettings: '시퀀스 설정',
  sequenceSettingsHint: '이름, 시간대, 발송 시간대, 발신자, 종료 조건 등',
  close: '닫기',
  loading: '설정을 불러오는 중…',
  noForm: '넛지가 알지 못하는 유형의 단계라서 보여 줄 설정이 없습니다.',
};
