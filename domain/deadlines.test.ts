import { describe, it, expect } from 'vitest';
import { addWorkingDays, compileCalendar, isWorkingDay, localDate, type WorkCalendar } from './calendar.rules.js';
import { dueAt, extendByPause, warnAt, windowStart, yellowAfterPause, yellowAt } from './deadlines.js';

/** An instant written with its offset, e.g. at('2026-09-30T09:00+08:00'). */
const at = (s: string): number => {
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) throw new Error(`bad fixture instant ${s}`);
  return ms;
};
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Weekends only: what the default policy runs on until a holiday calendar is loaded. */
const weekends: WorkCalendar = { utcOffsetMinutes: 480, holidays: [], workdays: [] };

/**
 * TEST FIXTURE, not the product calendar. 2026 dates as published by 国务院办公厅关于2026年部分节假日安排的通知
 * (2025-11-04, 国办发明电): Spring Festival 2026-02-15..02-23 off, Sat 02-14 and Sat 02-28 worked;
 * Mid-Autumn 2026-09-25..09-27 off; National Day 2026-10-01..10-07 off, Sun 09-20 and Sat 10-10 worked.
 */
const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};
const cn2026: WorkCalendar = {
  utcOffsetMinutes: 480,
  holidays: [...range('2026-02-15', '2026-02-23'), ...range('2026-09-25', '2026-09-27'), ...range('2026-10-01', '2026-10-07')],
  workdays: ['2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10'],
};

describe('fixtures', () => {
  it('have the weekdays the 2026 notice states', () => {
    const weekday = (d: string) => new Date(`${d}T12:00:00Z`).getUTCDay();
    expect(weekday('2026-10-01')).toBe(4); // 周四
    expect(weekday('2026-10-07')).toBe(3); // 周三
    expect(weekday('2026-09-20')).toBe(0); // 周日
    expect(weekday('2026-10-10')).toBe(6); // 周六
    expect(weekday('2026-02-14')).toBe(6);
    expect(weekday('2026-02-15')).toBe(0);
    expect(weekday('2026-02-23')).toBe(1);
    expect(weekday('2026-02-28')).toBe(6);
    expect(cn2026.holidays).toHaveLength(9 + 3 + 7);
  });
});

describe('localDate', () => {
  it('uses the calendar offset, not UTC, across the date line', () => {
    expect(localDate(at('2026-11-22T17:30:00Z'), weekends)).toBe('2026-11-23');
    expect(localDate(at('2026-11-22T15:59:59.999Z'), weekends)).toBe('2026-11-22');
    expect(localDate(at('2026-11-22T16:00:00Z'), weekends)).toBe('2026-11-23');
    expect(localDate(at('2026-11-22T17:30:00Z'), { ...weekends, utcOffsetMinutes: 0 })).toBe('2026-11-22');
  });

  it('handles negative offsets and year ends', () => {
    expect(localDate(at('2026-12-31T16:00:00Z'), weekends)).toBe('2027-01-01');
    expect(localDate(at('2027-01-01T03:00:00Z'), { ...weekends, utcOffsetMinutes: -300 })).toBe('2026-12-31');
  });
});

