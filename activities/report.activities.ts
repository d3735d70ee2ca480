/**
 * Activities of the report workflow (workflows/report.workflow.ts), on the case worker's task queue: which period and
 * scopes a run reports on, gathering a report's figures (reports/gather.ts), rendering and storing its files
 * (reports/html.ts, reports/xlsx.ts, db/reports.ts), and telling the configured recipients through the outbox.
 *
 * The analysis and the assessment are read through the same services the API answers with, built here on this
 * worker's database (a reference copy loaded per call: the unit tree, the categories and the calendar). This is the
 * one place where activities/ imports from api/ (the layers otherwise run api → activities' types only): a report's
 * figures and the API's answers must be one computation, not two that can drift. Moving those services below both
 * (a domain-services folder) is the clean form, left for when a third user appears.
 */
import { log } from '@temporalio/activity';
import { sql } from 'drizzle-orm';
import { createAnalysisRepository } from '../api/analysis.repository.js';
import { createAnalysisService } from '../api/analysis.service.js';
import { createAssessmentRepository } from '../api/assessment.repository.js';
import { createAssessmentService } from '../api/assessment.service.js';
import { createReferenceService } from '../api/reference.service.js';
import { lastCompletePeriod, type ReportKind } from '../domain/analysis.rules.js';
import { defaultAssessmentPolicy } from '../domain/assessment.policy.js';
import { isPeriodLabel } from '../domain/assessment.periods.js';
import { periodDays, periodOf } from '../domain/assessment.rules.js';
import { localDate } from '../domain/calendar.rules.js';
import { loadAnalysisPolicy } from '../db/analysis-policy.js';
import { loadActiveAssessmentPolicy } from '../db/assessment-policy.js';
import { loadCityCalendar } from '../db/assessment.counters.js';
import type { Database } from '../db/client.js';
import { createReportStore } from '../db/reports.js';
import { notifications, units } from '../db/schema.js';
import type { ReportFigures } from '../reports/figures.js';
import { gatherReport, type ReportRequest } from '../reports/gather.js';
import { reportHtml } from '../reports/html.js';
import { reportXlsx } from '../reports/xlsx.js';

export interface ReportActivityDeps {
  db: Database;
  /** REPORT_SCOPES: `city`, unit types (`district`) or unit ids. */
  scopes?: readonly string[];
  /** REPORT_RECIPIENTS: roles of the report's scope unit (principal_leader, deputy_leader, handler) or unit ids (their desk, for the city's reports). */
  recipients?: readonly string[];
  /** REPORT_LINK_BASE: the API as the reports' readers reach it. */
  linkBase?: string;
  now?: () => number;
}

export interface ReportPlan {
  kind: ReportKind;
  from: string;
  to: string;
  period: string;
  /** One report per scope: a unit's subtree, or null for the city. */
  scopes: Array<string | null>;
}

export interface StoredReport {
  id: number;
  kind: string;
  period: string;
  scopeUnitId: string | null;
  version: number;
  title: string;
  /** false: a retried store found the report its first attempt had written. */
  created: boolean;
}

/** The notice kind of a report that is ready, and the outbox's "case" of a report (it is not a case). */
export const REPORT_NOTICE_KIND = 'report_ready';
export const reportNoticeKey = (reportId: number) => `report:${reportId}`;
const UNIT_ROLES = ['principal_leader', 'deputy_leader', 'handler'];

