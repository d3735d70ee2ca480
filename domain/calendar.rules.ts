/**
 * The official working-day calendar as pure functions: which local days are worked, and working-day / working-hour
 * arithmetic on them (DOMAIN.md "Deadlines").
 *
 * China's official calendar: weekends are off, public holidays (`holidays`) are off, make-up working days (调休,
 * `workdays`, usually a Saturday or Sunday) are on. All dates are local dates (YYYY-MM-DD) in the calendar's fixed
 * UTC offset (Asia/Shanghai is +480 and has no daylight saving), so the offset is data and no time-zone database is
 * read. Days outside the years a calendar lists are counted as plain weekdays / weekends: keep the data current.
 *
 * Pure and deterministic: no I/O, no clock reads, no Node imports, so Temporal workflow code can call it with its
 * own time. Minute- and hour-scale clocks on wall-clock time (15 minutes to sign for an emergency, "1 day") are not
 * this module's job: those are plain `start + duration` on the wall clock and ignore the calendar entirely.
 *
 * Every function validates its calendar once (RangeError on a malformed one) and compiles it into Sets of local
 * day numbers, memoised by object identity: treat a calendar as immutable once it has been used (a calendar
 * mutated after first use keeps its first compilation; pass a new object instead). Loops are per local day, never
 * per minute, so ranges of years are cheap.
 */

/** A working period of a working day, local 'HH:MM' to 'HH:MM' ('24:00' allowed as an end). */
export interface WorkingPeriod {
  start: string;
  end: string;
}

/**
 * The working-day calendar deadlines are counted on: a region's official calendar (work_calendars), filled into a
 * case's policy when it is loaded. The one calendar type: the policy carries it, the arithmetic here takes it.
 */
export interface WorkCalendar {
  /** The region whose official calendar this is (work_calendars.region, e.g. 'CN'), when it came from the database. */
  region?: string;
  /** Minutes east of UTC; Asia/Shanghai is +480 and has no daylight saving. */
  utcOffsetMinutes: number;
  /** Local dates (YYYY-MM-DD) that are days off; a weekend listed here is simply off anyway. */
  holidays: readonly string[];
  /** Local dates (YYYY-MM-DD) worked although they fall on a weekend (调休 make-up days). */
  workdays: readonly string[];
  /**
   * Local working periods of a working day, e.g. 09:00–12:00 and 13:30–17:30 (sorted, non-overlapping), for
   * working_hours clocks and endOfDay. A calendar loaded from the database always carries its own; one in a policy
   * written before calendars had working hours has none and counts on FALLBACK_WORKING_HOURS.
   */
  workingHours?: ReadonlyArray<WorkingPeriod>;
  /** The years the holidays and make-up days cover; a deadline beyond them counts weekends only. */
  years?: readonly number[];
}

/** The working periods of a calendar that carries none (a policy written before calendars had working hours). */
const FALLBACK_WORKING_HOURS: ReadonlyArray<WorkingPeriod> = Object.freeze([
  Object.freeze({ start: '09:00', end: '12:00' }),
  Object.freeze({ start: '13:30', end: '17:30' }),
]);

export interface AddWorkingDaysOptions {
  /** Land at the end of the last working period of the n-th working day instead of at the start's time of day. */
  endOfDay?: boolean;
}

