import type { TemplateContent, TemplateInput } from '../db/templates.ts';

/**
 * The starter templates that ship with Nudge (issue 14 §1a), in Korean and English: listed by
 * GET /api/templates/starters for any workspace, and copied into its library by POST
 * /api/templates with `{ "starter": "<key>" }`, after which they are the workspace's own to
 * edit. Merge variables read as the validator knows them (고객명, 회사명 are aliases of
 * contact.name and contact.company), each with a default where a missing field would leave a
 * sentence broken.
 */
export interface Starter extends TemplateInput {
  /** Stable across releases: what a client names to copy one. */
  key: string;
  locale: 'ko' | 'en';
}

const email = (subject: string, body: string): TemplateContent => ({
  subject,
  body,
  format: 'html',
});

export const STARTERS: readonly Starter[] = [
  {
    key: 'email-welcome-ko',
    locale: 'ko',
    channel: 'email',
    name: '환영 메일',
    tags: ['환영', '온보딩'],
    content: email(
      '{{ 고객명 | default: "고객" }}님, 반갑습니다',
      '<p>안녕하세요 {{ 고객명 | default: "고객" }}님,</p>\n<p>{{ 회사명 | default: "귀사" }}에 도움이 될 수 있어 기쁩니다. 궁금하신 점은 이 메일에 바로 답장 주세요.</p>\n<p>감사합니다.</p>',
    ),
  },
  {
    key: 'email-follow-up-ko',
    locale: 'ko',
    channel: 'email',
    name: '후속 메일',
    tags: ['후속'],
    content: email(
      '',
      '<p>{{ 고객명 | default: "고객" }}님, 지난 메일 확인하셨을까요?</p>\n<p>편하신 때에 짧게라도 답장 주시면 자세히 안내드리겠습니다.</p>',
    ),
  },
  {
    key: 'email-meeting-ko',
    locale: 'ko',
    channel: 'email',
    name: '미팅 요청',
    tags: ['미팅'],
    content: email(
      '{{ 회사명 | default: "귀사" }}와 20분 미팅을 제안드립니다',
      '<p>{{ 고객명 | default: "고객" }}님, 안녕하세요.</p>\n<p>다음 주 중 20분 정도 통화가 가능하실까요? 편하신 시간을 알려 주시면 맞추겠습니다.</p>',
    ),
  },
  {
    key: 'sms-reminder-ko',
    locale: 'ko',
    channel: 'sms',
    name: '리마인더 문자',
    tags: ['리마인더'],
    content: {
      body: '[넛지] {{ 고객명 | default: "고객" }}님, 내일 약속을 잊지 마세요. 문의는 이 번호로 답장 주세요.',
    },
  },
  {
    key: 'kakao-notice-ko',
    locale: 'ko',
    channel: 'kakao',
    name: '알림톡 안내',
    tags: ['알림톡', '안내'],
    content: {
      templateCode: 'NOTICE_001',
      body: '안녕하세요 {{ 고객명 | default: "고객" }}님, 요청하신 자료가 준비되었습니다.',
      buttons: [{ name: '자료 보기', url: 'https://nudge.example/guide' }],
      fallbackSms: '[넛지] {{ 고객명 | default: "고객" }}님, 요청하신 자료가 준비되었습니다.',
    },
  },
  {
    key: 'email-welcome-en',
    locale: 'en',
    channel: 'email',
    name: 'Welcome email',
    tags: ['welcome', 'onboarding'],
    content: email(
      'Welcome, {{ contact.name | default: "there" }}',
      '<p>Hi {{ contact.name | default: "there" }},</p>\n<p>Thanks for your interest. If you have any question, just reply to this email.</p>\n<p>Best regards</p>',
    ),
  },
  {
    key: 'email-follow-up-en',
    locale: 'en',
    channel: 'email',
    name: 'Follow-up email',
    tags: ['follow-up'],
    content: email(
      '',
      '<p>Hi {{ contact.name | default: "there" }}, did you get a chance to read my last email?</p>\n<p>A short reply is enough, and I will send the details.</p>',
    ),
  },
  {
    key: 'email-meeting-en',
    locale: 'en',
    channel: 'email',
    name: 'Meeting request',
    tags: ['meeting'],
    content: email(
      'A 20-minute call with {{ contact.company | default: "your team" }}?',
      '<p>Hi {{ contact.name | default: "there" }},</p>\n<p>Would you have 20 minutes next week for a call? Tell me a time that suits you.</p>',
    ),
  },
  {
    key: 'sms-reminder-en',
    locale: 'en',
    channel: 'sms',
    name: 'Reminder text',
    tags: ['reminder'],
    content: {
      body: 'Hi {{ contact.name | default: "there" }}, a reminder of our call tomorrow. Reply to this number with any question.',
    },
  },
];
