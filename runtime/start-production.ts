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
import { onShutdown, redactUrl, say } from './bootstrap.js';
import { apiBaseUrl, beginStart, sayReady, startOrCleanUp, startRecordDatabase, startWorkerAndApi } from './launch.js';
import { configuredTopology, startTopology } from './temporal-topology.js';
import { ensureProductionTools } from './tools.js';
import { clientTlsOf } from './temporal-tls.js';

const { started, cfg, dataDir, stops } = beginStart();

await startOrCleanUp(stops, async () => {
  if (cfg.TEMPORAL_ADDRESS) throw new Error('start:production starts its own Temporal server; unset TEMPORAL_ADDRESS (npm start uses a running server)');

  // 0. The binaries (built once into the tools folder; 5–8 minutes on the first run)
  const tools = await ensureProductionTools(cfg.HOTLINE_TOOLS_DIR, say);

  // 1. PostgreSQL: the record's server holds Temporal's databases too
  const database = await startRecordDatabase(cfg, stops);

  // 2. Temporal Server and Web UI server
  const corsOrigins = [`http://127.0.0.1:${cfg.API_PORT}`, `http://localhost:${cfg.API_PORT}`];
  const topology = await startTopology(configuredTopology(cfg, tools, database.url, { split: false, corsOrigins, codecEndpoint: `${apiBaseUrl(cfg)}/codec`, log: say }));
  // Stopped before the database: the server must not lose PostgreSQL under it.
  // Each process gets up to 15 s to stop gracefully (stopChild), one after another.
  stops.unshift(['Temporal UI server, then Temporal Server', () => topology.stop(), 15_000 * topology.processes.length + 5_000]);

  // 3. Worker and 4. API
  // The frontend takes only clients with a certificate of the topology's CA: the worker and the API have their own.
  const tls = { worker: await clientTlsOf(topology.tls, 'worker'), api: await clientTlsOf(topology.tls, 'api') };
  const { apiUrl, metrics, traces, steps } = await startWorkerAndApi(cfg, topology.address, database.url, stops, tls);
  onShutdown([...steps, ...stops]);

  sayReady(started, [
    ['API', apiUrl],
    ['API docs', `${apiUrl}/docs`],
    ['Temporal UI', `${topology.uiUrl}  (its HTTP API: ${topology.uiUrl}/api/v1/namespaces/${cfg.TEMPORAL_NAMESPACE}/workflows)`],
    ['Temporal gRPC', `${topology.address}  namespace ${cfg.TEMPORAL_NAMESPACE}  task queue ${cfg.TEMPORAL_TASK_QUEUE}  (mutual TLS)`],
    ['Temporal TLS', `CA and client certificates in ${topology.tls.dir} (the CLI: --tls-ca-path ca.pem --tls-cert-path client-admin.pem --tls-key-path client-admin.key --tls-server-name ${topology.tls.serverName})`],
    ['Temporal logs', path.join(dataDir, 'temporal-production', 'logs')],
    ['metrics', metrics ? `API ${metrics.api}  worker ${metrics.worker}  (Prometheus: ops/prometheus/)` : 'off (METRICS=false)'],
    ['traces', traces ? `OTLP to ${traces}` : 'off (set OTEL_EXPORTER_OTLP_ENDPOINT)'],
    ['database', `${redactUrl(database.url)}  (+ ${cfg.TEMPORAL_DB_NAME}, ${cfg.TEMPORAL_VISIBILITY_DB_NAME} as ${cfg.TEMPORAL_DB_USER})`],
  ]);
});
