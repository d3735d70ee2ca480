/**
 * `npm run bench` / `npm run bench -- --quick` (or `npm run bench:quick`): the product against bare Temporal on the
 * same server, in one run. Prints one markdown table to stdout and appends it to BENCHMARKS.md; progress goes to
 * stderr. Options: --quick (smaller, under two minutes), --keep (keep the bench database and logs), --topology
 * dev|production (or HOTLINE_TOPOLOGY; default dev): the Temporal server the run starts — the CLI dev server
 * (SQLite in memory, one process) or the production topology (Temporal Server on PostgreSQL with per-run databases,
 * plus the UI server; runtime/temporal-ephemeral.ts). The section in BENCHMARKS.md names it.
 * Environment: TEMPORAL_ADDRESS (use a running server instead of starting one), BENCH_DATABASE_URL (the
 * PostgreSQL server to create the bench database on, and the production topology's databases; default
 * postgres://postgres@127.0.0.1:5432/postgres).
 * Authentication as in production: the run generates its own JWT keys and verification-code secret, gives them
 * to the API child (AUTH_JWT_KEYS, CASE_CODE_SECRET; a rate limit no run reaches) and signs one token per person
 * of the demo city (runtime/auth-cli.ts, DEV_PRINCIPALS): the intake agent opens, the city dispatcher dispatches
 * and lists, the handler of the street office the case goes to (d01-s01) signs for, contacts and replies, the
 * callback agent calls back.
 * No assertions on times: this prints numbers.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Client, WorkflowIdReusePolicy } from '@temporalio/client';
import { DefaultLogger, makeTelemetryFilterString, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createCasesRepository } from '../api/cases.repository.js';
import { createCaseBody } from '../api/cases.schemas.js';
import { createAttachmentsRepository } from '../api/attachments.repository.js';
import { createCasesService } from '../api/cases.service.js';
import { createReferenceService } from '../api/reference.service.js';
import { principalOfClaims } from '../platform/auth-keys.js';
import { cacheSizeFor } from '../runtime/case-worker.js';
import { loadConfig } from '../platform/config.js';
import { encryptedDataConverter } from '../platform/payload-codec.js';
import { topologyOf, type TopologyName } from '../runtime/temporal-ephemeral.js';
import { CaseCategory, CaseRound, CaseStatus, EscalationLevel, WarningLevel } from '../workflows/search-attributes.js';
import * as bareActivities from './bare.activities.js';
import { BARE_LIFECYCLE_STEPS, bareLifecycleWorkflow, bareTrivialWorkflow, bareUpdates } from './bare.workflows.js';
import { benchComplaint } from './fixtures.js';
import { closedLoop, percentiles, type LoadResult, type Percentiles } from './load.js';
import { cpuDelta, cpuMsOf, cpuSnapshot, machineCpuMs, progress, readMemory, runBench, sleep, type CpuSnapshot, type Memory, type RunState } from './processes.js';
import { commandLine, f0, f1, f2, machineLine, recordRun, type Row } from './report.js';
import { BenchRun, NAMESPACE, person, startBenchEnv, startCaseStack, waitForCases, type BenchEnv, type CaseStack } from './stack.js';
import { insertSyntheticCases } from './synthetic.js';
import { createActionSigner } from '../api/action-signer.js';
import { createRepeatsRepository } from '../api/repeats.repository.js';
import { createRepeatMatcher } from '../api/repeats.service.js';
import { clientTlsOf, sdkTls } from '../runtime/temporal-tls.js';

// ---------------------------------------------------------------------------------------------------------------
// Options and plan

const USAGE = 'usage: npm run bench [-- [--quick] [--keep] [--topology dev|production] [--memory-cases N] [--memory-only | --lifecycle-only]]';
const args = process.argv.slice(2);
let topologyArg: string | undefined;
/** --memory-cases N: after the 10,000 (1,000 quick) idle cases, open up to N and sample memory again. */
let memoryHuge: number | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--memory-cases') memoryHuge = Number(args[++i]);
  else if (a === '--topology') topologyArg = args[++i];
  else if (a.startsWith('--topology=')) topologyArg = a.slice('--topology='.length);
  else if (!['--quick', '--keep', '--memory-only', '--lifecycle-only'].includes(a)) {
    console.error(`unknown option ${a}\n${USAGE}`);
    process.exit(2);
  }
}
if (memoryHuge !== undefined && !(Number.isInteger(memoryHuge) && memoryHuge > 0)) {
  console.error(`--memory-cases needs a whole number of cases\n${USAGE}`);
  process.exit(2);
}
const QUICK = args.includes('--quick');
const KEEP = args.includes('--keep');
/** --memory-only: the memory step alone (its figures compare with the memory rows of earlier runs). */
const MEMORY_ONLY = args.includes('--memory-only');
/**
 * --lifecycle-only: the lifecycle step alone, at the full run's durations (its ratio compares with the lifecycle
 * ratio of earlier runs): to measure a change on the lifecycle path several times over, A, B, A, B, in the time of
 * one full run.
 */
const LIFECYCLE_ONLY = args.includes('--lifecycle-only');
if (MEMORY_ONLY && LIFECYCLE_ONLY) {
  console.error(`--memory-only and --lifecycle-only exclude each other\n${USAGE}`);
  process.exit(2);
}
let TOPOLOGY: TopologyName;
try {
  TOPOLOGY = topologyOf(topologyArg ?? process.env.HOTLINE_TOPOLOGY);
} catch (err) {
  console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  process.exit(2);
}
/** What the section is labelled with: the topology started, or the external server. */
const TOPOLOGY_LABEL = process.env.TEMPORAL_ADDRESS ? 'external server (TEMPORAL_ADDRESS)' : `${TOPOLOGY} topology`;

