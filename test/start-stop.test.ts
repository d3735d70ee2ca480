/**
 * `npm start` as a newcomer runs it: `node --import tsx runtime/start.ts` (what the npm script runs) as a child in its
 * own process group, with neither DATABASE_URL nor TEMPORAL_ADDRESS, so it starts the embedded PostgreSQL and the
 * Temporal CLI dev server itself; its data folder is a fresh `mktemp -d` folder (mode 700, which the `postgres`
 * system user cannot enter when the test runs as root), on free ports so it never meets the lead's own `npm start`.
 * Ctrl-C is sent as a terminal sends it: SIGINT to the whole process group.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, lstat, mkdtemp, realpath, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../platform/net.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

interface Proc {
  pid: number;
  ppid: number;
  state: string;
  comm: string;
}

/** Every process on the machine, from /proc (its name, state and parent). */
function processTable(): Map<number, Proc> {
  const table = new Map<number, Proc>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(entry), { pid: Number(entry), ppid: Number(ppid), state: state!, comm });
    } catch {
      // gone while reading
    }
  }
  return table;
}

function descendantsOf(pid: number): Proc[] {
  const table = processTable();
  const found: Proc[] = [];
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const p of table.values()) if (p.ppid === parent) (found.push(p), queue.push(p.pid));
  }
  return found;
}

/** Still running: present and not a zombie (an orphan's zombie waits for a PID 1 that may never reap it). */
function running(p: Proc): boolean {
  try {
    const stat = readFileSync(`/proc/${p.pid}/stat`, 'utf8');
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    return comm === p.comm && stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  apiUrl: string;
  /** The API's and the worker's metrics endpoints. */
  metrics: { api: string; worker: string };
}

const children: ChildProcess[] = [];
const folders: string[] = [];

/** Starts `npm start` on free ports with this data folder; resolves at its ready banner (or fails with its output). */
async function npmStart(dataDir: string): Promise<Started> {
  const [apiPort, pgPort, temporalPort, uiPort, apiMetricsPort, workerMetricsPort] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort(), await freePort()];
  const { DATABASE_URL: _db, TEMPORAL_ADDRESS: _temporal, NODE_ENV: _env, ...base } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'runtime/start.ts'], {
    cwd: ROOT,
    env: {
      ...base,
      HOTLINE_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      TEMPORAL_DEV_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(uiPort),
      API_PORT: String(apiPort),
      // Metrics are on by default: both endpoints listen, and must not hold up the shutdown.
      METRICS_API_BIND: `127.0.0.1:${apiMetricsPort}`,
      METRICS_WORKER_BIND: `127.0.0.1:${workerMetricsPort}`,
      LOG_LEVEL: 'warn',
    },
    // Its own process group, as a shell gives a foreground job: the group is what a terminal's Ctrl-C reaches.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise<void>((resolve, reject) => {
    const check = () => (/\[hotline\] Ctrl-C stops everything/.test(out) ? resolve() : undefined);
    child.stdout!.on('data', check);
    void exited.then(({ code, signal }) => reject(new Error(`npm start exited (${signal ?? code}) before it was ready:\n${out}`)));
    setTimeout(() => reject(new Error(`npm start was not ready within 150 s:\n${out}`)), 150_000).unref();
  });
  await ready;
  return {
    child,
    output: () => out,
    exited,
    apiUrl: `http://127.0.0.1:${apiPort}`,
    metrics: { api: `http://127.0.0.1:${apiMetricsPort}/metrics`, worker: `http://127.0.0.1:${workerMetricsPort}/metrics` },
  };
}

/** Ctrl-C as a terminal sends it, to the whole foreground process group; resolves when the start has exited. */
async function ctrlC(started: Started, boundMs: number): Promise<{ code: number | null; ms: number }> {
  const t0 = Date.now();
  process.kill(-started.child.pid!, 'SIGINT');
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`npm start did not exit within ${boundMs} ms of Ctrl-C:\n${started.output()}`)), boundMs).unref(),
  );
  const { code } = await Promise.race([started.exited, timeout]);
  return { code, ms: Date.now() - t0 };
}

afterAll(async () => {
  // A failed test must not leave a server behind: the whole group, then what it started in groups of its own.
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      for (const p of descendantsOf(child.pid!)) {
        try {
          process.kill(p.pid, 'SIGKILL');
        } catch {}
      }
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {}
    }
  }
  for (const folder of folders) {
    // The database may live outside the data folder (see README, "The two commands"): remove it with the folder.
    const link = path.join(folder, 'postgres');
    const target = existsSync(link) ? await realpath(link) : null;
    if (target && target !== link) await rm(target, { recursive: true, force: true });
    await rm(folder, { recursive: true, force: true });
  }
});

describe('npm start in a fresh folder', () => {
  it('starts with its data in a folder others cannot enter, answers, and stops on one Ctrl-C within seconds, leaving nothing running', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hotline-start-'));
    folders.push(dataDir);
    await chmod(dataDir, 0o700);

    const started = await npmStart(dataDir);
    expect(started.output()).not.toMatch(/start-up failed/);
    const health = await fetch(`${started.apiUrl}/readyz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ready', checks: { database: { status: 'ok' }, temporal: { status: 'ok' } } });
    // Both metrics endpoints answer (the banner names them): the API's requests, the worker's SDK metrics.
    expect(started.output()).toContain(started.metrics.api);
    const apiMetrics = await (await fetch(started.metrics.api)).text();
    expect(apiMetrics).toMatch(/hotline_http_request_duration_seconds_count\{[^}]*route="\/readyz"/);
    expect(await (await fetch(started.metrics.worker)).text()).toMatch(/^temporal_/m);

    if (isRoot) {
      // The cluster's files are where the postgres user can reach them; the data folder points at them.
      expect((await lstat(path.join(dataDir, 'postgres'))).isSymbolicLink()).toBe(true);
      const cluster = await realpath(path.join(dataDir, 'postgres'));
      expect(existsSync(path.join(cluster, 'PG_VERSION'))).toBe(true);
      for (let dir = path.dirname(cluster); dir !== path.dirname(dir); dir = path.dirname(dir)) {
        expect(((await stat(dir)).mode & 0o001) !== 0, `${dir} lets others enter`).toBe(true);
      }
    }

    // What it started: PostgreSQL (postmaster and its backends) and the Temporal dev server.
    const started_ = descendantsOf(started.child.pid!);
    expect(started_.some((p) => p.comm === 'postgres')).toBe(true);
    expect(started_.some((p) => p.comm === 'temporal')).toBe(true);

    const { code, ms } = await ctrlC(started, 20_000);
    expect(code).toBe(0);
    expect(started.output()).toMatch(/\[hotline\] stopped/);
    expect(ms).toBeLessThan(20_000);

    // Nothing it started outlives it (PostgreSQL's backends exit with the postmaster, which the stop waited for).
    await new Promise((r) => setTimeout(r, 500));
    expect(started_.filter(running).map((p) => `${p.comm} ${p.pid}`)).toEqual([]);

    // The second start reuses the same cluster and the dev server's state (no second demo seed).
    const again = await npmStart(dataDir);
    expect(again.output()).not.toMatch(/loaded the demo city/);
    expect((await fetch(`${again.apiUrl}/readyz`)).status).toBe(200);
    const second = descendantsOf(again.child.pid!);
    const stopped = await ctrlC(again, 20_000);
    expect(stopped.code).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(second.filter(running).map((p) => `${p.comm} ${p.pid}`)).toEqual([]);
  }, 300_000);
});
