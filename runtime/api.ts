/** API entry point (production): serves HTTP against DATABASE_URL and TEMPORAL_ADDRESS. */
import { buildApp } from '../api/app.js';
import { createApiMetrics } from '../api/metrics.js';
import { loadConfig } from '../platform/config.js';
import { countDecodeFailures, encryptedDataConverter, resolvePayloadKeys } from '../platform/payload-codec.js';
import { startTracing, tracingOptions } from '../platform/tracing.js';
import { apiOptions, configuredTemporalTls, connectClient, onShutdown, prepareDatabase, say, serveApiMetrics } from './bootstrap.js';

const cfg = loadConfig();
if (!cfg.DATABASE_URL) throw new Error('DATABASE_URL is required for the API entry point (npm start runs an embedded database)');
// A span per request, parent of its workflow's, when OTEL_EXPORTER_OTLP_ENDPOINT is set; metrics unless METRICS=false.
const tracing = await startTracing(tracingOptions(cfg, 'hotline-api'));
const metrics = cfg.METRICS ? createApiMetrics() : undefined;
const database = await prepareDatabase(cfg.DATABASE_URL, { migrate: cfg.RUN_MIGRATIONS, seed: cfg.SEED_DEMO_DATA, log: say });
const encrypted = encryptedDataConverter(await resolvePayloadKeys(cfg, say));
const dataConverter = metrics ? countDecodeFailures(encrypted, metrics.payloadDecodeFailure) : encrypted;
const address = cfg.TEMPORAL_ADDRESS ?? `127.0.0.1:${cfg.TEMPORAL_DEV_PORT}`;
const { client, connection } = await connectClient(address, cfg.TEMPORAL_NAMESPACE, dataConverter, await configuredTemporalTls(cfg), tracing);
const app = await buildApp({ client, db: database.db, ...(await apiOptions(cfg)), ...(metrics && { metrics }), ...(tracing && { tracer: tracing.tracer }) });
await app.listen({ host: cfg.API_HOST, port: cfg.API_PORT });
const metricsEndpoint = metrics ? await serveApiMetrics(cfg, metrics, { db: database.db, client }) : undefined;
say(`metrics: ${metricsEndpoint?.url ?? 'off (METRICS=false)'}; traces: ${tracing ? `to ${tracingOptions(cfg, 'hotline-api')!.url}` : 'off (no OTEL_EXPORTER_OTLP_ENDPOINT)'}`);
onShutdown([
  ['API', () => app.close()],
  ['metrics endpoint', () => metricsEndpoint?.close()],
  ['Temporal client', () => connection.close()],
  ['database pool', () => database.close()],
  ['traces (exporting the last spans)', () => tracing?.shutdown()],
]);
