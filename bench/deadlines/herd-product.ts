/**
 * The product herd: a fresh worker and API (child processes, as `npm run bench`) on the run's server and a bench
 * policy (bench/deadlines/policy.ts); N cases opened and dispatched as fast as the API takes them, their sign-for
 * clocks aligned so the warnings fall due together. Lateness per warning = the clock's yellowFiredAt / redFiredAt −
 * its yellowAt / dueAt, read from the cases table once all have fired.
 */
import { benchComplaint } from '../fixtures.js';

/** Complaints numbered across the run: each herd case a caller of its own, as in `npm run bench` (bench/fixtures.ts). */
let complaintSeq = 0;
import { closedLoop, percentile, type LoadResult } from '../load.js';
import { progress } from '../processes.js';
import { f1 } from '../report.js';
import { startCaseStack, waitForCases, type CaseStack } from '../stack.js';
import { webhookWorkerEnv } from '../webhook-receiver.js';
import { countNotices, warningNotices, type NoticeCount } from './notices.js';
import { activateBenchPolicy, clockLabel, endOfDayClock, type BenchClock } from './policy.js';
import {
  CATEGORIES,
  DISPATCH_UNIT,
  DISPATCHER,
  HERD_CLASS,
  INTAKE,
  MARGIN_S,
  OPTS,
  PER_TIMER_S,
  QUICK,
  RUN,
  s1,
  s2,
  spread,
  WARM_CASES,
  WEBHOOK_SECRET,
  type Env,
  type Spread,
} from './run.js';

export interface ProductHerd {
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

/** The product's worker and API for one N; the worker delivers notices to the bench's webhook receiver. */
interface HerdStack extends CaseStack {
  /** Whether the worker said it delivers notices through the webhook channel. */
  delivers: boolean;
}

async function startHerdStack(env: Env, label: string): Promise<HerdStack> {
  const stack = await startCaseStack(RUN, env, {
    queue: 'bench-deadlines',
    label,
    workerEnv: webhookWorkerEnv(env.receiver, WEBHOOK_SECRET),
    workerNote: "notices to the bench's webhook receiver",
  });
  // The worker says so when it delivers; with NOTIFY_DELIVERY=separate the deliverer child said it at start.
  if (process.env.NOTIFY_DELIVERY === 'separate') return Object.assign(stack, { delivers: true });
  const delivers = await stack.worker.printed(/notices through the webhook channel/, 2_000).then(
    () => true,
    () => false,
  );
  if (!delivers) progress('warning: the worker did not say it delivers notices through the webhook channel; notices will be counted in the notifications table');
  return Object.assign(stack, { delivers });
}

/**
 * Opens (and with --dispatch api dispatches) `count` warm-up cases of the warm category (no clock under the bench
 * policy) and returns how many per second the workflows dispatched: from the first request to the last dispatch in
 * the record (workflow time), since with dispatch at intake the API answers before the workflow has run.
 */
async function warmUp(env: Env, stack: HerdStack, count: number, tag: string): Promise<number> {
  const ids: string[] = [];
  let seq = 0;
  const t0 = Date.now();
  const dispatchedBy = async () => {
    await waitForCases(RUN, env, ids, "status = 'dispatched'", { what: 'warm-up cases dispatched in the record', timeoutMs: 120_000, pollMs: 500 });
    const { rows } = await env.database.pool.query<{ last: Date | null }>(`select max(at) as last from case_events where case_id = any($1::text[])`, [ids]);
    return ids.length / (Math.max(1, (rows[0]?.last?.getTime() ?? Date.now()) - t0) / 1000);
  };
  const open = await closedLoop({ concurrency: OPTS.concurrency, count, stopped: () => RUN.state.stopping }, async () => {
    const body = await stack.http.post<{ id: string }>('/v1/cases', benchComplaint(complaintSeq++, { categoryId: CATEGORIES.warm }), { ...INTAKE, 'idempotency-key': `bench-${RUN.id}-${tag}-${seq++}` }, [201]);
    ids.push(body.id);
  });
  if (open.errors) throw new Error(`warm-up: ${open.errors} opens failed (first: ${open.firstError})`);
  if (OPTS.dispatch === 'intake') return dispatchedBy();
  const dispatched = await closedLoop({ concurrency: OPTS.concurrency, count: ids.length, stopped: () => RUN.state.stopping }, async (i) => {
    await stack.http.post(`/v1/cases/${ids[i]}/dispatch`, { unitId: DISPATCH_UNIT, note: '属地街道处理' }, DISPATCHER, [200]);
  });
  if (dispatched.errors) throw new Error(`warm-up: ${dispatched.errors} dispatches failed (first: ${dispatched.firstError})`);
  return dispatchedBy();
}

export async function productHerd(env: Env, n: number): Promise<ProductHerd> {
  const stack = await startHerdStack(env, `n${n}`);
  const stopStack = RUN.cleanup.add(`case stack n${n}`, () => stack.stop());
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
    const open = () => stack.http.post<{ id: string }>('/v1/cases', benchComplaint(complaintSeq++, { categoryId: CATEGORIES.herd }), { ...INTAKE, 'idempotency-key': `bench-${RUN.id}-herd-${n}-${seq++}` }, [201]);
    let herd: LoadResult;
    if (OPTS.dispatch === 'intake') {
      progress(`product N=${n}: opening ${n} cases of ${CATEGORIES.herd} (the catalogue dispatches each at intake) at concurrency ${OPTS.concurrency}…`);
      herd = await closedLoop({ concurrency: OPTS.concurrency, count: n, stopped: () => RUN.state.stopping }, async () => void ids.push((await open()).id));
    } else {
      progress(`product N=${n}: opening ${n} cases of ${CATEGORIES.herd} at concurrency ${OPTS.concurrency}…`);
      const opened = await closedLoop({ concurrency: OPTS.concurrency, count: n, stopped: () => RUN.state.stopping }, async () => void ids.push((await open()).id));
      if (opened.errors) progress(`product N=${n}: ${opened.errors} opens failed (first: ${opened.firstError})`);
      progress(`product N=${n}: dispatching them to ${DISPATCH_UNIT} through the API at concurrency ${OPTS.concurrency}…`);
      const todo = [...ids];
      ids.length = 0;
      herd = await closedLoop({ concurrency: OPTS.concurrency, count: todo.length, stopped: () => RUN.state.stopping }, async (i) => {
        await stack.http.post(`/v1/cases/${todo[i]}/dispatch`, { unitId: DISPATCH_UNIT, note: '属地街道处理' }, DISPATCHER, [200]);
        ids.push(todo[i]!);
      });
    }
    if (herd.errors) progress(`product N=${n}: ${herd.errors} requests failed (first: ${herd.firstError})`);
    progress(`product N=${n}: ${ids.length} dispatched in ${f1(herd.elapsedMs / 1000)} s (${f1(herd.rate)}/s); waiting for the record…`);
    if (ids.length === 0) throw new Error('no case of the herd was dispatched');

    const { reached: started } = await waitForCases(RUN, env, ids, "clocks->'signFor'->>'startedAt' is not null", { what: 'have a running sign-for clock in the record', timeoutMs: 180_000, pollMs: 500 });
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
    await waitForCases(RUN, env, ids, "clocks->'signFor'->>'redFiredAt' is not null", { what: 'red in the record', timeoutMs: waitMs, pollMs: 500, extra: delivered });

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

    const notices = await countNotices(env, stack.delivers, ids, idSet, yellowEvents + 2 * redEvents, dueOf);
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
