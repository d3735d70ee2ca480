/**
 * The processes of a bench run: the bench process's own lifecycle (cleanup on exit, error or Ctrl-C), the
 * product's entry points run as child processes, and what /proc says about a process (memory, CPU, command name).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopChild } from '../runtime/temporal-dev-server.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const progress = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export { freePort } from '../platform/net.js';

/** Things to undo, newest first. Each step runs once, with a time limit, and a failure does not stop the rest. */
export class Cleanup {
  private steps: Array<{ name: string; run: () => Promise<unknown> | unknown }> = [];
  private running: Promise<void> | null = null;

  add(name: string, run: () => Promise<unknown> | unknown): () => Promise<void> {
    const step = { name, run };
    this.steps.push(step);
    // Run one step early (e.g. restart a child) and forget it.
    return async () => {
      const i = this.steps.indexOf(step);
      if (i < 0) return;
      this.steps.splice(i, 1);
      await withTimeout(Promise.resolve().then(run), 20_000, name);
    };
  }

  runAll(verbose = false): Promise<void> {
    this.running ??= (async () => {
      while (this.steps.length) {
        const step = this.steps.pop()!;
        if (verbose) progress(`cleanup: ${step.name}…`);
        try {
          await withTimeout(Promise.resolve().then(step.run), 20_000, step.name);
        } catch (err) {
          progress(`cleanup: ${step.name} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    })();
    return this.running;
  }
}

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

export interface Memory {
  rssMiB: number;
  /** Peak RSS of the process so far. */
  hwmMiB: number;
}

/** VmRSS and VmHWM of a process, from /proc/<pid>/status. */
export function readMemory(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!m) throw new Error(`no ${key} in /proc/${pid}/status`);
    return Number(m[1]) / 1024;
  };
  return { rssMiB: kb('VmRSS'), hwmMiB: kb('VmHWM') };
}

/** The process's command name. */
export function commOf(pid: number): string {
  return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
}

/**
 * Whether a pid runs this Node binary itself, not a wrapper (a shell, npm, tsx's launcher): its executable is ours.
 * (Its command name says less: Node 24 names its main thread `MainThread`, earlier lines `node`.)
 */
export function isNodeProcess(pid: number): boolean {
  try {
    return realpathSync(`/proc/${pid}/exe`) === realpathSync(process.execPath);
  } catch {
    return false;
  }
}

export interface NodeChild {
  name: string;
  process: ChildProcess;
  pid: number;
  logFile: string;
  /** Resolves when a line matching the pattern was printed (stdout or stderr). */
  printed(pattern: RegExp, timeoutMs: number): Promise<void>;
  /** Throws with the end of its log if it has exited. */
  assertAlive(): void;
  stop(): Promise<void>;
}

/**
 * Runs a TypeScript entry point of the project as `node --import tsx <entry>`: the pid is the node process that
 * does the work (no tsx wrapper in between), so /proc/<pid>/status is its memory.
 */
export function spawnNodeEntry(name: string, entry: string, env: Record<string, string>, logDir: string): NodeChild {
  const logFile = path.join(logDir, `${name}.log`);
  const out = createWriteStream(logFile, { flags: 'a' });
  // BENCH_PROFILE=1: each thread of the child (the worker runs workflows in a worker thread) writes a V8 CPU
  // profile into <logs>/profiles when the child exits; open them in Chrome DevTools. Use with --keep.
  const profile = process.env.BENCH_PROFILE === '1' ? ['--cpu-prof', `--cpu-prof-dir=${path.join(logDir, 'profiles', name)}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start ${name}`);
  const waiters: Array<{ pattern: RegExp; resolve: () => void }> = [];
  let recent = '';
  const onData = (d: Buffer) => {
    out.write(d);
    recent = (recent + d.toString()).slice(-20_000);
    for (const w of [...waiters]) {
      if (w.pattern.test(recent)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  let exited: string | null = null;
  child.on('exit', (code, signal) => (exited = `${name} exited (${signal ?? code})`));
  child.on('error', (err) => (exited = `${name} could not start: ${err.message}`));
  const tail = () => recent.split('\n').slice(-15).join('\n');
  return {
    name,
    process: child,
    pid: child.pid,
    logFile,
    printed(pattern, timeoutMs) {
      if (pattern.test(recent)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name} did not print ${pattern} within ${timeoutMs} ms; log ${logFile}:\n${tail()}`)), timeoutMs);
        const poll = setInterval(() => {
          if (exited) {
            clearInterval(poll);
            clearTimeout(timer);
            reject(new Error(`${exited}; log ${logFile}:\n${tail()}`));
          }
        }, 200);
        waiters.push({
          pattern,
          resolve: () => {
            clearInterval(poll);
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    assertAlive() {
      if (exited) throw new Error(`${exited}; log ${logFile}:\n${tail()}`);
    },
    async stop() {
      await stopChild(child, 15_000);
      out.end();
    },
  };
}

/** Polls an HTTP URL until it answers 200. */
export async function waitForHttp(url: string, timeoutMs: number, alive?: () => void): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    alive?.();
    try {
      const res = await fetch(url);
      await res.text();
      if (res.status === 200) return;
      last = `status ${res.status}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (${last})`);
}

export async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

const CLK_TCK = 100; // Linux USER_HZ

/** CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat; NaN if it is gone. */
export function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return Number.NaN;
  }
}

export interface CpuSnapshot {
  [who: string]: number;
}

/** CPU used by each named process between two snapshots (the bench process itself is 'bench'). */
export function cpuSnapshot(pids: Record<string, number | undefined>): CpuSnapshot {
  const usage = process.cpuUsage();
  const out: CpuSnapshot = { bench: (usage.user + usage.system) / 1000 };
  for (const [who, pid] of Object.entries(pids)) if (pid !== undefined) out[who] = cpuMsOf(pid);
  return out;
}

export function cpuDelta(before: CpuSnapshot, after: CpuSnapshot): CpuSnapshot {
  return Object.fromEntries(Object.keys(before).map((k) => [k, (after[k] ?? Number.NaN) - before[k]!]));
}

/** Busy and total CPU time of the whole machine so far (ms, all cores), from /proc/stat. */
export function machineCpuMs(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const v = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = v as [number, number, number, number, number, number, number, number];
  const busy = user + nice + system + irq + softirq + steal;
  return { busy: (busy * 1000) / CLK_TCK, total: ((busy + idle + iowait) * 1000) / CLK_TCK };
}

/** Whether the run is stopping (a signal, a failure, or done) and whether it failed: shared with the bench's loops. */
export interface RunState {
  stopping: boolean;
  failed: boolean;
}

/**
 * Runs a bench's main to the end, then its cleanup: on success, on a failure (any uncaught error), or on Ctrl-C.
 * One Ctrl-C reaches this process several times (the terminal's process group, npm forwarding, tsx relaying it to
 * the node process it runs): repeats within a few seconds are the same Ctrl-C; a later one forces the exit.
 */
export function runBench(main: () => Promise<void>, cleanup: Cleanup, state: RunState): void {
  const shutdown = async (code: number): Promise<never> => {
    await cleanup.runAll(code !== 0);
    if (code !== 0) progress('cleaned up');
    process.exit(code);
  };
  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals, code: number) => {
    if (state.stopping) {
      if (Date.now() - firstSignalAt > 3_000) {
        progress(`${signal} again: exiting without finishing the cleanup`);
        process.exit(code);
      }
      return;
    }
    state.stopping = true;
    firstSignalAt = Date.now();
    progress(`${signal}: stopping and cleaning up (Ctrl-C again after 3 s to force)…`);
    void shutdown(code);
  };
  process.on('SIGINT', () => onSignal('SIGINT', 130));
  process.on('SIGTERM', () => onSignal('SIGTERM', 143));

  const lateErrors = new Set<string>();
  const fail = (err: unknown) => {
    if (state.stopping) {
      // Late errors of things being torn down (a client retry timer after its connection closed…): not news.
      const message = err instanceof Error ? err.message : String(err);
      if (!lateErrors.has(message)) progress(`(during cleanup) ${message}`);
      lateErrors.add(message);
      return;
    }
    state.stopping = true;
    state.failed = true;
    progress(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    void shutdown(1);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);

  main().then(() => {
    state.stopping = true;
    return shutdown(0);
  }, fail);
}

/** The children of a process, from /proc/<pid>/task/<pid>/children (empty when the kernel does not say). */
export function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The parent of a process (NaN if it is gone). */
export function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return Number.NaN;
  }
}

