/**
 * Phase 1: the open stock. Every case is opened through the API (a real workflow with live clocks) and taken, by
 * the handler of its street, to the state it is seeded in; the timed cases last, each with a receivedAt that puts
 * its yellow and red warnings at a chosen instant of phase 2.
 */
import { performance } from 'node:perf_hooks';
import { closedLoop } from '../load.js';
import { progress } from '../processes.js';
import { f1 } from '../report.js';
import { weighted } from './ledger.js';
import { openCase, SEED_PATHS, seedStep, type ActContext } from './actions.js';
import { OPTS, RUN } from './run.js';

/**
 * The states of the untimed open stock, roughly as a hotline's open cases stand at a given moment: a few wait for a
 * dispatcher, most are with a unit, a sixth wait for their callback.
 */
export const SEED_STATES = { received: 0.06, dispatched: 0.3, accepted: 0.24, contacted: 0.24, replied: 0.16 } as const;

/** Timed cases opened at once (see seedTimed). */
export const TIMED_CONCURRENCY = 4;

export interface Seeded {
  cases: number;
  requests: number;
  errors: number;
  firstError: string | null;
  seconds: number;
  /** Requests per second while seeding. */
  rate: number;
}

/** Opens `count` untimed cases and takes each to its seeded state, `concurrency` cases at a time. */
export async function seedPlain(ctx: ActContext, count: number): Promise<Seeded> {
  const t0 = performance.now();
  let requests = 0;
  let done = 0;
  const tick = setInterval(() => progress(`seed: ${done.toLocaleString('en')} / ${count.toLocaleString('en')} cases (${requests.toLocaleString('en')} requests, ${f1(requests / ((performance.now() - t0) / 1000))}/s)`), 15_000);
  try {
    const r = await closedLoop({ concurrency: OPTS.concurrency, count, stopped: () => RUN.state.stopping }, async () => {
      const target = weighted(SEED_STATES, ctx.random);
      requests += 1;
      const e = await openCase(ctx, target === 'received' ? 'dispatcher' : 'catalogue');
      if (!e) throw new Error('open refused');
      for (const step of SEED_PATHS[target]) {
        requests += 1;
        if (!(await seedStep(ctx, e.id, step))) throw new Error(`${step} refused on ${e.id} (${e.status})`);
      }
      done += 1;
    });
    const seconds = (performance.now() - t0) / 1000;
    return { cases: r.ok, requests, errors: r.errors, firstError: r.firstError, seconds, rate: requests / seconds };
  } finally {
    clearInterval(tick);
  }
}

/**
 * Opens `count` timed cases: water outages the catalogue dispatches to the water bureau at intake, whose sign-for
 * clock (the soak policy: `signForS` seconds, yellow at `yellowRatio`) counts from their receivedAt. Each one's
 * yellow is due at a random instant of [phase2 + 3 %, phase2 + 72 %] of the clock, its red a quarter of the clock
 * later, so with the clock as long as phase 2 the yellows fall due over its first three quarters and the reds over
 * its last three. `phase2At`: when phase 2 is expected to start (ms).
 */
export async function seedTimed(ctx: ActContext, count: number, o: { signForS: number; yellowRatio: number; phase2At: number }): Promise<Seeded> {
  const t0 = performance.now();
  const clockMs = o.signForS * 1000;
  // Gently: the case workflow sets a warning timer for the time from its workflow task's start to the warning, and
  // the server starts the timer when the task completes, so the warning is late by that task's duration. The yellow's
  // timer is set by the case's first task (its patch markers and search attributes), which a flood of opens slows:
  // yellows came ≈ 5 s late after a seeding at full speed on a loaded box, ≈ 1 s at 8 at a time, while the reds, set
  // by the short task that raised the yellow, came within 0.1–0.8 s. That is the seeding's doing, not phase 2's.
  const r = await closedLoop({ concurrency: Math.min(TIMED_CONCURRENCY, OPTS.concurrency), count, stopped: () => RUN.state.stopping }, async () => {
    const yellowAt = o.phase2At + (0.03 + 0.69 * ctx.random()) * clockMs;
    const receivedAt = new Date(Math.min(Date.now() - 1_000, yellowAt - o.yellowRatio * clockMs));
    if (!(await openCase(ctx, 'timed', { receivedAt }))) throw new Error('open refused');
  });
  const seconds = (performance.now() - t0) / 1000;
  return { cases: r.ok, requests: count, errors: r.errors, firstError: r.firstError, seconds, rate: count / seconds };
}
