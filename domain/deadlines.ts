/**
 * Deadline arithmetic: the one place that turns a clock's start and its policy length into a due instant.
 * Pure and deterministic (no clock reads), so the workflow can call it with its own time.
 */
import type { DurationSpec, WorkCalendar } from './policy.types.js';

const MS = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
const DAY_MS = MS.days;

/** Local calendar date (YYYY-MM-DD) of an instant in the calendar's fixed offset. */
export function localDate(instantMs: number, cal: WorkCalendar): string {
  return new Date(instantMs + cal.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Whether the local day containing `instantMs` is a working day on this calendar. */
export function isWorkingDay(instantMs: number, cal: WorkCalendar): boolean {
  const date = localDate(instantMs, cal);
  if (cal.workdays.includes(date)) return true;
  if (cal.holidays.includes(date)) return false;
  const weekday = new Date(instantMs + cal.utcOffsetMinutes * 60_000).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * Adds N working days: the same local time of day on the N-th working day after the start day.
 * A start on a day off counts from that day (so Saturday 10:00 + 1 working day = Monday 10:00).
 */
export function addWorkingDays(startMs: number, days: number, cal: WorkCalendar): number {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`working days must be a non-negative integer, got ${days}`);
  let t = startMs;
  let left = days;
  while (left > 0) {
    t += DAY_MS;
    if (isWorkingDay(t, cal)) left -= 1;
  }
  return t;
}

/** The instant a clock of length `spec` started at `startMs` is due. */
export function dueAt(startMs: number, spec: DurationSpec, cal: WorkCalendar): number {
  if (spec.unit === 'working_days') return addWorkingDays(startMs, spec.amount, cal);
  return startMs + spec.amount * MS[spec.unit];
}

/** The instant the yellow warning fires: `ratio` of the clock's span elapsed. */
export function warnAt(startMs: number, dueMs: number, ratio: number): number {
  return startMs + Math.floor((dueMs - startMs) * ratio);
}
