/**
 * The server's own ceiling for a herd of timers (`npm run bench:deadlines`): each workflow sleeps until one
 * shared instant, then runs one activity that only reads the worker's wall clock. Bundled on its own and run on a
 * task queue of its own by a worker in the bench process, beside nothing else of the product.
 * Deterministic workflow code: imports only from '@temporalio/workflow' and types.
 */
import { proxyActivities, sleep } from '@temporalio/workflow';
import type * as activities from './bare.activities.js';

const { wallClock } = proxyActivities<typeof activities>({ startToCloseTimeout: '5 minutes' });

export interface HerdResult {
  /** Workflow time (ms) of the task that saw the timer fire. */
  firedAt: number;
  /** The worker's wall clock when the activity ran (ms). */
  activityStartedAt: number;
  /** Workflow time (ms) of the task that saw the activity complete. */
  completedAt: number;
}

export async function bareHerdWorkflow(atMs: number): Promise<HerdResult> {
  const wait = atMs - Date.now();
  if (wait > 0) await sleep(wait);
  const firedAt = Date.now();
  const activityStartedAt = await wallClock();
  return { firedAt, activityStartedAt, completedAt: Date.now() };
}
