/**
 * Reports (issue 21): the stored daily notices, weekly summaries and monthly reports (db/reports.ts), listed and
 * downloaded within the reader's reach, and generated on request (a run of the report workflow, the one the Schedules
 * start). A report is scoped like the data in it: the city's is read by those who read the whole city (analysts,
 * supervisors, admins); a unit's by those whose reach covers the unit (its leaders: their unit's subtree). A report
 * outside the reader's reach answers 404, like one that does not exist.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { reachOf, withinReach, type Principal } from '../domain/access.js';
import { defaultAssessmentPolicy } from '../domain/assessment.policy.js';
import { isPeriodLabel } from '../domain/assessment.periods.js';
import { DomainError } from '../domain/errors.js';
import { loadAnalysisPolicy } from '../db/analysis-policy.js';
import { loadActiveAssessmentPolicy } from '../db/assessment-policy.js';
import type { Database } from '../db/client.js';
import type { ReportStore, ReportSummaryRow } from '../db/reports.js';
import { loadCityCalendar } from '../db/assessment.counters.js';
import { reportDocx } from '../reports/docx.js';
import type { ReportFigures, ReportKind } from '../reports/figures.js';
import type { reportWorkflow } from '../workflows/report.workflow.js';
import type { ReferenceService } from './reference.service.js';
import type { GenerateBody, ReportListQuery, ReportSummary, ReportView } from './reports.schemas.js';

export interface ReportsServiceDeps {
  db: Database;
  store: ReportStore;
  reference: ReferenceService;
  client: Client;
  taskQueue: string;
}

const summaryOf = (r: ReportSummaryRow): ReportSummary => ({
  id: r.id,
  kind: r.kind as ReportKind,
  period: r.period,
  days: { from: r.fromDay, to: r.toDay },
  scopeUnitId: r.scopeUnitId,
  version: r.version,
  supersededBy: r.supersededBy,
  title: r.title,
  analysisPolicyVersion: r.analysisPolicyVersion,
  createdAt: r.createdAt.toISOString(),
  createdBy: r.createdBy,
  files: { html: `/v1/reports/${r.id}?format=html`, xlsx: `/v1/reports/${r.id}?format=xlsx`, docx: `/v1/reports/${r.id}?format=docx` },
});

export const reportFilename = (r: Pick<ReportSummaryRow, 'kind' | 'period' | 'scopeUnitId' | 'version'>, ext: 'html' | 'xlsx' | 'docx') =>
  `report-${r.kind}-${r.period}-${r.scopeUnitId ?? 'city'}-v${r.version}.${ext}`.replace(/[^A-Za-z0-9._-]/g, '_');

export function createReportsService(deps: ReportsServiceDeps) {
  const { store, reference } = deps;

  function readReach(p: Principal) {
    const reach = reachOf(p, 'analysis.read', reference.units);
    if (!reach) throw new DomainError('forbidden', `${p.roles.join(', ')} may not analysis.read here`);
    return reach;
  }

  async function visible(id: number, p: Principal): Promise<ReportSummaryRow> {
    const reach = readReach(p);
    const row = await store.get(id);
    const inReach = row && (reach.all || (row.scopeUnitId !== null && withinReach(reach, row.scopeUnitId, reference.units)));
    if (!row || !inReach) throw new DomainError('not_found', `no report ${id}`);
    return row;
  }

  return {
    async list(q: ReportListQuery, p: Principal): Promise<{ items: ReportSummary[]; nextCursor: string | null }> {
      const reach = readReach(p);
      if (q.unitId !== undefined) {
        reference.assertUnit('query.unitId', q.unitId);
        if (!withinReach(reach, q.unitId, reference.units)) throw new DomainError('forbidden', `unit ${q.unitId} is outside your subtree`);
      }
      if (q.city === 'true' && !reach.all) throw new DomainError('forbidden', 'the city’s reports are read by those who read the whole city');
      const rows = await store.list({
        kind: q.kind,
        period: q.period,
        scopeUnitId: q.city === 'true' ? null : q.unitId,
        withinUnitIds: reach.all ? undefined : reference.units.subtree(reach.unitId),
        beforeId: q.cursor === undefined ? undefined : cursorId(q.cursor),
        limit: q.limit,
      });
      const page = rows.slice(0, q.limit);
      return { items: page.map(summaryOf), nextCursor: rows.length > q.limit ? Buffer.from(String(page.at(-1)!.id)).toString('base64url') : null };
    },

    async view(id: number, p: Principal): Promise<ReportView> {
      const row = await visible(id, p);
      const figures = await store.figures(id);
      return { ...summaryOf(row), figures: (figures ?? {}) as Record<string, unknown> };
    },

    async html(id: number, p: Principal): Promise<{ filename: string; body: string }> {
      const row = await visible(id, p);
      return { filename: reportFilename(row, 'html'), body: (await store.html(id)) ?? '' };
    },

    async xlsx(id: number, p: Principal): Promise<{ filename: string; body: Buffer }> {
      const row = await visible(id, p);
      return { filename: reportFilename(row, 'xlsx'), body: (await store.xlsx(id)) ?? Buffer.alloc(0) };
    },

    /**
     * The report as a Word document, made now from the figures stored with it (reports/docx.ts: the same figures make
     * the same document) on the calendar's offset, as its HTML was made.
     */
    async docx(id: number, p: Principal): Promise<{ filename: string; body: Buffer }> {
      const row = await visible(id, p);
      const [figures, { calendar }] = await Promise.all([store.figures(id), loadCityCalendar(deps.db)]);
      return { filename: reportFilename(row, 'docx'), body: await reportDocx(figures as ReportFigures, calendar.utcOffsetMinutes) };
    },

    /** POST /v1/reports: a run of the report workflow for one scope (the period's next version if it has one). */
    async generate(body: GenerateBody, p: Principal): Promise<{ workflowId: string; kind: ReportKind; period: string | null; scopeUnitId: string | null }> {
      const reach = reachOf(p, 'analysis.report', reference.units);
      if (!reach) throw new DomainError('forbidden', `${p.roles.join(', ')} may not analysis.report`);
      const scope = body.unitId ?? null;
      if (scope === null && !reach.all) throw new DomainError('forbidden', `generate the reports of your subtree (unitId=${reach.unitId} or a unit below it)`);
      if (scope !== null) {
        reference.assertUnit('body.unitId', scope);
        if (!withinReach(reach, scope, reference.units)) throw new DomainError('forbidden', `unit ${scope} is outside your subtree`);
      }
      if (body.period !== undefined) {
        const [policy, assessment] = await Promise.all([loadAnalysisPolicy(deps.db), loadActiveAssessmentPolicy(deps.db)]);
        const kind = body.kind === 'daily' ? 'day' : body.kind === 'weekly' ? 'week' : policy.reports.monthly.basis === 'calendar' ? 'month' : 'assessment_month';
        if (!isPeriodLabel(body.period, kind, (assessment ?? defaultAssessmentPolicy).assessmentMonth)) {
          throw new DomainError('validation_failed', `${body.period} is not a ${kind} label`, { errors: [{ field: 'body.period', reason: `not a ${kind} label (a ${body.kind} report’s period)` }] });
        }
      }
      const workflowId = `report-request-${body.kind}-${body.period ?? 'last'}-${scope ?? 'city'}-${randomUUID().slice(0, 8)}`;
      await deps.client.workflow.start<typeof reportWorkflow>('reportWorkflow', {
        taskQueue: deps.taskQueue,
        workflowId,
        args: [{ kind: body.kind, ...(body.period !== undefined && { period: body.period }), scopes: [scope], requestedBy: p.id }],
      });
      return { workflowId, kind: body.kind, period: body.period ?? null, scopeUnitId: scope };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;

function cursorId(cursor: string): number {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[1-9]\d{0,14}$/.test(id) || Buffer.from(id).toString('base64url') !== cursor) {
    throw new DomainError('validation_failed', 'malformed cursor', { errors: [{ field: 'query.cursor', reason: 'not a cursor this API issued' }] });
  }
  return Number(id);
}
