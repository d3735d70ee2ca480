/**
 * Finds or builds the Go programs the project runs (platform/versions.ts pins them). Each is built once with
 * `go install` into its own folder of the git-ignored tools folder, `<tools>/<name>/bin` (GOBIN per tool: the
 * Temporal server and the UI server are both called `server`), and reused from then on. A `version` file beside
 * `bin` records which package@version was built; a changed pin rebuilds.
 *
 * The Temporal CLI keeps its old rules: `temporal` on PATH wins, and a copy in `<tools>/bin` (where earlier
 * versions of this file put it) is reused.
 *
 * Programs of this repository (platform/versions.ts LocalGoTool: the S3 test server) are built with `go build` from
 * their own module folder, and rebuilt when their source files change (the `version` file holds their hash).
 *
 * Run directly:
 *   npm run tools:install               what `npm start` and `npm test` need: the Temporal CLI and the S3 test server; prints their paths
 *   npm run tools:install -- cli         the Temporal CLI alone
 *   npm run tools:install -- production  everything the production topology needs, one after another
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { GO_TOOLS, PRODUCTION_TOOLS, S3_TEST_SERVER, type GoTool, type LocalGoTool } from '../platform/versions.js';

const run = promisify(execFile);

async function onPath(cmd: string): Promise<string | null> {
  try {
    const { stdout } = await run('sh', ['-c', `command -v ${cmd}`]);
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

async function findGo(): Promise<string | null> {
  return (await onPath('go')) ?? (existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : null);
}

const stampOf = (tool: GoTool) => `${tool.pkg}@${tool.version}`;

/** Where the tool lives once built (whether or not it is there yet). */
export function toolPath(toolsDir: string, tool: GoTool): string {
  return path.resolve(toolsDir, tool.name, 'bin', tool.binary);
}

/** The built binary if it is there and built from the pinned version; null otherwise. Never builds. */
export async function findTool(toolsDir: string, tool: GoTool): Promise<string | null> {
  const binary = toolPath(toolsDir, tool);
  if (!existsSync(binary)) return null;
  const stamp = await readFile(path.resolve(toolsDir, tool.name, 'version'), 'utf8').catch(() => null);
  // No stamp: built by hand into the folder; trust it (`go version -m <binary>` tells what it is).
  return stamp === null || stamp.trim() === stampOf(tool) ? binary : null;
}

