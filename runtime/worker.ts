/**
 * Worker entry point (production): runs case workflows and activities on TEMPORAL_TASK_QUEUE, and delivers notices
 * unless NOTIFY_DELIVERY=separate (then runtime/deliverer.ts does).
 */
import { createConfiguredCaseWorker, createConfiguredDeliverer } from './case-worker.js';
import { caseCodeSecretOf, loadConfig } from '../platform/config.js';
import { countDecodeFailures, encryptedDataConverter, resolvePayloadKeys } from '../platform/payload-codec.js';
import { resolveActionKeys, workerDataConverter } from '../platform/action-assertion.js';
import { startTracing, tracingOptions } from '../platform/tracing.js';
import { configuredTemporalTls, connectWorker, installTemporalRuntime, metricsUrl, onShutdown, prepareDatabase, say } from './bootstrap.js';
import { createDatabase } from '../db/client.js';
import { DELIVERER_POOL_SIZE, WORKER_POOL_SIZE } from './case-worker.js';
import { workerMetrics } from './worker-metrics.js';
import { bootAssessmentSchedule } from './assessment-schedule.js';
import { bootReportSchedules } from './report-schedules.js';

const cfg = loadConfig();
if (!cfg.DATABASE_URL) throw new Error('DATABASE_URL is required for the worker entry point (npm start runs an embedded database)');
// Before anything of the SDK: its logger, and its Prometheus exporter (METRICS_WORKER_BIND).
installTemporalRuntime(cfg);
// Spans of the activities and of the workflows' handlers, when OTEL_EXPORTER_OTLP_ENDPOINT is set.
const tracing = await startTracing(tracingOptions(cfg, 'hotline-worker'));
const metrics = workerMetrics();
// Decrypts payloads, then checks the API's proof on every action (ACTION_ASSERTION_KEYS, the API's list).
const payloadKeys = await resolvePayloadKeys(cfg, say);
const dataConverter = countDecodeFailures(workerDataConverter(payloadKeys, await resolveActionKeys(cfg, say)), () => metrics.payloadDecodeFailures.add(1));
// The projection's local activities hold a workflow task open while they write: a herd of warnings falling due
// together needs more connections than the default 10 (bench:deadlines).
const database = await prepareDatabase(cfg.DATABASE_URL, { migrate: cfg.RUN_MIGRATIONS, seed: false, log: say, poolSize: WORKER_POOL_SIZE });
// The deliverer has a pool of its own, so sending a burst of notices never takes connections the projection waits for.
const deliveryDatabase = cfg.NOTIFY_DELIVERY === 'worker' ? createDatabase(cfg.DATABASE_URL, { max: DELIVERER_POOL_SIZE }) : null;
const connection = await connectWorker(cfg.TEMPORAL_ADDRESS ?? `127.0.0.1:${cfg.TEMPORAL_DEV_PORT}`, await configuredTemporalTls(cfg));
const worker = await createConfiguredCaseWorker(cfg, { connection, db: database.db, dataConverter, tracing, metrics });
const running = worker.run();
// The assessment's nightly reconciliation, as configured (ASSESSMENT_RECONCILE*).
await bootAssessmentSchedule(cfg, { connection, db: database.db, dataConverter: encryptedDataConverter(payloadKeys), log: say });
// The daily notice, weekly summary and monthly report, as configured (REPORT*).
await bootReportSchedules(cfg, { connection, db: database.db, dataConverter: encryptedDataConverter(payloadKeys), log: say });
// The acceptance notice carries the complainant's verification code: the API's CASE_CODE_SECRET.
const deliverer = deliveryDatabase && createConfiguredDeliverer(cfg, { db: deliveryDatabase.db, caseCodeSecret: await caseCodeSecretOf(cfg, say) });
deliverer?.start();
say(
  `worker polling task queue ${cfg.TEMPORAL_TASK_QUEUE} on namespace ${cfg.TEMPORAL_NAMESPACE}; ` +
    (deliverer ? `notices through the ${cfg.NOTIFY_CHANNEL} channel` : 'notices delivered by runtime/deliverer.ts (NOTIFY_DELIVERY=separate)'),
);
say(`metrics: ${cfg.METRICS ? metricsUrl(cfg.METRICS_WORKER_BIND) : 'off (METRICS=false)'}; traces: ${tracing ? `to ${tracingOptions(cfg, 'hotline-worker')!.url}` : 'off (no OTEL_EXPORTER_OTLP_ENDPOINT)'}`);
onShutdown([
  // In-flight activities get the worker's shutdownGraceTime (10 s, runtime/case-worker.ts), then are cancelled.
  ['worker (draining)', async () => (worker.shutdown(), await running), 15_000],
  ['notification deliverer (finishing sends)', async () => deliverer?.stop()],
  ['Temporal connection', () => connection.close()],
  ['database pools', async () => (await deliveryDatabase?.close(), await database.close())],
  ['traces (exporting the last spans)', () => tracing?.shutdown()],
]);
