/**
 * `npm run bench:metrics` (issue 19): the monthly ranking over a year of a large city's hotline. Prints one markdown
 * section to stdout and appends it to BENCHMARKS.md; progress goes to stderr.
 *
 * 1. A bench database (migrated, the demo city seeded) with `--cases` (default 1,000,000) synthetic closed cases over
 *    the 12 months before today, their events, their contributions and the counters summed from them
 *    (bench/metrics-data.ts). No workflows: the counters are summed by the product's own alignment (what `npm run assessment:rebuild` runs).
 * 2. Three ways to answer "the streets ranked for month M" (the last complete calendar month), each `--repeat`
 *    times (default 100) after a warm-up, sequentially:
 *    - **product**: `GET /v1/rankings?level=street&periodKind=month&period=M` through the API (Fastify's inject,
 *      authenticated as an analyst; the app in the bench process, its Temporal connection never used): the
 *      service reads month M and the month before (for the change) and ranks;
 *    - **bare**: the product's own aggregate statement (api/assessment.repository.ts `levelCountsQuery`) for the
 *      same two months, in parallel as the service runs them, straight on the pool;
 *    - **naive**: the same figures' counts aggregated from the case rows (cases closed in M with their deciding
 *      round's answers from `rounds`, mapped to their street through the unit tree) for month M alone.
 *    Goals: product p50 ≤ 1.5 × bare p50; product ≥ 10 × faster than naive (p50).
 *    The product's and the naive answer's counts are compared street by street (valid, contacted, resolved,
 *    satisfied): a bench whose two sides disagree measures nothing, so it stops.
 * 3. The drill-down (`GET /v1/assessment/cases?unitId=<the first street>&figure=resolutionRate&missed=true`) p50/p99.
 *
 * Options: --cases N, --repeat N, --keep (keep the database). Environment: BENCH_DATABASE_URL (as `npm run bench`).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { buildApp } from '../api/app.js';
import { levelCountsQuery } from '../api/assessment.repository.js';
import { alignCounters } from '../db/assessment.reconcile.js';
import { generateMetricsData, METRICS_PREFIX } from './metrics-data.js';
import { progress, runBench } from './processes.js';
import { benchArgs } from './args.js';
import { commandLine, f1, f2, machineLine, recordRun, type Row } from './report.js';
import { BenchRun, prepareBenchDatabase } from './stack.js';

const USAGE = 'usage: npm run bench:metrics [-- [--cases N] [--repeat N] [--keep]]';
const args = benchArgs(USAGE, { numbers: ['--cases', '--repeat'], flags: ['--keep'] });
const CASES = args.number('--cases', 1_000_000);
const REPEAT = args.number('--repeat', 100);
const RUN = new BenchRun(args.flag('--keep'));

const pct = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

interface Timing {
  p50: number;
  p99: number;
  n: number;
}

async function timed(label: string, repeat: number, once: () => Promise<void>): Promise<Timing> {
  for (let i = 0; i < Math.min(5, repeat); i++) await once();
  const ms: number[] = [];
  for (let i = 0; i < repeat && !RUN.state.stopping; i++) {
    const t0 = performance.now();
    await once();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const t = { p50: pct(ms, 50), p99: pct(ms, 99), n: ms.length };
  progress(`  ${label}: p50 ${f1(t.p50)} ms, p99 ${f1(t.p99)} ms (n=${t.n})`);
  return t;
}

/** The last complete calendar month in Asia/Shanghai (the seeded calendar's zone), and its days, and the month before. */
function lastMonth(now: Date): { label: string; from: string; to: string; previous: { from: string; to: string } } {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  const first = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 0));
  const pFirst = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 2, 1));
  const pLast = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 1, 0));
  const d = (x: Date) => x.toISOString().slice(0, 10);
  return { label: d(first).slice(0, 7), from: d(first), to: d(last), previous: { from: d(pFirst), to: d(pLast) } };
}

/** The naive aggregate: the ranking's counts from the case rows of the month (closing day in local time). */
const NAIVE = `
with c as (
  select c.unit_id, r.value as r
  from cases c
  cross join lateral jsonb_array_elements(c.rounds) as r(value)
  where c.status = 'closed' and c.outcome in ('resolved', 'unsatisfied') and (r.value->>'round')::int = c.round
    and c.closed_at >= ($1::date - interval '8 hours') and c.closed_at < ($2::date + 1 - interval '8 hours')
)
select l.id as unit_id,
  count(*) as valid,
  count(*) filter (where (c.r->>'contacted')::boolean) as contacted,
  count(*) filter (where (c.r->>'resolved')::boolean) as resolved,
  count(*) filter (where c.r->>'satisfaction' = 'satisfied') as satisfied,
  count(*) filter (where c.r->>'satisfaction' = 'basically_satisfied') as basically_satisfied
from c
join units d on d.id = c.unit_id
join units l on l.id = any(string_to_array(d.path, '/')) and l.type = 'street'
group by l.id`;