const PLAN = QUICK
  ? { openLevels: [1, 32], openMs: 2_000, serviceLevels: [] as number[], warm: 8, lifecycleConcurrency: 32, lifecycleMs: 5_000, memSmall: 100, memLarge: 1_000, settleMs: 500, listRows: 100_000, listSamples: 10, deepChains: 1 }
  : { openLevels: [1, 8, 32, 128], openMs: 10_000, serviceLevels: [1, 32], warm: 64, lifecycleConcurrency: 32, lifecycleMs: 30_000, memSmall: 100, memLarge: 10_000, settleMs: 3_000, listRows: 100_000, listSamples: 200, deepChains: 20 };
const MODE = QUICK ? 'quick' : MEMORY_ONLY ? 'memory only' : LIFECYCLE_ONLY ? 'lifecycle only' : 'full';
const GOAL_OPEN_RATIO = 0.85;
const GOAL_LIFECYCLE_RATIO = 0.7;
const GOAL_LEVEL = 32;
/** Worker RSS with 10,000 open idle cases ÷ with 100 (issue 17). */
const GOAL_RSS_RATIO = 1.5;
/**
 * Measured here with bare workflows at c=32 (production topology issue): dev server start ≈ 220/s, lifecycle
 * ≈ 14 cases/s; production topology (Temporal Server on PostgreSQL, 2 cores shared) ≈ 196/s and ≈ 9.1 cases/s.
 */
const REF = TOPOLOGY === 'production' ? { start: 196, lifecycle: 9.1, on: 'production topology' } : { start: 220, lifecycle: 14, on: 'dev server' };
const REF_BARE_START = REF.start;
const REF_BARE_LIFECYCLE = REF.lifecycle;

