/**
 * Corrections to date-holidays (3.37) for the calendars our users rely on most: KR, US, JP.
 * Each was found by comparing its output for 2025-2027 with the official lists, which
 * `holidays.test.ts` spells out day by day; the sources are cited beside each correction.
 *
 * Checked and left as date-holidays has them:
 * - KR 추석 (lunar 8/14-8/16), 부처님오신날 (lunar 4/8) and every 대체공휴일 of 2025-2027
 *   (3·1절 2025-03-03 and 2026-03-02, 어린이날·부처님오신날 2025-05-06, 부처님오신날
 *   2026-05-25, 추석 2025-10-08, 광복절 2026-08-17 and 2027-08-16, 개천절 2026-10-05 and
 *   2027-10-04, 한글날 2027-10-11, 기독탄신일 2027-12-27, 설날 2027-02-09).
 * - KR 제헌절 (7/17) from 2026, with its 대체공휴일 (2027-07-19): the National Assembly passed
 *   the amendment of 공휴일에 관한 법률 that makes every 국경일 a 공휴일 again on 2026-01-29
 *   (198 of 203 votes); the Cabinet approved its promulgation on 2026-02-03 and it takes effect
 *   three months after promulgation, before 2026-07-17 (인사혁신처 press release, 2026-02-03).
 *   As a 국경일 it takes a 대체공휴일 when it falls on a Saturday or Sunday, like 광복절.
 * - US: the eleven federal holidays of 5 U.S.C. 6103(a), each on its legal date and, when that
 *   is a Saturday or Sunday, also on the Friday before or Monday after that federal offices
 *   observe (5 U.S.C. 6103(b), Executive Order 11582; OPM "Federal Holidays" lists). date-holidays
 *   names 1st Monday of September "Labor Day" in its US English (en-us), which we ask for.
 *   Inauguration Day is a holiday for the Washington, D.C. area only: not included.
 * - JP: 国民の祝日 with 振替休日 and 国民の休日 (内閣府「国民の祝日について」), including the
 *   equinox days announced in the 官報 (春分の日 2027-03-21 and its 振替休日 2027-03-22).
 */
import { dayOfDate, formatDay, parseDay, weekdayOfDay } from './civil.ts';

/** One day of a public holiday: its local date and its name in the country's language. */
export interface HolidayDay {
  date: string;
  name: string;
}

/** A day as date-holidays reports it, with the rule that produced it. */
export interface ReportedDay extends HolidayDay {
  rule: string;
}

export interface Correction {
  /** Rewrites each reported day, every year: for a rule that is wrong everywhere. */
  readonly fix?: (day: ReportedDay) => HolidayDay;
  /** Days of a rule date-holidays lacks, for one year. */
  readonly extra?: (year: number) => HolidayDay[];
  /** One-off days date-holidays lacks: elections, 임시공휴일. */
  readonly add?: readonly HolidayDay[];
  /** Dates date-holidays lists that are not public holidays. */
  readonly remove?: readonly string[];
}

function shiftDate(date: string, days: number): string {
  const day = parseDay(date);
  return day === null ? date : formatDay(day + days);
}

export const CORRECTIONS: Readonly<Record<string, Correction>> = {
  KR: {
    fix: (day) => ({
      // 설날 is 음력 12월 말일, 1월 1일, 2일 (공휴일에 관한 법률 제2조 3호): the day before lunar
      // New Year to the day after. date-holidays starts its 3 days on lunar New Year itself
      // (2025-01-29..31 instead of the official 01-28..30). Its 대체공휴일 rules for 설날 are
      // written for the official days already (2027: 02-06..08, then 02-09).
      date: day.rule === 'korean 01-0-01 P3D' ? shiftDate(day.date, -1) : day.date,
      // 석가탄신일 was renamed 부처님오신날 (관공서의 공휴일에 관한 규정, 대통령령 제28394호, 2017-10-17).
      name: day.name.replaceAll('석가탄신일', '부처님오신날'),
    }),
    add: [
      // 임시공휴일 ("기타 정부에서 수시 지정하는 날"): 국무회의 의결 2025-01-14, 관보 공고.
      { date: '2025-01-27', name: '임시공휴일' },
      // An early election (헌법 제68조, after the removal from office of 2025-04-04), not one at
      // the end of a term, so not a 공휴일 by law: made a 임시공휴일 by the 국무회의 of 2025-04-08.
      { date: '2025-06-03', name: '제21대 대통령선거일' },
      // Elections at the end of a term are 공휴일 (공휴일에 관한 법률 제2조 9호); 공직선거법 제34조
      // puts the local elections on the first Wednesday from 30 days before the term ends.
      { date: '2026-06-03', name: '제9회 전국동시지방선거일' },
      // 공직선거법 제34조 (first Wednesday from 50 days before the term ends): the National
      // Assembly's term ends 2028-05-29, so the election is Wednesday 2028-04-12.
      { date: '2028-04-12', name: '제23대 국회의원선거일' },
    ],
  },
  US: {
    // American usage: "Independence Day (observed)", not the British "substitute day".
    fix: (day) => ({ date: day.date, name: day.name.replace(' (substitute day)', ' (observed)') }),
    // Veterans Day is observed on the Friday before / Monday after when November 11 falls on a
    // weekend, like the others (5 U.S.C. 6103(b); OPM lists 2028-11-10 and 2029-11-12).
    // date-holidays only has that as a 'bank' holiday.
    extra: (year) => {
      const day = dayOfDate(year, 11, 11);
      const weekday = weekdayOfDay(day);
      if (weekday < 5) return [];
      return [
        { date: formatDay(weekday === 5 ? day - 1 : day + 1), name: 'Veterans Day (observed)' },
      ];
    },
  },
};
