/**
 * Activities of the analysis watch (workflows/analysis-watch.workflow.ts, run by the `analysis-watch` Schedule): flag
 * group complaints (群体诉求) and surges as they appear, each once (`analysis_alerts`, keyed by the finding's stable
 * identity), and announce each through the outbox when it is first flagged: to the principal leader of the street of
 * its place (the unit a surge is counted at) and to the analysts' desk (the hotline centre, the case policy's
 * `centreUnitId`; the city's desk without one). The findings are the API's (api/analysis.service.ts) and the rules'
 * (domain/analysis.rules.ts); nothing here counts differently.
 *
 * - Group complaints: every run looks at the cases of the last window (the policy's days, up to the run's day) and
 *   records every group flagged in it that is not recorded yet. Its notice names the category, the place, how many
 *   people and cases, and the link to the cases.
 * - Surges: once per local day (the day before the run's; a marker row says a day was evaluated), each (category,
 *   street) whose window rose to the policy's factor over its baseline is raised once; one that stops is marked ended;
 *   a surge going on is not raised again (the surges not ended are the rule's `ongoing`).
 */
import { log } from '@temporalio/activity';
import { and, eq, sql } from 'drizzle-orm';
import { createAnalysisRepository, type UnitRecord } from '../api/analysis.repository.js';
import { createAnalysisService, placeOf } from '../api/analysis.service.js';
import { createReferenceService } from '../api/reference.service.js';
import { dateOfDay, dayNumber, detectSurgesOf, localDay, type OngoingSurge, type SurgeCount } from '../domain/analysis.rules.js';
import { loadCityCalendar } from '../db/assessment.counters.js';
import type { Database } from '../db/client.js';
import { loadActivePolicy } from '../db/policy.js';
import { analysisAlerts, notifications } from '../db/schema.js';

export interface AnalysisWatchDeps {
  db: Database;
  /** REPORT_LINK_BASE: the API as the notices' readers reach it. */
  linkBase?: string;
  now?: () => number;
}

export const GROUP_COMPLAINT_NOTICE = 'group_complaint';
export const SURGE_NOTICE = 'surge';
/** The marker of a local day whose surges were evaluated. */
const SURGE_DAY = 'surge_day';
export const alertNoticeKey = (alertId: number) => `alert:${alertId}`;

interface SurgeDetails extends OngoingSurge {
  endedOn: string | null;
}