/** Builds the tool once into `<tools>/<name>/bin` and returns its path; reuses what is there. */
export async function ensureTool(toolsDir: string, tool: GoTool, log: (line: string) => void = () => {}): Promise<string> {
  const found = await findTool(toolsDir, tool);
  if (found) return found;
  const go = await findGo();
  if (!go) throw new Error(`${tool.title} is not in ${path.resolve(toolsDir, tool.name)} and Go is not available to build it; install Go`);
  const bin = path.dirname(toolPath(toolsDir, tool));
  await mkdir(bin, { recursive: true });
  log(`building ${tool.title} ${tool.version} into ${bin} (once, about ${tool.minutes} minutes)…`);
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(go, ['install', stampOf(tool)], {
      env: { ...process.env, GOBIN: bin, GOFLAGS: '-mod=mod' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    const tick = setInterval(() => log(`  still building ${tool.title}… ${Math.round((Date.now() - started) / 1000)} s`), 30_000);
    child.on('error', (err) => (clearInterval(tick), reject(err)));
    child.on('exit', (code) => {
      clearInterval(tick);
      code === 0 ? resolve() : reject(new Error(`go install ${stampOf(tool)} failed (exit ${code}):\n${stderr}`));
    });
  });
  await writeFile(path.resolve(toolsDir, tool.name, 'version'), `${stampOf(tool)}\n`);
  log(`built ${tool.title} in ${Math.round((Date.now() - started) / 1000)} s`);
  return toolPath(toolsDir, tool);
}

/** The repository's root (this file is in runtime/). */
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What a local tool is built from: the hash of its folder's go.mod, go.sum and .go files. */
async function sourceStamp(tool: LocalGoTool): Promise<string> {
  const dir = path.join(REPO_ROOT, tool.source);
  const files = (await readdir(dir)).filter((f) => f === 'go.mod' || f === 'go.sum' || f.endsWith('.go')).sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f}\n`).update(await readFile(path.join(dir, f)));
  return `${tool.source}@sha256:${hash.digest('hex').slice(0, 16)}`;
}

/** The built local tool if it is there and built from the current source; null otherwise. Never builds. */
export async function findLocalTool(toolsDir: string, tool: LocalGoTool): Promise<string | null> {
  const binary = path.resolve(toolsDir, tool.name, 'bin', tool.binary);
  if (!existsSync(binary)) return null;
  const stamp = await readFile(path.resolve(toolsDir, tool.name, 'version'), 'utf8').catch(() => null);
  return stamp?.trim() === (await sourceStamp(tool)) ? binary : null;
}

/** Builds a program of this repository once (`go build` in its module folder) and returns its path; reuses what is there. */
export async function ensureLocalTool(toolsDir: string, tool: LocalGoTool, log: (line: string) => void = () => {}): Promise<string> {
  const found = await findLocalTool(toolsDir, tool);
  if (found) return found;
  const go = await findGo();
  if (!go) throw new Error(`${tool.title} is not built in ${path.resolve(toolsDir, tool.name)} and Go is not available to build it; install Go`);
  const binary = path.resolve(toolsDir, tool.name, 'bin', tool.binary);
  await mkdir(path.dirname(binary), { recursive: true });
  log(`building ${tool.title} into ${path.dirname(binary)} (once, about ${tool.minutes} minutes)…`);
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(go, ['build', '-trimpath', '-o', binary, '.'], { cwd: path.join(REPO_ROOT, tool.source), env: process.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`go build of ${tool.source} failed (exit ${code}):\n${stderr}`))));
  });
  await writeFile(path.resolve(toolsDir, tool.name, 'version'), `${await sourceStamp(tool)}\n`);
  log(`built ${tool.title} in ${Math.round((Date.now() - started) / 1000)} s`);
  return binary;
}

/** The Temporal CLI: `temporal` on PATH, else the copy in the tools folder, else built once (3–4 minutes). */
export async function ensureTemporalCli(toolsDir: string, log: (line: string) => void = () => {}): Promise<string> {
  const fromPath = await onPath('temporal');
  if (fromPath) return fromPath;
  const legacy = path.resolve(toolsDir, 'bin', GO_TOOLS.cli.binary);
  if (existsSync(legacy)) return legacy;
  return ensureTool(toolsDir, GO_TOOLS.cli, log);
}

export interface ProductionTools {
  cli: string;
  server: string;
  sqlTool: string;
  uiServer: string;
}

/** Everything the production topology runs, built one after another (each build uses every core). */
export async function ensureProductionTools(toolsDir: string, log: (line: string) => void = () => {}): Promise<ProductionTools> {
  const cli = await ensureTemporalCli(toolsDir, log);
  const server = await ensureTool(toolsDir, GO_TOOLS.server, log);
  const sqlTool = await ensureTool(toolsDir, GO_TOOLS.sqlTool, log);
  const uiServer = await ensureTool(toolsDir, GO_TOOLS.uiServer, log);
  return { cli, server, sqlTool, uiServer };
}

/** The production tools if all are built already (tests use this to decide whether to run); never builds. */
export async function findProductionTools(toolsDir: string): Promise<ProductionTools | { missing: string[] }> {
  const cli = (await onPath('temporal')) ?? (existsSync(path.resolve(toolsDir, 'bin', 'temporal')) ? path.resolve(toolsDir, 'bin', 'temporal') : await findTool(toolsDir, GO_TOOLS.cli));
  const [server, sqlTool, uiServer] = await Promise.all([GO_TOOLS.server, GO_TOOLS.sqlTool, GO_TOOLS.uiServer].map((t) => findTool(toolsDir, t)));
  const missing = (
    [
      [cli, GO_TOOLS.cli],
      [server, GO_TOOLS.server],
      [sqlTool, GO_TOOLS.sqlTool],
      [uiServer, GO_TOOLS.uiServer],
    ] as const
  )
    .filter(([p]) => !p)
    .map(([, t]) => `${t.title} (${toolPath(toolsDir, t)})`);
  if (missing.length || !cli || !server || !sqlTool || !uiServer) return { missing };
  return { cli, server, sqlTool, uiServer };
}

const isMain = process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]));
if (isMain && process.argv[2] === 'install') {
  const dir = process.env.HOTLINE_TOOLS_DIR ?? '.tools';
  const what = process.argv[3];
  const fail = (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  };
  if (what === 'production') {
    console.log(`production topology tools: ${PRODUCTION_TOOLS.map((t) => `${t.title} ${t.version}`).join(', ')}`);
    ensureProductionTools(dir, (l) => console.log(l)).then((tools) => {
      for (const [name, p] of Object.entries(tools)) console.log(`${name.padEnd(9)} ${p}`);
    }, fail);
  } else if (what === 'cli') {
    ensureTemporalCli(dir, (l) => console.log(l)).then((p) => console.log(p), fail);
  } else if (what === undefined) {
    (async () => {
      const cli = await ensureTemporalCli(dir, (l) => console.log(l));
      const s3 = await ensureLocalTool(dir, S3_TEST_SERVER, (l) => console.log(l));
      console.log(cli);
      console.log(s3);
    })().catch(fail);
  } else {
    fail(`unknown tool set '${what}': use no argument (the Temporal CLI and the S3 test server), 'cli' or 'production'`);
  }
}
