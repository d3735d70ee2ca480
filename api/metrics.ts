/**
 * The API's Prometheus metrics (METRICS, METRICS_API_BIND; what they mean: README "Operating it"; the alerts:
 * ops/prometheus/alerts.yml). Served by a listener of their own, never on the public port.
 *
 * - Requests: one histogram observation per answer, by method, route pattern (never the URL) and status; its
 *   `_count` is the request counter. That observation is all a request pays.
 * - The process: CPU, memory, event-loop delay, GC (prom-client's defaults).
 * - The record's gauges (watchRecord): computed when Prometheus scrapes, at most once per METRICS_GAUGE_TTL however
 *   often it does, from two indexed statements (api/metrics.repository.ts) and one count of Temporal's visibility
 *   store. Counts only; labels from short fixed lists (status, warning level, unit level — the type of unit, never
 *   its id).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from '@temporalio/client';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { UNIT_TYPES } from '../domain/reference.types.js';
import { CaseStatus } from '../workflows/search-attributes.js';
import type { MetricsRepository, NoticeCounts, OpenCaseCount } from './metrics.repository.js';

type RequestLabels = 'method' | 'route' | 'status';

export interface ApiMetrics {
  registry: Registry;
  /** One answered request (api/telemetry.ts): its route pattern (`unmatched` when none) and duration. */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  /** A payload the API's codec could not decode (platform/payload-codec.ts countDecodeFailures). */
  payloadDecodeFailure(): void;
}

export function createApiMetrics(): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Histogram<RequestLabels>({
    name: 'hotline_http_request_duration_seconds',
    help: 'Time to answer an API request, by method, route pattern and status (the _count is the number of requests)',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const decodeFailures = new Counter({
    name: 'hotline_payload_decode_failures_total',
    help: 'Workflow payloads the API could not decode (a key not in PAYLOAD_KEYS, tampering), the codec endpoint included',
    registers: [registry],
  });
  // Each route × status keeps its own series handle: an answer costs a map look-up and an observe.
  const series = new Map<string, Histogram.Internal<RequestLabels>>();
  return {
    registry,
    observeRequest(method, route, status, seconds) {
      const key = `${method} ${status} ${route}`;
      let one = series.get(key);
      if (!one) series.set(key, (one = requests.labels({ method, route, status: String(status) })));
      one.observe(seconds);
    },
    payloadDecodeFailure: () => decodeFailures.inc(),
  };
}

export interface RecordSources {
  repository: MetricsRepository;
  /** The API's Temporal client, for the count of case workflows still open (null: not counted). */
  client: Client | null;
  taskQueue: string;
  /** How long a computed set of gauges is served before the next scrape computes it again (METRICS_GAUGE_TTL). */
  ttlMs: number;
  /** Each source gets this long per refresh (default 5 s); past it, the scrape serves the last values. */
  timeoutMs?: number;
  log?: (err: unknown, source: string) => void;
}

/**
 * Loads at most once per `ttlMs` (concurrent scrapes share one load); a failed or slow load keeps the last values
 * and is counted.
 */
function cached<T>(ttlMs: number, timeoutMs: number, load: () => Promise<T>, failed: (err: unknown) => void): () => Promise<T | undefined> {
  let value: T | undefined;
  let at = -Infinity;
  let loading: Promise<void> | undefined;
  return async () => {
    if (Date.now() - at < ttlMs) return value;
    loading ??= (async () => {
      let timer: NodeJS.Timeout | undefined;
      try {
        const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)));
        value = await Promise.race([load(), late]);
      } catch (err) {
        failed(err);
      } finally {
        clearTimeout(timer);
        at = Date.now();
        loading = undefined;
      }
    })();
    await loading;
    return value;
  };
}

/** The query that counts the case workflows whose case is not closed (visibility; the case status search attribute). */
export function openWorkflowsQuery(taskQueue: string): string {
  const queue = /^[\w.:/-]+$/.test(taskQueue) ? ` AND TaskQueue = '${taskQueue}'` : '';
  return `WorkflowType = 'caseWorkflow' AND ExecutionStatus = 'Running'${queue} AND ${CaseStatus.name} != 'closed'`;
}

