import type { DeferralReason, EnrollmentStatus, StepAction } from '../types.ts';

/**
 * The words of a simulated timeline, in English (the CLI's, and the editor's in English) and
 * Korean (the editor's). The simulator speaks English in its notes; the Korean side translates
 * the notes it knows and keeps the rest as they are, rather than guess.
 */
export type TimelineLanguage = 'en' | 'ko';

export interface TimelineWords {
  actions: Record<StepAction, string>;
  weekdays: Record<string, string>;
  statuses: Record<EnrollmentStatus, string>;
  until: (time: string) => string;
  untilDone: string;
  /** Channel names (email, sms, kakao, call...) in this language; missing ones stay as written. */
  channels: Record<string, string>;
  byHand: (channel: string) => string;
  notSent: (why: string) => string;
  deferredFrom: (from: string, reasons: string) => string;
  /** Deferral reasons by code; a code missing here is said in the simulator's words. */
  reasons: Partial<Record<string, (reason: DeferralReason) => string>>;
  reasonSeparator: string;
  /** The simulator's notes this language says in its own words, by the English text. */
  notes: Array<[RegExp, (...parts: string[]) => string]>;
  warning: string;
  stillActive: (until: string) => string;
}

const en: TimelineWords = {
  actions: {
    send: 'send',
    task: 'task',
    branch: 'branch',
    wait: 'wait',
    update: 'update',
    exit: 'exit',
  },
  weekdays: {},
  statuses: {
    active: 'active',
    completed: 'completed',
    converted: 'converted',
    replied: 'replied',
    bounced: 'bounced',
    unsubscribed: 'unsubscribed',
    exited: 'exited',
    stopped: 'stopped',
    failed: 'failed',
  },
  until: (time) => `until ${time}`,
  untilDone: 'until done',
  channels: {},
  byHand: (channel) => `${channel}, by hand:`,
  notSent: (why) => `not sent: ${why}`,
  deferredFrom: (from, reasons) => `(deferred from ${from}: ${reasons})`,
  reasons: {},
  reasonSeparator: '; ',
  notes: [],
  warning: 'warning',
  stillActive: (until) => `active (still enrolled when the simulation stopped, ${until})`,
};

const ko: TimelineWords = {
  actions: {
    send: '발송',
    task: '작업',
    branch: '분기',
    wait: '대기',
    update: '변경',
    exit: '종료',
  },
  weekdays: { Mon: '월', Tue: '화', Wed: '수', Thu: '목', Fri: '금', Sat: '토', Sun: '일' },
  statuses: {
    active: '진행 중',
    completed: '완료',
    converted: '전환',
    replied: '답장',
    bounced: '반송',
    unsubscribed: '수신 거부',
    exited: '종료',
    stopped: '중지',
    failed: '실패',
  },
  until: (time) => `${time}까지`,
  untilDone: '끝날 때까지',
  channels: { email: '이메일', sms: '문자', kakao: '알림톡', call: '전화', todo: '할 일' },
  byHand: (channel) => `${channel}, 직접:`,
  notSent: (why) => `보내지 않음: ${why}`,
  deferredFrom: (from, reasons) => `(${from}에서 미뤄짐: ${reasons})`,
  reasons: {
    outside_window: () => '발송 시간대 밖',
    not_send_time: () => '발송 시각이 아님',
    closed_day: () => '쉬는 날',
    weekend: () => '주말',
    holiday: (reason) => `공휴일: ${reason.holiday ?? '이름 없음'}`,
    night_ads: () => '야간 광고 제한(21:00~08:00)',
  },
  reasonSeparator: ', ',
  notes: [
    [/^skipped: the contact has no email address$/, () => '연락처에 이메일 주소가 없음'],
    [/^skipped: the contact has no phone number$/, () => '연락처에 전화번호가 없음'],
    [/^the contact unsubscribed$/, () => '연락처가 수신을 거부함'],
    [/^a message bounced( \(.+\))?$/, (at = '') => `메시지가 반송됨${at}`],
    [/^the contact replied( \(.+\))?$/, (at = '') => `연락처가 답장함${at}`],
    [/^the goal is met$/, () => '목표 달성'],
    [/^the contact opened an email( \(.+\))?$/, (at = '') => `연락처가 이메일을 열어 봄${at}`],
    [/^the contact clicked a link( \(.+\))?$/, (at = '') => `연락처가 링크를 누름${at}`],
    [/^the task was completed$/, () => '작업 완료'],
    [/^until the rule holds$/, () => '조건이 맞을 때까지'],
    [/^the date had already passed$/, () => '날짜가 이미 지남'],
    [/^stopped by a person$/, () => '사람이 중지함'],
  ],
  warning: '경고',
  stillActive: (until) => `진행 중 (시뮬레이션이 멈춘 ${until}에도 등록되어 있음)`,
};

export const TIMELINE_WORDS: Record<TimelineLanguage, TimelineWords> = { en, ko };
