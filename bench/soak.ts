/**
 * `npm run soak` (issue 23): the product at city scale for half an hour on the production topology. `npm run soak --
 * --help` says what it does and takes; bench/soak/ holds its parts:
 * - run.ts: options (options.ts), the run's keys, the people who act, places and categories;
 * - policy.ts: the soak policy (the timed class's sign-for clock as long as phase 2);
 * - seed.ts: phase 1, the open stock, and the timed cases whose warnings fall due in phase 2;
 * - actions.ts, ledger.ts: the mix of actions through the API and what the soak knows of each case;
 * - drive.ts: phase 2, open-loop arrivals at the intake rate times the mix;
 * - sample.ts, recorder.ts: the samples (latency, memory, CPU, databases, warnings, notices), series.ts their file;
 * - audit.ts: nothing lost (record, visibility, notices) and the histories' shape; rows.ts: the section's rows.
 * It stands on what the other benches stand on (bench/stack.ts, bench/processes.ts, bench/report.ts).
 * Prints the section to stdout and appends it to BENCHMARKS.md (kind soak); progress goes to stderr.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { DefaultLogger, makeTelemetryFilterString, Runtime } from '@temporalio/worker';
import { prng } from './load.js';
import { postgresProcesses, progress, runBench, sleep } from './processes.js';
import { commandLine, f0, f1, machineLine, recordRun } from './report.js';
import { startBenchEnv, startCaseStack } from './stack.js';
import { startWebhookReceiver, webhookWorkerEnv } from './webhook-receiver.js';
import { READS, type ActContext } from './soak/actions.js';
import { checkNotices, checkRecord, checkVisibility, historyShapes, timedLateness } from './soak/audit.js';
import { drive, mixTotal } from './soak/drive.js';
import { Ledger } from './soak/ledger.js';
import { BEIJING_PEAK_PER_S, BOX_FACTOR, DEFAULT_RATE } from './soak/options.js';
import { activateSoakPolicy } from './soak/policy.js';
import { Recorder } from './soak/recorder.js';
import { CATEGORIES, OPTS, RUN, TIMED_CLASS, TOPOLOGY_LABEL, WEBHOOK_SECRET, type SoakEnv } from './soak/run.js';
import { countersDelta, startSampler, type CountersDelta } from './soak/sample.js';
import { seedPlain, seedTimed, SEED_STATES, TIMED_CONCURRENCY } from './soak/seed.js';
import { soakRows, type SoakResult } from './soak/rows.js';
import { writeSeries } from './soak/series.js';

/** Full: the issue's 30 minutes at 20,000 open cases; anything smaller is recorded as quick (compared with quick runs). */
const MODE = OPTS.minutes >= 30 && OPTS.open >= 20_000 ? 'full' : 'quick';

async function startEnv(): Promise<{ env: SoakEnv; policy: { version: number; yellowRatio: number }; signForS: number }> {
  const receiver = await startWebhookReceiver(WEBHOOK_SECRET);
  RUN.cleanup.add('webhook receiver', () => receiver.close());
  const base = await startBenchEnv(RUN, { name: 'soak', topology: OPTS.topology, historyShards: OPTS.shards });
  // The API loads the policy in force when it starts: the soak policy first.
  const signForS = Math.max(30, Math.round(OPTS.minutes * 60));
  const policy = await activateSoakPolicy(base, signForS);
  progress(`soak policy version ${policy.version}: ${TIMED_CLASS} sign-for ${signForS} s (yellow at ${policy.yellowRatio}); every other clock as the default policy`);
  const stack = await startCaseStack(RUN, base, { queue: 'soak', label: 'soak', workerEnv: webhookWorkerEnv(receiver, WEBHOOK_SECRET), workerNote: "notices to the soak's webhook receiver" });
  RUN.cleanup.add('case stack', () => stack.stop());
  if (!(await stack.worker.printed(/notices through the webhook channel/, 2_000).then(() => true, () => false))) {
    progress('warning: the worker did not say it delivers notices through the webhook channel');
  }
  const { rows } = await base.database.pool.query<{ pid: number }>('select pg_backend_pid() as pid');
  const postgres = postgresProcesses(rows[0]!.pid);
  if (!postgres) progress('PostgreSQL does not run on this machine (or is not readable): its memory and CPU are not measured');
  return { env: { ...base, receiver, stack, postgres }, policy, signForS };
}