/** A calendar with its lookups built once and every function bound to it. */
export interface CompiledCalendar {
  readonly calendar: WorkCalendar;
  localDate(instantMs: number): string;
  isWorkingDay(instantMs: number): boolean;
  isWorkingTime(instantMs: number): boolean;
  nextWorkingTime(instantMs: number): number;
  localInstant(date: string, time: string): number;
  addWorkingDays(startMs: number, n: number, options?: AddWorkingDaysOptions): number;
  addWorkingHours(startMs: number, hours: number): number;
  workingTimeBetween(aMs: number, bMs: number): number;
  workingDaysBetween(aMs: number, bMs: number): number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Real-world offsets run from -12:00 to +14:00. */
const MAX_OFFSET_MINUTES = 14 * 60;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

/** Local day number (days since 1970-01-01) of a valid YYYY-MM-DD date, or undefined when it is not a real date. */
function dayNumberOf(date: string): number | undefined {
  const m = DATE_RE.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / DAY_MS;
}

/** Milliseconds after local midnight of 'HH:MM' (00:00–24:00), or undefined when malformed. */
function timeOfDayOf(time: string): number | undefined {
  const m = TIME_RE.exec(time);
  if (!m) return undefined;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return undefined;
  return h * HOUR_MS + min * MINUTE_MS;
}

function checkInstant(name: string, ms: number): void {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) throw new RangeError(`${name} must be a finite instant in ms, got ${ms}`);
}

