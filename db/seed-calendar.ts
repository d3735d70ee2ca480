/**
 * The official calendar the seed loads: mainland China (region CN) with every year db/calendar-data.ts has (generated
 * from the chinese-days package; each year's source names the package and its version). Years missing there (2027
 * at the time of writing) are loaded by an administrator (PUT /v1/calendars/CN/years/2027) once the State Council
 * publishes them.
 */
import type { CalendarSeed } from './calendar.js';
import { CN_UTC_OFFSET_MINUTES, DEFAULT_WORKING_HOURS, OFFICIAL_CALENDAR_YEARS, officialCalendars } from './calendar-data.js';

export const CN_REGION = 'CN';

export const cnCalendarSeed: CalendarSeed = {
  region: CN_REGION,
  name: '中国大陆',
  timeZone: 'Asia/Shanghai',
  utcOffsetMinutes: CN_UTC_OFFSET_MINUTES,
  workingHours: DEFAULT_WORKING_HOURS,
  years: OFFICIAL_CALENDAR_YEARS.map((year) => {
    const y = officialCalendars[year]!;
    return { year, holidays: y.holidays, workdays: y.workdays, source: y.source };
  }),
};
