/**
 * Once per test run: a Temporal server, the workflow bundle every test worker loads, and the address of the
 * PostgreSQL server test files create their own databases on. The server is TEMPORAL_ADDRESS if set; otherwise
 * HOTLINE_TOPOLOGY picks it: `dev` (default) a headless in-memory dev server on a free port with the case search
 * attributes, `production` the production topology (runtime/temporal-ephemeral.ts: Temporal Server on the test
 * PostgreSQL with per-run databases temporal_<rand>/temporal_visibility_<rand>, dropped afterwards, and the UI
 * server). Tests read the choice with inject('temporalTopology').
 */
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { z } from 'zod';
import { bundleCaseWorkflows } from '../../runtime/case-worker.js';
import { ensureConsoleBuilt } from '../../runtime/console-build.js';
import { startDevServer, type DevServer } from '../../runtime/temporal-dev-server.js';
import { startEphemeralTopology, topologyOf, type EphemeralTopology, type TopologyName } from '../../runtime/temporal-ephemeral.js';
import { ensureTemporalCli, findProductionTools } from '../../runtime/tools.js';
import type { TemporalTlsFiles } from '../../runtime/temporal-tls.js';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    workflowBundlePath: string;
    adminDatabaseUrl: string;
    /** Which kind of Temporal server temporalAddress is (HOTLINE_TOPOLOGY). */
    temporalTopology: TopologyName;
    /** The production topology's CA and client certificates (its frontend requires mutual TLS); null on the dev server. */
    temporalTls: TemporalTlsFiles | null;
  }
}

const testEnv = z.object({
  TEMPORAL_ADDRESS: z.string().optional(),
  TEST_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/postgres'),
  HOTLINE_TOOLS_DIR: z.string().default('.tools'),
});

import { freePort } from '../../platform/net.js';
export { freePort };

export default async function setup(project: TestProject) {
  const env = testEnv.parse(process.env);
  const topology = topologyOf();
  let server: DevServer | undefined;
  let production: EphemeralTopology | undefined;
  let address = env.TEMPORAL_ADDRESS;
  if (!address && topology === 'production') {
    const tools = await findProductionTools(env.HOTLINE_TOOLS_DIR);
    if ('missing' in tools) throw new Error(`HOTLINE_TOPOLOGY=production needs binaries that are not built: ${tools.missing.join(', ')}; run \`npm run tools:install -- production\``);
    const t0 = Date.now();
    production = await startEphemeralTopology({ tools, adminDatabaseUrl: env.TEST_DATABASE_URL });
    address = production.address;
    console.log(`[global-setup] production topology up in ${((Date.now() - t0) / 1000).toFixed(1)} s: Temporal Server ${address} on databases ${production.databases.temporal}, ${production.databases.visibility}`);
  } else if (!address) {
    const binary = await ensureTemporalCli(env.HOTLINE_TOOLS_DIR, (l) => console.log(l));
    server = await startDevServer({ binary, port: await freePort() });
    address = server.address;
  }
  // The web console the browser test drives (test/console.e2e.test.ts): built once when missing or stale.
  await ensureConsoleBuilt((l) => console.log(`[global-setup] ${l}`));
  const bundlePath = path.join(os.tmpdir(), `hotline-workflows-${process.pid}.js`);
  // As production workers load it: the workflows and their interceptors (request ids, tracing).
  const code = await bundleCaseWorkflows({ info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} });
  await writeFile(bundlePath, code);

  project.provide('temporalAddress', address);
  project.provide('workflowBundlePath', bundlePath);
  project.provide('adminDatabaseUrl', env.TEST_DATABASE_URL);
  project.provide('temporalTopology', topology);
  project.provide('temporalTls', production?.tls ?? null);

  return async () => {
    await server?.stop();
    await production?.dispose();
    await rm(bundlePath, { force: true });
  };
}
