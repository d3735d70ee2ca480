import { describe, expect, it } from 'vitest';
import { analysisPolicyInputSchema, analysisPolicySchema, DEFAULT_ANALYSIS_POLICY, type AnalysisPolicy } from './analysis.policy.js';
import {
  apportionShares,
  categoryDistribution,
  detectGroupComplaints,
  detectSurges,
  flaggedGroupOf,
  geohash,
  geohashBounds,
  hotSpotsByCell,
  hotSpotsByUnit,
  isoWeekday,
  localDay,
  monthCounts,
  monthOnMonth,
  reportPeriod,
  reportRunAt,
  volumeSeries,
  yearOnYear,
  type AnalysisCase,
} from './analysis.rules.js';

const beijing = { utcOffsetMinutes: 480 };
const utc = { utcOffsetMinutes: 0 };
const at = (iso: string) => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant ${iso}`);
  return ms;
};
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let n = 0;
function kase(over: Partial<AnalysisCase> = {}): AnalysisCase {
  n += 1;
  const categoryId = over.categoryId ?? over.categoryPath?.at(-1) ?? 'noise';
  return {
    id: `c${String(n).padStart(5, '0')}`,
    categoryId,
    categoryPath: over.categoryPath ?? [categoryId],
    place: { district: 'd1', street: 's1', community: 's1-c1', grid: 's1-c1-g1' },
    complainantKey: `k${n}`,
    receivedAt: at('2026-03-02T09:00:00+08:00'),
    ...over,
  };
}
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

describe('analysis policy', () => {
  it('DOMAIN.md defaults pass both schemas', () => {
    expect(analysisPolicySchema.parse(DEFAULT_ANALYSIS_POLICY)).toEqual(DEFAULT_ANALYSIS_POLICY);
    expect(analysisPolicyInputSchema.parse(DEFAULT_ANALYSIS_POLICY)).toEqual(DEFAULT_ANALYSIS_POLICY);
    expect(DEFAULT_ANALYSIS_POLICY.groupComplaint).toEqual({ minComplainants: 5, windowDays: 7, cellPrecision: 7 });
    expect(DEFAULT_ANALYSIS_POLICY.surge).toMatchObject({ placeLevel: 'street', windowDays: 7, baselineWindows: 4, factor: 2, minCount: 10 });
  });

  it('stored documents drop unknown keys; admin input refuses them and bad values', () => {
    expect(analysisPolicySchema.parse({ ...DEFAULT_ANALYSIS_POLICY, later: 1 })).not.toHaveProperty('later');
    expect(analysisPolicyInputSchema.safeParse({ ...DEFAULT_ANALYSIS_POLICY, later: 1 }).success).toBe(false);
    const bad = (patch: Partial<AnalysisPolicy>) => analysisPolicyInputSchema.safeParse({ ...DEFAULT_ANALYSIS_POLICY, ...patch }).success;
    expect(bad({ surge: { ...DEFAULT_ANALYSIS_POLICY.surge, factor: 1 } })).toBe(false);
    expect(bad({ hotSpots: { cellPrecision: 13 } })).toBe(false);
    expect(bad({ reports: { ...DEFAULT_ANALYSIS_POLICY.reports, weekly: { weekday: 8 as never, at: '08:00' } } })).toBe(false);
    expect(bad({ reports: { ...DEFAULT_ANALYSIS_POLICY.reports, daily: { at: '24:00' } } })).toBe(false);
    expect(bad({ reports: { ...DEFAULT_ANALYSIS_POLICY.reports, weekly: { weekday: 3, at: '07:30' } } })).toBe(true);
  });
});

describe('local days', () => {
  it('are the calendar offset’s: 23:30 on 31 March in Beijing is March, 16:30Z that day is already 1 April', () => {
    expect(localDay(at('2026-03-31T23:30:00+08:00'), beijing)).toBe('2026-03-31');
    expect(localDay(at('2026-03-31T16:30:00Z'), beijing)).toBe('2026-04-01');
    expect(localDay(at('2026-03-31T16:30:00Z'), utc)).toBe('2026-03-31');
    expect(isoWeekday('2026-03-30')).toBe(1);
    expect(isoWeekday('2026-03-29')).toBe(7);
  });
});

describe('category distribution', () => {
  // Level 1: A ×3, B ×2, C ×1, D ×1. Level 2: A1 ×2, B1 ×2, A2, C (a root category, counted as itself), D1.
  const cases = [
    kase({ categoryPath: ['A', 'A1'] }),
    kase({ categoryPath: ['A', 'A1'] }),
    kase({ categoryPath: ['A', 'A2'] }),
    kase({ categoryPath: ['B', 'B1'] }),
    kase({ categoryPath: ['B', 'B1'] }),
    kase({ categoryPath: ['C'] }),
    kase({ categoryPath: ['D', 'D1'] }),
  ];

  it('top N with shares in basis points that add up to exactly 10,000 with the other row', () => {
    const d = categoryDistribution(cases, 1, 2);
    // 3/7 = 4285.71…, 2/7 = 2857.14… twice: floors 9,999; the one left goes to the largest remainder (A).
    expect(d.top).toEqual([
      { categoryId: 'A', count: 3, shareBp: 4286 },
      { categoryId: 'B', count: 2, shareBp: 2857 },
    ]);
    expect(d.other).toEqual({ categories: 2, count: 2, shareBp: 2857 });
    expect(d.total).toBe(7);
    expect(d.topShareBp).toBe(7143);
    expect(sum(d.top.map((r) => r.shareBp)) + d.other!.shareBp).toBe(10_000);
  });

  it('at a deeper level; a category above that level counts as itself; equal remainders go to the earlier row', () => {
    const d = categoryDistribution(cases, 2, 10);
    // 2/7 → 2857 (rem 1) twice, 1/7 → 1428 (rem 4) three times: 9,998, the two left go to A2 and C.
    expect(d.top).toEqual([
      { categoryId: 'A1', count: 2, shareBp: 2857 },
      { categoryId: 'B1', count: 2, shareBp: 2857 },
      { categoryId: 'A2', count: 1, shareBp: 1429 },
      { categoryId: 'C', count: 1, shareBp: 1429 },
      { categoryId: 'D1', count: 1, shareBp: 1428 },
    ]);
    expect(d.other).toBeNull();
    expect(d.topShareBp).toBe(10_000);
  });

  it('apportions thirds and nothing', () => {
    expect(apportionShares([1, 1, 1])).toEqual([3334, 3333, 3333]);
    expect(apportionShares([0, 0])).toEqual([0, 0]);
    expect(categoryDistribution([], 1, 10)).toEqual({ level: 1, total: 0, top: [], other: null, topShareBp: 0 });
  });
});

describe('series and change in local time', () => {
  const cases = [
    ...['2026-02-01T00:10', '2026-02-10T12:00', '2026-02-20T12:00', '2026-02-28T23:59'].map((t) => kase({ receivedAt: at(`${t}:00+08:00`) })),
    ...['2026-03-01T00:00', '2026-03-05T12:00', '2026-03-15T12:00', '2026-03-20T12:00'].map((t) => kase({ receivedAt: at(`${t}:00+08:00`) })),
    kase({ id: 'march-last', receivedAt: at('2026-03-31T23:30:00+08:00') }),
    kase({ id: 'april-first', receivedAt: at('2026-03-31T16:30:00Z') }),
    kase({ receivedAt: at('2026-04-15T12:00:00+08:00') }),
    ...[1, 2, 3].map((d) => kase({ receivedAt: at(`2025-03-0${d}T12:00:00+08:00`) })),
  ];

  it('month-on-month across the month boundary, in Beijing time', () => {
    const counts = monthCounts(cases, beijing);
    expect(Object.fromEntries(counts)).toEqual({ '2025-03': 3, '2026-02': 4, '2026-03': 5, '2026-04': 2 });
    expect(monthOnMonth(counts, '2026-03')).toEqual({ period: '2026-03', basePeriod: '2026-02', current: 5, base: 4, delta: 1, ratio: 0.25 });
    expect(monthOnMonth(counts, '2026-04')).toEqual({ period: '2026-04', basePeriod: '2026-03', current: 2, base: 5, delta: -3, ratio: -0.6 });
    // Counted in UTC every boundary moves: 1 Feb 00:10 would be January's, 1 March 00:00 February's, and the
    // 31 March 16:30Z case would stay in March.
    expect(Object.fromEntries(monthCounts(cases, utc))).toEqual({ '2025-03': 3, '2026-01': 1, '2026-02': 4, '2026-03': 5, '2026-04': 1 });
  });

  it('year-on-year, and no ratio from a base of 0', () => {
    const counts = monthCounts(cases, beijing);
    expect(yearOnYear(counts, '2026-03')).toEqual({ period: '2026-03', basePeriod: '2025-03', current: 5, base: 3, delta: 2, ratio: 2 / 3 });
    expect(yearOnYear(counts, '2026-04')).toEqual({ period: '2026-04', basePeriod: '2025-04', current: 2, base: 0, delta: 2, ratio: null });
    expect(monthOnMonth(counts, '2026-01').ratio).toBeNull();
  });

  it('month, week and day series over whole periods, with empty periods and groups', () => {
    const month = volumeSeries(cases, { from: '2026-02-10', to: '2026-04-03', granularity: 'month' }, beijing);
    expect(month).toEqual({ granularity: 'month', periods: ['2026-02', '2026-03', '2026-04'], counts: [4, 5, 2] });

    const week = volumeSeries(cases, { from: '2026-03-25', to: '2026-04-08', granularity: 'week' }, beijing, (c) => (c.id.startsWith('march') ? 'm' : 'x'));
    // Weeks are named by their Monday; the series starts on the Monday of the week of 25 March.
    expect(week.periods).toEqual(['2026-03-23', '2026-03-30', '2026-04-06']);
    expect(week.counts).toEqual([0, 2, 0]);
    expect(week.groups).toEqual([
      { key: 'm', total: 1, counts: [0, 1, 0] },
      { key: 'x', total: 1, counts: [0, 1, 0] },
    ]);

    const day = volumeSeries(cases, { from: '2026-03-30', to: '2026-04-02', granularity: 'day' }, beijing);
    expect(day.periods).toEqual(['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02']);
    expect(day.counts).toEqual([0, 1, 1, 0]);
  });
});

describe('hot spots', () => {
  it('by unit at a level, with the unplaced counted apart', () => {
    const cases = [
      kase({ place: { street: 's1', community: 'c2' } }),
      kase({ place: { street: 's1', community: 'c1' } }),
      kase({ place: { street: 's2', community: 'c2' } }),
      kase({ place: { street: 's2' } }),
    ];
    expect(hotSpotsByUnit(cases, 'community')).toEqual({ level: 'community', rows: [{ unitId: 'c2', count: 2 }, { unitId: 'c1', count: 1 }], unplaced: 1 });
    expect(hotSpotsByUnit(cases, 'street').rows).toEqual([{ unitId: 's1', count: 2 }, { unitId: 's2', count: 2 }]);
  });

  it('geohash: the published example, and a cell that contains its point', () => {
    expect(geohash(57.64911, 10.40744, 11)).toBe('u4pruydqqvj');
    expect(geohash(39.9087, 116.3975, 7)).toBe('wx4g09n');
    const b = geohashBounds('wx4g09n');
    expect(b.south).toBeLessThanOrEqual(39.9087);
    expect(b.north).toBeGreaterThan(39.9087);
    expect(b.west).toBeLessThanOrEqual(116.3975);
    expect(b.east).toBeGreaterThan(116.3975);
    // Precision 7: 180° / 2^17 of latitude by 360° / 2^18 of longitude.
    expect(b.north - b.south).toBeCloseTo(180 / 2 ** 17, 12);
    expect(b.east - b.west).toBeCloseTo(360 / 2 ** 18, 12);
    expect(() => geohashBounds('wx4a')).toThrow(RangeError);
  });

  it('by cell, with cases without usable coordinates counted apart', () => {
    const cases = [
      kase({ lat: 39.9087, lng: 116.3975 }),
      kase({ lat: 39.90875, lng: 116.39755 }), // ~7 m away: the same cell
      kase({ lat: 39.92, lng: 116.3975 }),
      kase({ lat: null, lng: null }),
      kase({ lat: Number.NaN, lng: 116 }),
      kase({ lat: 91, lng: 116 }),
    ];
    const spots = hotSpotsByCell(cases, 7);
    expect(spots.rows.map((r) => [r.cell, r.count])).toEqual([['wx4g09n', 2], [geohash(39.92, 116.3975, 7), 1]]);
    expect(spots.unlocated).toBe(3);
    const { bounds, centre } = spots.rows[0]!;
    expect(centre).toEqual({ lat: (bounds.south + bounds.north) / 2, lng: (bounds.west + bounds.east) / 2 });
  });
});

describe('group complaints', () => {
  const policy = DEFAULT_ANALYSIS_POLICY.groupComplaint;
  const t0 = at('2026-03-02T09:00:00+08:00');
  const noPlace = { street: 's1', community: 's1-c1', grid: 's1-c1-g1' };
  const call = (key: string, offsetMs: number, over: Partial<AnalysisCase> = {}) =>
    kase({ complainantKey: key, receivedAt: t0 + offsetMs, place: noPlace, ...over });

  it('4 distinct callers (one of them twice) are not a group; a 5th distinct caller makes one', () => {
    const four = [call('a', 0), call('b', HOUR), call('c', 2 * HOUR), call('d', 3 * HOUR), call('a', 4 * HOUR)];
    expect(detectGroupComplaints(four, policy)).toEqual([]);
    const fifth = call('e', 5 * HOUR);
    const groups = detectGroupComplaints([...four, fifth], policy);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      categoryId: 'noise',
      place: { kind: 'unit', unitId: 's1-c1-g1' },
      windowStart: t0,
      windowEnd: t0 + 7 * DAY,
      detectedAt: t0 + 5 * HOUR,
      detectedByCaseId: fifth.id,
      complainants: 5,
    });
    expect(groups[0]!.caseIds).toEqual([...four, fifth].map((c) => c.id));
  });

  it('within 7 days: the 5th caller exactly 7 days after the 1st is too late, a minute earlier is not', () => {
    const first4 = [call('a', 0), call('b', DAY), call('c', 2 * DAY), call('d', 3 * DAY)];
    expect(detectGroupComplaints([...first4, call('e', 7 * DAY)], policy)).toEqual([]);
    expect(detectGroupComplaints([...first4, call('e', 7 * DAY - 60_000)], policy)).toHaveLength(1);
  });

  it('one flag per group per window: later callers join it; after the window a new group needs 5 new callers', () => {
    const eight = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((k, i) => call(k, i * 9 * HOUR));
    const groups = detectGroupComplaints(eight, policy);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ complainants: 8, detectedByCaseId: eight[4]!.id });
    expect(groups[0]!.caseIds).toHaveLength(8);

    const nextWeek = ['a', 'b', 'c', 'd'].map((k, i) => call(k, 8 * DAY + i * HOUR));
    expect(detectGroupComplaints([...eight, ...nextWeek], policy)).toHaveLength(1);
    const fifth = call('z', 8 * DAY + 5 * HOUR);
    const two = detectGroupComplaints([...eight, ...nextWeek, fifth], policy);
    expect(two.map((g) => [g.complainants, g.caseIds.length, g.detectedByCaseId])).toEqual([[8, 8, eight[4]!.id], [5, 5, fifth.id]]);
    // A group's id is its category, place and first case: the same whether a run sees the earlier week or not.
    expect(two[0]!.id).toBe(JSON.stringify(['noise', 'unit', 's1-c1-g1', eight[0]!.id]));
    expect(detectGroupComplaints([...nextWeek, fifth], policy).map((g) => g.id)).toEqual([two[1]!.id]);
  });

  it('one issue is one category and one place: cells for cases with coordinates, else the grid', () => {
    const here = { lat: 39.9087, lng: 116.3975 };
    const near = { lat: 39.90875, lng: 116.39755 };
    const mixed = [
      call('a', 0, here),
      call('b', HOUR, near),
      call('c', 2 * HOUR, here),
      call('d', 3 * HOUR, { ...here, categoryId: 'rubbish', categoryPath: ['rubbish'] }),
      call('e', 4 * HOUR), // no coordinates: its grid, another place
      call('f', 5 * HOUR, { lat: 39.92, lng: 116.3975 }),
    ];
    expect(detectGroupComplaints(mixed, policy)).toEqual([]);
    const g = detectGroupComplaints([...mixed, call('g', 6 * HOUR, here), call('h', 7 * HOUR, near)], policy);
    expect(g).toHaveLength(1);
    expect(g[0]).toMatchObject({ place: { kind: 'cell', cell: 'wx4g09n' }, complainants: 5 });
    expect(detectGroupComplaints([call('a', 0, { place: {} })], { ...policy, minComplainants: 2 })).toEqual([]);
  });
});

describe('a case in a flagged group (flaggedGroupOf)', () => {
  const policy = DEFAULT_ANALYSIS_POLICY.groupComplaint;
  const t0 = at('2026-03-02T09:00:00+08:00');
  const grid = { street: 's1', community: 's1-c1', grid: 's1-c1-g1' };
  const here = { lat: 39.9087, lng: 116.3975 };
  const call = (key: string | null, offsetMs: number, over: Partial<AnalysisCase> = {}) => ({ ...kase({ receivedAt: t0 + offsetMs, place: grid, ...over }), complainantKey: key });
  const flagged = (cases: Array<ReturnType<typeof call>>) =>
    detectGroupComplaints(cases.filter((c): c is ReturnType<typeof call> & { complainantKey: string } => c.complainantKey !== null), policy);

  it('finds every case the rule puts in the group: those it was flagged with and those that joined later, none after its window', () => {
    const first = ['a', 'b', 'c', 'd', 'e'].map((k, i) => call(k, i * HOUR));
    const later = [call('f', 2 * DAY), call('a', 6 * DAY)];
    const [group] = flagged([...first, ...later]);
    expect(group!.caseIds).toEqual([...first, ...later].map((c) => c.id));
    // Stored at the 5th case: its list then was the first five; the later ones join by category, place and window.
    const stored = { ...group!, caseIds: group!.caseIds.slice(0, 5) };
    for (const c of [...first, ...later]) expect(flaggedGroupOf(c, [stored]), c.id).toBe(stored);
    expect(flaggedGroupOf(call('g', 7 * DAY), [stored])).toBeNull();
    expect(flaggedGroupOf(call('g', 7 * DAY - 1), [stored])).toBe(stored);
  });

  it('not another category, not another place, not a case without a phone; a listed case whatever it shows', () => {
    const first = ['a', 'b', 'c', 'd', 'e'].map((k, i) => call(k, i * HOUR));
    const [group] = flagged(first);
    expect(flaggedGroupOf(call('x', DAY, { categoryId: 'rubbish', categoryPath: ['rubbish'] }), [group!])).toBeNull();
    expect(flaggedGroupOf(call('x', DAY, { place: { street: 's1', community: 's1-c1', grid: 's1-c1-g2' } }), [group!])).toBeNull();
    expect(flaggedGroupOf(call('x', DAY, here), [group!])).toBeNull(); // coordinates: its cell, not the grid
    expect(flaggedGroupOf(call(null, DAY), [group!])).toBeNull();
    expect(flaggedGroupOf({ ...first[2]!, complainantKey: null }, [group!])).toBe(group);
  });

  it('a group in a cell: cases with coordinates in that cell at the group’s precision', () => {
    const first = ['a', 'b', 'c', 'd', 'e'].map((k, i) => call(k, i * HOUR, here));
    const [group] = flagged(first);
    expect(group!.place).toEqual({ kind: 'cell', cell: geohash(here.lat, here.lng, policy.cellPrecision) });
    expect(flaggedGroupOf(call('f', DAY, { lat: 39.90875, lng: 116.39755 }), [group!])).toBe(group);
    expect(flaggedGroupOf(call('f', DAY, { lat: 39.92, lng: 116.3975 }), [group!])).toBeNull();
    expect(flaggedGroupOf(call('f', DAY), [group!])).toBeNull(); // no coordinates: its grid, another place
  });
});

describe('surges', () => {
  const policy = DEFAULT_ANALYSIS_POLICY.surge;
  /** `count` noise cases in street s1 at local noon of a date. */
  const on = (date: string, count: number, over: Partial<AnalysisCase> = {}) =>
    Array.from({ length: count }, () => kase({ receivedAt: at(`${date}T12:00:00+08:00`), ...over }));
  // Evaluated on 29 March: the window is 23–29 March, the baseline 23 February – 22 March (4 × 7 days).
  const day = { from: '2026-03-29', to: '2026-03-29' };
  const raisedCount = (cases: AnalysisCase[]) => detectSurges(cases, day, policy, beijing).raised.length;

  it('twice the baseline average and at least 10: raised with its figures', () => {
    const report = detectSurges([...on('2026-02-23', 20), ...on('2026-03-25', 10)], day, policy, beijing);
    expect(report.raised).toEqual([
      {
        categoryId: 'noise',
        unitId: 's1',
        day: '2026-03-29',
        windowFrom: '2026-03-23',
        count: 10,
        baselineFrom: '2026-02-23',
        baselineTo: '2026-03-22',
        baselineCount: 20,
        baselineAverage: 5,
      },
    ]);
    expect(report.ongoing).toEqual([{ categoryId: 'noise', unitId: 's1', since: '2026-03-29' }]);
    // The day before the baseline starts is not in it: 20 cases on 22 February do not count.
    expect(detectSurges([...on('2026-02-22', 20), ...on('2026-03-25', 10)], day, policy, beijing).raised[0]!.baselineCount).toBe(0);
  });

  it('just under and just over the factor (baseline average 6: 11 is not a surge, 12 is)', () => {
    expect(raisedCount([...on('2026-03-10', 24), ...on('2026-03-25', 11)])).toBe(0);
    expect(raisedCount([...on('2026-03-10', 24), ...on('2026-03-25', 12)])).toBe(1);
  });

  it('just under and just over the minimum (no baseline: 9 is not a surge, 10 is; twice an average of 4 but 9 is not)', () => {
    expect(raisedCount(on('2026-03-25', 9))).toBe(0);
    expect(raisedCount(on('2026-03-25', 10))).toBe(1);
    expect(raisedCount([...on('2026-03-10', 16), ...on('2026-03-25', 9)])).toBe(0);
  });

  it('counts local days: 00:30 on 23 March in Beijing is in the window, 23:30 on 22 March is in the baseline', () => {
    const nine = on('2026-03-25', 9);
    expect(raisedCount([...nine, kase({ receivedAt: at('2026-03-22T16:30:00Z') })])).toBe(1);
    expect(raisedCount([...nine, kase({ receivedAt: at('2026-03-22T15:30:00Z') })])).toBe(0);
  });

  it('per category and street: other categories and other streets do not add up', () => {
    const cases = [...on('2026-03-25', 5), ...on('2026-03-25', 5, { categoryId: 'rubbish', categoryPath: ['rubbish'] }), ...on('2026-03-26', 5, { place: { street: 's2' } })];
    expect(raisedCount(cases)).toBe(0);
  });

  it('a continuing surge is raised once; it ends, and a new one is raised again', () => {
    const cases = [...on('2026-03-29', 10), ...on('2026-04-10', 10)];
    const report = detectSurges(cases, { from: '2026-03-25', to: '2026-04-12' }, policy, beijing);
    // 29 March–4 April: the 10 are in the window every day. 5 April: they leave it. 10 April: 10 against an average of 2.5.
    expect(report.raised.map((r) => [r.day, r.count, r.baselineCount])).toEqual([['2026-03-29', 10, 0], ['2026-04-10', 10, 10]]);
    expect(report.ended).toEqual([{ categoryId: 'noise', unitId: 's1', since: '2026-03-29', endedOn: '2026-04-05' }]);
    expect(report.ongoing).toEqual([{ categoryId: 'noise', unitId: 's1', since: '2026-04-10' }]);
  });

  it('across daily runs too: what one run leaves ongoing is not raised by the next', () => {
    const cases = on('2026-03-29', 10);
    const first = detectSurges(cases, { from: '2026-03-29', to: '2026-03-29' }, policy, beijing);
    expect(first.raised).toHaveLength(1);
    const second = detectSurges(cases, { from: '2026-03-30', to: '2026-03-30' }, policy, beijing, first.ongoing);
    expect(second).toEqual({ raised: [], ended: [], ongoing: first.ongoing });
    // Without what the first run left, the second would raise it again.
    expect(detectSurges(cases, { from: '2026-03-30', to: '2026-03-30' }, policy, beijing).raised).toHaveLength(1);
    const fifth = detectSurges(cases, { from: '2026-04-05', to: '2026-04-05' }, policy, beijing, first.ongoing);
    expect(fifth).toEqual({ raised: [], ended: [{ ...first.ongoing[0]!, endedOn: '2026-04-05' }], ongoing: [] });
  });
});

describe('report periods', () => {
  const reports = DEFAULT_ANALYSIS_POLICY.reports;

  it('daily: the day before, at 08:00 local', () => {
    expect(reportPeriod('daily', '2026-04-01', reports)).toEqual({ kind: 'daily', from: '2026-03-31', to: '2026-03-31' });
    expect(reportRunAt('daily', '2026-04-01', reports, beijing)).toBe(at('2026-04-01T00:00:00Z'));
  });

  it('weekly: on Monday, the Monday–Sunday before; another weekday still covers the last whole week', () => {
    expect(reportPeriod('weekly', '2026-03-30', reports)).toEqual({ kind: 'weekly', from: '2026-03-23', to: '2026-03-29' });
    expect(reportPeriod('weekly', '2026-03-31', reports)).toBeNull();
    const wednesday = { ...reports, weekly: { weekday: 3 as const, at: '08:00' } };
    expect(reportPeriod('weekly', '2026-04-01', wednesday)).toEqual({ kind: 'weekly', from: '2026-03-23', to: '2026-03-29' });
    const sunday = { ...reports, weekly: { weekday: 7 as const, at: '08:00' } };
    expect(reportPeriod('weekly', '2026-03-29', sunday)).toEqual({ kind: 'weekly', from: '2026-03-16', to: '2026-03-22' });
  });

  it('monthly: on the 1st for a calendar month; the day after an assessment month (19th–18th) closes', () => {
    expect(reportPeriod('monthly', '2026-04-01', reports)).toEqual({ kind: 'monthly', from: '2026-03-01', to: '2026-03-31' });
    expect(reportPeriod('monthly', '2026-04-02', reports)).toBeNull();
    const assessment = { ...reports, monthly: { basis: 'assessment' as const, at: '08:00' } };
    expect(reportPeriod('monthly', '2026-04-19', assessment, 19)).toEqual({ kind: 'monthly', from: '2026-03-19', to: '2026-04-18' });
    expect(reportPeriod('monthly', '2026-01-19', assessment, 19)).toEqual({ kind: 'monthly', from: '2025-12-19', to: '2026-01-18' });
    expect(reportPeriod('monthly', '2026-04-01', assessment, 19)).toBeNull();
    expect(() => reportPeriod('monthly', '2026-04-29', assessment, 29)).toThrow(RangeError);
  });
});
