/**
 * The analysis (未诉先办, issue 21): category distribution, volume trends with month-on-month and year-on-year, hot
 * spots by unit and by cell, group complaints (群体诉求), and the cases behind each figure. Counts come from the
 * database (api/analysis.repository.ts); what they mean comes from the pure rules (domain/analysis.rules.ts) with the
 * analysis policy in force (db/analysis-policy.ts). Every figure carries a link to the cases behind it
 * (`GET /v1/analysis/cases?…`, or the assessment's drill-down for the `dispatched` counter).
 *
 * Who sees what (domain/access.ts `analysis.read`, `reachOf`): analysts, supervisors and admins the whole city; a
 * unit's leaders the cases placed in or sent to their unit and the units below it — by default, and at most (another
 * unit outside their subtree answers 403).
 *
 * `compute` is the same without a principal: the reports (reports/gather.ts) gather their figures through it, so a
 * report's figure and the API's answer for the same days and scope are one computation.
 */
import { reachOf, withinReach, type Principal } from '../domain/access.js';
import {
  categoryAtLevel,
  categoryDistributionOf,
  cellOfGeohash,
  changeOf,
  dayNumber,
  dateOfDay,
  detectGroupComplaints,
  geohashBounds,
  hotSpotsByCellOf,
  hotSpotsByUnitOf,
  localDay,
  localInstantOf,
  periodCounts,
  periodDays as analysisPeriodDays,
  periodsBetween,
  previousPeriodOf,
  yearAgoPeriodOf,
  type AnalysisCase,
  type AnalysisClock,
  type Granularity,
} from '../domain/analysis.rules.js';
import type { PlaceLevel } from '../domain/analysis.policy.js';
import { defaultAssessmentPolicy } from '../domain/assessment.policy.js';
import { resolvePeriod } from '../domain/assessment.periods.js';
import { periodOf as assessmentPeriodOf, type PeriodKind } from '../domain/assessment.rules.js';
import { DomainError } from '../domain/errors.js';
import { loadAnalysisPolicy, type VersionedAnalysisPolicy } from '../db/analysis-policy.js';
import { loadActiveAssessmentPolicy } from '../db/assessment-policy.js';
import type { Database } from '../db/client.js';
import { categories as categoriesTable } from '../db/schema.js';
import { maskSummary, summaryOf } from './cases.presenter.js';
import type { AlertRow, AnalysisRepository, CaseFilter, UnitRecord } from './analysis.repository.js';
import { ALERT_KINDS } from './analysis.schemas.js';
import type {
  AlertList,
  AlertsQuery,
  AlertView,
  AnalysisCaseList,
  AnalysisCasesQuery,
  CategoriesView,
  GroupComplaintView,
  GroupComplaintsView,
  HotspotsView,
  TrendsView,
} from './analysis.schemas.js';
import type { ReferenceService } from './reference.service.js';

export interface AnalysisServiceDeps {
  db: Database;
  repository: AnalysisRepository;
  reference: ReferenceService;
  /** The clock (tests pin it); default Date.now. */
  now?: () => number;
  /** Prefix of the links to the cases behind a figure ('' in the API's answers: relative; a report's: absolute). */
  linkBase?: string;
}

const DAY_MS = 86_400_000;
/** The longest from–to asked at once (two years of days). */
export const MAX_RANGE_DAYS = 731;

export interface RangeAsked {
  from?: string | undefined;
  to?: string | undefined;
  periodKind: PeriodKind;
  period?: string | undefined;
}

/** What every figure is computed over: the days, the units (a reader's reach and the unit asked for) and the category. */
export interface AnalysisScope {
  range: { from: string; to: string; periodKind: PeriodKind | null; period: string | null };
  unitId: string | null;
  /** Each a unit's subtree; a case counts when it is placed in or sent to a unit of every set. */
  unitSets: string[][];
  categoryId: string | null;
}

interface CategoryInfo {
  id: string;
  name: string;
  parentId: string | null;
}

