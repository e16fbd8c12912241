import type { Contact } from '@nudge/schema';

/**
 * The sample contacts that ship with the editor, for Preview and Simulate before any real
 * contact is at hand: Korean and English, one with every optional field, and ones missing the
 * fields messages most often read (name, company, owner), so that an empty merge variable shows
 * up in the preview rather than in a customer's inbox. Every one passes `checkContact` (tested).
 */
export interface SampleContact {
  /** Stable key, used in tests and in the picker. */
  key: string;
  contact: Contact;
}

export const SAMPLE_CONTACTS: readonly SampleContact[] = [
  {
    key: 'kim-full',
    contact: {
      id: 'sample-kim',
      email: 'minji.kim@example.co.kr',
      phone: '+821012345678',
      name: '김민지',
      company: '한빛소프트',
      title: '마케팅 팀장',
      timezone: 'Asia/Seoul',
      locale: 'ko-KR',
      owner: { name: '박서준', email: 'seojun.park@example.com', phone: '+821098765432' },
      tags: ['vip', 'webinar'],
      attributes: { plan: 'pro', seats: 25, city: '서울' },
    },
  },
  {
    key: 'lee-no-name',
    contact: {
      id: 'sample-lee',
      email: 'lee@example.co.kr',
      phone: '+821055512345',
      company: '대한물산',
      timezone: 'Asia/Seoul',
      locale: 'ko-KR',
    },
  },
  {
    key: 'choi-minimal',
    contact: {
      id: 'sample-choi',
      email: 'choi.yuna@example.kr',
      name: '최유나',
      timezone: 'Asia/Seoul',
    },
  },
  {
    key: 'smith-full',
    contact: {
      id: 'sample-smith',
      email: 'jane.smith@example.com',
      phone: '+14155550123',
      name: 'Jane Smith',
      company: 'Acme Corp',
      title: 'Head of Growth',
      timezone: 'America/Los_Angeles',
      locale: 'en-US',
      owner: { name: 'Alex Kim', email: 'alex.kim@example.com' },
      tags: ['trial'],
      attributes: { plan: 'starter', seats: 5, city: 'San Francisco' },
    },
  },
  {
    key: 'brown-minimal',
    contact: {
      id: 'sample-brown',
      email: 'sam.brown@example.org',
      timezone: 'Europe/London',
    },
  },
];
