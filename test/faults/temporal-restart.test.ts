/**
 * The Temporal server (dev server, persistent SQLite file) is stopped and started again mid-run. Cases in
 * flight must carry on from where they were and end as planned, with a record that agrees.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer, type DevServerOptions } from '../../runtime/temporal-dev-server.js';
import { ensureTemporalCli } from '../../runtime/tools.js';
import { complaint, expectRecordMatchesWorkflow } from '../support/cases.js';
import { drive, openWithRetry, pool, type Plan } from '../support/driver.js';
import { freePort } from '../support/global-setup.js';
import { startStack, type TestStack } from '../support/stack.js';

const CASES = 60;
let dir: string;
let options: DevServerOptions;
let server: DevServer;
let stack: TestStack;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hotline-temporal-restart-'));
  options = {
    binary: await ensureTemporalCli(process.env.HOTLINE_TOOLS_DIR ?? '.tools'),
    port: await freePort(),
    dbFile: path.join(dir, 'temporal.db'),
    logFile: path.join(dir, 'server.log'),
  };
  server = await startDevServer(options);
  stack = await startStack({ name: 'fault_temporal_restart', temporalAddress: server.address });
});
afterAll(async () => {
  await stack?.close();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('Temporal server restarted mid-run', () => {
  it(`keeps all ${CASES} cases and finishes them after the restart`, async () => {
    const deadline = Date.now() + 240_000;
    const plans: Plan[] = Array.from({ length: CASES }, (_, i) => ({ callbacks: i % 3 === 0 ? ['unsatisfied', 'satisfied'] : ['satisfied'] }));
    const restart = (async () => {
      await sleep(2_500);
      await server.stop();
      await sleep(3_000);
      server = await startDevServer(options);
    })();
    const ids = await pool(plans, 20, async (plan, i) => {
      const id = await openWithRetry(stack, complaint({ title: `重启测试 ${i}` }), `temporal-restart-${i}`, deadline);
      await drive(stack, id, plan, deadline);
      return id;
    });
    await restart;
    expect(new Set(ids).size).toBe(CASES);
    for (const [i, id] of ids.entries()) {
      const view = await expectRecordMatchesWorkflow(stack, id);
      expect(view.state).toMatchObject({ status: 'closed', outcome: 'resolved', round: plans[i]!.callbacks.length });
    }
  });
});
