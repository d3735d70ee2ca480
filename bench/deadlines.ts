/**
 * `npm run bench:deadlines` (issue 7): how late the product's deadline warnings fire when many fall due at once,
 * against the server's own ceiling, and what end-of-day deadlines would do to a day's worth. Prints one markdown
 * section to stdout and appends it to BENCHMARKS.md; progress goes to stderr.
 *
 * For each N (`--n 500,2000` by default; `--quick`: 50,200):
 * 1. **Bare herd** (the ceiling): N tiny workflows (bench/herd.workflows.ts, own bundle, own task queue, a worker in
 *    the bench process) each sleep until one shared instant, then run one activity that reads the wall clock.
 *    Lateness = the activity's start (its wall clock) − the instant; also shown: the workflow time at which the
 *    timer was seen to fire, and at which the activity's completion was seen.
 * 2. **Product herd**: a fresh worker and API (the child processes `npm run bench` runs, on the same server) and a
 *    bench policy seeded into the bench database (a new active version of case_policies: the herd's deadline class
 *    runs only the sign-for clock, yellow at 75%, no overdue ladder; every other class runs no clock). N cases are
 *    opened and dispatched as fast as the API takes them (concurrency 32); the sign-for clock starts at dispatch.
 *    How the herd is aligned (`--align`):
 *    - `end-of-day` (default): sign-for is { 1 working_days, endOfDay } on an inline bench calendar (policy data)
 *      whose fixed UTC offset puts local midnight on the first whole minute after the expected last dispatch, the
 *      next local day a working day, its one working period 00:00 to k minutes. Every clock started before that
 *      midnight is due at midnight + k minutes: all N reds at one instant, like the bare herd; each yellow at 75%
 *      of its own clock's span, so the yellows fall within a quarter of the dispatch spread. Cases whose clock
 *      started after the midnight (dispatch slower than expected) are due a day later: left out and counted.
 *    - `spread`: sign-for is D seconds; the yellows and the reds each fall due over the whole dispatch spread.
 *    Midnight / D come from the dispatch rate of a warm-up (requests to dispatches in the record), so that the first
 *    yellow comes after the last dispatch and the reds a quarter of the span after the yellows (`--sign-for <s>`
 *    overrides D, or k × 60 s). Dispatch (`--dispatch`): `intake` (default): the dispatch catalogue dispatches each
 *    case at intake (a category with exactly one rule), so one POST /v1/cases per case starts the clock; `api`: all
 *    N are opened first, then each is dispatched with POST /v1/cases/:id/dispatch (a wider spread: dispatch is an
 *    Update). Lateness per warning = the clock's yellowFiredAt / redFiredAt (the workflow time at which the warning
 *    was raised; the same instant as the 'warning_raised' event's `at`) − its yellowAt / dueAt, read from the cases
 *    table once all have fired; also the whole herd: the last warning raised − the first due.
 *    Notices: the worker's deliverer (NOTIFY_CHANNEL=webhook) posts to a receiver this process runs; it counts hits
 *    per X-Hotline-Notification-Id. Expected: one yellow_warning per yellow raised, a red_warning and an urging per
 *    red raised, each exactly once.
 *    Goal (issue 7): product p99 ≤ 1.25 × bare p99 at each N (yellow and red each).
 * 3. **End-of-day deadlines** (pure, no server): a day's intake (`--intake`, default 57,500 ≈ Beijing's 21 M calls /
 *    365) at random over the working hours of `--day` (and over the whole day), `dueAt` of { 5 working_days } on the
 *    CN calendar with and without `endOfDay`: the most deadlines in one second and one minute, and the lateness such
 *    a burst would meet, extrapolated linearly from this run's bare herds (an extrapolation, not a measurement;
 *    `--burst-herd <n>` measures one more bare herd of n to extend the fit).
 *
 * Options: --quick, --n a,b,…, --dispatch intake|api, --align end-of-day|spread, --concurrency c, --sign-for s,
 * --intake d, --day YYYY-MM-DD, --burst-herd n, --keep (keep the bench database and logs). Environment: TEMPORAL_ADDRESS (a running server, with
 * the case search attributes, instead of a dev server), BENCH_DATABASE_URL (as `npm run bench`).
 * No assertions on times: this prints numbers.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { activityInfo } from '@temporalio/activity';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, makeTelemetryFilterString, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { CN_OFFICIAL_CALENDAR, OFFICIAL_CALENDAR_YEARS } from '../db/calendar-data.js';
import type { DatabaseHandle } from '../db/client.js';
import { loadActivePolicy } from '../db/policy.js';
import type { WorkCalendar } from '../domain/policy.types.js';
import { generateAuthKeys } from '../runtime/auth-keys.js';
import { WORKFLOWS_PATH } from '../runtime/case-worker.js';
import { formatPayloadKeys, generatePayloadKey } from '../runtime/payload-codec.js';
import { startDevServer } from '../runtime/temporal-dev-server.js';
import { ensureTemporalCli } from '../runtime/tools.js';
import { demoComplaint } from '../test/support/fixtures.js';
import * as bareActivities from './bare.activities.js';
import { deadlineBursts, type BurstFigures, type IntakeWindow } from './burst.js';
import type { bareHerdWorkflow, HerdResult } from './herd.workflows.js';
import { closedLoop, httpClient, percentile, type HttpClient, type LoadResult } from './load.js';
import { appendToBenchmarks, commandLine, machineLine, renderTable, type Row } from './report.js';
import { Cleanup, bearerFor, commOf, freePort, person, prepareBenchDatabase, progress, runBench, sleep, spawnNodeEntry, waitForHttp, type BenchEnv, type NodeChild, type RunState } from './stack.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';
import { formatActionKeys, generateActionKey } from '../runtime/action-assertion.js';

// ---------------------------------------------------------------------------------------------------------------
// Options

const USAGE =
  'usage: npm run bench:deadlines [-- [--quick] [--n 500,2000] [--dispatch intake|api] [--align end-of-day|spread] [--concurrency 32] [--sign-for <seconds>] [--intake 57500] [--day YYYY-MM-DD] [--burst-herd <n>] [--keep]]';

function parseArgs(argv: readonly string[]) {
  const o = {
    quick: false,
    keep: false,
    n: undefined as number[] | undefined,
    dispatch: 'intake' as 'intake' | 'api',
    align: 'end-of-day' as 'spread' | 'end-of-day',
    concurrency: 32,
    signFor: undefined as number | undefined,
    intake: 57_500,
    day: '2026-11-24',
    burstHerd: undefined as number | undefined,
  };
  const positive = (name: string, v: string | undefined) => {
    const x = Number(v);
    if (!Number.isInteger(x) || x <= 0) throw new Error(`${name} needs a positive whole number, got ${v}`);
    return x;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.startsWith('--') && argv[i]!.includes('=') ? (argv[i]!.split('=', 2) as [string, string]) : [argv[i]!, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--quick':
        o.quick = true;
        break;
      case '--keep':
        o.keep = true;
        break;
      case '--n':
        o.n = (value() ?? '').split(',').map((s) => positive('--n', s.trim()));
        break;
      case '--dispatch': {
        const v = value();
        if (v !== 'intake' && v !== 'api') throw new Error(`--dispatch is intake or api, got ${v}`);
        o.dispatch = v;
        break;
      }
      case '--align': {
        const v = value();
        if (v !== 'spread' && v !== 'end-of-day') throw new Error(`--align is spread or end-of-day, got ${v}`);
        o.align = v;
        break;
      }
      case '--concurrency':
        o.concurrency = positive('--concurrency', value());
        break;
      case '--sign-for':
        o.signFor = positive('--sign-for', value());
        break;
      case '--intake':
        o.intake = positive('--intake', value());
        break;
      case '--day': {
        const v = value() ?? '';
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new Error(`--day needs YYYY-MM-DD, got ${v}`);
        o.day = v;
        break;
      }
      case '--burst-herd':
        o.burstHerd = positive('--burst-herd', value());
        break;
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return { ...o, n: o.n ?? (o.quick ? [50, 200] : [500, 2000]) };
}

let OPTS: ReturnType<typeof parseArgs>;
try {
  OPTS = parseArgs(process.argv.slice(2));
} catch (err) {
  console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  process.exit(2);
}
const QUICK = OPTS.quick;
const MODE = QUICK ? 'quick' : 'full';
const TOPOLOGY_LABEL = process.env.TEMPORAL_ADDRESS ? 'external server (TEMPORAL_ADDRESS)' : 'dev topology';
/** Issue 7: product p99 ≤ 1.25 × bare p99. */
const GOAL_RATIO = 1.25;
/** What the issue measured here for the bare herd alone (dev server): p99 in seconds by N. */
const ISSUE_BARE_P99: Record<number, number> = { 500: 4, 2000: 31 };
/** Seconds of room: before the first yellow after the last dispatch, and before the reds after the yellows' herd. */
const MARGIN_S = QUICK ? 5 : 20;
/** Herd allowance per timer when choosing D (≈ the issue's bare p99 at N = 2000: 31 s / 2000). */
const PER_TIMER_S = 0.02;
const WARM_CASES = QUICK ? 32 : 96;

