/**
 * A throw-away production topology for the fault tests and the benchmark: the Temporal Server on PostgreSQL
 * (all services in one process, or split into frontend, history, matching and worker) and the UI server, on free
 * ports from 20000–32767 (MAX_TEMPORAL_PORT), with per-run databases temporal_<rand> and temporal_visibility_<rand>
 * on the given PostgreSQL server. dispose() stops everything and drops both databases and the state folder.
 *
 * Server processes can be stopped (SIGTERM, or SIGKILL for a crash) and started again by instance name
 * (`temporal-server`, or `temporal-history`, `temporal-matching`, `temporal-frontend`, `temporal-worker` when
 * split); their state is in PostgreSQL, so a restarted process carries on where the old one was.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { waitForTemporal } from './temporal-dev-server.js';
import {
  dropTemporalDatabases,
  freeLowPorts,
  postgresTargetOf,
  startServerProcess,
  startTopology,
  TEMPORAL_SERVICES,
  type Managed,
  type ServerPorts,
  type TemporalServerSettings,
  type TemporalService,
  type Topology,
} from './temporal-topology.js';
import type { ProductionTools } from './tools.js';
import { clientTlsOf } from './temporal-tls.js';

/** Where the dev-server and the production topology differ for tests and the benchmark. */
export const TOPOLOGIES = ['dev', 'production'] as const;
export type TopologyName = (typeof TOPOLOGIES)[number];

/** HOTLINE_TOPOLOGY (or a given value): 'dev' (default) or 'production'; anything else is an error. */
export function topologyOf(value = process.env.HOTLINE_TOPOLOGY): TopologyName {
  const v = (value ?? '').trim() || 'dev';
  if (!(TOPOLOGIES as readonly string[]).includes(v)) throw new Error(`HOTLINE_TOPOLOGY=${v}: use 'dev' (the CLI dev server) or 'production' (Temporal Server on PostgreSQL)`);
  return v as TopologyName;
}

