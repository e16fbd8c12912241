import { describe, expect, it } from 'vitest';
import { holidaysByDay, holidaysOf, isHolidayCountry } from './holidays.ts';

/** "date name" lines, the way the official lists read. */
const listed = (country: string, year: number) =>
  holidaysOf(country, year).map(({ date, name }) => `${date} ${name}`);

// 관공서의 공휴일에 관한 규정 / 공휴일에 관한 법률, as published in the 월력요항 (우주항공청,
// formerly 한국천문연구원) and the 인사혁신처 / 관보 notices of 임시공휴일 and 선거일.
const KR: Record<number, string[]> = {
  2025: [
    '2025-01-01 신정',
    '2025-01-27 임시공휴일',
    '2025-01-28 설날',
    '2025-01-29 설날',
    '2025-01-30 설날',
    '2025-03-01 3·1절',
    '2025-03-03 3·1절 (대체공휴일)',
    '2025-05-05 어린이날, 부처님오신날',
    '2025-05-06 어린이날, 부처님오신날 (대체공휴일)',
    '2025-06-03 제21대 대통령선거일',
    '2025-06-06 현충일',
    '2025-08-15 광복절',
    '2025-10-03 개천절',
    '2025-10-05 추석',
    '2025-10-06 추석',
    '2025-10-07 추석',
    '2025-10-08 추석 (대체공휴일)',
    '2025-10-09 한글날',
    '2025-12-25 기독탄신일',
  ],
  2026: [
    '2026-01-01 신정',
    '2026-02-16 설날',
    '2026-02-17 설날',
    '2026-02-18 설날',
    '2026-03-01 3·1절',
    '2026-03-02 3·1절 (대체공휴일)',
    '2026-05-05 어린이날',
    '2026-05-24 부처님오신날',
    '2026-05-25 부처님오신날 (대체공휴일)',
    '2026-06-03 제9회 전국동시지방선거일',
    '2026-06-06 현충일',
    '2026-07-17 제헌절',
    '2026-08-15 광복절',
    '2026-08-17 광복절 (대체공휴일)',
    // 추석 2026 ends on a Saturday: no 대체공휴일 (only Sundays and other holidays count).
    '2026-09-24 추석',
    '2026-09-25 추석',
    '2026-09-26 추석',
    '2026-10-03 개천절',
    '2026-10-05 개천절 (대체공휴일)',
    '2026-10-09 한글날',
    '2026-12-25 기독탄신일',
  ],
  2027: [
    '2027-01-01 신정',
    '2027-02-06 설날',
    '2027-02-07 설날',
    '2027-02-08 설날',
    '2027-02-09 설날 (대체공휴일)',
    '2027-03-01 3·1절',
    '2027-05-05 어린이날',
    '2027-05-13 부처님오신날',
    '2027-06-06 현충일',
    '2027-07-17 제헌절',
    '2027-07-19 제헌절 (대체공휴일)',
    '2027-08-15 광복절',
    '2027-08-16 광복절 (대체공휴일)',
    '2027-09-14 추석',
    '2027-09-15 추석',
    '2027-09-16 추석',
    '2027-10-03 개천절',
    '2027-10-04 개천절 (대체공휴일)',
    '2027-10-09 한글날',
    '2027-10-11 한글날 (대체공휴일)',
    '2027-12-25 기독탄신일',
    '2027-12-27 기독탄신일 (대체공휴일)',
  ],
};

// OPM "Federal Holidays" (5 U.S.C. 6103): each legal date, plus the observed Friday or Monday
// when it falls on a weekend.
const US: Record<number, string[]> = {
  2025: [
    "2025-01-01 New Year's Day",
    '2025-01-20 Martin Luther King Jr. Day',
    "2025-02-17 Washington's Birthday",
    '2025-05-26 Memorial Day',
    '2025-06-19 Juneteenth',
    '2025-07-04 Independence Day',
    '2025-09-01 Labor Day',
    '2025-10-13 Columbus Day',
    '2025-11-11 Veterans Day',
    '2025-11-27 Thanksgiving Day',
    '2025-12-25 Christmas Day',
  ],
  2026: [
    "2026-01-01 New Year's Day",
    '2026-01-19 Martin Luther King Jr. Day',
    "2026-02-16 Washington's Birthday",
    '2026-05-25 Memorial Day',
    '2026-06-19 Juneteenth',
    '2026-07-03 Independence Day (observed)',
    '2026-07-04 Independence Day',
    '2026-09-07 Labor Day',
    '2026-10-12 Columbus Day',
    '2026-11-11 Veterans Day',
    '2026-11-26 Thanksgiving Day',
    '2026-12-25 Christmas Day',
  ],
  2027: [
    "2027-01-01 New Year's Day",
    '2027-01-18 Martin Luther King Jr. Day',
    "2027-02-15 Washington's Birthday",
    '2027-05-31 Memorial Day',
    '2027-06-18 Juneteenth (observed)',
    '2027-06-19 Juneteenth',
    '2027-07-04 Independence Day',
    '2027-07-05 Independence Day (observed)',
    '2027-09-06 Labor Day',
    '2027-10-11 Columbus Day',
    '2027-11-11 Veterans Day',
    '2027-11-25 Thanksgiving Day',
    '2027-12-24 Christmas Day (observed)',
    '2027-12-25 Christmas Day',
    // New Year's Day 2028 is a Saturday: observed on Friday 2027-12-31.
    "2027-12-31 New Year's Day (observed)",
  ],
};

