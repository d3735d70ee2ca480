/**
 * The production Temporal topology, natively: the Temporal Server on PostgreSQL (its own `temporal` and
 * `temporal_visibility` databases, owned by a role `temporal`) and the Web UI server as a separate process,
 * the way docker-compose.yml runs them. In order:
 *
 *   1. role and databases on the PostgreSQL in use, schemas set up / updated with temporal-sql-tool (idempotent;
 *      the schema files are embedded in the tool, the same steps as compose's temporal-schema-setup job)
 *   2. the server, from a config rendered here (renderServerConfig: no copied file), started and waited for
 *   3. namespace and every custom search attribute registered with the Temporal CLI (compose's
 *      temporal-create-namespace job)
 *   4. the UI server, from a rendered config pointing at the frontend
 *
 * stop() takes them down in reverse order. Every process runs in its own process group (a terminal's Ctrl-C
 * reaches only the Node process, which stops them in order) and is killed if the Node process dies.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { CASE_SEARCH_ATTRIBUTES, CLI_TYPE_NAMES } from '../workflows/search-attributes.js';
import { stopChild, waitForTemporal } from './temporal-dev-server.js';
import type { Config } from '../platform/config.js';
import type { ProductionTools } from './tools.js';
import { SHARED_TOPOLOGY, TEMPORAL_SQL_PLUGIN, schemaSteps } from '../platform/shared-topology.js';
import { clientTlsOf, ensureTemporalTls, type TemporalTlsFiles } from './temporal-tls.js';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The four services of the server binary (`start --service …`); one process runs all of them by default. */
export const TEMPORAL_SERVICES = ['frontend', 'history', 'matching', 'worker'] as const;
export type TemporalService = (typeof TEMPORAL_SERVICES)[number];

export interface ServicePorts {
  grpc: number;
  membership: number;
}
export interface ServerPorts {
  frontend: ServicePorts & { http: number };
  history: ServicePorts;
  matching: ServicePorts;
  worker: ServicePorts;
}

/** Temporal's own port layout around a frontend port (7233 → history 7234, matching 7235, worker 7239, membership 6933…). */
export function standardPorts(frontend = 7233): ServerPorts {
  const m = frontend - 300;
  return {
    frontend: { grpc: frontend, membership: m, http: frontend + 10 },
    history: { grpc: frontend + 1, membership: m + 1 },
    matching: { grpc: frontend + 2, membership: m + 2 },
    worker: { grpc: frontend + 6, membership: m + 6 },
  };
}

/**
 * The membership table keeps each service's port in a PostgreSQL smallint: a port of 32768 or more stops the
 * server at start ("value … is out of range for type smallint"). Ephemeral ports (what port 0 hands out) are
 * above it, so pick from below.
 */
export const MAX_TEMPORAL_PORT = 32767;

function assertPorts(ports: ServerPorts): void {
  const all = Object.entries(ports).flatMap(([service, p]) => Object.entries(p).map(([kind, port]) => [`${service} ${kind}`, port as number] as const));
  const high = all.filter(([, port]) => port > MAX_TEMPORAL_PORT);
  if (high.length) throw new Error(`Temporal keeps service ports in a smallint column; use ports up to ${MAX_TEMPORAL_PORT}: ${high.map(([n, p]) => `${n} ${p}`).join(', ')}`);
}

/** `count` distinct ports on 127.0.0.1, free right now, from 20000–32767 (see MAX_TEMPORAL_PORT). */
export async function freeLowPorts(count: number): Promise<number[]> {
  const { createServer } = await import('node:net');
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const srv = createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
  const out = new Set<number>();
  for (let tries = 0; out.size < count; tries++) {
    if (tries > 1000) throw new Error('no free ports between 20000 and 32767');
    const port = 20000 + Math.floor(Math.random() * (MAX_TEMPORAL_PORT - 20000));
    if (!out.has(port) && (await free(port))) out.add(port);
  }
  return [...out];
}

