/**
 * The official working-day calendars in the database: a region (work_calendars: time zone, working hours) and its
 * years (calendar_years: public holidays and make-up working days, each year with its source). The seed loads the
 * years db/calendar-data.ts has; an administrator loads the next one (PUT /v1/calendars/:region/years/:year) when
 * the State Council publishes it, or corrects one.
 *
 * A policy that names a region (`calendarRegion`) gets that region's calendar filled in when it is loaded
 * (db/policy.ts), so a case carries the dates in its workflow history: a later correction counts for cases opened
 * after it, never for running ones.
 */
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import type { WorkCalendar } from '../domain/calendar.rules.js';
import type * as schema from './schema.js';
import { calendarYears, workCalendars } from './schema.js';

/** The database or a transaction on it. */
export type Queryable = PgDatabase<NodePgQueryResultHKT, typeof schema>;

export type WorkCalendarRow = typeof workCalendars.$inferSelect;
export type CalendarYearRow = typeof calendarYears.$inferSelect;

/** A region as the list shows it: its settings and, per year, where the dates come from. */
export interface CalendarSummary extends WorkCalendarRow {
  years: Array<Pick<CalendarYearRow, 'year' | 'source' | 'updatedAt' | 'updatedBy'> & { holidays: number; workdays: number }>;
}

/** A region's calendar and the years to seed for it (inserted when missing, never overwritten). */
export interface CalendarSeed {
  region: string;
  name: string;
  timeZone: string;
  utcOffsetMinutes: number;
  workingHours: ReadonlyArray<{ start: string; end: string }>;
  years: ReadonlyArray<{ year: number; holidays: readonly string[]; workdays: readonly string[]; source: string }>;
}

/**
 * A region's calendar as deadline arithmetic takes it: the holidays and make-up days of its years from `fromYear`
 * on, merged, with the years listed (days after the last year count as plain weekdays and weekends). Null when
 * the region is not in work_calendars.
 */
export async function loadRegionCalendar(db: Queryable, region: string, options: { fromYear: number }): Promise<WorkCalendar | null> {
  const [cal] = await db.select().from(workCalendars).where(eq(workCalendars.region, region));
  if (!cal) return null;
  const years = await db
    .select({ year: calendarYears.year, holidays: calendarYears.holidays, workdays: calendarYears.workdays })
    .from(calendarYears)
    .where(and(eq(calendarYears.region, region), gte(calendarYears.year, options.fromYear)))
    .orderBy(asc(calendarYears.year));
  return {
    region: cal.region,
    utcOffsetMinutes: cal.utcOffsetMinutes,
    holidays: years.flatMap((y) => y.holidays),
    workdays: years.flatMap((y) => y.workdays),
    workingHours: cal.workingHours,
    years: years.map((y) => y.year),
  };
}

/** Every region with its years (oldest first), regions by id. */
export async function listCalendars(db: Queryable): Promise<CalendarSummary[]> {
  const [regions, years] = await Promise.all([
    db.select().from(workCalendars).orderBy(asc(workCalendars.region)),
    db
      .select({
        region: calendarYears.region,
        year: calendarYears.year,
        source: calendarYears.source,
        updatedAt: calendarYears.updatedAt,
        updatedBy: calendarYears.updatedBy,
        holidays: sql<number>`cardinality(${calendarYears.holidays})`.mapWith(Number),
        workdays: sql<number>`cardinality(${calendarYears.workdays})`.mapWith(Number),
      })
      .from(calendarYears)
      .orderBy(asc(calendarYears.region), asc(calendarYears.year)),
  ]);
  return regions.map((r) => ({ ...r, years: years.filter((y) => y.region === r.region).map(({ region: _r, ...y }) => y) }));
}

export async function getWorkCalendar(db: Queryable, region: string): Promise<WorkCalendarRow | undefined> {
  const [row] = await db.select().from(workCalendars).where(eq(workCalendars.region, region));
  return row;
}

export async function getCalendarYear(db: Queryable, region: string, year: number): Promise<CalendarYearRow | undefined> {
  const [row] = await db
    .select()
    .from(calendarYears)
    .where(and(eq(calendarYears.region, region), eq(calendarYears.year, year)));
  return row;
}

/**
 * Stores a year of a region (insert or replace; the dates are kept sorted). Undefined when the region does not
 * exist. `created` tells a new year from a corrected one.
 */
export async function putCalendarYear(
  db: Queryable,
  input: { region: string; year: number; holidays: readonly string[]; workdays: readonly string[]; source: string; updatedBy: string; at: Date },
): Promise<{ row: CalendarYearRow; created: boolean } | undefined> {
  return db.transaction(async (tx) => {
    // The region row locked: a year is never written for a region being removed, and writes of one region queue.
    const [region] = await tx.select({ region: workCalendars.region }).from(workCalendars).where(eq(workCalendars.region, input.region)).for('update');
    if (!region) return undefined;
    const before = await getCalendarYear(tx, input.region, input.year);
    const values = {
      holidays: [...input.holidays].sort(),
      workdays: [...input.workdays].sort(),
      source: input.source,
      updatedAt: input.at,
      updatedBy: input.updatedBy,
    };
    const [row] = await tx
      .insert(calendarYears)
      .values({ region: input.region, year: input.year, ...values })
      .onConflictDoUpdate({ target: [calendarYears.region, calendarYears.year], set: values })
      .returning();
    return { row: row!, created: before === undefined };
  });
}

/**
 * Inserts the regions and years that are missing; what is there already (a year an administrator corrected, working
 * hours a region changed) stays as it is. Returns the years inserted, e.g. ['CN 2026'].
 */
export async function seedCalendars(db: Queryable, seeds: readonly CalendarSeed[]): Promise<string[]> {
  const inserted: string[] = [];
  for (const s of seeds) {
    await db
      .insert(workCalendars)
      .values({ region: s.region, name: s.name, timeZone: s.timeZone, utcOffsetMinutes: s.utcOffsetMinutes, workingHours: s.workingHours.map((p) => ({ ...p })) })
      .onConflictDoNothing();
    if (!s.years.length) continue;
    const rows = await db
      .insert(calendarYears)
      .values(s.years.map((y) => ({ region: s.region, year: y.year, holidays: [...y.holidays], workdays: [...y.workdays], source: y.source, updatedBy: 'seed' })))
      .onConflictDoNothing()
      .returning({ year: calendarYears.year });
    inserted.push(...rows.map((r) => `${s.region} ${r.year}`));
  }
  return inserted;
}
