/**
 * The worker is killed with SIGKILL at random moments while 300 cases move through their lifecycle, and
 * restarted each time. Every case must reach its planned end, and the record must agree with the workflow.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { complaint, expectRecordMatchesWorkflow } from '../support/cases.js';
import { drive, lastStep, openWithRetry, pool, type Plan } from '../support/driver.js';
import { startStack, type TestStack } from '../support/stack.js';

const CASES = Number(process.env.FAULT_CASES ?? 300);
/**
 * Kills at random moments from the first open until 90% of the cases have closed, so they land in every phase
 * of the lifecycle; each costs the cases cached on that worker a sticky-queue timeout, hence the cap.
 */
const MAX_KILLS = 10;
const MIN_KILLS = 4;
let stack: TestStack;
let worker: ChildProcess | undefined;
let workerLog = '';

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'runtime/worker.ts'], {
    env: {
      ...process.env,
      ...stack.processEnv,
      WORKFLOW_BUNDLE_PATH: inject('workflowBundlePath'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (d: Buffer) => (workerLog = (workerLog + d.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return child;
}

const exited = (c: ChildProcess) => new Promise<void>((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once('exit', () => r())));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  stack = await startStack({ name: 'fault_worker_kill', worker: false });
  worker = startWorker();
});
afterAll(async () => {
  if (worker) {
    worker.kill('SIGTERM');
    await exited(worker);
  }
  await stack?.close();
});

/** Prints what an unfinished case is waiting for: the driver's last step and the workflow's pending work. */
async function diagnose(ids: string[]) {
  for (const id of ids.slice(0, 5)) {
    const d = await stack.client.workflow.getHandle(id).describe().catch((e) => ({ error: String(e) }));
    const raw = 'raw' in d ? d.raw : d;
    console.log(`[worker-kill] STALLED ${id}: last step ${lastStep.get(id)}\n${JSON.stringify(raw, (_k, v) => (typeof v === 'bigint' ? String(v) : v)).slice(0, 3000)}`);
  }
}

describe('worker killed with SIGKILL mid-lifecycle', () => {
  it(`brings all ${CASES} cases to their planned end with a record that agrees`, async () => {
    const deadline = Date.now() + 420_000;
    const plans: Plan[] = Array.from({ length: CASES }, (_, i) => ({ callbacks: i % 4 === 0 ? ['unsatisfied', 'satisfied'] : ['satisfied'] }));
    let done = false;
    let kills = 0;
    let closed = 0;
    const finished = new Set<string>();
    let lastClosed = -1;
    let stalledFor = 0;
    const progress = setInterval(() => {
      console.log(`[worker-kill] ${closed}/${CASES} closed, ${kills} kills`);
      stalledFor = closed === lastClosed ? stalledFor + 10 : 0;
      lastClosed = closed;
      if (stalledFor === 40) void diagnose([...lastStep.keys()].filter((id) => !finished.has(id)));
    }, 10_000);
    const killedAt: number[] = [];
    const killer = (async () => {
      while (!done && kills < MAX_KILLS && (closed < CASES * 0.9 || kills < MIN_KILLS)) {
        await sleep(2_000 + Math.random() * 8_000);
        if (done) break;
        const victim = worker!;
        victim.kill('SIGKILL');
        await exited(victim);
        kills++;
        killedAt.push(closed);
        await sleep(200 + Math.random() * 1_300);
        worker = startWorker();
      }
    })();

    const ids = await pool(plans, 30, async (plan, i) => {
      const id = await openWithRetry(stack, complaint({ title: `故障测试 ${i}` }), `worker-kill-${i}`, deadline);
      await drive(stack, id, plan, deadline);
      finished.add(id);
      closed++;
      return id;
    });
    done = true;
    clearInterval(progress);
    await killer;

    console.log(`[worker-kill] killed ${kills} times, with ${killedAt.join(', ')} of ${CASES} cases closed`);
    expect(kills, workerLog).toBeGreaterThanOrEqual(MIN_KILLS);
    expect(new Set(ids).size).toBe(CASES);
    for (const [i, id] of ids.entries()) {
      const view = await expectRecordMatchesWorkflow(stack, id);
      expect(view.state).toMatchObject({ status: 'closed', outcome: 'resolved', round: plans[i]!.callbacks.length });
    }
  });
});
