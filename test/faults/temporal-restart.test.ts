/**
 * The Temporal server is stopped and started again mid-run, keeping its state. Cases in flight must carry on
 * from where they were and end as planned, with a record that agrees.
 *
 * The server is this file's own, of the run's topology (inject('temporalTopology'), HOTLINE_TOPOLOGY):
 * - dev: the CLI dev server with a persistent SQLite file, stopped and started on the same file;
 * - production: the Temporal Server on PostgreSQL (runtime/temporal-ephemeral.ts, per-run databases): its
 *   process is stopped with SIGTERM and started again on the same databases; the UI server stays up.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startEphemeralTopology, type EphemeralTopology } from '../../runtime/temporal-ephemeral.js';
import { startDevServer, type DevServer, type DevServerOptions } from '../../runtime/temporal-dev-server.js';
import { ensureTemporalCli, findProductionTools } from '../../runtime/tools.js';
import { complaint, expectRecordMatchesWorkflow } from '../support/cases.js';
import { drive, openWithRetry, pool, type Plan } from '../support/driver.js';
import { freePort } from '../support/global-setup.js';
import { startStack, type TestStack } from '../support/stack.js';
import type { TemporalTlsFiles } from '../../runtime/temporal-tls.js';

const CASES = 60;
const topologyName = inject('temporalTopology');
const toolsDir = process.env.HOTLINE_TOOLS_DIR ?? '.tools';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A Temporal server of the run's topology that can be stopped and started again with its state. */
interface RestartableServer {
  address: string;
  /** The production topology's mutual TLS. */
  tls?: TemporalTlsFiles;
  describe: string;
  restart(downMs: number): Promise<void>;
  dispose(): Promise<void>;
}

async function devServer(): Promise<RestartableServer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hotline-temporal-restart-'));
  const options: DevServerOptions = {
    binary: await ensureTemporalCli(toolsDir),
    port: await freePort(),
    dbFile: path.join(dir, 'temporal.db'),
    logFile: path.join(dir, 'server.log'),
  };
  let server: DevServer = await startDevServer(options);
  return {
    address: server.address,
    describe: 'dev server (SQLite file)',
    async restart(downMs) {
      await server.stop();
      await sleep(downMs);
      server = await startDevServer(options);
    },
    async dispose() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function productionServer(): Promise<RestartableServer> {
  const tools = await findProductionTools(toolsDir);
  if ('missing' in tools) throw new Error(`the production topology needs binaries that are not built: ${tools.missing.join(', ')}; run \`npm run tools:install -- production\``);
  const topology: EphemeralTopology = await startEphemeralTopology({ tools, adminDatabaseUrl: inject('adminDatabaseUrl') });
  const instances = topology.serverInstances();
  return {
    address: topology.address,
    tls: topology.tls,
    describe: `Temporal Server on PostgreSQL (${instances.join(', ')}; databases ${topology.databases.temporal}, ${topology.databases.visibility})`,
    async restart(downMs) {
      for (const name of [...instances].reverse()) await topology.stopInstance(name, 'SIGTERM');
      await sleep(downMs);
      for (const name of instances) await topology.startInstance(name);
      await topology.waitReady();
    },
    dispose: () => topology.dispose(),
  };
}

let server: RestartableServer;
let stack: TestStack;

beforeAll(async () => {
  server = topologyName === 'production' ? await productionServer() : await devServer();
  console.log(`[temporal-restart] ${server.describe} at ${server.address}`);
  stack = await startStack({ name: 'fault_temporal_restart', temporalAddress: server.address, ...(server.tls && { temporalTls: server.tls }) });
});
afterAll(async () => {
  await stack?.close();
  await server?.dispose();
});

describe(`Temporal server restarted mid-run (${topologyName} topology)`, () => {
  it(`keeps all ${CASES} cases and finishes them after the restart`, async () => {
    const deadline = Date.now() + 240_000;
    const plans: Plan[] = Array.from({ length: CASES }, (_, i) => ({ callbacks: i % 3 === 0 ? ['unsatisfied', 'satisfied'] : ['satisfied'] }));
    let closed = 0;
    let closedAtRestart = -1;
    const restart = (async () => {
      await sleep(2_500);
      closedAtRestart = closed;
      await server.restart(3_000);
    })();
    const ids = await pool(plans, 20, async (plan, i) => {
      const id = await openWithRetry(stack, complaint({ title: `重启测试 ${i}` }), `temporal-restart-${i}`, deadline);
      await drive(stack, id, plan, deadline);
      closed++;
      return id;
    });
    await restart;
    console.log(`[temporal-restart] restarted with ${closedAtRestart}/${CASES} cases closed`);
    expect(new Set(ids).size).toBe(CASES);
    for (const [i, id] of ids.entries()) {
      const view = await expectRecordMatchesWorkflow(stack, id);
      expect(view.state).toMatchObject({ status: 'closed', outcome: 'resolved', round: plans[i]!.callbacks.length });
    }
  });
});
