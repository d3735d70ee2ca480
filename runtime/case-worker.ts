/** Builds the case worker from explicit dependencies; the worker entry point, `npm start` and tests share it. */
import { fileURLToPath } from 'node:url';
import type { DataConverter } from '@temporalio/common';
import { bundleWorkflowCode, NativeConnection, Worker, type Logger } from '@temporalio/worker';
import pino from 'pino';
import { createActivities } from '../activities/case.activities.js';
import { createAssessmentActivities } from '../activities/assessment.activities.js';
import { createAnalysisWatchActivities } from '../activities/analysis-watch.activities.js';
import { createReportActivities, type ReportActivityDeps } from '../activities/report.activities.js';
import type { Database } from '../db/client.js';
import { createChannel, type NotificationLogger } from '../notifications/channels.js';
import { createNotificationDeliverer, type NotificationDeliverer } from '../notifications/deliverer.js';
import type { Config } from '../platform/config.js';
import { loggerOptions } from '../platform/logger.js';
import { activityInterceptors, workflowSinks } from '../platform/temporal-interceptors.js';
import type { Tracing } from '../platform/tracing.js';
import { workerMetrics, type WorkerMetrics } from './worker-metrics.js';

export interface CaseWorkerDeps {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Database;
  /**
   * Decrypts payloads (PAYLOAD_KEYS, as the API's client) and checks the API's proof on actions: build it with
   * workerDataConverter (platform/action-assertion.ts).
   */
  dataConverter: DataConverter;
  /** A pre-built bundle (production); without it the workflows are bundled at start. */
  workflowBundlePath?: string;
  maxConcurrentActivityTaskExecutions?: number;
  /** How many workflows the sticky cache holds (cacheSizeFor); the SDK's default (sized from the heap) when absent. */
  maxCachedWorkflows?: number;
  /** Keep the assessment's counters in the projection (default true; ASSESSMENT_COUNTERS). */
  assessmentCounters?: boolean;
  /** The reports' scopes, recipients and link base (REPORT_*); defaults: the city, its principal leader, the local API. */
  reports?: Omit<ReportActivityDeps, 'db'>;
  /** Tracing (OTEL_*): activities run in RunActivity spans and the workflows' spans are exported; default none. */
  tracing?: Tracing | undefined;
  /** The worker's own metrics (workerMetrics); default: the SDK runtime's meter (a no-op without METRICS). */
  metrics?: WorkerMetrics;
}

/**
 * The sticky cache's size from a memory budget: budget ÷ the cost of one cached case, at least the workflow task
 * slots (a task in progress holds its workflow in the cache).
 */
export function cacheSizeFor(budgetMiB: number, cachedCaseKiB: number): number {
  return Math.max(WORKFLOW_TASK_SLOTS, Math.floor((budgetMiB * 1024) / cachedCaseKiB));
}

const SOURCE = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
/** Source of the workflows for on-the-fly bundling: .ts under tsx and tests, .js when compiled. */
export const WORKFLOWS_PATH = fileURLToPath(new URL(`../workflows/index${SOURCE}`, import.meta.url));
/** The workflow interceptors every bundle of the case workflows carries (request ids, tracing): workflows/interceptors.ts. */
export const WORKFLOW_INTERCEPTOR_MODULES = [fileURLToPath(new URL(`../workflows/interceptors${SOURCE}`, import.meta.url))];

/** The case workflows' bundle as a production worker loads it (npm run build, the tests, the benches). */
export async function bundleCaseWorkflows(logger?: Logger): Promise<string> {
  const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES, ...(logger && { logger }) });
  return code;
}

/** Workflow task slots of the case worker, and its database pools (see runtime/worker.ts). */
export const WORKFLOW_TASK_SLOTS = 100;
export const WORKER_POOL_SIZE = 20;
export const DELIVERER_POOL_SIZE = 4;

