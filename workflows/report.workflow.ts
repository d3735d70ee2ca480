/**
 * A report run (issue 21): started by a report Schedule (runtime/report-schedules.ts: daily notice, weekly summary,
 * monthly report) or on request (POST /v1/reports). It plans the period and the scopes, then per scope gathers the
 * figures, renders and stores the files, and tells the recipients — each step an activity
 * (activities/report.activities.ts); this code reads no clock and no table.
 *
 * The period comes from the run's scheduled time (the Schedule's `TemporalScheduledStartTime`), not from when it
 * started: a run caught up after an outage reports the period that had just closed when it was due. Each scope's
 * report is stored once per run (its `source`); a second run for the same period stores the next version.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { ReportActivities, StoredReport } from '../activities/report.activities.js';
import type { ReportKind } from '../domain/analysis.rules.js';

/** Set by Temporal on every workflow a Schedule starts: the time the action was scheduled for. */
export const TemporalScheduledStartTime = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

const { planReports, announceReport } = proxyActivities<ReportActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 10 },
});

const { gatherReport, renderAndStoreReport } = proxyActivities<ReportActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { maximumAttempts: 5, initialInterval: '10 seconds' },
});

export interface ReportWorkflowInput {
  kind: ReportKind;
  /** The period's label (a regeneration); absent: the last whole period before the scheduled time's local day. */
  period?: string;
  /** The scopes (unit ids; null: the city); absent: REPORT_SCOPES. */
  scopes?: Array<string | null>;
  /** Who asked (a regeneration); absent: the Schedule. */
  requestedBy?: string;
}

export async function reportWorkflow(input: ReportWorkflowInput): Promise<StoredReport[]> {
  const info = workflowInfo();
  const at = (info.typedSearchAttributes.get(TemporalScheduledStartTime) ?? info.runStartTime).getTime();
  const plan = await planReports({ kind: input.kind, at, period: input.period, scopes: input.scopes });
  const stored: StoredReport[] = [];
  for (const scopeUnitId of plan.scopes) {
    const figures = await gatherReport({ kind: plan.kind, from: plan.from, to: plan.to, period: plan.period, scopeUnitId });
    const report = await renderAndStoreReport({ figures, source: `${info.workflowId}/${info.runId}/${scopeUnitId ?? 'city'}`, createdBy: input.requestedBy ?? `schedule:${info.workflowId}` });
    await announceReport({
      reportId: report.id,
      summary: { title: figures.title, volume: figures.volume.count, overdue: figures.overdue.overdue, groupComplaints: figures.groupComplaints.length, version: report.version },
    });
    stored.push(report);
  }
  return stored;
}
