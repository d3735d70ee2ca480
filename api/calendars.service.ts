/**
 * The official working-day calendars (法定节假日与调休): everyone who reads reference data sees them; admins load a
 * year (the State Council publishes the next one each autumn; 2027 is not in the chinese-days package yet) or
 * correct one.
 *
 * A write refreshes this instance's reference copy, so the next case opened here counts on the new dates (other
 * instances within their refresh interval). Cases already open keep the calendar recorded in their history with
 * their policy: a correction never moves a running case's deadlines.
 */
import type { Principal } from '../domain/access.js';
import { DomainError } from '../domain/errors.js';
import { getCalendarYear, getWorkCalendar, listCalendars, putCalendarYear, type CalendarYearRow } from '../db/calendar.js';
import type { Database } from '../db/client.js';
import type { FieldError } from './problem.js';
import type { ReferenceService } from './reference.service.js';

export interface CalendarYearInput {
  holidays: string[];
  workdays: string[];
  source: string;
}

export interface CalendarYearView {
  region: string;
  year: number;
  holidays: string[];
  workdays: string[];
  source: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface CalendarView {
  region: string;
  name: string;
  timeZone: string;
  utcOffsetMinutes: number;
  workingHours: Array<{ start: string; end: string }>;
  updatedAt: string;
  years: Array<{ year: number; source: string; holidays: number; workdays: number; updatedAt: string; updatedBy: string | null }>;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Day of the week (0 Sunday … 6 Saturday) of a real YYYY-MM-DD date, or undefined when it is not one. */
function weekdayOf(date: string): number | undefined {
  const m = DATE.exec(date);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === date ? d.getUTCDay() : undefined;
}

/**
 * What makes a year of an official calendar plausible, as field errors naming the list and the index
 * (`body.holidays.3`); empty when the year is acceptable:
 * - every date is a real YYYY-MM-DD date inside `year`, and appears once in its list;
 * - no date is both a holiday and a make-up working day;
 * - a make-up working day (调休) falls on a Saturday or Sunday (a weekday is worked anyway);
 * - the holidays include at least one weekday: weekends are off anyway, so a list of weekends only changes nothing
 *   and is a mistake (a holiday block may well include weekend days, e.g. the Spring Festival week).
 */
export function checkCalendarYear(year: number, input: { holidays: readonly string[]; workdays: readonly string[] }): FieldError[] {
  const errors: FieldError[] = [];
  const firstIndex = { holidays: new Map<string, number>(), workdays: new Map<string, number>() };
  for (const list of ['holidays', 'workdays'] as const) {
    input[list].forEach((date, i) => {
      const field = `body.${list}.${i}`;
      const weekday = weekdayOf(date);
      if (weekday === undefined) {
        errors.push({ field, reason: `${JSON.stringify(date)} is not a real date (YYYY-MM-DD)` });
        return;
      }
      if (Number(date.slice(0, 4)) !== year) {
        errors.push({ field, reason: `${date} is not in ${year}: each year is loaded on its own` });
        return;
      }
      const first = firstIndex[list].get(date);
      if (first !== undefined) {
        errors.push({ field, reason: `${date} is listed twice (also body.${list}.${first})` });
        return;
      }
      firstIndex[list].set(date, i);
      if (list === 'workdays') {
        const asHoliday = firstIndex.holidays.get(date);
        if (asHoliday !== undefined) errors.push({ field, reason: `${date} is also a holiday (body.holidays.${asHoliday}): a day is either off or worked` });
        else if (weekday !== 0 && weekday !== 6) {
          errors.push({ field, reason: `${date} is a ${WEEKDAY_NAMES[weekday]}: a make-up working day (调休) falls on a Saturday or Sunday` });
        }
      }
    });
  }
  const holidays = [...firstIndex.holidays.keys()];
  if (holidays.length > 0 && holidays.every((d) => [0, 6].includes(weekdayOf(d)!))) {
    errors.push({ field: 'body.holidays', reason: 'every holiday listed is a Saturday or Sunday, which are off anyway: an official year has weekday holidays' });
  }
  return errors;
}

const yearView = (r: CalendarYearRow): CalendarYearView => ({
  region: r.region,
  year: r.year,
  holidays: r.holidays,
  workdays: r.workdays,
  source: r.source,
  updatedAt: r.updatedAt.toISOString(),
  updatedBy: r.updatedBy,
});

export function createCalendarsService(deps: { db: Database; reference: ReferenceService }) {
  const { db, reference } = deps;

  return {
    async list(): Promise<{ items: CalendarView[] }> {
      const regions = await listCalendars(db);
      return {
        items: regions.map((r) => ({
          region: r.region,
          name: r.name,
          timeZone: r.timeZone,
          utcOffsetMinutes: r.utcOffsetMinutes,
          workingHours: r.workingHours,
          updatedAt: r.updatedAt.toISOString(),
          years: r.years.map((y) => ({ ...y, updatedAt: y.updatedAt.toISOString() })),
        })),
      };
    },

    async getYear(region: string, year: number): Promise<CalendarYearView> {
      const row = await getCalendarYear(db, region, year);
      if (row) return yearView(row);
      const known = await getWorkCalendar(db, region);
      throw new DomainError('not_found', known ? `calendar ${region} has no year ${year} loaded` : `no calendar region ${region}`);
    },

    /** Loads or replaces a year; the reference copy is refreshed before answering (a failed refresh waits for the next). */
    async putYear(region: string, year: number, input: CalendarYearInput, p: Principal): Promise<CalendarYearView> {
      const errors = checkCalendarYear(year, input);
      if (errors.length) throw new DomainError('validation_failed', `the calendar of ${year} is not acceptable: ${errors[0]!.reason}`, { errors });
      const stored = await putCalendarYear(db, { region, year, holidays: input.holidays, workdays: input.workdays, source: input.source, updatedBy: p.id, at: new Date() });
      if (!stored) throw new DomainError('not_found', `no calendar region ${region}`);
      await reference.refresh().catch(() => undefined);
      return yearView(stored.row);
    },
  };
}

export type CalendarsService = ReturnType<typeof createCalendarsService>;