// 内閣府「国民の祝日について」: 国民の祝日, 振替休日 and 国民の休日; 春分・秋分 as announced
// in the 官報 (2027: 3/21 and 9/23).
const JP: Record<number, string[]> = {
  2025: [
    '2025-01-01 元日',
    '2025-01-13 成人の日',
    '2025-02-11 建国記念の日',
    '2025-02-23 天皇誕生日',
    '2025-02-24 天皇誕生日 (振替休日)',
    '2025-03-20 春分の日',
    '2025-04-29 昭和の日',
    '2025-05-03 憲法記念日',
    '2025-05-04 みどりの日',
    '2025-05-05 こどもの日',
    '2025-05-06 みどりの日 (振替休日)',
    '2025-07-21 海の日',
    '2025-08-11 山の日',
    '2025-09-15 敬老の日',
    '2025-09-23 秋分の日',
    '2025-10-13 スポーツの日',
    '2025-11-03 文化の日',
    '2025-11-23 勤労感謝の日',
    '2025-11-24 勤労感謝の日 (振替休日)',
  ],
  2026: [
    '2026-01-01 元日',
    '2026-01-12 成人の日',
    '2026-02-11 建国記念の日',
    '2026-02-23 天皇誕生日',
    '2026-03-20 春分の日',
    '2026-04-29 昭和の日',
    '2026-05-03 憲法記念日',
    '2026-05-04 みどりの日',
    '2026-05-05 こどもの日',
    '2026-05-06 憲法記念日 (振替休日)',
    '2026-07-20 海の日',
    '2026-08-11 山の日',
    '2026-09-21 敬老の日',
    '2026-09-22 国民の休日',
    '2026-09-23 秋分の日',
    '2026-10-12 スポーツの日',
    '2026-11-03 文化の日',
    '2026-11-23 勤労感謝の日',
  ],
  2027: [
    '2027-01-01 元日',
    '2027-01-11 成人の日',
    '2027-02-11 建国記念の日',
    '2027-02-23 天皇誕生日',
    '2027-03-21 春分の日',
    '2027-03-22 春分の日 (振替休日)',
    '2027-04-29 昭和の日',
    '2027-05-03 憲法記念日',
    '2027-05-04 みどりの日',
    '2027-05-05 こどもの日',
    '2027-07-19 海の日',
    '2027-08-11 山の日',
    '2027-09-20 敬老の日',
    '2027-09-23 秋分の日',
    '2027-10-11 スポーツの日',
    '2027-11-03 文化の日',
    '2027-11-23 勤労感謝の日',
  ],
};

describe.each([
  ['KR', KR],
  ['US', US],
  ['JP', JP],
] as const)('the official public holidays of %s', (country, official) => {
  it.each([2025, 2026, 2027])('%i, date by date and name by name', (year) => {
    expect(listed(country, year)).toEqual(official[year]);
  });
});

describe('holidaysOf', () => {
  it('corrects date-holidays where it is wrong', () => {
    // 설날 starts the day before lunar New Year (date-holidays: 2025-01-29..31).
    expect(listed('KR', 2025).filter((line) => line.endsWith(' 설날'))).toEqual([
      '2025-01-28 설날',
      '2025-01-29 설날',
      '2025-01-30 설날',
    ]);
    // Veterans Day 2028 is a Saturday: date-holidays lacks the observed Friday.
    expect(listed('US', 2028)).toContain('2028-11-10 Veterans Day (observed)');
    expect(listed('KR', 2028)).toContain('2028-04-12 제23대 국회의원선거일');
  });

  it('keeps 제헌절 only from 2026, when it became a 공휴일 again', () => {
    expect(listed('KR', 2025).some((line) => line.includes('제헌절'))).toBe(false);
    expect(listed('KR', 2026)).toContain('2026-07-17 제헌절');
  });

  it('lists other countries as date-holidays has them, in their own language', () => {
    expect(listed('DE', 2026)).toContain('2026-10-03 Tag der Deutschen Einheit');
    expect(listed('DE', 2026).every((line) => line.startsWith('2026-'))).toBe(true);
  });

  it('lists the days of a multi-day holiday that runs into the next year', () => {
    // Eswatini's Incwala: six days from December 28th.
    const incwala = (year: number) => listed('SZ', year).filter((line) => line.includes('Incwala'));
    expect(incwala(2026).filter((line) => line.startsWith('2026-12'))).toHaveLength(4);
    // Two holidays on one date share the entry, in the order they began.
    expect(incwala(2027).slice(0, 2)).toEqual([
      "2027-01-01 Incwala, New Year's Day",
      '2027-01-02 Incwala',
    ]);
  });

  it('is empty for a country without a calendar', () => {
    expect(holidaysOf('XX', 2026)).toEqual([]);
    expect(holidaysByDay('XX', 2026).size).toBe(0);
  });
});

describe('isHolidayCountry', () => {
  it('knows the countries date-holidays knows, by upper-case ISO code', () => {
    expect(isHolidayCountry('KR')).toBe(true);
    expect(isHolidayCountry('US')).toBe(true);
    expect(isHolidayCountry('JP')).toBe(true);
    expect(isHolidayCountry('DE')).toBe(true);
    expect(isHolidayCountry('XX')).toBe(false);
    expect(isHolidayCountry('kr')).toBe(false);
  });
});
