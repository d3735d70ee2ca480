/**
 * The bench policy of the product herd: a new active version of case_policies in the bench database whose herd
 * class runs only the sign-for clock (D seconds, or one working day to the end of the day on a bench calendar).
 */
import { loadActivePolicy } from '../../db/policy.js';
import type { WorkCalendar } from '../../domain/calendar.rules.js';
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
 * Stores a new active policy version: the active document with the herd's class running only the sign-for clock,
 * every other class no clock, yellow at 75%, no overdue ladder (and, end-of-day, the bench calendar inline instead
 * of the region's). Checked by loading it as the API will.
 */
export async function activateBenchPolicy(env: Env, clock: BenchClock): Promise<number> {
  const signFor = clock.kind === 'seconds' ? { amount: clock.seconds, unit: 'seconds' } : { amount: 1, unit: 'working_days', endOfDay: true };
  const client = await env.database.pool.connect();
  let version: number;
  try {
    await client.query('begin');
    await client.query('lock table case_policies in share row exclusive mode');
    const { rows } = await client.query<{ document: Record<string, unknown> }>('select document from case_policies where active order by version desc limit 1');
    if (!rows[0]) throw new Error('no active policy in the bench database');
    const { rows: max } = await client.query<{ max: number }>('select coalesce(max(version), 0)::int as max from case_policies');
    version = max[0]!.max + 1;
    const document = structuredClone(rows[0].document) as Record<string, unknown> & { clocks: Record<string, unknown> };
    document.version = version;
    document.yellowRatio = 0.75;
    document.clocks = Object.fromEntries(Object.keys(document.clocks).map((c) => [c, c === HERD_CLASS ? { signFor } : {}]));
    delete document.overdueLadder;
    if (clock.kind === 'end-of-day') {
      delete document.calendarRegion;
      document.calendar = clock.calendar;
    }
    await client.query('update case_policies set active = false where active');
    await client.query('insert into case_policies (version, document, active, note) values ($1, $2, true, $3)', [version, JSON.stringify(document), `bench:deadlines sign-for ${clockLabel(clock)}`]);
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  const loaded = await loadActivePolicy(env.database.db);
  const spec = loaded?.clocks[HERD_CLASS]?.signFor;
  if (loaded?.version !== version || spec?.amount !== signFor.amount || spec.unit !== signFor.unit) throw new Error(`the bench policy version ${version} did not load as written`);
  return version;
}
