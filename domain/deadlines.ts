/**
 * Deadline arithmetic: the one place that turns a clock's start and its policy length into a due instant.
 * Pure and deterministic (no clock reads), so the workflow can call it with its own time. Working days and
 * working hours count on the official calendar (domain/calendar.rules.ts); seconds to days run on the wall clock.
 */
import { compileCalendar, type CompiledCalendar } from './calendar.rules.js';
import type { DurationSpec, WorkCalendar } from './policy.types.js';

const MS = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/**
 * Working periods for a calendar that carries none: one from a policy written before calendars had working hours.
 * A calendar loaded from the database (work_calendars) always carries its own.
 */
const FALLBACK_WORKING_HOURS = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '17:30' },
] as const;

const compiled = new WeakMap<WorkCalendar, CompiledCalendar>();
/** The calendar with its lookups built once per calendar object (the workflow keeps one per policy). */
export function calendarOf(cal: WorkCalendar): CompiledCalendar {
  let c = compiled.get(cal);
  if (!c) {
    c = compileCalendar({
      region: cal.region ?? 'policy',
      utcOffsetMinutes: cal.utcOffsetMinutes,
      holidays: cal.holidays,
      workdays: cal.workdays,
      workingHours: cal.workingHours ?? FALLBACK_WORKING_HOURS,
    });
    compiled.set(cal, c);
  }
  return c;
}

/** Local calendar date (YYYY-MM-DD) of an instant in the calendar's fixed offset. */
export function localDate(instantMs: number, cal: WorkCalendar): string {
  return calendarOf(cal).localDate(instantMs);
}

/** Whether the local day containing `instantMs` is a working day on this calendar. */
export function isWorkingDay(instantMs: number, cal: WorkCalendar): boolean {
  return calendarOf(cal).isWorkingDay(instantMs);
}

/**
 * Adds N working days: the same local time of day on the N-th working day after the start day.
 * A start on a day off counts from that day (so Saturday 10:00 + 1 working day = Monday 10:00).
 */
export function addWorkingDays(startMs: number, days: number, cal: WorkCalendar, endOfDay = false): number {
  return calendarOf(cal).addWorkingDays(startMs, days, { endOfDay });
}

/** The instant a clock of length `spec` started at `startMs` is due. */
export function dueAt(startMs: number, spec: DurationSpec, cal: WorkCalendar): number {
  if (spec.unit === 'working_days') return addWorkingDays(startMs, spec.amount, cal, spec.endOfDay ?? false);
  if (spec.unit === 'working_hours') return calendarOf(cal).addWorkingHours(startMs, spec.amount);
  return startMs + spec.amount * MS[spec.unit];
}

/**
 * Moves a due instant later by time spent paused (a hold): wall-clock clocks by the wall time paused, calendar
 * clocks by the working time that passed while paused, so the unit gets back exactly the working time it lost.
 */
export function extendByPause(due: number, pausedFrom: number, pausedTo: number, spec: DurationSpec | undefined, cal: WorkCalendar): number {
  if (pausedTo <= pausedFrom) return due;
  if (!spec || (spec.unit !== 'working_days' && spec.unit !== 'working_hours')) return due + (pausedTo - pausedFrom);
  const c = calendarOf(cal);
  let moved = due;
  let from = pausedFrom;
  if (spec.unit === 'working_days') {
    // Whole working days lost move the deadline by days, keeping its time of day.
    const days = c.workingDaysBetween(pausedFrom, pausedTo);
    moved = c.addWorkingDays(due, days);
    from = c.addWorkingDays(pausedFrom, days);
  }
  const rest = c.workingTimeBetween(from, pausedTo);
  return rest > 0 ? c.addWorkingHours(moved, rest / MS.hours) : moved;
}

/** The instant the yellow warning fires: `ratio` of the clock's span elapsed. */
export function warnAt(startMs: number, dueMs: number, ratio: number): number {
  return startMs + Math.floor((dueMs - startMs) * ratio);
}
