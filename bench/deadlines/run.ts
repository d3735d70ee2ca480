/**
 * The deadlines bench's run (bench/deadlines.ts): its options, parsed once (a wrong one prints the usage and exits
 * with 2 before anything starts), the figures that follow from them, the run's identity and keys, the people who
 * act, and the environment every part of it shares.
 */
import { randomBytes } from 'node:crypto';
import { percentile } from '../load.js';
import { BenchRun, person, type BenchEnv } from '../stack.js';
import type { WebhookReceiver } from '../webhook-receiver.js';

// ---------------------------------------------------------------------------------------------------------------
// Options

export const USAGE =
  'usage: npm run bench:deadlines [-- [--quick] [--n 500,2000] [--dispatch intake|api] [--align end-of-day|spread] [--concurrency 32] [--sign-for <seconds>] [--intake 57500] [--day YYYY-MM-DD] [--burst-herd <n>] [--keep]]';

export function parseArgs(argv: readonly string[]) {
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

let parsed: ReturnType<typeof parseArgs>;
try {
  parsed = parseArgs(process.argv.slice(2));
} catch (err) {
  console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  process.exit(2);
}
export const OPTS = parsed;
export const QUICK = OPTS.quick;
export const MODE = QUICK ? 'quick' : 'full';
export const TOPOLOGY_LABEL = process.env.TEMPORAL_ADDRESS ? 'external server (TEMPORAL_ADDRESS)' : 'dev topology';
/** Issue 7: product p99 ≤ 1.25 × bare p99. */
export const GOAL_RATIO = 1.25;
/** What the issue measured here for the bare herd alone (dev server): p99 in seconds by N. */
export const ISSUE_BARE_P99: Record<number, number> = { 500: 4, 2000: 31 };
/** Seconds of room: before the first yellow after the last dispatch, and before the reds after the yellows' herd. */
export const MARGIN_S = QUICK ? 5 : 20;
/** Herd allowance per timer when choosing D (≈ the issue's bare p99 at N = 2000: 31 s / 2000). */
export const PER_TIMER_S = 0.02;
export const WARM_CASES = QUICK ? 32 : 96;

/** This run: its id, its payload key and authentication keys (passed to the children by env), its cleanup. */
export const RUN = new BenchRun(OPTS.keep);
/** The worker's webhook channel signs with this; the bench's receiver checks it. */
export const WEBHOOK_SECRET = randomBytes(32).toString('hex');

/**
 * The herd's category (deadline class general: the bench policy's only clock) and the warm-up's (class complex: no
 * clock under the bench policy, one working day under the default). `intake`: each has exactly one catalogue rule
 * (the street of the place), so the case is dispatched when it opens; `api`: none has a single rule, the bench
 * dispatches to the street office.
 */
export const HERD_CLASS = 'general';
export const CATEGORIES = OPTS.dispatch === 'intake' ? { herd: 'env.noise.living', warm: 'illegal.historical' } : { herd: 'env.noise.construction', warm: 'repair.oldestate' };
export const WARNING_KINDS = ['yellow_warning', 'red_warning', 'urging'] as const;

/** What the run stands on (bench/stack.ts), the webhook receiver that counts notices, the bare herd's task queue. */
export interface Env extends BenchEnv {
  receiver: WebhookReceiver;
  herdQueue: string;
}

// ---------------------------------------------------------------------------------------------------------------
// People (runtime/auth-cli.ts DEV_PRINCIPALS), signed with this run's keys

export const INTAKE = RUN.bearer('intake_agent');
export const DISPATCHER = RUN.bearer('dispatcher');
export const DISPATCH_UNIT = person('unit_handler').unit!;

// ---------------------------------------------------------------------------------------------------------------
// Formatting: seconds from milliseconds, whole numbers, and the spread of a herd's lateness

export const s1 = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(1) : '—');
export const s2 = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : '—');
export const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '—');

export interface Spread {
  p50: number;
  p99: number;
  max: number;
  n: number;
}
export const spread = (v: readonly number[]): Spread => ({ p50: percentile(v, 50), p99: percentile(v, 99), max: v.length ? v.reduce((a, b) => Math.max(a, b), -Infinity) : Number.NaN, n: v.length });
export const triple = (p: Spread) => `${s2(p.p50)} / ${s2(p.p99)} / ${s2(p.max)}`;
