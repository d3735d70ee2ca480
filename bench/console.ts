/**
 * `npm run bench:console` (issue 20, "measured"): what the web console costs a person who opens it. Prints one
 * markdown section to stdout (progress to stderr); asserts nothing about time, appends nothing.
 *
 * 1. The build (console/dist, built when stale): every asset's size raw, gzip and brotli, and what the first load
 *    fetches (index.html and the assets it names) apart from the chunks loaded on demand (the analysis desk with
 *    ECharts, the administration desk).
 * 2. A bench database (migrated, the demo city) with `--cases` (default 100,000) synthetic case rows
 *    (bench/synthetic.ts: a year of a city's hotline, ~20 % open), the open ones given their nearest deadline as
 *    the projection writes it (so the overdue list is a real one); the API in this process serving the built console
 *    with the development sign-in (its Temporal client never connects: lists, sign-in and reference data do not ask
 *    Temporal).
 * 3. Chromium (CHROMIUM_PATH, default /usr/bin/chromium), `--repeat` times (default 5), each in a fresh browser
 *    context (empty cache):
 *    - first load of /console/ until the sign-in page is usable: first paint and first contentful paint (the
 *      browser's own paint timing), DOMContentLoaded, load, bytes transferred;
 *    - time to an interactive work queue: from the click on a person of the sign-in page to the first row of their
 *      desk's list on screen — the handler of 城关街道 (to sign for: the unit's cases), the city supervisor (the
 *      overdue list over the whole record), the city dispatcher (cases waiting for dispatch);
 *    - the same desk reloaded (assets cached, the session kept): to the first row again.
 *    Medians and maxima of the repetitions.
 *
 * Options: --cases N, --repeat N, --keep (keep the database). Environment: BENCH_DATABASE_URL, CHROMIUM_PATH.
 */
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '../api/app.js';
import { CONSOLE_DIST, ensureConsoleBuilt } from '../runtime/console-build.js';
import { CHROMIUM, consolePage, hasChromium, launchChromium, serve } from './browser.js';
import { progress, runBench } from './processes.js';
import { benchArgs } from './args.js';
import { f0, f1 } from './report.js';
import { BenchRun, prepareBenchDatabase } from './stack.js';
import { insertSyntheticCases } from './synthetic.js';

const USAGE = 'usage: npm run bench:console [-- [--cases N] [--repeat N] [--keep]]';
const args = benchArgs(USAGE, { numbers: ['--cases', '--repeat'], flags: ['--keep'] });
const CASES = args.number('--cases', 100_000);
const REPEAT = args.number('--repeat', 5);
const RUN = new BenchRun(args.flag('--keep'));

interface Asset {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
  firstLoad: boolean;
}