/** This run: its id, its payload key and authentication keys (passed to the children by env), its cleanup. */
const RUN = new BenchRun(KEEP);
const RUN_ID = RUN.id;
const BARE_WORKFLOWS_PATH = fileURLToPath(new URL(`./bare.workflows${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));
const FILTER_UNIT = 'd01-s01';
const FILTER_STATUS = 'dispatched';

const cleanup = RUN.cleanup;
/** Stopping (a signal, a failure, or done) and failed: read by the loops below; set by runBench. */
const run: RunState = RUN.state;
/** CPU used by the worker and API children already stopped (ms), for the machine-share line. */
let stoppedChildrenCpuMs = 0;

// ---------------------------------------------------------------------------------------------------------------
// Formatting

const ms = (p: Percentiles) => `${f1(p.p50)} / ${f1(p.p95)} / ${f1(p.p99)}`;
const errs = (r: LoadResult) => (r.errors ? `; ${r.errors} errors (first: ${r.firstError})` : '');
const quickTag = (s: string) => (QUICK ? `${s} [quick]` : s);
const verdict = (ratio: number, goal: number) => (!Number.isFinite(ratio) ? 'no data' : ratio >= goal ? 'met' : 'NOT met');

// ---------------------------------------------------------------------------------------------------------------
// Case bodies (README walkthrough)

/** Complaints numbered across the whole run, so no two phases reuse a caller (bench/fixtures.ts benchComplaint). */
let complaintSeq = 0;
const complaint = () => benchComplaint(complaintSeq++);

const bearer = (key: string) => RUN.bearer(key);
const INTAKE = bearer('intake_agent');
/** The city dispatcher: sees every case, so lists are unfiltered by scope, as before authentication. */
const DISPATCHER = bearer('dispatcher');
const HANDLER = bearer('unit_handler');
const CALLBACK = bearer('callback_agent');
const DISPATCH_UNIT = person('unit_handler').unit!;
const LIFECYCLE: ReadonlyArray<{ action: (typeof BARE_LIFECYCLE_STEPS)[number]; body: Record<string, unknown>; actor: Record<string, string> }> = [
  { action: 'dispatch', body: { unitId: DISPATCH_UNIT, note: '属地街道处理' }, actor: DISPATCHER },
  { action: 'accept', body: {}, actor: HANDLER },
  { action: 'contact', body: { method: 'phone', note: '已电话联系' }, actor: HANDLER },
  { action: 'reply', body: { content: '已责令停止夜间施工', resolved: true }, actor: HANDLER },
  { action: 'callback', body: { contacted: true, resolved: true, satisfaction: 'satisfied' }, actor: CALLBACK },
];

// ---------------------------------------------------------------------------------------------------------------
// Stack

interface Env extends BenchEnv {
  bareQueue: string;
}

async function startEnv(): Promise<Env> {
  const env = await startBenchEnv(RUN, { name: 'bench', topology: TOPOLOGY });
  return { ...env, bareQueue: `bench-bare-${RUN_ID}` };
}

/** The bare baselines' worker, in the bench process, on its own task queue. */
async function startBareWorker(env: Env): Promise<void> {
  progress(`starting the bare worker in the bench process (task queue ${env.bareQueue})…`);
  const native = await NativeConnection.connect({ address: env.address, ...(env.tls && { tls: sdkTls(await clientTlsOf(env.tls, 'worker')) }) });
  cleanup.add('bare worker connection', () => native.close());
  const bareWorker = await Worker.create({
    connection: native,
    namespace: NAMESPACE,
    taskQueue: env.bareQueue,
    workflowsPath: BARE_WORKFLOWS_PATH,
    activities: bareActivities,
  });
  const bareRunning = bareWorker.run();
  cleanup.add('bare worker', async () => {
    if (bareWorker.getState() === 'RUNNING') bareWorker.shutdown();
    await bareRunning;
  });
}

/** The product's worker and API on a task queue of their own. */
const startCases = (env: Env, label: string) => startCaseStack(RUN, env, { queue: 'bench-cases', label });

/** Stops a case stack, counting the CPU its children used for the machine-share line. */
async function stopCases(stack: CaseStack): Promise<void> {
  stoppedChildrenCpuMs += (cpuMsOf(stack.api.pid) || 0) + (cpuMsOf(stack.worker.pid) || 0);
  await stack.stop();
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** Polls until the worker has written what the API already answered (e.g. every opened case has its policy): ms. */
async function catchUp(env: Env, ids: readonly string[], condition: string, timeoutMs = 180_000): Promise<number> {
  return (await waitForCases(RUN, env, ids, condition, { timeoutMs })).ms;
}

/** Waits for bare workflows to complete (so one run's tail does not load the next). */
async function bareDone(env: Env, workflowIds: readonly string[]): Promise<void> {
  await closedLoop({ concurrency: 64, count: workflowIds.length }, (n) => env.client.workflow.getHandle(workflowIds[n]!).result());
}

const cpuOf = (env: Env, stack: CaseStack): CpuSnapshot => cpuSnapshot({ api: stack.api.pid, worker: stack.worker.pid, server: env.serverPid });
const perOp = (d: CpuSnapshot, who: string, n: number) => (d[who] === undefined ? Number.NaN : d[who]! / Math.max(1, n));

function assertStacks(stack: CaseStack): void {
  stack.worker.assertAlive();
  stack.api.assertAlive();
}

// ---------------------------------------------------------------------------------------------------------------
// Phases

async function listPhase(env: Env, stack: CaseStack, rows: Row[]): Promise<void> {
  progress(`list: inserting ${PLAN.listRows.toLocaleString('en')} synthetic cases with generate_series…`);
  const t0 = performance.now();
  await insertSyntheticCases(env.dbUrl, PLAN.listRows);
  const insertS = (performance.now() - t0) / 1000;
  const { rows: counts } = await env.database.pool.query<{ total: number; st: number; unit: number; both: number }>(
    `select count(*)::int as total, count(*) filter (where status = $1)::int as st, count(*) filter (where unit_id = $2)::int as unit,
            count(*) filter (where status = $1 and unit_id = $2)::int as both from cases`,
    [FILTER_STATUS, FILTER_UNIT],
  );
  const c = counts[0]!;
  progress(`list: ${c.total.toLocaleString('en')} rows in ${insertS.toFixed(1)} s; measuring GET /v1/cases (${PLAN.listSamples} samples per query, concurrency 1)…`);
  rows.push({ metric: 'list: cases in the database', value: c.total.toLocaleString('en'), unit: 'rows', reference: `synthetic, inserted in ${insertS.toFixed(1)} s (generate_series)`, verdict: '—' });

  const queries: Array<[string, string, number]> = [
    ['list: first page, unfiltered', '/v1/cases', c.total],
    [`list: status=${FILTER_STATUS}`, `/v1/cases?status=${FILTER_STATUS}`, c.st],
    [`list: unitId=${FILTER_UNIT}`, `/v1/cases?unitId=${FILTER_UNIT}`, c.unit],
    [`list: status=${FILTER_STATUS} & unitId=${FILTER_UNIT}`, `/v1/cases?status=${FILTER_STATUS}&unitId=${FILTER_UNIT}`, c.both],
  ];
  for (const [metric, url, matching] of queries) {
    await closedLoop({ concurrency: 1, count: 5 }, () => stack.http.get(url, DISPATCHER));
    const r = await closedLoop({ concurrency: 1, count: PLAN.listSamples, stopped: () => run.stopping }, async () => {
      const page = await stack.http.get<{ items: unknown[] }>(url, DISPATCHER);
      if (page.items.length === 0) throw new Error(`${url}: empty page`);
    });
    rows.push({ metric: `${metric} — p50 / p95 / p99`, value: ms(percentiles(r.latencies)), unit: 'ms', reference: `${matching.toLocaleString('en')} matching rows, limit 50, n=${r.ok}${errs(r)}`, verdict: '—' });
  }

  // Deep page: follow nextCursor 20 times from the first page; the 21st request is the one measured.
  const deep: number[] = [];
  const chains: number[] = [];
  for (let i = 0; i < PLAN.deepChains + 1 && !run.stopping; i++) {
    const c0 = performance.now();
    let page = await stack.http.get<{ nextCursor: string | null }>('/v1/cases', DISPATCHER);
    let last = 0;
    for (let hop = 0; hop < 20; hop++) {
      if (!page.nextCursor) throw new Error(`the cursor chain ended after ${hop} pages`);
      const t = performance.now();
      page = await stack.http.get<{ nextCursor: string | null }>(`/v1/cases?cursor=${encodeURIComponent(page.nextCursor)}`, DISPATCHER);
      last = performance.now() - t;
    }
    if (i > 0) {
      // the first chain is a warm-up
      deep.push(last);
      chains.push(performance.now() - c0);
    }
  }
  rows.push({
    metric: 'list: deep page (nextCursor followed 20×) — p50 / p95 / p99',
    value: ms(percentiles(deep)),
    unit: 'ms',
    reference: `page 21 of the unfiltered list; whole 21-request walk p50 ${f0(percentiles(chains).p50)} ms; n=${deep.length}`,
    verdict: '—',
  });
}

interface OpenLevel {
  c: number;
  api: LoadResult;
  bare: LoadResult;
  catchUpMs: number;
  /** CPU used during the API run and the worker's catch-up, and during the bare run. */
  apiCpu: CpuSnapshot;
  bareCpu: CpuSnapshot;
  /** The API's own service, called in the bench process: the same workflow start without HTTP and Fastify. */
  service?: LoadResult;
  /** A bare start of the trivial workflow with the options the API starts a case with (search attributes, summary). */
  bareWithOptions?: LoadResult;
}

async function openPhase(env: Env, stack: CaseStack, rows: Row[]): Promise<void> {
  let seq = 0;
  const openOnce = async (ids: string[]) => {
    const body = await stack.http.post<{ id: string }>('/v1/cases', complaint(), { ...INTAKE, 'idempotency-key': `bench-${RUN_ID}-open-${seq++}` }, [201]);
    ids.push(body.id);
  };
  let bareSeq = 0;
  const startBare = async (wids: string[]) => {
    const workflowId = `bench-bare-start-${RUN_ID}-${bareSeq++}`;
    await env.client.workflow.start(bareTrivialWorkflow, { taskQueue: env.bareQueue, workflowId });
    wids.push(workflowId);
  };

  // The trivial workflow, started with the options CasesService.open starts a case with.
  const startBareWithOptions = async (wids: string[]) => {
    const workflowId = `bench-bare-opts-${RUN_ID}-${bareSeq++}`;
    await env.client.workflow.start(bareTrivialWorkflow, {
      taskQueue: env.bareQueue,
      workflowId,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      typedSearchAttributes: [
        { key: CaseStatus, value: 'received' },
        { key: CaseCategory, value: 'env.noise.construction' },
        { key: WarningLevel, value: 'none' },
        { key: EscalationLevel, value: 0 },
        { key: CaseRound, value: 1 },
      ],
      staticSummary: '投诉 施工噪音 · phone',
      staticDetails: `Case ${workflowId}\nCategory: env.noise.construction\nChannel: phone\nOpened by: intake_agent`,
    });
    wids.push(workflowId);
  };

  // CasesService.open in the bench process, on the main stack's task queue (its worker runs the cases).
  const reference = createReferenceService(env.database.db);
  await reference.start(() => {});
  // The product's client encrypts, as the API's does (env.client stays bare for the baselines).
  const productClient = new Client({ connection: env.client.connection, namespace: NAMESPACE, dataConverter: encryptedDataConverter([RUN.payloadKey]) });
  const sign = createActionSigner([RUN.actionKey]);
  // As the API builds it (api/app.ts): with the repeat search and link, so the two differ by HTTP alone.
  const repeats = createRepeatMatcher({ client: productClient, repository: createRepeatsRepository(env.database.db), unitType: (id) => reference.unitType(id), log: { warn() {} }, sign });
  const service = createCasesService({
    client: productClient,
    taskQueue: stack.taskQueue,
    repository: createCasesRepository(env.database.db),
    reference,
    repeats,
    sign,
    attachments: createAttachmentsRepository(env.database.db),
  });
  const intake = person('intake_agent');
  const intakePrincipal = principalOfClaims({ sub: intake.sub, roles: [intake.role], unit: intake.unit });
  const openDirect = async (ids: string[]) => {
    const { view } = await service.open(createCaseBody.parse(complaint()), `bench-${RUN_ID}-svc-${seq++}`, intakePrincipal, intake.role);
    ids.push(view.id);
  };

  // One warm-up of each path (JIT, connections, caches), not counted.
  progress('open: warming up (API and bare start)…');
  const warmIds: string[] = [];
  await closedLoop({ concurrency: 8, count: PLAN.warm }, () => openOnce(warmIds));
  await catchUp(env, warmIds, 'policy_version is not null');
  const warmBare: string[] = [];
  await closedLoop({ concurrency: 8, count: PLAN.warm }, () => startBare(warmBare));
  await bareDone(env, warmBare);

  const levels: OpenLevel[] = [];
  for (const c of PLAN.openLevels) {
    if (run.stopping) return;
    assertStacks(stack);
    // Enough connections / in-flight requests for this level before measuring.
    const pre: string[] = [];
    await closedLoop({ concurrency: c, count: c }, () => openOnce(pre));
    await catchUp(env, pre, 'policy_version is not null');
    progress(`open: POST /v1/cases at concurrency ${c} for ${PLAN.openMs / 1000} s…`);
    const ids: string[] = [];
    const cpu0 = cpuOf(env, stack);
    const api = await closedLoop({ concurrency: c, durationMs: PLAN.openMs, stopped: () => run.stopping }, () => openOnce(ids));
    const catchUpMs = await catchUp(env, ids, 'policy_version is not null');
    const apiCpu = cpuDelta(cpu0, cpuOf(env, stack));
    progress(`open: c=${c}: ${f1(api.rate)} cases/s (p50 ${f1(percentiles(api.latencies).p50)} ms); the worker caught up ${f1(catchUpMs / 1000)} s later`);

    const preBare: string[] = [];
    await closedLoop({ concurrency: c, count: c }, () => startBare(preBare));
    await bareDone(env, preBare);
    progress(`open: bare client.workflow.start at concurrency ${c} for ${PLAN.openMs / 1000} s…`);
    const wids: string[] = [];
    const cpu1 = cpuOf(env, stack);
    const bare = await closedLoop({ concurrency: c, durationMs: PLAN.openMs, stopped: () => run.stopping }, () => startBare(wids));
    await bareDone(env, wids);
    const bareCpu = cpuDelta(cpu1, cpuOf(env, stack));
    progress(`open: c=${c}: bare ${f1(bare.rate)} starts/s (p50 ${f1(percentiles(bare.latencies).p50)} ms); ratio ${f2(api.rate / bare.rate)}`);
    const level: OpenLevel = { c, api, bare, catchUpMs, apiCpu, bareCpu };
    levels.push(level);

    if (PLAN.serviceLevels.includes(c) && !run.stopping) {
      const pre2: string[] = [];
      await closedLoop({ concurrency: c, count: c }, () => openDirect(pre2));
      await catchUp(env, pre2, 'policy_version is not null');
      progress(`open: CasesService.open in the bench process (no HTTP) at concurrency ${c} for ${PLAN.openMs / 1000} s…`);
      const sids: string[] = [];
      level.service = await closedLoop({ concurrency: c, durationMs: PLAN.openMs, stopped: () => run.stopping }, () => openDirect(sids));
      await catchUp(env, sids, 'policy_version is not null');
      progress(`open: c=${c}: service ${f1(level.service.rate)} cases/s (p50 ${f1(percentiles(level.service.latencies).p50)} ms)`);

      progress(`open: bare start with the case's start options at concurrency ${c} for ${PLAN.openMs / 1000} s…`);
      const oids: string[] = [];
      level.bareWithOptions = await closedLoop({ concurrency: c, durationMs: PLAN.openMs, stopped: () => run.stopping }, () => startBareWithOptions(oids));
      await bareDone(env, oids);
      progress(`open: c=${c}: bare start with options ${f1(level.bareWithOptions.rate)} starts/s (p50 ${f1(percentiles(level.bareWithOptions.latencies).p50)} ms)`);
    }
  }
  await repeats.drain();
  reference.stop();

  for (const { c, api, bare } of levels) {
    const ratio = api.rate / bare.rate;
    rows.push({
      metric: `open: POST /v1/cases, c=${c}`,
      value: f1(api.rate),
      unit: 'cases/s',
      reference: `bare start ${f1(bare.rate)}/s → ratio ${f2(ratio)}; n=${api.ok}${errs(api)}`,
      verdict: c === GOAL_LEVEL ? '(see ratio)' : '—',
    });
    rows.push({ metric: `open: latency c=${c} — p50 / p95 / p99`, value: ms(percentiles(api.latencies)), unit: 'ms', reference: `bare start ${ms(percentiles(bare.latencies))} ms`, verdict: '—' });
  }
  for (const { c, api, bare, service: svc, bareWithOptions: opt } of levels) {
    if (!svc || !opt) continue;
    rows.push({
      metric: `open, where the time goes, c=${c}: HTTP API / CasesService.open without HTTP / bare start with the case's start options / bare start`,
      value: [api.rate, svc.rate, opt.rate, bare.rate].map(f1).join(' / '),
      unit: 'starts/s',
      reference: `p50 ${[api, svc, opt, bare].map((r) => f1(percentiles(r.latencies).p50)).join(' / ')} ms; the service runs in the bench process against the same worker${errs(svc)}${errs(opt)}`,
      verdict: '—',
    });
  }
  for (const { c, bare } of levels) {
    rows.push({
      metric: `bare client.workflow.start, c=${c}`,
      value: f1(bare.rate),
      unit: 'starts/s',
      reference: c === GOAL_LEVEL ? `≈${REF_BARE_START}/s measured here before (${REF.on})` : `n=${bare.ok}`,
      verdict: '—',
    });
  }
  rows.push({
    metric: `open: worker catch-up after each run (c=${levels.map((l) => l.c).join('/')})`,
    value: levels.map((l) => f1(l.catchUpMs / 1000)).join(' / '),
    unit: 's',
    reference: `time after the last 201 until every opened case had its policy and row (the API answers before the worker works); cases the worker set up per second over run + catch-up: ${levels.map((l) => f1(l.api.ok / ((l.api.elapsedMs + l.catchUpMs) / 1000))).join(' / ')}`,
    verdict: '—',
  });
  for (const { c, api, bare, apiCpu, bareCpu } of levels) {
    rows.push({
      metric: `open: CPU per case, c=${c} (API / worker / Temporal server / bench HTTP client)`,
      value: [perOp(apiCpu, 'api', api.ok), perOp(apiCpu, 'worker', api.ok), perOp(apiCpu, 'server', api.ok), perOp(apiCpu, 'bench', api.ok)].map(f1).join(' / '),
      unit: 'ms CPU',
      reference: `bare start: Temporal server ${f1(perOp(bareCpu, 'server', bare.ok))}, bench (client + bare worker) ${f1(perOp(bareCpu, 'bench', bare.ok))} ms CPU`,
      verdict: '—',
    });
  }
  const goal = levels.find((l) => l.c === GOAL_LEVEL);
  const ratio = goal ? goal.api.rate / goal.bare.rate : Number.NaN;
  rows.push({ metric: quickTag(`open ratio (API / bare start) at c=${GOAL_LEVEL}`), value: f2(ratio), unit: 'ratio', reference: `goal ≥ ${GOAL_OPEN_RATIO}`, verdict: verdict(ratio, GOAL_OPEN_RATIO) });
}

