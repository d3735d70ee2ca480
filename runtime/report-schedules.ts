/**
 * The report Schedules (Temporal Schedules, not cron): `report-daily`, `report-weekly` and `report-monthly`, each
 * starting `reportWorkflow` on the case task queue. Created by the worker at boot, or brought up to date with the
 * configuration when they exist (REPORT*, platform/config.ts): the configuration is the truth, so a Schedule paused or
 * edited in the Web UI returns to it at the next boot.
 *
 * When: REPORT_DAILY_CRON / REPORT_WEEKLY_CRON / REPORT_MONTHLY_CRON, or, unset, the analysis policy in force at boot
 * (domain/analysis.rules.ts `reportCron`: daily at 08:00, Mondays at 08:00, on the 1st at 08:00 — or on the assessment
 * month's start day), in REPORT_TIMEZONE or the city calendar's zone. A new policy version's times reach the Schedules
 * at the next worker boot.
 *
 * Overlap BUFFER_ALL: a run still going when the next is due makes that one wait, never skip (each run is its own
 * period). Catch-up window 7 days: after an outage of the Temporal server the missed runs are taken when it comes back,
 * each for the period that closed when it was due (the workflow reads its scheduled time); older ones are left (a
 * period can be generated on request: POST /v1/reports).
 */
import { Client, ScheduleOverlapPolicy, type ConnectionLike, type ScheduleOptions, type ScheduleOptionsStartWorkflowAction } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { reportCron, type ReportKind } from '../domain/analysis.rules.js';
import { defaultAssessmentPolicy } from '../domain/assessment.policy.js';
import { loadAnalysisPolicy } from '../db/analysis-policy.js';
import { loadActiveAssessmentPolicy } from '../db/assessment-policy.js';
import { loadCityCalendar } from '../db/assessment.counters.js';
import type { Database } from '../db/client.js';
import type { Config } from '../platform/config.js';
import { analysisWatchWorkflow } from '../workflows/analysis-watch.workflow.js';
import { reportWorkflow } from '../workflows/report.workflow.js';
import { ensureSchedule, setUpWithRetries, zoneOf } from './schedules.js';

export const REPORT_SCHEDULE_KINDS: readonly ReportKind[] = ['daily', 'weekly', 'monthly'];
export const reportScheduleId = (kind: ReportKind, prefix = 'report') => `${prefix}-${kind}`;

export interface ReportScheduleSettings {
  kind: ReportKind;
  /** Default `report-<kind>` (tests take their own: schedule ids are per namespace). */
  scheduleId?: string;
  taskQueue: string;
  /** Cron expressions or `@every …` (several: the union). */
  cron: string[];
  timeZone: string;
  enabled: boolean;
  /** What each run's workflow gets (default: the kind alone — the period from the scheduled time, REPORT_SCOPES). */
  args?: Parameters<typeof reportWorkflow>[0];
}

type Action = ScheduleOptionsStartWorkflowAction<typeof reportWorkflow>;

export function reportScheduleOptions(s: ReportScheduleSettings): ScheduleOptions<Action> {
  const scheduleId = s.scheduleId ?? reportScheduleId(s.kind);
  return {
    scheduleId,
    spec: { cronExpressions: s.cron, timezone: s.timeZone },
    action: {
      type: 'startWorkflow',
      workflowType: reportWorkflow,
      // Each run's id is this followed by its scheduled time.
      workflowId: scheduleId,
      taskQueue: s.taskQueue,
      args: [s.args ?? { kind: s.kind }],
    },
    policies: { overlap: ScheduleOverlapPolicy.BUFFER_ALL, catchupWindow: '7 days' },
    state: s.enabled ? { paused: false, note: 'on (REPORTS)' } : { paused: true, note: 'off: REPORTS=false' },
  };
}

/** Creates the Schedule, or sets an existing one to the settings. */
export const ensureReportSchedule = (client: Client, settings: ReportScheduleSettings) => ensureSchedule(client, reportScheduleOptions(settings));

export const ANALYSIS_WATCH_SCHEDULE_ID = 'analysis-watch';

/**
 * The analysis watch's Schedule: `analysisWatchWorkflow` every ANALYSIS_WATCH_CRON (every 15 minutes), flagging group
 * complaints and surges as they appear. Overlap SKIP (a slow run makes the next skip: the one after looks at the same
 * window); catch-up window one day (a missed day's surges are evaluated when the server is back).
 */