export interface PostgresTarget {
  host: string;
  port: number;
  /** A role that may create roles and databases (superuser or CREATEROLE+CREATEDB), for the one-time set-up. */
  adminUser: string;
  adminPassword?: string | undefined;
}

/** Where the Temporal server reaches the PostgreSQL server of a database URL, and who may create roles there. */
export function postgresTargetOf(url: string): PostgresTarget {
  const u = new URL(url);
  return {
    host: u.hostname || '127.0.0.1',
    port: Number(u.port || 5432),
    adminUser: decodeURIComponent(u.username || 'postgres'),
    adminPassword: u.password ? decodeURIComponent(u.password) : undefined,
  };
}

export interface TemporalServerSettings {
  postgres: { host: string; port: number };
  /** The role Temporal connects as (created if missing). */
  user: string;
  password: string;
  databases: { temporal: string; visibility: string };
  /** Fixed for the life of the cluster: the server refuses to start against a database set up with another count. */
  numHistoryShards: number;
  ports: ServerPorts;
  /** Address the services bind and announce (membership); 127.0.0.1 on one machine. */
  bindHost: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** How often each service re-reads namespaces (and so sees new search attributes); Temporal's default 10s. */
  namespaceRefresh: string;
  maxConns: number;
  /** Prometheus metrics on this port; unset, no metrics listener. */
  metricsPort?: number | undefined;
  /**
   * Mutual TLS (runtime/temporal-tls.ts): the frontend and every internal port take only clients with a certificate
   * of the topology's CA; Temporal's system worker presents its own. Unset: plaintext (tests of the renderer only).
   */
  tls?: TemporalTlsFiles | undefined;
}

const q = (s: string) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar

/** The server's config (the shape of the server module's config/development-postgres12.yaml), from settings. */
export function renderServerConfig(s: TemporalServerSettings, dynamicConfigFile: string): string {
  const store = (database: string, maxConns: number) => `      sql:
        pluginName: ${q(TEMPORAL_SQL_PLUGIN)}
        databaseName: ${q(database)}
        connectAddr: ${q(`${s.postgres.host}:${s.postgres.port}`)}
        connectProtocol: "tcp"
        user: ${q(s.user)}
        password: ${q(s.password)}
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: "1h"`;
  const service = (name: TemporalService) => {
    const p = s.ports[name];
    return `  ${name}:
    rpc:
      grpcPort: ${p.grpc}
      membershipPort: ${p.membership}
      bindOnIP: ${q(s.bindHost)}${'http' in p ? `\n      httpPort: ${p.http}` : ''}`;
  };
  return `# Rendered by runtime/temporal-topology.ts (renderServerConfig); edits here are overwritten at the next start.
log:
  stdout: true
  level: ${q(s.logLevel)}

persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: ${s.numHistoryShards}
  datastores:
    postgres-default:
${store(s.databases.temporal, s.maxConns)}
    postgres-visibility:
${store(s.databases.visibility, Math.max(2, Math.ceil(s.maxConns / 4)))}

global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: ${q(s.bindHost)}${s.tls ? renderServerTls(s.tls) : ''}${
      s.metricsPort
        ? `
  metrics:
    prometheus:
      framework: "tally"
      timerType: "histogram"
      listenAddress: ${q(`${s.bindHost}:${s.metricsPort}`)}`
        : ''
    }

services:
${TEMPORAL_SERVICES.map(service).join('\n')}

clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: ${q(`${s.bindHost}:${s.ports.frontend.grpc}`)}

dcRedirectionPolicy:
  policy: "noop"

dynamicConfigClient:
  filepath: ${q(dynamicConfigFile)}
  pollInterval: "10s"
`;
}

/**
 * global.tls: the frontend (gRPC and HTTP) and the internal services (history, matching, worker) each require a
 * client certificate of the CA; internal clients present the internode certificate, the system worker its own.
 */