const bad = (field: string, reason: string) => new DomainError('validation_failed', `${field}: ${reason}`, { errors: [{ field, reason }] });

function realDay(value: string, field: string): number {
  try {
    return dayNumber(value);
  } catch {
    throw bad(field, 'not a real date');
  }
}

/** The units of place a case's place unit belongs to, by level (the unit itself and its ancestors). */
export function placeOf(unitId: string | null, units: ReadonlyMap<string, UnitRecord>): AnalysisCase['place'] {
  const place: AnalysisCase['place'] = {};
  const unit = unitId ? units.get(unitId) : undefined;
  if (!unit) return place;
  for (const id of unit.path.split('/')) {
    const u = units.get(id);
    if (u && (u.type === 'district' || u.type === 'street' || u.type === 'community' || u.type === 'grid')) place[u.type] = u.id;
  }
  return place;
}

export function createAnalysisService(deps: AnalysisServiceDeps) {
  const { db, repository, reference } = deps;
  const now = deps.now ?? Date.now;
  const base = deps.linkBase ?? '';

  function clock(): AnalysisClock {
    const calendar = reference.policyInForce()?.calendar;
    if (!calendar) throw new DomainError('unavailable', 'the policy in force is not loaded yet; retry in a moment');
    return calendar;
  }

  async function categoryTree(): Promise<{ byId: Map<string, CategoryInfo>; pathOf(id: string): string[]; subtree(id: string): string[] }> {
    const rows = await db.select({ id: categoriesTable.id, name: categoriesTable.name, parentId: categoriesTable.parentId }).from(categoriesTable);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const children = new Map<string, string[]>();
    for (const r of rows) if (r.parentId) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r.id]);
    return {
      byId,
      pathOf(id) {
        const path: string[] = [];
        const seen = new Set<string>();
        for (let c = byId.get(id); c && !seen.has(c.id); c = c.parentId ? byId.get(c.parentId) : undefined) {
          seen.add(c.id);
          path.unshift(c.id);
        }
        return path.length ? path : [id];
      },
      subtree(id) {
        const out: string[] = [];
        const stack = [id];
        while (stack.length) {
          const c = stack.pop()!;
          out.push(c);
          stack.push(...(children.get(c) ?? []));
        }
        return out;
      },
    };
  }

  async function unitMap(): Promise<Map<string, UnitRecord>> {
    return new Map((await repository.units()).map((u) => [u.id, u]));
  }

  /** The days asked for: from–to, or a period (the assessment's labels; default the last complete one). */
  async function resolveRange(q: RangeAsked): Promise<AnalysisScope['range']> {
    if (q.from !== undefined || q.to !== undefined) {
      if (q.from === undefined) throw bad('query.from', 'give from with to');
      if (q.to === undefined) throw bad('query.to', 'give to with from');
      const [a, b] = [realDay(q.from, 'query.from'), realDay(q.to, 'query.to')];
      if (b < a) throw bad('query.to', 'before from');
      if (b - a + 1 > MAX_RANGE_DAYS) throw bad('query.to', `at most ${MAX_RANGE_DAYS} days from from`);
      return { from: q.from, to: q.to, periodKind: null, period: null };
    }
    const rule = ((await loadActiveAssessmentPolicy(db)) ?? defaultAssessmentPolicy).assessmentMonth;
    const p = resolvePeriod(q.periodKind, q.period, rule, localDay(now(), clock()));
    return { from: p.days.from, to: p.days.to, periodKind: p.periodKind, period: p.period };
  }

  /** The instants of local days [from, to]: [from 00:00, the day after to 00:00). */
  function instants(days: { from: string; to: string }): { fromMs: number; toMs: number } {
    const c = clock();
    return { fromMs: localInstantOf(days.from, '00:00', c), toMs: localInstantOf(dateOfDay(dayNumber(days.to) + 1), '00:00', c) };
  }

  function casesLink(scope: AnalysisScope, days: { from: string; to: string }, extra: Record<string, string> = {}): string {
    const params = new URLSearchParams({ from: days.from, to: days.to });
    if (scope.unitId) params.set('unitId', scope.unitId);
    if (scope.categoryId) params.set('categoryId', scope.categoryId);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    return `${base}/v1/analysis/cases?${params.toString()}`;
  }

  async function filterOf(scope: AnalysisScope, days: { from: string; to: string } = scope.range): Promise<CaseFilter> {
    const categoryIds = scope.categoryId ? (await categoryTree()).subtree(scope.categoryId) : undefined;
    return { ...instants(days), unitSets: scope.unitSets, categoryIds };
  }

  /** The scope a principal may ask for: their reach, narrowed to `unitId` (which must lie within it). */
  function scopeFor(p: Principal, q: { unitId?: string | undefined; categoryId?: string | undefined }, range: AnalysisScope['range']): AnalysisScope {
    const reach = reachOf(p, 'analysis.read', reference.units);
    if (!reach) throw new DomainError('forbidden', `${p.roles.join(', ')} may not analysis.read here`);
    if (q.unitId !== undefined) {
      reference.assertUnit('query.unitId', q.unitId);
      if (!withinReach(reach, q.unitId, reference.units)) throw new DomainError('forbidden', `unit ${q.unitId} is outside your subtree`);
    }
    if (q.categoryId !== undefined) reference.assertCategory('query.categoryId', q.categoryId);
    const unitSets: string[][] = [];
    if (!reach.all) unitSets.push(reference.units.subtree(reach.unitId));
    if (q.unitId !== undefined) unitSets.push(reference.units.subtree(q.unitId));
    return { range, unitId: q.unitId ?? (reach.all ? null : reach.unitId), unitSets, categoryId: q.categoryId ?? null };
  }

  /** The scope of a whole unit's subtree (or the city: null), for a report (no principal: the report is scoped itself). */
  function scopeOfUnit(unitId: string | null, range: AnalysisScope['range']): AnalysisScope {
    return { range, unitId, unitSets: unitId ? [reference.units.subtree(unitId)] : [], categoryId: null };
  }

  const filterView = (scope: AnalysisScope, policy: VersionedAnalysisPolicy) => ({ range: scope.range, unitId: scope.unitId, categoryId: scope.categoryId, policyVersion: policy.version });

  // -------------------------------------------------------------------------------------------------------------
  // The figures, for a scope (no principal)

  const compute = {
    policy: () => loadAnalysisPolicy(db),

    async categories(scope: AnalysisScope, o: { level: number; topN?: number | undefined }): Promise<CategoriesView> {
      const [policy, tree] = await Promise.all([loadAnalysisPolicy(db), categoryTree()]);
      const topN = o.topN ?? policy.categories.topN;
      const counts = await repository.categoryCounts(await filterOf(scope));
      const rows = counts.map((r) => ({ ...r, categoryPath: tree.pathOf(r.categoryId) }));
      const dist = categoryDistributionOf(rows, o.level, topN);
      // A row whose own category sits above the level counts only the cases recorded at that category itself.
      const ownOnly = new Set(rows.filter((r) => r.categoryPath.length < o.level).map((r) => categoryAtLevel(r, o.level)));
      return {
        ...filterView(scope, policy),
        level: o.level,
        topN,
        total: dist.total,
        cases: casesLink(scope, scope.range),
        top: dist.top.map((r) => ({
          ...r,
          name: tree.byId.get(r.categoryId)?.name ?? r.categoryId,
          cases: casesLink(scope, scope.range, { categoryId: r.categoryId, ...(ownOnly.has(r.categoryId) && { categoryScope: 'own' }) }),
        })),
        other: dist.other,
        topShareBp: dist.topShareBp,
      };
    },

    async trends(scope: AnalysisScope, o: { granularity: Granularity; basis: 'received' | 'dispatched' }): Promise<TrendsView> {
      const policy = await loadAnalysisPolicy(db);
      const g = o.granularity;
      const periods = periodsBetween(scope.range.from, scope.range.to, g);
      // Whole periods, and a year before the first for the bases of 同比 (the period before is inside it).
      const days = { from: analysisPeriodDays(yearAgoPeriodOf(periods[0]!, g), g).from, to: analysisPeriodDays(periods.at(-1)!, g).to };
      let dayCounts: Map<string, number>;
      let units: Map<string, UnitRecord> | null = null;
      if (o.basis === 'received') {
        dayCounts = await repository.dayCounts(await filterOf(scope, days), clock().utcOffsetMinutes);
      } else {
        const categoryIds = scope.categoryId ? (await categoryTree()).subtree(scope.categoryId) : undefined;
        units = await unitMap();
        const unitIds = scope.unitSets.length ? scope.unitSets.reduce((a, b) => a.filter((u) => b.includes(u))) : undefined;
        dayCounts = await repository.dispatchedDayCounts({ ...days, unitIds, categoryIds });
      }
      const perPeriod = periodCounts(dayCounts, g);
      const change = (period: string, count: number) => {
        const baseCount = perPeriod.get(period) ?? 0;
        const c = changeOf(count, baseCount);
        return { period, count: baseCount, delta: c.delta, ratio: c.ratio };
      };
      const rule = ((await loadActiveAssessmentPolicy(db)) ?? defaultAssessmentPolicy).assessmentMonth;
      const root = units ? [...units.values()].find((u) => u.parentId === null)?.id ?? 'city' : null;
      const rows = periods.map((period) => {
        const span = analysisPeriodDays(period, g);
        const count = perPeriod.get(period) ?? 0;
        const cases =
          o.basis === 'received'
            ? casesLink(scope, span)
            : `${base}/v1/assessment/cases?${new URLSearchParams({
                unitId: scope.unitId ?? root!,
                counter: 'dispatched',
                periodKind: g,
                period: g === 'week' ? assessmentPeriodOf(period, 'week', rule) : period,
              }).toString()}`;
        return { period, from: span.from, to: span.to, count, previous: change(previousPeriodOf(period, g), count), yearAgo: change(yearAgoPeriodOf(period, g), count), cases };
      });
      return { ...filterView(scope, policy), granularity: g, basis: o.basis, total: rows.reduce((s, r) => s + r.count, 0), periods: rows };
    },

    async hotspots(scope: AnalysisScope, o: { by: 'unit' | 'cell'; level: PlaceLevel; precision?: number | undefined; limit: number }): Promise<HotspotsView> {
      const policy = await loadAnalysisPolicy(db);
      const filter = await filterOf(scope);
      if (o.by === 'unit') {
        const [counts, units] = await Promise.all([repository.placeCounts(filter), unitMap()]);
        const spots = hotSpotsByUnitOf(counts.map((r) => ({ place: placeOf(r.areaUnitId, units), count: r.count })), o.level);
        const total = counts.reduce((s, r) => s + r.count, 0);
        return {
          ...filterView(scope, policy),
          by: 'unit',
          level: o.level,
          precision: null,
          total,
          unplaced: spots.unplaced,
          rows: spots.rows.slice(0, o.limit).map((r) => ({
            unitId: r.unitId,
            name: units.get(r.unitId)?.name ?? r.unitId,
            cell: null,
            bounds: null,
            centre: null,
            count: r.count,
            cases: casesLink(scope, scope.range, { placeUnitId: r.unitId }),
          })),
        };
      }
      const precision = o.precision ?? policy.hotSpots.cellPrecision;
      const { cells, located, unlocated } = await repository.cellCounts(filter, precision, o.limit);
      const spots = hotSpotsByCellOf(cells, unlocated, precision);
      return {
        ...filterView(scope, policy),
        by: 'cell',
        level: null,
        precision,
        total: located + unlocated,
        unplaced: unlocated,
        rows: spots.rows.slice(0, o.limit).map((r) => ({ unitId: null, name: null, cell: r.cell, bounds: r.bounds, centre: r.centre, count: r.count, cases: casesLink(scope, scope.range, { cell: r.cell }) })),
      };
    },

    /**
     * Group complaints detected in the range (the case that made each group was received on one of its days): the
     * cases from one window before the range are handed to the rule too, so a group that began earlier is seen
     * from its first case.
     */
    async groupComplaints(scope: AnalysisScope): Promise<GroupComplaintsView> {
      const [policy, units, tree] = await Promise.all([loadAnalysisPolicy(db), unitMap(), categoryTree()]);
      const g = policy.groupComplaint;
      const { fromMs, toMs } = instants(scope.range);
      const filter = { ...(await filterOf(scope)), fromMs: fromMs - g.windowDays * DAY_MS, toMs };
      const placeUnitIds = [...units.values()].filter((u) => u.type === 'grid' || u.type === 'community').map((u) => u.id);
      const candidates = await repository.groupCandidates(filter, { precision: g.cellPrecision, minComplainants: g.minComplainants, placeUnitIds });
      const cases: AnalysisCase[] = candidates.map((c) => {
        const place = placeOf(c.areaUnitId, units);
        // A group's place below the street: the case's grid or community (not the street or district of a case placed there).
        const own = c.areaUnitId ? units.get(c.areaUnitId) : undefined;
        return {
          id: c.id,
          categoryId: c.categoryId,
          categoryPath: [c.categoryId],
          place: own?.type === 'grid' || own?.type === 'community' ? { grid: place.grid ?? null, community: place.community ?? null } : {},
          lat: c.lat,
          lng: c.lng,
          complainantKey: c.complainantKey,
          receivedAt: c.receivedAt,
        };
      });
      const groups = detectGroupComplaints(cases, g).filter((x) => x.detectedAt >= fromMs && x.detectedAt < toMs);
      const iso = (ms: number) => new Date(ms).toISOString();
      const items: GroupComplaintView[] = groups.map((x) => ({
        id: x.id,
        categoryId: x.categoryId,
        categoryName: tree.byId.get(x.categoryId)?.name ?? x.categoryId,
        place:
          x.place.kind === 'cell'
            ? { kind: 'cell', cell: x.place.cell, bounds: geohashBounds(x.place.cell), unitId: null, name: null }
            : { kind: 'unit', cell: null, bounds: null, unitId: x.place.unitId, name: units.get(x.place.unitId)?.name ?? x.place.unitId },
        windowStart: iso(x.windowStart),
        windowEnd: iso(x.windowEnd),
        detectedAt: iso(x.detectedAt),
        detectedByCaseId: x.detectedByCaseId,
        complainants: x.complainants,
        caseIds: x.caseIds,
        cases: `${base}/v1/analysis/cases?${new URLSearchParams({ from: localDay(x.windowStart, clock()), to: localDay(Math.min(x.windowEnd, toMs) - 1, clock()), caseIds: x.caseIds.slice(0, 200).join(',') }).toString()}`,
      }));
      return { ...filterView(scope, policy), policy: { ...g }, items };
    },
  };

  return {
    compute,
    resolveRange,
    scopeOfUnit,
    unitMap,
    categoryTree,
    instants,
    /** The calendar's offset (minutes east of UTC): the local days every count is made in. */
    offsetMinutes: () => clock().utcOffsetMinutes,

    async categories(q: RangeAsked & { unitId?: string | undefined; categoryId?: string | undefined; level: number; topN?: number | undefined }, p: Principal) {
      return compute.categories(scopeFor(p, q, await resolveRange(q)), q);
    },

    async trends(q: RangeAsked & { unitId?: string | undefined; categoryId?: string | undefined; granularity: Granularity; basis: 'received' | 'dispatched' }, p: Principal) {
      return compute.trends(scopeFor(p, q, await resolveRange(q)), q);
    },

    async hotspots(q: RangeAsked & { unitId?: string | undefined; categoryId?: string | undefined; by: 'unit' | 'cell'; level: PlaceLevel; precision?: number | undefined; limit: number }, p: Principal) {
      return compute.hotspots(scopeFor(p, q, await resolveRange(q)), q);
    },

    async groupComplaints(q: RangeAsked & { unitId?: string | undefined; categoryId?: string | undefined }, p: Principal) {
      return compute.groupComplaints(scopeFor(p, q, await resolveRange(q)));
    },

    /**
     * GET /v1/analysis/alerts: the group complaints and surges the analysis watch flagged and stored, the latest
     * detected first, within the reader's reach (told to, or placed at, a unit of their subtree; the city's readers
     * see all, those told to the city platform too). Figures, places and case numbers; no personal data.
     */
    async alerts(q: AlertsQuery, p: Principal): Promise<AlertList> {
      const reach = reachOf(p, 'analysis.read', reference.units);
      if (!reach) throw new DomainError('forbidden', `${p.roles.join(', ')} may not analysis.read here`);
      if (q.unitId !== undefined) {
        reference.assertUnit('query.unitId', q.unitId);
        if (!withinReach(reach, q.unitId, reference.units)) throw new DomainError('forbidden', `unit ${q.unitId} is outside your subtree`);
      }
      const day = (value: string | undefined, field: string) => {
        if (value === undefined) return undefined;
        const n = realDay(value, field);
        if (value < '1900' || value > '3000') throw bad(field, 'a date from 1900 to 2999');
        return n;
      };
      const from = day(q.from, 'query.from');
      const to = day(q.to, 'query.to');
      if (from !== undefined && to !== undefined && to < from) throw bad('query.to', 'before from');
      const c = clock();
      const unitSets: string[][] = [];
      if (!reach.all) unitSets.push(reference.units.subtree(reach.unitId));
      if (q.unitId !== undefined) unitSets.push(reference.units.subtree(q.unitId));
      const rows = await repository.alerts({
        kinds: q.kind ? [q.kind] : [...ALERT_KINDS],
        fromMs: from === undefined ? undefined : localInstantOf(dateOfDay(from), '00:00', c),
        toMs: to === undefined ? undefined : localInstantOf(dateOfDay(to + 1), '00:00', c),
        unitSets,
        after: q.cursor === undefined ? undefined : decodeAlertCursor(q.cursor),
        limit: q.limit,
      });
      const page = rows.slice(0, q.limit);
      const [units, tree] = await Promise.all([unitMap(), categoryTree()]);
      const last = page.at(-1);
      return { items: page.map((r) => alertViewOf(r, units, tree.byId)), nextCursor: rows.length > q.limit && last ? encodeAlertCursor(last) : null };
    },

    /** GET /v1/analysis/cases: the cases behind a figure, masked as the case list masks them. */
    async cases(q: AnalysisCasesQuery, p: Principal): Promise<AnalysisCaseList> {
      const scope = scopeFor(p, q, await resolveRange(q));
      const filter = await filterOf(scope);
      if (q.categoryScope === 'own' && scope.categoryId) filter.categoryIds = [scope.categoryId];
      if (q.placeUnitId !== undefined) {
        reference.assertUnit('query.placeUnitId', q.placeUnitId);
        filter.placeUnitIds = reference.units.subtree(q.placeUnitId);
      }
      if (q.cell !== undefined) filter.cell = { ...cellOfGeohash(q.cell), precision: q.cell.length };
      if (q.caseIds !== undefined) filter.caseIds = q.caseIds.split(',');
      const rows = await repository.caseIds(filter, { after: q.cursor === undefined ? undefined : decodeCursor(q.cursor), limit: q.limit });
      const page = rows.slice(0, q.limit);
      const full = await repository.caseRows(page.map((r) => r.id));
      const last = page.at(-1);
      return {
        range: scope.range,
        items: page.flatMap((r) => {
          const row = full.get(r.id);
          return row ? [maskSummary(summaryOf(row))] : [];
        }),
        nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
      };
    },
  };
}