async function lifecyclePhase(env: Env, stack: CaseStack, rows: Row[]): Promise<void> {
  const c = PLAN.lifecycleConcurrency;
  let seq = 0;
  const apiSteps: Record<string, number[]> = Object.fromEntries(['open', ...BARE_LIFECYCLE_STEPS].map((s) => [s, []]));
  const bareSteps: Record<string, number[]> = Object.fromEntries(['start', ...BARE_LIFECYCLE_STEPS].map((s) => [s, []]));
  const viaApi = async (ids: string[], record: boolean) => {
    let t = performance.now();
    const opened = await stack.http.post<{ id: string }>('/v1/cases', complaint(), { ...INTAKE, 'idempotency-key': `bench-${RUN_ID}-life-${seq++}` }, [201]);
    if (record) apiSteps.open!.push(performance.now() - t);
    let status = '';
    for (const step of LIFECYCLE) {
      t = performance.now();
      const view = await stack.http.post<{ status: string }>(`/v1/cases/${opened.id}/${step.action}`, step.body, step.actor, [200]);
      if (record) apiSteps[step.action]!.push(performance.now() - t);
      status = view.status;
    }
    if (status !== 'closed') throw new Error(`case ${opened.id} ended ${status}, not closed`);
    ids.push(opened.id);
  };
  let bareSeq = 0;
  const bareIds: string[] = [];
  const viaClient = async (record: boolean) => {
    let t = performance.now();
    const handle = await env.client.workflow.start(bareLifecycleWorkflow, { taskQueue: env.bareQueue, workflowId: `bench-bare-life-${RUN_ID}-${bareSeq++}` });
    bareIds.push(handle.workflowId);
    if (record) bareSteps.start!.push(performance.now() - t);
    for (const step of LIFECYCLE) {
      t = performance.now();
      await handle.executeUpdate(bareUpdates[step.action], { args: [step.body] });
      if (record) bareSteps[step.action]!.push(performance.now() - t);
    }
  };

  progress(`lifecycle: warming up (${c} cases each way)…`);
  const warm: string[] = [];
  await closedLoop({ concurrency: c, count: Math.min(c, PLAN.warm) }, () => viaApi(warm, false));
  await catchUp(env, warm, "status = 'closed'");
  await closedLoop({ concurrency: c, count: Math.min(c, PLAN.warm) }, () => viaClient(false));

  assertStacks(stack);
  progress(`lifecycle: open → closed through the API at concurrency ${c} for ${PLAN.lifecycleMs / 1000} s…`);
  const ids: string[] = [];
  const cpu0 = cpuOf(env, stack);
  const api = await closedLoop({ concurrency: c, durationMs: PLAN.lifecycleMs, stopped: () => run.stopping }, () => viaApi(ids, true));
  const catchUpMs = await catchUp(env, ids, "status = 'closed' and closed_at is not null");
  const apiCpu = cpuDelta(cpu0, cpuOf(env, stack));
  progress(`lifecycle: API ${f2(api.rate)} cases/s; the record showed all closed ${f1(catchUpMs / 1000)} s later`);
  progress(`lifecycle: bare workflow (start + 5 Updates, each one no-op activity) at concurrency ${c} for ${PLAN.lifecycleMs / 1000} s…`);
  const cpu1 = cpuOf(env, stack);
  const bare = await closedLoop({ concurrency: c, durationMs: PLAN.lifecycleMs, stopped: () => run.stopping }, () => viaClient(true));
  const bareCpu = cpuDelta(cpu1, cpuOf(env, stack));
  progress(`lifecycle: bare ${f2(bare.rate)} cases/s; ratio ${f2(api.rate / bare.rate)}`);

  const ratio = api.rate / bare.rate;
  rows.push({ metric: `lifecycle: open → closed through the API, c=${c}`, value: f2(api.rate), unit: 'cases/s', reference: `6 requests per case; n=${api.ok}${errs(api)}`, verdict: '—' });
  rows.push({
    metric: `bare lifecycle (start + 5 Updates × 1 no-op activity), c=${c}`,
    value: f2(bare.rate),
    unit: 'cases/s',
    reference: `≈${REF_BARE_LIFECYCLE}/s measured here before (${REF.on}); n=${bare.ok}${errs(bare)}`,
    verdict: '—',
  });
  rows.push({
    metric: 'lifecycle: per-step p50, API (open/dispatch/accept/contact/reply/callback)',
    value: ['open', ...BARE_LIFECYCLE_STEPS].map((s) => f0(percentiles(apiSteps[s]!).p50)).join(' / '),
    unit: 'ms',
    reference: `bare (start/${BARE_LIFECYCLE_STEPS.join('/')}): ${['start', ...BARE_LIFECYCLE_STEPS].map((s) => f0(percentiles(bareSteps[s]!).p50)).join(' / ')} ms`,
    verdict: '—',
  });
  rows.push({
    metric: 'lifecycle: per-case p50 / p95 / p99, API',
    value: ms(percentiles(api.latencies)),
    unit: 'ms',
    reference: `bare ${ms(percentiles(bare.latencies))} ms; record closed ${f1(catchUpMs / 1000)} s after the last callback answered`,
    verdict: '—',
  });
  rows.push({
    metric: 'lifecycle: CPU per case (API / worker / Temporal server / bench HTTP client)',
    value: [perOp(apiCpu, 'api', api.ok), perOp(apiCpu, 'worker', api.ok), perOp(apiCpu, 'server', api.ok), perOp(apiCpu, 'bench', api.ok)].map(f1).join(' / '),
    unit: 'ms CPU',
    reference: `bare lifecycle: Temporal server ${f1(perOp(bareCpu, 'server', bare.ok))}, bench (client + bare worker) ${f1(perOp(bareCpu, 'bench', bare.ok))} ms CPU`,
    verdict: '—',
  });
  // The shape of one history each way: what the server and the worker process per case.
  try {
    // The case's payloads are encrypted: its result is read through the product's data converter.
    const productClient = new Client({ connection: env.client.connection, namespace: NAMESPACE, dataConverter: encryptedDataConverter([RUN.payloadKey]) });
    const shape = async (workflowId: string, client: Client) => {
      const handle = client.workflow.getHandle(workflowId);
      // A closed case's workflow may stay for late feedback (the policy's rating window): its history so far.
      if (client !== productClient) await handle.result();
      const events = (await handle.fetchHistory()).events ?? [];
      const count = (type: number) => events.filter((e) => Number(e.eventType) === type).length;
      return `${events.length} events (${count(7)} workflow tasks, ${count(10)} activities, ${count(40)} search-attribute upserts, ${count(46)} property changes)`;
    };
    const [apiShape, bareShape] = await Promise.all([shape(ids[0]!, productClient), shape(bareIds[bareIds.length - 1]!, env.client)]);
    rows.push({ metric: 'lifecycle: history of one case, API', value: apiShape, unit: '', reference: `bare lifecycle: ${bareShape}`, verdict: '—' });
  } catch (err) {
    progress(`lifecycle: could not read a history: ${err instanceof Error ? err.message : String(err)}`);
  }
  rows.push({ metric: quickTag(`lifecycle ratio (API / bare) at c=${c}`), value: f2(ratio), unit: 'ratio', reference: `goal ≥ ${GOAL_LIFECYCLE_RATIO}`, verdict: verdict(ratio, GOAL_LIFECYCLE_RATIO) });
}