export function createAnalysisWatchActivities(deps: AnalysisWatchDeps) {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const linkBase = deps.linkBase ?? 'http://127.0.0.1:3000';

  async function services() {
    const reference = createReferenceService(db);
    await reference.refresh();
    const repository = createAnalysisRepository(db);
    return { reference, repository, analysis: createAnalysisService({ db, repository, reference, now, linkBase }) };
  }

  /** The street (or district, or the unit itself) a unit's notices go to: its ancestor of type street, else the unit. */
  function streetOf(unitId: string | null, units: Map<string, UnitRecord>): string | null {
    if (!unitId) return null;
    const place = placeOf(unitId, units);
    return place.street ?? place.district ?? (units.has(unitId) ? unitId : null);
  }

  /** The analysts' desk: the case policy's centre unit, else the root. */
  async function analystsDesk(units: Map<string, { id: string; parentId: string | null }>): Promise<string | null> {
    const centre = (await loadActivePolicy(db))?.centreUnitId;
    if (centre && units.has(centre)) return centre;
    return [...units.values()].find((u) => u.parentId === null)?.id ?? null;
  }

  /** Records a finding once; on its first recording, its notices to the unit's leader and the analysts' desk. */
  async function record(a: { kind: string; key: string; categoryId: string; unitId: string | null; detectedAt: Date; details: unknown; message: string; desk: string | null }): Promise<number | null> {
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(analysisAlerts)
        .values({ kind: a.kind, key: a.key, categoryId: a.categoryId, unitId: a.unitId, detectedAt: a.detectedAt, details: a.details })
        .onConflictDoNothing()
        .returning({ id: analysisAlerts.id });
      if (!row) return null;
      const at = new Date(now());
      const notices = [
        ...(a.unitId ? [{ unitId: a.unitId, recipient: 'principal_leader' }] : []),
        ...(a.desk ? [{ unitId: a.desk, recipient: 'handler' }] : []),
      ];
      if (notices.length) {
        await tx
          .insert(notifications)
          .values(notices.map((n) => ({ caseId: alertNoticeKey(row.id), seq: 1, kind: a.kind, unitId: n.unitId, recipient: n.recipient, message: a.message, createdAt: at })))
          .onConflictDoNothing();
      }
      return row.id;
    });
  }

  return {
    /** Group complaints flagged in the last window up to `at`'s local day, recorded and announced once each. */
    async watchGroupComplaints({ at }: { at: number }): Promise<{ flagged: number; recorded: number }> {
      const { analysis, repository } = await services();
      const policy = await analysis.compute.policy();
      const clock = { utcOffsetMinutes: analysis.offsetMinutes() };
      const today = localDay(at, clock);
      const range = { from: dateOfDay(dayNumber(today) - policy.groupComplaint.windowDays), to: today, periodKind: null, period: null };
      const found = await analysis.compute.groupComplaints(analysis.scopeOfUnit(null, range));
      const units = await analysis.unitMap();
      const desk = await analystsDesk(units);
      let recorded = 0;
      for (const g of found.items.filter((x) => Date.parse(x.detectedAt) <= at)) {
        const where = g.place.kind === 'unit' ? g.place.unitId : ((await repository.caseUnits(g.detectedByCaseId))?.areaUnitId ?? null);
        const unitId = streetOf(where, units);
        const place = g.place.kind === 'unit' ? (g.place.name ?? g.place.unitId ?? '') : `坐标网格 ${g.place.cell}${where ? `（${units.get(where)?.name ?? where}附近）` : ''}`;
        const message =
          `【群体诉求】${g.categoryName}：${place} ${policy.groupComplaint.windowDays} 日内 ${g.complainants} 名诉求人反映 ${g.caseIds.length} 件` +
          `（首件 ${g.caseIds[0]}，第 ${policy.groupComplaint.minComplainants} 人于 ${new Date(Date.parse(g.detectedAt) + clock.utcOffsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ')}）。工单清单 ${g.cases}`;
        const id = await record({
          kind: GROUP_COMPLAINT_NOTICE,
          key: g.id,
          categoryId: g.categoryId,
          unitId,
          detectedAt: new Date(g.detectedAt),
          details: { place: g.place, complainants: g.complainants, caseIds: g.caseIds, windowStart: g.windowStart, windowEnd: g.windowEnd, detectedByCaseId: g.detectedByCaseId, cases: g.cases },
          message,
          desk,
        });
        if (id !== null) {
          recorded += 1;
          log.info('group complaint flagged', { alertId: id, categoryId: g.categoryId, unitId, complainants: g.complainants, cases: g.caseIds.length });
        }
      }
      return { flagged: found.items.length, recorded };
    },

    /**
     * Surges of the local day before `at`'s, once per day: raised ones recorded and announced, ended ones marked. A day
     * already evaluated answers `evaluated: false`.
     */
    async watchSurges({ at }: { at: number }): Promise<{ day: string; evaluated: boolean; raised: number; ended: number }> {
      const { analysis, repository } = await services();
      const { calendar } = await loadCityCalendar(db);
      const day = dateOfDay(dayNumber(localDay(at, calendar)) - 1);
      const [done] = await db.select({ id: analysisAlerts.id }).from(analysisAlerts).where(and(eq(analysisAlerts.kind, SURGE_DAY), eq(analysisAlerts.key, day)));
      if (done) return { day, evaluated: false, raised: 0, ended: 0 };
      const policy = await analysis.compute.policy();
      const s = policy.surge;
      const first = dateOfDay(dayNumber(day) - s.windowDays * (s.baselineWindows + 1) + 1);
      const units = await analysis.unitMap();
      const rows = await repository.dayCategoryPlaceCounts(analysis.instants({ from: first, to: day }), calendar.utcOffsetMinutes);
      const counts: SurgeCount[] = [];
      for (const r of rows) {
        const unitId = placeOf(r.areaUnitId, units)[s.placeLevel];
        if (unitId) counts.push({ categoryId: r.categoryId, unitId, day: r.day, count: r.count });
      }
      // Going on the day before: raised before this day and not ended by it.
      const open = await db.select().from(analysisAlerts).where(and(eq(analysisAlerts.kind, SURGE_NOTICE), sql`${analysisAlerts.details}->>'endedOn' is null`));
      const ongoing = open.map((o) => o.details as SurgeDetails).filter((d) => d.since < day);
      const report = detectSurgesOf(counts, { from: day, to: day }, s, ongoing);
      const desk = await analystsDesk(units);
      const names = await analysis.categoryTree();
      let raised = 0;
      for (const r of report.raised) {
        const unitName = units.get(r.unitId)?.name ?? r.unitId;
        const categoryName = names.byId.get(r.categoryId)?.name ?? r.categoryId;
        const link = `${linkBase}/v1/analysis/cases?${new URLSearchParams({ from: r.windowFrom, to: r.day, unitId: r.unitId, categoryId: r.categoryId, categoryScope: 'own' }).toString()}`;
        const message =
          `【诉求激增】${unitName} ${categoryName}：${r.windowFrom}至${r.day} ${r.count} 件，前 ${s.baselineWindows} 个 ${s.windowDays} 日周期平均 ${Number(r.baselineAverage.toFixed(2))} 件` +
          `（达到 ${s.factor} 倍且不少于 ${s.minCount} 件）。工单清单 ${link}`;
        const details: SurgeDetails & Record<string, unknown> = { ...r, since: r.day, endedOn: null, cases: link };
        const id = await record({ kind: SURGE_NOTICE, key: JSON.stringify([r.categoryId, r.unitId, r.day]), categoryId: r.categoryId, unitId: r.unitId, detectedAt: new Date(at), details, message, desk });
        if (id !== null) raised += 1;
      }
      for (const e of report.ended) {
        await db
          .update(analysisAlerts)
          .set({ details: sql`${analysisAlerts.details} || ${JSON.stringify({ endedOn: e.endedOn })}::jsonb` })
          .where(and(eq(analysisAlerts.kind, SURGE_NOTICE), eq(analysisAlerts.key, JSON.stringify([e.categoryId, e.unitId, e.since]))));
      }
      await db.insert(analysisAlerts).values({ kind: SURGE_DAY, key: day, categoryId: '*', unitId: null, detectedAt: new Date(at), details: { raised, ended: report.ended.length } }).onConflictDoNothing();
      return { day, evaluated: true, raised, ended: report.ended.length };
    },
  };
}

export type AnalysisWatchActivities = ReturnType<typeof createAnalysisWatchActivities>;