export type AnalysisService = ReturnType<typeof createAnalysisService>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** A stored alert as the list shows it: its figures and place as the watch stored them (activities/analysis-watch.activities.ts). */
function alertViewOf(r: AlertRow, units: ReadonlyMap<string, UnitRecord>, categories: ReadonlyMap<string, { name: string }>): AlertView {
  const d = r.details;
  const kind = r.kind === 'surge' ? 'surge' : 'group_complaint';
  const place = (d.place ?? {}) as Record<string, unknown>;
  const placeUnitId = str(place.unitId);
  return {
    id: r.id,
    kind,
    categoryId: r.categoryId,
    categoryName: categories.get(r.categoryId)?.name ?? r.categoryId,
    unitId: r.unitId,
    unitName: r.unitId ? (units.get(r.unitId)?.name ?? r.unitId) : null,
    detectedAt: new Date(Date.parse(r.detectedAt)).toISOString(),
    recordedAt: r.createdAt.toISOString(),
    group:
      kind === 'group_complaint'
        ? {
            place: {
              kind: place.kind === 'cell' ? 'cell' : 'unit',
              cell: str(place.cell),
              unitId: placeUnitId,
              name: placeUnitId ? (units.get(placeUnitId)?.name ?? placeUnitId) : null,
            },
            windowStart: str(d.windowStart) ?? '',
            windowEnd: str(d.windowEnd) ?? '',
            complainants: num(d.complainants),
            caseIds: Array.isArray(d.caseIds) ? d.caseIds.filter((x): x is string => typeof x === 'string') : [],
            detectedByCaseId: str(d.detectedByCaseId) ?? '',
            cases: str(d.cases) ?? '',
          }
        : null,
    surge:
      kind === 'surge'
        ? {
            day: str(d.day) ?? '',
            windowFrom: str(d.windowFrom) ?? '',
            count: num(d.count),
            baselineFrom: str(d.baselineFrom) ?? '',
            baselineTo: str(d.baselineTo) ?? '',
            baselineCount: num(d.baselineCount),
            baselineAverage: num(d.baselineAverage),
            endedOn: str(d.endedOn),
            cases: str(d.cases) ?? '',
          }
        : null,
  };
}

