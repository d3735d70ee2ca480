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
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { DefaultLogger, makeTelemetryFilterString, Runtime } from '@temporalio/worker';
import { burstRows } from './deadlines/end-of-day.js';
import { bareHerd, bundleHerdWorkflows, startHerdWorker, type BareHerd } from './deadlines/herd-bare.js';
import { productHerd, type ProductHerd } from './deadlines/herd-product.js';
import { herdRows } from './deadlines/rows.js';
import { MODE, OPTS, QUICK, RUN, TOPOLOGY_LABEL, WEBHOOK_SECRET, type Env } from './deadlines/run.js';
import { progress, runBench } from './processes.js';
import { commandLine, f1, machineLine, recordRun, type Row } from './report.js';
import { startBenchEnv } from './stack.js';
import { startWebhookReceiver } from './webhook-receiver.js';

/** The run's server, database and bundles (bench/stack.ts), the notices' receiver, and the bare herd's worker. */
async function startEnv(): Promise<Env> {
  const receiver = await startWebhookReceiver(WEBHOOK_SECRET);
  RUN.cleanup.add('webhook receiver', () => receiver.close());
  const [base, herdCode] = await Promise.all([startBenchEnv(RUN, { name: 'bench-deadlines', topology: 'dev' }), bundleHerdWorkflows()]);
  const env: Env = { ...base, receiver, herdQueue: `bench-herd-${RUN.id}` };
  await startHerdWorker(env, herdCode);
  return env;
}

async function main(): Promise<void> {
  const started = performance.now();
  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0]!;
  progress(`${MODE} deadlines run ${RUN.id} on the ${TOPOLOGY_LABEL}: N = ${OPTS.n.join(', ')}, dispatch ${OPTS.dispatch}${QUICK ? ' (--quick)' : ''}`);
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} } } });
  const env = await startEnv();
  progress(`ready in ${f1((performance.now() - started) / 1000)} s`);

  const bares: BareHerd[] = [];
  const products: ProductHerd[] = [];
  for (const n of OPTS.n) {
    if (RUN.state.stopping) return;
    bares.push(await bareHerd(env, n));
    if (RUN.state.stopping) return;
    products.push(await productHerd(env, n));
  }
  if (OPTS.burstHerd !== undefined && !RUN.state.stopping) bares.push(await bareHerd(env, OPTS.burstHerd));
  if (RUN.state.stopping) return;

  const rows: Row[] = [];
  for (const b of bares) herdRows(b, products.find((p) => p.n === b.n), rows);
  burstRows(bares, products, rows);

  const totalS = (performance.now() - started) / 1000;
  await recordRun(
    {
      kind: 'deadlines',
      mode: MODE,
      topologyLabel: TOPOLOGY_LABEL,
      heading: `## ${startedAt.toISOString()} · deadlines · ${MODE} · ${TOPOLOGY_LABEL}${QUICK ? ' (quick run: N = 50 and 200, not 500 and 2,000)' : ''}`,
      notes: [
        `- Machine: ${machineLine(env.temporalVersion)}`,
        `- Command: \`${commandLine('bench/deadlines.ts')}\``,
        `- Run time: ${totalS.toFixed(0)} s; load average (1 min) ${f1(loadAtStart)} at the start, ${f1(os.loadavg()[0]!)} at the end`,
        `- Bare herd: N workflows (bench/herd.workflows.ts, own bundle and task queue, worker in the bench process) sleep until one shared instant, then run one activity; lateness = the activity's start (its wall clock) − the instant.`,
        `- Product herd: a fresh worker and API per N (child processes, as \`npm run bench\`), a bench policy (sign-for only, yellow at 75%) seeded as a new active version; N cases opened and ${OPTS.dispatch === 'intake' ? 'dispatched at intake by the dispatch catalogue' : 'dispatched through POST /v1/cases/:id/dispatch'}. ${OPTS.align === 'end-of-day' ? 'Aligned by the end of the day: sign-for { 1 working_days, endOfDay } on an inline bench calendar whose day ends just after the dispatching, so all reds are due at one instant (as the bare herd) and the yellows (75% of each clock) within a quarter of the dispatch spread.' : 'Spread: sign-for D seconds, so the yellows and the reds each fall due over the whole dispatch spread ("clocks started over"), which favours the product against the bare herd by up to that spread; the "herd took" figures do not.'} Lateness = yellowFiredAt − yellowAt and redFiredAt − dueAt of the sign-for clock (the workflow time the warning was raised = the warning_raised event's \`at\`); "herd took" = the last warning raised − the first due, against the bare herd's max.`,
        `- Notices: the worker's deliverer with the webhook channel to a receiver in the bench process, counted per X-Hotline-Notification-Id.`,
        `- End of day: pure \`dueAt\` on the CN calendar; its lateness figures are an extrapolation from the bare herds above, not a measurement.`,
      ],
      rows,
      totalS,
    },
    progress,
  );
}

runBench(main, RUN.cleanup, RUN.state);
