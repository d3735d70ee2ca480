import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isWorkday as packageIsWorkday } from 'chinese-days';
import {
  addWorkingDays,
  addWorkingHours,
  compileCalendar,
  isWorkingDay,
  isWorkingTime,
  localDate,
  localInstant,
  nextWorkingTime,
  workingDaysBetween,
  workingTimeBetween,
  type WorkCalendar,
} from './calendar.rules.js';
import { CN_OFFICIAL_CALENDAR, DEFAULT_WORKING_HOURS, OFFICIAL_CALENDAR_YEARS, officialCalendars } from '../db/calendar-data.js';

const cal = CN_OFFICIAL_CALENDAR;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An instant from a local (UTC+8) date and time on the official calendar. */
const at = (date: string, time: string): number => localInstant(date, time, cal);
/** Local 'YYYY-MM-DD HH:MM' (weekday) of an instant, for readable failures. */
const show = (ms: number): string => {
  const d = new Date(ms + cal.utcOffsetMinutes * MINUTE);
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} ${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()]}`;
};
const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};
const weekday = (date: string): number => new Date(`${date}T12:00:00Z`).getUTCDay();
/** The same calendar without its holidays and make-up days: weekends only. */
const weekendsOnly: WorkCalendar = { ...cal, holidays: [], workdays: [] };

describe('generated data (db/calendar-data.ts from chinese-days)', () => {
  it('covers 2024 to 2026, sorted, make-up days on weekends, no day both off and on', () => {
    for (const year of [2024, 2025, 2026]) expect(OFFICIAL_CALENDAR_YEARS).toContain(year);
    for (const year of OFFICIAL_CALENDAR_YEARS) {
      const { holidays, workdays, source } = officialCalendars[year]!;
      expect(source).toMatch(/^chinese-days@/);
      expect(holidays).toEqual([...holidays].sort());
      expect(workdays).toEqual([...workdays].sort());
      for (const d of [...holidays, ...workdays]) expect(d.startsWith(`${year}-`)).toBe(true);
      for (const d of workdays) expect([0, 6]).toContain(weekday(d));
      for (const d of workdays) expect(holidays).not.toContain(d);
    }
    expect(() => compileCalendar(cal)).not.toThrow();
    expect(cal.workingHours).toBe(DEFAULT_WORKING_HOURS);
    expect(DEFAULT_WORKING_HOURS).toEqual([{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:30' }]);
  });

  it('2026 matches the State Council notice (国办发明电〔2025〕7号) day for day', () => {
    const y2026 = officialCalendars[2026]!;
    expect(y2026.holidays).toEqual([
      ...range('2026-01-01', '2026-01-03'), // 元旦
      ...range('2026-02-15', '2026-02-23'), // 春节, 腊月二十八 (Sun) to 正月初七 (Mon), 9 days
      ...range('2026-04-04', '2026-04-06'), // 清明
      ...range('2026-05-01', '2026-05-05'), // 劳动节
      ...range('2026-06-19', '2026-06-21'), // 端午
      ...range('2026-09-25', '2026-09-27'), // 中秋
      ...range('2026-10-01', '2026-10-07'), // 国庆节
    ]);
    // 1-4 Sun (元旦); 2-14 Sat, 2-28 Sat (春节); 5-9 Sat (劳动节); 9-20 Sun, 10-10 Sat (国庆节)
    expect(y2026.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(weekday('2026-02-15')).toBe(0);
    expect(weekday('2026-02-23')).toBe(1);
    expect(weekday('2026-09-20')).toBe(0);
    expect(weekday('2026-10-10')).toBe(6);
  });

  it('2024 and 2025 hold the notices\' Spring Festival and National Day breaks', () => {
    expect(officialCalendars[2024]!.holidays).toEqual(expect.arrayContaining([...range('2024-02-10', '2024-02-17'), ...range('2024-10-01', '2024-10-07')]));
    expect(officialCalendars[2024]!.workdays).toEqual(expect.arrayContaining(['2024-02-04', '2024-02-18', '2024-09-29', '2024-10-12']));
    expect(officialCalendars[2025]!.holidays).toEqual(expect.arrayContaining([...range('2025-01-28', '2025-02-04'), ...range('2025-10-01', '2025-10-08')]));
    expect(officialCalendars[2025]!.workdays).toEqual(expect.arrayContaining(['2025-01-26', '2025-02-08', '2025-09-28', '2025-10-11']));
  });

  it('agrees with the package\'s own isWorkday on every day of every covered year', () => {
    for (const year of OFFICIAL_CALENDAR_YEARS) {
      for (const date of range(`${year}-01-01`, `${year}-12-31`)) {
        expect([date, isWorkingDay(at(date, '12:00'), cal)]).toEqual([date, packageIsWorkday(date)]);
      }
    }
  });
});

describe('isWorkingDay and localDate', () => {
  it('weekends off, holidays off, make-up weekend days on', () => {
    expect(isWorkingDay(at('2026-11-24', '10:00'), cal)).toBe(true); // Tue
    expect(isWorkingDay(at('2026-11-21', '10:00'), cal)).toBe(false); // Sat
    expect(isWorkingDay(at('2026-02-16', '10:00'), cal)).toBe(false); // Mon, Spring Festival
    expect(isWorkingDay(at('2026-02-14', '10:00'), cal)).toBe(true); // Sat, make-up
    expect(isWorkingDay(at('2026-09-20', '10:00'), cal)).toBe(true); // Sun, make-up
    expect(isWorkingDay(at('2026-10-10', '10:00'), cal)).toBe(true); // Sat, make-up
    expect(isWorkingDay(at('2026-10-11', '10:00'), cal)).toBe(false); // Sun
  });

  it('uses the calendar offset, not UTC', () => {
    expect(localDate(Date.parse('2026-09-30T15:59:59.999Z'), cal)).toBe('2026-09-30');
    expect(localDate(Date.parse('2026-09-30T16:00:00Z'), cal)).toBe('2026-10-01');
    expect(isWorkingDay(Date.parse('2026-09-30T15:59:00Z'), cal)).toBe(true); // 23:59 local, Wed
    expect(isWorkingDay(Date.parse('2026-09-30T16:00:00Z'), cal)).toBe(false); // 00:00 local, National Day
    expect(localDate(Date.parse('2026-09-30T20:00:00Z'), { ...cal, utcOffsetMinutes: 0 })).toBe('2026-09-30');
    expect(localDate(Date.parse('2027-01-01T03:00:00Z'), { ...weekendsOnly, utcOffsetMinutes: -300 })).toBe('2026-12-31');
  });

  it('working time is inside a period of a working day', () => {
    expect(isWorkingTime(at('2026-11-24', '09:00'), cal)).toBe(true);
    expect(isWorkingTime(at('2026-11-24', '12:00'), cal)).toBe(false); // lunch, end exclusive
    expect(isWorkingTime(at('2026-11-24', '13:30'), cal)).toBe(true);
    expect(isWorkingTime(at('2026-11-24', '17:30'), cal)).toBe(false);
    expect(isWorkingTime(at('2026-10-10', '10:00'), cal)).toBe(true); // make-up Saturday
    expect(isWorkingTime(at('2026-10-01', '10:00'), cal)).toBe(false);
    expect(show(nextWorkingTime(at('2026-09-30', '18:00'), cal))).toBe('2026-10-08 09:00 Thu');
    expect(show(nextWorkingTime(at('2026-11-24', '12:15'), cal))).toBe('2026-11-24 13:30 Tue');
    expect(nextWorkingTime(at('2026-11-24', '10:00'), cal)).toBe(at('2026-11-24', '10:00'));
  });
});

describe('addWorkingDays', () => {
  it('a start on a day off counts from that day: Saturday 10:00 + 1 = Monday 10:00', () => {
    expect(show(addWorkingDays(at('2026-11-21', '10:00'), 1, cal))).toBe('2026-11-23 10:00 Mon');
    expect(show(addWorkingDays(at('2026-11-22', '10:00'), 1, cal))).toBe('2026-11-23 10:00 Mon');
    expect(show(addWorkingDays(at('2026-11-20', '10:00'), 1, cal))).toBe('2026-11-23 10:00 Mon');
  });

  it('Spring Festival 2026: opened the working day(s) before the break, +5 lands after it', () => {
    // Fri 2-13: Sat 2-14 (make-up) is 1, then 2-15..2-23 off, 2-24..2-27 are 2..5.
    expect(show(addWorkingDays(at('2026-02-13', '10:00'), 5, cal))).toBe('2026-02-27 10:00 Fri');
    // Sat 2-14 (make-up, the last working day before the break): 2-24..2-27 are 1..4, Sat 2-28 (make-up) is 5.
    expect(show(addWorkingDays(at('2026-02-14', '10:00'), 5, cal))).toBe('2026-02-28 10:00 Sat');
    // On weekends only it would have been due in the middle of the break.
    expect(show(addWorkingDays(at('2026-02-13', '10:00'), 5, weekendsOnly))).toBe('2026-02-20 10:00 Fri');
  });

  it('National Day 2026: the make-up Sunday and Saturday count as working days', () => {
    expect(show(addWorkingDays(at('2026-09-18', '10:00'), 1, cal))).toBe('2026-09-20 10:00 Sun');
    expect(show(addWorkingDays(at('2026-09-30', '10:00'), 1, cal))).toBe('2026-10-08 10:00 Thu');
    expect(show(addWorkingDays(at('2026-09-30', '10:00'), 3, cal))).toBe('2026-10-10 10:00 Sat');
    expect(show(addWorkingDays(at('2026-09-30', '10:00'), 4, cal))).toBe('2026-10-12 10:00 Mon');
    expect(show(addWorkingDays(at('2026-09-24', '10:00'), 1, cal))).toBe('2026-09-28 10:00 Mon'); // over Mid-Autumn
  });

  it('a deadline that would land on a holiday moves past it', () => {
    expect(show(addWorkingDays(at('2026-09-28', '10:00'), 3, weekendsOnly))).toBe('2026-10-01 10:00 Thu');
    expect(show(addWorkingDays(at('2026-09-28', '10:00'), 3, cal))).toBe('2026-10-08 10:00 Thu');
    expect(show(addWorkingDays(at('2026-04-30', '15:00'), 1, cal))).toBe('2026-05-06 15:00 Wed'); // Labour Day
  });

  it('a case opened at 23:59 on the eve of a holiday keeps its time of day, and endOfDay gives 17:30', () => {
    const eve = at('2026-09-30', '23:59');
    expect(eve).toBe(Date.parse('2026-09-30T15:59:00Z'));
    expect(show(addWorkingDays(eve, 1, cal))).toBe('2026-10-08 23:59 Thu');
    expect(show(addWorkingDays(eve, 1, cal, { endOfDay: true }))).toBe('2026-10-08 17:30 Thu');
    const springEve = at('2026-02-14', '23:59'); // the make-up Saturday before Spring Festival
    expect(show(addWorkingDays(springEve, 1, cal))).toBe('2026-02-24 23:59 Tue');
  });

  it('endOfDay: the end of the last working period of the n-th working day', () => {
    expect(show(addWorkingDays(at('2026-02-13', '10:00'), 1, cal, { endOfDay: true }))).toBe('2026-02-14 17:30 Sat');
    expect(show(addWorkingDays(at('2026-11-24', '08:00'), 2, cal, { endOfDay: true }))).toBe('2026-11-26 17:30 Thu');
    const late: WorkCalendar = { ...cal, workingHours: [{ start: '08:00', end: '12:00' }, { start: '14:00', end: '18:00' }] };
    expect(show(addWorkingDays(at('2026-11-24', '08:00'), 1, late, { endOfDay: true }))).toBe('2026-11-25 18:00 Wed');
  });

  it('0 days is the start itself; 15 working days over Spring Festival', () => {
    const start = at('2026-11-24', '10:00');
    expect(addWorkingDays(start, 0, cal)).toBe(start);
    expect(addWorkingDays(start, 0, cal, { endOfDay: true })).toBe(start);
    // Mon 2-9 2026 + 15: 2-10..2-14 (5, incl. Sat 2-14), 2-24..2-28 (10, incl. Sat 2-28), 3-2..3-6 (15)
    expect(show(addWorkingDays(at('2026-02-09', '09:30'), 15, cal))).toBe('2026-03-06 09:30 Fri');
  });

  it('handles years of range per day, not per minute', () => {
    const start = at('2024-01-02', '10:00');
    const t0 = performance.now();
    const end = addWorkingDays(start, 740, cal);
    expect(performance.now() - t0).toBeLessThan(200);
    expect(workingDaysBetween(start, end, cal)).toBe(740);
    expect(isWorkingDay(end, cal)).toBe(true);
  });
});

describe('addWorkingHours', () => {
  it('across the lunch break', () => {
    expect(show(addWorkingHours(at('2026-11-24', '11:00'), 2, cal))).toBe('2026-11-24 14:30 Tue');
    expect(show(addWorkingHours(at('2026-11-24', '11:00'), 1, cal))).toBe('2026-11-24 12:00 Tue'); // lands on the end
    expect(show(addWorkingHours(at('2026-11-24', '12:30'), 1, cal))).toBe('2026-11-24 14:30 Tue'); // starts at 13:30
  });

  it('across a weekend and outside working time', () => {
    expect(show(addWorkingHours(at('2026-11-27', '16:30'), 3, cal))).toBe('2026-11-30 11:00 Mon');
    expect(show(addWorkingHours(at('2026-11-28', '10:00'), 1, cal))).toBe('2026-11-30 10:00 Mon');
    expect(show(addWorkingHours(at('2026-11-24', '07:00'), 1, cal))).toBe('2026-11-24 10:00 Tue');
    expect(show(addWorkingHours(at('2026-11-24', '20:00'), 1, cal))).toBe('2026-11-25 10:00 Wed');
    expect(show(addWorkingHours(at('2026-11-24', '09:00'), 7, cal))).toBe('2026-11-24 17:30 Tue'); // one full day
    expect(show(addWorkingHours(at('2026-11-24', '09:00'), 7.5, cal))).toBe('2026-11-25 09:30 Wed');
  });

  it('across a holiday and onto a make-up day', () => {
    expect(show(addWorkingHours(at('2026-09-30', '17:00'), 1, cal))).toBe('2026-10-08 09:30 Thu');
    expect(show(addWorkingHours(at('2026-10-09', '17:00'), 1, cal))).toBe('2026-10-10 09:30 Sat');
  });

  it('0 hours is the start itself', () => {
    const start = at('2026-11-28', '10:00');
    expect(addWorkingHours(start, 0, cal)).toBe(start);
  });
});

describe('workingTimeBetween and workingDaysBetween', () => {
  it('counts only working periods of working days in [a, b)', () => {
    expect(workingTimeBetween(at('2026-11-24', '11:30'), at('2026-11-24', '14:00'), cal)).toBe(1 * HOUR);
    expect(workingTimeBetween(at('2026-11-24', '12:00'), at('2026-11-24', '13:30'), cal)).toBe(0);
    expect(workingTimeBetween(at('2026-11-27', '09:00'), at('2026-11-30', '09:00'), cal)).toBe(7 * HOUR); // weekend
    expect(workingTimeBetween(at('2026-11-24', '10:00'), at('2026-11-24', '10:00'), cal)).toBe(0);
    expect(workingTimeBetween(at('2026-11-24', '11:00'), at('2026-11-24', '10:00'), cal)).toBe(0);
  });

  it('across a holiday', () => {
    expect(workingTimeBetween(at('2026-09-30', '09:00'), at('2026-10-08', '09:00'), cal)).toBe(7 * HOUR);
    expect(workingTimeBetween(at('2026-09-30', '09:00'), at('2026-10-08', '09:00'), weekendsOnly)).toBe(6 * 7 * HOUR);
    // Fri 2-13 and the make-up Sat 2-14 before Spring Festival, nothing during it.
    expect(workingTimeBetween(at('2026-02-13', '09:00'), at('2026-02-24', '09:00'), cal)).toBe(14 * HOUR);
    // A whole year: 7 hours per working day.
    const days2026 = range('2026-01-01', '2026-12-31').filter((d) => isWorkingDay(at(d, '12:00'), cal)).length;
    expect(workingTimeBetween(at('2026-01-01', '00:00'), at('2027-01-01', '00:00'), cal)).toBe(days2026 * 7 * HOUR);
  });

  it('whole working days elapsed: "one working day overdue", "five working days overdue"', () => {
    const due = at('2026-09-30', '10:00');
    expect(workingDaysBetween(due, at('2026-10-08', '09:59'), cal)).toBe(0);
    expect(workingDaysBetween(due, at('2026-10-08', '10:00'), cal)).toBe(1);
    expect(workingDaysBetween(due, at('2026-10-10', '10:00'), cal)).toBe(3); // 10-8, 10-9, Sat 10-10
    expect(workingDaysBetween(due, at('2026-10-11', '18:00'), cal)).toBe(3); // Sunday adds nothing
    expect(workingDaysBetween(due, at('2026-10-13', '09:59'), cal)).toBe(4);
    expect(workingDaysBetween(due, at('2026-10-13', '10:00'), cal)).toBe(5);
    expect(workingDaysBetween(due, due, cal)).toBe(0);
    expect(workingDaysBetween(due, at('2026-09-29', '10:00'), cal)).toBe(0);
    expect(workingDaysBetween(at('2026-11-21', '10:00'), at('2026-11-23', '10:00'), cal)).toBe(1); // from a Saturday
  });
});

describe('input checks', () => {
  const start = at('2026-11-24', '10:00');
  it('rejects negative or non-integer days, bad hours and NaN instants', () => {
    expect(() => addWorkingDays(start, -1, cal)).toThrow(RangeError);
    expect(() => addWorkingDays(start, 1.5, cal)).toThrow(RangeError);
    expect(() => addWorkingDays(start, Number.NaN, cal)).toThrow(RangeError);
    expect(() => addWorkingDays(Number.NaN, 1, cal)).toThrow(RangeError);
    expect(() => addWorkingHours(start, -1, cal)).toThrow(RangeError);
    expect(() => addWorkingHours(start, Number.POSITIVE_INFINITY, cal)).toThrow(RangeError);
    expect(() => addWorkingHours(Number.NaN, 1, cal)).toThrow(RangeError);
    expect(() => isWorkingDay(Number.NaN, cal)).toThrow(RangeError);
    expect(() => localDate(Number.NaN, cal)).toThrow(RangeError);
    expect(() => workingTimeBetween(start, Number.NaN, cal)).toThrow(RangeError);
    expect(() => workingDaysBetween(Number.NaN, start, cal)).toThrow(RangeError);
    expect(() => localInstant('2026-02-30', '10:00', cal)).toThrow(RangeError);
  });

  it('rejects malformed calendars', () => {
    const bad: Array<Partial<WorkCalendar> & Record<string, unknown>> = [
      { region: '' },
      { utcOffsetMinutes: 480.5 },
      { utcOffsetMinutes: 24 * 60 },
      { holidays: ['2026-02-30'] },
      { holidays: ['2026-2-3'] },
      { workdays: [20260214 as unknown as string] },
      { holidays: ['2026-02-14'], workdays: ['2026-02-14'] },
      { workingHours: [] },
      { workingHours: [{ start: '9:00', end: '12:00' }] },
      { workingHours: [{ start: '12:00', end: '09:00' }] },
      { workingHours: [{ start: '09:00', end: '24:30' }] },
      { workingHours: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '17:00' }] },
    ];
    for (const patch of bad) {
      const broken = { ...weekendsOnly, ...patch } as WorkCalendar;
      expect(() => compileCalendar(broken), JSON.stringify(patch)).toThrow(RangeError);
      expect(() => addWorkingDays(start, 1, broken), JSON.stringify(patch)).toThrow(RangeError);
    }
  });

  it('compiles a calendar once per object', () => {
    expect(compileCalendar(cal)).toBe(compileCalendar(cal));
    const compiled = compileCalendar(cal);
    expect(compiled.addWorkingDays(start, 2)).toBe(addWorkingDays(start, 2, cal));
  });
});

describe('properties', () => {
  // Instants from 2024-01-01 to 2026-11-30 local, at minute resolution.
  const instant = fc.integer({ min: at('2024-01-01', '00:00') / MINUTE, max: at('2026-11-30', '00:00') / MINUTE }).map((m) => m * MINUTE);

  it('addWorkingDays is strictly increasing in n and workingDaysBetween inverts it', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (a, n1, n2) => {
        const [lo, hi] = n1 <= n2 ? [n1, n2] : [n2, n1];
        const tLo = addWorkingDays(a, lo, cal);
        const tHi = addWorkingDays(a, hi, cal);
        if (lo < hi) expect(tLo).toBeLessThan(tHi);
        else expect(tLo).toBe(tHi);
        expect(workingDaysBetween(a, tHi, cal)).toBe(hi);
        if (hi > 0) {
          expect(workingDaysBetween(a, tHi - 1, cal)).toBe(hi - 1);
          expect(isWorkingDay(tHi, cal)).toBe(true);
          expect(addWorkingDays(a, hi, cal, { endOfDay: true }) - tHi).toBeLessThan(DAY);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('workingTimeBetween(a, addWorkingHours(a, h)) is h hours from inside working time (and from anywhere)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 120 * 60 }), (raw, minutes) => {
        const hours = minutes / 60;
        const inside = nextWorkingTime(raw, cal);
        expect(isWorkingTime(inside, cal)).toBe(true);
        for (const a of [inside, raw]) {
          const end = addWorkingHours(a, hours, cal);
          expect(end).toBeGreaterThanOrEqual(a);
          expect(workingTimeBetween(a, end, cal)).toBe(minutes * MINUTE);
        }
      }),
      { numRuns: 300 },
    );
  });
});