function renderServerTls(t: TemporalTlsFiles): string {
  const server = (c: { cert: string; key: string }) => `      server:
        certFile: ${q(c.cert)}
        keyFile: ${q(c.key)}
        requireClientAuth: true
        clientCaFiles:
          - ${q(t.ca)}`;
  const client = (indent: string) => `${indent}client:
${indent}  serverName: ${q(t.serverName)}
${indent}  rootCaFiles:
${indent}    - ${q(t.ca)}`;
  return `
  tls:
    internode:
${server(t.internode)}
${client('      ')}
    frontend:
${server(t.frontend)}
${client('      ')}
    systemWorker:
      certFile: ${q(t.clients['system-worker'].cert)}
      keyFile: ${q(t.clients['system-worker'].key)}
${client('      ')}`;
}

/** Dynamic config: the entries compose has too (platform/shared-topology.ts), plus the refresh interval. */
export function renderDynamicConfig(s: Pick<TemporalServerSettings, 'namespaceRefresh'>): string {
  const shared = Object.entries(SHARED_TOPOLOGY.dynamicConfig).map(([key, value]) => `${key}:\n  - value: ${JSON.stringify(value)}\n    constraints: {}\n`);
  return `# Rendered by runtime/temporal-topology.ts (renderDynamicConfig).
${shared.join('')}system.namespaceCacheRefreshInterval:
  - value: ${q(s.namespaceRefresh)}
    constraints: {}
`;
}

export interface UiSettings {
  port: number;
  host: string;
  temporalAddress: string;
  namespace: string;
  /** Origins allowed to call the UI server's HTTP API from a browser (the hotline API, for instance). */
  corsOrigins: string[];
  /** The codec endpoint the UI decodes payloads through (the API's /codec); empty: none. */
  codecEndpoint?: string;
  /** The UI server's client certificate for the frontend (mutual TLS). */
  tls?: { ca: string; cert: string; key: string; serverName: string } | undefined;
}

