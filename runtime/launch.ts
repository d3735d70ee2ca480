/**
 * What both all-in-one starts share (`npm start`, runtime/start.ts, and `npm run start:production`,
 * runtime/start-production.ts): the record database (DATABASE_URL or the embedded one), the worker and the API
 * in this process, the ready banner, and the clean-up when start-up fails half-way.
 */
import path from 'node:path';
import { buildApp } from '../api/app.js';
import { createConfiguredCaseWorker, createConfiguredDeliverer } from './case-worker.js';
import { caseCodeSecretOf, loadConfig, type Config } from '../platform/config.js';
import { apiOptions, connectClient, connectWorker, installTemporalRuntime, metricsUrl, prepareDatabase, redactUrl, runSteps, say, serveApiMetrics, type ShutdownStep } from './bootstrap.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-db.js';
import { countDecodeFailures, encryptedDataConverter, resolvePayloadKeys } from '../platform/payload-codec.js';
import { startTracing, tracingOptions } from '../platform/tracing.js';
import { createApiMetrics } from '../api/metrics.js';
import { workerMetrics } from './worker-metrics.js';
import { resolveActionKeys, workerDataConverter } from '../platform/action-assertion.js';
import type { ClientTls } from './temporal-tls.js';
import { bootAssessmentSchedule } from './assessment-schedule.js';
import { bootReportSchedules } from './report-schedules.js';

/** A shutdown step: what it stops, how, and optionally its own time bound. Lists of them run in order (runSteps). */
export type Step = ShutdownStep;

/**
 * The opening of both all-in-one starts: the clock for the ready banner, the configuration (a bad value stops
 * here), the data folder, an empty list of shutdown steps, and the SDK's logger at LOG_LEVEL.
 */
export function beginStart(): { started: number; cfg: Config; dataDir: string; stops: Step[] } {
  const started = Date.now();
  const cfg = loadConfig();
  installTemporalRuntime(cfg);
  return { started, cfg, dataDir: path.resolve(cfg.HOTLINE_DATA_DIR), stops: [] };
}

/** DATABASE_URL, or the embedded PostgreSQL started under the data folder (its stop goes first into `stops`). */
export async function startRecordDatabase(cfg: Config, stops: Step[]): Promise<{ url: string; embedded: EmbeddedDatabase | null }> {
  if (cfg.DATABASE_URL) {
    say(`database: using ${redactUrl(cfg.DATABASE_URL)} (DATABASE_URL)`);
    return { url: cfg.DATABASE_URL, embedded: null };
  }
  const dataDir = path.resolve(cfg.HOTLINE_DATA_DIR);
  say(`database: starting the embedded PostgreSQL in ${path.join(dataDir, 'postgres')}…`);
  const embedded = await startEmbeddedDatabase(dataDir, cfg.EMBEDDED_PG_PORT, { log: say });
  stops.unshift(['embedded PostgreSQL', () => embedded.stop()]);
  return { url: embedded.url, embedded };
}

/**
 * Migrates and seeds the record, then runs the worker and the API in this process. Returns the API's URL, the
 * metrics endpoints (null with METRICS=false) and the steps that stop them (worker drained first), to run before
 * `stops`.
 */
