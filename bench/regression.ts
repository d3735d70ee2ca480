/**
 * Makes a regression visible: every bench run (full or quick, general or deadlines) is compared with the previous
 * recorded run of the same kind and topology, read back from the markdown tables the runs appended to
 * BENCHMARKS.md (and its history file), so no second record has to be kept in step with the first. A figure
 * that moved the wrong way by more than the threshold (default 10 %) is flagged loudly, in the section and on
 * stderr.
 *
 * Only ratios against bare Temporal in the same run are compared by default: rates move with the machine (the
 * same box has run 1.5× slower on one day than another), ratios do not.
 */

export type Direction = 'higher' | 'lower';

export interface Figure {
  /** Stable key across runs, e.g. `open ratio c=32`. */
  key: string;
  value: number;
  /** Which way is better. */
  better: Direction;
}

export interface RecordedRun {
  at: string;
  kind: 'bench' | 'deadlines' | 'metrics' | 'soak' | 'reports';
  mode: 'full' | 'quick' | 'memory only' | 'lifecycle only';
  topology: string;
  figures: Figure[];
}

export interface Change {
  key: string;
  before: number;
  now: number;
  /** Relative change, now / before − 1. */
  change: number;
  regression: boolean;
}

export interface Comparison {
  previous: RecordedRun | null;
  changes: Change[];
  regressions: Change[];
}

/** The threshold for "fell by more than": 10 %. */
export const REGRESSION_THRESHOLD = 0.1;

const num = (s: string | undefined): number => (s === undefined ? Number.NaN : Number(s.replace(/,/g, '')));

/** The figures a bench section's table carries, by metric name (kept in step with bench/bench.ts, bench/deadlines.ts, bench/metrics.ts, bench/reports.ts and bench/soak/rows.ts). */
export function figuresOf(kind: RecordedRun['kind'], rows: ReadonlyArray<readonly string[]>): Figure[] {
  const out: Figure[] = [];
  const push = (key: string, value: number, better: Direction) => {
    if (Number.isFinite(value)) out.push({ key, value, better });
  };
  const rss = new Map<number, number>();
  for (const [metric = '', value = '', , reference = ''] of rows) {
    const m = metric.replace(/ \[quick[^\]]*\]$/, '');
    if (kind === 'bench') {
      let g: RegExpMatchArray | null;
      if ((g = m.match(/^open: POST \/v1\/cases, c=(\d+)$/))) push(`open ratio c=${g[1]}`, num(reference.match(/→ ratio ([\d.]+)/)?.[1]), 'higher');
      else if ((g = m.match(/^open: latency c=(\d+) — p50/)) && g[1] === '1') {
        const api = num(value.split('/')[0]);
        const bare = num(reference.match(/bare start ([\d.]+)/)?.[1]);
        push('open p50 c=1 ÷ bare p50', api / bare, 'lower');
      } else if (/^lifecycle ratio \(API \/ bare\)/.test(m)) push('lifecycle ratio', num(value), 'higher');
      else if ((g = m.match(/^memory: worker RSS, ([\d,]+) open idle cases$/))) rss.set(num(g[1]), num(value));
    } else if (kind === 'soak') {
      // Drift within one run: what the soak is for (rates and latencies move with the machine, their drift does not).
      const [a, b] = value.split('/').map((x) => num(x.trim()));
      if (m === 'soak: writes p99 per interval, first / last / highest') push('soak writes p99 drift (last ÷ first)', b! / a!, 'lower');
      else if (m === 'memory: worker RSS over phase 2 — start / end / peak') push('soak worker RSS growth (end ÷ start)', b! / a!, 'lower');
      else if (m === 'memory: Temporal Server RSS over phase 2 — start / end / peak') push('soak server RSS growth (end ÷ start)', b! / a!, 'lower');
    } else if (kind === 'metrics') {
      if (m === 'ranking ratio (product p50 / bare p50)') push('ranking p50 ÷ bare p50', num(value), 'lower');
      else if (m === 'naive ÷ product p50') push('naive ÷ ranking p50', num(value), 'higher');
    } else if (kind === 'reports') {
      if (m === 'gather ratio (product p50 / bare p50)') push('report gather p50 ÷ bare p50', num(value), 'lower');
    } else {
      let g: RegExpMatchArray | null;
      if ((g = m.match(/^N=([\d,]+) ratio product p99 \/ bare p99 \(yellow \/ red\)$/))) {
        const [yellow, red] = value.split('/').map((s) => num(s.trim()));
        push(`N=${g[1]} yellow p99 ÷ bare`, yellow!, 'lower');
        push(`N=${g[1]} red p99 ÷ bare`, red!, 'lower');
      }
    }
  }
  const base = rss.get(100);
  if (base) for (const [n, v] of rss) if (n > 100) push(`worker RSS ${n.toLocaleString('en')} ÷ 100 cases`, v / base, 'lower');
  return out;
}

