import { describe, expect, it } from 'vitest';
import { defaultCasePolicy } from '../db/seed-policy.js';
import { previewDeadline } from './deadline-preview.js';
import { addWorkingHours, type WorkCalendar } from './calendar.rules.js';

const cal = defaultCasePolicy.calendar;
const at = (local: string) => Date.parse(`${local}+08:00`);

describe('previewDeadline', () => {
  it('five working days from the eve of National Day: the holiday week off, the make-up Saturday worked', () => {
    const p = previewDeadline(at('2026-09-30T16:00:00'), { amount: 5, unit: 'working_days' }, cal, 0.75);
    expect(p.dueAt).toBe(at('2026-10-13T16:00:00'));
    expect(p.counting).toBe('working_days');
    expect(p.crossed).toEqual({
      holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
      workdays: ['2026-10-10'],
    });
    // Yellow as the clocks put it: 75% of the working time (35 h: 1.5 on the 30th, 7 on the 8th, 9th, 10th and
    // 12th, 5.5 on the 13th), so 26.25 h in: Monday 12 October, 0.75 h after the lunch break.
    expect(p.yellowAt).toBe(at('2026-10-12T14:15:00'));
    expect(p.coveredByCalendar).toBe(true);
  });

  it('includes a holiday on the start day (a clock started on it counts from it) and ends on the due day', () => {
    const p = previewDeadline(at('2026-10-07T20:00:00'), { amount: 1, unit: 'working_days', endOfDay: true }, cal, 0.75);
    expect(p.dueAt).toBe(at('2026-10-08T17:30:00'));
    expect(p.crossed).toEqual({ holidays: ['2026-10-07'], workdays: [] });
  });

  it('working hours run inside the working periods; wall-clock lengths ignore the calendar but list what they cross', () => {
    const start = at('2026-09-18T16:00:00');
    const hours = previewDeadline(start, { amount: 4, unit: 'working_hours' }, cal, 0.75);
    expect(hours.dueAt).toBe(addWorkingHours(start, 4, { region: 'CN', utcOffsetMinutes: 480, holidays: cal.holidays, workdays: cal.workdays, workingHours: cal.workingHours! }));
    expect(hours.dueAt).toBe(at('2026-09-20T11:30:00'));
    expect(hours.crossed).toEqual({ holidays: [], workdays: ['2026-09-20'] });
    const day = previewDeadline(at('2026-09-30T16:00:00'), { amount: 1, unit: 'days' }, cal, 0.75);
    expect(day).toMatchObject({ counting: 'wall_clock', dueAt: at('2026-10-01T16:00:00'), crossed: { holidays: ['2026-10-01'], workdays: [] } });
  });

  it('says when the span reaches a year the calendar does not list', () => {
    const p = previewDeadline(at('2026-12-28T10:00:00'), { amount: 5, unit: 'working_days' }, cal, 0.75);
    expect(cal.years).toEqual([2024, 2025, 2026]);
    expect(p.coveredByCalendar).toBe(false);
    const undated: WorkCalendar = { utcOffsetMinutes: 480, holidays: [], workdays: [] };
    expect(previewDeadline(at('2026-12-28T10:00:00'), { amount: 5, unit: 'working_days' }, undated, 0.75).coveredByCalendar).toBe(true);
  });
});