export function createReportActivities(deps: ReportActivityDeps) {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const linkBase = deps.linkBase ?? 'http://127.0.0.1:3000';

  async function services() {
    const reference = createReferenceService(db);
    await reference.refresh();
    const analysisRepository = createAnalysisRepository(db);
    const assessmentRepository = createAssessmentRepository(db);
    return {
      reference,
      analysisRepository,
      assessmentRepository,
      analysis: createAnalysisService({ db, repository: analysisRepository, reference, now, linkBase }),
      assessment: createAssessmentService({ db, repository: assessmentRepository, reference, now }),
    };
  }

  /** The scopes of REPORT_SCOPES: the city (null), every unit of a type, or a unit; unknown names are left out. */
  async function resolveScopes(names: readonly string[]): Promise<Array<string | null>> {
    const all = await db.select({ id: units.id, type: units.type }).from(units).orderBy(units.path);
    const out: Array<string | null> = [];
    for (const name of names) {
      if (name === 'city') out.push(null);
      else if (all.some((u) => u.id === name)) out.push(name);
      else {
        const ofType = all.filter((u) => u.type === name).map((u) => u.id);
        if (!ofType.length) log.warn('REPORT_SCOPES names no unit and no unit type', { name });
        out.push(...ofType);
      }
    }
    return [...new Set(out)];
  }

  return {
    /**
     * What a run reports on: the period (the one asked for, else the last whole period before the local day of `at`,
     * the run's scheduled time) and the scopes (the ones asked for, else REPORT_SCOPES).
     */
    async planReports(q: { kind: ReportKind; at: number; period?: string | undefined; scopes?: Array<string | null> | undefined }): Promise<ReportPlan> {
      const [{ calendar }, policy, assessment] = await Promise.all([loadCityCalendar(db), loadAnalysisPolicy(db), loadActiveAssessmentPolicy(db)]);
      const rule = (assessment ?? defaultAssessmentPolicy).assessmentMonth;
      const monthKind = policy.reports.monthly.basis === 'calendar' ? 'month' : 'assessment_month';
      let days: { from: string; to: string };
      if (q.period !== undefined) {
        const kind = q.kind === 'daily' ? 'day' : q.kind === 'weekly' ? 'week' : monthKind;
        if (!isPeriodLabel(q.period, kind, rule)) throw new Error(`${q.period} is not a ${kind} label`);
        days = periodDays(q.period, kind, rule);
      } else {
        days = lastCompletePeriod(q.kind, localDate(q.at, calendar), policy.reports, rule.startDay);
      }
      const period = q.kind === 'daily' ? days.from : q.kind === 'weekly' ? periodOf(days.from, 'week', rule) : periodOf(days.to, monthKind, rule);
      const scopes = q.scopes ?? (await resolveScopes(deps.scopes ?? ['city']));
      return { kind: q.kind, from: days.from, to: days.to, period, scopes };
    },

    /** The figures of one report (no personal data). */
    async gatherReport(req: ReportRequest): Promise<ReportFigures> {
      const s = await services();
      return gatherReport({ db, analysis: s.analysis, analysisRepository: s.analysisRepository, assessmentRepository: s.assessmentRepository, assessment: s.assessment, linkBase, now }, req);
    },

    /** Renders the HTML and the XLSX and stores them as the next version of the report (once per `source`). */
    async renderAndStoreReport(q: { figures: ReportFigures; source: string; createdBy: string }): Promise<StoredReport> {
      const { calendar } = await loadCityCalendar(db);
      const f = q.figures;
      const [html, xlsx] = [reportHtml(f, calendar.utcOffsetMinutes), await reportXlsx(f)];
      const { row, created } = await createReportStore(db).store({
        kind: f.kind,
        period: f.period,
        fromDay: f.days.from,
        toDay: f.days.to,
        scopeUnitId: f.scope.unitId,
        title: f.title,
        html,
        xlsx,
        figures: f,
        analysisPolicyVersion: f.analysisPolicyVersion,
        source: q.source,
        createdBy: q.createdBy,
      });
      log.info('report stored', { reportId: row.id, kind: row.kind, period: row.period, scope: row.scopeUnitId, version: row.version, created });
      return { id: row.id, kind: row.kind, period: row.period, scopeUnitId: row.scopeUnitId, version: row.version, title: row.title, created };
    },

    /**
     * Tells the configured recipients that a report is ready, through the outbox (one notice per recipient; the
     * outbox's key makes a retried call write nothing twice): each role of REPORT_RECIPIENTS at the report's scope
     * unit (the city's root for the city's report), and each unit id's desk for the city's reports.
     */
    async announceReport(q: { reportId: number; summary: { title: string; volume: number; overdue: number; groupComplaints: number; version: number } }): Promise<{ notices: number }> {
      const store = createReportStore(db);
      const report = await store.get(q.reportId);
      if (!report) throw new Error(`no report ${q.reportId}`);
      const [root] = await db.select({ id: units.id }).from(units).where(sql`${units.parentId} is null`).limit(1);
      const scopeUnit = report.scopeUnitId ?? root?.id ?? null;
      const addresses: Array<{ unitId: string | null; recipient: string }> = [];
      for (const r of deps.recipients ?? ['principal_leader']) {
        if (UNIT_ROLES.includes(r)) addresses.push({ unitId: scopeUnit, recipient: r });
        else if (report.scopeUnitId === null) addresses.push({ unitId: r, recipient: 'handler' });
      }
      const version = q.summary.version > 1 ? `（第 ${q.summary.version} 版，更正前一版）` : '';
      const message =
        `${q.summary.title}已生成${version}：受理诉求 ${q.summary.volume} 件，当前超期 ${q.summary.overdue} 件，群体诉求 ${q.summary.groupComplaints} 起。` +
        `网页版 ${linkBase}/v1/reports/${report.id}?format=html ，Excel 版 ${linkBase}/v1/reports/${report.id}?format=xlsx ，Word 版 ${linkBase}/v1/reports/${report.id}?format=docx`;
      const at = new Date(now());
      const inserted = addresses.length
        ? await db
            .insert(notifications)
            .values(addresses.map((a) => ({ caseId: reportNoticeKey(report.id), seq: 1, kind: REPORT_NOTICE_KIND, unitId: a.unitId, recipient: a.recipient, message, createdAt: at })))
            .onConflictDoNothing()
            .returning({ id: notifications.id })
        : [];
      return { notices: inserted.length };
    },
  };
}

export type ReportActivities = ReturnType<typeof createReportActivities>;