export interface EphemeralTopology extends Topology {
  databases: { temporal: string; visibility: string };
  settings: TemporalServerSettings;
  stateDir: string;
  /** Names of the Temporal server processes (not the UI server), in start order. */
  serverInstances(): string[];
  /** The running process of an instance. */
  instance(name: string): Managed;
  /** Stops one server process: SIGTERM with a grace period, or SIGKILL (a crash). Resolves once it has exited. */
  stopInstance(name: string, signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Starts a stopped server process again with the same config and databases. Does not wait for it. */
  startInstance(name: string): Promise<void>;
  /** Waits until the frontend answers again. */
  waitReady(timeoutMs?: number): Promise<void>;
  /** Stops every process, drops the two databases, removes the state folder. */
  dispose(): Promise<void>;
}

export interface EphemeralOptions {
  tools: ProductionTools;
  /** An admin URL of the PostgreSQL server (a role that may create roles and databases). */
  adminDatabaseUrl: string;
  split?: boolean;
  namespace?: string;
  numHistoryShards?: number;
  /** Namespace refresh: short, so new search attributes reach every service quickly. */
  namespaceRefresh?: string;
  /**
   * Connections per server process to the history database (a quarter of it to visibility). PostgreSQL's default
   * max_connections is 100, shared with the tests' own pools: four split processes at 20 each would take it all
   * and a service then fails to start. Default 10, or 6 per process when split.
   */
  maxConns?: number;
  logLevel?: TemporalServerSettings['logLevel'];
  log?: (line: string) => void;
}

const servicesOf = (instance: string): readonly TemporalService[] => {
  if (instance === 'temporal-server') return TEMPORAL_SERVICES;
  const s = instance.replace(/^temporal-/, '') as TemporalService;
  if (!TEMPORAL_SERVICES.includes(s)) throw new Error(`no Temporal server instance ${instance}`);
  return [s];
};

export async function startEphemeralTopology(o: EphemeralOptions): Promise<EphemeralTopology> {
  const target = postgresTargetOf(o.adminDatabaseUrl);
  const suffix = randomBytes(4).toString('hex');
  const databases = { temporal: `temporal_${suffix}`, visibility: `temporal_visibility_${suffix}` };
  const stateDir = await mkdtemp(path.join(os.tmpdir(), 'hotline-temporal-'));
  const [fg, fh, fm, hg, hm, mg, mm, wg, wm, ui] = await freeLowPorts(10);
  const ports: ServerPorts = {
    frontend: { grpc: fg!, http: fh!, membership: fm! },
    history: { grpc: hg!, membership: hm! },
    matching: { grpc: mg!, membership: mm! },
    worker: { grpc: wg!, membership: wm! },
  };
  const settings: TemporalServerSettings = {
    postgres: { host: target.host, port: target.port },
    user: 'temporal',
    password: 'temporal',
    databases,
    numHistoryShards: o.numHistoryShards ?? 4,
    ports,
    bindHost: '127.0.0.1',
    logLevel: o.logLevel ?? 'warn',
    namespaceRefresh: o.namespaceRefresh ?? '1s',
    maxConns: o.maxConns ?? (o.split ? 6 : 10),
  };
  const cleanUp = async () => {
    await dropTemporalDatabases(target, databases).catch(() => {});
    await rm(stateDir, { recursive: true, force: true });
  };
  let topology: Topology;
  try {
    topology = await startTopology({
      tools: o.tools,
      target,
      server: settings,
      ui: { host: '127.0.0.1', port: ui!, corsOrigins: [] },
      namespace: o.namespace ?? 'default',
      retention: '24h',
      stateDir,
      tlsDir: path.join(stateDir, 'tls'),
      split: o.split ?? false,
      ...(o.log && { log: o.log }),
    });
  } catch (err) {
    // The state folder goes with the clean-up: keep what the server logs said went wrong.
    const said = await errorLines(stateDir);
    await cleanUp();
    if (said && err instanceof Error) err.message += `\nerrors in the server logs:\n${said}`;
    throw err;
  }
  // A process started again (startInstance) takes the same certificates.
  settings.tls = topology.tls;
  const adminTls = await clientTlsOf(topology.tls, 'admin');
  // topology.processes is the list topology.stop() walks: a restarted process replaces its predecessor there.
  const processes = topology.processes;
  const indexOf = (name: string) => {
    const i = processes.findIndex((p) => p.name === name);
    if (i < 0) throw new Error(`no process ${name}; there are ${processes.map((p) => p.name).join(', ')}`);
    return i;
  };
  const exited = (p: Managed) =>
    new Promise<void>((r) => (p.process.exitCode !== null || p.process.signalCode !== null ? r() : p.process.once('exit', () => r())));
  let disposed = false;
  return {
    ...topology,
    databases,
    settings,
    stateDir,
    serverInstances: () => processes.filter((p) => p.name.startsWith('temporal-')).map((p) => p.name),
    instance: (name) => processes[indexOf(name)]!,
    async stopInstance(name, signal = 'SIGTERM') {
      const p = processes[indexOf(name)]!;
      if (signal === 'SIGKILL') {
        p.process.kill('SIGKILL');
        await exited(p);
      } else {
        await p.stop();
      }
    },
    async startInstance(name) {
      const i = indexOf(name);
      const old = processes[i]!;
      if (old.process.exitCode === null && old.process.signalCode === null) throw new Error(`${name} is still running (pid ${old.process.pid})`);
      processes[i] = await startServerProcess({ binary: o.tools.server, settings, stateDir, services: servicesOf(name), instance: name });
    },
    async waitReady(timeoutMs = 90_000) {
      await waitForTemporal(topology.address, timeoutMs, () => processes.map((p) => p.exited()).find((why) => why) ?? null, adminTls);
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      await topology.stop();
      await cleanUp();
    },
  };
}

/** The last error lines of every log in the state folder (a failed start deletes the folder). */
async function errorLines(stateDir: string): Promise<string> {
  const dir = path.join(stateDir, 'logs');
  const files = await readdir(dir).catch(() => [] as string[]);
  const out: string[] = [];
  for (const f of files) {
    const text = await readFile(path.join(dir, f), 'utf8').catch(() => '');
    const lines = text.split('\n').filter((l) => /error|fatal|panic/i.test(l)).slice(-3);
    for (const l of lines) out.push(`${f}: ${l.slice(0, 1500)}`);
  }
  return out.join('\n');
}