/** The UI server's config (the shape of the ui-server module's config/development.yaml, auth off). */
export function renderUiConfig(u: UiSettings): string {
  return `# Rendered by runtime/temporal-topology.ts (renderUiConfig).
temporalGrpcAddress: ${q(u.temporalAddress)}
host: ${q(u.host)}
port: ${u.port}
enableUi: true
defaultNamespace: ${q(u.namespace)}
showTemporalSystemNamespace: false
notifyOnNewVersion: false
refreshInterval: 1m
cors:
  cookieInsecure: true
  allowOrigins:
${(u.corsOrigins.length ? u.corsOrigins : [`http://${u.host}:${u.port}`]).map((o) => `    - ${q(o)}`).join('\n')}
auth:
  enabled: false
# A window to read cases through, never a way to act on them: the server refuses every write (signal, Update,
# start, terminate, reset, batch) from the browser. Cases change through the hotline API only.
disableWriteActions: true
codec:
  endpoint: ${q(u.codecEndpoint ?? '')}
forwardHeaders:
  - X-Forwarded-For
${
  u.tls
    ? `tls:
  caFile: ${q(u.tls.ca)}
  certFile: ${q(u.tls.cert)}
  keyFile: ${q(u.tls.key)}
  serverName: ${q(u.tls.serverName)}
  enableHostVerification: true
`
    : ''
}`;
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Databases

async function admin(target: PostgresTarget, database = 'postgres'): Promise<pg.Client> {
  const c = new pg.Client({ host: target.host, port: target.port, user: target.adminUser, password: target.adminPassword, database });
  await c.connect();
  return c;
}

/** Creates role and databases if missing, then sets up and updates both schemas to the tool's latest version. */
export async function ensureTemporalDatabases(opts: { sqlTool: string; target: PostgresTarget; server: TemporalServerSettings; log?: (l: string) => void }): Promise<void> {
  const { target, server: s, log = () => {} } = opts;
  const c = await admin(target);
  try {
    const { rowCount } = await c.query('select 1 from pg_roles where rolname = $1', [s.user]);
    if (!rowCount) {
      log(`  creating role ${s.user}`);
      await c.query(`create role ${pg.escapeIdentifier(s.user)} login createdb password ${pg.escapeLiteral(s.password)}`);
    }
  } finally {
    await c.end();
  }
  const tool = (database: string, ...args: string[]) =>
    run(opts.sqlTool, ['--plugin', TEMPORAL_SQL_PLUGIN, '--endpoint', s.postgres.host, '--port', String(s.postgres.port), '--user', s.user, '--password', s.password, '--database', database, ...args], {
      maxBuffer: 16 * 1024 * 1024,
    }).catch((err: Error & { stderr?: string; stdout?: string }) => {
      throw new Error(`temporal-sql-tool ${args[0]} on ${database} failed: ${(err.stderr || err.stdout || err.message).slice(-2000)}`);
    });
  // The same steps as compose's temporal-schema-setup job (platform/shared-topology.ts); each is idempotent.
  for (const step of schemaSteps(s.databases)) {
    log(`  database ${step.database}: ${step.args.join(' ')}`);
    await tool(step.database, ...step.args);
  }
}

/** Drops the two databases (tests). */
export async function dropTemporalDatabases(target: PostgresTarget, databases: { temporal: string; visibility: string }): Promise<void> {
  const c = await admin(target);
  try {
    for (const d of [databases.temporal, databases.visibility]) await c.query(`drop database if exists ${pg.escapeIdentifier(d)} with (force)`);
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 2./4. Processes

export interface Managed {
  name: string;
  process: ChildProcess;
  logFile: string;
  /** Why it exited, once it has. */
  exited(): string | null;
  stop(): Promise<void>;
}

export async function spawnManaged(name: string, binary: string, args: string[], opts: { cwd: string; logFile: string }): Promise<Managed> {
  await mkdir(path.dirname(opts.logFile), { recursive: true });
  const child = spawn(binary, args, { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  const out = createWriteStream(opts.logFile, { flags: 'a' });
  // Two streams into one file: neither may end it, or the other's last words (a crash's stderr) would be a
  // write after end; the file closes when the process and both its streams are done.
  child.stdout?.pipe(out, { end: false });
  child.stderr?.pipe(out, { end: false });
  child.once('close', () => out.end());
  // The last lines, for the message when it exits early (the log file may be gone by the time anyone reads it).
  let tail = '';
  const keep = (d: Buffer) => (tail = (tail + d.toString()).slice(-1500));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let why: string | null = null;
  child.on('exit', (code, signal) => (why = `${name} exited (${signal ?? code}); see ${opts.logFile}; it last said:\n${tail.trimEnd()}`));
  child.on('error', (err) => (why = `could not start ${name} (${binary}): ${err.message}`));
  return { name, process: child, logFile: opts.logFile, exited: () => why, stop: () => stopChild(child, 15_000) };
}

export interface StartServerOptions {
  binary: string;
  settings: TemporalServerSettings;
  /** Folder for the rendered config and the log. */
  stateDir: string;
  /** Services this process runs; all four by default. */
  services?: readonly TemporalService[];
  /** Name for the config and log files (one per process when the services are split). */
  instance?: string;
}

/** Writes the config and starts one server process (all services, or the ones given). Does not wait. */
export async function startServerProcess(o: StartServerOptions): Promise<Managed> {
  const instance = o.instance ?? 'temporal-server';
  const configDir = path.join(o.stateDir, 'config');
  await mkdir(configDir, { recursive: true });
  const dynamicConfigFile = path.join(configDir, 'dynamic.yaml');
  await writeFile(dynamicConfigFile, renderDynamicConfig(o.settings));
  await writeFile(path.join(configDir, 'hotline.yaml'), renderServerConfig(o.settings, dynamicConfigFile));
  const services = o.services ?? TEMPORAL_SERVICES;
  const args = ['--root', o.stateDir, '--config', 'config', '--env', 'hotline', '--allow-no-auth', 'start', ...services.flatMap((s) => ['--service', s])];
  return spawnManaged(instance, o.binary, args, { cwd: o.stateDir, logFile: path.join(o.stateDir, 'logs', `${instance}.log`) });
}

export async function startUiServer(o: { binary: string; settings: UiSettings; stateDir: string }): Promise<Managed & { url: string }> {
  const root = path.join(o.stateDir, 'ui');
  await mkdir(path.join(root, 'config'), { recursive: true });
  await writeFile(path.join(root, 'config', 'hotline.yaml'), renderUiConfig(o.settings));
  const ui = await spawnManaged('Temporal UI server', o.binary, ['--root', root, '--config', 'config', '--env', 'hotline', 'start'], {
    cwd: root,
    logFile: path.join(o.stateDir, 'logs', 'temporal-ui-server.log'),
  });
  const url = `http://${o.settings.host === '0.0.0.0' ? '127.0.0.1' : o.settings.host}:${o.settings.port}`;
  try {
    await waitForHttp(`${url}/api/v1/settings`, 30_000, ui.exited);
  } catch (err) {
    ui.process.kill('SIGKILL');
    throw err;
  }
  return { ...ui, url };
}

