/**
 * Starts the Temporal CLI dev server (`temporal server start-dev`) with every custom search attribute the case
 * workflow uses, waits until it answers, and stops it on request.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { CASE_SEARCH_ATTRIBUTES, CLI_TYPE_NAMES } from '../workflows/search-attributes.js';
import { sdkTls, type ClientTls } from './temporal-tls.js';

export interface DevServerOptions {
  binary: string;
  port: number;
  /** Web UI port; omit for a headless server (tests). */
  uiPort?: number;
  /** SQLite file for a persistent server; omit for in-memory (tests). */
  dbFile?: string;
  namespace?: string;
  /** Where the server's own output goes. */
  logFile?: string;
  /** A codec endpoint the Web UI calls to show payloads in clear. */
  codecEndpoint?: string;
  /** Dynamic config overrides, e.g. { 'limit.historyCount.suggestContinueAsNew': 40 }. */
  dynamicConfig?: Record<string, string | number | boolean>;
}

export interface DevServer {
  address: string;
  uiUrl: string | null;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function searchAttributeFlags(): string[] {
  return CASE_SEARCH_ATTRIBUTES.flatMap((k) => ['--search-attribute', `${k.name}=${CLI_TYPE_NAMES[k.type]}`]);
}

export async function waitForTemporal(address: string, timeoutMs: number, exited?: () => string | null, tls?: ClientTls): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    const why = exited?.();
    if (why) throw new Error(why);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000, ...(tls && { tls: sdkTls(tls) }) });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (err) {
      last = err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`Temporal at ${address} did not answer within ${timeoutMs} ms: ${String(last)}`);
}

export async function startDevServer(opts: DevServerOptions): Promise<DevServer> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port), '--log-level', 'warn'];
  args.push('--namespace', opts.namespace ?? 'default');
  if (opts.uiPort) args.push('--ui-port', String(opts.uiPort));
  else args.push('--headless');
  if (opts.dbFile) {
    await mkdir(path.dirname(opts.dbFile), { recursive: true });
    args.push('--db-filename', opts.dbFile, '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal');
  }
  if (opts.codecEndpoint) args.push('--ui-codec-endpoint', opts.codecEndpoint);
  for (const [key, value] of Object.entries(opts.dynamicConfig ?? {})) args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);
  args.push(...searchAttributeFlags());

  // Its own process group: a terminal's Ctrl-C reaches only us, and we stop the server last, after the worker
  // has drained. If this process dies without its shutdown, the exit hook still takes the server down.
  const child = spawn(opts.binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  if (opts.logFile) {
    await mkdir(path.dirname(opts.logFile), { recursive: true });
    const out = createWriteStream(opts.logFile, { flags: 'a' });
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
  } else {
    child.stdout?.resume();
    child.stderr?.resume();
  }
  let exitedWith: string | null = null;
  child.on('exit', (code, signal) => (exitedWith = `the Temporal dev server exited (${signal ?? code}) before it was ready${opts.logFile ? `; see ${opts.logFile}` : ''}`));
  child.on('error', (err) => (exitedWith = `could not start ${opts.binary}: ${err.message}`));

  const address = `127.0.0.1:${opts.port}`;
  try {
    await waitForTemporal(address, 60_000, () => exitedWith);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    address,
    uiUrl: opts.uiPort ? `http://127.0.0.1:${opts.uiPort}` : null,
    process: child,
    stop: () => stopChild(child),
  };
}

export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
