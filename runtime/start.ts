/**
 * `npm start`: the whole product on one machine. Starts what is not configured (the Temporal CLI dev server,
 * an embedded PostgreSQL), migrates and seeds, then runs the worker and the API in this process.
 * Ctrl-C drains the worker, closes the API, then stops what it started, in that order.
 */
import path from 'node:path';
import { buildApp } from '../api/app.js';
import { createCaseWorker } from './case-worker.js';
import { loadConfig } from './config.js';
import { connectClient, connectWorker, installTemporalRuntime, onShutdown, prepareDatabase, redactUrl, say } from './bootstrap.js';
import { startEmbeddedDatabase } from './embedded-db.js';
import { startDevServer } from './temporal-dev-server.js';
import { ensureTemporalCli } from './tools.js';

const started = Date.now();
const cfg = loadConfig();
const dataDir = path.resolve(cfg.HOTLINE_DATA_DIR);
const stops: Array<[string, () => Promise<unknown> | unknown]> = [];
installTemporalRuntime();

try {
  // 1. Temporal
  let temporalAddress = cfg.TEMPORAL_ADDRESS;
  let uiUrl: string | null = null;
  if (temporalAddress) {
    say(`Temporal: using the server at ${temporalAddress} (TEMPORAL_ADDRESS)`);
  } else {
    const binary = await ensureTemporalCli(cfg.HOTLINE_TOOLS_DIR, say);
    say(`Temporal: starting the dev server (${binary}), state in ${path.join(dataDir, 'temporal')}…`);
    const server = await startDevServer({
      binary,
      port: cfg.TEMPORAL_DEV_PORT,
      uiPort: cfg.TEMPORAL_UI_PORT,
      dbFile: path.join(dataDir, 'temporal', 'temporal.db'),
      logFile: path.join(dataDir, 'temporal', 'server.log'),
      namespace: cfg.TEMPORAL_NAMESPACE,
    });
    temporalAddress = server.address;
    uiUrl = server.uiUrl;
    stops.unshift(['Temporal dev server', () => server.stop()]);
  }

  // 2. Database
  let databaseUrl = cfg.DATABASE_URL;
  if (databaseUrl) {
    say(`database: using ${redactUrl(databaseUrl)} (DATABASE_URL)`);
  } else {
    say(`database: starting the embedded PostgreSQL in ${path.join(dataDir, 'postgres')}…`);
    const embedded = await startEmbeddedDatabase(dataDir, cfg.EMBEDDED_PG_PORT);
    databaseUrl = embedded.url;
    stops.unshift(['embedded PostgreSQL', () => embedded.stop()]);
  }
  say('database: applying migrations…');
  const database = await prepareDatabase(databaseUrl, { migrate: cfg.RUN_MIGRATIONS, seed: cfg.SEED_DEMO_DATA, log: say });
  stops.unshift(['database pool', () => database.close()]);

  // 3. Worker
  say('worker: bundling workflows and connecting…');
  const workerConnection = await connectWorker(temporalAddress);
  const worker = await createCaseWorker({
    connection: workerConnection,
    namespace: cfg.TEMPORAL_NAMESPACE,
    taskQueue: cfg.TEMPORAL_TASK_QUEUE,
    db: database.db,
    ...(cfg.WORKFLOW_BUNDLE_PATH && { workflowBundlePath: cfg.WORKFLOW_BUNDLE_PATH }),
  });
  const running = worker.run();
  running.catch((err) => {
    say(`worker stopped with an error: ${err instanceof Error ? err.message : String(err)}`);
    process.kill(process.pid, 'SIGTERM');
  });

  // 4. API
  const { client, connection } = await connectClient(temporalAddress, cfg.TEMPORAL_NAMESPACE);
  const app = await buildApp({ client, db: database.db, taskQueue: cfg.TEMPORAL_TASK_QUEUE, logLevel: cfg.LOG_LEVEL, bodyLimit: cfg.API_BODY_LIMIT });
  await app.listen({ host: cfg.API_HOST, port: cfg.API_PORT });
  const apiUrl = `http://${cfg.API_HOST === '0.0.0.0' ? '127.0.0.1' : cfg.API_HOST}:${cfg.API_PORT}`;

  onShutdown([
    ['worker (draining in-flight tasks)', async () => (worker.shutdown(), await running.catch(() => {}))],
    ['API', () => app.close()],
    ['Temporal connections', async () => (await connection.close(), await workerConnection.close())],
    ...stops,
  ]);

  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  say(`  API            ${apiUrl}`);
  say(`  API docs       ${apiUrl}/docs`);
  say(`  Temporal UI    ${uiUrl ?? '(external server: see its own UI)'}`);
  say(`  Temporal gRPC  ${temporalAddress}  namespace ${cfg.TEMPORAL_NAMESPACE}  task queue ${cfg.TEMPORAL_TASK_QUEUE}`);
  say(`  database       ${redactUrl(databaseUrl)}`);
  say('Ctrl-C stops everything.');
} catch (err) {
  say(`start-up failed: ${err instanceof Error ? err.message : String(err)}`);
  for (const [name, stop] of stops) {
    try {
      await stop();
    } catch {
      say(`  could not stop ${name}`);
    }
  }
  process.exit(1);
}
