/**
 * `npm run bench:reports` (issue 21): the monthly report over a year of a large city's hotline. Prints one markdown
 * section to stdout and appends it to BENCHMARKS.md; progress goes to stderr.
 *
 * 1. A bench database (migrated, the demo city seeded) with `--cases` (default 1,000,000) synthetic closed cases over
 *    the 12 months before today, with places, coordinates and callers (bench/metrics-data.ts with `places`: hot
 *    spots, cells and group complaints have something to find), their events, contributions and counters.
 * 2. The city's monthly report for the last complete calendar month, `--repeat` times (default 10) after two warm-ups:
 *    - **product**: gathering its figures as the report workflow's activity does (activities/report.activities.ts
 *      `gatherReport`: the reference data loaded, the analysis and assessment computations, several in parallel);
 *    - **bare**: the same SQL statements with the same parameters, captured from one product run (drizzle's query
 *      log), replayed one after another straight on a pg client: the database's own work for the report.
 *    Goal: product p50 ≤ 1.5 × bare p50. The slowest statements are listed with their share (where the time goes);
 *    `--explain` prints EXPLAIN (ANALYZE, BUFFERS) of the three slowest to stderr.
 *    The report's volume is checked against a plain count of the month's cases: a bench whose report is wrong
 *    measures nothing, so it stops.
 * 3. Rendering the gathered figures: HTML (with its SVG charts), XLSX and DOCX, p50 each, and the files' sizes.
 *
 * Before measuring, `vacuum (analyze) cases`: a table that has settled (autovacuum has set its visibility map), so the
 * analysis's reads are the index-only scans they are in production, not a visit to every row a bulk load leaves.
 *
 * Options: --cases N, --repeat N, --keep (keep the database), --explain, --database URL (measure a kept database
 * again, as it is: nothing written). Environment: BENCH_DATABASE_URL (as `npm run bench`).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { createReportActivities } from '../activities/report.activities.js';
import { alignCounters } from '../db/assessment.reconcile.js';
import { createDatabase, type DatabaseHandle } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import * as schema from '../db/schema.js';
import type { ReportFigures } from '../reports/figures.js';
import { reportDocx } from '../reports/docx.js';
import { reportHtml } from '../reports/html.js';
import { reportXlsx } from '../reports/xlsx.js';
import { generateMetricsData, METRICS_PREFIX, type GeneratedMetrics } from './metrics-data.js';
import { progress, runBench } from './processes.js';
import { benchArgs } from './args.js';
import { commandLine, f1, f2, machineLine, recordRun, type Row } from './report.js';
import { BenchRun, prepareBenchDatabase } from './stack.js';

const USAGE = 'usage: npm run bench:reports [-- [--cases N] [--repeat N] [--keep] [--explain] [--database URL]]';
const args = benchArgs(USAGE, { numbers: ['--cases', '--repeat'], flags: ['--keep', '--explain'], values: ['--database'] });
const CASES = args.number('--cases', 1_000_000);
const REPEAT = args.number('--repeat', 10);
const EXPLAIN = args.flag('--explain');
/** A database a kept run left (--keep): measured again as it is, nothing written (its cases are counted, not made). */
const REUSE = args.value('--database');
if (REUSE !== undefined && !REUSE.startsWith('postgres')) {
  console.error(`--database needs a postgres:// URL\n${USAGE}`);
  process.exit(2);
}
const RUN = new BenchRun(args.flag('--keep'));

const pct = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

interface Timing {
  p50: number;
  p99: number;
  n: number;
}

async function timed(label: string, repeat: number, once: () => Promise<unknown>, warmups = 2): Promise<Timing> {
  for (let i = 0; i < warmups; i++) await once();
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

interface Statement {
  text: string;
  values: unknown[];
}

/** What a statement is, for the table: the report's known reads by a phrase of theirs, else its first words. */
function labelOf(text: string): string {
  const t = text.replace(/\s+/g, ' ');
  const known: Array<[RegExp, string]> = [
    [/count\(\*\) over \(partition by category_id, k, u\)/, 'group-complaint candidates (cases_analysis_idx)'],
    [/with cells as/, 'cells: the hottest geohash cells'],
    [/to_char\(d, 'YYYY-MM-DD'\) as day, n from/, 'volume: cases per local day'],
    [/select "cases"\."area_unit_id" as area_unit_id, count\(\*\)/, 'places: cases per place unit'],
    [/select "cases"\."category_id" as category_id, count\(\*\)/, 'categories: cases per category'],
    [/count\(\*\) filter \(where "cases"\."next_due_at"/, 'open cases overdue and red'],
    [/unit_day_counters/, 'assessment counters (unit_day_counters)'],
    [/unit_counters/, 'assessment counters (unit_counters)'],
  ];
  for (const [re, label] of known) if (re.test(t)) return label;
  return t.slice(0, 70).replace(/\|/g, '/');
}

/** The last complete calendar month in Asia/Shanghai (the seeded calendar's zone), and its days. */
function lastMonth(now: Date): { label: string; from: string; to: string } {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  const first = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 0));
  const d = (x: Date) => x.toISOString().slice(0, 10);
  return { label: d(first).slice(0, 7), from: d(first), to: d(last) };
}

