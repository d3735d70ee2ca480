/**
 * `npm run soak` options, parsed once (pure: bench/soak/soak.test.ts runs it), and the figures the defaults come
 * from: Beijing's intake and open stock, the peak hour, and the factor between a city's deployment and this box.
 */

/** Beijing's 12345: about 65,000 complaints a day, about 180,000 open at once (issue 23). */
export const BEIJING = { perDay: 65_000, open: 180_000, peakHourFactor: 2.5 } as const;
/** Beijing's peak intake: 65,000 a day, the peak hour 2.5 × the day's mean hour ≈ 1.88 per second. */
export const BEIJING_PEAK_PER_S = (BEIJING.perDay * BEIJING.peakHourFactor) / 86_400;
/**
 * This box against a city's deployment. The soak holds 20,000 open cases, 1/9 of Beijing's stock; scaled by the
 * same 9 the intake would be 0.21/s, which keeps Beijing's turnover but leaves this 2-core box nearly idle. Divided
 * by 4 instead (0.47/s, about 2.25 × the box's share of the stock) the box carries a peak of its own, still far from
 * its saturation, as a city's cluster would at its peak hour.
 */
export const BOX_FACTOR = 4;
export const DEFAULT_RATE = Math.round((BEIJING_PEAK_PER_S / BOX_FACTOR) * 100) / 100;

export interface SoakOptions {
  /** Phase 2's length. */
  minutes: number;
  /** Open cases seeded in phase 1. */
  open: number;
  /** Intake in phase 2, cases per second. */
  rate: number;
  /**
   * The share of the seeded cases whose warnings are timed to fall due during phase 2. Their warnings are work the
   * per-case costs include: 2 % of 20,000 gives 400 yellows and 400 reds in 30 minutes, about one warning per case
   * opened then (a city whose cases often pass 75 % of a clock), and n = 400 lateness figures per colour.
   */
  timedShare: number;
  /** Requests in flight while seeding. */
  concurrency: number;
  /** Phase 2's cap on requests in flight (beyond it an arrival is counted as shed, not sent). */
  maxInFlight: number;
  /** Seconds between samples. */
  sampleSeconds: number;
  /** Seconds of no load after seeding (the record caught up): the idle cost of the open stock. */
  idleSeconds: number;
  topology: 'dev' | 'production';
  /** History shards of the production topology's Temporal Server (fixed for its databases, as in production). */
  shards: number;
  /** Where the per-minute series goes (a git-ignored folder). */
  out: string;
  /** Seed of the action mix's random choices. */
  seed: number;
  keep: boolean;
  help: boolean;
}

export const USAGE = `usage: npm run soak [-- [--minutes 30] [--open 20000] [--rate ${DEFAULT_RATE}] [--timed-share 0.02] [--concurrency 32]
                        [--max-in-flight 64] [--sample-seconds 60] [--idle-seconds 60] [--topology production|dev]
                        [--shards 4] [--out .data/soak] [--seed 1] [--keep] [--help]]`;

