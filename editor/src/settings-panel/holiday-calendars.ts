/**
 * The public holiday calendars the runtime has (runtime/src/core/policy/holidays.ts: every
 * country of date-holidays 3.37), by ISO 3166-1 alpha-2 code. The editor can't load
 * date-holidays itself (it is the runtime's, and heavy), so the codes are listed here and
 * holiday-calendars.test.ts checks them against the runtime's own isHolidayCountry.
 */
export const HOLIDAY_COUNTRIES: readonly string[] = (
  'AD AE AG AI AL AM AO AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL ' +
  'BM BN BO BQ BR BS BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV ' +
  'CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FO FR GA GB GD ' +
  'GE GF GG GH GI GL GM GN GP GQ GR GT GU GW GY HK HN HR HT HU IC ID IE IL ' +
  'IM IN IR IS IT JE JM JP KE KM KN KR KY KZ LC LI LK LR LS LT LU LV LY MA ' +
  'MC MD ME MF MG MK ML MQ MR MS MT MU MW MX MY MZ NA NC NE NF NG NI NL NO ' +
  'NZ PA PE PF PH PK PL PM PR PT PY RE RO RS RU RW SA SC SD SE SG SH SI SJ ' +
  'SK SL SM SN SO SR SS ST SV SX SZ TC TD TG TH TN TO TR TT TW TZ UA UG US ' +
  'UY UZ VA VC VE VG VI VN VU WF XK YT ZA ZM ZW'
).split(' ');

/**
 * The calendars offered first: those checked day by day against the official lists and
 * corrected where date-holidays was wrong (runtime/src/core/policy/corrections.ts).
 */
export const CHECKED_CALENDARS: readonly string[] = ['KR', 'US', 'JP'];

/** At most this many calendars (the format's limit on settings.holidays). */
export const MAX_CALENDARS = 10;

const regionNames = new Map<string, Intl.DisplayNames>();

/** The country's name in `language` ("대한민국", "United States"); the code when Intl has none. */
export function countryName(code: string, language: string): string {
  try {
    let names = regionNames.get(language);
    if (names === undefined) {
      names = new Intl.DisplayNames([language], { type: 'region' });
      regionNames.set(language, names);
    }
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The calendars shown as checkboxes: the checked ones, then every other the settings hold (an
 * opened file may name any), in the order chosen.
 */
export function shownCalendars(chosen: readonly string[]): string[] {
  return [...CHECKED_CALENDARS, ...chosen.filter((c) => !CHECKED_CALENDARS.includes(c))];
}

/** The other calendars to add, by name in `language`. */
export function otherCalendars(
  chosen: readonly string[],
  language: string,
): Array<{ code: string; name: string }> {
  const shown = new Set(shownCalendars(chosen));
  return HOLIDAY_COUNTRIES.filter((code) => !shown.has(code))
    .map((code) => ({ code, name: countryName(code, language) }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
}

/** The chosen calendars with `code` on or off, in the order chosen. */
export function withCalendar(chosen: readonly string[], code: string, on: boolean): string[] {
  const rest = chosen.filter((c) => c !== code);
  return on ? [...rest, code] : rest;
}
