/** The result table (markdown) and BENCHMARKS.md: intro and summary once, then one section per run. */
import { appendFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compare, figuresOf, loudWarning, parseRuns, previousRun, renderComparison, type RecordedRun } from './regression.js';
import { readText, ROOT } from './processes.js';

/** Where runs are recorded: the latest sections, and the older ones moved out of the way. */
const BENCHMARK_FILES = ['bench/HISTORY.md', 'BENCHMARKS.md'];

export interface Row {
  metric: string;
  value: string;
  unit: string;
  reference: string;
  verdict: string;
}

/** Numbers in a table cell: fixed decimals, '—' for no number. */
export const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '—');
export const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
export const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '—');

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderTable(rows: readonly Row[]): string {
  const lines = ['| metric | value | unit | reference / goal | verdict |', '|---|---:|---|---|---|'];
  for (const r of rows) lines.push(`| ${cell(r.metric)} | ${cell(r.value)} | ${cell(r.unit)} | ${cell(r.reference)} | ${cell(r.verdict)} |`);
  return lines.join('\n');
}

export function machineLine(temporalVersion: string): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  const gib = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${model} × ${cpus.length} CPUs, ${gib} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}, Temporal: ${temporalVersion}`;
}

/** The command as typed: `npm run bench -- --quick` when run through npm, else the tsx command line (of `file`). */
export function commandLine(file = 'bench/bench.ts'): string {
  // The environment that changes what is measured: where it runs, and the product's switches the children inherit.
  const env = ['HOTLINE_TOPOLOGY', 'TEMPORAL_ADDRESS', 'BENCH_DATABASE_URL', 'ASSESSMENT_COUNTERS', 'WORKER_CACHE_BUDGET_MIB', 'MALLOC_ARENA_MAX', 'NOTIFY_DELIVERY', 'BENCH_WITHOUT_LIVE_TRIGGER']
    .filter((k) => process.env[k])
    .map((k) => `${k}=${k === 'BENCH_DATABASE_URL' ? process.env[k]!.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@') : process.env[k]}`);
  const args = process.argv.slice(2);
  const event = process.env.npm_lifecycle_event;
  const script = process.env.npm_lifecycle_script;
  let cmd: string;
  if (event && script) {
    // The script's own arguments (e.g. --quick in bench:quick) are not what the user typed.
    const own = script.split(/\s+/).slice(2);
    const extra = args.slice(own.filter((a, i) => args[i] === a).length);
    cmd = `npm run ${event}${extra.length ? ` -- ${extra.join(' ')}` : ''}`;
  } else {
    cmd = `tsx ${file}${args.length ? ` ${args.join(' ')}` : ''}`;
  }
  return [...env, cmd].join(' ');
}

/**
 * The top of BENCHMARKS.md, written when the file is missing (bench/regression.test.ts checks the file starts with
 * it): what is measured, and where older runs are. The summary of the latest full runs follows it in the file.
 */
export const INTRO = `# Benchmarks

Two benchmarks measure the product against bare Temporal on the same server in the same run; compare their
ratios, not their rates (this 2-core machine, which runs PostgreSQL, Temporal, the worker, the API and the load
generator at once, has run 1.5× slower on one day than another). "met" / "NOT met" only compares with the goals.

- \`npm run bench\` (\`bench/bench.ts\`, about 16 minutes; \`npm run bench:quick\` under 2, smaller counts):
  **open**: \`POST /v1/cases\` at concurrency 1, 8, 32 and 128 against a bare \`client.workflow.start\` (goal: ratio
  ≥ 0.85 at c=32); **lifecycle**: open → closed with every step through the API at c=32 against a bare workflow
  of the same shape, start + 5 Updates each awaiting one no-op activity (goal: ratio ≥ 0.7); **memory**: worker
  and API RSS with 100 and 10,000 open idle cases (goal: the worker's ≤ 1.5× at 10,000 what it is at 100);
  **list**: \`GET /v1/cases\` at 100,000 synthetic rows. Beside them, to show where time goes: CPU per case of
  each process, the worker's catch-up after a burst of opens, one case's history against one bare lifecycle.
- \`npm run bench:deadlines\` (\`bench/deadlines.ts\`, about 17 minutes): N = 500 and 2,000 deadline warnings
  falling due at once, the product's yellow and red lateness against a bare herd of N timers (goal: product p99
  ≤ 1.25 × bare p99), every warning notice delivered exactly once through the webhook channel, and what
  \`endOfDay\` deadlines would do to a day's intake (an extrapolation, not a measurement).

Each run creates its own database, task queues and Temporal server: \`--topology dev\` (the default, the CLI dev
server on SQLite in memory) or \`--topology production\` (Temporal Server on PostgreSQL plus the UI server; \`npm
run bench\` only), or uses the server \`TEMPORAL_ADDRESS\` names. The worker and the API run as child processes
with payload encryption and authentication as in production.

A run appends its section below: its table, and its figures against the previous run of the same kind and
topology, a fall of more than 10 % flagged as REGRESSION. Older sections are in
[bench/HISTORY.md](bench/HISTORY.md); the comparison reads both files. **Whoever records a new full run updates
the summary below.**
`;

/** Every run recorded so far (BENCHMARKS.md and the history file it sheds old sections into), oldest first. */
export async function recordedRuns(): Promise<RecordedRun[]> {
  const texts = await Promise.all(BENCHMARK_FILES.map((f) => readText(path.join(ROOT, f))));
  return parseRuns(texts.filter((t): t is string => t !== null).join('\n'));
}

/**
 * The comparison block for a new section (and a loud warning on stderr when a figure fell by more than 10 %
 * against the previous run of the same kind and topology).
 */
export async function regressionBlock(current: Pick<RecordedRun, 'kind' | 'mode' | 'topology'>, rows: readonly Row[], warn: (s: string) => void): Promise<string> {
  const figures = figuresOf(current.kind, rows.map((r) => [r.metric, r.value, r.unit, r.reference]));
  const topology = current.topology.replace(/ \(.*$/, '');
  const comparison = compare(previousRun(await recordedRuns(), { ...current, topology, at: new Date().toISOString() }), figures);
  const loud = loudWarning(comparison);
  if (loud) warn(loud);
  else if (comparison.previous) warn(`no figure fell by more than 10 % against the run of ${comparison.previous.at}`);
  return renderComparison(comparison);
}

/**
 * Records a run: its section (the heading, the notes, the table, and the comparison with the previous run of its
 * kind and topology) printed to stdout and appended to BENCHMARKS.md.
 */
export async function recordRun(
  run: Pick<RecordedRun, 'kind' | 'mode'> & { heading: string; notes: readonly string[]; topologyLabel: string; rows: readonly Row[]; totalS: number },
  log: (s: string) => void,
): Promise<void> {
  const section = [
    run.heading,
    '',
    ...run.notes,
    '',
    renderTable(run.rows),
    '',
    await regressionBlock({ kind: run.kind, mode: run.mode, topology: run.topologyLabel.replace(/ topology$/, '') }, run.rows, log),
    '',
  ].join('\n');
  console.log(section);
  const file = await appendToBenchmarks(section);
  log(`appended to ${file}; total ${f0(run.totalS)} s`);
}

export async function appendToBenchmarks(section: string): Promise<string> {
  const file = path.join(ROOT, 'BENCHMARKS.md');
  if ((await readText(file)) === null) await writeFile(file, `${INTRO}\n## Latest full runs\n\nNone recorded yet.\n`);
  await appendFile(file, `\n${section.trimEnd()}\n`);
  return file;
}