async function waitForHttp(url: string, timeoutMs: number, exited: () => string | null): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const why = exited();
    if (why) throw new Error(why);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = String(err);
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms: ${last}`);
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Namespace and search attributes

/** Creates the namespace if missing and registers every custom search attribute the case workflow uses. */
export async function registerNamespace(o: {
  cli: string;
  address: string;
  namespace: string;
  retention: string;
  namespaceRefresh: string;
  /** The `admin` client certificate (mutual TLS). */
  tls?: TemporalTlsFiles | undefined;
  log?: (l: string) => void;
}): Promise<void> {
  const log = o.log ?? (() => {});
  const tls = o.tls
    ? ['--tls-ca-path', o.tls.ca, '--tls-cert-path', o.tls.clients.admin.cert, '--tls-key-path', o.tls.clients.admin.key, '--tls-server-name', o.tls.serverName]
    : [];
  const cli = (...args: string[]) => run(o.cli, [...args, '--address', o.address, '--namespace', o.namespace, ...tls], { maxBuffer: 16 * 1024 * 1024 });
  const retry = async <T>(what: string, fn: () => Promise<T>, attempts = 40): Promise<T> => {
    for (let i = 1; ; i++) {
      try {
        return await fn();
      } catch (err) {
        if (i >= attempts) throw new Error(`${what}: ${(err as { stderr?: string }).stderr || String(err)}`);
        await sleep(500);
      }
    }
  };
  const exists = await cli('operator', 'namespace', 'describe').then(
    () => true,
    () => false,
  );
  if (!exists) {
    log(`  creating namespace ${o.namespace} (retention ${o.retention})`);
    await retry('namespace create', () => cli('operator', 'namespace', 'create', '--retention', o.retention)).catch(async (err) => {
      // A concurrent creator (or a retried call that did succeed) leaves it there: fine.
      if (!(await cli('operator', 'namespace', 'describe').then(() => true, () => false))) throw err;
    });
  }
  const listed = await retry('search-attribute list', () => cli('operator', 'search-attribute', 'list', '--output', 'json'));
  const have = parseSearchAttributeList(listed.stdout);
  const missing = CASE_SEARCH_ATTRIBUTES.filter((k) => !have.has(k.name));
  for (const k of CASE_SEARCH_ATTRIBUTES) {
    const type = have.get(k.name);
    if (type && type.toLowerCase() !== CLI_TYPE_NAMES[k.type].toLowerCase() && type.toUpperCase() !== `INDEXED_VALUE_TYPE_${k.type}`) {
      throw new Error(`search attribute ${k.name} exists on namespace ${o.namespace} with type ${type}, the case workflow needs ${CLI_TYPE_NAMES[k.type]}`);
    }
  }
  if (!missing.length) return;
  log(`  registering search attributes ${missing.map((k) => k.name).join(', ')}`);
  await retry('search-attribute create', () => cli('operator', 'search-attribute', 'create', ...missing.flatMap((k) => ['--name', k.name, '--type', CLI_TYPE_NAMES[k.type]])));
  // On SQL visibility the names are namespace aliases; each service sees them at its next namespace refresh.
  // Wait until the frontend accepts a query on every new name, then one more refresh for the other services.
  await retry(
    'search attributes visible to the frontend',
    () => cli('workflow', 'count', '--query', missing.map((k) => `${k.name} IS NULL`).join(' AND ')),
    120,
  );
  await sleep(durationMs(o.namespaceRefresh) + 500);
}

function parseSearchAttributeList(json: string): Map<string, string> {
  const out = new Map<string, string>();
  try {
    const parsed = JSON.parse(json) as { customAttributes?: Record<string, string> } | Array<{ name: string; type: string }>;
    if (Array.isArray(parsed)) for (const { name, type } of parsed) out.set(name, type);
    else for (const [name, type] of Object.entries(parsed.customAttributes ?? {})) out.set(name, type);
  } catch {
    /* not JSON: treat as none listed; create is idempotent for equal types */
  }
  return out;
}

function durationMs(d: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(d);
  if (!m) return 10_000;
  return Number(m[1]) * (m[2] === 'ms' ? 1 : m[2] === 's' ? 1_000 : 60_000);
}

// ---------------------------------------------------------------------------------------------------------------
// All of it

export interface TopologyOptions {
  tools: ProductionTools;
  target: PostgresTarget;
  /** Its `tls` is filled in by startTopology from `tlsDir`. */
  server: TemporalServerSettings;
  /** Where the topology's CA and certificates are kept (made at the first start; runtime/temporal-tls.ts). */
  tlsDir: string;
  ui: Omit<UiSettings, 'temporalAddress' | 'namespace'>;
  namespace: string;
  retention: string;
  stateDir: string;
  /** Each service in its own process of the same binary (`start --service history`, …) instead of one process. */
  split?: boolean;
  log?: (line: string) => void;
}

/**
 * The topology `npm run start:production` (one server process) and `npm run temporal:split` (four) run, from
 * configuration, on the PostgreSQL server of `databaseUrl`, with its state under the data folder.
 */
export function configuredTopology(
  cfg: Config,
  tools: ProductionTools,
  databaseUrl: string,
  o: { split: boolean; corsOrigins: string[]; codecEndpoint?: string; log: (line: string) => void },
): TopologyOptions {
  const target = postgresTargetOf(databaseUrl);
  return {
    tools,
    target,
    server: {
      postgres: { host: target.host, port: target.port },
      user: cfg.TEMPORAL_DB_USER,
      password: cfg.TEMPORAL_DB_PASSWORD,
      databases: { temporal: cfg.TEMPORAL_DB_NAME, visibility: cfg.TEMPORAL_VISIBILITY_DB_NAME },
      numHistoryShards: cfg.TEMPORAL_HISTORY_SHARDS,
      ports: standardPorts(cfg.TEMPORAL_FRONTEND_PORT),
      bindHost: '127.0.0.1',
      logLevel: 'info',
      namespaceRefresh: '10s',
      // Four split processes each hold a pool: keep their sum well under PostgreSQL's default 100 connections.
      maxConns: o.split ? 8 : 20,
    },
    ui: { host: '127.0.0.1', port: cfg.TEMPORAL_UI_SERVER_PORT, corsOrigins: o.corsOrigins, ...(o.codecEndpoint && { codecEndpoint: o.codecEndpoint }) },
    namespace: cfg.TEMPORAL_NAMESPACE,
    retention: cfg.TEMPORAL_RETENTION,
    stateDir: path.join(path.resolve(cfg.HOTLINE_DATA_DIR), 'temporal-production'),
    tlsDir: path.join(path.resolve(cfg.HOTLINE_DATA_DIR), 'temporal-production', 'tls'),
    split: o.split,
    log: o.log,
  };
}

export interface Topology {
  /** The frontend's gRPC address. */
  address: string;
  /** The CA and certificates: the frontend takes only clients with one of these (clientTlsOf, tlsEnv). */
  tls: TemporalTlsFiles;
  uiUrl: string;
  processes: Managed[];
  /** UI server, then the Temporal server. */
  stop(): Promise<void>;
}

export async function startTopology(options: TopologyOptions): Promise<Topology> {
  const log = options.log ?? (() => {});
  assertPorts(options.server.ports);
  const t0 = Date.now();
  const since = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  const tls = await ensureTemporalTls(options.tlsDir, log);
  const o = { ...options, server: { ...options.server, tls } };
  const adminTls = await clientTlsOf(tls, 'admin');
  log(`Temporal databases ${o.server.databases.temporal}, ${o.server.databases.visibility} on ${o.target.host}:${o.target.port} (role ${o.server.user})…`);
  await ensureTemporalDatabases({ sqlTool: o.tools.sqlTool, target: o.target, server: o.server, log });
  log(`  schemas up to date (${since()})`);

  const address = `${o.server.bindHost === '0.0.0.0' ? '127.0.0.1' : o.server.bindHost}:${o.server.ports.frontend.grpc}`;
  log(`Temporal Server: starting ${o.split ? 'frontend, history, matching and worker as separate processes' : 'all services in one process'} (frontend ${address}, config and logs in ${o.stateDir})…`);
  // Split: started history first, the internal worker service last; stopped the other way round, so the worker
  // service still reaches a frontend while it winds down its system workers.
  const groups: Array<[string, readonly TemporalService[]]> = o.split
    ? (['history', 'matching', 'frontend', 'worker'] as const).map((s) => [`temporal-${s}`, [s]])
    : [['temporal-server', TEMPORAL_SERVICES]];
  // On fresh databases the split services race to initialise the cluster's metadata, and the loser exits ("failed
  // to initialize current cluster metadata"). The metadata is there by then: a second start finds it.
  for (let attempt = 1; ; attempt++) {
    const started: Managed[] = [];
    const stopAll = async () => {
      for (const p of [...started].reverse()) await p.stop();
    };
    for (const [instance, services] of groups) started.push(await startServerProcess({ binary: o.tools.server, settings: o.server, stateDir: o.stateDir, services, instance }));
    const anyExited = () => started.map((p) => p.exited()).find((why) => why) ?? null;
    try {
      await waitForTemporal(address, 90_000, anyExited, adminTls);
      log(`  frontend answers, mutual TLS (${since()})`);
      await registerNamespace({ cli: o.tools.cli, address, namespace: o.namespace, retention: o.retention, namespaceRefresh: o.server.namespaceRefresh, tls, log });
      log(`  namespace ${o.namespace} and search attributes ready (${since()})`);
      log('Temporal UI server: starting…');
      const uiTls = { ca: tls.ca, ...tls.clients.ui, serverName: tls.serverName };
      const ui = await startUiServer({ binary: o.tools.uiServer, settings: { ...o.ui, temporalAddress: address, namespace: o.namespace, tls: uiTls }, stateDir: o.stateDir });
      started.push(ui);
      log(`  UI at ${ui.url} (${since()})`);
      return { address, tls, uiUrl: ui.url, processes: started, stop: stopAll };
    } catch (err) {
      const exited = anyExited();
      await stopAll();
      if (o.split && attempt < 3 && exited?.includes('cluster metadata')) {
        log(`  a Temporal service exited while starting (cluster metadata race on fresh databases); starting them again (${since()})`);
        continue;
      }
      throw err;
    }
  }
}
