/**
 * Baselines for the benchmark, run on their own task queue by a worker inside the bench process:
 * - bareTrivialWorkflow: returns at once (what a bare `client.workflow.start` costs);
 * - bareLifecycleWorkflow: the shape of a case from open to closed without any of the product's work — one
 *   Update per lifecycle step after open (dispatch, accept, contact, reply, callback), each awaiting one no-op
 *   activity; it completes after the callback.
 * Deterministic workflow code: imports only from '@temporalio/workflow' and types.
 */
import { allHandlersFinished, condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';
import type * as activities from './bare.activities.js';

const { noop } = proxyActivities<typeof activities>({ startToCloseTimeout: '30 seconds' });

export const BARE_LIFECYCLE_STEPS = ['dispatch', 'accept', 'contact', 'reply', 'callback'] as const;
export type BareStep = (typeof BARE_LIFECYCLE_STEPS)[number];

/** Each Update answers with the number of steps done so far. */
export const bareUpdates = {
  dispatch: defineUpdate<number, [Record<string, unknown>]>('dispatch'),
  accept: defineUpdate<number, [Record<string, unknown>]>('accept'),
  contact: defineUpdate<number, [Record<string, unknown>]>('contact'),
  reply: defineUpdate<number, [Record<string, unknown>]>('reply'),
  callback: defineUpdate<number, [Record<string, unknown>]>('callback'),
} as const;

export async function bareTrivialWorkflow(): Promise<void> {}

export async function bareLifecycleWorkflow(): Promise<number> {
  let done = 0;
  let closed = false;
  for (const step of BARE_LIFECYCLE_STEPS) {
    setHandler(bareUpdates[step], async () => {
      await noop();
      done += 1;
      if (step === 'callback') closed = true;
      return done;
    });
  }
  await condition(() => closed);
  await condition(allHandlersFinished);
  return done;
}