/** `stack`: processes of their own, on a task queue of their own, idle since the start of the run. */
async function memoryPhase(env: Env, stack: CaseStack, rows: Row[]): Promise<void> {
  const samples: Array<{ label: string; open: number; worker: Memory; api: Memory }> = [];
  const sample = async (label: string, open: number) => {
    await sleep(PLAN.settleMs); // let the last activity batches and GC settle
    samples.push({ label, open, worker: readMemory(stack.worker.pid), api: readMemory(stack.api.pid) });
    const s = samples[samples.length - 1]!;
    progress(`memory: ${label}: worker RSS ${f0(s.worker.rssMiB)} MiB, API RSS ${f0(s.api.rssMiB)} MiB`);
  };
  await sample('after start, no cases', 0);

  let seq = 0;
  const ids: string[] = [];
  const openAndDispatch = async () => {
    const body = await stack.http.post<{ id: string }>('/v1/cases', complaint(), { ...INTAKE, 'idempotency-key': `bench-${RUN_ID}-mem-${seq++}` }, [201]);
    await stack.http.post(`/v1/cases/${body.id}/dispatch`, LIFECYCLE[0]!.body, LIFECYCLE[0]!.actor, [200]);
    ids.push(body.id);
  };
  const openUpTo = async (target: number) => {
    const t0 = performance.now();
    const tick = setInterval(() => progress(`memory: ${ids.length.toLocaleString('en')} / ${target.toLocaleString('en')} cases open and dispatched…`), 15_000);
    try {
      const r = await closedLoop({ concurrency: 32, count: target - ids.length, stopped: () => run.stopping }, openAndDispatch);
      if (r.errors) progress(`memory: ${r.errors} errors while opening (first: ${r.firstError})`);
    } finally {
      clearInterval(tick);
    }
    const caught = await catchUp(env, ids, "status = 'dispatched'", 300_000);
    progress(`memory: ${ids.length.toLocaleString('en')} cases open and dispatched in ${f1((performance.now() - t0) / 1000)} s (record caught up ${f1(caught / 1000)} s after)`);
  };

  progress(`memory: opening and dispatching ${PLAN.memSmall} cases through the API…`);
  await openUpTo(PLAN.memSmall);
  assertStacks(stack);
  await sample(`${PLAN.memSmall} open cases`, ids.length);
  progress(`memory: opening and dispatching up to ${PLAN.memLarge.toLocaleString('en')} cases (concurrency 32)…`);
  await openUpTo(PLAN.memLarge);
  assertStacks(stack);
  await sample(`${PLAN.memLarge.toLocaleString('en')} open cases`, ids.length);
  if (memoryHuge !== undefined && memoryHuge > PLAN.memLarge && !run.stopping) {
    progress(`memory: opening and dispatching up to ${memoryHuge.toLocaleString('en')} cases (concurrency 32)…`);
    await openUpTo(memoryHuge);
    assertStacks(stack);
    await sample(`${memoryHuge.toLocaleString('en')} open cases`, ids.length);
  }

  // The worker's sticky cache as the worker process configures it (runtime/case-worker.ts cacheSizeFor).
  const workerCfg = loadConfig({ ...process.env, NODE_ENV: 'development' });
  const cache = cacheSizeFor(workerCfg.WORKER_CACHE_BUDGET_MIB, workerCfg.WORKER_CACHED_CASE_KIB);
  const [idle, small, ...larger] = samples as [(typeof samples)[0], (typeof samples)[0], ...(typeof samples)];
  const tag = (s: string, n: number) => (QUICK && n === PLAN.memLarge ? `${s} [quick: ${PLAN.memLarge.toLocaleString('en')}, not 10,000]` : s);
  rows.push({ metric: 'memory: worker RSS, no cases', value: f0(idle.worker.rssMiB), unit: 'MiB', reference: 'runtime/worker.ts, pre-built workflow bundle', verdict: '—' });
  rows.push({ metric: `memory: worker RSS, ${small.open} open idle cases`, value: f0(small.worker.rssMiB), unit: 'MiB', reference: `peak so far ${f0(small.worker.hwmMiB)} MiB`, verdict: '—' });
  for (const large of larger) {
    const perCaseKiB = ((large.worker.rssMiB - small.worker.rssMiB) * 1024) / Math.max(1, large.open - small.open);
    const ratio = large.worker.rssMiB / small.worker.rssMiB;
    rows.push({
      metric: tag(`memory: worker RSS, ${large.open.toLocaleString('en')} open idle cases`, large.open),
      value: f0(large.worker.rssMiB),
      unit: 'MiB',
      reference: `peak ${f0(large.worker.hwmMiB)} MiB; ${f2(ratio)}× the RSS at ${small.open} (goal ≤ ${GOAL_RSS_RATIO}×: ${ratio <= GOAL_RSS_RATIO ? 'met' : 'NOT met'}); ≈${f0(perCaseKiB)} KiB per extra open case; the sticky cache holds ${cache.toLocaleString('en')} cases (WORKER_CACHE_BUDGET_MIB ${workerCfg.WORKER_CACHE_BUDGET_MIB} ÷ WORKER_CACHED_CASE_KIB ${workerCfg.WORKER_CACHED_CASE_KIB})`,
      verdict: '—',
    });
  }
  rows.push({ metric: 'memory: API RSS, no cases', value: f0(idle.api.rssMiB), unit: 'MiB', reference: 'runtime/api.ts', verdict: '—' });
  rows.push({ metric: `memory: API RSS, ${small.open} open idle cases`, value: f0(small.api.rssMiB), unit: 'MiB', reference: `peak so far ${f0(small.api.hwmMiB)} MiB`, verdict: '—' });
  for (const large of larger) {
    rows.push({ metric: tag(`memory: API RSS, ${large.open.toLocaleString('en')} open idle cases`, large.open), value: f0(large.api.rssMiB), unit: 'MiB', reference: `peak ${f0(large.api.hwmMiB)} MiB`, verdict: '—' });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  const started = performance.now();
  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0]!;
  const machine0 = machineCpuMs();
  progress(`${MODE} run ${RUN_ID} on the ${TOPOLOGY_LABEL}${QUICK ? ' (--quick: smaller counts, concurrency 1 and 32 only)' : ''}`);
  // The SDK's native logs go through the logger (stderr), not straight to stdout where the table goes.
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} } } });
  const env = await startEnv();
  // Two stacks, started together: 'main' for throughput, list and lifecycle; 'mem' stays idle until the memory
  // step, so that its worker's cache and task queue hold only the cases opened for that measurement.
  const [stack, memStack] = await Promise.all([
    MEMORY_ONLY ? null : startCases(env, 'main'),
    LIFECYCLE_ONLY ? null : startCases(env, 'mem'),
    MEMORY_ONLY ? null : startBareWorker(env),
  ]);
  const stopMain = cleanup.add('main case stack', async () => stack && (await stopCases(stack)));
  const stopMem = cleanup.add('memory case stack', async () => memStack && (await stopCases(memStack)));
  progress(`stack ready in ${f1((performance.now() - started) / 1000)} s`);

  const rows: Row[] = [];
  if (stack) {
    if (!LIFECYCLE_ONLY) await listPhase(env, stack, rows);
    if (!run.stopping && !LIFECYCLE_ONLY) await openPhase(env, stack, rows);
    if (!run.stopping) await lifecyclePhase(env, stack, rows);
  }
  await stopMain();
  if (!run.stopping && memStack) await memoryPhase(env, memStack, rows);
  if (run.stopping) return;
  const memCpuMs = memStack ? (cpuMsOf(memStack.api.pid) || 0) + (cpuMsOf(memStack.worker.pid) || 0) : 0;
  const ourMs = stoppedChildrenCpuMs + memCpuMs + cpuSnapshot({}).bench! + (env.serverPid ? cpuMsOf(env.serverPid) || 0 : 0);
  await stopMem();
  const machine1 = machineCpuMs();
  const total = machine1.total - machine0.total;
  const busyPct = (100 * (machine1.busy - machine0.busy)) / total;
  const ourPct = (100 * ourMs) / total;

  // Order in the table: open, lifecycle, memory, list.
  const order = (r: Row) => (r.metric.startsWith('list') ? 3 : r.metric.startsWith('memory') ? 2 : /lifecycle/.test(r.metric) ? 1 : 0);
  const sorted = rows.map((r, i) => ({ r, i })).sort((a, b) => order(a.r) - order(b.r) || a.i - b.i).map((x) => x.r);
  const totalS = (performance.now() - started) / 1000;
  await recordRun(
    {
      kind: 'bench',
      mode: MODE,
      topologyLabel: TOPOLOGY_LABEL,
      heading: `## ${startedAt.toISOString()} · ${MODE} · ${TOPOLOGY_LABEL}${QUICK ? ' (quick run: smaller counts, concurrency 1 and 32 only, 1,000 idle cases instead of 10,000)' : ''}`,
      notes: [
        `- Machine: ${machineLine(env.temporalVersion)}`,
        `- Command: \`${commandLine()}\``,
        `- Run time: ${f0(totalS)} s. Machine CPU busy ${f0(busyPct)}% of all cores over the run: the bench, worker, API${env.serverPid ? ' and Temporal' : ''} processes ${f0(ourPct)}%, everything else (${env.serverPid ? '' : 'the Temporal server, '}PostgreSQL, other work on the machine) ${f0(busyPct - ourPct)}%; load average (1 min) ${f1(loadAtStart)} at the start, ${f1(os.loadavg()[0]!)} at the end`,
        '- Latencies are client-side over HTTP keep-alive; concurrency = requests (or whole cases) in flight; CPU is user + system time of each process divided by the cases done',
      ],
      rows: sorted,
      totalS,
    },
    progress,
  );
}

runBench(main, cleanup, run);
