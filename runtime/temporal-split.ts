/**
 * `npm run temporal:split`: the production Temporal topology with the server split into its four services —
 * frontend, history, matching and worker, each its own process of the same binary (`start --service …`) — plus
 * the Web UI server, on one machine, the way several machines would run them. Only Temporal: point the product
 * at it with TEMPORAL_ADDRESS (`TEMPORAL_ADDRESS=127.0.0.1:7233 npm start`). Ctrl-C stops the UI server, then
 * the frontend, worker, matching and history, then the embedded PostgreSQL if it started one.
 *
 * Same settings as `npm run start:production` (runtime/config.ts); the databases are shared with it, so run one
 * or the other.
 */
import path from 'node:path';
import { loadConfig } from './config.js';
import { onShutdown, redactUrl, say } from './bootstrap.js';
import { startOrCleanUp, startRecordDatabase, type Step } from './launch.js';
import { postgresTargetOf, standardPorts, startTopology } from './temporal-topology.js';
import { ensureProductionTools } from './tools.js';

const started = Date.now();
const cfg = loadConfig();
const dataDir = path.resolve(cfg.HOTLINE_DATA_DIR);
const stops: Step[] = [];

await startOrCleanUp(stops, async () => {
  const tools = await ensureProductionTools(cfg.HOTLINE_TOOLS_DIR, say);
  const database = await startRecordDatabase(cfg, stops);
  const target = postgresTargetOf(database.url);
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
    ui: { host: '127.0.0.1', port: cfg.TEMPORAL_UI_SERVER_PORT, corsOrigins: [] },
    namespace: cfg.TEMPORAL_NAMESPACE,
    retention: cfg.TEMPORAL_RETENTION,
    stateDir: path.join(dataDir, 'temporal-production'),
    split: true,
    log: say,
  });
  stops.unshift(['Temporal UI server and the four server processes', () => topology.stop()]);
  onShutdown(stops);
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const p of topology.processes) say(`  ${p.name.padEnd(20)} pid ${p.process.pid}  log ${p.logFile}`);
  say(`  Temporal gRPC        ${topology.address}  namespace ${cfg.TEMPORAL_NAMESPACE}`);
  say(`  Temporal UI          ${topology.uiUrl}`);
  say(`  database             ${redactUrl(database.url)}`);
  say(`Run the product against it: TEMPORAL_ADDRESS=${topology.address} DATABASE_URL=<the database above> npm start`);
  say('Ctrl-C stops everything.');
});
