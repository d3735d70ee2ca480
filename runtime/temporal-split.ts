/**
 * `npm run temporal:split`: the production Temporal topology with the server split into its four services —
 * frontend, history, matching and worker, each its own process of the same binary (`start --service …`) — plus
 * the Web UI server, on one machine, the way several machines would run them. Only Temporal: point the product
 * at it with TEMPORAL_ADDRESS (`TEMPORAL_ADDRESS=127.0.0.1:7233 npm start`). Ctrl-C stops the UI server, then
 * the frontend, worker, matching and history, then the embedded PostgreSQL if it started one.
 *
 * Same settings as `npm run start:production` (platform/config.ts); the databases are shared with it, so run one
 * or the other.
 */
import { loadConfig } from '../platform/config.js';
import { onShutdown, redactUrl, say } from './bootstrap.js';
import { startOrCleanUp, startRecordDatabase, type Step } from './launch.js';
import { configuredTopology, startTopology } from './temporal-topology.js';
import { ensureProductionTools } from './tools.js';
import { tlsEnv } from './temporal-tls.js';

const started = Date.now();
const cfg = loadConfig();
const stops: Step[] = [];

await startOrCleanUp(stops, async () => {
  const tools = await ensureProductionTools(cfg.HOTLINE_TOOLS_DIR, say);
  const database = await startRecordDatabase(cfg, stops);
  const topology = await startTopology(configuredTopology(cfg, tools, database.url, { split: true, corsOrigins: [], log: say }));
  stops.unshift(['Temporal UI server and the four server processes', () => topology.stop(), 15_000 * topology.processes.length + 5_000]);
  onShutdown(stops);
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const p of topology.processes) say(`  ${p.name.padEnd(20)} pid ${p.process.pid}  log ${p.logFile}`);
  say(`  Temporal gRPC        ${topology.address}  namespace ${cfg.TEMPORAL_NAMESPACE}`);
  say(`  Temporal UI          ${topology.uiUrl}`);
  say(`  database             ${redactUrl(database.url)}`);
  const env = Object.entries(tlsEnv(topology.tls, 'api')).map(([k, v]) => `${k}=${v}`).join(' ');
  say(`Run the product against it (mutual TLS): TEMPORAL_ADDRESS=${topology.address} ${env} DATABASE_URL=<the database above> npm start`);
  say('Ctrl-C stops everything.');
});
