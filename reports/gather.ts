/**
 * Gathers a report's figures (reports/figures.ts) for a kind, a period's days and a scope (a unit's subtree, or the
 * city), through the same computations as the API's answers: the analysis (api/analysis.service.ts `compute`) for
 * volume, categories, trends, hot spots and group complaints; the assessment's counters and rankings
 * (api/assessment.repository.ts, api/assessment.service.ts) for the callbacks, the communities and the month's
 * rankings; the open cases for what is overdue now. Nothing is counted twice in two ways.
 *
 * What each kind holds:
 * - daily notice (每日通报): the day's volume against the day before and the same day a year before, the seven days
 *   ending with it, the top categories, the hottest communities, group complaints flagged that day, and the open cases
 *   overdue and red now with the units that have most of them;
 * - weekly summary (每周综述): the same for the Monday–Sunday week (its seven days), and the week's callbacks;
 * - monthly report (月度分析报告): the month's volume, top categories and shares, the daily series and thirteen months
 *   with 环比 and 同比, hot communities and cells, group complaints, callback results, every community's figures, and
 *   the month's rankings of streets (and, for the city, departments) from the assessment.
 */
import type { Principal } from '../domain/access.js';
import { changeOf, dayNumber, dateOfDay, periodsBetween, yearAgoPeriodOf, type ReportKind } from '../domain/analysis.rules.js';
import type { AnalysisPolicy } from '../domain/analysis.policy.js';
import { defaultAssessmentPolicy } from '../domain/assessment.policy.js';
import { unitFigures } from '../domain/assessment.rules.js';
import { loadActiveAssessmentPolicy } from '../db/assessment-policy.js';
import type { Database } from '../db/client.js';
import type { AnalysisRepository } from '../api/analysis.repository.js';
import type { AnalysisService, AnalysisScope } from '../api/analysis.service.js';
import type { AssessmentRepository } from '../api/assessment.repository.js';
import type { AssessmentService } from '../api/assessment.service.js';
import { KIND_TITLES, type Change, type ReportFigures } from './figures.js';

export interface GatherDeps {
  db: Database;
  analysis: AnalysisService;
  analysisRepository: AnalysisRepository;
  assessmentRepository: AssessmentRepository;
  assessment: AssessmentService;
  /** The absolute base of the links (REPORT_LINK_BASE). */
  linkBase: string;
  now: () => number;
}

export interface ReportRequest {
  kind: ReportKind;
  from: string;
  to: string;
  /** The period's label (reports/plan: 2026-04-03, 2026-W14, 2026-04). */
  period: string;
  /** The scope: a unit's subtree; null: the whole city. */
  scopeUnitId: string | null;
}

/** Reads the analysis and assessment as the reports do: an analyst of the whole city (a report is scoped itself). */
const REPORTS_PRINCIPAL: Principal = { id: 'system:reports', kind: 'system', roles: ['analyst'], unitId: null };

const TOP_CATEGORIES = 10;
const TOP_HOTSPOTS = 10;
const TOP_OVERDUE_UNITS = 10;

const shift = (day: string, by: number) => dateOfDay(dayNumber(day) + by);
const sum = (counts: ReadonlyMap<string, number>, from: string, to: string) => [...counts].reduce((s, [d, n]) => (d >= from && d <= to ? s + n : s), 0);

/** The same days a year before: the same dates (a month: the same month's days; 29 February: the 28th). */
function yearAgoDays(kind: ReportKind, from: string, to: string): { from: string; to: string } {
  if (kind === 'weekly') return { from: shift(from, -364), to: shift(to, -364) };
  const back = (d: string) => yearAgoPeriodOf(d, 'day');
  return { from: back(from), to: back(to) };
}

