/**
 * What a day's intake does to deadlines counted in whole working days (`npm run bench:deadlines`, part 3): with the
 * pure deadline functions (domain/deadlines.ts `dueAt`) on a calendar, a day's cases arriving at random over a window
 * of that day, and the largest number of deadlines that fall in one second and in one minute, with and without the
 * policy's `endOfDay`. Pure and seeded: the same options give the same figures.
 */
import { compileCalendar, isWorkingDay, type WorkCalendar } from '../domain/calendar.rules.js';
import { dueAt } from '../domain/deadlines.js';
import type { DurationSpec } from '../domain/policy.types.js';
import { prng } from './load.js';

export type IntakeWindow = 'working_hours' | 'all_day';

export interface BurstOptions {
  /** Cases opened that day. */
  count: number;
  /** The local date (YYYY-MM-DD) of the intake; must be a working day of the calendar. */
  day: string;
  calendar: WorkCalendar;
  /** The clock, e.g. { amount: 5, unit: 'working_days' } (endOfDay is set by the comparison, not read here). */
  spec: DurationSpec;
  /** working_hours: the calendar's working periods of that day; all_day: its 24 local hours. */
  window: IntakeWindow;
  seed?: number;
}

export interface Peak {
  /** Most deadlines in one second / minute. */
  max: number;
  /** The start of that second / minute (ms). */
  at: number;
  /** Seconds / minutes with at least one deadline. */
  distinct: number;
}

export interface BurstFigures {
  endOfDay: boolean;
  perSecond: Peak;
  perMinute: Peak;
  /** Earliest and latest deadline (ms). */
  first: number;
  last: number;
}

/** The intake window of the day as [start, end) instants (ms). */
export function intakePeriods(day: string, cal: WorkCalendar, window: IntakeWindow): Array<[number, number]> {
  const c = compileCalendar(cal);
  if (window === 'all_day') return [[c.localInstant(day, '00:00'), c.localInstant(day, '24:00')]];
  const hours = cal.workingHours;
  if (!hours || hours.length === 0) throw new Error('the calendar has no working hours');
  return hours.map((p) => [c.localInstant(day, p.start), c.localInstant(day, p.end)] as [number, number]);
}

/** `count` arrival instants spread uniformly at random (seeded) over the window, whole milliseconds. */
export function intakeInstants(o: BurstOptions): number[] {
  if (!isWorkingDay(compileCalendar(o.calendar).localInstant(o.day, '12:00'), o.calendar)) throw new Error(`${o.day} is not a working day on this calendar`);
  const periods = intakePeriods(o.day, o.calendar, o.window);
  const total = periods.reduce((s, [a, b]) => s + (b - a), 0);
  const random = prng(o.seed ?? 12345);
  const out: number[] = [];
  for (let i = 0; i < o.count; i++) {
    let offset = Math.floor(random() * total);
    for (const [a, b] of periods) {
      if (offset < b - a) {
        out.push(a + offset);
        break;
      }
      offset -= b - a;
    }
  }
  return out;
}

function peak(dues: readonly number[], bucketMs: number): Peak {
  const counts = new Map<number, number>();
  for (const d of dues) {
    const k = Math.floor(d / bucketMs);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let max = 0;
  let at = Number.NaN;
  for (const [k, n] of counts) {
    if (n > max || (n === max && k * bucketMs < at)) {
      max = n;
      at = k * bucketMs;
    }
  }
  return { max, at, distinct: counts.size };
}

const range = (xs: readonly number[]) => ({ first: xs.reduce((a, b) => Math.min(a, b), Infinity), last: xs.reduce((a, b) => Math.max(a, b), -Infinity) });

/** The peaks of the day's deadlines with the spec as given but endOfDay off, and with endOfDay on. */
export function deadlineBursts(o: BurstOptions): { intake: { first: number; last: number }; modes: [BurstFigures, BurstFigures] } {
  const arrivals = intakeInstants(o);
  const figures = (endOfDay: boolean): BurstFigures => {
    const spec: DurationSpec = { ...o.spec, endOfDay };
    const dues = arrivals.map((t) => dueAt(t, spec, o.calendar));
    return { endOfDay, perSecond: peak(dues, 1_000), perMinute: peak(dues, 60_000), ...range(dues) };
  };
  return { intake: range(arrivals), modes: [figures(false), figures(true)] };
}
