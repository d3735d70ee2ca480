/** The result table (markdown) and BENCHMARKS.md: intro once, then one section per run. */
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
  const env = ['HOTLINE_TOPOLOGY', 'TEMPORAL_ADDRESS', 'BENCH_DATABASE_URL']
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

const INTRO = `# Benchmarks

\`npm run bench\` measures the product against bare Temporal on the same server, in the same run, and appends one
section per run below. \`npm run bench:quick\` (or \`npm run bench -- --quick\`) is a smaller run of under two
minutes; its sections say "quick".

What is measured:

- **Case open**: throughput and client-side p50/p95/p99 latency of \`POST /v1/cases\` over HTTP keep-alive (the
  real API process, \`runtime/api.ts\`, listening on 127.0.0.1) at concurrency 1, 8, 32 and 128; beside it the
  throughput of a bare \`client.workflow.start\` of a trivial workflow on the same server. Their ratio is the
  product's overhead (goal ≥ 0.85 at concurrency 32).
- **Full lifecycle**: cases per second from open to closed with every step through the API (open, dispatch,
  accept, contact, reply, callback) at concurrency 32, against a bare workflow of the same shape driven straight
  through the client (start + 5 Updates, each awaiting one no-op activity). Goal: ratio ≥ 0.7.
- **Memory**: RSS of the worker process (\`runtime/worker.ts\`) and of the API process with 100 and with 10,000
  open idle cases (opened and dispatched, so their deadline timers run; 1,000 in quick runs).
- **List**: p50/p95/p99 of \`GET /v1/cases\` with 100,000 synthetic rows in the database (inserted with SQL, no
  workflows): first page, by status, by unit, by status + unit, and the page reached by following \`nextCursor\`
  20 times.

Beside these, to show where time goes: CPU time per case of each process (API, worker, Temporal server, the
bench's own HTTP client), how long the worker needs after the last \`201\` to catch up with the opens, the history
of one case against one bare lifecycle, and (full runs, concurrency 1 and 32) the open rate split into HTTP API /
\`CasesService.open\` called without HTTP / bare start with the case's start options / bare start.

Each run creates its own database (\`hotline_bench_<timestamp>\`, dropped afterwards unless \`--keep\`), its own
task queues, and its own Temporal server on free ports, of the topology \`--topology\` (or \`HOTLINE_TOPOLOGY\`)
names: \`dev\` (the default) is a headless in-memory Temporal CLI dev server, one process on SQLite;
\`production\` (\`npm run bench -- --topology production\`) is the Temporal Server on PostgreSQL, the same
PostgreSQL server as the bench database with per-run databases \`temporal_<rand>\`/\`temporal_visibility_<rand>\`
dropped afterwards, plus the separate UI server (the binaries of \`npm run tools:install -- production\`, built
if missing). \`TEMPORAL_ADDRESS\` instead names a running server (it must have the case search attributes
registered). \`BENCH_DATABASE_URL\` is the PostgreSQL server the databases are created on (default
\`postgres://postgres@127.0.0.1:5432/postgres\`). The worker and
the API run as child processes (\`node --import tsx runtime/worker.ts\` / \`runtime/api.ts\`, \`LOG_LEVEL=warn\`; the
worker loads a workflow bundle built at the start of the run, as a production worker does); the load generator,
the Temporal client of the bare baselines and their worker run in the bench process.

The numbers below come from a 2-core machine that runs PostgreSQL, the Temporal server, the worker, the API
and the load generator at the same time: they compare the product with bare Temporal on the same box, not with
a production deployment. Nothing here is a pass/fail test; "met"/"NOT met" only compares with the goals.

How to read the two topologies: each section's heading names its own (\`· dev topology\`, \`· production
topology\`, or \`· external server\`; sections without one predate the switch and are dev topology). Compare a
run with runs of the same topology. Across topologies compare the ratios (product / bare Temporal on the same
server, same run), not the rates: on the production topology the server writes every history event and
visibility row to PostgreSQL, which shares the two cores with everything else, so bare Temporal itself is slower
there (measured before: bare starts ≈ 196/s against ≈ 220/s on the dev server, bare lifecycles ≈ 9.1 against
≈ 14 cases/s) and the server's CPU per case is higher. The dev server flatters Temporal; the production topology
is the one whose per-case server and PostgreSQL costs resemble a deployment's, still squeezed onto one box.
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
  if ((await readText(file)) === null) await writeFile(file, INTRO);
  await appendFile(file, `\n${section.trimEnd()}\n`);
  return file;
}
