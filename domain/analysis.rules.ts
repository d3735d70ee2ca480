/**
 * Analysis (issue 21, DOMAIN.md "Analysis", 未诉先办) as pure functions over plain case summaries: the category
 * distribution, volume series by local day / week / month with month-on-month and year-on-year change, hot spots by
 * unit and by geohash cell, group complaints (群体诉求) and surges. No I/O, no clock reads, no Node imports: a report
 * workflow's activities read the cases (or the aggregates) and the time, then ask these; the figures in a report are
 * exactly what these functions say about its cases, so the tests here pin what every figure means.
 *
 * These are the reference semantics on in-memory summaries. Reports over a million cases are expected to push the
 * counting into SQL (GROUP BY over the same keys); the functions that only need counts take counts (`monthCounts`,
 * `changeOf`) so the same rule applies to either.
 *
 * Time: every day, week and month is LOCAL to the calendar's fixed UTC offset (Asia/Shanghai +480): a case received
 * at 2026-03-31T16:30Z is 2026-04-01 00:30 in Beijing and counts for April. The conversion is made in exactly one
 * place (`localDay` below, on domain/calendar.rules.ts), so when the calendar modules are merged, one import moves.
 * Weeks run Monday to Sunday and are named by their Monday's date; months are named 'YYYY-MM'.
 *
 * Decisions (where the issue or DOMAIN.md leave it open):
 * - A case's category at level L of the taxonomy (1 = the root categories) is the L-th id of its category path; a case
 *   whose category sits above level L counts under its own category (so the whole is always every case).
 * - Shares are whole basis points (1/10,000; a percentage with two decimals, 62.59%), apportioned by the largest
 *   remainder (Hamilton) method over the rows shown (the top N and one "other" row), so the rows add up to exactly
 *   10,000 of 10,000. Equal remainders go to the row ranked first (higher count, then lower category id).
 * - Rankings order by count descending, then id ascending: deterministic, and ties at the N-th place are cut by id.
 * - Change ratios are (current − base) / base, unrounded (a renderer rounds for display), and null when the base is
 *   0: growth from nothing has no ratio.
 * - Coordinates count only when both are finite and in range (lat −90…90, lng −180…180); anything else is "no
 *   coordinates". A cell is a fixed grid square: two cases a metre apart across a cell edge are in different cells
 *   (the price of cells a database can index and a map can draw; neighbours are not merged).
 * - Group complaints: the place is the geohash cell of the case's coordinates at the policy's precision, or, for a
 *   case without coordinates, its lowest place unit (grid, else community). A case with neither is in no group. The
 *   category is the case's own (leaf) category. Complainants are compared by `complainantKey` (a hash): the same
 *   caller on five cases is one complainant. See `detectGroupComplaints` for the window.
 * - Surges: per (own category, unit at the policy's level — a street by default), day by day in local days; see
 *   `detectSurges`. A baseline of 0 makes any window of at least `minCount` cases a surge (a new problem).
 */
import { localDate as calendarLocalDate, localInstant as calendarLocalInstant, type WorkCalendar as RegionCalendar } from './calendar.rules.js';
import type { AnalysisPolicy, IsoWeekday, PlaceLevel } from './analysis.policy.js';

// ---------------------------------------------------------------------------------------------------------------
// Inputs

/** What the analysis sees of a case. No personal data: the complainant is a key (a hash), never a phone or name. */
export interface AnalysisCase {
  id: string;
  /** The case's own category (a leaf or any node of the taxonomy). */
  categoryId: string;
  /** The category's ids from the root down, ending with `categoryId` (['city-mgmt', 'sanitation', 'rubbish']). */
  categoryPath: readonly string[];
  /** The units of the case's place by level (ancestor-or-self in the org tree); null or absent where none. */
  place: Partial<Record<PlaceLevel, string | null>>;
  lat?: number | null;
  lng?: number | null;
  /** A stable hash of the complainant (e.g. of the normalised phone); equal keys are the same person. */
  complainantKey: string;
  /** When the complaint was received, ms since the epoch. */
  receivedAt: number;
}

/** The calendar the analysis counts local days on: only its offset matters (minutes east of UTC). */
export type AnalysisClock = Pick<RegionCalendar, 'utcOffsetMinutes'>;

// ---------------------------------------------------------------------------------------------------------------
// Local days (the one place instants become local dates)

const DAY_MS = 86_400_000;

/**
 * calendar.rules.ts answers for a whole region calendar; the analysis needs only the offset, so it asks a calendar
 * made of that offset alone (one per offset, kept: the calendar module memoises by object identity).
 */
const offsetCalendars = new Map<number, RegionCalendar>();
function offsetCalendar(clock: AnalysisClock): RegionCalendar {
  let cal = offsetCalendars.get(clock.utcOffsetMinutes);
  if (!cal) {
    cal = { region: 'analysis', utcOffsetMinutes: clock.utcOffsetMinutes, holidays: [], workdays: [], workingHours: [{ start: '00:00', end: '24:00' }] };
    offsetCalendars.set(clock.utcOffsetMinutes, cal);
  }
  return cal;
}

/** The local date (YYYY-MM-DD) of an instant on the clock's calendar. */
export function localDay(instantMs: number, clock: AnalysisClock): string {
  return calendarLocalDate(instantMs, offsetCalendar(clock));
}

/** The instant of a local date and time ('HH:MM') on the clock's calendar. */
export function localInstantOf(date: string, time: string, clock: AnalysisClock): number {
  return calendarLocalInstant(date, time, offsetCalendar(clock));
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a real YYYY-MM-DD date (RangeError otherwise). Plain date arithmetic, no time zone. */
export function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return ms / DAY_MS;
}

