import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compare, figuresOf, loudWarning, parseRuns, previousRun, renderComparison } from './regression.js';
import { INTRO } from './report.js';

const section = (heading: string, rows: string[]) => [`## ${heading}`, '', '- Command: `npm run bench`', '', '| metric | value | unit | reference / goal | verdict |', '|---|---:|---|---|---|', ...rows, ''].join('\n');

const FULL_DEV = section('2026-11-24T17:17:03.581Z · full · dev topology', [
  '| open: POST /v1/cases, c=1 | 43.6 | cases/s | bare start 82.3/s → ratio 0.53; n=437 | — |',
  '| open: latency c=1 — p50 / p95 / p99 | 19.7 / 46.3 / 63.1 | ms | bare start 8.7 / 32.2 / 44.2 ms | — |',
  '| open: POST /v1/cases, c=32 | 138.6 | cases/s | bare start 183.6/s → ratio 0.76; n=1422 | (see ratio) |',
  '| open ratio (API / bare start) at c=32 | 0.76 | ratio | goal ≥ 0.85 | NOT met |',
  '| lifecycle ratio (API / bare) at c=32 | 0.67 | ratio | goal ≥ 0.7 | NOT met |',
  '| memory: worker RSS, 100 open idle cases | 277 | MiB | peak so far 277 MiB | — |',
  '| memory: worker RSS, 10,000 open idle cases | 945 | MiB | peak 1007 MiB | — |',
]);
const FULL_PROD = section('2026-11-24T18:00:00.000Z · full · production topology', [
  '| open: POST /v1/cases, c=32 | 128.9 | cases/s | bare start 186.2/s → ratio 0.69; n=1300 | (see ratio) |',
  '| lifecycle ratio (API / bare) at c=32 | 0.99 | ratio | goal ≥ 0.7 | met |',
]);
const OLD_QUICK = section('2026-11-22T05:27:23.839Z · quick (quick run: smaller counts, concurrency 1 and 32 only, 1,000 idle cases instead of 10,000)', [
  '| open: POST /v1/cases, c=32 | 100.0 | cases/s | bare start 200.0/s → ratio 0.50; n=200 | (see ratio) |',
  '| lifecycle ratio (API / bare) at c=32 [quick] | 0.55 | ratio | goal ≥ 0.7 | NOT met |',
]);
const DEADLINES = section('2026-11-24T19:55:33.952Z · deadlines · full · dev topology', [
  '| N=500 ratio product p99 / bare p99 (yellow / red) | 0.87 / 1.16 | ratio | goal ≤ 1.25 (both) | met |',
  '| N=2000 ratio product p99 / bare p99 (yellow / red) | 1.31 / 2.50 | ratio | goal ≤ 1.25 (both) | NOT met |',
]);

