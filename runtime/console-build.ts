/**
 * The web console's build (console/, Vite): where it lands (console/dist, served by the API at /console), whether
 * it is current, and building it — `npm run console:build`, `npm start` when it is missing or older than its sources
 * (in the background: the product is up meanwhile), and the tests' global set-up.
 *
 * A build writes into a fresh folder next to console/dist and takes its place when done, so a server reading
 * console/dist never sees half a build, and two builds at once (a test run and an `npm start`) do not mix files.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

export const CONSOLE_DIR = fileURLToPath(new URL('../console/', import.meta.url));
export const CONSOLE_DIST = path.join(CONSOLE_DIR, 'dist');
const CONFIG = path.join(CONSOLE_DIR, 'vite.config.ts');

/** The newest modification time among the console's sources (its src/ folder, index.html, configuration). */
async function newestSource(): Promise<number> {
  let newest = 0;
  const visit = async (p: string): Promise<void> => {
    const s = await stat(p).catch(() => null);
    if (!s) return;
    if (s.isDirectory()) {
      for (const entry of await readdir(p)) await visit(path.join(p, entry));
    } else newest = Math.max(newest, s.mtimeMs);
  };
  for (const p of ['src', 'index.html', 'vite.config.ts', 'tsconfig.json', 'public']) await visit(path.join(CONSOLE_DIR, p));
  return newest;
}

/** `missing`: never built; `stale`: a source changed after the build; `current`. */
export async function consoleBuildState(): Promise<'missing' | 'stale' | 'current'> {
  const index = await stat(path.join(CONSOLE_DIST, 'index.html')).catch(() => null);
  if (!index) return 'missing';
  return (await newestSource()) > index.mtimeMs ? 'stale' : 'current';
}

export interface ConsoleBuild {
  /** Resolves when the build is in place; rejects with Vite's output when it failed or was cancelled. */
  done: Promise<void>;
  /** Stops the build (its process group) and removes what it wrote. */
  cancel(): Promise<void>;
}

/** Runs `vite build` in its own process group (so Ctrl-C of `npm start` stops it with the rest), then swaps it in. */
export function buildConsole(): ConsoleBuild {
  const vite = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const out = path.join(CONSOLE_DIR, `.dist-${process.pid}-${Date.now().toString(36)}`);
  const child = spawn(process.execPath, [vite, 'build', '--config', CONFIG, '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: CONSOLE_DIR,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  let cancelled = false;
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const done = (async () => {
    try {
      const code = await exited;
      if (cancelled) throw new Error('the console build was cancelled');
      if (code !== 0) throw new Error(`the console build failed (vite exited ${code}):\n${output.trim()}`);
      await precompress(out);
      // Take console/dist's place; another build may have finished first: the newer one wins.
      await rm(CONSOLE_DIST, { recursive: true, force: true });
      await rename(out, CONSOLE_DIST).catch(async (err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err;
        await rm(CONSOLE_DIST, { recursive: true, force: true });
        await rename(out, CONSOLE_DIST);
      });
    } finally {
      if (existsSync(out)) await rm(out, { recursive: true, force: true });
    }
  })();
  return {
    done,
    async cancel() {
      cancelled = true;
      if (child.exitCode === null && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          /* already gone */
        }
      }
      await done.catch(() => {});
    },
  };
}

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/;
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Writes `x.br` and `x.gz` beside every text file of a build (1 KiB or more): the API serves them to browsers that
 * accept them (@fastify/static's preCompressed), so the console's 1.3 MB of scripts cross the network as about a
 * quarter of that, compressed once at build time at the best settings rather than on every request.
 */
export async function precompress(dir: string): Promise<void> {
  const visit = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) await visit(file);
      else if (COMPRESSIBLE.test(entry.name)) {
        const bytes = await readFile(file);
        if (bytes.length < 1024) continue;
        const [br, gzipped] = await Promise.all([
          brotli(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
          gz(bytes, { level: 9 }),
        ]);
        await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gzipped)]);
      }
    }
  };
  await visit(dir);
}

/** Builds the console unless it is current; says what it does. Returns whether it built. */
export async function ensureConsoleBuilt(log: (line: string) => void): Promise<boolean> {
  const state = await consoleBuildState();
  if (state === 'current') return false;
  const t0 = Date.now();
  log(`console: ${state === 'missing' ? 'not built yet' : 'sources changed since the last build'}: building it (Vite)…`);
  await buildConsole().done;
  log(`console: built in ${((Date.now() - t0) / 1000).toFixed(1)} s into ${path.relative(process.cwd(), CONSOLE_DIST) || CONSOLE_DIST}`);
  return true;
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  // npm run console:build: always builds (a release, or after editing the console).
  const t0 = Date.now();
  await buildConsole().done.then(
    () => console.log(`console built in ${((Date.now() - t0) / 1000).toFixed(1)} s into ${CONSOLE_DIST} (served at /console)`),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    },
  );
}