/** Every run recorded in the text of BENCHMARKS.md (or its history), oldest first. */
export function parseRuns(markdown: string): RecordedRun[] {
  const runs: RecordedRun[] = [];
  const sections = markdown.split(/^(?=## )/m);
  for (const section of sections) {
    const heading = section.match(/^## (\d{4}-\d\d-\d\dT[\d:.]+Z) · (.*)$/m);
    if (!heading) continue;
    const parts = heading[2]!.split(' · ').map((p) => p.replace(/ \(.*$/, '').trim());
    const kind: RecordedRun['kind'] = parts.includes('deadlines') ? 'deadlines' : parts.includes('metrics') ? 'metrics' : parts.includes('soak') ? 'soak' : parts.includes('reports') ? 'reports' : 'bench';
    const mode: RecordedRun['mode'] = parts.includes('quick') ? 'quick' : parts.includes('memory only') ? 'memory only' : parts.includes('lifecycle only') ? 'lifecycle only' : 'full';
    // Sections from before the topology switch name none: they ran on the dev server.
    const topology = parts.find((p) => / topology$| server|^database only$/.test(p))?.replace(/ topology$/, '') ?? 'dev';
    const rows = section
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| metric |'))
      .map((l) => l.slice(2, -2).split(' | ').map((c) => c.trim()));
    const figures = figuresOf(kind, rows);
    if (figures.length) runs.push({ at: heading[1]!, kind, mode, topology, figures });
  }
  return runs.sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * The run this one is compared with: the latest of the same kind and topology, of the same mode when there is
 * one (a quick run against a quick run), else of the other mode.
 */
export function previousRun(runs: readonly RecordedRun[], current: Pick<RecordedRun, 'kind' | 'mode' | 'topology' | 'at'>): RecordedRun | null {
  const same = runs.filter((r) => r.kind === current.kind && r.topology === current.topology && r.at < current.at);
  return same.filter((r) => r.mode === current.mode).at(-1) ?? same.at(-1) ?? null;
}

export function compare(previous: RecordedRun | null, figures: readonly Figure[], threshold = REGRESSION_THRESHOLD): Comparison {
  if (!previous) return { previous, changes: [], regressions: [] };
  const changes: Change[] = [];
  for (const f of figures) {
    const before = previous.figures.find((p) => p.key === f.key);
    if (!before || before.value === 0) continue;
    const change = f.value / before.value - 1;
    const regression = f.better === 'higher' ? change < -threshold : change > threshold;
    changes.push({ key: f.key, before: before.value, now: f.value, change, regression });
  }
  return { previous, changes, regressions: changes.filter((c) => c.regression) };
}

const pct = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(0)} %`;

/** The markdown block a section carries: the change of each figure and, first, the regressions in capitals. */
export function renderComparison(c: Comparison, threshold = REGRESSION_THRESHOLD): string {
  if (!c.previous) return '_No earlier run of this kind and topology is recorded: nothing to compare with._';
  const head = `Change against the previous recorded run of this topology (${c.previous.at}, ${c.previous.mode}${c.previous.mode === 'quick' ? '' : ''}):`;
  const lines = [head, '', '| figure | before | now | change | |', '|---|---:|---:|---:|---|'];
  for (const ch of c.changes) {
    lines.push(`| ${ch.key} | ${ch.before.toFixed(2)} | ${ch.now.toFixed(2)} | ${pct(ch.change)} | ${ch.regression ? '**REGRESSION**' : ''} |`);
  }
  if (c.regressions.length) {
    lines.unshift(
      `**REGRESSION: ${c.regressions.map((r) => `${r.key} ${r.before.toFixed(2)} → ${r.now.toFixed(2)} (${pct(r.change)})`).join('; ')} — worse by more than ${(threshold * 100).toFixed(0)} % against the previous run.**`,
      '',
    );
  }
  return lines.join('\n');
}

/** For stderr: a banner nobody scrolls past. */
export function loudWarning(c: Comparison): string | null {
  if (!c.regressions.length) return null;
  const bar = '!'.repeat(78);
  return [bar, `!! REGRESSION against the run of ${c.previous!.at} (${c.previous!.mode}):`, ...c.regressions.map((r) => `!!   ${r.key}: ${r.before.toFixed(2)} → ${r.now.toFixed(2)} (${pct(r.change)})`), bar].join('\n');
}
