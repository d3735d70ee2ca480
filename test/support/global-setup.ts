/**
 * Once per test run: a Temporal server (TEMPORAL_ADDRESS if set, otherwise a headless in-memory dev server on
 * a free port with the case search attributes), the workflow bundle every test worker loads, and the address
 * of the PostgreSQL server test files create their own databases on.
 */
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { TestProject } from 'vitest/node';
import { z } from 'zod';
import { WORKFLOWS_PATH } from '../../runtime/case-worker.js';
import { startDevServer, type DevServer } from '../../runtime/temporal-dev-server.js';
import { ensureTemporalCli } from '../../runtime/tools.js';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    workflowBundlePath: string;
    adminDatabaseUrl: string;
  }
}

const testEnv = z.object({
  TEMPORAL_ADDRESS: z.string().optional(),
  TEST_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/postgres'),
  HOTLINE_TOOLS_DIR: z.string().default('.tools'),
});

import { freePort } from '../../runtime/net.js';
export { freePort };

export default async function setup(project: TestProject) {
  const env = testEnv.parse(process.env);
  let server: DevServer | undefined;
  let address = env.TEMPORAL_ADDRESS;
  if (!address) {
    const binary = await ensureTemporalCli(env.HOTLINE_TOOLS_DIR, (l) => console.log(l));
    server = await startDevServer({ binary, port: await freePort() });
    address = server.address;
  }
  const bundlePath = path.join(os.tmpdir(), `hotline-workflows-${process.pid}.js`);
  const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} } });
  await writeFile(bundlePath, code);

  project.provide('temporalAddress', address);
  project.provide('workflowBundlePath', bundlePath);
  project.provide('adminDatabaseUrl', env.TEST_DATABASE_URL);

  return async () => {
    await server?.stop();
    await rm(bundlePath, { force: true });
  };
}