/** YYYY-MM-DD of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(date: string): IsoWeekday {
  return ((((dayNumber(date) + 3) % 7) + 7) % 7 + 1) as IsoWeekday;
}

/** The Monday of the week a local date is in. */
export function weekOf(date: string): string {
  return dateOfDay(dayNumber(date) - (isoWeekday(date) - 1));
}

/** 'YYYY-MM' of a local date. */
export const monthOf = (date: string): string => date.slice(0, 7);

function shiftMonth(month: string, by: number): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const index = y * 12 + (m - 1) + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Rankings and shares

/** Orders by count descending, then key ascending. */
const byCountThenKey = <T extends { count: number }>(key: (row: T) => string) => (a: T, b: T): number =>
  b.count - a.count || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** The whole in basis points. */
export const SHARE_UNITS = 10_000;

/**
 * Whole basis points for each count, adding up to exactly SHARE_UNITS (when the total is not 0): the largest
 * remainder method, ties to the earlier row. All zeros when the total is 0.
 */
export function apportionShares(counts: readonly number[]): number[] {
  const total = counts.reduce((s, c) => s + c, 0);
  if (total === 0) return counts.map(() => 0);
  const floors = counts.map((c) => Math.floor((c * SHARE_UNITS) / total));
  let left = SHARE_UNITS - floors.reduce((s, f) => s + f, 0);
  const order = counts
    .map((c, i) => ({ i, remainder: (c * SHARE_UNITS) % total }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors;
}

export interface DistributionRow {
  categoryId: string;
  count: number;
  /** Share of the whole in basis points (1/10,000); the rows and `other` add up to exactly 10,000. */
  shareBp: number;
}

export interface CategoryDistribution {
  /** The taxonomy level the categories are counted at (1 = root). */
  level: number;
  total: number;
  /** The top N categories, by count descending then id. */
  top: DistributionRow[];
  /** Every category after the top N, as one row; null when there are none. */
  other: { categories: number; count: number; shareBp: number } | null;
  /** The top N's share together (Dongcheng: "the top ten are 62.59% of all"), basis points. */
  topShareBp: number;
}

/** The case's category at a taxonomy level (1 = root); its own category when it sits above that level. */
export function categoryAtLevel(c: Pick<AnalysisCase, 'categoryId' | 'categoryPath'>, level: number): string {
  return c.categoryPath[level - 1] ?? c.categoryId;
}

/** The distribution of cases over the categories of one taxonomy level: the top N by name, the rest as "other". */
export function categoryDistribution(cases: readonly AnalysisCase[], level: number, topN: number): CategoryDistribution {
  return categoryDistributionOf(cases.map((c) => ({ categoryId: c.categoryId, categoryPath: c.categoryPath, count: 1 })), level, topN);
}

/**
 * The same distribution from counts per own category (what a GROUP BY answers): each row's count goes to its category
 * at the level. `categoryDistribution` is this over one row per case, so both say the same of the same cases.
 */
export function categoryDistributionOf(
  rows: ReadonlyArray<Pick<AnalysisCase, 'categoryId' | 'categoryPath'> & { count: number }>,
  level: number,
  topN: number,
): CategoryDistribution {
  if (!Number.isInteger(level) || level < 1) throw new RangeError(`level must be 1 or more, got ${level}`);
  if (!Number.isInteger(topN) || topN < 1) throw new RangeError(`topN must be 1 or more, got ${topN}`);
  const counts = new Map<string, number>();
  let total = 0;
  for (const r of rows) {
    const id = categoryAtLevel(r, level);
    counts.set(id, (counts.get(id) ?? 0) + r.count);
    total += r.count;
  }
  const ranked = [...counts].map(([categoryId, count]) => ({ categoryId, count })).sort(byCountThenKey((r) => r.categoryId));
  const top = ranked.slice(0, topN);
  const rest = ranked.slice(topN);
  const restCount = rest.reduce((s, r) => s + r.count, 0);
  const shares = apportionShares([...top.map((r) => r.count), ...(rest.length > 0 ? [restCount] : [])]);
  const shown = top.map((r, i) => ({ ...r, shareBp: shares[i]! }));
  return {
    level,
    total,
    top: shown,
    other: rest.length > 0 ? { categories: rest.length, count: restCount, shareBp: shares[top.length]! } : null,
    topShareBp: shown.reduce((s, r) => s + r.shareBp, 0),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Series and change

export type Granularity = 'day' | 'week' | 'month';

/** The local period an instant falls in: 'YYYY-MM-DD' (day), the Monday's 'YYYY-MM-DD' (week) or 'YYYY-MM'. */
export function periodOf(instantMs: number, granularity: Granularity, clock: AnalysisClock): string {
  return periodOfDate(localDay(instantMs, clock), granularity);
}

function periodOfDate(date: string, granularity: Granularity): string {
  return granularity === 'day' ? date : granularity === 'week' ? weekOf(date) : monthOf(date);
}

/** Every period from the one containing `from` to the one containing `to` (local dates, inclusive), in order. */
export function periodsBetween(from: string, to: string, granularity: Granularity): string[] {
  const first = periodOfDate(from, granularity);
  const last = periodOfDate(to, granularity);
  const out: string[] = [];
  if (first > last) return out;
  if (granularity === 'month') {
    for (let m = first; m <= last; m = shiftMonth(m, 1)) out.push(m);
  } else {
    const step = granularity === 'day' ? 1 : 7;
    for (let d = dayNumber(first); d <= dayNumber(last); d += step) out.push(dateOfDay(d));
  }
  return out;
}

export interface VolumeSeries {
  granularity: Granularity;
  /** The periods' names, in order; every period present (a period without cases counts 0). */
  periods: string[];
  /** Cases per period (all cases, whatever `by` says). */
  counts: number[];
  /** With `by`: one series per key (cases whose key is null are in `counts` only), by total descending then key. */
  groups?: Array<{ key: string; total: number; counts: number[] }>;
}

/**
 * Volume per local day, week or month over whole periods: from the period containing `from` to the one containing
 * `to` (so a weekly series from a Wednesday starts on that week's Monday: periods are never partial). Cases outside
 * those periods are ignored; the caller must hand in every case inside them. `by` splits the series (per category
 * at a level, per unit: `(c) => c.place.street ?? null`).
 */
export function volumeSeries(
  cases: readonly AnalysisCase[],
  range: { from: string; to: string; granularity: Granularity },
  clock: AnalysisClock,
  by?: (c: AnalysisCase) => string | null,
): VolumeSeries {
  const periods = periodsBetween(range.from, range.to, range.granularity);
  const index = new Map(periods.map((p, i) => [p, i]));
  const counts = periods.map(() => 0);
  const groups = new Map<string, number[]>();
  for (const c of cases) {
    const i = index.get(periodOf(c.receivedAt, range.granularity, clock));
    if (i === undefined) continue;
    counts[i]! += 1;
    const key = by?.(c) ?? null;
    if (key === null) continue;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = periods.map(() => 0)));
    g[i]! += 1;
  }
  const series: VolumeSeries = { granularity: range.granularity, periods, counts };
  if (by) {
    series.groups = [...groups]
      .map(([key, cs]) => ({ key, total: cs.reduce((s, n) => s + n, 0), counts: cs }))
      .sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  return series;
}

/** Cases per local month ('YYYY-MM'). */
export function monthCounts(cases: readonly AnalysisCase[], clock: AnalysisClock): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of cases) {
    const m = periodOf(c.receivedAt, 'month', clock);
    out.set(m, (out.get(m) ?? 0) + 1);
  }
  return out;
}

export interface Change {
  period: string;
  basePeriod: string;
  current: number;
  base: number;
  delta: number;
  /** (current − base) / base, unrounded; null when the base is 0. */
  ratio: number | null;
}

/** The change from a base figure to a current one; ratio null when the base is 0. */
export function changeOf(current: number, base: number): Pick<Change, 'current' | 'base' | 'delta' | 'ratio'> {
  return { current, base, delta: current - base, ratio: base === 0 ? null : (current - base) / base };
}

/** Month-on-month (环比): a local month against the month before it. */
export function monthOnMonth(counts: ReadonlyMap<string, number>, month: string): Change {
  const basePeriod = shiftMonth(month, -1);
  return { period: month, basePeriod, ...changeOf(counts.get(month) ?? 0, counts.get(basePeriod) ?? 0) };
}

/** Year-on-year (同比): a local month against the same month a year before. */
export function yearOnYear(counts: ReadonlyMap<string, number>, month: string): Change {
  const basePeriod = shiftMonth(month, -12);
  return { period: month, basePeriod, ...changeOf(counts.get(month) ?? 0, counts.get(basePeriod) ?? 0) };
}

/** The local days a period of a granularity covers, both inclusive ('2026-03' → 2026-03-01 … 2026-03-31). */
export function periodDays(period: string, granularity: Granularity): { from: string; to: string } {
  if (granularity === 'day') return { from: period, to: period };
  if (granularity === 'week') return { from: period, to: dateOfDay(dayNumber(period) + 6) };
  const next = shiftMonth(period, 1);
  return { from: `${period}-01`, to: dateOfDay(dayNumber(`${next}-01`) - 1) };
}

/** The period before (环比's base): the day, the week or the month before. */
export function previousPeriodOf(period: string, granularity: Granularity): string {
  if (granularity === 'month') return shiftMonth(period, -1);
  return dateOfDay(dayNumber(period) - (granularity === 'day' ? 1 : 7));
}

/**
 * The same period a year before (同比's base): the same month of the year before; the same date (29 February: the
 * 28th); the week 52 weeks before (the same weekday and, but for a 53-week year, the same ISO week number).
 */
export function yearAgoPeriodOf(period: string, granularity: Granularity): string {
  if (granularity === 'month') return shiftMonth(period, -12);
  if (granularity === 'week') return dateOfDay(dayNumber(period) - 364);
  const year = String(Number(period.slice(0, 4)) - 1).padStart(4, '0');
  const sameDate = `${year}${period.slice(4)}`;
  return period.slice(5) === '02-29' ? `${year}-02-28` : sameDate;
}

/**
 * Volume per period from counts per local day (what a GROUP BY answers): every period from the one containing `from`
 * to the one containing `to`, each the sum of its days (days outside those periods are ignored). `volumeSeries` says
 * the same of cases.
 */
export function volumeSeriesOf(dayCounts: ReadonlyMap<string, number>, range: { from: string; to: string; granularity: Granularity }): VolumeSeries {
  const periods = periodsBetween(range.from, range.to, range.granularity);
  const index = new Map(periods.map((p, i) => [p, i]));
  const counts = periods.map(() => 0);
  for (const [day, n] of dayCounts) {
    const i = index.get(periodOfDate(day, range.granularity));
    if (i !== undefined) counts[i]! += n;
  }
  return { granularity: range.granularity, periods, counts };
}

/** Sums counts per local day into counts per period of a granularity (for the bases of MoM and YoY). */
export function periodCounts(dayCounts: ReadonlyMap<string, number>, granularity: Granularity): Map<string, number> {
  const out = new Map<string, number>();
  for (const [day, n] of dayCounts) {
    const p = periodOfDate(day, granularity);
    out.set(p, (out.get(p) ?? 0) + n);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Geohash and hot spots

const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';

/** Whether a pair is usable coordinates: both finite and in range. */
export function hasCoordinates(c: { lat?: number | null; lng?: number | null }): c is { lat: number; lng: number } {
  return typeof c.lat === 'number' && typeof c.lng === 'number' && Number.isFinite(c.lat) && Number.isFinite(c.lng) &&
    Math.abs(c.lat) <= 90 && Math.abs(c.lng) <= 180;
}

function checkPrecision(precision: number): void {
  if (!Number.isInteger(precision) || precision < 1 || precision > 12) throw new RangeError(`geohash precision must be 1–12, got ${precision}`);
}

/**
 * The geohash of a point (Niemeyer's public-domain scheme): bits alternate longitude, latitude, each halving its
 * range; five bits a character. A point on a dividing line goes to the upper (north / east) half. Cell size at
 * precision p: 180° / 2^⌊5p/2⌋ of latitude by 360° / 2^⌈5p/2⌉ of longitude (p = 7: 0.001373° × 0.001373°).
 */
export function geohash(lat: number, lng: number, precision: number): string {
  checkPrecision(precision);
  if (!hasCoordinates({ lat, lng })) throw new RangeError(`not coordinates: ${lat}, ${lng}`);
  let [latLo, latHi, lngLo, lngHi] = [-90, 90, -180, 180];
  let hash = '';
  let bits = 0;
  let ch = 0;
  let lngBit = true;
  while (hash.length < precision) {
    if (lngBit) {
      const mid = (lngLo + lngHi) / 2;
      ch *= 2;
      if (lng >= mid) {
        ch += 1;
        lngLo = mid;
      } else {
        lngHi = mid;
      }
    } else {
      const mid = (latLo + latHi) / 2;
      ch *= 2;
      if (lat >= mid) {
        ch += 1;
        latLo = mid;
      } else {
        latHi = mid;
      }
    }
    lngBit = !lngBit;
    if (++bits === 5) {
      hash += BASE32[ch];
      bits = 0;
      ch = 0;
    }
  }
  return hash;
}

export interface CellBounds {
  south: number;
  west: number;
  north: number;
  east: number;
}

/** The square a geohash names (RangeError on a character outside the geohash alphabet). */
export function geohashBounds(hash: string): CellBounds {
  if (hash.length < 1 || hash.length > 12) throw new RangeError(`geohash length must be 1–12, got ${hash.length}`);
  let [south, north, west, east] = [-90, 90, -180, 180];
  let lngBit = true;
  for (const char of hash) {
    const value = BASE32.indexOf(char);
    if (value < 0) throw new RangeError(`not a geohash: ${JSON.stringify(hash)}`);
    for (let b = 4; b >= 0; b--) {
      const on = ((value >> b) & 1) === 1;
      if (lngBit) {
        const mid = (west + east) / 2;
        if (on) west = mid; else east = mid;
      } else {
        const mid = (south + north) / 2;
        if (on) south = mid; else north = mid;
      }
      lngBit = !lngBit;
    }
  }
  return { south, west, north, east };
}

export interface UnitHotSpots {
  level: PlaceLevel;
  /** Units by count descending, then id. */
  rows: Array<{ unitId: string; count: number }>;
  /** Cases without a unit at that level. */
  unplaced: number;
}

/** Cases per unit at one level of the org tree (community, grid, street …). */
export function hotSpotsByUnit(cases: readonly AnalysisCase[], level: PlaceLevel): UnitHotSpots {
  return hotSpotsByUnitOf(cases.map((c) => ({ place: c.place, count: 1 })), level);
}

export interface CellHotSpots {
  precision: number;
  /** Cells by count descending, then geohash; each with its square and centre for a map. */
  rows: Array<{ cell: string; count: number; bounds: CellBounds; centre: { lat: number; lng: number } }>;
  /** Cases without usable coordinates. */
  unlocated: number;
}

/** Cases per geohash cell at a precision (the policy's `hotSpots.cellPrecision`). */
export function hotSpotsByCell(cases: readonly AnalysisCase[], precision: number): CellHotSpots {
  checkPrecision(precision);
  const counts = new Map<string, number>();
  let unlocated = 0;
  for (const c of cases) {
    if (!hasCoordinates(c)) {
      unlocated += 1;
      continue;
    }
    const cell = geohash(c.lat, c.lng, precision);
    counts.set(cell, (counts.get(cell) ?? 0) + 1);
  }
  return { precision, rows: cellRows(counts), unlocated };
}

/**
 * A cell as two whole numbers: its row (latitude) and column (longitude) among the cells of a precision. A geohash of
 * precision p halves latitude ⌊5p/2⌋ times and longitude ⌈5p/2⌉ times, so its cell is row ⌊(lat + 90) / 180 × 2^latBits⌋
 * and column ⌊(lng + 180) / 360 × 2^lngBits⌋ (the upper half on a dividing line, as `geohash`): what a database can
 * group by without a geohash function (api/analysis.repository.ts), turned back into the geohash by `geohashOfCell`.
 */
export interface CellIndex {
  row: number;
  col: number;
}

export function cellBits(precision: number): { latBits: number; lngBits: number } {
  checkPrecision(precision);
  return { latBits: Math.floor((5 * precision) / 2), lngBits: Math.ceil((5 * precision) / 2) };
}

/** The geohash of a cell given by its row and column at a precision (RangeError outside the grid). */
export function geohashOfCell(cell: CellIndex, precision: number): string {
  const { latBits, lngBits } = cellBits(precision);
  if (!Number.isInteger(cell.row) || !Number.isInteger(cell.col) || cell.row < 0 || cell.col < 0 || cell.row >= 2 ** latBits || cell.col >= 2 ** lngBits) {
    throw new RangeError(`no cell ${cell.row}, ${cell.col} at precision ${precision}`);
  }
  let hash = '';
  let ch = 0;
  let bits = 0;
  let [latLeft, lngLeft] = [latBits, lngBits];
  for (let i = 0; i < 5 * precision; i++) {
    // Bits alternate longitude, latitude, most significant first.
    const bit = i % 2 === 0 ? Math.floor(cell.col / 2 ** --lngLeft) % 2 : Math.floor(cell.row / 2 ** --latLeft) % 2;
    ch = ch * 2 + bit;
    if (++bits === 5) {
      hash += BASE32[ch];
      ch = 0;
      bits = 0;
    }
  }
  return hash;
}

/** The row and column of a geohash's cell (RangeError on a character outside the geohash alphabet). */
export function cellOfGeohash(hash: string): CellIndex {
  if (hash.length < 1 || hash.length > 12) throw new RangeError(`geohash length must be 1–12, got ${hash.length}`);
  let row = 0;
  let col = 0;
  let lngBit = true;
  for (const char of hash) {
    const value = BASE32.indexOf(char);
    if (value < 0) throw new RangeError(`not a geohash: ${JSON.stringify(hash)}`);
    for (let b = 4; b >= 0; b--) {
      const on = (value >> b) & 1;
      if (lngBit) col = col * 2 + on;
      else row = row * 2 + on;
      lngBit = !lngBit;
    }
  }
  return { row, col };
}

/** Hot spots by unit from counts per unit of place (what a GROUP BY answers): `hotSpotsByUnit` says the same of cases. */
export function hotSpotsByUnitOf(rows: ReadonlyArray<{ place: AnalysisCase['place']; count: number }>, level: PlaceLevel): UnitHotSpots {
  const counts = new Map<string, number>();
  let unplaced = 0;
  for (const r of rows) {
    const unitId = r.place[level];
    if (!unitId) unplaced += r.count;
    else counts.set(unitId, (counts.get(unitId) ?? 0) + r.count);
  }
  const out = [...counts].map(([unitId, count]) => ({ unitId, count })).sort(byCountThenKey((r) => r.unitId));
  return { level, rows: out, unplaced };
}

/** Hot spots by cell from counts per cell (row and column at the precision) and the count without coordinates. */
export function hotSpotsByCellOf(rows: ReadonlyArray<CellIndex & { count: number }>, unlocated: number, precision: number): CellHotSpots {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const cell = geohashOfCell(r, precision);
    counts.set(cell, (counts.get(cell) ?? 0) + r.count);
  }
  return { precision, rows: cellRows(counts), unlocated };
}

function cellRows(counts: ReadonlyMap<string, number>): CellHotSpots['rows'] {
  return [...counts]
    .map(([cell, count]) => ({ cell, count }))
    .sort(byCountThenKey((r) => r.cell))
    .map((r) => {
      const bounds = geohashBounds(r.cell);
      return { ...r, bounds, centre: { lat: (bounds.south + bounds.north) / 2, lng: (bounds.west + bounds.east) / 2 } };
    });
}

// ---------------------------------------------------------------------------------------------------------------
// Group complaints (群体诉求)

/** Where a group complaint is: a geohash cell, or a place unit for cases without coordinates. */
export type GroupPlace = { kind: 'cell'; cell: string } | { kind: 'unit'; unitId: string };

/** The place a case counts at for group complaints, or null (no coordinates and no grid or community). */
export function groupPlaceOf(c: AnalysisCase, precision: number): GroupPlace | null {
  if (hasCoordinates(c)) return { kind: 'cell', cell: geohash(c.lat, c.lng, precision) };
  const unitId = c.place.grid ?? c.place.community ?? null;
  return unitId ? { kind: 'unit', unitId } : null;
}

export interface GroupComplaint {
  /** Stable across runs over overlapping inputs: category, place and the first case's id. */
  id: string;
  categoryId: string;
  place: GroupPlace;
  /** The first case's receivedAt; the group's window is [windowStart, windowEnd). */
  windowStart: number;
  windowEnd: number;
  /** When the group reached the threshold: the receivedAt of the case that made it (`detectedByCaseId`). */
  detectedAt: number;
  detectedByCaseId: string;
  /** Every case in the group, in order of receipt (a caller's second case is here, but counts once below). */
  caseIds: string[];
  /** Distinct complainants in the group (at least the policy's minimum). */
  complainants: number;
}

const sortByReceipt = (a: AnalysisCase, b: AnalysisCase): number =>
  a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Group complaints: per (own category, place), cases in order of receipt (ties by id). A group is flagged at the
 * first case whose arrival makes the cases of the last `windowDays` (those received less than windowDays × 24 h
 * before it, not yet in a group) come from at least `minComplainants` distinct complainants. Its window then runs
 * from its first case for windowDays × 24 h, and every later case of that category and place inside it joins the same
 * group (one flag per group per window, however many more people call). After the window a new group can form from
 * new cases only: a case is in at most one group, so a problem that goes on for weeks is flagged once a window.
 *
 * "Within 7 days" is a span shorter than 7 × 24 h: cases at day 0 and exactly day 7 are not within it. Hand in every
 * case from at least one window before the period of interest, so a group that began earlier is seen with its first
 * case (its id and window depend on it). Returns groups by detectedAt, then id.
 */
export function detectGroupComplaints(cases: readonly AnalysisCase[], policy: AnalysisPolicy['groupComplaint']): GroupComplaint[] {
  const windowMs = policy.windowDays * DAY_MS;
  const byIssue = new Map<string, { categoryId: string; place: GroupPlace; cases: AnalysisCase[] }>();
  for (const c of cases) {
    const place = groupPlaceOf(c, policy.cellPrecision);
    if (!place) continue;
    const key = JSON.stringify([c.categoryId, place.kind, place.kind === 'cell' ? place.cell : place.unitId]);
    let issue = byIssue.get(key);
    if (!issue) byIssue.set(key, (issue = { categoryId: c.categoryId, place, cases: [] }));
    issue.cases.push(c);
  }

  const groups: GroupComplaint[] = [];
  for (const { categoryId, place, cases: list } of byIssue.values()) {
    list.sort(sortByReceipt);
    let open: (GroupComplaint & { keys: Set<string> }) | null = null;
    let pending: AnalysisCase[] = [];
    const pendingKeys = new Map<string, number>();
    const close = () => {
      if (!open) return;
      const { keys, ...group } = open;
      groups.push({ ...group, complainants: keys.size });
      open = null;
    };
    for (const c of list) {
      if (open && c.receivedAt < open.windowEnd) {
        open.caseIds.push(c.id);
        open.keys.add(c.complainantKey);
        continue;
      }
      close();
      pending.push(c);
      pendingKeys.set(c.complainantKey, (pendingKeys.get(c.complainantKey) ?? 0) + 1);
      while (c.receivedAt - pending[0]!.receivedAt >= windowMs) {
        const gone = pending.shift()!;
        const n = pendingKeys.get(gone.complainantKey)! - 1;
        if (n === 0) pendingKeys.delete(gone.complainantKey);
        else pendingKeys.set(gone.complainantKey, n);
      }
      if (pendingKeys.size >= policy.minComplainants) {
        const first = pending[0]!;
        open = {
          id: JSON.stringify([categoryId, place.kind, place.kind === 'cell' ? place.cell : place.unitId, first.id]),
          categoryId,
          place,
          windowStart: first.receivedAt,
          windowEnd: first.receivedAt + windowMs,
          detectedAt: c.receivedAt,
          detectedByCaseId: c.id,
          caseIds: pending.map((p) => p.id),
          complainants: 0,
          keys: new Set(pendingKeys.keys()),
        };
        pending = [];
        pendingKeys.clear();
      }
    }
    close();
  }
  return groups.sort((a, b) => a.detectedAt - b.detectedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A group complaint as it was flagged and stored (analysis_alerts): enough to say whether a case is part of it. */
export interface FlaggedGroup {
  categoryId: string;
  place: GroupPlace;
  /** [windowStart, windowEnd): the instants its cases were received in. */
  windowStart: number;
  windowEnd: number;
  /** Its cases when it was flagged. */
  caseIds: readonly string[];
}

/** What a case shows of itself to flaggedGroupOf: a case as the analysis sees it, its complainant told apart or not (null). */
export type GroupMemberCase = Pick<AnalysisCase, 'id' | 'categoryId' | 'place' | 'lat' | 'lng' | 'receivedAt'> & { complainantKey: string | null };

/**
 * The flagged group a case is part of, if any: a case the group listed when it was flagged, or a later case that
 * joined it by `detectGroupComplaints`'s rule — the same own category, the same place (the group's cell at the
 * group's precision, the cell's length, when the case has coordinates; else its grid or community), received inside
 * the group's window, with a complainant that can be told apart (a case without a phone counts for nobody and is in
 * no group). A case recorded late with an earlier receipt inside the window is in it too, as the rule run again would
 * put it. Of several groups (one issue's windows do not overlap), the first.
 */
export function flaggedGroupOf<G extends FlaggedGroup>(c: GroupMemberCase, groups: readonly G[]): G | null {
  const sorted = [...groups].sort((a, b) => a.windowStart - b.windowStart);
  const listed = sorted.find((g) => g.caseIds.includes(c.id));
  if (listed) return listed;
  if (c.complainantKey === null) return null;
  const located = hasCoordinates(c);
  const unit = c.place.grid ?? c.place.community ?? null;
  return (
    sorted.find((g) => {
      if (g.categoryId !== c.categoryId || c.receivedAt < g.windowStart || c.receivedAt >= g.windowEnd) return false;
      if (g.place.kind === 'cell') return located && geohash(c.lat!, c.lng!, g.place.cell.length) === g.place.cell;
      return !located && unit === g.place.unitId;
    }) ?? null
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Surges

/** A surge that is going on: what one run hands the next so a continuing surge is not raised again. */
export interface OngoingSurge {
  categoryId: string;
  unitId: string;
  /** The local date it was raised on. */
  since: string;
}

export interface SurgeFigures {
  categoryId: string;
  /** The unit at the policy's place level (a street by default). */
  unitId: string;
  /** The local date evaluated: the window is the `windowDays` local days ending with it. */
  day: string;
  windowFrom: string;
  count: number;
  /** Cases in the baseline: the `baselineWindows` windows right before the window. */
  baselineFrom: string;
  baselineTo: string;
  baselineCount: number;
  /** baselineCount / baselineWindows (cases per window). */
  baselineAverage: number;
}

export interface SurgeReport {
  /** Surges that began on a day of the range (each raised once), by day then category then unit. */
  raised: SurgeFigures[];
  /** Surges that ended on a day of the range: the first day the condition no longer held. */
  ended: Array<OngoingSurge & { endedOn: string }>;
  /** Surges still going on after the last day: hand these to the next run. */
  ongoing: OngoingSurge[];
}

/** Whether a window's count is a surge against its baseline (both ends inclusive: "at least"). */
export function isSurge(count: number, baselineCount: number, policy: AnalysisPolicy['surge']): boolean {
  // count ≥ factor × (baselineCount / baselineWindows), multiplied out so whole counts compare exactly.
  return count >= policy.minCount && count * policy.baselineWindows >= policy.factor * baselineCount;
}

/**
 * Surges, evaluated for each local day from `from` to `to` (inclusive) and each (own category, unit at
 * `policy.placeLevel`): the day's window is the `windowDays` local days ending with it, its baseline the
 * `baselineWindows × windowDays` local days before the window. A surge is raised on the first day the condition
 * (`isSurge`) holds and not again while it holds on the following days; it ends on the first day it does not, and
 * may then be raised again. `ongoing` says which surges were going on the day before `from` (the previous run's
 * `ongoing`), so a daily run raises a continuing surge once across runs too.
 *
 * Hand in every case from (windowDays × (baselineWindows + 1) − 1) local days before `from` up to `to`: a missing
 * baseline reads as 0, which makes any window of `minCount` cases a surge.
 */
export function detectSurges(
  cases: readonly AnalysisCase[],
  range: { from: string; to: string },
  policy: AnalysisPolicy['surge'],
  clock: AnalysisClock,
  ongoing: readonly OngoingSurge[] = [],
): SurgeReport {
  const counts: SurgeCount[] = [];
  for (const c of cases) {
    const unitId = c.place[policy.placeLevel];
    if (unitId) counts.push({ categoryId: c.categoryId, unitId, day: localDay(c.receivedAt, clock), count: 1 });
  }
  return detectSurgesOf(counts, range, policy, ongoing);
}

/** Cases of one category in one unit (at the surge policy's place level) on one local day. */
export interface SurgeCount {
  categoryId: string;
  unitId: string;
  day: string;
  count: number;
}

/**
 * `detectSurges` from counts per (own category, unit at the policy's place level, local day), what a GROUP BY answers:
 * hand in the counts from (windowDays × (baselineWindows + 1) − 1) local days before `from` up to `to`.
 */
export function detectSurgesOf(
  counts: readonly SurgeCount[],
  range: { from: string; to: string },
  policy: AnalysisPolicy['surge'],
  ongoing: readonly OngoingSurge[] = [],
): SurgeReport {
  const fromDay = dayNumber(range.from);
  const toDay = dayNumber(range.to);
  if (toDay < fromDay) throw new RangeError(`surge range ends before it starts: ${range.from} … ${range.to}`);
  const W = policy.windowDays;
  const firstDay = fromDay - W * (policy.baselineWindows + 1) + 1;
  const span = toDay - firstDay + 1;

  const keyOf = (categoryId: string, unitId: string) => JSON.stringify([categoryId, unitId]);
  const perKey = new Map<string, { categoryId: string; unitId: string; days: number[] }>();
  const series = (categoryId: string, unitId: string) => {
    const key = keyOf(categoryId, unitId);
    let s = perKey.get(key);
    if (!s) perKey.set(key, (s = { categoryId, unitId, days: new Array<number>(span).fill(0) }));
    return s;
  };
  for (const c of counts) {
    const day = dayNumber(c.day) - firstDay;
    if (day < 0 || day >= span) continue;
    series(c.categoryId, c.unitId).days[day]! += c.count;
  }
  const before = new Map<string, OngoingSurge>();
  for (const o of ongoing) {
    before.set(keyOf(o.categoryId, o.unitId), o);
    series(o.categoryId, o.unitId);
  }

  const report: SurgeReport = { raised: [], ended: [], ongoing: [] };
  for (const [key, { categoryId, unitId, days }] of perKey) {
    const prefix = [0];
    for (const n of days) prefix.push(prefix[prefix.length - 1]! + n);
    const sum = (a: number, b: number) => prefix[b - firstDay + 1]! - prefix[a - firstDay]!; // days a..b inclusive
    let current = before.get(key) ?? null;
    for (let d = fromDay; d <= toDay; d++) {
      const count = sum(d - W + 1, d);
      const baselineCount = sum(d - W * (policy.baselineWindows + 1) + 1, d - W);
      const surging = isSurge(count, baselineCount, policy);
      if (surging && !current) {
        current = { categoryId, unitId, since: dateOfDay(d) };
        report.raised.push({
          categoryId,
          unitId,
          day: dateOfDay(d),
          windowFrom: dateOfDay(d - W + 1),
          count,
          baselineFrom: dateOfDay(d - W * (policy.baselineWindows + 1) + 1),
          baselineTo: dateOfDay(d - W),
          baselineCount,
          baselineAverage: baselineCount / policy.baselineWindows,
        });
      } else if (!surging && current) {
        report.ended.push({ ...current, endedOn: dateOfDay(d) });
        current = null;
      }
    }
    if (current) report.ongoing.push(current);
  }
  const cmp = (a: { categoryId: string; unitId: string }, b: { categoryId: string; unitId: string }) =>
    a.categoryId < b.categoryId ? -1 : a.categoryId > b.categoryId ? 1 : a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0;
  report.raised.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : cmp(a, b)));
  report.ended.sort((a, b) => (a.endedOn < b.endedOn ? -1 : a.endedOn > b.endedOn ? 1 : cmp(a, b)));
  report.ongoing.sort(cmp);
  return report;
}

// ---------------------------------------------------------------------------------------------------------------
// Report times

export type ReportKind = 'daily' | 'weekly' | 'monthly';

/** The local days a report covers, both inclusive. */
export interface ReportPeriod {
  kind: ReportKind;
  from: string;
  to: string;
}

/**
 * The period a report of `kind` run on local date `runDate` covers, or null when that kind does not run on that day:
 * - daily: every day, the day before;
 * - weekly: on the policy's weekday, the last whole Monday–Sunday week before the run day;
 * - monthly: on the day after its month closes, the month just closed. A calendar month runs on the 1st; an
 *   assessment month starting on day `assessmentMonthStartDay` (1–28, from the assessment policy: 19 for 19th–18th)
 *   runs on that day and covers the previous month's that day up to the day before the run.
 */
export function reportPeriod(kind: ReportKind, runDate: string, policy: AnalysisPolicy['reports'], assessmentMonthStartDay = 1): ReportPeriod | null {
  const run = dayNumber(runDate);
  if (kind === 'daily') return { kind, from: dateOfDay(run - 1), to: dateOfDay(run - 1) };
  if (kind === 'weekly') {
    const weekday = isoWeekday(runDate);
    if (weekday !== policy.weekly.weekday) return null;
    const lastSunday = run - (weekday % 7 === 0 ? 7 : weekday);
    return { kind, from: dateOfDay(lastSunday - 6), to: dateOfDay(lastSunday) };
  }
  const startDay = policy.monthly.basis === 'calendar' ? 1 : assessmentMonthStartDay;
  if (!Number.isInteger(startDay) || startDay < 1 || startDay > 28) throw new RangeError(`an assessment month starts on day 1–28, got ${startDay}`);
  if (Number(runDate.slice(8, 10)) !== startDay) return null;
  const from = `${shiftMonth(monthOf(runDate), -1)}-${String(startDay).padStart(2, '0')}`;
  return { kind, from, to: dateOfDay(run - 1) };
}

/** The instant a report of `kind` runs on a local date (the policy's local time on the clock's offset). */
export function reportRunAt(kind: ReportKind, runDate: string, policy: AnalysisPolicy['reports'], clock: AnalysisClock): number {
  return localInstantOf(runDate, policy[kind].at, clock);
}

/**
 * The period a report of `kind` run on local date `runDate` covers, whatever the day: the last whole period before
 * it (daily: the day before; weekly: the last Monday–Sunday week that ended before the run day; monthly: the last
 * month — calendar, or assessment month starting on `assessmentMonthStartDay` — that ended before the run day). On
 * the policy's own run days this is `reportPeriod`; a Schedule configured to run on other days (REPORT_*_CRON) or a
 * run caught up late still reports a whole period, the one that had just closed when it was due.
 */
export function lastCompletePeriod(kind: ReportKind, runDate: string, policy: AnalysisPolicy['reports'], assessmentMonthStartDay = 1): ReportPeriod {
  const run = dayNumber(runDate);
  if (kind === 'daily') return { kind, from: dateOfDay(run - 1), to: dateOfDay(run - 1) };
  if (kind === 'weekly') {
    const lastSunday = run - isoWeekday(runDate);
    return { kind, from: dateOfDay(lastSunday - 6), to: dateOfDay(lastSunday) };
  }
  const startDay = policy.monthly.basis === 'calendar' ? 1 : assessmentMonthStartDay;
  if (!Number.isInteger(startDay) || startDay < 1 || startDay > 28) throw new RangeError(`an assessment month starts on day 1–28, got ${startDay}`);
  // The month that contains the run day began on startDay of this month (or of the month before): the one before it closed.
  const day = Number(runDate.slice(8, 10));
  const currentStartMonth = day >= startDay ? monthOf(runDate) : shiftMonth(monthOf(runDate), -1);
  const currentStart = `${currentStartMonth}-${String(startDay).padStart(2, '0')}`;
  return { kind, from: `${shiftMonth(currentStartMonth, -1)}-${String(startDay).padStart(2, '0')}`, to: dateOfDay(dayNumber(currentStart) - 1) };
}

/**
 * The cron expression (minute hour day month weekday, read in the calendar's time zone) of the policy's run times: daily
 * at `daily.at`, weekly on `weekly.weekday` (cron: 0 = Sunday) at `weekly.at`, monthly on the 1st (calendar months)
 * or the assessment month's start day.
 */
export function reportCron(kind: ReportKind, policy: AnalysisPolicy['reports'], assessmentMonthStartDay = 1): string {
  const [h, m] = policy[kind].at.split(':').map(Number) as [number, number];
  if (kind === 'daily') return `${m} ${h} * * *`;
  if (kind === 'weekly') return `${m} ${h} * * ${policy.weekly.weekday % 7}`;
  return `${m} ${h} ${policy.monthly.basis === 'calendar' ? 1 : assessmentMonthStartDay} * *`;
}
