/**
 * The bench policy of the product herd: a new active version of case_policies in the bench database whose herd
 * class runs only the sign-for clock (D seconds, or one working day to the end of the day on a bench calendar).
 */
import type { WorkCalendar } from '../../domain/calendar.rules.js';
import { activatePolicyVersion } from '../policy.js';
import { HERD_CLASS, type Env } from './run.js';

/** The herd's sign-for clock: D seconds, or one working day to the end of the day on a bench calendar. */
export type BenchClock =
  | { kind: 'seconds'; seconds: number }
  | { kind: 'end-of-day'; calendar: WorkCalendar; dueAt: number };

/**
 * The end-of-day layout: a calendar (fixed UTC offset, whole minutes) whose local midnight is the first whole minute
 * after `lastStartBy`, the next local day a working day (listed in `workdays`), its one working period 00:00 to
 * `minutes` minutes; so a sign-for of { 1 working_days, endOfDay } started before that midnight is due at midnight +
 * `minutes`, whenever it started.
 */
export function endOfDayClock(lastStartBy: number, minutes: number): BenchClock & { kind: 'end-of-day' } {
  const midnight = Math.ceil(lastStartBy / 60_000) * 60_000;
  const utcMinute = Math.round((midnight % 86_400_000) / 60_000);
  let offset = (1440 - utcMinute) % 1440;
  if (offset > 840) offset -= 1440;
  const nextDay = new Date(midnight + offset * 60_000).toISOString().slice(0, 10);
  const end = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return {
    kind: 'end-of-day',
    calendar: { utcOffsetMinutes: offset, holidays: [], workdays: [nextDay], workingHours: [{ start: '00:00', end }] },
    dueAt: midnight + minutes * 60_000,
  };
}

export const clockLabel = (c: BenchClock) =>
  c.kind === 'seconds'
    ? `${c.seconds} s`
    : `1 working day to the end of the day (${new Date(c.dueAt).toISOString()}) on a bench calendar (UTC${c.calendar.utcOffsetMinutes >= 0 ? '+' : '−'}${Math.abs(c.calendar.utcOffsetMinutes)} min, working ${c.calendar.workingHours![0]!.start}–${c.calendar.workingHours![0]!.end} local)`;

/**
 * Stores a new active policy version (bench/policy.ts): the active document with the herd's class running only the
 * sign-for clock, every other class no clock, yellow at 75%, no overdue ladder (and, end-of-day, the bench calendar
 * inline instead of the region's). Checked by loading it as the API will.
 */
export async function activateBenchPolicy(env: Env, clock: BenchClock): Promise<number> {
  const signFor = clock.kind === 'seconds' ? { amount: clock.seconds, unit: 'seconds' } : { amount: 1, unit: 'working_days', endOfDay: true };
  return activatePolicyVersion(
    env,
    (document) => {
      document.yellowRatio = 0.75;
      document.clocks = Object.fromEntries(Object.keys(document.clocks).map((c) => [c, c === HERD_CLASS ? { signFor } : {}]));
      delete document.overdueLadder;
      if (clock.kind === 'end-of-day') {
        delete document.calendarRegion;
        document.calendar = clock.calendar;
      }
    },
    `bench:deadlines sign-for ${clockLabel(clock)}`,
    (loaded) => {
      const spec = loaded.clocks[HERD_CLASS]?.signFor;
      return spec?.amount === signFor.amount && spec.unit === signFor.unit;
    },
  );
}