export function analysisWatchScheduleOptions(s: { scheduleId?: string; taskQueue: string; cron: string; timeZone: string; enabled: boolean }): ScheduleOptions<ScheduleOptionsStartWorkflowAction<typeof analysisWatchWorkflow>> {
  const scheduleId = s.scheduleId ?? ANALYSIS_WATCH_SCHEDULE_ID;
  return {
    scheduleId,
    spec: { cronExpressions: [s.cron], timezone: s.timeZone },
    action: { type: 'startWorkflow', workflowType: analysisWatchWorkflow, workflowId: scheduleId, taskQueue: s.taskQueue, args: [{}] },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    state: s.enabled ? { paused: false, note: 'on (ANALYSIS_WATCH)' } : { paused: true, note: 'off: ANALYSIS_WATCH=false' },
  };
}

type ReportConfig = Pick<
  Config,
  'TEMPORAL_NAMESPACE' | 'TEMPORAL_TASK_QUEUE' | 'REPORTS' | 'REPORT_DAILY_CRON' | 'REPORT_WEEKLY_CRON' | 'REPORT_MONTHLY_CRON' | 'REPORT_TIMEZONE' | 'ANALYSIS_WATCH' | 'ANALYSIS_WATCH_CRON'
>;

/** The cron of each kind: the configured one, else the analysis policy's times. */
export async function reportCrons(cfg: ReportConfig, db: Database): Promise<Record<ReportKind, string>> {
  const [policy, assessment] = await Promise.all([loadAnalysisPolicy(db), loadActiveAssessmentPolicy(db)]);
  const startDay = (assessment ?? defaultAssessmentPolicy).assessmentMonth.startDay;
  return {
    daily: cfg.REPORT_DAILY_CRON ?? reportCron('daily', policy.reports, startDay),
    weekly: cfg.REPORT_WEEKLY_CRON ?? reportCron('weekly', policy.reports, startDay),
    monthly: cfg.REPORT_MONTHLY_CRON ?? reportCron('monthly', policy.reports, startDay),
  };
}

/**
 * At worker boot: the three report Schedules and the analysis watch's as configured, on the worker's own connection. A failure is reported and the
 * worker goes on (cases come first); it is tried again every `retryMs` (30 s) in the background, at most `attempts`
 * times (20): a worker started before the database is seeded gets its Schedules once it is.
 */
export async function bootReportSchedules(
  cfg: ReportConfig,
  deps: { connection: ConnectionLike; db: Database; dataConverter?: DataConverter; log: (line: string) => void; prefix?: string; retryMs?: number; attempts?: number },
): Promise<boolean> {
  return setUpWithRetries('report schedules', deps, async () => {
    const timeZone = cfg.REPORT_TIMEZONE ?? zoneOf(await loadCityCalendar(deps.db));
    const crons = await reportCrons(cfg, deps.db);
    const client = new Client({ connection: deps.connection, namespace: cfg.TEMPORAL_NAMESPACE, ...(deps.dataConverter && { dataConverter: deps.dataConverter }) });
    for (const kind of REPORT_SCHEDULE_KINDS) {
      const scheduleId = reportScheduleId(kind, deps.prefix);
      const outcome = await ensureReportSchedule(client, { kind, scheduleId, taskQueue: cfg.TEMPORAL_TASK_QUEUE, cron: [crons[kind]], timeZone, enabled: cfg.REPORTS });
      deps.log(`report schedule ${scheduleId} ${outcome}: ${cfg.REPORTS ? `"${crons[kind]}" in ${timeZone}` : 'paused (REPORTS=false)'}`);
    }
    const watchId = deps.prefix ? `${deps.prefix}-watch` : ANALYSIS_WATCH_SCHEDULE_ID;
    const watched = await ensureSchedule(client, analysisWatchScheduleOptions({ scheduleId: watchId, taskQueue: cfg.TEMPORAL_TASK_QUEUE, cron: cfg.ANALYSIS_WATCH_CRON, timeZone, enabled: cfg.ANALYSIS_WATCH }));
    deps.log(`analysis watch schedule ${watchId} ${watched}: ${cfg.ANALYSIS_WATCH ? `"${cfg.ANALYSIS_WATCH_CRON}" in ${timeZone}` : 'paused (ANALYSIS_WATCH=false)'}`);
  });
}