describe('isWorkingDay', () => {
  it('judges the local day, not the UTC day', () => {
    // Monday 01:30 in Shanghai is still Sunday in UTC.
    expect(isWorkingDay(at('2026-11-22T17:30:00Z'), weekends)).toBe(true);
    // Saturday 07:00 in Shanghai is still Friday in UTC.
    expect(isWorkingDay(at('2026-11-20T23:00:00Z'), weekends)).toBe(false);
    // 00:30 on 1 October in Shanghai is 30 September in UTC.
    expect(isWorkingDay(at('2026-09-30T16:30:00Z'), cn2026)).toBe(false);
    expect(isWorkingDay(at('2026-09-30T15:59:00Z'), cn2026)).toBe(true);
  });

  it('treats weekends as off and weekdays as on without a holiday list', () => {
    expect(isWorkingDay(at('2026-11-20T12:00+08:00'), weekends)).toBe(true); // Friday
    expect(isWorkingDay(at('2026-11-21T12:00+08:00'), weekends)).toBe(false); // Saturday
    expect(isWorkingDay(at('2026-11-22T12:00+08:00'), weekends)).toBe(false); // Sunday
    expect(isWorkingDay(at('2026-11-23T12:00+08:00'), weekends)).toBe(true); // Monday
  });

  it('follows the holiday list and the make-up working weekends (调休)', () => {
    const on = (d: string) => isWorkingDay(at(`${d}T10:00+08:00`), cn2026);
    expect(on('2026-02-13')).toBe(true);
    expect(on('2026-02-14')).toBe(true); // make-up Saturday
    for (const d of range('2026-02-15', '2026-02-23')) expect(on(d), d).toBe(false);
    expect(on('2026-02-24')).toBe(true);
    expect(on('2026-02-28')).toBe(true); // make-up Saturday
    expect(on('2026-03-01')).toBe(false); // ordinary Sunday
    expect(on('2026-09-20')).toBe(true); // make-up Sunday
    expect(on('2026-09-25')).toBe(false); // Mid-Autumn, a Friday
    for (const d of range('2026-10-01', '2026-10-07')) expect(on(d), d).toBe(false);
    expect(on('2026-10-08')).toBe(true);
    expect(on('2026-10-10')).toBe(true); // make-up Saturday
    expect(on('2026-10-11')).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it('adds one working day to a weekday at the same local time', () => {
    expect(addWorkingDays(at('2026-11-17T10:00+08:00'), 1, weekends)).toBe(at('2026-11-18T10:00+08:00'));
  });

  it('takes Friday + 1 to Monday at the same local time', () => {
    expect(addWorkingDays(at('2026-11-20T17:30+08:00'), 1, weekends)).toBe(at('2026-11-23T17:30+08:00'));
    // Late Friday evening is Friday afternoon in UTC; the weekend is still the local one.
    expect(addWorkingDays(at('2026-11-20T23:30+08:00'), 1, weekends)).toBe(at('2026-11-23T23:30+08:00'));
    // Early Friday morning is Thursday in UTC.
    expect(addWorkingDays(at('2026-11-20T06:00+08:00'), 1, weekends)).toBe(at('2026-11-23T06:00+08:00'));
  });

  it('counts a start on a weekend from that day: Saturday or Sunday + 1 = Monday', () => {
    expect(addWorkingDays(at('2026-11-21T10:00+08:00'), 1, weekends)).toBe(at('2026-11-23T10:00+08:00'));
    expect(addWorkingDays(at('2026-11-22T10:00+08:00'), 1, weekends)).toBe(at('2026-11-23T10:00+08:00'));
  });

  it('adds 5 working days across a weekend', () => {
    expect(addWorkingDays(at('2026-11-18T09:00+08:00'), 5, weekends)).toBe(at('2026-11-25T09:00+08:00'));
    expect(addWorkingDays(at('2026-11-16T09:00+08:00'), 5, weekends)).toBe(at('2026-11-23T09:00+08:00'));
  });

  it('lands 5 working days from 2026-09-30 09:00 after National Day, counting the make-up Saturday', () => {
    // 10-01..10-07 off; 10-08 (1), 10-09 (2), Sat 10-10 make-up (3), 10-12 (4), 10-13 (5).
    expect(addWorkingDays(at('2026-09-30T09:00+08:00'), 5, cn2026)).toBe(at('2026-10-13T09:00+08:00'));
    // Without the holidays it would be the next Wednesday.
    expect(addWorkingDays(at('2026-09-30T09:00+08:00'), 5, weekends)).toBe(at('2026-10-07T09:00+08:00'));
  });

  it('counts a make-up Saturday or Sunday as a working day', () => {
    expect(addWorkingDays(at('2026-10-09T15:00+08:00'), 1, cn2026)).toBe(at('2026-10-10T15:00+08:00'));
    expect(addWorkingDays(at('2026-09-18T15:00+08:00'), 1, cn2026)).toBe(at('2026-09-20T15:00+08:00'));
    expect(addWorkingDays(at('2026-09-19T15:00+08:00'), 1, cn2026)).toBe(at('2026-09-20T15:00+08:00'));
    expect(addWorkingDays(at('2026-02-27T15:00+08:00'), 1, cn2026)).toBe(at('2026-02-28T15:00+08:00'));
  });

  it('moves a deadline that would land on a holiday past it', () => {
    // Tue 09-29 + 2 would be Thu 10-01 on weekends alone.
    expect(addWorkingDays(at('2026-09-29T09:00+08:00'), 2, weekends)).toBe(at('2026-10-01T09:00+08:00'));
    expect(addWorkingDays(at('2026-09-29T09:00+08:00'), 2, cn2026)).toBe(at('2026-10-08T09:00+08:00'));
    // Thu 09-24 + 1 would be Fri 09-25 (Mid-Autumn).
    expect(addWorkingDays(at('2026-09-24T09:00+08:00'), 1, cn2026)).toBe(at('2026-09-28T09:00+08:00'));
  });

  it('handles a case opened at 23:59 local on the eve of a holiday', () => {
    const eve = at('2026-09-30T23:59+08:00'); // 15:59 UTC, same UTC date
    expect(addWorkingDays(eve, 1, cn2026)).toBe(at('2026-10-08T23:59+08:00'));
    expect(addWorkingDays(eve, 5, cn2026)).toBe(at('2026-10-13T23:59+08:00'));
    const springEve = at('2026-02-14T23:59+08:00'); // make-up Saturday, eve of Spring Festival
    expect(addWorkingDays(springEve, 1, cn2026)).toBe(at('2026-02-24T23:59+08:00'));
  });

  it('counts a start inside a holiday from that day', () => {
    expect(addWorkingDays(at('2026-10-03T10:00+08:00'), 1, cn2026)).toBe(at('2026-10-08T10:00+08:00'));
    expect(addWorkingDays(at('2026-02-18T10:00+08:00'), 1, cn2026)).toBe(at('2026-02-24T10:00+08:00'));
  });

  it('runs across Spring Festival 2026 with both make-up Saturdays', () => {
    // Fri 02-13 + 1 = make-up Sat 02-14.
    expect(addWorkingDays(at('2026-02-13T10:00+08:00'), 1, cn2026)).toBe(at('2026-02-14T10:00+08:00'));
    // Fri 02-13 + 2 = Tue 02-24 (first day back).
    expect(addWorkingDays(at('2026-02-13T10:00+08:00'), 2, cn2026)).toBe(at('2026-02-24T10:00+08:00'));
    // Thu 02-12 + 5: 02-13 (1), 02-14 (2), 02-24 (3), 02-25 (4), 02-26 (5).
    expect(addWorkingDays(at('2026-02-12T10:00+08:00'), 5, cn2026)).toBe(at('2026-02-26T10:00+08:00'));
    // Tue 02-24 + 5: 25, 26, 27, Sat 28 (make-up), Mon 03-02.
    expect(addWorkingDays(at('2026-02-24T10:00+08:00'), 5, cn2026)).toBe(at('2026-03-02T10:00+08:00'));
  });

  it('is the identity for 0 days, even on a day off', () => {
    for (const s of ['2026-11-18T09:00+08:00', '2026-11-21T09:00+08:00', '2026-10-03T09:00+08:00']) {
      expect(addWorkingDays(at(s), 0, cn2026)).toBe(at(s));
    }
  });

  it('throws RangeError for negative, fractional or non-finite days', () => {
    const t = at('2026-11-18T09:00+08:00');
    for (const bad of [-1, -0.5, 0.5, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addWorkingDays(t, bad, weekends), String(bad)).toThrow(RangeError);
    }
  });
});

describe('dueAt', () => {
  const start = at('2026-09-30T23:00+08:00'); // eve of National Day, late evening

  it('counts seconds, minutes, hours and days on the wall clock, ignoring weekends and holidays', () => {
    expect(dueAt(start, { amount: 30, unit: 'seconds' }, cn2026)).toBe(start + 30_000);
    expect(dueAt(start, { amount: 15, unit: 'minutes' }, cn2026)).toBe(at('2026-09-30T23:15+08:00'));
    expect(dueAt(start, { amount: 2, unit: 'hours' }, cn2026)).toBe(at('2026-10-01T01:00+08:00'));
    expect(dueAt(start, { amount: 1, unit: 'days' }, cn2026)).toBe(at('2026-10-01T23:00+08:00'));
    const friday = at('2026-11-20T20:00+08:00');
    expect(dueAt(friday, { amount: 1, unit: 'days' }, weekends)).toBe(at('2026-11-21T20:00+08:00'));
    expect(dueAt(friday, { amount: 1.5, unit: 'hours' }, weekends)).toBe(friday + 1.5 * HOUR);
  });

  it('counts working days on the calendar', () => {
    expect(dueAt(start, { amount: 1, unit: 'working_days' }, cn2026)).toBe(at('2026-10-08T23:00+08:00'));
    expect(dueAt(at('2026-09-30T09:00+08:00'), { amount: 5, unit: 'working_days' }, cn2026)).toBe(at('2026-10-13T09:00+08:00'));
  });

  it('rejects a fractional working-day length', () => {
    expect(() => dueAt(start, { amount: 1.5, unit: 'working_days' }, cn2026)).toThrow(RangeError);
  });
});

describe('warnAt', () => {
  it('is start + 75% of the span with ratio 0.75', () => {
    const start = at('2026-11-18T09:00+08:00');
    expect(warnAt(start, start + 8 * HOUR, 0.75)).toBe(start + 6 * HOUR);
    expect(warnAt(start, start + 15 * 60_000, 0.75)).toBe(start + 11.25 * 60_000);
  });

  it('rounds down to whole milliseconds', () => {
    expect(warnAt(1_000, 1_003, 0.75)).toBe(1_002);
  });

  it('is the start at ratio 0 and the due instant at ratio 1', () => {
    expect(warnAt(5_000, 9_000, 0)).toBe(5_000);
    expect(warnAt(5_000, 9_000, 1)).toBe(9_000);
  });

  it('measures a working-day clock on the wall clock, so it can fall on a day off', () => {
    // Friday 09:00 + 1 working day = Monday 09:00: 72 h span, 75% is Sunday 15:00.
    const friday = at('2026-11-20T09:00+08:00');
    const due = dueAt(friday, { amount: 1, unit: 'working_days' }, weekends);
    expect(warnAt(friday, due, 0.75)).toBe(at('2026-11-22T15:00+08:00'));
  });
});

describe('extendByPause', () => {
  const cal = { utcOffsetMinutes: 480, holidays: [], workdays: [] };
  const at = (s: string) => Date.parse(`${s}+08:00`);
  it('moves a wall-clock deadline by the wall time paused', () => {
    expect(extendByPause(at('2026-11-20T10:00:00'), at('2026-11-18T10:00:00'), at('2026-11-18T12:30:00'), { amount: 1, unit: 'days' }, cal)).toBe(at('2026-11-20T12:30:00'));
  });
  it('moves a working-day deadline by the working days lost, keeping its time of day, and by the working time left over', () => {
    const due = at('2026-11-20T15:00:00'); // Friday
    // Paused Monday 10:00 to Wednesday 10:00: two working days lost → the next Tuesday 15:00.
    expect(extendByPause(due, at('2026-11-16T10:00:00'), at('2026-11-18T10:00:00'), { amount: 5, unit: 'working_days' }, cal)).toBe(at('2026-11-24T15:00:00'));
    // Paused over a weekend only: no working time lost.
    expect(extendByPause(due, at('2026-11-21T09:00:00'), at('2026-11-23T00:00:00'), { amount: 5, unit: 'working_days' }, cal)).toBe(due);
    // Paused Monday 10:00–11:00: one working hour → Friday 16:00.
    expect(extendByPause(due, at('2026-11-16T10:00:00'), at('2026-11-16T11:00:00'), { amount: 5, unit: 'working_days' }, cal)).toBe(at('2026-11-20T16:00:00'));
  });
});

describe('yellowAt: a share of working time for working-day and working-hour clocks (issue 15)', () => {
  const oneDay = { amount: 1, unit: 'working_days' } as const;
  const fiveDays = { amount: 5, unit: 'working_days' } as const;
  const isWorkingTime = (ms: number) => compileCalendar(cn2026).isWorkingTime(ms);
  /** Working time from the start to the yellow instant, as a share of the clock's working time. */
  const share = (start: number, yellow: number, due: number) =>
    compileCalendar(cn2026).workingTimeBetween(start, yellow) / compileCalendar(cn2026).workingTimeBetween(start, due);

  it('a working day from Friday 16:00 turns yellow on Monday at 14:15, not on Sunday night', () => {
    const friday = at('2026-11-20T16:00+08:00');
    const due = dueAt(friday, oneDay, cn2026);
    expect(due).toBe(at('2026-11-23T16:00+08:00'));
    // 7 working hours (Fri 16:00–17:30, Mon 09:00–12:00, 13:30–16:00): 75% is 5 h 15 min → Monday 14:15.
    expect(yellowAt(friday, due, oneDay, 0.75, cn2026)).toBe(at('2026-11-23T14:15+08:00'));
    // The wall clock put it at Sunday 22:00.
    expect(warnAt(friday, due, 0.75)).toBe(at('2026-11-22T22:00+08:00'));
  });

  it('after National Day a case is not yellow with most of its working time ahead', () => {
    // Wednesday 2026-09-30 10:00 + 5 working days: Oct 8, 9, the make-up Saturday 10, 12, 13 → Tuesday Oct 13 10:00.
    const start = at('2026-09-30T10:00+08:00');
    const due = dueAt(start, fiveDays, cn2026);
    expect(due).toBe(at('2026-10-13T10:00+08:00'));
    // 35 working hours; 75% (26 h 15 min) is reached on the make-up Saturday at 16:45.
    expect(yellowAt(start, due, fiveDays, 0.75, cn2026)).toBe(at('2026-10-10T16:45+08:00'));
    // The wall clock said 04:00 that morning, with 13 of the 35 working hours behind it.
    expect(warnAt(start, due, 0.75)).toBe(at('2026-10-10T04:00+08:00'));
  });

  it('working hours: 4 from Friday 16:30 are due Monday 12:00, yellow Monday 11:00', () => {
    const spec = { amount: 4, unit: 'working_hours' } as const;
    const friday = at('2026-11-20T16:30+08:00');
    const due = dueAt(friday, spec, cn2026);
    expect(due).toBe(at('2026-11-23T12:00+08:00'));
    expect(yellowAt(friday, due, spec, 0.75, cn2026)).toBe(at('2026-11-23T11:00+08:00'));
  });

  it('a share that runs out at the end of a working period falls at the start of the next (the same working time)', () => {
    // Monday 09:00 + 1 working day = Tuesday 09:00: 7 working hours; 3/7 of them run out at 12:00 Monday.
    const monday = at('2026-11-16T09:00+08:00');
    const due = dueAt(monday, oneDay, cn2026);
    expect(yellowAt(monday, due, oneDay, 3 / 7, cn2026)).toBe(at('2026-11-16T13:30+08:00'));
  });

  it('always inside working hours, at the ratio of the working time, before the deadline (starts around the year)', () => {
    // Every 7 h 13 min through 2026: nights, weekends, holidays, make-up days.
    let none = 0;
    for (let start = at('2026-01-01T00:00+08:00'); start < at('2026-12-20T00:00+08:00'); start += 7 * HOUR + 13 * 60_000) {
      for (const spec of [oneDay, fiveDays, { amount: 3, unit: 'working_hours' } as const]) {
        const due = dueAt(start, spec, cn2026);
        const yellow = yellowAt(start, due, spec, 0.75, cn2026);
        if (compileCalendar(cn2026).workingTimeBetween(start, due) === 0) {
          // Saturday 02:31 + 1 working day = Monday 02:31: no working time, no yellow before red.
          expect(yellow).toBe(due);
          none += 1;
          continue;
        }
        expect(isWorkingTime(yellow), `${new Date(start).toISOString()} ${spec.unit}`).toBe(true);
        expect(yellow).toBeLessThan(due);
        expect(share(start, yellow, due)).toBeCloseTo(0.75, 6);
      }
    }
    expect(none).toBeGreaterThan(0);
  });

  it('wall-clock clocks keep the wall-clock share', () => {
    const start = at('2026-11-21T23:00+08:00'); // a Saturday night
    const spec = { amount: 15, unit: 'minutes' } as const;
    const due = dueAt(start, spec, cn2026);
    expect(yellowAt(start, due, spec, 0.75, cn2026)).toBe(warnAt(start, due, 0.75));
    const day = { amount: 1, unit: 'days' } as const;
    expect(yellowAt(start, dueAt(start, day, cn2026), day, 0.75, cn2026)).toBe(start + 18 * HOUR);
  });

  it('after a hold, the yellow instant moves by the working time lost and stays inside working hours', () => {
    const yellow = at('2026-11-18T16:30+08:00'); // Wednesday
    const spec = { amount: 3, unit: 'working_hours' } as const;
    // Paused Wednesday 10:00–12:00 (2 working hours lost): 16:30 + 2 working hours = Thursday 10:00 (a wall shift said 18:30).
    expect(yellowAfterPause(yellow, at('2026-11-18T10:00+08:00'), at('2026-11-18T12:00+08:00'), spec, cn2026)).toBe(at('2026-11-19T10:00+08:00'));
    // Paused over a weekend only: nothing lost.
    expect(yellowAfterPause(yellow, at('2026-11-21T09:00+08:00'), at('2026-11-23T00:00+08:00'), spec, cn2026)).toBe(yellow);
    // A wall-clock clock moves by the wall time paused.
    expect(yellowAfterPause(yellow, at('2026-11-18T10:00+08:00'), at('2026-11-18T12:00+08:00'), { amount: 2, unit: 'days' }, cn2026)).toBe(yellow + 2 * HOUR);
  });
});

describe('windowStart: a window counted back on the calendar (the repeat search)', () => {
  it('wall-clock windows are plain subtraction', () => {
    const end = at('2026-11-20T10:00+08:00');
    expect(windowStart(end, { amount: 30, unit: 'days' }, cn2026)).toBe(end - 30 * DAY);
  });

  it('holds every start whose window has not closed at the end, across the Spring Festival', () => {
    const spec = { amount: 5, unit: 'working_days' } as const;
    const end = at('2026-02-26T10:00+08:00');
    const start = windowStart(end, spec, cn2026);
    expect(dueAt(start, spec, cn2026)).toBeLessThan(end);
    // Thursday 2026-02-12 10:00 (14 calendar days back) is still inside: its 5th working day is Feb 26.
    expect(start).toBeLessThan(at('2026-02-12T10:00+08:00'));
    for (let t = start; t < end; t += 3 * HOUR + 7 * 60_000) if (dueAt(t, spec, cn2026) >= end) expect(t).toBeGreaterThan(start);
  });
});
