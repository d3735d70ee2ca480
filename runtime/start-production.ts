/**
 * `npm run start:production`: the product on the production Temporal topology, natively on this machine —
 * the Temporal Server on PostgreSQL (databases `temporal` and `temporal_visibility` next to the record, on the
 * same PostgreSQL server), the Web UI server as its own process, then the worker and the API in this process,
 * as in `npm start` (runtime/launch.ts is what both share). See README, "Production topology".
 *
 * Ctrl-C drains the worker, closes the API, then stops the UI server, the Temporal server and the embedded
 * PostgreSQL (if it started one), in that order.
 */
import path from 'node:path';
import { loadConfig } from './config.js';
import { installTemporalRuntime, onShutdown, redactUrl, say } from './bootstrap.js';
import { sayReady, startOrCleanUp, startRecordDatabase, startWorkerAndApi, type Step } from './launch.js';
import { postgresTargetOf, standardPorts, startTopology } from './temporal-topology.js';
import { ensureProductionTools } from './tools.js';

const started = Date.now();
const cfg = loadConfig();
const dataDir = path.resolve(cfg.HOTLINE_DATA_DIR);
const stops: Step[] = [];
installTemporalRuntime();

await startOrCleanUp(stops, async () => {
  if (cfg.TEMPORAL_ADDRESS) throw new Error('start:production starts its own Temporal server; unset TEMPORAL_ADDRESS (npm start uses a running server)');

  // 0. The binaries (built once into the tools folder; 5–8 minutes on the first run)
  const tools = await ensureProductionTools(cfg.HOTLINE_TOOLS_DIR, say);

  // 1. PostgreSQL: the record's server holds Temporal's databases too
  const database = await startRecordDatabase(cfg, stops);
  const target = postgresTargetOf(database.url);

  // 2. Temporal Server and Web UI server
  const topology = await startTopology({
    tools,
    target,
    server: {
      postgres: { host: target.host, port: target.port },
      user: cfg.TEMPORAL_DB_USER,
      password: cfg.TEMPORAL_DB_PASSWORD,
      databases: { temporal: cfg.TEMPORAL_DB_NAME, visibility: cfg.TEMPORAL_VISIBILITY_DB_NAME },
      numHistoryShards: cfg.TEMPORAL_HISTORY_SHARDS,
      ports: standardPorts(cfg.TEMPORAL_FRONTEND_PORT),
      bindHost: '127.0.0.1',
      logLevel: 'info',
      namespaceRefresh: '10s',
      maxConns: 20,
    },
    ui: { host: '127.0.0.1', port: cfg.TEMPORAL_UI_SERVER_PORT, corsOrigins: [`http://127.0.0.1:${cfg.API_PORT}`, `http://localhost:${cfg.API_PORT}`] },
    namespace: cfg.TEMPORAL_NAMESPACE,
    retention: cfg.TEMPORAL_RETENTION,
    stateDir: path.join(dataDir, 'temporal-production'),
    log: (l) => say(l),
  });
  // Stopped before the database: the server must not lose PostgreSQL under it.
  stops.unshift(['Temporal UI server, then Temporal Server', () => topology.stop()]);

  // 3. Worker and 4. API
  const { apiUrl, steps } = await startWorkerAndApi(cfg, topology.address, database.url, stops);
  onShutdown([...steps, ...stops]);

  sayReady(started, [
    ['API', apiUrl],
    ['API docs', `${apiUrl}/docs`],
    ['Temporal UI', `${topology.uiUrl}  (its HTTP API: ${topology.uiUrl}/api/v1/namespaces/${cfg.TEMPORAL_NAMESPACE}/workflows)`],
    ['Temporal gRPC', `${topology.address}  namespace ${cfg.TEMPORAL_NAMESPACE}  task queue ${cfg.TEMPORAL_TASK_QUEUE}`],
    ['Temporal logs', path.join(dataDir, 'temporal-production', 'logs')],
    ['database', `${redactUrl(database.url)}  (+ ${cfg.TEMPORAL_DB_NAME}, ${cfg.TEMPORAL_VISIBILITY_DB_NAME} as ${cfg.TEMPORAL_DB_USER})`],
  ]);
});