const NAMESPACE = 'default';
const RUN_ID = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const PAYLOAD_KEYS = formatPayloadKeys([generatePayloadKey(`bench-${RUN_ID}`)]);
const ACTION_ASSERTION_KEYS = formatActionKeys([generateActionKey(`bench-${RUN_ID}`)]);
const AUTH_KEYS = generateAuthKeys(`bench-${RUN_ID}`);
const AUTH_ENV = {
  AUTH_JWT_KEYS: AUTH_KEYS.jwtKeys.map((k) => `${k.kid}:${(k.key as Buffer).toString('base64')}`).join(','),
  CASE_CODE_SECRET: AUTH_KEYS.caseCodeSecret.toString('base64'),
  RATE_LIMIT_PER_MINUTE: '10000000',
};
const WEBHOOK_SECRET = randomBytes(32).toString('hex');
const HERD_WORKFLOWS_PATH = fileURLToPath(new URL(`./herd.workflows${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));

/**
 * The herd's category (deadline class general: the bench policy's only clock) and the warm-up's (class complex: no
 * clock under the bench policy, one working day under the default). `intake`: each has exactly one catalogue rule
 * (the street of the place), so the case is dispatched when it opens; `api`: none has a single rule, the bench
 * dispatches to the street office.
 */
const HERD_CLASS = 'general';
const CATEGORIES = OPTS.dispatch === 'intake' ? { herd: 'env.noise.living', warm: 'illegal.historical' } : { herd: 'env.noise.construction', warm: 'repair.oldestate' };
const WARNING_KINDS = ['yellow_warning', 'red_warning', 'urging'] as const;

const cleanup = new Cleanup();
/** Stopping (a signal, a failure, or done) and failed: read by the loops below; set by runBench. */
const run: RunState = { stopping: false, failed: false };

// ---------------------------------------------------------------------------------------------------------------
// Formatting

const s1 = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(1) : '—');
const s2 = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : '—');
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '—');
const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '—');

interface Spread {
  p50: number;
  p99: number;
  max: number;
  n: number;
}
const spread = (v: readonly number[]): Spread => ({ p50: percentile(v, 50), p99: percentile(v, 99), max: v.length ? v.reduce((a, b) => Math.max(a, b), -Infinity) : Number.NaN, n: v.length });
const triple = (p: Spread) => `${s2(p.p50)} / ${s2(p.p99)} / ${s2(p.max)}`;

// ---------------------------------------------------------------------------------------------------------------
// People (runtime/auth-cli.ts DEV_PRINCIPALS), signed with this run's keys

const bearer = (key: string) => bearerFor(AUTH_KEYS, key);
const INTAKE = bearer('intake_agent');
const DISPATCHER = bearer('dispatcher');
const DISPATCH_UNIT = person('unit_handler').unit!;

// ---------------------------------------------------------------------------------------------------------------
// Stack

interface Env extends BenchEnv {
  receiver: WebhookReceiver;
  herdQueue: string;
}

async function startEnv(): Promise<Env> {
  const logDir = await mkdtemp(path.join(os.tmpdir(), `hotline-bench-deadlines-${RUN_ID}-`));
  cleanup.add('logs', async () => {
    if (OPTS.keep || run.failed) progress(`logs kept in ${logDir}`);
    else await rm(logDir, { recursive: true, force: true });
  });

  const prepareDatabase = () => prepareBenchDatabase(cleanup, OPTS.keep);

  const prepareTemporal = async () => {
    let address = process.env.TEMPORAL_ADDRESS;
    let temporalVersion: string;
    if (address) {
      progress(`using the Temporal server at ${address} (TEMPORAL_ADDRESS)`);
      temporalVersion = `external server at ${address}`;
    } else {
      const binary = await ensureTemporalCli(process.env.HOTLINE_TOOLS_DIR ?? path.join(fileURLToPath(new URL('..', import.meta.url)), '.tools'), progress);
      temporalVersion = await promisify(execFile)(binary, ['--version'])
        .then(({ stdout }) => stdout.trim())
        .catch(() => 'temporal (version unknown)');
      progress(`starting a headless in-memory Temporal dev server (${temporalVersion})…`);
      const server = await startDevServer({ binary, port: await freePort(), logFile: path.join(logDir, 'temporal.log') });
      cleanup.add('Temporal dev server', () => server.stop());
      address = server.address;
    }
    const connection = await Connection.connect({ address });
    cleanup.add('Temporal client connection', () => connection.close());
    return { address, temporalVersion, client: new Client({ connection, namespace: NAMESPACE }) };
  };

  const prepareBundles = async () => {
    progress('bundling the case workflows (as `npm run build` does for production workers) and the bare herd workflow…');
    const [product, herd] = await Promise.all([
      bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: new DefaultLogger('WARN') }),
      bundleWorkflowCode({ workflowsPath: HERD_WORKFLOWS_PATH, logger: new DefaultLogger('WARN') }),
    ]);
    const bundlePath = path.join(logDir, 'case-workflow-bundle.js');
    await writeFile(bundlePath, product.code);
    return { bundlePath, herdCode: herd.code };
  };

  const receiver = await startWebhookReceiver(WEBHOOK_SECRET);
  cleanup.add('webhook receiver', () => receiver.close());
  const [db, temporal, bundles] = await Promise.all([prepareDatabase(), prepareTemporal(), prepareBundles()]);
  const env: Env = { ...db, ...temporal, bundlePath: bundles.bundlePath, logDir, receiver, herdQueue: `bench-herd-${RUN_ID}` };
  await startHerdWorker(env, bundles.herdCode);
  return env;
}

/** Wall-clock start of each herd workflow's activity, by workflow id (the activity runs in this process). */
const herdArrivals = new Map<string, number>();

/** The bare herd's worker: in the bench process, on its own task queue, with its own bundle; SDK defaults otherwise. */
async function startHerdWorker(env: Env, code: string): Promise<void> {
  progress(`starting the bare herd worker in the bench process (task queue ${env.herdQueue})…`);
  const native = await NativeConnection.connect({ address: env.address });
  cleanup.add('herd worker connection', () => native.close());
  const worker = await Worker.create({
    connection: native,
    namespace: NAMESPACE,
    taskQueue: env.herdQueue,
    workflowBundle: { code },
    activities: {
      ...bareActivities,
      async wallClock() {
        const now = await bareActivities.wallClock();
        const workflowId = activityInfo().workflowExecution?.workflowId;
        if (workflowId) herdArrivals.set(workflowId, now);
        return now;
      },
    },
  });
  const running = worker.run();
  cleanup.add('herd worker', async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
  });
}

interface CaseStack {
  taskQueue: string;
  worker: NodeChild;
  api: NodeChild;
  http: HttpClient;
  /** Whether the worker said it delivers notices through the webhook channel. */
  delivers: boolean;
  /** A new API process (it loads the policy in force when it starts). */
  restartApi(): Promise<void>;
  stop(): Promise<void>;
}

async function startCaseStack(env: Env, label: string): Promise<CaseStack> {
  const taskQueue = `bench-deadlines-${RUN_ID}-${label}`;
  const common = {
    DATABASE_URL: env.dbUrl,
    TEMPORAL_ADDRESS: env.address,
    TEMPORAL_NAMESPACE: NAMESPACE,
    TEMPORAL_TASK_QUEUE: taskQueue,
    RUN_MIGRATIONS: 'false',
    LOG_LEVEL: 'warn',
    PAYLOAD_KEYS,
    ACTION_ASSERTION_KEYS,
  };
  const notify = { NOTIFY_CHANNEL: 'webhook', NOTIFY_WEBHOOK_URL: env.receiver.url, NOTIFY_WEBHOOK_SECRET: WEBHOOK_SECRET };
  const worker = spawnNodeEntry(`worker-${label}`, 'runtime/worker.ts', { ...common, ...notify, WORKFLOW_BUNDLE_PATH: env.bundlePath }, env.logDir);
  const stopWorker = cleanup.add(`worker child ${worker.pid}`, () => worker.stop());
  let apiSeq = 0;
  const spawnApi = async () => {
    const port = await freePort();
    const api = spawnNodeEntry(`api-${label}-${apiSeq++}`, 'runtime/api.ts', { ...common, ...AUTH_ENV, SEED_DEMO_DATA: 'false', API_HOST: '127.0.0.1', API_PORT: String(port) }, env.logDir);
    const stopApi = cleanup.add(`API child ${api.pid}`, () => api.stop());
    return { api, stopApi, port };
  };
  progress(`starting the worker (runtime/worker.ts, notices to the bench's webhook receiver) and the API (runtime/api.ts) as child processes, task queue ${taskQueue}…`);
  let current = await spawnApi();
  const ready = async (c: typeof current) => {
    await waitForHttp(`http://127.0.0.1:${c.port}/readyz`, 60_000, () => c.api.assertAlive());
    if (commOf(c.api.pid) !== 'node') progress(`warning: pid ${c.api.pid} (${c.api.name}) is ${commOf(c.api.pid)}, not node`);
  };
  await Promise.all([worker.printed(/worker polling task queue/, 120_000), ready(current)]);
  const delivers = await worker.printed(/notices through the webhook channel/, 2_000).then(
    () => true,
    () => false,
  );
  if (!delivers) progress('warning: the worker did not say it delivers notices through the webhook channel; notices will be counted in the notifications table');
  const stack: CaseStack = {
    taskQueue,
    worker,
    api: current.api,
    http: httpClient(`http://127.0.0.1:${current.port}`),
    delivers,
    async restartApi() {
      await current.stopApi();
      current = await spawnApi();
      await ready(current);
      stack.api = current.api;
      stack.http = httpClient(`http://127.0.0.1:${current.port}`);
    },
    async stop() {
      await current.stopApi();
      await stopWorker();
    },
  };
  return stack;
}

// ---------------------------------------------------------------------------------------------------------------
// The bench policy

/** The herd's sign-for clock: D seconds, or one working day to the end of the day on a bench calendar. */
type BenchClock =
  | { kind: 'seconds'; seconds: number }
  | { kind: 'end-of-day'; calendar: WorkCalendar; dueAt: number };

/**
 * The end-of-day layout: a calendar (fixed UTC offset, whole minutes) whose local midnight is the first whole minute
 * after `lastStartBy`, the next local day a working day (listed in `workdays`), its one working period 00:00 to
 * `minutes` minutes; so a sign-for of { 1 working_days, endOfDay } started before that midnight is due at midnight +
 * `minutes`, whenever it started.
 */
function endOfDayClock(lastStartBy: number, minutes: number): BenchClock & { kind: 'end-of-day' } {
  const midnight = Math.ceil(lastStartBy / 60_000) * 60_000;
  const utcMinute = Math.round((midnight % 86_400_000) / 60_000);
  let offset = (1440 - utcMinute) % 1440;
  if (offset > 840) offset -= 1440;
  const nextDay = new Date(midnight + offset * 60_000).toISOString().slice(0, 10);
  const end = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return {
    kind: 'end-of-day',
    calendar: { utcOffsetMinutes: offset, holidays: [], workdays: [nextDay], workingHours: [{ start: '00:00', end }] },
    dueAt: midnight + minutes * 60_000,
  };
}

const clockLabel = (c: BenchClock) =>
  c.kind === 'seconds'
    ? `${c.seconds} s`
    : `1 working day to the end of the day (${new Date(c.dueAt).toISOString()}) on a bench calendar (UTC${c.calendar.utcOffsetMinutes >= 0 ? '+' : '−'}${Math.abs(c.calendar.utcOffsetMinutes)} min, working ${c.calendar.workingHours![0]!.start}–${c.calendar.workingHours![0]!.end} local)`;

/**
 * Stores a new active policy version: the active document with the herd's class running only the sign-for clock,
 * every other class no clock, yellow at 75%, no overdue ladder (and, end-of-day, the bench calendar inline instead
 * of the region's). Checked by loading it as the API will.
 */
async function activateBenchPolicy(env: Env, clock: BenchClock): Promise<number> {
  const signFor = clock.kind === 'seconds' ? { amount: clock.seconds, unit: 'seconds' } : { amount: 1, unit: 'working_days', endOfDay: true };
  const client = await env.database.pool.connect();
  let version: number;
  try {
    await client.query('begin');
    await client.query('lock table case_policies in share row exclusive mode');
    const { rows } = await client.query<{ document: Record<string, unknown> }>('select document from case_policies where active order by version desc limit 1');
    if (!rows[0]) throw new Error('no active policy in the bench database');
    const { rows: max } = await client.query<{ max: number }>('select coalesce(max(version), 0)::int as max from case_policies');
    version = max[0]!.max + 1;
    const document = structuredClone(rows[0].document) as Record<string, unknown> & { clocks: Record<string, unknown> };
    document.version = version;
    document.yellowRatio = 0.75;
    document.clocks = Object.fromEntries(Object.keys(document.clocks).map((c) => [c, c === HERD_CLASS ? { signFor } : {}]));
    delete document.overdueLadder;
    if (clock.kind === 'end-of-day') {
      delete document.calendarRegion;
      document.calendar = clock.calendar;
    }
    await client.query('update case_policies set active = false where active');
    await client.query('insert into case_policies (version, document, active, note) values ($1, $2, true, $3)', [version, JSON.stringify(document), `bench:deadlines sign-for ${clockLabel(clock)}`]);
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  const loaded = await loadActivePolicy(env.database.db);
  const spec = loaded?.clocks[HERD_CLASS]?.signFor;
  if (loaded?.version !== version || spec?.amount !== signFor.amount || spec.unit !== signFor.unit) throw new Error(`the bench policy version ${version} did not load as written`);
  return version;
}

// ---------------------------------------------------------------------------------------------------------------
// Bare herd

interface BareHerd {
  n: number;
  /** Lateness (ms) of the activity's start, of the timer as seen by the workflow, of the activity's completion. */
  activity: Spread;
  fired: Spread;
  completed: Spread;
  /** How long before the instant the last start was answered (ms; negative: after it). */
  slackMs: number;
  missing: number;
}

async function bareHerd(env: Env, n: number): Promise<BareHerd> {
  // Room to start them all at ≥ 100/s, plus a margin: every workflow sleeps before the instant comes.
  const at = Date.now() + (QUICK ? 3_000 : 10_000) + Math.ceil((n / 100) * 1000);
  progress(`bare herd N=${n}: starting ${n} workflows that sleep until ${new Date(at).toISOString()} and then run one activity…`);
  const ids: string[] = [];
  const started = await closedLoop({ concurrency: OPTS.concurrency, count: n, stopped: () => run.stopping }, async (i) => {
    const workflowId = `bench-herd-${RUN_ID}-${n}-${i}`;
    await env.client.workflow.start<typeof bareHerdWorkflow>('bareHerdWorkflow', { taskQueue: env.herdQueue, workflowId, args: [at] });
    ids.push(workflowId);
  });
  if (started.errors) throw new Error(`bare herd: ${started.errors} starts failed (first: ${started.firstError})`);
  const slackMs = at - Date.now();
  progress(`bare herd N=${n}: all started ${f1(slackMs / 1000)} s before the instant (${f1(started.rate)} starts/s); waiting for the activities…`);
  const deadline = at + 120_000 + n * 100;
  while (!run.stopping && ids.some((id) => !herdArrivals.has(id)) && Date.now() < deadline) await sleep(250);
  const missing = ids.filter((id) => !herdArrivals.has(id)).length;
  if (missing) progress(`bare herd N=${n}: warning: ${missing} activities had not run ${f1((Date.now() - at) / 1000)} s after the instant`);
  // Results (timer and completion as the workflow saw them) once the herd has passed, so the reads do not load it.
  const results: HerdResult[] = [];
  await closedLoop({ concurrency: 16, count: ids.length }, async (i) => {
    if (herdArrivals.has(ids[i]!)) results.push(await env.client.workflow.getHandle<typeof bareHerdWorkflow>(ids[i]!).result());
  });
  const activity = spread(ids.filter((id) => herdArrivals.has(id)).map((id) => herdArrivals.get(id)! - at));
  progress(`bare herd N=${n}: activity start late by p50 ${s2(activity.p50)} s, p99 ${s2(activity.p99)} s, max ${s2(activity.max)} s`);
  return {
    n,
    activity,
    fired: spread(results.map((r) => r.firedAt - at)),
    completed: spread(results.map((r) => r.completedAt - at)),
    slackMs,
    missing,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Product herd

interface ProductHerd {
  n: number;
  clock: BenchClock;
  policyVersion: number;
  /** Cases left out: dispatched after the end-of-day layout's local midnight, so due a day later. */
  late: number;
  /** Warm-up rate the sign-for length was chosen from (dispatches/s), and the herd's own. */
  warmRate: number;
  herdRate: number;
  errors: number;
  /** Spread of the clocks' starts (ms), and first yellow due − last start (ms). */
  startSpreadMs: number;
  leadMs: number;
  yellowWindowMs: number;
  redWindowMs: number;
  /** First red due − last yellow due. */
  gapMs: number;
  yellow: Spread;
  red: Spread;
  /** The whole herd: the last warning raised − the first one due (ms); the bare herd's equivalent is its max. */
  yellowDrainMs: number;
  redDrainMs: number;
  yellowRaised: number;
  redRaised: number;
  /** Clocks already past due when first seen: red without a yellow. */
  yellowSkipped: number;
  notices: NoticeCount;
}

interface NoticeCount {
  expected: number;
  /** Distinct notification ids the receiver got for these cases' warnings. */
  delivered: number;
  /** Ids that arrived more than once, and extra notices of one kind for one case beyond one per warning raised. */
  duplicateIds: number;
  extraPerCase: number;
  /** The outbox: rows of these kinds for these cases, with delivered_at, with failed_at. */
  rows: number;
  rowsDelivered: number;
  rowsFailed: number;
  /** Receipt time − the warning's due instant (ms). */
  yellowDelivery: Spread;
  redDelivery: Spread;
  counted: 'receiver' | 'table';
}

/**
 * Opens (and with --dispatch api dispatches) `count` warm-up cases of the warm category (no clock under the bench
 * policy) and returns how many per second the workflows dispatched: from the first request to the last dispatch in
 * the record (workflow time), since with dispatch at intake the API answers before the workflow has run.
 */
async function warmUp(env: Env, stack: CaseStack, count: number, tag: string): Promise<number> {
  const ids: string[] = [];
  let seq = 0;
  const t0 = Date.now();
  const dispatchedBy = async () => {
    await waitForCases(env, ids, "status = 'dispatched'", 'warm-up cases dispatched in the record', 120_000);
    const { rows } = await env.database.pool.query<{ last: Date | null }>(`select max(at) as last from case_events where case_id = any($1::text[])`, [ids]);
    return ids.length / (Math.max(1, (rows[0]?.last?.getTime() ?? Date.now()) - t0) / 1000);
  };
  const open = await closedLoop({ concurrency: OPTS.concurrency, count, stopped: () => run.stopping }, async () => {
    const body = await stack.http.post<{ id: string }>('/v1/cases', demoComplaint({ categoryId: CATEGORIES.warm }), { ...INTAKE, 'idempotency-key': `bench-${RUN_ID}-${tag}-${seq++}` }, [201]);
    ids.push(body.id);
  });
  if (open.errors) throw new Error(`warm-up: ${open.errors} opens failed (first: ${open.firstError})`);
  if (OPTS.dispatch === 'intake') return dispatchedBy();
  const dispatched = await closedLoop({ concurrency: OPTS.concurrency, count: ids.length, stopped: () => run.stopping }, async (i) => {
    await stack.http.post(`/v1/cases/${ids[i]}/dispatch`, { unitId: DISPATCH_UNIT, note: '属地街道处理' }, DISPATCHER, [200]);
  });
  if (dispatched.errors) throw new Error(`warm-up: ${dispatched.errors} dispatches failed (first: ${dispatched.firstError})`);
  return dispatchedBy();
}

/** Polls `select count(*) … where id = any(ids) and <condition>` until it reaches ids.length, with progress. */
async function waitForCases(env: Env, ids: readonly string[], condition: string, what: string, timeoutMs: number, extra?: () => string): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let lastReport = Date.now();
  for (;;) {
    const { rows } = await env.database.pool.query<{ n: number }>(`select count(*)::int as n from cases where id = any($1::text[]) and ${condition}`, [ids]);
    const n = rows[0]!.n;
    if (n >= ids.length || run.stopping) return n;
    if (Date.now() > deadline) {
      progress(`warning: only ${n} of ${ids.length} cases ${what} after ${f1(timeoutMs / 1000)} s`);
      return n;
    }
    if (Date.now() - lastReport > 15_000) {
      lastReport = Date.now();
      progress(`  … ${n} / ${ids.length} ${what}${extra ? `; ${extra()}` : ''}`);
    }
    await sleep(500);
  }
}

const warningNotices = (env: Env, idSet: ReadonlySet<string>) => [...env.receiver.notices.values()].filter((r) => idSet.has(r.caseId) && (WARNING_KINDS as readonly string[]).includes(r.kind));

async function productHerd(env: Env, n: number): Promise<ProductHerd> {
  const stack = await startCaseStack(env, `n${n}`);
  const stopStack = cleanup.add(`case stack n${n}`, () => stack.stop());
  try {
    progress(`product N=${n}: warm-up, ${WARM_CASES} cases of ${CATEGORIES.warm} (${OPTS.dispatch === 'intake' ? 'dispatched at intake by the catalogue' : 'opened, then dispatched through the API'})…`);
    const warmRate = await warmUp(env, stack, WARM_CASES, `warm-n${n}`);
    // D: the first yellow after the last dispatch, and the reds after the yellows' herd (1.5 × the expected spread).
    const spreadS = (1.5 * n) / warmRate;
    const signForS =
      OPTS.signFor ?? Math.ceil(Math.max((spreadS + MARGIN_S) / 0.75, (spreadS + MARGIN_S + n * PER_TIMER_S) / 0.25, QUICK ? 20 : 60));
    // End of day: midnight after the expected last dispatch (the API restart and a second warm-up come first); the
    // reds a quarter of the last clock's span after the last yellow, enough for the yellows' herd to pass.
    const clock: BenchClock =
      OPTS.align === 'spread'
        ? { kind: 'seconds', seconds: signForS }
        : endOfDayClock(
            Date.now() + 15_000 + 1.5 * spreadS * 1000 + MARGIN_S * 1000,
            Math.max(1, Math.ceil((OPTS.signFor ?? spreadS + 4 * (MARGIN_S + n * PER_TIMER_S)) / 60)),
          );
    const policyVersion = await activateBenchPolicy(env, clock);
    progress(`product N=${n}: warm-up ${f1(warmRate)} dispatches/s → bench policy version ${policyVersion}: ${HERD_CLASS} runs only sign-for, ${clockLabel(clock)}; restarting the API to load it…`);
    await stack.restartApi();
    await warmUp(env, stack, 16, `warm2-n${n}`);

    // The herd.
    const ids: string[] = [];
    let seq = 0;
    const open = () => stack.http.post<{ id: string }>('/v1/cases', demoComplaint({ categoryId: CATEGORIES.herd }), { ...INTAKE, 'idempotency-key': `bench-${RUN_ID}-herd-${n}-${seq++}` }, [201]);
    let herd: LoadResult;
    if (OPTS.dispatch === 'intake') {
      progress(`product N=${n}: opening ${n} cases of ${CATEGORIES.herd} (the catalogue dispatches each at intake) at concurrency ${OPTS.concurrency}…`);
      herd = await closedLoop({ concurrency: OPTS.concurrency, count: n, stopped: () => run.stopping }, async () => void ids.push((await open()).id));
    } else {
      progress(`product N=${n}: opening ${n} cases of ${CATEGORIES.herd} at concurrency ${OPTS.concurrency}…`);
      const opened = await closedLoop({ concurrency: OPTS.concurrency, count: n, stopped: () => run.stopping }, async () => void ids.push((await open()).id));
      if (opened.errors) progress(`product N=${n}: ${opened.errors} opens failed (first: ${opened.firstError})`);
      progress(`product N=${n}: dispatching them to ${DISPATCH_UNIT} through the API at concurrency ${OPTS.concurrency}…`);
      const todo = [...ids];
      ids.length = 0;
      herd = await closedLoop({ concurrency: OPTS.concurrency, count: todo.length, stopped: () => run.stopping }, async (i) => {
        await stack.http.post(`/v1/cases/${todo[i]}/dispatch`, { unitId: DISPATCH_UNIT, note: '属地街道处理' }, DISPATCHER, [200]);
        ids.push(todo[i]!);
      });
    }
    if (herd.errors) progress(`product N=${n}: ${herd.errors} requests failed (first: ${herd.firstError})`);
    progress(`product N=${n}: ${ids.length} dispatched in ${f1(herd.elapsedMs / 1000)} s (${f1(herd.rate)}/s); waiting for the record…`);
    if (ids.length === 0) throw new Error('no case of the herd was dispatched');

    const started = await waitForCases(env, ids, "clocks->'signFor'->>'startedAt' is not null", 'have a running sign-for clock in the record', 180_000);
    if (started < ids.length) throw new Error(`only ${started} of ${ids.length} cases have a sign-for clock: were they dispatched (--dispatch ${OPTS.dispatch}, category ${CATEGORIES.herd})?`);
    let late = 0;
    if (clock.kind === 'end-of-day') {
      // A case dispatched after the bench calendar's midnight is due at the end of the next working day: left out.
      const { rows } = await env.database.pool.query<{ id: string }>(`select id from cases where id = any($1::text[]) and (clocks->'signFor'->>'dueAt')::timestamptz = $2`, [ids, new Date(clock.dueAt)]);
      late = ids.length - rows.length;
      if (late) progress(`product N=${n}: warning: ${late} cases were dispatched after the bench calendar's midnight (due a day later): left out`);
      ids.splice(0, ids.length, ...rows.map((r) => r.id));
      if (ids.length === 0) throw new Error('no case of the herd is due at the bench calendar\'s end of day');
    }
    const { rows: shape } = await env.database.pool.query<{ first_start: Date; last_start: Date; first_yellow: Date; last_yellow: Date; first_due: Date; last_due: Date }>(
      `select min((clocks->'signFor'->>'startedAt')::timestamptz) as first_start, max((clocks->'signFor'->>'startedAt')::timestamptz) as last_start,
              min((clocks->'signFor'->>'yellowAt')::timestamptz) as first_yellow, max((clocks->'signFor'->>'yellowAt')::timestamptz) as last_yellow,
              min((clocks->'signFor'->>'dueAt')::timestamptz) as first_due, max((clocks->'signFor'->>'dueAt')::timestamptz) as last_due
         from cases where id = any($1::text[])`,
      [ids],
    );
    const sh = shape[0]!;
    const startSpreadMs = sh.last_start.getTime() - sh.first_start.getTime();
    const leadMs = sh.first_yellow.getTime() - sh.last_start.getTime();
    progress(
      `product N=${n}: clocks started over ${s1(startSpreadMs)} s; yellows due ${sh.first_yellow.toISOString()} – ${sh.last_yellow.toISOString()} (first ${s1(leadMs)} s after the last dispatch), reds ${sh.first_due.toISOString()} – ${sh.last_due.toISOString()}`,
    );
    if (leadMs <= 0) progress(`product N=${n}: warning: the first yellow was due before the last dispatch; the herd overlaps the dispatching (raise --sign-for)`);

    const idSet = new Set(ids);
    const delivered = () => `${warningNotices(env, idSet).length} warning notices received`;
    progress(`product N=${n}: waiting for the yellows (due in ${s1(sh.first_yellow.getTime() - Date.now())} s) and the reds (in ${s1(sh.last_due.getTime() - Date.now())} s)…`);
    const waitMs = Math.max(0, sh.last_due.getTime() - Date.now()) + 120_000 + n * 100;
    await waitForCases(env, ids, "clocks->'signFor'->>'redFiredAt' is not null", 'red in the record', waitMs, () => delivered());

    const { rows: clocks } = await env.database.pool.query<{ id: string; yellow_at: string; due_at: string; yellow_fired: string | null; red_fired: string | null }>(
      `select id, clocks->'signFor'->>'yellowAt' as yellow_at, clocks->'signFor'->>'dueAt' as due_at,
              clocks->'signFor'->>'yellowFiredAt' as yellow_fired, clocks->'signFor'->>'redFiredAt' as red_fired
         from cases where id = any($1::text[])`,
      [ids],
    );
    const { rows: events } = await env.database.pool.query<{ case_id: string; level: string; at: Date }>(
      `select case_id, data->>'level' as level, at from case_events where type = 'warning_raised' and data->>'clock' = 'signFor' and case_id = any($1::text[])`,
      [ids],
    );
    const raised = { yellow: new Set<string>(), red: new Set<string>() };
    for (const e of events) if (e.level === 'yellow' || e.level === 'red') raised[e.level].add(e.case_id);
    const dueOf = new Map(clocks.map((c) => [c.id, { yellow: Date.parse(c.yellow_at), red: Date.parse(c.due_at) }]));
    // Lateness of a warning actually raised: a clock first seen past due skips its yellow (counted apart).
    const yellow = clocks.filter((c) => c.yellow_fired && raised.yellow.has(c.id)).map((c) => Date.parse(c.yellow_fired!) - Date.parse(c.yellow_at));
    const red = clocks.filter((c) => c.red_fired).map((c) => Date.parse(c.red_fired!) - Date.parse(c.due_at));
    const drain = (fired: Array<string | null>, due: string[]) =>
      Math.max(...fired.filter((f): f is string => f !== null).map(Date.parse)) - Math.min(...due.map(Date.parse));
    const yellowClocks = clocks.filter((c) => c.yellow_fired && raised.yellow.has(c.id));
    const yellowDrainMs = drain(yellowClocks.map((c) => c.yellow_fired), yellowClocks.map((c) => c.yellow_at));
    const redDrainMs = drain(clocks.map((c) => c.red_fired), clocks.map((c) => c.due_at));
    const yellowSkipped = clocks.filter((c) => c.red_fired && !raised.yellow.has(c.id)).length;
    const yellowEvents = events.filter((e) => e.level === 'yellow').length;
    const redEvents = events.filter((e) => e.level === 'red').length;
    progress(`product N=${n}: ${yellowEvents} yellow and ${redEvents} red warnings raised; yellow late by p99 ${s2(percentile(yellow, 99))} s, red by p99 ${s2(percentile(red, 99))} s`);

    const notices = await countNotices(env, stack, ids, idSet, yellowEvents + 2 * redEvents, dueOf);
    return {
      n,
      clock,
      policyVersion,
      late,
      warmRate,
      herdRate: herd.rate,
      errors: herd.errors,
      startSpreadMs,
      leadMs,
      yellowWindowMs: sh.last_yellow.getTime() - sh.first_yellow.getTime(),
      redWindowMs: sh.last_due.getTime() - sh.first_due.getTime(),
      gapMs: sh.first_due.getTime() - sh.last_yellow.getTime(),
      yellow: spread(yellow),
      red: spread(red),
      yellowDrainMs,
      redDrainMs,
      yellowRaised: yellowEvents,
      redRaised: redEvents,
      yellowSkipped,
      notices,
    };
  } finally {
    await stopStack();
  }
}

async function countNotices(
  env: Env,
  stack: CaseStack,
  ids: readonly string[],
  idSet: ReadonlySet<string>,
  expected: number,
  dueOf: ReadonlyMap<string, { yellow: number; red: number }>,
): Promise<NoticeCount> {
  const outbox = async () => {
    const { rows } = await env.database.pool.query<{ kind: string; case_id: string; n: number; delivered: number; failed: number }>(
      `select kind, case_id, count(*)::int as n, count(delivered_at)::int as delivered, count(failed_at)::int as failed
         from notifications where case_id = any($1::text[]) and kind = any($2::text[]) group by kind, case_id`,
      [ids, WARNING_KINDS],
    );
    return rows;
  };
  const sum = (rows: Awaited<ReturnType<typeof outbox>>, k: 'n' | 'delivered' | 'failed') => rows.reduce((a, r) => a + r[k], 0);
  const waitStart = Date.now();
  const deadline = waitStart + 60_000 + ids.length * 30;
  let lastReport = Date.now();
  progress(`notices: waiting for ${expected} warning notices (${stack.delivers ? 'the webhook receiver' : 'the notifications table'})…`);
  for (;;) {
    const got = stack.delivers ? warningNotices(env, idSet).length : sum(await outbox(), 'n');
    if (got >= expected || run.stopping) break;
    if (Date.now() > deadline) {
      progress(`notices: warning: ${got} of ${expected} after ${f1((Date.now() - waitStart) / 1000)} s`);
      break;
    }
    if (Date.now() - lastReport > 15_000) {
      lastReport = Date.now();
      progress(`  … ${got} / ${expected} warning notices`);
    }
    await sleep(500);
  }
  // A few poll intervals more: a notice sent twice would show now.
  await sleep(3_000);
  const rows = await outbox();
  const received = warningNotices(env, idSet);
  // More than one notice of a kind for one case: every case raises one yellow and one red on its sign-for clock.
  const perCase = new Map<string, number>();
  for (const r of rows) perCase.set(`${r.case_id} ${r.kind}`, r.n);
  const extraPerCase = [...perCase.values()].reduce((a, v) => a + Math.max(0, v - 1), 0);
  const delivery = (kinds: string[], at: 'yellow' | 'red') =>
    spread(received.filter((r) => kinds.includes(r.kind) && dueOf.has(r.caseId)).map((r) => r.firstAt - dueOf.get(r.caseId)![at]));
  if (env.receiver.rejected.badSignature) progress(`notices: warning: ${env.receiver.rejected.badSignature} requests with a bad signature`);
  return {
    expected,
    delivered: stack.delivers ? received.length : sum(rows, 'delivered'),
    duplicateIds: received.filter((r) => r.hits > 1).length,
    extraPerCase,
    rows: sum(rows, 'n'),
    rowsDelivered: sum(rows, 'delivered'),
    rowsFailed: sum(rows, 'failed'),
    yellowDelivery: delivery(['yellow_warning'], 'yellow'),
    redDelivery: delivery(['red_warning', 'urging'], 'red'),
    counted: stack.delivers ? 'receiver' : 'table',
  };
}

// ---------------------------------------------------------------------------------------------------------------
// End-of-day bursts (pure)

const CN_CALENDAR: WorkCalendar = {
  region: CN_OFFICIAL_CALENDAR.region,
  utcOffsetMinutes: CN_OFFICIAL_CALENDAR.utcOffsetMinutes,
  holidays: CN_OFFICIAL_CALENDAR.holidays,
  workdays: CN_OFFICIAL_CALENDAR.workdays,
  workingHours: CN_OFFICIAL_CALENDAR.workingHours,
  years: OFFICIAL_CALENDAR_YEARS,
};

/** Local time (calendar offset) of an instant, 'YYYY-MM-DD HH:MM:SS'. */
const local = (ms: number) => new Date(ms + CN_CALENDAR.utcOffsetMinutes * 60_000).toISOString().replace('T', ' ').slice(0, 19);

/** Least-squares line through (N, seconds) points; through the origin with one point. */
function fit(points: ReadonlyArray<[number, number]>): (n: number) => number {
  const pts = points.filter(([, y]) => Number.isFinite(y));
  if (pts.length === 0) return () => Number.NaN;
  if (pts.length === 1) return (n) => (pts[0]![1] * n) / pts[0]![0];
  const mx = pts.reduce((a, [x]) => a + x, 0) / pts.length;
  const my = pts.reduce((a, [, y]) => a + y, 0) / pts.length;
  const sxx = pts.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  const b = sxx === 0 ? 0 : pts.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / sxx;
  return (n) => Math.max(0, my + b * (n - mx));
}

function burstRows(herds: readonly BareHerd[], products: readonly ProductHerd[], rows: Row[]): void {
  const spec = { amount: 5, unit: 'working_days' } as const;
  const p99 = fit(herds.map((h) => [h.n, h.activity.p99 / 1000]));
  const max = fit(herds.map((h) => [h.n, h.activity.max / 1000]));
  const measured = herds.map((h) => `N=${h.n}: p99 ${s1(h.activity.p99)} s, max ${s1(h.activity.max)} s`).join('; ');
  // The product's own ratio at the largest N measured (the worse of yellow and red).
  const largest = [...products].sort((a, b) => b.n - a.n)[0];
  const ratio = largest ? Math.max(largest.yellow.p99, largest.red.p99) / (herds.find((h) => h.n === largest.n)?.activity.p99 ?? Number.NaN) : Number.NaN;
  for (const window of ['working_hours', 'all_day'] as IntakeWindow[]) {
    const t0 = performance.now();
    const { intake, modes } = deadlineBursts({ count: OPTS.intake, day: OPTS.day, calendar: CN_CALENDAR, spec, window, seed: 7 });
    progress(`end of day: ${OPTS.intake.toLocaleString('en')} deadlines over ${window.replace('_', ' ')} computed in ${f0ms(performance.now() - t0)} ms`);
    const over = window === 'working_hours' ? `the working hours of ${OPTS.day} (${CN_CALENDAR.workingHours!.map((p) => `${p.start}–${p.end}`).join(', ')})` : `all 24 hours of ${OPTS.day}`;
    for (const m of modes as BurstFigures[]) {
      const b = m.perSecond.max;
      rows.push({
        metric: `end of day: ${int(OPTS.intake)} cases at random over ${over} (CN, +08:00), 5 working days, endOfDay ${m.endOfDay ? 'on' : 'off'} — most deadlines in one second / one minute`,
        value: `${int(b)} / ${int(m.perMinute.max)}`,
        unit: 'deadlines',
        reference: `busiest second ${local(m.perSecond.at)}; deadlines from ${local(m.first)} to ${local(m.last)} local in ${int(m.perMinute.distinct)} distinct minutes; intake ${local(intake.first)}–${local(intake.last).slice(11)}`,
        verdict: '—',
      });
      rows.push({
        metric: `end of day, endOfDay ${m.endOfDay ? 'on' : 'off'}, ${window.replace('_', ' ')}: a herd of ${int(b)} timers, bare p99 / max (EXTRAPOLATED)`,
        value: `${f1(p99(b))} / ${f1(max(b))}`,
        unit: 's late',
        reference: `linear fit through this run's bare herds (${measured}), not measured at ${int(b)}${Number.isFinite(ratio) ? `; the product at its p99 ratio at N=${largest!.n} (${f2(ratio)}): p99 ≈ ${f1(p99(b) * ratio)} s` : ''}`,
        verdict: '—',
      });
    }
  }
}
const f0ms = (ms: number) => ms.toFixed(0);

// ---------------------------------------------------------------------------------------------------------------
// Rows

function herdRows(bare: BareHerd, product: ProductHerd | undefined, rows: Row[]): void {
  const n = bare.n;
  const issue = ISSUE_BARE_P99[n];
  rows.push({
    metric: `N=${n} bare herd: activity start − the instant, p50 / p99 / max`,
    value: triple(bare.activity),
    unit: 's',
    reference: `${issue !== undefined ? `issue 7 measured p99 ≈ ${issue} s here; ` : ''}timer seen fired (workflow time) ${triple(bare.fired)} s; completion seen ${triple(bare.completed)} s; all started ${s1(bare.slackMs)} s before the instant${bare.missing ? `; ${bare.missing} activities MISSING` : ''}`,
    verdict: '—',
  });
  if (!product) return;
  const p = product;
  rows.push({
    metric: `N=${n} product herd: how it was laid out`,
    value: p.clock.kind === 'seconds' ? `${p.clock.seconds} s` : '1 working day, endOfDay',
    unit: 'sign-for',
    reference: `policy version ${p.policyVersion} (only sign-for for ${HERD_CLASS}: ${clockLabel(p.clock)}, yellow 75%, no ladder)${p.late ? `; ${p.late} cases dispatched after the bench midnight LEFT OUT` : ''}; ${OPTS.dispatch === 'intake' ? 'dispatched at intake by the catalogue' : 'dispatched through the API'} at c=${OPTS.concurrency}, ${f1(p.herdRate)}/s${p.errors ? `, ${p.errors} errors` : ''}; clocks started over ${s1(p.startSpreadMs)} s; yellows due over ${s1(p.yellowWindowMs)} s from ${s1(p.leadMs)} s after the last dispatch${p.leadMs <= 0 ? ' (OVERLAPS the dispatching)' : ''}; reds over ${s1(p.redWindowMs)} s, from ${s1(p.gapMs)} s after the last yellow due`,
    verdict: '—',
  });
  rows.push({
    metric: `N=${n} product yellow: yellowFiredAt − yellowAt, p50 / p99 / max`,
    value: triple(p.yellow),
    unit: 's',
    reference: `${p.yellowRaised} yellow warnings raised of ${n}; the herd took ${s1(p.yellowDrainMs)} s from the first yellow due to the last raised (bare: ${s1(bare.activity.max)} s)${p.yellowSkipped ? `; ${p.yellowSkipped} clocks skipped yellow (first seen past due)` : ''}`,
    verdict: '—',
  });
  rows.push({ metric: `N=${n} product red: redFiredAt − dueAt, p50 / p99 / max`, value: triple(p.red), unit: 's', reference: `${p.redRaised} red warnings raised of ${n}; the herd took ${s1(p.redDrainMs)} s from the first red due to the last raised (bare: ${s1(bare.activity.max)} s)`, verdict: '—' });
  const ry = p.yellow.p99 / bare.activity.p99;
  const rr = p.red.p99 / bare.activity.p99;
  const worst = Math.max(ry, rr);
  rows.push({
    metric: `N=${n} ratio product p99 / bare p99 (yellow / red)${QUICK ? ' [quick]' : ''}`,
    value: `${f2(ry)} / ${f2(rr)}`,
    unit: 'ratio',
    reference: `goal ≤ ${GOAL_RATIO} (both)`,
    verdict: !Number.isFinite(worst) ? 'no data' : worst <= GOAL_RATIO ? 'met' : 'NOT met',
  });
  const c = p.notices;
  const exact = c.delivered === c.expected && c.duplicateIds === 0 && c.extraPerCase === 0;
  rows.push({
    metric: `N=${n} warning notices: expected / delivered / duplicates`,
    value: `${c.expected} / ${c.delivered} / ${c.duplicateIds + c.extraPerCase}`,
    unit: 'notices',
    reference:
      c.counted === 'receiver'
        ? `1 per yellow (deputy leader) + 2 per red (principal leader, urging); counted at the bench's webhook receiver per X-Hotline-Notification-Id (${c.duplicateIds} ids twice, ${c.extraPerCase} extra per case); outbox rows ${c.rows}, delivered_at ${c.rowsDelivered}, failed ${c.rowsFailed}`
        : `NO DELIVERER in the worker: outbox ROWS counted instead (delivered = rows with delivered_at: ${c.rowsDelivered}); rows ${c.rows}, failed ${c.rowsFailed}`,
    verdict: exact ? 'exact' : 'NOT exact',
  });
  if (c.counted === 'receiver') {
    rows.push({
      metric: `N=${n} notices received − due instant, yellow / red + urging, p50 / p99 / max`,
      value: `${triple(c.yellowDelivery)} · ${triple(c.redDelivery)}`,
      unit: 's',
      reference: 'the deliverer in the worker (default poll 1 s, batch 100, 4 sends at once) through the webhook channel, to the first arrival at the receiver',
      verdict: '—',
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  const started = performance.now();
  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0]!;
  progress(`${MODE} deadlines run ${RUN_ID} on the ${TOPOLOGY_LABEL}: N = ${OPTS.n.join(', ')}, dispatch ${OPTS.dispatch}${QUICK ? ' (--quick)' : ''}`);
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} } } });
  const env = await startEnv();
  progress(`ready in ${f1((performance.now() - started) / 1000)} s`);

  const bares: BareHerd[] = [];
  const products: ProductHerd[] = [];
  for (const n of OPTS.n) {
    if (run.stopping) return;
    bares.push(await bareHerd(env, n));
    if (run.stopping) return;
    products.push(await productHerd(env, n));
  }
  if (OPTS.burstHerd !== undefined && !run.stopping) bares.push(await bareHerd(env, OPTS.burstHerd));
  if (run.stopping) return;

  const rows: Row[] = [];
  for (const b of bares) herdRows(b, products.find((p) => p.n === b.n), rows);
  burstRows(bares, products, rows);

  const totalS = (performance.now() - started) / 1000;
  const section = [
    `## ${startedAt.toISOString()} · deadlines · ${MODE} · ${TOPOLOGY_LABEL}${QUICK ? ' (quick run: N = 50 and 200, not 500 and 2,000)' : ''}`,
    '',
    `- Machine: ${machineLine(env.temporalVersion)}`,
    `- Command: \`${commandLine('bench/deadlines.ts')}\``,
    `- Run time: ${totalS.toFixed(0)} s; load average (1 min) ${f1(loadAtStart)} at the start, ${f1(os.loadavg()[0]!)} at the end`,
    `- Bare herd: N workflows (bench/herd.workflows.ts, own bundle and task queue, worker in the bench process) sleep until one shared instant, then run one activity; lateness = the activity's start (its wall clock) − the instant.`,
    `- Product herd: a fresh worker and API per N (child processes, as \`npm run bench\`), a bench policy (sign-for only, yellow at 75%) seeded as a new active version; N cases opened and ${OPTS.dispatch === 'intake' ? 'dispatched at intake by the dispatch catalogue' : 'dispatched through POST /v1/cases/:id/dispatch'}. ${OPTS.align === 'end-of-day' ? 'Aligned by the end of the day: sign-for { 1 working_days, endOfDay } on an inline bench calendar whose day ends just after the dispatching, so all reds are due at one instant (as the bare herd) and the yellows (75% of each clock) within a quarter of the dispatch spread.' : 'Spread: sign-for D seconds, so the yellows and the reds each fall due over the whole dispatch spread ("clocks started over"), which favours the product against the bare herd by up to that spread; the "herd took" figures do not.'} Lateness = yellowFiredAt − yellowAt and redFiredAt − dueAt of the sign-for clock (the workflow time the warning was raised = the warning_raised event's \`at\`); "herd took" = the last warning raised − the first due, against the bare herd's max.`,
    `- Notices: the worker's deliverer with the webhook channel to a receiver in the bench process, counted per X-Hotline-Notification-Id.`,
    `- End of day: pure \`dueAt\` on the CN calendar; its lateness figures are an extrapolation from the bare herds above, not a measurement.`,
    '',
    renderTable(rows),
    '',
  ].join('\n');
  console.log(section);
  const file = await appendToBenchmarks(section);
  progress(`appended to ${file}; total ${totalS.toFixed(0)} s`);
}

runBench(main, cleanup, run);
