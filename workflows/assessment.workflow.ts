/**
 * The assessment's calendar of work, run by a Temporal Schedule (runtime/assessment-schedule.ts): each run checks
 * the counters of yesterday and of the current assessment month against a recomputation from the raw rows, and
 * records what it found (db/assessment.reconcile.ts). The days are worked out by an activity, for the instant the
 * run started (recorded in history), on the city's calendar: this code reads no clock and no table.
 */
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { AssessmentActivities, ReconciliationSummary } from '../activities/assessment.activities.js';

const { assessmentReconciliationRanges } = proxyActivities<AssessmentActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 10 },
});

const { reconcileAssessmentRange } = proxyActivities<AssessmentActivities>({
  // A month of cases is read in chunks, heartbeating after each: a lost worker is noticed in minutes.
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '5 minutes',
  retry: { maximumAttempts: 3, initialInterval: '1 minute' },
});

export interface AssessmentReconciliationInput {
  /** Rewrite what differs (default false: check and record; drift is expected never to happen). */
  repair?: boolean;
}

export async function assessmentReconciliationWorkflow(input: AssessmentReconciliationInput = {}): Promise<ReconciliationSummary[]> {
  const ranges = await assessmentReconciliationRanges({ at: workflowInfo().runStartTime.getTime() });
  const results: ReconciliationSummary[] = [];
  for (const range of ranges) results.push(await reconcileAssessmentRange({ ...range, repair: input.repair === true }));
  return results;
}
