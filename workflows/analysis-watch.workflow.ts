/**
 * The analysis watch (未诉先办: act before people complain), run by the `analysis-watch` Schedule
 * (runtime/report-schedules.ts): flags the group complaints of the last window and the surges of the day before, each
 * once, and announces each through the outbox (activities/analysis-watch.activities.ts). Its time is the run's
 * scheduled time (a run caught up after an outage looks at the days it was due for); this code reads no clock.
 */
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { AnalysisWatchActivities } from '../activities/analysis-watch.activities.js';
import { TemporalScheduledStartTime } from './report.workflow.js';

const { watchGroupComplaints, watchSurges } = proxyActivities<AnalysisWatchActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { maximumAttempts: 5, initialInterval: '10 seconds' },
});

export interface AnalysisWatchInput {
  /** The instant to look from (ms since the epoch); absent: the run's scheduled time. */
  at?: number;
}

export async function analysisWatchWorkflow(input: AnalysisWatchInput = {}) {
  const info = workflowInfo();
  const at = input.at ?? (info.typedSearchAttributes.get(TemporalScheduledStartTime) ?? info.runStartTime).getTime();
  const groupComplaints = await watchGroupComplaints({ at });
  const surges = await watchSurges({ at });
  return { at, groupComplaints, surges };
}