/**
 * What a group of processes shares out of memory: the sum of each one's proportional set size (PSS, from
 * /proc/<pid>/smaps_rollup), so pages the group shares (PostgreSQL's shared buffers) count once, not once per
 * process as RSS would. NaN when a process cannot be read.
 */
export function pssMiB(pids: readonly number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {
      // gone between the listing and the read (a backend that ended): it holds nothing now
    }
  }
  return kb / 1024;
}

/**
 * A PostgreSQL server on this machine, found from one of its backends (`select pg_backend_pid()`): its postmaster
 * and, at each reading, the processes it runs (backends, checkpointer, WAL writer…). Null when the backend is not
 * a process here (a server on another machine) or not PostgreSQL's.
 */
export interface PostgresProcesses {
  postmaster: number;
  /** The postmaster and its children now. */
  pids(): number[];
  /** Their proportional set size together (MiB). */
  pssMiB(): number;
  /**
   * CPU the server has used so far (ms): the postmaster's own and that of the children it has reaped (cutime,
   * cstime: backends that ended), and the live children's.
   */
  cpuMs(): number;
}

export function postgresProcesses(backendPid: number): PostgresProcesses | null {
  const postmaster = parentOf(backendPid);
  if (!Number.isFinite(postmaster)) return null;
  try {
    if (commOf(postmaster) !== 'postgres' && !readFileSync(`/proc/${postmaster}/cmdline`, 'utf8').includes('postgres')) return null;
  } catch {
    return null;
  }
  const pids = () => [postmaster, ...childrenOf(postmaster)];
  return {
    postmaster,
    pids,
    pssMiB: () => pssMiB(pids()),
    cpuMs() {
      let ms = 0;
      try {
        const stat = readFileSync(`/proc/${postmaster}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ms += ((Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 1000) / CLK_TCK;
      } catch {
        return Number.NaN;
      }
      for (const child of childrenOf(postmaster)) {
        const c = cpuMsOf(child);
        if (Number.isFinite(c)) ms += c;
      }
      return ms;
    },
  };
}

/**
 * Writes the machine's block devices have completed so far (whole disks, not their partitions; no loop, RAM or
 * device-mapper devices): requests and bytes, from /proc/diskstats. Everything on the machine writes there.
 */
export function diskWrites(): { requests: number; bytes: number } {
  let requests = 0;
  let bytes = 0;
  try {
    for (const line of readFileSync('/proc/diskstats', 'utf8').split('\n')) {
      const f = line.trim().split(/\s+/);
      const name = f[2];
      if (!name || /^(loop|ram|dm-|zram|sr)/.test(name)) continue;
      // A partition (sda1, nvme0n1p1, vda2) is counted in its disk.
      if (/^(sd|vd|xvd|hd)[a-z]+\d+$/.test(name) || /^(nvme\d+n\d+|mmcblk\d+)p\d+$/.test(name)) continue;
      requests += Number(f[7]);
      bytes += Number(f[9]) * 512;
    }
  } catch {
    return { requests: Number.NaN, bytes: Number.NaN };
  }
  return { requests, bytes };
}