/** Every file of the build with its compressed sizes; `firstLoad`: index.html and what it names. */
async function assetSizes(): Promise<Asset[]> {
  const index = await readFile(path.join(CONSOLE_DIST, 'index.html'), 'utf8');
  const named = new Set([...index.matchAll(/(?:src|href)="\/console\/(assets\/[^"]+)"/g)].map((m) => m[1]!));
  const files = ['index.html', ...(await readdir(path.join(CONSOLE_DIST, 'assets'))).filter((f) => !/\.(br|gz)$/.test(f)).map((f) => `assets/${f}`)];
  const out: Asset[] = [];
  for (const file of files) {
    const body = await readFile(path.join(CONSOLE_DIST, file));
    out.push({ file, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, brotli: brotliCompressSync(body).length, firstLoad: file === 'index.html' || named.has(file) });
  }
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const kib = (n: number) => `${f1(n / 1024)} KiB`;

type Row = Record<string, string>;
/** A markdown table of rows with the same keys (the first row's, in order). */
function renderTable(rows: readonly Row[]): string {
  const keys = Object.keys(rows[0] ?? {});
  return [`| ${keys.join(' | ')} |`, `|${keys.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${keys.map((k) => r[k] ?? '').join(' | ')} |`)].join('\n');
}

interface FirstLoad {
  fp: number;
  fcp: number;
  dcl: number;
  load: number;
  usable: number;
  bytes: number;
}

async function firstLoad(page: Page, base: string): Promise<FirstLoad> {
  const t0 = performance.now();
  await page.goto(`${base}/console/`);
  await page.locator('button[data-person]').first().waitFor();
  const usable = performance.now() - t0;
  // The browser's own timing, read in the page (this file is compiled without the DOM's types).
  const timing = await page.evaluate<Omit<FirstLoad, 'usable'>>(`(() => {
    const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    return {
      fp: paint['first-paint'] ?? NaN,
      fcp: paint['first-contentful-paint'] ?? NaN,
      dcl: nav ? nav.domContentLoadedEventEnd : NaN,
      load: nav ? nav.loadEventEnd : NaN,
      bytes: (nav ? nav.transferSize : 0) + resources.reduce((n, r) => n + r.transferSize, 0),
    };
  })()`);
  return { ...timing, usable };
}

/** From the click on a person to the first row of their desk's list; then the same desk reloaded. */
async function toQueue(browser: Browser, base: string, person: string, desk: string): Promise<{ cold: number; firstLoad: FirstLoad; reload: number }> {
  const page = await consolePage(browser);
  const context = page.context();
  try {
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) void r.text().then((body) => failed.push(`${r.status()} ${new URL(r.url()).pathname} ${body.slice(0, 200)}`), () => failed.push(`${r.status()} ${new URL(r.url()).pathname}`));
    });
    page.on('requestfailed', (r) => failed.push(`failed ${new URL(r.url()).pathname}: ${r.failure()?.errorText ?? ''}`));
    const loaded = await firstLoad(page, base);
    const t0 = performance.now();
    await page.locator(`button[data-person="${person}"]`).click();
    await page.locator('tr[data-row-key^="HL"]').first().waitFor({ timeout: 60_000 }).catch(async (err: unknown) => {
      const shot = path.join(os.tmpdir(), `bench-console-${RUN.id}.png`);
      await page.screenshot({ path: shot }).catch(() => {});
      throw new Error(`${person}: no row on ${await page.evaluate<string>('location.pathname')} within 60 s (screenshot ${shot}; answers ≥ 400 and failures: ${failed.join(', ') || 'none'}): ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    });
    const cold = performance.now() - t0;
    const landed = await page.evaluate<string>('location.pathname');
    if (landed !== `/console/${desk}`) throw new Error(`${person} landed on ${landed}, not the ${desk} desk`);
    const t1 = performance.now();
    await page.reload();
    await page.locator('tr[data-row-key^="HL"]').first().waitFor({ timeout: 60_000 });
    return { cold, firstLoad: loaded, reload: performance.now() - t1 };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  if (!hasChromium()) throw new Error(`no Chromium at ${CHROMIUM} (CHROMIUM_PATH names another)`);
  const loadAtStart = os.loadavg()[0]!;
  progress(`console run ${RUN.id}: ${CASES.toLocaleString('en')} synthetic cases, ${REPEAT} repetitions`);
  await ensureConsoleBuilt(progress);
  const assets = await assetSizes();

  const { dbUrl, database } = await prepareBenchDatabase(RUN.cleanup, RUN.keep);
  progress(`writing ${CASES.toLocaleString('en')} synthetic cases…`);
  await insertSyntheticCases(dbUrl, CASES);
  const raw = new pg.Client({ connectionString: dbUrl });
  await raw.connect();
  try {
    // What the projection writes: the nearest deadline of a running clock (here the reply's) on open cases.
    await raw.query(`update cases set next_due_at = reply_due_at where status in ('dispatched', 'accepted', 'contacted')`);
    await raw.query('analyze cases');
    // Each measured list must have rows, or its time would be an empty list's.
    const lists: Array<[string, string]> = [
      ['the handler of 城关街道 (dispatched at d01-s01)', `select count(*)::int as n from cases where status = 'dispatched' and unit_id = 'd01-s01'`],
      ['the city supervisor (overdue)', `select count(*)::int as n from cases where next_due_at < now()`],
      ['the city dispatcher (received)', `select count(*)::int as n from cases where status = 'received'`],
    ];
    for (const [who, sql] of lists) {
      const n = (await raw.query<{ n: number }>(sql)).rows[0]!.n;
      progress(`  ${who}: ${n.toLocaleString('en')} cases in the list`);
      if (n === 0) throw new Error(`no cases in the list of ${who}: raise --cases`);
    }
  } finally {
    await raw.end();
  }

  const client = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
  const app = await buildApp({
    client,
    db: database.db,
    taskQueue: `bench-console-${RUN.id}`,
    authKeys: RUN.authKeys,
    actionKeys: [RUN.actionKey],
    logLevel: 'warn',
    rateLimitPerMinute: 10_000_000,
    unauthenticatedPerMinute: 10_000_000,
    console: { dir: CONSOLE_DIST, devSignIn: true, temporalUi: null },
  });
  RUN.cleanup.add('api', () => app.close());
  // The first page of each measured list, as the desk asks it, through the API: it must answer rows.
  for (const [person, url] of [
    ['unit_handler', '/v1/cases?status=dispatched&order=oldest&unitId=d01-s01&limit=20'],
    ['supervisor', '/v1/cases?order=oldest&overdue=true&limit=20'],
    ['dispatcher', '/v1/cases?status=received&order=oldest&limit=20'],
  ] as const) {
    const res = await app.inject({ method: 'GET', url, headers: RUN.bearer(person) });
    const items = res.statusCode === 200 ? (JSON.parse(res.body) as { items: unknown[] }).items.length : 0;
    if (items === 0) throw new Error(`${person} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
  const base = await serve({ app });
  const browser = await launchChromium();
  RUN.cleanup.add('chromium', () => browser.close());

  const desks: Array<[person: string, desk: string, label: string]> = [
    ['unit_handler', 'queue', 'unit work queue (城关街道, to sign for)'],
    ['supervisor', 'supervision', 'supervision desk (city, overdue)'],
    ['dispatcher', 'dispatch', 'dispatch desk (city, to dispatch)'],
  ];
  // One warm-up round: the database's and the API's first queries are not what a person sees every morning.
  for (const [person, desk] of desks) await toQueue(browser, base, person, desk);
  const loads: FirstLoad[] = [];
  const times = new Map<string, { cold: number[]; reload: number[] }>();
  for (let i = 0; i < REPEAT && !RUN.state.stopping; i++) {
    for (const [person, desk, label] of desks) {
      const r = await toQueue(browser, base, person, desk);
      loads.push(r.firstLoad);
      const t = times.get(label) ?? { cold: [], reload: [] };
      t.cold.push(r.cold);
      t.reload.push(r.reload);
      times.set(label, t);
      progress(`  ${label}: ${f0(r.cold)} ms to the first row, ${f0(r.reload)} ms reloaded; first paint ${f0(r.firstLoad.fp)} ms`);
    }
  }

  const first = assets.filter((a) => a.firstLoad);
  const sum = (xs: Asset[], k: 'raw' | 'gzip' | 'brotli') => xs.reduce((n, a) => n + a[k], 0);
  const assetRows: Row[] = [
    ...assets.map((a) => ({ what: a.file + (a.firstLoad ? ' (first load)' : ' (on demand)'), raw: kib(a.raw), gzip: kib(a.gzip), brotli: kib(a.brotli) })),
    { what: '**first load**', raw: kib(sum(first, 'raw')), gzip: kib(sum(first, 'gzip')), brotli: kib(sum(first, 'brotli')) },
  ];
  const pick = (k: keyof FirstLoad) => loads.map((l) => l[k]);
  const loadRows: Row[] = [
    { measure: 'first paint', median: `${f0(median(pick('fp')))} ms`, max: `${f0(Math.max(...pick('fp')))} ms` },
    { measure: 'first contentful paint', median: `${f0(median(pick('fcp')))} ms`, max: `${f0(Math.max(...pick('fcp')))} ms` },
    { measure: 'DOMContentLoaded', median: `${f0(median(pick('dcl')))} ms`, max: `${f0(Math.max(...pick('dcl')))} ms` },
    { measure: 'load', median: `${f0(median(pick('load')))} ms`, max: `${f0(Math.max(...pick('load')))} ms` },
    { measure: 'sign-in page usable (people listed)', median: `${f0(median(pick('usable')))} ms`, max: `${f0(Math.max(...pick('usable')))} ms` },
    { measure: 'bytes transferred (uncompressed: no compression on the API)', median: kib(median(pick('bytes'))), max: kib(Math.max(...pick('bytes'))) },
  ];
  const queueRows: Row[] = [...times].map(([label, t]) => ({
    desk: label,
    'sign-in click → first row (median)': `${f0(median(t.cold))} ms`,
    max: `${f0(Math.max(...t.cold))} ms`,
    'reload → first row (median)': `${f0(median(t.reload))} ms`,
  }));
  const out = [
    `## Console (${new Date().toISOString().slice(0, 10)}, ${CASES.toLocaleString('en')} cases in the record, ${REPEAT} repetitions)`,
    '',
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${f1(loadAtStart)} at start; Chromium headless (${browser.version()}), loopback, no throttling.`,
    '',
    '### Build',
    '',
    renderTable(assetRows),
    '',
    '### First load of /console/ (empty cache)',
    '',
    renderTable(loadRows),
    '',
    '### Time to an interactive work queue',
    '',
    renderTable(queueRows),
    '',
  ].join('\n');
  process.stdout.write(`${out}\n`);
}

runBench(main, RUN.cleanup, RUN.state);
