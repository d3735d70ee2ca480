/**
 * Finds or builds the Temporal CLI. `temporal` on PATH wins; otherwise a copy in the project's git-ignored
 * tools folder; otherwise it is built once with `go install` (about 3.5 minutes) and reused from then on.
 * Run directly (`npm run tools:install`) it installs and prints the path.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { TEMPORAL_CLI_MODULE, TEMPORAL_CLI_VERSION } from './versions.js';

const run = promisify(execFile);

async function onPath(cmd: string): Promise<string | null> {
  try {
    const { stdout } = await run('sh', ['-c', `command -v ${cmd}`]);
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

export async function ensureTemporalCli(toolsDir: string, log: (line: string) => void = () => {}): Promise<string> {
  const fromPath = await onPath('temporal');
  if (fromPath) return fromPath;
  const bin = path.resolve(toolsDir, 'bin');
  const local = path.join(bin, 'temporal');
  if (existsSync(local)) return local;
  const go = (await onPath('go')) ?? (existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : null);
  if (!go) throw new Error('the Temporal CLI is not installed and Go is not available to build it; install `temporal` or Go');
  await mkdir(bin, { recursive: true });
  log(`building the Temporal CLI ${TEMPORAL_CLI_VERSION} into ${bin} (first run only, about 3–4 minutes)…`);
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(go, ['install', `${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`], {
      env: { ...process.env, GOBIN: bin, GOFLAGS: '-mod=mod' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    const tick = setInterval(() => log(`  still building the Temporal CLI… ${Math.round((Date.now() - started) / 1000)} s`), 30_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(tick);
      code === 0 ? resolve() : reject(new Error(`go install failed (exit ${code}):\n${stderr}`));
    });
  });
  log(`built the Temporal CLI in ${Math.round((Date.now() - started) / 1000)} s`);
  return local;
}

const isMain = process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]));
if (isMain && process.argv[2] === 'install') {
  const dir = process.env.HOTLINE_TOOLS_DIR ?? '.tools';
  ensureTemporalCli(dir, (l) => console.log(l)).then(
    (p) => console.log(p),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