describe('bench regression check', () => {
  const runs = parseRuns([OLD_QUICK, FULL_DEV, FULL_PROD, DEADLINES].join('\n'));

  it('reads each recorded run: kind, mode, topology (none named = dev) and its figures', () => {
    expect(runs.map((r) => [r.kind, r.mode, r.topology])).toEqual([
      ['bench', 'quick', 'dev'],
      ['bench', 'full', 'dev'],
      ['bench', 'full', 'production'],
      ['deadlines', 'full', 'dev'],
    ]);
    const dev = runs[1]!.figures;
    expect(dev.find((f) => f.key === 'open ratio c=32')?.value).toBe(0.76);
    expect(dev.find((f) => f.key === 'open ratio c=1')?.value).toBe(0.53);
    expect(dev.find((f) => f.key === 'lifecycle ratio')?.value).toBe(0.67);
    expect(dev.find((f) => f.key === 'open p50 c=1 ÷ bare p50')?.value).toBeCloseTo(19.7 / 8.7, 6);
    expect(dev.find((f) => f.key === 'worker RSS 10,000 ÷ 100 cases')?.value).toBeCloseTo(945 / 277, 6);
    expect(runs[3]!.figures.map((f) => [f.key, f.value])).toEqual([
      ['N=500 yellow p99 ÷ bare', 0.87],
      ['N=500 red p99 ÷ bare', 1.16],
      ['N=2000 yellow p99 ÷ bare', 1.31],
      ['N=2000 red p99 ÷ bare', 2.5],
    ]);
  });

  it('compares with the latest run of the same kind and topology, the same mode first', () => {
    const now = '2026-12-03T00:00:00.000Z';
    expect(previousRun(runs, { kind: 'bench', mode: 'full', topology: 'dev', at: now })?.at).toBe('2026-11-24T17:17:03.581Z');
    expect(previousRun(runs, { kind: 'bench', mode: 'quick', topology: 'dev', at: now })?.at).toBe('2026-11-22T05:27:23.839Z');
    expect(previousRun(runs, { kind: 'bench', mode: 'quick', topology: 'production', at: now })?.at).toBe('2026-11-24T18:00:00.000Z');
    expect(previousRun(runs, { kind: 'deadlines', mode: 'full', topology: 'production', at: now })).toBeNull();
  });

  it('flags a ratio that fell by more than 10 %, and a lower-is-better figure that rose by more than 10 %', () => {
    // The run: open ratio at c=32 fell 0.76 → 0.18, lifecycle 0.67 → 0.46; p50 at c=1 37 ms against 9 ms.
    const rows = [
      ['open: POST /v1/cases, c=1', '24.7', 'cases/s', 'bare start 75.5/s → ratio 0.33; n=247'],
      ['open: latency c=1 — p50 / p95 / p99', '37.0 / 60.0 / 80.0', 'ms', 'bare start 9.0 / 20.0 / 30.0 ms'],
      ['open: POST /v1/cases, c=32', '54.2', 'cases/s', 'bare start 294.4/s → ratio 0.18; n=542'],
      ['lifecycle ratio (API / bare) at c=32', '0.70', 'ratio', 'goal ≥ 0.7'],
      ['memory: worker RSS, 100 open idle cases', '295', 'MiB', ''],
      ['memory: worker RSS, 10,000 open idle cases', '999', 'MiB', ''],
    ];
    const c = compare(runs[1]!, figuresOf('bench', rows));
    expect(c.regressions.map((r) => r.key).sort()).toEqual(['open p50 c=1 ÷ bare p50', 'open ratio c=1', 'open ratio c=32']);
    // 0.67 → 0.70 is better, 945/277 → 999/295 is within 10 %.
    expect(c.changes.find((x) => x.key === 'lifecycle ratio')?.regression).toBe(false);
    expect(c.changes.find((x) => x.key === 'worker RSS 10,000 ÷ 100 cases')?.regression).toBe(false);
    const block = renderComparison(c);
    expect(block).toMatch(/^\*\*REGRESSION: /);
    expect(block).toContain('open ratio c=32 0.76 → 0.18 (−76 %)');
    expect(loudWarning(c)).toContain('!! REGRESSION');
  });

  it('reads a metrics run and compares it only with metrics runs: the ranking ratio is lower-better, the speed-up over the naive aggregate higher-better', () => {
    const metrics = (at: string, ratio: string, speedup: string) =>
      section(`${at} · metrics · full · database only`, [
        `| ranking ratio (product p50 / bare p50) | ${ratio} | ratio | goal ≤ 1.5 | met |`,
        `| naive ÷ product p50 | ${speedup} | × | goal ≥ 10 | met |`,
      ]);
    const recorded = parseRuns([FULL_DEV, metrics('2026-12-03T15:00:00.000Z', '1.10', '40.0')].join('\n'));
    const m = recorded.find((r) => r.kind === 'metrics')!;
    expect(m.figures).toEqual([
      { key: 'ranking p50 ÷ bare p50', value: 1.1, better: 'lower' },
      { key: 'naive ÷ ranking p50', value: 40, better: 'higher' },
    ]);
    expect(previousRun(recorded, { kind: 'metrics', mode: 'full', topology: 'database only', at: '2026-12-04T00:00:00.000Z' })?.at).toBe('2026-12-03T15:00:00.000Z');
    expect(previousRun(recorded, { kind: 'bench', mode: 'full', topology: 'database only', at: '2026-12-04T00:00:00.000Z' })).toBeNull();
    const worse = compare(m, figuresOf('metrics', [['ranking ratio (product p50 / bare p50)', '1.40', 'ratio', ''], ['naive ÷ product p50', '20.0', '×', '']]));
    expect(worse.regressions.map((r) => r.key).sort()).toEqual(['naive ÷ ranking p50', 'ranking p50 ÷ bare p50']);
  });

  it('reads a soak run: the drift of its p99 and its memory within the run, compared only with soaks of its topology', () => {
    const soak = (at: string, p99: string, worker: string) =>
      section(`${at} · soak · quick · production topology (quick run: 2 min, 2,000 open cases, not 30 min and 20,000)`, [
        '| soak: writes p50 / p99, phase 2 | 31 / 250 | ms | n=700 | — |',
        `| soak: writes p99 per interval, first / last / highest | ${p99} | ms | 6 intervals | — |`,
        `| memory: worker RSS over phase 2 — start / end / peak | ${worker} | MiB | | — |`,
        '| memory: Temporal Server RSS over phase 2 — start / end / peak | 200 / 210 / 215 | MiB | | — |',
      ]);
    const recorded = parseRuns([FULL_PROD, soak('2026-12-04T10:00:00.000Z', '200 / 220 / 260', '400 / 420 / 430')].join('\n'));
    const s = recorded.find((r) => r.kind === 'soak')!;
    expect([s.mode, s.topology]).toEqual(['quick', 'production']);
    expect(s.figures.map((f) => [f.key, Number(f.value.toFixed(3)), f.better])).toEqual([
      ['soak writes p99 drift (last ÷ first)', 1.1, 'lower'],
      ['soak worker RSS growth (end ÷ start)', 1.05, 'lower'],
      ['soak server RSS growth (end ÷ start)', 1.05, 'lower'],
    ]);
    expect(previousRun(recorded, { kind: 'bench', mode: 'quick', topology: 'production', at: '2026-12-05T00:00:00.000Z' })?.kind).toBe('bench');
    const worse = compare(s, figuresOf('soak', [['soak: writes p99 per interval, first / last / highest', '200 / 400 / 400', 'ms', ''], ['memory: worker RSS over phase 2 — start / end / peak', '400 / 410 / 410', 'MiB', '']]));
    expect(worse.regressions.map((r) => r.key)).toEqual(['soak writes p99 drift (last ÷ first)']);
  });

  it('reads a reports run and compares it only with reports runs: the gather ratio is lower-better', () => {
    const reports = (at: string, ratio: string) =>
      section(`${at} · reports · full · database only`, [
        '| monthly report: gather — p50 / p99 | 812.0 / 900.1 | ms | 31 statements | — |',
        `| gather ratio (product p50 / bare p50) | ${ratio} | ratio | goal ≤ 1.5 | met |`,
      ]);
    const recorded = parseRuns([FULL_DEV, reports('2026-12-05T10:00:00.000Z', '1.20')].join('\n'));
    const r = recorded.find((x) => x.kind === 'reports')!;
    expect(r).toMatchObject({ mode: 'full', topology: 'database only', figures: [{ key: 'report gather p50 ÷ bare p50', value: 1.2, better: 'lower' }] });
    expect(previousRun(recorded, { kind: 'reports', mode: 'full', topology: 'database only', at: '2026-12-06T00:00:00.000Z' })?.at).toBe('2026-12-05T10:00:00.000Z');
    expect(previousRun(recorded, { kind: 'metrics', mode: 'full', topology: 'database only', at: '2026-12-06T00:00:00.000Z' })).toBeNull();
    const worse = compare(r, figuresOf('reports', [['gather ratio (product p50 / bare p50)', '1.40', 'ratio', '']]));
    expect(worse.regressions.map((x) => x.key)).toEqual(['report gather p50 ÷ bare p50']);
  });

  it('says nothing loud when nothing fell, and says so when there is nothing to compare with', () => {
    const c = compare(runs[1]!, figuresOf('bench', [['lifecycle ratio (API / bare) at c=32', '0.66', 'ratio', '']]));
    expect(c.regressions).toEqual([]);
    expect(loudWarning(c)).toBeNull();
    expect(renderComparison(compare(null, []))).toMatch(/nothing to compare/);
  });

  it('reads every run really recorded, in BENCHMARKS.md and bench/HISTORY.md, and BENCHMARKS.md starts with the intro a new file gets', () => {
    const texts = ['../bench/HISTORY.md', '../BENCHMARKS.md'].map((f) => readFileSync(new URL(f, import.meta.url), 'utf8'));
    const recorded = parseRuns(texts.join('\n'));
    // Every dated section of either file is a run with figures: none was lost when old sections moved to the history.
    const headings = texts.flatMap((t) => [...t.matchAll(/^## (\d{4}-\d\d-\d\dT[\d:.]+Z) · /gm)].map((m) => m[1]));
    expect(recorded.map((r) => r.at)).toEqual([...headings].sort());
    expect(recorded.length).toBeGreaterThanOrEqual(10);
    const lastFullDev = recorded.filter((r) => r.kind === 'bench' && r.mode === 'full' && r.topology === 'dev').at(-1);
    expect(lastFullDev?.figures.find((f) => f.key === 'lifecycle ratio')?.value).toBeGreaterThan(0);
    expect(recorded.filter((r) => r.kind === 'deadlines' && r.mode === 'full').length).toBeGreaterThanOrEqual(2);
    expect(recorded.some((r) => r.topology === 'production')).toBe(true);
    expect(texts[1]!.startsWith(INTRO)).toBe(true);
    expect(texts[1]).toContain('## Latest full runs');
  });
});
