/**
 * The bare herd, the ceiling the product is measured against: N tiny workflows (bench/herd.workflows.ts, own
 * bundle, own task queue, a worker in the bench process) each sleep until one shared instant, then run one
 * activity that reads the wall clock. Lateness = the activity's start (its wall clock) − the instant.
 */
import { fileURLToPath } from 'node:url';
import { activityInfo } from '@temporalio/activity';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Worker } from '@temporalio/worker';
import { clientTlsOf, sdkTls } from '../../runtime/temporal-tls.js';
import * as bareActivities from '../bare.activities.js';
import type { bareHerdWorkflow, HerdResult } from '../herd.workflows.js';
import { closedLoop } from '../load.js';
import { progress, sleep } from '../processes.js';
import { f1 } from '../report.js';
import { NAMESPACE } from '../stack.js';
import { OPTS, QUICK, RUN, s2, spread, type Env, type Spread } from './run.js';

const HERD_WORKFLOWS_PATH = fileURLToPath(new URL(`../herd.workflows${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));

/** Wall-clock start of each herd workflow's activity, by workflow id (the activity runs in this process). */
const herdArrivals = new Map<string, number>();

/** The bare herd's workflow code, bundled once per run. */
export async function bundleHerdWorkflows(): Promise<string> {
  progress('bundling the bare herd workflow…');
  const { code } = await bundleWorkflowCode({ workflowsPath: HERD_WORKFLOWS_PATH, logger: new DefaultLogger('WARN') });
  return code;
}

/** The bare herd's worker: in the bench process, on its own task queue, with its own bundle; SDK defaults otherwise. */
export async function startHerdWorker(env: Env, code: string): Promise<void> {
  progress(`starting the bare herd worker in the bench process (task queue ${env.herdQueue})…`);
  const native = await NativeConnection.connect({ address: env.address, ...(env.tls && { tls: sdkTls(await clientTlsOf(env.tls, 'worker')) }) });
  RUN.cleanup.add('herd worker connection', () => native.close());
  const worker = await Worker.create({
    connection: native,
    namespace: NAMESPACE,
    taskQueue: env.herdQueue,
    workflowBundle: { code },
    activities: {
      ...bareActivities,
      async wallClock() {
        const now = await bareActivities.wallClock();
        const workflowId = activityInfo().workflowExecution?.workflowId;
        if (workflowId) herdArrivals.set(workflowId, now);
        return now;
      },
    },
  });
  const running = worker.run();
  RUN.cleanup.add('herd worker', async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
  });
}

export interface BareHerd {
  n: number;
  /** Lateness (ms) of the activity's start, of the timer as seen by the workflow, of the activity's completion. */
  activity: Spread;
  fired: Spread;
  completed: Spread;
  /** How long before the instant the last start was answered (ms; negative: after it). */
  slackMs: number;
  missing: number;
}

export async function bareHerd(env: Env, n: number): Promise<BareHerd> {
  // Room to start them all at ≥ 100/s, plus a margin: every workflow sleeps before the instant comes.
  const at = Date.now() + (QUICK ? 3_000 : 10_000) + Math.ceil((n / 100) * 1000);
  progress(`bare herd N=${n}: starting ${n} workflows that sleep until ${new Date(at).toISOString()} and then run one activity…`);
  const ids: string[] = [];
  const started = await closedLoop({ concurrency: OPTS.concurrency, count: n, stopped: () => RUN.state.stopping }, async (i) => {
    const workflowId = `bench-herd-${RUN.id}-${n}-${i}`;
    await env.client.workflow.start<typeof bareHerdWorkflow>('bareHerdWorkflow', { taskQueue: env.herdQueue, workflowId, args: [at] });
    ids.push(workflowId);
  });
  if (started.errors) throw new Error(`bare herd: ${started.errors} starts failed (first: ${started.firstError})`);
  const slackMs = at - Date.now();
  progress(`bare herd N=${n}: all started ${f1(slackMs / 1000)} s before the instant (${f1(started.rate)} starts/s); waiting for the activities…`);
  const deadline = at + 120_000 + n * 100;
  while (!RUN.state.stopping && ids.some((id) => !herdArrivals.has(id)) && Date.now() < deadline) await sleep(250);
  const missing = ids.filter((id) => !herdArrivals.has(id)).length;
  if (missing) progress(`bare herd N=${n}: warning: ${missing} activities had not run ${f1((Date.now() - at) / 1000)} s after the instant`);
  // Results (timer and completion as the workflow saw them) once the herd has passed, so the reads do not load it.
  const results: HerdResult[] = [];
  await closedLoop({ concurrency: 16, count: ids.length }, async (i) => {
    if (herdArrivals.has(ids[i]!)) results.push(await env.client.workflow.getHandle<typeof bareHerdWorkflow>(ids[i]!).result());
  });
  const activity = spread(ids.filter((id) => herdArrivals.has(id)).map((id) => herdArrivals.get(id)! - at));
  progress(`bare herd N=${n}: activity start late by p50 ${s2(activity.p50)} s, p99 ${s2(activity.p99)} s, max ${s2(activity.max)} s`);
  return {
    n,
    activity,
    fired: spread(results.map((r) => r.firedAt - at)),
    completed: spread(results.map((r) => r.completedAt - at)),
    slackMs,
    missing,
  };
}
