/** The days a scheduled reconciliation checks (activities/assessment.activities.ts scheduledRanges): pure. */
import { describe, expect, it } from 'vitest';
import { defaultCasePolicy } from '../db/seed-policy.js';
import { scheduledRanges } from './assessment.activities.js';

const shanghai = defaultCasePolicy.calendar;

describe('the ranges of a scheduled run', () => {
  it('are yesterday and the month so far, in local days (02:00 in Shanghai is 18:00 UTC the day before)', () => {
    expect(scheduledRanges(Date.parse('2026-11-15T18:00:00Z'), shanghai, { startDay: 1 })).toEqual([
      { from: '2026-11-15', to: '2026-11-15' },
      { from: '2026-11-01', to: '2026-11-16' },
    ]);
  });

  it('on the first of a month: the last day of the one before, and the new month’s first day', () => {
    expect(scheduledRanges(Date.parse('2026-11-30T18:00:00Z'), shanghai, { startDay: 1 })).toEqual([
      { from: '2026-11-30', to: '2026-11-30' },
      { from: '2026-12-01', to: '2026-12-01' },
    ]);
  });

  it('follow an assessment month that runs from the 19th to the 18th', () => {
    expect(scheduledRanges(Date.parse('2026-11-18T18:00:00Z'), shanghai, { startDay: 19 })).toEqual([
      { from: '2026-11-18', to: '2026-11-18' },
      { from: '2026-11-19', to: '2026-11-19' },
    ]);
    expect(scheduledRanges(Date.parse('2026-11-17T18:00:00Z'), shanghai, { startDay: 19 })[1]).toEqual({ from: '2026-10-19', to: '2026-11-18' });
  });
});