/** The period before: the day before, the week before, or the month before (same start day, up to the day before from). */
function previousDays(kind: ReportKind, from: string, to: string): { from: string; to: string } {
  if (kind !== 'monthly') {
    const span = dayNumber(to) - dayNumber(from) + 1;
    return { from: shift(from, -span), to: shift(to, -span) };
  }
  const [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  return { from: `${prev}-${from.slice(8, 10)}`, to: shift(from, -1) };
}

export function titleOf(kind: ReportKind, scopeName: string, from: string, to: string, period: string): string {
  const zh = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  const when =
    kind === 'daily' ? zh(from) : kind === 'weekly' ? `${zh(from)}至${zh(to)}` : from.endsWith('-01') ? `${Number(period.slice(0, 4))}年${Number(period.slice(5, 7))}月` : `${zh(from)}至${zh(to)}`;
  return `${scopeName} ${when} 12345热线${KIND_TITLES[kind]}`;
}

export async function gatherReport(deps: GatherDeps, req: ReportRequest): Promise<ReportFigures> {
  const { analysis, analysisRepository, assessmentRepository, linkBase } = deps;
  const nowMs = deps.now();
  const units = await analysis.unitMap();
  const root = [...units.values()].find((u) => u.parentId === null);
  const scopeName = req.scopeUnitId ? (units.get(req.scopeUnitId)?.name ?? req.scopeUnitId) : (root?.name ?? '全市');
  const range = { from: req.from, to: req.to, periodKind: null, period: null };
  const scope: AnalysisScope = analysis.scopeOfUnit(req.scopeUnitId, range);
  const policy: AnalysisPolicy & { version: number } = await analysis.compute.policy();
  const assessmentPolicy = (await loadActiveAssessmentPolicy(deps.db)) ?? defaultAssessmentPolicy;
  const link = (path: string, params: Record<string, string>) => `${linkBase}${path}?${new URLSearchParams(params).toString()}`;
  const casesLink = (from: string, to: string, extra: Record<string, string> = {}) =>
    link('/v1/analysis/cases', { from, to, ...(req.scopeUnitId && { unitId: req.scopeUnitId }), ...extra });

  // Volume and its bases, from one count per local day over a year and a period.
  const previous = previousDays(req.kind, req.from, req.to);
  const yearAgo = yearAgoDays(req.kind, req.from, req.to);
  const seriesFrom = req.kind === 'daily' ? shift(req.to, -6) : req.from;
  const monthsFrom = `${yearAgoPeriodOf(yearAgoPeriodOf(req.to.slice(0, 7), 'month'), 'month')}-01`;
  const countFrom = [yearAgo.from, previous.from, seriesFrom, req.kind === 'monthly' ? monthsFrom : req.from].sort()[0]!;
  const filter = { ...analysis.instants({ from: countFrom, to: req.to }), unitSets: scope.unitSets };
  const dayCounts = await analysisRepository.dayCounts(filter, analysis.offsetMinutes());
  const count = sum(dayCounts, req.from, req.to);
  const change = (days: { from: string; to: string }): Change => {
    const base = sum(dayCounts, days.from, days.to);
    const c = changeOf(count, base);
    return { from: days.from, to: days.to, count: base, delta: c.delta, ratio: c.ratio };
  };

  const [categories, communities, cells, groups] = await Promise.all([
    analysis.compute.categories(scope, { level: 1, topN: Math.min(TOP_CATEGORIES, policy.categories.topN) }),
    analysis.compute.hotspots(scope, { by: 'unit', level: 'community', limit: Number.MAX_SAFE_INTEGER }),
    analysis.compute.hotspots(scope, { by: 'cell', level: 'community', limit: TOP_HOTSPOTS }),
    analysis.compute.groupComplaints(scope),
  ]);
  const withBase = (u: string) => (u.startsWith('/') ? `${linkBase}${u}` : u);

  const byDay = periodsBetween(seriesFrom, req.to, 'day').map((day) => ({ day, count: dayCounts.get(day) ?? 0, cases: casesLink(day, day) }));
  const months =
    req.kind !== 'monthly'
      ? []
      : periodsBetween(`${yearAgoPeriodOf(req.to.slice(0, 7), 'month')}-01`, req.to, 'month').map((month) => {
          const monthDays = (m: string) => ({ from: `${m}-01`, to: shift(`${nextMonth(m)}-01`, -1) });
          const n = (m: string) => sum(dayCounts, monthDays(m).from, monthDays(m).to);
          const [cur, prev, ago] = [n(month), n(prevMonth(month)), n(yearAgoPeriodOf(month, 'month'))];
          return {
            month,
            count: cur,
            previous: prev,
            previousRatio: changeOf(cur, prev).ratio,
            yearAgo: ago,
            yearAgoRatio: changeOf(cur, ago).ratio,
            cases: casesLink(monthDays(month).from, monthDays(month).to),
          };
        });

  // Open cases overdue and red now, per unit they are at.
  const warnings = await analysisRepository.openWarnings(scope.unitSets, nowMs);
  const casesList = (params: Record<string, string>) => link('/v1/cases', params);
  const overdueUnits = warnings
    .filter((w) => w.overdue > 0 || w.red > 0)
    .sort((a, b) => b.overdue - a.overdue || b.red - a.red || String(a.unitId).localeCompare(String(b.unitId)))
    .slice(0, TOP_OVERDUE_UNITS)
    .map((w) => ({
      unitId: w.unitId,
      name: w.unitId ? (units.get(w.unitId)?.name ?? w.unitId) : '待派单',
      overdue: w.overdue,
      red: w.red,
      overdueCases: casesList({ overdue: 'true', ...(w.unitId && { unitId: w.unitId }) }),
      redCases: casesList({ warningLevel: 'red', ...(w.unitId && { unitId: w.unitId }) }),
    }));

  // Callbacks of the period: the assessment's counters over the scope's subtree.
  const scopeUnit = req.scopeUnitId ?? root?.id ?? null;
  const assessmentPeriod = req.kind === 'monthly' ? monthlyAssessmentPeriod(req, policy) : null;
  let callbacks: ReportFigures['callbacks'] = null;
  if (req.kind !== 'daily' && scopeUnit) {
    const { subtree } = await assessmentRepository.unitCounts(scopeUnit, { from: req.from, to: req.to });
    const f = unitFigures(subtree, assessmentPolicy);
    const drill = (extra: Record<string, string>) =>
      link('/v1/assessment/cases', {
        unitId: scopeUnit,
        figure: 'resolutionRate',
        ...(assessmentPeriod ? { periodKind: assessmentPeriod.periodKind, period: assessmentPeriod.period } : { periodKind: 'week', period: req.period }),
        ...extra,
      });
    callbacks = {
      counts: {
        valid: subtree.valid ?? 0,
        contacted: subtree.contacted ?? 0,
        resolved: subtree.resolved ?? 0,
        satisfied: subtree.satisfied ?? 0,
        basically_satisfied: subtree.basically_satisfied ?? 0,
        unsatisfied: subtree.unsatisfied ?? 0,
      },
      responseRate: f.responseRate,
      resolutionRate: f.resolutionRate,
      satisfactionRate: f.satisfactionRate,
      assessmentPolicyVersion: assessmentPolicy.version,
      cases: drill({}),
      unresolvedCases: drill({ missed: 'true' }),
    };
  }

  // Monthly: every community's figures, and the month's rankings.
  let communityRows: ReportFigures['communities'] = [];
  const rankings: ReportFigures['rankings'] = [];
  if (req.kind === 'monthly') {
    const counts = await assessmentRepository.levelCounts({ level: 'community', within: req.scopeUnitId, range: { from: req.from, to: req.to } });
    const received = new Map(communities.rows.map((r) => [r.unitId!, r.count]));
    const inScope = [...units.values()].filter((u) => u.type === 'community' && (!req.scopeUnitId || u.path.split('/').includes(req.scopeUnitId)));
    communityRows = inScope
      .map((u) => {
        const c = counts.get(u.id) ?? {};
        const f = unitFigures(c, assessmentPolicy);
        const street = u.parentId ? (units.get(u.parentId)?.name ?? u.parentId) : '';
        return { unitId: u.id, name: u.name, street, received: received.get(u.id) ?? 0, valid: c.valid ?? 0, resolutionRate: f.resolutionRate.value, satisfactionRate: f.satisfactionRate.value, cases: casesLink(req.from, req.to, { placeUnitId: u.id }) };
      })
      .sort((a, b) => b.received - a.received || a.unitId.localeCompare(b.unitId));
    const levels: Array<[string, string]> = [['street', '街道（乡镇）']];
    if (!req.scopeUnitId) levels.push(['department', '职能部门']);
    for (const [level, label] of levels) {
      const view = await deps.assessment.ranking({ level, periodKind: assessmentPeriod!.periodKind, period: assessmentPeriod!.period, ...(req.scopeUnitId && { within: req.scopeUnitId }) }, REPORTS_PRINCIPAL);
      rankings.push({
        level,
        title: `${label}排名（${view.period}，考核政策第 ${view.policyVersion} 版）`,
        periodKind: view.periodKind,
        period: view.period,
        link: link('/v1/rankings', { level, periodKind: view.periodKind, period: view.period, ...(req.scopeUnitId && { within: req.scopeUnitId }) }),
        rows: view.rows.map((r) => ({
          rank: r.rank,
          unitId: r.unitId,
          name: r.unitName,
          score: r.score.value,
          responseRate: r.figures.responseRate.value,
          resolutionRate: r.figures.resolutionRate.value,
          satisfactionRate: r.figures.satisfactionRate.value,
          valid: r.counts.valid ?? 0,
          flagged: r.flagged,
          change: r.change,
        })),
      });
    }
  }

  const overdueTotal = warnings.reduce((s, w) => s + w.overdue, 0);
  const redTotal = warnings.reduce((s, w) => s + w.red, 0);
  return {
    kind: req.kind,
    title: titleOf(req.kind, scopeName, req.from, req.to, req.period),
    period: req.period,
    days: { from: req.from, to: req.to },
    scope: { unitId: req.scopeUnitId, name: scopeName },
    generatedAt: new Date(nowMs).toISOString(),
    analysisPolicyVersion: policy.version,
    volume: { count, cases: casesLink(req.from, req.to), previous: change(previous), yearAgo: change(yearAgo) },
    categories: {
      level: categories.level,
      total: categories.total,
      top: categories.top.map((r) => ({ categoryId: r.categoryId, name: r.name, count: r.count, shareBp: r.shareBp, cases: withBase(r.cases) })),
      other: categories.other,
      topShareBp: categories.topShareBp,
    },
    byDay,
    months,
    hotspots: {
      communities: communities.rows.slice(0, TOP_HOTSPOTS).map((r) => ({ unitId: r.unitId!, name: r.name!, count: r.count, cases: withBase(r.cases) })),
      unplaced: communities.unplaced,
      cells: cells.rows.map((r) => ({ cell: r.cell!, count: r.count, centre: r.centre!, cases: withBase(r.cases) })),
      precision: cells.precision!,
      unlocated: cells.unplaced,
    },
    groupComplaints: groups.items.map((g) => ({
      id: g.id,
      categoryName: g.categoryName,
      place: g.place.kind === 'unit' ? (g.place.name ?? g.place.unitId ?? '') : `坐标网格 ${g.place.cell}`,
      complainants: g.complainants,
      cases: g.caseIds.length,
      detectedAt: g.detectedAt,
      casesLink: withBase(g.cases),
    })),
    overdue: {
      asOf: new Date(nowMs).toISOString(),
      overdue: overdueTotal,
      red: redTotal,
      overdueCases: casesList({ overdue: 'true' }),
      redCases: casesList({ warningLevel: 'red' }),
      units: overdueUnits,
    },
    callbacks,
    communities: communityRows,
    rankings,
  };
}

function nextMonth(m: string): string {
  const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}
function prevMonth(m: string): string {
  const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
}

/** The assessment period a monthly report's month is: a calendar month, or the assessment month labelled by the month it ends in. */
function monthlyAssessmentPeriod(req: ReportRequest, policy: AnalysisPolicy): { periodKind: 'month' | 'assessment_month'; period: string } {
  return policy.reports.monthly.basis === 'calendar' ? { periodKind: 'month', period: req.from.slice(0, 7) } : { periodKind: 'assessment_month', period: req.to.slice(0, 7) };
}
