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
import { getCalendarYear, getWorkCalendar, listCalendars, loadRegionCalendar, putCalendarYear, type CalendarYearRow } from '../db/calendar.js';
import { previewDeadline, type Counting } from '../domain/deadline-preview.js';
import type { ClockName, DurationSpec } from '../domain/policy.types.js';
import type { SlaClass } from '../domain/reference.types.js';
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

/** What a deadline preview is asked: a start and either a length given as such or a clock of the policy in force. */
export type DeadlinePreviewQuery = { start?: string } & (
  | { spec: DurationSpec }
  | { clock: ClockName; slaClass?: SlaClass; categoryId?: string }
);

export interface DeadlinePreviewView {
  region: string;
  start: string;
  spec: { amount: number; unit: DurationSpec['unit']; endOfDay: boolean };
  source: { kind: 'given' } | { kind: 'policy'; policyVersion: number; slaClass: SlaClass; clock: ClockName; categoryId?: string };
  counting: Counting;
  dueAt: string;
  yellowAt: string;
  yellowRatio: number;
  policyVersion: number;
  utcOffsetMinutes: number;
  local: { start: string; dueAt: string; yellowAt: string };
  crossed: { holidays: string[]; workdays: string[] };
  calendarYears: number[];
  coveredByCalendar: boolean;
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

    /**
     * When a clock would be due and turn yellow on this region's calendar (stored years, as new cases get them), with
     * the yellow ratio of the policy in force; a policy clock is taken by deadline class or by a category's class.
     */
    async previewDeadline(region: string, q: DeadlinePreviewQuery, now = Date.now()): Promise<DeadlinePreviewView> {
      const policy = reference.policyInForce();
      if (!policy) throw new DomainError('unavailable', 'the policy in force is not loaded yet; retry in a moment');
      let spec: DurationSpec;
      let source: DeadlinePreviewView['source'] = { kind: 'given' };
      if ('spec' in q) spec = q.spec;
      else {
        if (q.categoryId !== undefined) reference.assertCategory('query.categoryId', q.categoryId);
        const slaClass = q.slaClass ?? reference.caseSetup(q.categoryId!)!.slaClass;
        const found = policy.clocks[slaClass]?.[q.clock];
        if (!found) {
          const reason = `the policy in force (version ${policy.version}) sets no ${q.clock} clock for ${slaClass} cases`;
          throw new DomainError('validation_failed', reason, { errors: [{ field: 'query.clock', reason }] });
        }
        spec = found;
        source = { kind: 'policy', policyVersion: policy.version, slaClass, clock: q.clock, ...(q.categoryId !== undefined && { categoryId: q.categoryId }) };
      }
      const calendar = await loadRegionCalendar(db, region, { fromYear: 0 });
      if (!calendar) throw new DomainError('not_found', `no calendar region ${region}`);
      const start = q.start === undefined ? now : Date.parse(q.start);
      const p = previewDeadline(start, spec, calendar, policy.yellowRatio);
      const offset = calendar.utcOffsetMinutes;
      const local = (ms: number) => new Date(ms + offset * 60_000).toISOString().slice(0, 16).replace('T', ' ');
      return {
        region,
        start: new Date(start).toISOString(),
        spec: { amount: spec.amount, unit: spec.unit, endOfDay: spec.endOfDay ?? false },
        source,
        counting: p.counting,
        dueAt: new Date(p.dueAt).toISOString(),
        yellowAt: new Date(p.yellowAt).toISOString(),
        yellowRatio: policy.yellowRatio,
        policyVersion: policy.version,
        utcOffsetMinutes: offset,
        local: { start: local(start), dueAt: local(p.dueAt), yellowAt: local(p.yellowAt) },
        crossed: p.crossed,
        calendarYears: [...(calendar.years ?? [])],
        coveredByCalendar: p.coveredByCalendar,
      };
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
