/**
 * `npm start`: the whole product on one machine. Starts what is not configured (the Temporal CLI dev server,
 * an embedded PostgreSQL), migrates and seeds, then runs the worker and the API in this process.
 * Ctrl-C drains the worker, closes the API, then stops what it started, in that order.
 * (`npm run start:production`, runtime/start-production.ts, is the same with the production Temporal topology.)
 */
import path from 'node:path';
import { configuredTemporalTls, onShutdown, redactUrl, say } from './bootstrap.js';
import { buildConsole, consoleBuildState } from './console-build.js';
import { apiBaseUrl, beginStart, sayReady, startOrCleanUp, startRecordDatabase, startWorkerAndApi, type Step } from './launch.js';
import { startDevServer } from './temporal-dev-server.js';
import { ensureTemporalCli } from './tools.js';

const { started, cfg, dataDir, stops } = beginStart();

await startOrCleanUp(stops, async () => {
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
      // The Web UI decodes payloads through the API (admins only: see README, "Reading payloads in clear").
      codecEndpoint: `${apiBaseUrl(cfg)}/codec`,
    });
    temporalAddress = server.address;
    uiUrl = server.uiUrl;
    stops.unshift(['Temporal dev server', () => server.stop()]);
  }

  // 2. Database
  const database = await startRecordDatabase(cfg, stops);

  // 3. Worker and 4. API
  // A running server (TEMPORAL_ADDRESS) may require mutual TLS (TEMPORAL_TLS_*): one certificate for both.
  const tls = await configuredTemporalTls(cfg);
  const { apiUrl, metrics, traces, steps } = await startWorkerAndApi(cfg, temporalAddress, database.url, stops, { worker: tls, api: tls });
  // 5. The web console: built in the background when missing or older than its sources (the API serves it when done).
  const consoleState = await consoleBuildState();
  const consoleBuild = consoleState === 'current' ? null : buildConsole();
  onShutdown([...(consoleBuild ? [['console build', () => consoleBuild.cancel()] satisfies Step] : []), ...steps, ...stops]);
  consoleBuild?.done.then(
    () => say(`console: built — ${apiUrl}/console/`),
    (err: unknown) => say(`console: ${err instanceof Error ? err.message : String(err)}`),
  );

  sayReady(started, [
    ['API', apiUrl],
    ['console', `${apiUrl}/console/${consoleBuild ? `  (${consoleState === 'missing' ? 'building' : 'rebuilding'} it now, a few seconds)` : ''}`],
    ['API docs', `${apiUrl}/docs`],
    ['Temporal UI', uiUrl ?? '(external server: see its own UI)'],
    ['Temporal gRPC', `${temporalAddress}  namespace ${cfg.TEMPORAL_NAMESPACE}  task queue ${cfg.TEMPORAL_TASK_QUEUE}`],
    ['metrics', metrics ? `API ${metrics.api}  worker ${metrics.worker}  (Prometheus: ops/prometheus/)` : 'off (METRICS=false)'],
    ['traces', traces ? `OTLP to ${traces}` : 'off (set OTEL_EXPORTER_OTLP_ENDPOINT)'],
    ['database', redactUrl(database.url)],
  ]);
});
