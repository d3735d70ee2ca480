/**
 * What a bench run stands on, shared by `npm run bench` (bench/bench.ts) and `npm run bench:deadlines`
 * (bench/deadlines.ts): the run's identity and secrets, its own database on the local PostgreSQL (migrated and
 * seeded with the demo city), a Temporal server (a headless in-memory dev server, the production topology, or the
 * server TEMPORAL_ADDRESS names), the case workflow bundle, and the product's worker and API as child processes
 * (`node --import tsx runtime/worker.ts` / `runtime/api.ts`, so each pid is the node process whose RSS is read).
 * Everything it starts is registered with the run's cleanup list, which runs on exit, error or Ctrl-C
 * (bench/processes.ts runBench).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import pg from 'pg';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger } from '@temporalio/worker';
import { createDatabase, type DatabaseHandle } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { seedReferenceData } from '../db/seed.js';
import { DEV_PRINCIPALS, type DevPrincipal } from '../runtime/auth-cli.js';
import { generateAuthKeys, mintToken, type AuthKeys } from '../platform/auth-keys.js';
import { formatDuration } from '../platform/duration.js';
import { formatActionKeys, generateActionKey } from '../platform/action-assertion.js';
import { clientTlsOf, sdkTls, tlsEnv, type TemporalTlsFiles } from '../runtime/temporal-tls.js';
import { bundleCaseWorkflows as bundleWithInterceptors } from '../runtime/case-worker.js';
import { formatPayloadKeys, generatePayloadKey } from '../platform/payload-codec.js';
import { startDevServer } from '../runtime/temporal-dev-server.js';
import { startEphemeralTopology, type TopologyName } from '../runtime/temporal-ephemeral.js';
import { ensureProductionTools, ensureTemporalCli } from '../runtime/tools.js';
import { httpClient, type HttpClient } from './load.js';
import { Cleanup, commOf, freePort, isNodeProcess, progress, ROOT, sleep, spawnNodeEntry, waitForHttp, type NodeChild, type RunState } from './processes.js';

export const NAMESPACE = 'default';

/** The PostgreSQL server the run creates its databases on: BENCH_DATABASE_URL, default the local one. */
const adminDatabaseUrl = () => process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** One run: its id (in every name it creates), its secrets, what it undoes at the end, whether it is stopping. */
export class BenchRun {
  readonly id = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  /** The product's worker and API encrypt payloads as in production: one random key for this run, passed by env. */
  readonly payloadKey = generatePayloadKey(`bench-${this.id}`);
  readonly payloadKeys = formatPayloadKeys([this.payloadKey]);
  /** The API (child and in-process service) signs actions with this run's key; the worker child verifies with it. */
  readonly actionKey = generateActionKey(`bench-${this.id}`);
  readonly actionKeys = formatActionKeys([this.actionKey]);
  /** The API verifies tokens with this run's own keys (passed by env); the bench signs with the same. */
  readonly authKeys = generateAuthKeys(`bench-${this.id}`);
  /** For the API child: the keys above, and a rate limit no run reaches (per credential; a run's loops share one). */
  readonly authEnv: Record<string, string> = { ...authEnv(this.authKeys), RATE_LIMIT_PER_MINUTE: '10000000' };
  readonly cleanup = new Cleanup();
  /** Stopping (a signal, a failure, or done) and failed: read by the benches' loops; set by runBench. */
  readonly state: RunState = { stopping: false, failed: false };
  /** Keep the bench database and the logs at the end (--keep). */
  readonly keep: boolean;

  constructor(keep: boolean) {
    this.keep = keep;
  }

  /** `Authorization: Bearer …` for a person of the demo city, signed with this run's key. */
  bearer(key: string): Record<string, string> {
    return bearerFor(this.authKeys, key);
  }

  /**
   * `Authorization: Bearer …` for someone who is not among the demo city's development principals (a handler of
   * another street office, say), signed with this run's key: the API takes the role and unit from the token.
   */
  bearerAs(p: Pick<DevPrincipal, 'sub' | 'role' | 'unit' | 'name'>): Record<string, string> {
    return bearerOf(this.authKeys, p);
  }
}