function compile(cal: WorkCalendar): CompiledCalendar {
  if (cal === null || typeof cal !== 'object') throw new RangeError('calendar must be an object');
  // A policy's own calendar (no region) is named 'policy' in the messages below.
  const region = cal.region ?? 'policy';
  if (typeof region !== 'string' || region.trim() === '') throw new RangeError('calendar region must be a non-empty string');
  const offsetMinutes = cal.utcOffsetMinutes;
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) {
    throw new RangeError(`calendar ${region}: utcOffsetMinutes must be an integer within ±${MAX_OFFSET_MINUTES}, got ${offsetMinutes}`);
  }
  const offsetMs = offsetMinutes * MINUTE_MS;

  const daySet = (field: 'holidays' | 'workdays'): Set<number> => {
    const list = cal[field];
    if (!Array.isArray(list)) throw new RangeError(`calendar ${region}: ${field} must be an array of YYYY-MM-DD dates`);
    const out = new Set<number>();
    for (const date of list as readonly unknown[]) {
      const day = typeof date === 'string' ? dayNumberOf(date) : undefined;
      if (day === undefined) throw new RangeError(`calendar ${region}: ${field} holds ${JSON.stringify(date)}, not a YYYY-MM-DD date`);
      out.add(day);
    }
    return out;
  };
  const holidays = daySet('holidays');
  const workdays = daySet('workdays');
  for (const day of workdays) {
    if (holidays.has(day)) throw new RangeError(`calendar ${region}: ${dayToDate(day)} is both a holiday and a make-up workday`);
  }

  const workingHours = cal.workingHours ?? FALLBACK_WORKING_HOURS;
  if (!Array.isArray(workingHours) || workingHours.length === 0) {
    throw new RangeError(`calendar ${region}: workingHours must list at least one period`);
  }
  const periods = (workingHours as readonly WorkingPeriod[])
    .map((p) => {
      const start = p && typeof p.start === 'string' ? timeOfDayOf(p.start) : undefined;
      const end = p && typeof p.end === 'string' ? timeOfDayOf(p.end) : undefined;
      if (start === undefined || end === undefined || start >= end) {
        throw new RangeError(`calendar ${region}: working period ${JSON.stringify(p)} is not 'HH:MM' to a later 'HH:MM'`);
      }
      return { start, end };
    })
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < periods.length; i++) {
    if (periods[i]!.start < periods[i - 1]!.end) throw new RangeError(`calendar ${region}: working periods overlap`);
  }
  const firstStart = periods[0]!.start;
  const lastEnd = periods[periods.length - 1]!.end;

  /** Local day number of an instant. */
  const dayOf = (ms: number): number => Math.floor((ms + offsetMs) / DAY_MS);
  /** The instant of local midnight starting local day `day`. */
  const midnight = (day: number): number => day * DAY_MS - offsetMs;
  const isWorkingDayNumber = (day: number): boolean => {
    if (workdays.has(day)) return true;
    if (holidays.has(day)) return false;
    const weekday = (((day + 4) % 7) + 7) % 7; // day 0 (1970-01-01) was a Thursday
    return weekday !== 0 && weekday !== 6;
  };
  /** Working time of a working day inside [from, to) (ms after local midnight). */
  const workingWithin = (from: number, to: number): number => {
    let sum = 0;
    for (const p of periods) {
      const lo = Math.max(p.start, from);
      const hi = Math.min(p.end, to);
      if (hi > lo) sum += hi - lo;
    }
    return sum;
  };
  const fullDay = workingWithin(0, DAY_MS);

  const compiled: CompiledCalendar = {
    calendar: cal,

    localDate(instantMs) {
      checkInstant('instant', instantMs);
      return dayToDate(dayOf(instantMs));
    },

    isWorkingDay(instantMs) {
      checkInstant('instant', instantMs);
      return isWorkingDayNumber(dayOf(instantMs));
    },

    isWorkingTime(instantMs) {
      checkInstant('instant', instantMs);
      const day = dayOf(instantMs);
      if (!isWorkingDayNumber(day)) return false;
      const t = instantMs - midnight(day);
      return periods.some((p) => t >= p.start && t < p.end);
    },

    nextWorkingTime(instantMs) {
      checkInstant('instant', instantMs);
      let day = dayOf(instantMs);
      let t = instantMs - midnight(day);
      for (;;) {
        if (isWorkingDayNumber(day)) {
          for (const p of periods) {
            if (t < p.end) return midnight(day) + Math.max(t, p.start);
          }
        }
        day += 1;
        t = 0;
      }
    },

    localInstant(date, time) {
      const day = dayNumberOf(date);
      const t = timeOfDayOf(time);
      if (day === undefined || t === undefined) throw new RangeError(`not a local date and time: ${date} ${time}`);
      return midnight(day) + t;
    },

    addWorkingDays(startMs, n, options = {}) {
      checkInstant('start', startMs);
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a non-negative integer, got ${n}`);
      if (n === 0) return startMs;
      let day = dayOf(startMs);
      const timeOfDay = startMs - midnight(day);
      for (let left = n; left > 0; ) {
        day += 1;
        if (isWorkingDayNumber(day)) left -= 1;
      }
      return midnight(day) + (options.endOfDay ? lastEnd : timeOfDay);
    },

    addWorkingHours(startMs, hours) {
      checkInstant('start', startMs);
      if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0) {
        throw new RangeError(`working hours must be a finite non-negative number, got ${hours}`);
      }
      let left = Math.round(hours * HOUR_MS);
      if (left === 0) return startMs;
      let day = dayOf(startMs);
      let from = startMs - midnight(day);
      for (;;) {
        if (isWorkingDayNumber(day)) {
          for (const p of periods) {
            const lo = Math.max(p.start, from);
            if (lo >= p.end) continue;
            const available = p.end - lo;
            if (left <= available) return midnight(day) + lo + left;
            left -= available;
          }
        }
        day += 1;
        from = 0;
      }
    },

    workingTimeBetween(aMs, bMs) {
      checkInstant('a', aMs);
      checkInstant('b', bMs);
      if (bMs <= aMs) return 0;
      const dayA = dayOf(aMs);
      const dayB = dayOf(bMs);
      let sum = 0;
      for (let day = dayA; day <= dayB; day++) {
        if (!isWorkingDayNumber(day)) continue;
        const from = day === dayA ? aMs - midnight(day) : 0;
        const to = day === dayB ? bMs - midnight(day) : DAY_MS;
        sum += from <= firstStart && to >= lastEnd ? fullDay : workingWithin(from, to);
      }
      return sum;
    },

    workingDaysBetween(aMs, bMs) {
      checkInstant('a', aMs);
      checkInstant('b', bMs);
      if (bMs <= aMs) return 0;
      const dayA = dayOf(aMs);
      const dayB = dayOf(bMs);
      let count = 0;
      for (let day = dayA + 1; day < dayB; day++) if (isWorkingDayNumber(day)) count += 1;
      if (dayB > dayA && isWorkingDayNumber(dayB) && aMs - midnight(dayA) <= bMs - midnight(dayB)) count += 1;
      return count;
    },
  };
  return Object.freeze(compiled);
}

/** YYYY-MM-DD of a local day number. */
function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const compiledByCalendar = new WeakMap<WorkCalendar, CompiledCalendar>();

/**
 * Validates a calendar (RangeError when malformed: bad region, offset, date or period, a date both holiday and
 * workday, no working period, overlapping periods) and returns its compiled form, memoised by object identity.
 */
export function compileCalendar(cal: WorkCalendar): CompiledCalendar {
  const known = compiledByCalendar.get(cal);
  if (known) return known;
  const compiled = compile(cal);
  compiledByCalendar.set(cal, compiled);
  return compiled;
}

/** Local calendar date (YYYY-MM-DD) of an instant in the calendar's offset. */
export function localDate(instantMs: number, cal: WorkCalendar): string {
  return compileCalendar(cal).localDate(instantMs);
}

/** Whether the local day containing the instant is worked: a make-up workday, or a weekday that is no holiday. */
export function isWorkingDay(instantMs: number, cal: WorkCalendar): boolean {
  return compileCalendar(cal).isWorkingDay(instantMs);
}

/** Whether the instant is inside a working period ([start, end)) of a working day. */
export function isWorkingTime(instantMs: number, cal: WorkCalendar): boolean {
  return compileCalendar(cal).isWorkingTime(instantMs);
}

/** The instant itself when it is working time, else the start of the next working period of a working day. */
export function nextWorkingTime(instantMs: number, cal: WorkCalendar): number {
  return compileCalendar(cal).nextWorkingTime(instantMs);
}

/** The instant of a local date and 'HH:MM' time on this calendar's offset (e.g. for fixtures and imports). */
export function localInstant(date: string, time: string, cal: WorkCalendar): number {
  return compileCalendar(cal).localInstant(date, time);
}

/**
 * Adds `n` working days (a non-negative integer, else RangeError).
 *
 * Without options: the same local time of day on the n-th working day after the start's local day. The start day
 * itself never counts, worked or not, and a start on a day off counts from that day: Saturday 10:00 + 1 working
 * day = Monday 10:00; a case opened at 23:59 on the eve of a holiday is due at 23:59 on the first working day after
 * the holiday. The result keeps the start's time of day even when that is outside working hours (a start at 20:00
 * lands at 20:00): the clock is "n working days", not "n × working hours".
 *
 * With `endOfDay`: the end of the last working period (e.g. 17:30) of that n-th working day.
 *
 * `n = 0` returns the start unchanged, with or without `endOfDay`.
 */
export function addWorkingDays(startMs: number, n: number, cal: WorkCalendar, options: AddWorkingDaysOptions = {}): number {
  return compileCalendar(cal).addWorkingDays(startMs, n, options);
}

/**
 * Adds working hours (a finite non-negative number, fractions allowed, rounded to the millisecond), counting only
 * time inside the working periods of working days. A start outside working time begins counting at the next
 * working period's start. A budget that runs out exactly at a period's end lands on that end (e.g. 12:00), not on
 * the next period's start. 0 hours returns the start unchanged.
 */
export function addWorkingHours(startMs: number, hours: number, cal: WorkCalendar): number {
  return compileCalendar(cal).addWorkingHours(startMs, hours);
}

/** Milliseconds of working time (inside working periods of working days) in [a, b); 0 when b <= a. */
export function workingTimeBetween(aMs: number, bMs: number, cal: WorkCalendar): number {
  return compileCalendar(cal).workingTimeBetween(aMs, bMs);
}

/**
 * Whole working days elapsed from a to b: the largest n with addWorkingDays(a, n) <= b (0 when b <= a). So
 * `workingDaysBetween(due, now) >= 1` is "one working day overdue", and it reaches 1 at the same local time of day
 * on the next working day after the deadline's day.
 */
export function workingDaysBetween(aMs: number, bMs: number, cal: WorkCalendar): number {
  return compileCalendar(cal).workingDaysBetween(aMs, bMs);
}