export async function createCaseWorker(deps: CaseWorkerDeps): Promise<Worker> {
  const metrics = deps.metrics ?? workerMetrics();
  return Worker.create({
    connection: deps.connection,
    namespace: deps.namespace,
    taskQueue: deps.taskQueue,
    // The cases' projection, the assessment's scheduled reconciliation (runtime/assessment-schedule.ts), the reports and
    // the analysis watch (runtime/report-schedules.ts).
    activities: {
      ...createActivities({ db: deps.db, counters: deps.assessmentCounters ?? true, projectionLag: metrics.projectionLag }),
      ...createAssessmentActivities({ db: deps.db }),
      ...createReportActivities({ db: deps.db, ...deps.reports }),
      ...createAnalysisWatchActivities({ db: deps.db, ...(deps.reports?.linkBase && { linkBase: deps.reports.linkBase }) }),
    },
    dataConverter: deps.dataConverter,
    // A pre-built bundle carries the workflow interceptors (bundleCaseWorkflows); bundled here, they are named.
    ...(deps.workflowBundlePath ? { workflowBundle: { codePath: deps.workflowBundlePath } } : { workflowsPath: WORKFLOWS_PATH }),
    interceptors: {
      activity: activityInterceptors(deps.tracing),
      ...(!deps.workflowBundlePath && { workflowModules: WORKFLOW_INTERCEPTOR_MODULES }),
    },
    sinks: workflowSinks(deps.tracing),
    maxConcurrentActivityTaskExecutions: deps.maxConcurrentActivityTaskExecutions ?? 50,
    ...(deps.maxCachedWorkflows !== undefined && { maxCachedWorkflows: deps.maxCachedWorkflows }),
    // A workflow task that writes its record waits for its local activity: more slots than the SDK's 40, so a
    // herd of timers firing together is not queued behind the database (bench:deadlines).
    maxConcurrentWorkflowTaskExecutions: WORKFLOW_TASK_SLOTS,
    maxConcurrentLocalActivityExecutions: WORKFLOW_TASK_SLOTS,
    shutdownGraceTime: '10 seconds',
  });
}

/** The case worker as configured (namespace, task queue, pre-built bundle): the worker entry point and `npm start`. */
export function createConfiguredCaseWorker(
  cfg: Pick<
    Config,
    'TEMPORAL_NAMESPACE' | 'TEMPORAL_TASK_QUEUE' | 'WORKFLOW_BUNDLE_PATH' | 'WORKER_CACHE_BUDGET_MIB' | 'WORKER_CACHED_CASE_KIB' | 'ASSESSMENT_COUNTERS' | 'REPORT_SCOPES' | 'REPORT_RECIPIENTS' | 'REPORT_LINK_BASE' | 'API_HOST' | 'API_PORT'
  >,
  deps: Pick<CaseWorkerDeps, 'connection' | 'db' | 'dataConverter' | 'tracing' | 'metrics'>,
): Promise<Worker> {
  return createCaseWorker({
    ...deps,
    namespace: cfg.TEMPORAL_NAMESPACE,
    taskQueue: cfg.TEMPORAL_TASK_QUEUE,
    maxCachedWorkflows: cacheSizeFor(cfg.WORKER_CACHE_BUDGET_MIB, cfg.WORKER_CACHED_CASE_KIB),
    assessmentCounters: cfg.ASSESSMENT_COUNTERS,
    reports: { scopes: cfg.REPORT_SCOPES, recipients: cfg.REPORT_RECIPIENTS, linkBase: reportLinkBase(cfg) },
    ...(cfg.WORKFLOW_BUNDLE_PATH && { workflowBundlePath: cfg.WORKFLOW_BUNDLE_PATH }),
  });
}

/** REPORT_LINK_BASE, or the API on this machine (a wildcard bind is reached through the loopback address). */
export function reportLinkBase(cfg: Pick<Config, 'REPORT_LINK_BASE' | 'API_HOST' | 'API_PORT'>): string {
  if (cfg.REPORT_LINK_BASE) return cfg.REPORT_LINK_BASE;
  const host = cfg.API_HOST === '0.0.0.0' || cfg.API_HOST === '::' ? '127.0.0.1' : cfg.API_HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${cfg.API_PORT}`;
}

/**
 * The notification deliverer as configured (NOTIFY_*): it runs in the worker process, beside the case worker,
 * and delivers the outbox the workflows write. Not started: the caller starts and stops it. `caseCodeSecret` is the
 * API's CASE_CODE_SECRET (platform/config.ts caseCodeSecretOf): the acceptance notice carries the complainant's
 * verification code, derived from it at send time.
 */
export function createConfiguredDeliverer(
  cfg: Pick<Config, 'LOG_LEVEL' | 'NOTIFY_CHANNEL' | 'NOTIFY_WEBHOOK_URL' | 'NOTIFY_WEBHOOK_SECRET' | 'NOTIFY_POLL_MS' | 'NOTIFY_BATCH' | 'NOTIFY_MAX_ATTEMPTS'>,
  deps: { db: Database; caseCodeSecret: Buffer; logger?: NotificationLogger },
): NotificationDeliverer {
  const logger = deps.logger ?? pino(loggerOptions(cfg.LOG_LEVEL)).child({ component: 'notifications' });
  return createNotificationDeliverer({
    db: deps.db,
    channel: createChannel({ channel: cfg.NOTIFY_CHANNEL, webhookUrl: cfg.NOTIFY_WEBHOOK_URL, webhookSecret: cfg.NOTIFY_WEBHOOK_SECRET }, logger),
    logger,
    pollMs: cfg.NOTIFY_POLL_MS,
    batchSize: cfg.NOTIFY_BATCH,
    maxAttempts: cfg.NOTIFY_MAX_ATTEMPTS,
    caseCodeSecret: deps.caseCodeSecret,
  });
}