export const HELP = `${USAGE}

A soak at city scale on the production topology (bench/soak.ts): its own database, Temporal Server on PostgreSQL,
the worker and the API as child processes with payload encryption and authentication, notices delivered to a
webhook receiver in the soak process.

Phase 1 seeds --open cases through the API as fast as it takes them (--concurrency requests in flight): real
workflows with live clocks, spread over the states of a working hotline (received, dispatched, accepted,
contacted, replied), at the streets of the demo city. A --timed-share of them (water outages, dispatched to the
water bureau by the catalogue at intake) are opened with a receivedAt in the past, under a soak policy whose
utilities class has a sign-for clock as long as phase 2, so that their yellow and red warnings fall due one by
one during phase 2; every other clock is the default policy's (working days: none falls due in a soak).
Then the record catches up, and --idle-seconds of no load measure what the open stock costs at rest.

Phase 2 runs --minutes with intake at --rate cases per second (Poisson arrivals; default ${DEFAULT_RATE}/s: Beijing's
65,000 a day with a peak hour of 2.5 × the mean = ${BEIJING_PEAK_PER_S.toFixed(2)}/s, divided by a box factor of ${BOX_FACTOR}) and, per
intake, the mix of actions of a hotline: dispatch, sign for, return, contact, progress notes, reply, callback
(satisfied, unsatisfied: another round, no answer), reassign, escalate, urge, extension request and decision,
hold and resume, and the desks' reads (a case, its timeline, its actions, a unit's queue).

Every --sample-seconds: p50/p99 per action over the interval, RSS of the worker, API and Temporal Server and the
PSS of PostgreSQL, CPU per process, database sizes (the record, Temporal's, visibility's; per table), the
timed warnings' lateness, the notices' outbox. At the end: the record against what the API answered, the case
workflows Temporal's visibility counts by CaseStatus against the record's rows by status, every notice delivered
once, histories of a sample of cases; a section through bench/regression.ts (kind soak) in BENCHMARKS.md and
the series as JSON and CSV in --out.

Options:
  --minutes N         phase 2's length (default 30)
  --open N            open cases seeded in phase 1 (default 20000)
  --rate R            intake per second in phase 2 (default ${DEFAULT_RATE})
  --timed-share F     share of the seeded cases whose warnings fall due in phase 2 (default 0.02: 400 of
                      20,000, 800 warnings in 30 minutes, about one per case opened then)
  --concurrency N     requests in flight while seeding (default 32)
  --max-in-flight N   phase 2's cap on requests in flight; arrivals beyond it are counted as shed (default 64)
  --sample-seconds N  seconds between samples (default 60)
  --idle-seconds N    seconds of no load between the phases (default 60)
  --topology T        production (default: Temporal Server on PostgreSQL with per-run databases) or dev
  --shards N          history shards of the production topology's server (default 4, as TEMPORAL_HISTORY_SHARDS)
  --out DIR           where the series goes (default .data/soak, git-ignored)
  --seed N            seed of the mix's random choices (default 1)
  --keep              keep the databases and the logs
Environment: BENCH_DATABASE_URL (the PostgreSQL server for the run's databases; default the local one).
A development run: npm run soak -- --minutes 2 --open 2000 --sample-seconds 20 --idle-seconds 10`;

export function parseSoakArgs(argv: readonly string[]): SoakOptions {
  const o: SoakOptions = {
    minutes: 30,
    open: 20_000,
    rate: DEFAULT_RATE,
    timedShare: 0.02,
    concurrency: 32,
    maxInFlight: 64,
    sampleSeconds: 60,
    idleSeconds: 60,
    topology: 'production',
    shards: 4,
    out: '.data/soak',
    seed: 1,
    keep: false,
    help: false,
  };
  const number = (name: string, v: string | undefined, { min, integer }: { min: number; integer: boolean }) => {
    const x = Number(v);
    if (v === undefined || v.trim() === '' || !Number.isFinite(x) || x < min || (integer && !Number.isInteger(x))) {
      throw new Error(`${name} needs ${integer ? 'a whole number' : 'a number'} of at least ${min}, got ${v ?? 'nothing'}`);
    }
    return x;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => (eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    switch (flag) {
      case '--minutes':
        o.minutes = number(flag, value(), { min: 0.5, integer: false });
        break;
      case '--open':
        o.open = number(flag, value(), { min: 10, integer: true });
        break;
      case '--rate':
        o.rate = number(flag, value(), { min: 0.01, integer: false });
        break;
      case '--timed-share': {
        o.timedShare = number(flag, value(), { min: 0, integer: false });
        if (o.timedShare > 0.5) throw new Error(`--timed-share is at most 0.5, got ${o.timedShare}`);
        break;
      }
      case '--concurrency':
        o.concurrency = number(flag, value(), { min: 1, integer: true });
        break;
      case '--max-in-flight':
        o.maxInFlight = number(flag, value(), { min: 1, integer: true });
        break;
      case '--sample-seconds':
        o.sampleSeconds = number(flag, value(), { min: 5, integer: true });
        break;
      case '--idle-seconds':
        o.idleSeconds = number(flag, value(), { min: 0, integer: true });
        break;
      case '--topology': {
        const v = value();
        if (v !== 'dev' && v !== 'production') throw new Error(`--topology is production or dev, got ${v ?? 'nothing'}`);
        o.topology = v;
        break;
      }
      case '--shards': {
        o.shards = number(flag, value(), { min: 1, integer: true });
        if ((o.shards & (o.shards - 1)) !== 0) throw new Error(`--shards must be a power of two, got ${o.shards}`);
        break;
      }
      case '--out': {
        const v = value();
        if (!v) throw new Error('--out needs a folder');
        o.out = v;
        break;
      }
      case '--seed':
        o.seed = number(flag, value(), { min: 0, integer: true });
        break;
      case '--keep':
        o.keep = true;
        break;
      case '--help':
      case '-h':
        o.help = true;
        break;
      default:
        throw new Error(`unknown option ${arg}`);
    }
  }
  return o;
}