/** Registers the record's gauges (see the top of this file) in the metrics' registry. */
export function watchRecord(metrics: ApiMetrics, src: RecordSources): void {
  const registers = [metrics.registry];
  const timeoutMs = src.timeoutMs ?? 5_000;
  const failures = new Counter<'source'>({
    name: 'hotline_gauge_refresh_failures_total',
    help: 'Refreshes of the record gauges that failed or took too long (the gauges keep their last values), by source',
    labelNames: ['source'],
    registers,
  });
  const failed = (source: string) => (err: unknown) => {
    failures.inc({ source });
    src.log?.(err, source);
  };
  const cases = cached<OpenCaseCount[]>(src.ttlMs, timeoutMs, () => src.repository.openCases(), failed('cases'));
  const notices = cached<NoticeCounts>(src.ttlMs, timeoutMs, () => src.repository.notices(), failed('notifications'));
  const client = src.client;
  const workflows = client
    ? cached<number>(src.ttlMs, timeoutMs, async () => (await client.workflow.count(openWorkflowsQuery(src.taskQueue))).count, failed('temporal'))
    : async () => undefined;

  new Gauge<'status' | 'warning_level' | 'unit_level'>({
    name: 'hotline_cases_open',
    help: 'Cases not closed, in the record, by status, warning level and the level of the unit that has them (none: not dispatched)',
    labelNames: ['status', 'warning_level', 'unit_level'],
    registers,
    async collect() {
      const rows = await cases();
      if (!rows) return;
      this.reset();
      for (const r of rows) this.set({ status: r.status, warning_level: r.warningLevel, unit_level: r.unitLevel }, r.open);
    },
  });
  new Gauge<'unit_level'>({
    name: 'hotline_cases_overdue',
    help: 'Open cases with a running clock past its deadline, by the level of the unit that has them',
    labelNames: ['unit_level'],
    registers,
    async collect() {
      const rows = await cases();
      if (!rows) return;
      // Every level always has a series (0 when none), so a surge is a change, never a series appearing.
      const byLevel = new Map<string, number>([...UNIT_TYPES, 'none'].map((l) => [l, 0]));
      for (const r of rows) byLevel.set(r.unitLevel, (byLevel.get(r.unitLevel) ?? 0) + r.overdue);
      for (const [unit_level, n] of byLevel) this.set({ unit_level }, n);
    },
  });
  const notice = (name: string, help: string, pick: (n: NoticeCounts) => number) =>
    new Gauge({
      name,
      help,
      registers,
      async collect() {
        const n = await notices();
        if (n) this.set(pick(n));
      },
    });
  notice('hotline_notifications_pending', 'Notices neither delivered nor given up (the outbox backlog)', (n) => n.pending);
  notice('hotline_notifications_due', 'Pending notices due now that no deliverer is sending', (n) => n.due);
  notice('hotline_notifications_retrying', 'Pending notices that failed at least once and wait for another attempt', (n) => n.retrying);
  notice('hotline_notifications_oldest_due_seconds', 'How long the oldest due notice has waited, in seconds (0: none waits)', (n) => n.oldestDueSeconds);
  notice('hotline_notifications_failed', 'Notices given up (all time): attempts exhausted, refused for good, or nobody to send them to', (n) => n.failed);
  new Gauge({
    name: 'hotline_case_workflows_open',
    help: "Case workflows running whose case is not closed, per Temporal's visibility store (this API's task queue)",
    registers,
    async collect() {
      const n = await workflows();
      if (n !== undefined) this.set(n);
    },
  });
  new Gauge({
    name: 'hotline_projection_drift_cases',
    help: 'Case workflows open per Temporal minus cases open per the record: a few while cases move, lasting when the record falls behind (positive) or a workflow is gone (negative)',
    registers,
    async collect() {
      const [n, rows] = await Promise.all([workflows(), cases()]);
      if (n === undefined || !rows) return;
      this.set(n - rows.reduce((sum, r) => sum + r.open, 0));
    },
  });
}

/** Serves the registry at `/metrics` on its own listener (METRICS_API_BIND). */
export async function serveMetrics(metrics: ApiMetrics, host: string, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: metrics are at /metrics\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (err: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${err instanceof Error ? err.message : String(err)}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const bound = server.address() as AddressInfo;
  const shown = bound.address.includes(':') ? `[${bound.address}]` : bound.address;
  return {
    url: `http://${shown === '0.0.0.0' ? '127.0.0.1' : shown === '[::]' ? '[::1]' : shown}:${bound.port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Prometheus keeps its connection open between scrapes.
        server.closeAllConnections();
      }),
  };
}