async function main(): Promise<void> {
  const started = performance.now();
  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0]!;
  const timedCount = Math.round(OPTS.open * OPTS.timedShare);
  const plainCount = OPTS.open - timedCount;
  progress(
    `soak run ${RUN.id} (${MODE}) on the ${TOPOLOGY_LABEL}: ${OPTS.open.toLocaleString('en')} open cases (${timedCount.toLocaleString('en')} timed), ` +
      `then ${OPTS.minutes} min at ${OPTS.rate} intakes/s × ${mixTotal().toFixed(1)} requests each`,
  );
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} } } });
  const { env, policy, signForS } = await startEnv();
  progress(`ready in ${f1((performance.now() - started) / 1000)} s`);

  const random = prng(OPTS.seed);
  const ledger = new Ledger(random);
  let complaintSeq = 0;
  const seedRecorder = new Recorder(READS);
  const soakRecorder = new Recorder(READS);
  const ctx: ActContext = { http: () => env.stack.http, ledger, recorder: seedRecorder, random, nextComplaint: () => complaintSeq++ };
  const sampler = await startSampler(env, { ledger, recorder: () => ctx.recorder, timedIds: () => ledger.timedIds(), intervalS: OPTS.sampleSeconds, startedAt: Date.now() });
  const dbBefore = await sampler.dbSizes();

  // Phase 1: the open stock, the record catching up, the stock at rest, the timed cases.
  progress(`phase 1: seeding ${plainCount.toLocaleString('en')} cases (${Object.entries(SEED_STATES).map(([s, w]) => `${s} ${Math.round(w * 100)} %`).join(', ')}) at concurrency ${OPTS.concurrency}…`);
  const plain = await seedPlain(ctx, plainCount);
  progress(`phase 1: ${plain.cases.toLocaleString('en')} cases in ${f0(plain.seconds)} s (${f1(plain.rate)} requests/s, ${plain.errors} errors${plain.firstError ? `, first: ${plain.firstError}` : ''}); waiting for the record…`);
  if (RUN.state.stopping) return;
  const caughtUp = await checkRecord(env, ledger, 600_000);
  progress(`phase 1: the record caught up in ${f1(caughtUp.seconds)} s`);
  let idle: CountersDelta | null = null;
  if (OPTS.idleSeconds > 0) {
    sampler.setPhase('idle');
    await sampler.sample();
    progress(`idle: ${OPTS.idleSeconds} s with no load, ${ledger.openCount().toLocaleString('en')} open cases…`);
    const c0 = await sampler.counters0();
    await sleep(OPTS.idleSeconds * 1000);
    idle = countersDelta(c0, await sampler.counters0());
    await sampler.sample();
    sampler.setPhase('seed');
  }
  if (RUN.state.stopping) return;
  // Phase 2 starts when the timed cases are open: at the plain seeding's request rate, scaled to the gentler concurrency.
  const phase2At = Date.now() + (timedCount / Math.max(1, (plain.rate * Math.min(TIMED_CONCURRENCY, OPTS.concurrency)) / OPTS.concurrency)) * 1000 + 2_000;
  progress(`phase 1: ${timedCount.toLocaleString('en')} timed cases (${CATEGORIES.timed}), yellows due from ${new Date(phase2At + 0.03 * signForS * 1000).toISOString()} over ${f0(0.69 * signForS)} s…`);
  const timed = await seedTimed(ctx, timedCount, { signForS, yellowRatio: policy.yellowRatio, phase2At });
  if (timed.errors) progress(`phase 1: ${timed.errors} timed cases refused (first: ${timed.firstError})`);
  if (RUN.state.stopping) return;

  // Phase 2.
  await sampler.sample();
  sampler.setPhase('soak');
  ctx.recorder = soakRecorder;
  const openAtStart = ledger.openCount();
  progress(`phase 2: ${OPTS.minutes} min, intake ${OPTS.rate}/s, ${(OPTS.rate * mixTotal()).toFixed(2)} requests/s, ${openAtStart.toLocaleString('en')} open cases…`);
  const c2 = await sampler.counters0();
  const driven = await drive(ctx, { ratePerS: OPTS.rate, durationMs: OPTS.minutes * 60_000, maxInFlight: OPTS.maxInFlight, stopped: () => RUN.state.stopping, counters: sampler.counters });
  const load = countersDelta(c2, await sampler.counters0());
  const endedAt = Date.now();
  await sampler.sample();
  sampler.setPhase('drain');
  if (RUN.state.stopping) return;
  const phase2 = soakRecorder.total();
  const opened2 = phase2.actions.open?.n ?? 0;
  const openAtEnd = ledger.openCount();

  // Nothing lost?
  progress('audit: the record against what the API answered…');
  const record = await checkRecord(env, ledger, 300_000);
  progress('audit: the case workflows in visibility against the record…');
  const visibility = await checkVisibility(env, 180_000);
  progress('audit: the notices…');
  const notices = await checkNotices(env, 180_000);
  const lateness = await timedLateness(env, ledger.timedIds(), endedAt);
  progress('audit: the histories of a sample of cases…');
  const histories = await historyShapes(env, ledger, 20);
  const [tables, dbAfter, facts] = await Promise.all([sampler.tables(), sampler.dbSizes(), sampler.serverFacts()]);
  await sampler.sample();
  await sampler.stop();

  const result: SoakResult = {
    rate: OPTS.rate,
    minutes: OPTS.minutes,
    seeded: { plain, timed },
    openAtStart,
    openAtEnd,
    opened2,
    driven,
    phase2,
    samples: sampler.samples,
    idle,
    load,
    dbBefore,
    dbAfter,
    cases: ledger.size,
    tables,
    lateness: { ...lateness, timed: timedCount },
    record,
    visibility,
    notices,
    histories,
    historyShards: env.temporalDatabases?.historyShards ?? null,
  };
  const rows = soakRows(result);
  const files = await writeSeries(OPTS.out, startedAt, RUN.id, { run: RUN.id, startedAt: startedAt.toISOString(), options: OPTS, policyVersion: policy.version, signForS, postgres: facts, summary: { ...result, samples: undefined }, samples: sampler.samples });
  progress(`series written to ${files.join(' and ')}`);

  const totalS = (performance.now() - started) / 1000;
  await recordRun(
    {
      kind: 'soak',
      mode: MODE,
      topologyLabel: TOPOLOGY_LABEL,
      heading: `## ${startedAt.toISOString()} · soak · ${MODE} · ${TOPOLOGY_LABEL}${MODE === 'quick' ? ` (quick run: ${OPTS.minutes} min, ${OPTS.open.toLocaleString('en')} open cases, not 30 min and 20,000)` : ''}`,
      notes: [
        `- Machine: ${machineLine(env.temporalVersion)}; PostgreSQL ${facts.server_version ?? '?'} (shared_buffers ${facts.shared_buffers ?? '?'}, synchronous_commit ${facts.synchronous_commit ?? '?'})`,
        `- Command: \`${commandLine('bench/soak.ts')}\``,
        `- Run time: ${f0(totalS)} s; load average (1 min) ${f1(loadAtStart)} at the start, ${f1(os.loadavg()[0]!)} at the end`,
        `- Phase 1: ${OPTS.open.toLocaleString('en')} cases opened through the API (real workflows, live clocks) and taken to ${Object.entries(SEED_STATES).map(([s, w]) => `${s} ${Math.round(w * 100)} %`).join(', ')} at the demo city's streets; ${timedCount.toLocaleString('en')} of them timed: ${CATEGORIES.timed} under a soak policy whose ${TIMED_CLASS} sign-for clock is ${signForS} s, opened with a receivedAt that puts each yellow within phase 2 (the reds a quarter of the clock later); every other clock the default policy's. Then the record caught up and ${OPTS.idleSeconds} s at rest.`,
        `- Phase 2: ${OPTS.minutes} min of Poisson arrivals, intake ${OPTS.rate}/s${OPTS.rate === DEFAULT_RATE ? ` (Beijing's peak ${BEIJING_PEAK_PER_S.toFixed(2)}/s ÷ box factor ${BOX_FACTOR})` : ''} × ${mixTotal().toFixed(1)} requests per intake (bench/soak/actions.ts MIX), at most ${OPTS.maxInFlight} in flight; as the people whose desks they are, with payload encryption and authentication as in production; notices delivered by the worker to a webhook receiver in the soak process.`,
        `- Latency is client-side per request; CPU per case is phase 2's CPU of each process net of its rate at rest, ÷ the cases opened in phase 2 (each bringing its share of the mix); database bytes per case are the growth of pg_database_size over the run ÷ the cases opened.`,
        `- Series (every ${OPTS.sampleSeconds} s): \`${files.map((f) => f.replace(`${process.cwd()}/`, '')).join('`, `')}\``,
      ],
      rows,
      totalS,
    },
    progress,
  );
}

runBench(main, RUN.cleanup, RUN.state);