async function main(): Promise<void> {
  const started = performance.now();
  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0]!;
  progress(`reports run ${RUN.id}: ${CASES.toLocaleString('en')} synthetic closed cases with places, ${REPEAT} repetitions`);
  const { dbUrl, database } = REUSE ? await reuseDatabase(REUSE) : await prepareBenchDatabase(RUN.cleanup, RUN.keep);
  const raw = new pg.Client({ connectionString: dbUrl });
  await raw.connect();
  RUN.cleanup.add('raw client', () => raw.end());

  const rowsOf = async (t: string) => Number((await raw.query<{ n: string }>(`select count(*)::text as n from ${t}`)).rows[0]!.n);
  let data: Pick<GeneratedMetrics, 'cases' | 'events' | 'contributions' | 'counters'> & { seconds: number | null };
  if (REUSE) {
    progress(`measuring the cases already in ${new URL(dbUrl).pathname.slice(1)}…`);
    data = { cases: await rowsOf('cases'), events: await rowsOf('case_events'), contributions: await rowsOf('case_contributions'), counters: await rowsOf('unit_counters'), seconds: null };
  } else {
    progress(`writing ${CASES.toLocaleString('en')} cases, their events, contributions and counters…`);
    const made = await generateMetricsData(raw, CASES, startedAt, async () => (await alignCounters(database.db, null), rowsOf('unit_counters')), progress, { places: true });
    data = { ...made, seconds: Object.values(made.seconds).reduce((a, b) => a + b, 0) };
  }
  // As autovacuum leaves a table that has settled: the visibility map set, so the analysis's reads are index-only
  // scans (a bulk load leaves every page unmarked, and each index entry costs a visit to its row).
  const t0 = performance.now();
  await raw.query('vacuum (analyze) cases');
  progress(`vacuum (analyze) cases: ${f1((performance.now() - t0) / 1000)} s`);
  const located = Number((await raw.query<{ n: string }>('select count(*)::text as n from cases where lat is not null')).rows[0]!.n);

  // The product's reads through drizzle, with a query log: one run of the gather is captured for the bare replay.
  let capture: Statement[] | null = null;
  const db = drizzle(database.pool, { schema, logger: { logQuery: (text, values) => void capture?.push({ text, values: [...values] }) } });
  const activities = createReportActivities({ db, linkBase: 'http://127.0.0.1:3000', now: () => startedAt.getTime() });
  const month = lastMonth(startedAt);
  const plan = await activities.planReports({ kind: 'monthly', at: startedAt.getTime(), scopes: [null] });
  if (plan.from !== month.from || plan.to !== month.to) throw new Error(`the report's month ${plan.from}–${plan.to} is not the last calendar month ${month.from}–${month.to}`);
  const req = { kind: plan.kind, from: plan.from, to: plan.to, period: plan.period, scopeUnitId: null };

  progress(`gathering the monthly report of ${plan.period} once (warm-up, statements captured)…`);
  capture = [];
  const figures: ReportFigures = await activities.gatherReport(req);
  const statements: Statement[] = capture;
  capture = null;
  const expected = await raw.query<{ n: string }>(
    `select count(*)::text as n from cases where received_at >= ($1::date - interval '8 hours') and received_at < ($2::date + 1 - interval '8 hours')`,
    [plan.from, plan.to],
  );
  if (figures.volume.count !== Number(expected.rows[0]!.n)) throw new Error(`the report counts ${figures.volume.count} cases in ${plan.period}, the case rows ${expected.rows[0]!.n}`);
  progress(
    `${plan.period}: ${figures.volume.count.toLocaleString('en')} cases (as the rows count them), ${figures.hotspots.cells.length} hot cells listed, ` +
      `${figures.groupComplaints.length} group complaints, ${figures.communities.length} communities; ${statements.length} statements`,
  );

  progress('timing the gather, and its statements bare…');
  const product = await timed('product: gatherReport (the activity)', REPEAT, () => activities.gatherReport(req));
  const perStatement = statements.map(() => [] as number[]);
  const bare = await timed('bare: the same statements one after another on pg', REPEAT, async () => {
    for (const [i, s] of statements.entries()) {
      const t0 = performance.now();
      await raw.query(s.text, s.values);
      perStatement[i]!.push(performance.now() - t0);
    }
  });
  const median = (xs: number[]) => pct([...xs].sort((a, b) => a - b), 50);
  const slowest = statements
    .map((s, i) => ({ s, i, label: labelOf(s.text), ms: median(perStatement[i]!) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);
  for (const x of slowest) progress(`  ${f1(x.ms)} ms  ${x.label}`);
  if (EXPLAIN) {
    for (const x of slowest.slice(0, 3)) {
      const plan = await raw.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${x.s.text}`, x.s.values);
      progress(`EXPLAIN (ANALYZE, BUFFERS) — ${x.label}:\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  }

  progress('timing the files…');
  const offset = 480;
  const [html, xlsx, docx] = [reportHtml(figures, offset), await reportXlsx(figures), await reportDocx(figures, offset)];
  const renderRepeat = Math.max(3, REPEAT);
  const htmlT = await timed('HTML (SVG charts by ECharts)', renderRepeat, async () => reportHtml(figures, offset));
  const xlsxT = await timed('XLSX', renderRepeat, () => reportXlsx(figures));
  const docxT = await timed('DOCX (Word charts)', renderRepeat, () => reportDocx(figures, offset));

  const ratio = product.p50 / bare.p50;
  const kib = (n: number) => `${f1(n / 1024)} KiB`;
  const rows: Row[] = [
    {
      metric: 'data: cases / with coordinates / events / contributions / unit_counters',
      value: `${data.cases.toLocaleString('en')} / ${located.toLocaleString('en')} / ${data.events.toLocaleString('en')} / ${data.contributions.toLocaleString('en')} / ${data.counters.toLocaleString('en')}`,
      unit: 'rows',
      reference: data.seconds === null ? `already in the database (--database)` : `written in ${f1(data.seconds)} s`,
      verdict: '—',
    },
    {
      metric: `monthly report ${plan.period}, city: gather — p50 / p99`,
      value: `${f1(product.p50)} / ${f1(product.p99)}`,
      unit: 'ms',
      reference: `${figures.volume.count.toLocaleString('en')} cases in the month; ${statements.length} statements; ${figures.groupComplaints.length} group complaints, ${figures.hotspots.cells.length} hot cells listed; n=${product.n}`,
      verdict: '—',
    },
    { metric: 'the same statements bare, one after another — p50 / p99', value: `${f1(bare.p50)} / ${f1(bare.p99)}`, unit: 'ms', reference: `n=${bare.n}`, verdict: '—' },
    { metric: 'gather ratio (product p50 / bare p50)', value: f2(ratio), unit: 'ratio', reference: 'goal ≤ 1.5', verdict: ratio <= 1.5 ? 'met' : 'NOT met' },
    ...slowest.map((x, k) => ({
      metric: `slowest statement ${k + 1}: ${x.label}`,
      value: f1(x.ms),
      unit: 'ms',
      reference: `${f1((100 * x.ms) / bare.p50)} % of the bare p50`,
      verdict: '—',
    })),
    { metric: 'render: HTML with SVG charts — p50', value: f1(htmlT.p50), unit: 'ms', reference: kib(Buffer.byteLength(html)), verdict: '—' },
    { metric: 'render: XLSX — p50', value: f1(xlsxT.p50), unit: 'ms', reference: kib(xlsx.length), verdict: '—' },
    { metric: 'render: DOCX with Word charts — p50', value: f1(docxT.p50), unit: 'ms', reference: kib(docx.length), verdict: '—' },
  ];
  const totalS = (performance.now() - started) / 1000;
  await recordRun(
    {
      kind: 'reports',
      mode: 'full',
      topologyLabel: 'database only',
      heading: `## ${startedAt.toISOString()} · reports · full · database only${data.cases !== 1_000_000 ? ` (${data.cases.toLocaleString('en')} cases, not 1,000,000)` : ''}`,
      notes: [
        `- Machine: ${machineLine('not used')}`,
        `- Command: \`${commandLine('bench/reports.ts')}\``,
        `- Run time: ${totalS.toFixed(0)} s; load average (1 min) ${f1(loadAtStart)} at the start, ${f1(os.loadavg()[0]!)} at the end`,
        `- Data: ${data.cases.toLocaleString('en')} synthetic closed cases ('${METRICS_PREFIX}…') over the 12 months before the run with places, coordinates (70 %) and callers (bench/metrics-data.ts \`places\`), their events, contributions and counters${REUSE ? ' (a kept database, measured again)' : ''}; the cases table vacuumed before measuring.`,
        `- Product: the report activity's gather (activities/report.activities.ts \`gatherReport\`) in the bench process, on a pool of 10; bare: the ${statements.length} statements it sent (captured with their parameters from one run) replayed one after another on one pg connection. The gather runs four of its computations at once, so its time can be below the statements' sum. ${REPEAT} repetitions each after two warm-ups.`,
      ],
      rows,
      totalS,
    },
    progress,
  );
}

/** A kept bench database, migrated to this code's schema (its data as it is). */
async function reuseDatabase(url: string): Promise<{ dbUrl: string; database: DatabaseHandle }> {
  const database = createDatabase(url);
  RUN.cleanup.add('bench database pool', () => database.close());
  await runMigrations(database.db);
  return { dbUrl: url, database };
}

runBench(main, RUN.cleanup, RUN.state);