export async function startWorkerAndApi(
  cfg: Config,
  temporalAddress: string,
  databaseUrl: string,
  stops: Step[],
  /** Mutual TLS to Temporal: the worker's and the API's client certificates (npm start: TEMPORAL_TLS_* for both). */
  tls: { worker?: ClientTls | undefined; api?: ClientTls | undefined } = {},
): Promise<{ apiUrl: string; metrics: { api: string; worker: string } | null; traces: string | null; steps: Step[] }> {
  say('database: applying migrations…');
  const database = await prepareDatabase(databaseUrl, { migrate: cfg.RUN_MIGRATIONS, seed: cfg.SEED_DEMO_DATA, log: say });
  stops.unshift(['database pool', () => database.close()]);
  // One tracer provider for the worker and the API of this process (OTEL_*), exported last of all.
  const traced = tracingOptions(cfg, 'hotline');
  const tracing = await startTracing(traced);
  if (tracing) stops.push(['traces (exporting the last spans)', () => tracing.shutdown()]);
  const apiMetrics = cfg.METRICS ? createApiMetrics() : undefined;
  const ownMetrics = workerMetrics();

  const payloadKeys = await resolvePayloadKeys(cfg, say);
  const dataConverter = encryptedDataConverter(payloadKeys);
  say('worker: bundling workflows and connecting…');
  const workerConnection = await connectWorker(temporalAddress, tls.worker);
  // The worker also checks the API's proof on every action (the API signs with the same ACTION_ASSERTION_KEYS).
  const workerConverter = countDecodeFailures(workerDataConverter(payloadKeys, await resolveActionKeys(cfg, say)), () => ownMetrics.payloadDecodeFailures.add(1));
  const worker = await createConfiguredCaseWorker(cfg, { connection: workerConnection, db: database.db, dataConverter: workerConverter, tracing, metrics: ownMetrics });
  const running = worker.run();
  running.catch((err) => {
    say(`worker stopped with an error: ${err instanceof Error ? err.message : String(err)}`);
    process.kill(process.pid, 'SIGTERM');
  });
  // The assessment's nightly reconciliation, as configured (ASSESSMENT_RECONCILE*).
  await bootAssessmentSchedule(cfg, { connection: workerConnection, db: database.db, dataConverter, log: say });
  // The daily notice, weekly summary and monthly report, as configured (REPORT*).
  await bootReportSchedules(cfg, { connection: workerConnection, db: database.db, dataConverter, log: say });
  // The outbox the workflows write (NOTIFY_CHANNEL, default log: one masked line per notice); the acceptance notice
  // carries the complainant's verification code, from the same secret the API checks codes with.
  const deliverer = createConfiguredDeliverer(cfg, { db: database.db, caseCodeSecret: await caseCodeSecretOf(cfg, say) });
  deliverer.start();
  stops.unshift(['notification deliverer', () => deliverer.stop()]);

  const apiConverter = apiMetrics ? countDecodeFailures(dataConverter, apiMetrics.payloadDecodeFailure) : dataConverter;
  const { client, connection } = await connectClient(temporalAddress, cfg.TEMPORAL_NAMESPACE, apiConverter, tls.api, tracing);
  const app = await buildApp({ client, db: database.db, ...(await apiOptions(cfg)), ...(apiMetrics && { metrics: apiMetrics }), ...(tracing && { tracer: tracing.tracer }) });
  await app.listen({ host: cfg.API_HOST, port: cfg.API_PORT });
  const metricsEndpoint = apiMetrics ? await serveApiMetrics(cfg, apiMetrics, { db: database.db, client }) : undefined;
  const apiUrl = apiBaseUrl(cfg);
  return {
    apiUrl,
    metrics: metricsEndpoint ? { api: metricsEndpoint.url, worker: metricsUrl(cfg.METRICS_WORKER_BIND) } : null,
    traces: traced?.url ?? null,
    steps: [
      // In-flight activities get the worker's shutdownGraceTime (10 s, runtime/case-worker.ts), then are cancelled.
      ['worker (draining in-flight tasks)', async () => (worker.shutdown(), await running.catch(() => {})), 15_000],
      ['API', () => app.close()],
      ['metrics endpoint', () => metricsEndpoint?.close()],
      ['Temporal connections', async () => (await connection.close(), await workerConnection.close())],
    ],
  };
}

/** Where the API answers on this machine (a wildcard bind is reached through the loopback address). */
export function apiBaseUrl(cfg: Config): string {
  const host = cfg.API_HOST === '0.0.0.0' || cfg.API_HOST === '::' ? '127.0.0.1' : cfg.API_HOST;
  return `http://${host}:${cfg.API_PORT}`;
}

/** The ready banner: one aligned line per entry. */
export function sayReady(started: number, lines: Array<[label: string, value: string]>): void {
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const [label, value] of lines) say(`  ${label.padEnd(14)} ${value}`);
  say('Ctrl-C stops everything.');
}

/** Runs a start-up; if it fails, stops what it had started (in `stops` order, each step bounded) and exits 1. */
export async function startOrCleanUp(stops: Step[], body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    say(`start-up failed: ${err instanceof Error ? err.message : String(err)}`);
    await runSteps(stops);
    process.exit(1);
  }
}
