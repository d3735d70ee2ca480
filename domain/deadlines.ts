/**
 * Deadline arithmetic: the one place that turns a clock's start and its policy length into a due instant.
 * Pure and deterministic (no clock reads), so the workflow can call it with its own time. Working days and
 * working hours count on the official calendar (domain/calendar.rules.ts: the calendar type, its one compiled form
 * per calendar object, localDate, isWorkingDay, addWorkingDays); seconds to days run on the wall clock.
 */
import { compileCalendar, type WorkCalendar } from './calendar.rules.js';
import type { DurationSpec } from './policy.types.js';

const MS = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/** The instant a clock of length `spec` started at `startMs` is due. */
export function dueAt(startMs: number, spec: DurationSpec, cal: WorkCalendar): number {
  if (spec.unit === 'working_days') return compileCalendar(cal).addWorkingDays(startMs, spec.amount, { endOfDay: spec.endOfDay ?? false });
  if (spec.unit === 'working_hours') return compileCalendar(cal).addWorkingHours(startMs, spec.amount);
  return startMs + spec.amount * MS[spec.unit];
}

/**
 * Moves a due instant later by time spent paused (a hold): wall-clock clocks by the wall time paused, calendar
 * clocks by the working time that passed while paused, so the unit gets back exactly the working time it lost.
 */
export function extendByPause(due: number, pausedFrom: number, pausedTo: number, spec: DurationSpec | undefined, cal: WorkCalendar): number {
  if (pausedTo <= pausedFrom) return due;
  if (!spec || (spec.unit !== 'working_days' && spec.unit !== 'working_hours')) return due + (pausedTo - pausedFrom);
  const c = compileCalendar(cal);
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

/** The instant the yellow warning fires: `ratio` of the clock's span elapsed (wall-clock). */
export function warnAt(startMs: number, dueMs: number, ratio: number): number {
  return startMs + Math.floor((dueMs - startMs) * ratio);
}

const countsWorkingTime = (spec: DurationSpec | undefined): boolean => spec?.unit === 'working_days' || spec?.unit === 'working_hours';

/**
 * The instant the yellow warning fires for a clock of `spec` from `startMs` to `dueMs`. A working-day or
 * working-hour clock warns when `ratio` of its *working* time has passed, at an instant inside working hours (a
 * share that runs out at the end of a working period is reached again at the start of the next: no working time
 * passes between them); any other clock at `ratio` of its wall-clock span. A working-day clock with no working time
 * at all (opened on a day off before working hours: Saturday 02:00 + 1 working day is Monday 02:00) has no yellow:
 * its yellow instant is its deadline, where red says more.
 */
export function yellowAt(startMs: number, dueMs: number, spec: DurationSpec | undefined, ratio: number, cal: WorkCalendar): number {
  if (!countsWorkingTime(spec)) return warnAt(startMs, dueMs, ratio);
  const c = compileCalendar(cal);
  const working = c.workingTimeBetween(startMs, dueMs);
  if (working <= 0) return dueMs;
  return c.nextWorkingTime(c.addWorkingHours(startMs, Math.floor(working * ratio) / MS.hours));
}

/**
 * Where a yellow instant moves when its clock was paused from `pausedFrom` to `pausedTo` (a hold): a working-time
 * clock's by the working time lost, kept inside working hours; any other clock's by the wall time paused.
 */
export function yellowAfterPause(yellowMs: number, pausedFrom: number, pausedTo: number, spec: DurationSpec | undefined, cal: WorkCalendar): number {
  const moved = extendByPause(yellowMs, pausedFrom, pausedTo, spec, cal);
  return countsWorkingTime(spec) ? compileCalendar(cal).nextWorkingTime(moved) : moved;
}

/**
 * The earliest start from which a clock of `spec` is not yet due at `endMs`, or a little before it: every start
 * `t` with dueAt(t) >= endMs lies after the instant returned (dueAt never decreases as its start moves later).
 * A window counted back on the calendar (the repeat window's "30 working days before now"), for a search that the
 * exact rule (dueAt) then filters.
 */
export function windowStart(endMs: number, spec: DurationSpec, cal: WorkCalendar): number {
  if (!countsWorkingTime(spec)) return endMs - spec.amount * MS[spec.unit as keyof typeof MS];
  // A working day or hour is never shorter than a wall-clock one: start there, then step back (further each time)
  // until the clock from there is due before the end.
  let start = endMs - spec.amount * (spec.unit === 'working_days' ? MS.days : MS.hours);
  for (let step = MS.days; dueAt(start, spec, cal) >= endMs; step *= 2) start -= step;
  return start;
}
