/**
 * The assessment's reconciliation Schedule (a Temporal Schedule, not cron): `assessmentReconciliationWorkflow` on
 * the case task queue, by default daily at 02:00 in the city calendar's time zone. Created by the worker at boot,
 * or brought up to date with the configuration when it exists (ASSESSMENT_RECONCILE*, platform/config.ts): the
 * configuration is the truth, so a Schedule paused or edited in the Web UI returns to it at the next boot.
 *
 * Overlap SKIP: a run still going when the next is due (a slow month) makes that one skip, never two at once.
 * Catch-up window one day: after an outage of the Temporal server the missed run is taken when it comes back, if it
 * was due within the day; an older one is left (the next run checks the month again anyway).
 */
import { Client, ScheduleOverlapPolicy, type ConnectionLike, type ScheduleOptions, type ScheduleOptionsStartWorkflowAction } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { loadCityCalendar } from '../db/assessment.counters.js';
import type { Database } from '../db/client.js';
import type { Config } from '../platform/config.js';
import { assessmentReconciliationWorkflow } from '../workflows/assessment.workflow.js';
import { ensureSchedule, setUpWithRetries, zoneOf } from './schedules.js';

export const ASSESSMENT_SCHEDULE_ID = 'assessment-reconciliation';

export interface AssessmentScheduleSettings {
  /** Default ASSESSMENT_SCHEDULE_ID (tests take their own: schedule ids are per namespace). */
  scheduleId?: string;
  taskQueue: string;
  /** A cron expression or `@every …` (ASSESSMENT_RECONCILE_CRON). */
  cron: string;
  /** IANA name the cron is read in. */
  timeZone: string;
  /** false: the Schedule exists, paused (ASSESSMENT_RECONCILE=false). */
  enabled: boolean;
}

type Action = ScheduleOptionsStartWorkflowAction<typeof assessmentReconciliationWorkflow>;

/** The Schedule as the settings describe it. */
export function assessmentScheduleOptions(s: AssessmentScheduleSettings): ScheduleOptions<Action> {
  const scheduleId = s.scheduleId ?? ASSESSMENT_SCHEDULE_ID;
  return {
    scheduleId,
    spec: { cronExpressions: [s.cron], timezone: s.timeZone },
    action: {
      type: 'startWorkflow',
      workflowType: assessmentReconciliationWorkflow,
      // Each run's id is this followed by its scheduled time.
      workflowId: scheduleId,
      taskQueue: s.taskQueue,
      args: [{}],
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    state: s.enabled ? { paused: false, note: 'on (ASSESSMENT_RECONCILE)' } : { paused: true, note: 'off: ASSESSMENT_RECONCILE=false' },
  };
}

/** Creates the Schedule, or sets an existing one to the settings. */
export const ensureAssessmentSchedule = (client: Client, settings: AssessmentScheduleSettings) => ensureSchedule(client, assessmentScheduleOptions(settings));

/**
 * At worker boot: the Schedule as configured, on the worker's own connection (a NativeConnection serves a client).
 * The time zone is ASSESSMENT_RECONCILE_TIMEZONE, or the city calendar's region's, or (an inline calendar with a
 * whole-hour offset) the matching Etc/GMT zone, else UTC. A failure is reported and the worker goes on (cases come
 * first); it is tried again every `retryMs` (30 s) in the background, at most `attempts` times in all (20): a
 * worker started on a database the API has not seeded yet (no policy, so no calendar) gets its Schedule once it is.
 */
export async function bootAssessmentSchedule(
  cfg: Pick<Config, 'TEMPORAL_NAMESPACE' | 'TEMPORAL_TASK_QUEUE' | 'ASSESSMENT_RECONCILE' | 'ASSESSMENT_RECONCILE_CRON' | 'ASSESSMENT_RECONCILE_TIMEZONE'>,
  deps: { connection: ConnectionLike; db: Database; dataConverter?: DataConverter; log: (line: string) => void; scheduleId?: string; retryMs?: number; attempts?: number },
): Promise<boolean> {
  const scheduleId = deps.scheduleId ?? ASSESSMENT_SCHEDULE_ID;
  return setUpWithRetries('assessment reconciliation schedule', deps, async () => {
    const timeZone = cfg.ASSESSMENT_RECONCILE_TIMEZONE ?? zoneOf(await loadCityCalendar(deps.db));
    const client = new Client({ connection: deps.connection, namespace: cfg.TEMPORAL_NAMESPACE, ...(deps.dataConverter && { dataConverter: deps.dataConverter }) });
    const outcome = await ensureAssessmentSchedule(client, { scheduleId, taskQueue: cfg.TEMPORAL_TASK_QUEUE, cron: cfg.ASSESSMENT_RECONCILE_CRON, timeZone, enabled: cfg.ASSESSMENT_RECONCILE });
    deps.log(`assessment reconciliation schedule ${scheduleId} ${outcome}: ${cfg.ASSESSMENT_RECONCILE ? `"${cfg.ASSESSMENT_RECONCILE_CRON}" in ${timeZone}` : 'paused (ASSESSMENT_RECONCILE=false)'}`);
  });
}

/** The zone of the city's calendar (runtime/schedules.ts), here for those who import it from this module. */
export { zoneOf };
