/**
 * The count-based forms of the analysis rules (what the database's GROUP BY answers is handed to these) say the same as
 * the case-based reference forms; cells as row and column turn into the same geohash; the bases of MoM and YoY; the
 * period a scheduled report covers whatever its run day, and the cron of the policy's run times.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS_POLICY } from './analysis.policy.js';
import {
  categoryDistribution,
  categoryDistributionOf,
  cellBits,
  cellOfGeohash,
  geohash,
  geohashOfCell,
  hotSpotsByCell,
  hotSpotsByCellOf,
  hotSpotsByUnit,
  hotSpotsByUnitOf,
  lastCompletePeriod,
  periodCounts,
  periodDays,
  previousPeriodOf,
  reportCron,
  reportPeriod,
  volumeSeries,
  volumeSeriesOf,
  yearAgoPeriodOf,
  localDay,
  type AnalysisCase,
} from './analysis.rules.js';

const beijing = { utcOffsetMinutes: 480 };
let n = 0;
const kase = (over: Partial<AnalysisCase>): AnalysisCase => ({
  id: `c${++n}`,
  categoryId: 'a.x',
  categoryPath: ['a', 'a.x'],
  place: { street: 's1', community: 'c1' },
  complainantKey: `k${n}`,
  receivedAt: Date.parse('2026-03-02T09:00:00+08:00'),
  ...over,
});

describe('count-based forms', () => {
  const cases = [
    kase({}),
    kase({}),
    kase({ categoryId: 'a.y', categoryPath: ['a', 'a.y'] }),
    kase({ categoryId: 'b', categoryPath: ['b'], place: { street: 's2', community: null } }),
    kase({ categoryId: 'c.z', categoryPath: ['c', 'c.z'], lat: 39.9087, lng: 116.3975 }),
    kase({ categoryId: 'c.z', categoryPath: ['c', 'c.z'], lat: 39.9088, lng: 116.3976, receivedAt: Date.parse('2026-03-31T16:30:00Z') }),
    kase({ lat: 22.5431, lng: 114.0579, receivedAt: Date.parse('2026-02-28T23:59:00+08:00') }),
  ];

  it('category distribution from counts per own category is the distribution of the cases', () => {
    const counts = new Map<string, { categoryId: string; categoryPath: readonly string[]; count: number }>();
    for (const c of cases) {
      const row = counts.get(c.categoryId) ?? { categoryId: c.categoryId, categoryPath: c.categoryPath, count: 0 };
      row.count += 1;
      counts.set(c.categoryId, row);
    }
    for (const level of [1, 2]) for (const top of [1, 2, 10]) expect(categoryDistributionOf([...counts.values()], level, top)).toEqual(categoryDistribution(cases, level, top));
    expect(categoryDistributionOf([...counts.values()], 1, 2)).toEqual({
      level: 1,
      total: 7,
      top: [
        { categoryId: 'a', count: 4, shareBp: 5714 },
        { categoryId: 'c', count: 2, shareBp: 2857 },
      ],
      other: { categories: 1, count: 1, shareBp: 1429 },
      topShareBp: 8571,
    });
  });

  it('hot spots from counts per place and per cell are those of the cases', () => {
    const places = cases.map((c) => ({ place: c.place, count: 1 }));
    expect(hotSpotsByUnitOf(places, 'community')).toEqual(hotSpotsByUnit(cases, 'community'));
    for (const precision of [5, 6, 7, 8]) {
      const { latBits, lngBits } = cellBits(precision);
      const located = cases.filter((c) => typeof c.lat === 'number' && typeof c.lng === 'number');
      const cells = located.map((c) => ({ row: Math.floor(((c.lat! + 90) / 180) * 2 ** latBits), col: Math.floor(((c.lng! + 180) / 360) * 2 ** lngBits), count: 1 }));
      expect(hotSpotsByCellOf(cells, cases.length - located.length, precision)).toEqual(hotSpotsByCell(cases, precision));
    }
  });

  it('a cell as row and column is the geohash of its points, and back', () => {
    for (const [lat, lng] of [[39.9087, 116.3975], [-33.8688, 151.2093], [0, 0], [89.99, -179.99], [42.605, -5.603]] as const) {
      for (const precision of [1, 4, 7, 9, 12]) {
        const hash = geohash(lat, lng, precision);
        const cell = cellOfGeohash(hash);
        expect(geohashOfCell(cell, precision)).toBe(hash);
        const { latBits, lngBits } = cellBits(precision);
        expect(cell).toEqual({ row: Math.floor(((lat + 90) / 180) * 2 ** latBits), col: Math.floor(((lng + 180) / 360) * 2 ** lngBits) });
      }
    }
    expect(geohash(42.605, -5.603, 5)).toBe('ezs42');
    expect(() => geohashOfCell({ row: 2 ** 17, col: 0 }, 7)).toThrow(RangeError);
  });

  it('a series from counts per local day is the series of the cases', () => {
    const days = new Map<string, number>();
    for (const c of cases) days.set(localDay(c.receivedAt, beijing), (days.get(localDay(c.receivedAt, beijing)) ?? 0) + 1);
    for (const granularity of ['day', 'week', 'month'] as const) {
      const range = { from: '2026-02-01', to: '2026-04-30', granularity };
      expect(volumeSeriesOf(days, range)).toEqual(volumeSeries(cases, range, beijing));
    }
    // 16:30Z on 31 March is 00:30 on 1 April in Beijing: April's.
    expect(Object.fromEntries(periodCounts(days, 'month'))).toEqual({ '2026-02': 1, '2026-03': 5, '2026-04': 1 });
  });
});

describe('periods and their bases', () => {
  it('days of a period, the one before, the one a year before', () => {
    expect(periodDays('2026-02', 'month')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodDays('2024-02', 'month')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodDays('2026-03-30', 'week')).toEqual({ from: '2026-03-30', to: '2026-04-05' });
    expect(previousPeriodOf('2026-01', 'month')).toBe('2025-12');
    expect(previousPeriodOf('2026-03-01', 'day')).toBe('2026-02-28');
    expect(previousPeriodOf('2026-03-30', 'week')).toBe('2026-03-23');
    expect(yearAgoPeriodOf('2026-03', 'month')).toBe('2025-03');
    expect(yearAgoPeriodOf('2024-02-29', 'day')).toBe('2023-02-28');
    expect(yearAgoPeriodOf('2026-03-30', 'week')).toBe('2025-03-31');
  });

  it('a scheduled report covers the last whole period before its run day, whatever the day', () => {
    const reports = DEFAULT_ANALYSIS_POLICY.reports;
    expect(lastCompletePeriod('daily', '2026-03-01', reports)).toEqual({ kind: 'daily', from: '2026-02-28', to: '2026-02-28' });
    // On the policy's days it is reportPeriod.
    expect(lastCompletePeriod('weekly', '2026-03-30', reports)).toEqual(reportPeriod('weekly', '2026-03-30', reports));
    expect(lastCompletePeriod('monthly', '2026-04-01', reports)).toEqual(reportPeriod('monthly', '2026-04-01', reports));
    const assessment = { ...reports, monthly: { basis: 'assessment' as const, at: '08:00' } };
    expect(lastCompletePeriod('monthly', '2026-04-19', assessment, 19)).toEqual(reportPeriod('monthly', '2026-04-19', assessment, 19));
    // Other days: a Tuesday still reports the week that ended on Sunday; a run caught up on the 3rd the month before.
    expect(lastCompletePeriod('weekly', '2026-03-31', reports)).toEqual({ kind: 'weekly', from: '2026-03-23', to: '2026-03-29' });
    expect(lastCompletePeriod('weekly', '2026-03-29', reports)).toEqual({ kind: 'weekly', from: '2026-03-16', to: '2026-03-22' });
    expect(lastCompletePeriod('monthly', '2026-04-03', reports)).toEqual({ kind: 'monthly', from: '2026-03-01', to: '2026-03-31' });
    expect(lastCompletePeriod('monthly', '2026-01-05', reports)).toEqual({ kind: 'monthly', from: '2025-12-01', to: '2025-12-31' });
    expect(lastCompletePeriod('monthly', '2026-04-10', assessment, 19)).toEqual({ kind: 'monthly', from: '2026-02-19', to: '2026-03-18' });
  });

  it('the cron of the policy’s run times', () => {
    const reports = DEFAULT_ANALYSIS_POLICY.reports;
    expect(reportCron('daily', reports)).toBe('0 8 * * *');
    expect(reportCron('weekly', reports)).toBe('0 8 * * 1');
    expect(reportCron('weekly', { ...reports, weekly: { weekday: 7, at: '17:30' } })).toBe('30 17 * * 0');
    expect(reportCron('monthly', reports)).toBe('0 8 1 * *');
    expect(reportCron('monthly', { ...reports, monthly: { basis: 'assessment', at: '09:05' } }, 19)).toBe('5 9 19 * *');
  });
});