/** A URL for `database` on BENCH_DATABASE_URL's server, as its user (the production topology's databases, say). */
export const benchServerUrl = (database: string) => withDatabase(adminDatabaseUrl(), database);

function withDatabase(adminUrl: string, database: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A fresh database named hotline_bench_<timestamp>_<random>; dropped by the returned function. */
async function createBenchDatabase(adminUrl: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const name = `hotline_bench_${stamp}_${randomBytes(3).toString('hex')}`;
  await adminQuery(adminUrl, `create database "${name}"`);
  return { name, url: withDatabase(adminUrl, name), drop: () => adminQuery(adminUrl, `drop database if exists "${name}" with (force)`) };
}

/**
 * The run's own database on BENCH_DATABASE_URL's server (default the local PostgreSQL), migrated and seeded with
 * the demo city; dropped at the end unless kept.
 */
export async function prepareBenchDatabase(cleanup: Cleanup, keep: boolean): Promise<{ dbUrl: string; database: DatabaseHandle }> {
  const adminUrl = adminDatabaseUrl();
  progress(`creating, migrating and seeding the bench database on ${adminUrl.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')}…`);
  const db = await createBenchDatabase(adminUrl);
  cleanup.add(`database ${db.name}`, async () => {
    if (keep) progress(`kept database ${db.name} (${db.url})`);
    else await db.drop();
  });
  const database = createDatabase(db.url);
  cleanup.add('bench database pool', () => database.close());
  await runMigrations(database.db);
  await seedReferenceData(database.db);
  if (process.env.BENCH_WITHOUT_LIVE_TRIGGER === '1') {
    // A diagnostic: the live lists' NOTIFY triggers (migration 0012) off, to weigh what they cost the lifecycle.
    progress('BENCH_WITHOUT_LIVE_TRIGGER=1: the cases table\'s NOTIFY triggers are disabled in this run');
    await database.pool.query('alter table cases disable trigger cases_notify_insert, disable trigger cases_notify_update');
  }
  return { dbUrl: db.url, database };
}

/** A person of the demo city (runtime/auth-cli.ts DEV_PRINCIPALS), by their key in dev-tokens.json. */
export function person(key: string): DevPrincipal {
  const found = DEV_PRINCIPALS.find((p) => p.key === key);
  if (!found) throw new Error(`no development principal "${key}"`);
  return found;
}

/**
 * What the run's API child verifies tokens with: its keys, the issuer and audience it accepts and the longest
 * lifetime (all from `keys`, so the tokens of bearerFor are the ones it accepts).
 */
export function authEnv(keys: AuthKeys): Record<string, string> {
  return {
    AUTH_JWT_KEYS: keys.jwtKeys.map((k) => `${k.kid}:${(k.key as Buffer).toString('base64')}`).join(','),
    CASE_CODE_SECRET: keys.caseCodeSecret.toString('base64'),
    AUTH_JWT_ISSUERS: keys.issuers.join(','),
    AUTH_JWT_AUDIENCE: keys.audience,
    AUTH_JWT_MAX_LIFETIME: formatDuration(keys.maxLifetimeSeconds),
  };
}

/** `Authorization: Bearer …` for that person, signed with the run's key, valid as long as the cap allows (longer than any run). */
export function bearerFor(keys: AuthKeys, key: string): Record<string, string> {
  return bearerOf(keys, person(key));
}

function bearerOf(keys: AuthKeys, p: Pick<DevPrincipal, 'sub' | 'role' | 'unit' | 'name'>): Record<string, string> {
  return { authorization: `Bearer ${mintToken(keys, { sub: p.sub, roles: [p.role], unit: p.unit, name: p.name }, keys.maxLifetimeSeconds)}` };
}

/** What every bench run stands on: the Temporal server, its own database, the case workflow bundle, its logs. */
export interface BenchEnv {
  address: string;
  temporalVersion: string;
  /** The Temporal server process's pid (for its CPU time); undefined with TEMPORAL_ADDRESS. */
  serverPid: number | undefined;
  dbUrl: string;
  database: DatabaseHandle;
  bundlePath: string;
  logDir: string;
  client: Client;
  /** The production topology's mutual TLS (its frontend takes only clients with a certificate of its CA). */
  tls: TemporalTlsFiles | undefined;
  /** The production topology's databases on BENCH_DATABASE_URL's server and its history shards; undefined otherwise. */
  temporalDatabases: { temporal: string; visibility: string; historyShards: number } | undefined;
}

/**
 * Prepares what a run stands on, side by side: its database, the Temporal server of `topology` (or the one
 * TEMPORAL_ADDRESS names) with a client, and the case workflow bundle, in a log folder of its own
 * (`hotline-<name>-<run id>-…` in the temporary folder; removed at the end unless kept or the run failed).
 */
export async function startBenchEnv(run: BenchRun, o: { name: string; topology: TopologyName; historyShards?: number }): Promise<BenchEnv> {
  const logDir = await mkdtemp(path.join(os.tmpdir(), `hotline-${o.name}-${run.id}-`));
  run.cleanup.add('logs', async () => {
    if (run.keep || run.state.failed) progress(`logs kept in ${logDir}`);
    else await rm(logDir, { recursive: true, force: true });
  });
  const [db, temporal, bundlePath] = await Promise.all([prepareBenchDatabase(run.cleanup, run.keep), startTemporal(run.cleanup, o.topology, logDir, o.historyShards), bundleCaseWorkflows(logDir)]);
  return { ...db, ...temporal, bundlePath, logDir };
}

async function startTemporal(cleanup: Cleanup, topology: TopologyName, logDir: string, historyShards?: number): Promise<Pick<BenchEnv, 'address' | 'serverPid' | 'temporalVersion' | 'client' | 'tls' | 'temporalDatabases'>> {
  let address = process.env.TEMPORAL_ADDRESS;
  let serverPid: number | undefined;
  let tls: TemporalTlsFiles | undefined;
  let temporalDatabases: BenchEnv['temporalDatabases'];
  let temporalVersion: string;
  const toolsDir = process.env.HOTLINE_TOOLS_DIR ?? path.join(ROOT, '.tools');
  if (address) {
    progress(`using the Temporal server at ${address} (TEMPORAL_ADDRESS)`);
    temporalVersion = `external server at ${address}`;
  } else if (topology === 'production') {
    const tools = await ensureProductionTools(toolsDir, progress);
    progress('starting the production topology: Temporal Server on PostgreSQL (per-run databases) and the UI server…');
    const started = await startEphemeralTopology({ tools, adminDatabaseUrl: adminDatabaseUrl(), maxConns: 20, ...(historyShards && { numHistoryShards: historyShards }), log: progress });
    cleanup.add('Temporal production topology (and its databases)', () => started.dispose());
    address = started.address;
    tls = started.tls;
    serverPid = started.instance('temporal-server').process.pid;
    temporalDatabases = { ...started.databases, historyShards: started.settings.numHistoryShards };
    temporalVersion = `Temporal Server on PostgreSQL ${started.settings.postgres.host}:${started.settings.postgres.port} (${started.settings.numHistoryShards} history shards) + UI server`;
  } else {
    const binary = await ensureTemporalCli(toolsDir, progress);
    temporalVersion = await promisify(execFile)(binary, ['--version'])
      .then(({ stdout }) => stdout.trim())
      .catch(() => 'temporal (version unknown)');
    progress(`starting a headless in-memory Temporal dev server (${temporalVersion})…`);
    const server = await startDevServer({ binary, port: await freePort(), logFile: path.join(logDir, 'temporal.log') });
    cleanup.add('Temporal dev server', () => server.stop());
    address = server.address;
    serverPid = server.process.pid;
  }
  const connection = await Connection.connect({ address, ...(tls && { tls: sdkTls(await clientTlsOf(tls, 'admin')) }) });
  cleanup.add('Temporal client connection', () => connection.close());
  const client = new Client({ connection, namespace: NAMESPACE });
  if (process.env.TEMPORAL_ADDRESS || topology === 'production') {
    try {
      const info = await connection.workflowService.getClusterInfo({});
      if (info.serverVersion) temporalVersion += `, Server ${info.serverVersion}`;
    } catch {
      // the version is informational
    }
  }
  return { address, serverPid, temporalVersion, client, tls, temporalDatabases };
}

async function bundleCaseWorkflows(logDir: string): Promise<string> {
  progress('bundling the case workflows (as `npm run build` does for production workers)…');
  const code = await bundleWithInterceptors(new DefaultLogger('WARN'));
  const bundlePath = path.join(logDir, 'case-workflow-bundle.js');
  await writeFile(bundlePath, code);
  return bundlePath;
}

/** The product's worker and API, as child processes on a task queue of their own. */
export interface CaseStack {
  taskQueue: string;
  worker: NodeChild;
  /** The API process now, and a client for it: both replaced by restartApi. */
  api: NodeChild;
  http: HttpClient;
  /** A new API process (it loads the policy in force when it starts). */
  restartApi(): Promise<void>;
  stop(): Promise<void>;
}

export interface CaseStackOptions {
  /** The task queue is `<queue>-<run id>-<label>`; the children's logs `worker-<label>.log`, `api-<label>.log`. */
  queue: string;
  label: string;
  /** More environment for the worker (e.g. where it delivers notices), and what the progress line says of it. */
  workerEnv?: Record<string, string>;
  workerNote?: string;
}

/** What a worker or API child of this run is started with: its database, server, task queue and keys. */
function childEnv(run: BenchRun, env: BenchEnv, taskQueue: string): Record<string, string> {
  return {
    DATABASE_URL: env.dbUrl,
    TEMPORAL_ADDRESS: env.address,
    TEMPORAL_NAMESPACE: NAMESPACE,
    TEMPORAL_TASK_QUEUE: taskQueue,
    RUN_MIGRATIONS: 'false',
    LOG_LEVEL: 'warn',
    PAYLOAD_KEYS: run.payloadKeys,
    ACTION_ASSERTION_KEYS: run.actionKeys,
  };
}

/**
 * An API child's environment (runtime/api.ts on 127.0.0.1:`port`, authenticating with the run's keys). With
 * `metricsPort` its metrics endpoint listens there, as in production (each request observed, the record's gauges on
 * scrape); without, it has none.
 */
export function apiEnv(run: BenchRun, env: BenchEnv, taskQueue: string, port: number, metricsPort?: number): Record<string, string> {
  return {
    ...childEnv(run, env, taskQueue),
    ...(env.tls && tlsEnv(env.tls, 'api')),
    ...run.authEnv,
    SEED_DEMO_DATA: 'false',
    API_HOST: '127.0.0.1',
    API_PORT: String(port),
    ...(metricsPort ? { METRICS_API_BIND: `127.0.0.1:${metricsPort}` } : { METRICS: 'false' }),
  };
}

/** Starts a worker (on the run's workflow bundle) and an API, and waits until the worker polls and the API is ready. */
export async function startCaseStack(run: BenchRun, env: BenchEnv, o: CaseStackOptions): Promise<CaseStack> {
  const taskQueue = `${o.queue}-${run.id}-${o.label}`;
  const common = childEnv(run, env, taskQueue);
  const checkNode = (c: NodeChild) => {
    if (!isNodeProcess(c.pid)) progress(`warning: pid ${c.pid} (${c.name}) is ${commOf(c.pid)}, not the node process itself`);
  };
  let apiSeq = 0;
  const spawnApi = (port: number, metricsPort: number) => {
    const api = spawnNodeEntry(apiSeq++ ? `api-${o.label}-${apiSeq - 1}` : `api-${o.label}`, 'runtime/api.ts', apiEnv(run, env, taskQueue, port, metricsPort), env.logDir);
    const stop = run.cleanup.add(`API child ${api.pid}`, () => api.stop());
    const ready = async () => {
      await waitForHttp(`http://127.0.0.1:${port}/readyz`, 60_000, () => api.assertAlive());
      checkNode(api);
    };
    return { api, port, stop, ready };
  };
  const port = await freePort();
  progress(`starting the worker (runtime/worker.ts${o.workerNote ? `, ${o.workerNote}` : ''}) and the API (runtime/api.ts on 127.0.0.1:${port}) as child processes, task queue ${taskQueue}…`);
  // The worker's SDK metrics are on, as in production (METRICS_WORKER_BIND), on a port of its own.
  const workerMetricsBind = `127.0.0.1:${await freePort()}`;
  const worker = spawnNodeEntry(
    `worker-${o.label}`,
    'runtime/worker.ts',
    { ...common, ...(env.tls && tlsEnv(env.tls, 'worker')), METRICS_WORKER_BIND: workerMetricsBind, ...o.workerEnv, WORKFLOW_BUNDLE_PATH: env.bundlePath },
    env.logDir,
  );
  const stopWorker = run.cleanup.add(`worker child ${worker.pid}`, () => worker.stop());
  // NOTIFY_DELIVERY=separate (inherited by the worker): the notices go out from a deliverer process of their own.
  const deliverer =
    process.env.NOTIFY_DELIVERY === 'separate'
      ? spawnNodeEntry(`deliverer-${o.label}`, 'runtime/deliverer.ts', { ...common, ...o.workerEnv }, env.logDir)
      : null;
  const stopDeliverer = deliverer ? run.cleanup.add(`deliverer child ${deliverer.pid}`, () => deliverer.stop()) : async () => {};
  if (deliverer) progress(`NOTIFY_DELIVERY=separate: notices delivered by runtime/deliverer.ts (pid ${deliverer.pid})`);
  let current = spawnApi(port, await freePort());
  await Promise.all([worker.printed(/worker polling task queue/, 120_000), current.ready(), deliverer?.printed(/deliverer sending notices/, 60_000)]);
  checkNode(worker);
  const stack: CaseStack = {
    taskQueue,
    worker,
    api: current.api,
    http: httpClient(`http://127.0.0.1:${current.port}`),
    async restartApi() {
      await current.stop();
      current = spawnApi(await freePort(), await freePort());
      await current.ready();
      stack.api = current.api;
      stack.http = httpClient(`http://127.0.0.1:${current.port}`);
    },
    async stop() {
      await current.stop();
      await stopWorker();
      await stopDeliverer();
    },
  };
  return stack;
}

/**
 * Polls the record until every case of `ids` satisfies `condition` (`select count(*) from cases where id = any(ids)
 * and <condition>`; the worker writes what the API already answered), the run stops or `timeoutMs` passes. Returns
 * how many did and how long the wait took (ms; infinite unless all did); says so every 15 s, and when it gives up.
 */
export async function waitForCases(
  run: BenchRun,
  env: BenchEnv,
  ids: readonly string[],
  condition: string,
  o: { timeoutMs: number; what?: string; pollMs?: number; extra?: () => string },
): Promise<{ reached: number; ms: number }> {
  const what = o.what ?? `reached "${condition}"`;
  const t0 = performance.now();
  const deadline = Date.now() + o.timeoutMs;
  let lastReport = Date.now();
  for (;;) {
    const { rows } = await env.database.pool.query<{ n: number }>(`select count(*)::int as n from cases where id = any($1::text[]) and ${condition}`, [ids]);
    const n = rows[0]!.n;
    if (n >= ids.length) return { reached: n, ms: performance.now() - t0 };
    if (run.state.stopping) return { reached: n, ms: Number.POSITIVE_INFINITY };
    if (Date.now() > deadline) {
      progress(`warning: only ${n} of ${ids.length} cases ${what} after ${(o.timeoutMs / 1000).toFixed(1)} s`);
      return { reached: n, ms: Number.POSITIVE_INFINITY };
    }
    if (Date.now() - lastReport > 15_000) {
      lastReport = Date.now();
      progress(`  … ${n} / ${ids.length} ${what}${o.extra ? `; ${o.extra()}` : ''}`);
    }
    await sleep(o.pollMs ?? 200);
  }
}
