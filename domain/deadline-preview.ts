/**
 * The deadline preview (issue 15, item 10): when a clock of a given length, started at a given instant, would be due
 * and turn yellow on a region's calendar, and which public holidays and make-up working days (调休) lie on its way.
 * Pure; the arithmetic is the clocks' own (domain/deadlines.ts `dueAt` and `yellowAt`, the functions startClocks
 * uses), so the preview answers what a case's clock started at that instant shows.
 */
import { localDate, type WorkCalendar } from './calendar.rules.js';
import { dueAt, yellowAt } from './deadlines.js';
import type { DurationSpec } from './policy.types.js';

export const COUNTINGS = ['working_days', 'working_hours', 'wall_clock'] as const;
export type Counting = (typeof COUNTINGS)[number];

export interface DeadlinePreview {
  dueAt: number;
  yellowAt: number;
  /** What the length counts: working days or working hours on the calendar, or the wall clock (holidays do not move it). */
  counting: Counting;
  /** Local dates from the start's day to the due day, both included, that the calendar lists (sorted). */
  crossed: { holidays: string[]; workdays: string[] };
  /** Whether the calendar lists the holidays of every year from the start's to the due's (false: they would count as working days). */
  coveredByCalendar: boolean;
}

export const countingOf = (spec: DurationSpec): Counting =>
  spec.unit === 'working_days' || spec.unit === 'working_hours' ? spec.unit : 'wall_clock';

export function previewDeadline(startMs: number, spec: DurationSpec, cal: WorkCalendar, yellowRatio: number): DeadlinePreview {
  const due = dueAt(startMs, spec, cal);
  const from = localDate(startMs, cal);
  const to = localDate(due, cal);
  const within = (dates: readonly string[]) => [...new Set(dates.filter((d) => d >= from && d <= to))].sort();
  const years = cal.years;
  let covered = true;
  if (years) for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) covered &&= years.includes(y);
  return {
    dueAt: due,
    // Yellow as a new case's clock sets it: a share of the working time for working-day and working-hour clocks.
    yellowAt: yellowAt(startMs, due, spec, yellowRatio, cal),
    counting: countingOf(spec),
    crossed: { holidays: within(cal.holidays), workdays: within(cal.workdays) },
    coveredByCalendar: covered,
  };
}