interface RankingAnswer {
  rows: Array<{ unitId: string; counts: Record<string, number> }>;
}

async function main(): Promise<void> {
  const started = performance.now();
  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0]!;
  progress(`metrics run ${RUN.id}: ${CASES.toLocaleString('en')} synthetic closed cases, ${REPEAT} repetitions`);
  const { dbUrl, database } = await prepareBenchDatabase(RUN.cleanup, RUN.keep);
  const raw = new pg.Client({ connectionString: dbUrl });
  await raw.connect();
  RUN.cleanup.add('raw client', () => raw.end());

  progress(`writing ${CASES.toLocaleString('en')} cases, their events, contributions and counters…`);
  const rowsOf = async (t: string) => Number((await raw.query<{ n: string }>(`select count(*)::text as n from ${t}`)).rows[0]!.n);
  const data = await generateMetricsData(raw, CASES, startedAt, async () => (await alignCounters(database.db, null), rowsOf('unit_counters')), progress);
  const size = await raw.query<{ t: string; bytes: string }>(
    `select relname as t, pg_total_relation_size(oid)::text as bytes from pg_class where relname in ('cases', 'case_events', 'case_contributions', 'unit_counters', 'unit_day_counters')`,
  );
  const sizeOf = (t: string) => Number(size.rows.find((r) => r.t === t)?.bytes ?? 0) / 2 ** 20;
  const dayRows = await rowsOf('unit_day_counters');

  // The API in this process: a Temporal connection that is never opened (rankings do not touch Temporal).
  const client = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
  const app = await buildApp({ client, db: database.db, taskQueue: `bench-metrics-${RUN.id}`, authKeys: RUN.authKeys, actionKeys: [RUN.actionKey], logLevel: 'warn', rateLimitPerMinute: 10_000_000 });
  RUN.cleanup.add('api', () => app.close());
  const analyst = RUN.bearer('analyst');
  const month = lastMonth(startedAt);
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: analyst });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res;
  };
  const rankingUrl = `/v1/rankings?level=street&periodKind=month&period=${month.label}`;

  // The two sides must agree before their times mean anything.
  const answer = JSON.parse((await get(rankingUrl)).body) as RankingAnswer;
  const naive = await raw.query<Record<string, string>>(NAIVE, [month.from, month.to]);
  let compared = 0;
  for (const n of naive.rows) {
    const p = answer.rows.find((r) => r.unitId === n.unit_id);
    for (const k of ['valid', 'contacted', 'resolved', 'satisfied', 'basically_satisfied']) {
      if (Number(n[k]) !== (p?.counts[k] ?? 0)) throw new Error(`the product and the naive aggregate disagree on ${n.unit_id} ${k}: ${p?.counts[k]} against ${n[k]}`);
      compared++;
    }
  }
  const validInMonth = naive.rows.reduce((s, r) => s + Number(r.valid), 0);
  progress(`month ${month.label}: ${answer.rows.length} streets, ${validInMonth.toLocaleString('en')} valid callbacks; product and naive agree on ${compared} counts`);

  progress('timing the ranking three ways…');
  const range = (r: { from: string; to: string }) => ({ level: 'street', within: null, range: r });
  const product = await timed('product GET /v1/rankings', REPEAT, async () => void (await get(rankingUrl)));
  const bare = await timed('bare aggregate ×2 (the month and the one before)', REPEAT, async () => {
    await Promise.all([database.db.execute(levelCountsQuery(range(month))), database.db.execute(levelCountsQuery(range(month.previous)))]);
  });
  const bareOne = await timed('bare aggregate ×1', REPEAT, async () => void (await database.db.execute(levelCountsQuery(range(month)))));
  const naiveT = await timed('naive aggregate over the case rows (month only)', Math.max(5, Math.ceil(REPEAT / 10)), async () => void (await raw.query(NAIVE, [month.from, month.to])));
  const street = answer.rows[0]?.unitId ?? 'd01-s01';
  const drill = await timed('drill-down', REPEAT, async () => void (await get(`/v1/assessment/cases?unitId=${street}&figure=resolutionRate&missed=true&periodKind=month&period=${month.label}`)));
  const xlsx = await timed('ranking as XLSX', Math.max(5, Math.ceil(REPEAT / 10)), async () => void (await get(`${rankingUrl}&format=xlsx`)));

  const ratio = product.p50 / bare.p50;
  const speedup = naiveT.p50 / product.p50;
  const rows: Row[] = [
    { metric: 'data: cases / events / contributions / unit_counters / unit_day_counters', value: `${data.cases.toLocaleString('en')} / ${data.events.toLocaleString('en')} / ${data.contributions.toLocaleString('en')} / ${data.counters.toLocaleString('en')} / ${dayRows.toLocaleString('en')}`, unit: 'rows', reference: `written in ${f1(Object.values(data.seconds).reduce((a, b) => a + b, 0))} s; sizes ${f1(sizeOf('cases'))} / ${f1(sizeOf('case_events'))} / ${f1(sizeOf('case_contributions'))} / ${f1(sizeOf('unit_counters'))} / ${f1(sizeOf('unit_day_counters'))} MiB`, verdict: '—' },
    { metric: `ranking: GET /v1/rankings, streets, month ${month.label} — p50 / p99`, value: `${f1(product.p50)} / ${f1(product.p99)}`, unit: 'ms', reference: `${answer.rows.length} streets, ${validInMonth.toLocaleString('en')} valid callbacks in the month; n=${product.n}`, verdict: '—' },
    { metric: 'ranking: bare aggregate, the month and the one before in parallel — p50 / p99', value: `${f1(bare.p50)} / ${f1(bare.p99)}`, unit: 'ms', reference: `one month alone ${f1(bareOne.p50)} / ${f1(bareOne.p99)} ms`, verdict: '—' },
    { metric: 'ranking ratio (product p50 / bare p50)', value: f2(ratio), unit: 'ratio', reference: 'goal ≤ 1.5', verdict: ratio <= 1.5 ? 'met' : 'NOT met' },
    { metric: 'ranking: naive aggregate over the case rows, the month alone — p50 / p99', value: `${f1(naiveT.p50)} / ${f1(naiveT.p99)}`, unit: 'ms', reference: `n=${naiveT.n}`, verdict: '—' },
    { metric: 'naive ÷ product p50', value: f1(speedup), unit: '×', reference: 'goal ≥ 10', verdict: speedup >= 10 ? 'met' : 'NOT met' },
    { metric: 'drill-down: the cases that cost a street its resolution rate — p50 / p99', value: `${f1(drill.p50)} / ${f1(drill.p99)}`, unit: 'ms', reference: `GET /v1/assessment/cases?unitId=${street}&figure=resolutionRate&missed=true, first page`, verdict: '—' },
    { metric: 'ranking as XLSX — p50 / p99', value: `${f1(xlsx.p50)} / ${f1(xlsx.p99)}`, unit: 'ms', reference: `n=${xlsx.n}`, verdict: '—' },
  ];
  const totalS = (performance.now() - started) / 1000;
  await recordRun(
    {
      kind: 'metrics',
      mode: 'full',
      topologyLabel: 'database only',
      heading: `## ${startedAt.toISOString()} · metrics · full · database only${CASES !== 1_000_000 ? ` (${CASES.toLocaleString('en')} cases, not 1,000,000)` : ''}`,
      notes: [
        `- Machine: ${machineLine('not used')}`,
        `- Command: \`${commandLine('bench/metrics.ts')}\``,
        `- Run time: ${totalS.toFixed(0)} s; load average (1 min) ${f1(loadAtStart)} at the start, ${f1(os.loadavg()[0]!)} at the end`,
        `- Data: ${CASES.toLocaleString('en')} synthetic closed cases ('${METRICS_PREFIX}…') over the 12 months before the run (bench/metrics-data.ts), their events (7 each), contributions and counters; the counters summed by the product's own alignment (db/assessment.reconcile.ts \`alignCounters\`, what the rebuild runs).`,
        `- Product: the API in the bench process through Fastify's inject (no network), authenticated as an analyst; bare: the same aggregate statement on the same pool; naive: counts from the case rows. Sequential requests, ${REPEAT} each after 5 warm-ups.`,
      ],
      rows,
      totalS,
    },
    progress,
  );
}

runBench(main, RUN.cleanup, RUN.state);