/** Keyset cursor of the alerts list: base64url("<detected_at, to the microsecond>|<id>"), only that exact form taken back. */
const encodeAlertCursor = (r: { detectedAt: string; id: number }) => Buffer.from(`${r.detectedAt}|${r.id}`).toString('base64url');
const ALERT_CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([1-9]\d{0,15})$/;
function decodeAlertCursor(cursor: string): { detectedAt: string; id: number } {
  const m = ALERT_CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m || encodeAlertCursor({ detectedAt: m[1]!, id: Number(m[2]) }) !== cursor || Number.isNaN(Date.parse(m[1]!)) || !Number.isSafeInteger(Number(m[2]))) {
    throw new DomainError('validation_failed', 'malformed cursor', { errors: [{ field: 'query.cursor', reason: 'not a cursor this API issued' }] });
  }
  return { detectedAt: m[1]!, id: Number(m[2]) };
}

const encodeCursor = (r: { receivedAt: string; id: string }) => Buffer.from(`${r.receivedAt}|${r.id}`).toString('base64url');
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|(HL[0-9A-Z]{16})$/;
function decodeCursor(cursor: string): { receivedAt: string; id: string } {
  const m = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m || encodeCursor({ receivedAt: m[1]!, id: m[2]! }) !== cursor || Number.isNaN(Date.parse(m[1]!))) {
    throw new DomainError('validation_failed', 'malformed cursor', { errors: [{ field: 'query.cursor', reason: 'not a cursor this API issued' }] });
  }
  return { receivedAt: m[1]!, id: m[2]! };
}
