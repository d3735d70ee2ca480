/**
 * End-of-day deadlines (pure, no server): a day's intake (`--intake`, default 57,500 ≈ Beijing's 21 M calls / 365)
 * at random over the working hours of `--day` (and over the whole day), `dueAt` of { 5 working_days } on the CN
 * calendar with and without `endOfDay`: the most deadlines in one second and one minute, and the lateness such a
 * burst would meet, extrapolated linearly from this run's bare herds (an extrapolation, not a measurement).
 */
import { performance } from 'node:perf_hooks';
import { defaultCasePolicy } from '../../db/seed-policy.js';
import { deadlineBursts, type BurstFigures, type IntakeWindow } from '../burst.js';
import { progress } from '../processes.js';
import { f1, f2, type Row } from '../report.js';
import type { BareHerd } from './herd-bare.js';
import type { ProductHerd } from './herd-product.js';
import { int, OPTS, s1 } from './run.js';

/** The official calendar of mainland China, as the default policy counts on it (db/seed-policy.ts). */
const CN_CALENDAR = defaultCasePolicy.calendar;

/** Local time (calendar offset) of an instant, 'YYYY-MM-DD HH:MM:SS'. */
const local = (ms: number) => new Date(ms + CN_CALENDAR.utcOffsetMinutes * 60_000).toISOString().replace('T', ' ').slice(0, 19);

/** Least-squares line through (N, seconds) points; through the origin with one point. */
function fit(points: ReadonlyArray<[number, number]>): (n: number) => number {
  const pts = points.filter(([, y]) => Number.isFinite(y));
  if (pts.length === 0) return () => Number.NaN;
  if (pts.length === 1) return (n) => (pts[0]![1] * n) / pts[0]![0];
  const mx = pts.reduce((a, [x]) => a + x, 0) / pts.length;
  const my = pts.reduce((a, [, y]) => a + y, 0) / pts.length;
  const sxx = pts.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  const b = sxx === 0 ? 0 : pts.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / sxx;
  return (n) => Math.max(0, my + b * (n - mx));
}

export function burstRows(herds: readonly BareHerd[], products: readonly ProductHerd[], rows: Row[]): void {
  const spec = { amount: 5, unit: 'working_days' } as const;
  const p99 = fit(herds.map((h) => [h.n, h.activity.p99 / 1000]));
  const max = fit(herds.map((h) => [h.n, h.activity.max / 1000]));
  const measured = herds.map((h) => `N=${h.n}: p99 ${s1(h.activity.p99)} s, max ${s1(h.activity.max)} s`).join('; ');
  // The product's own ratio at the largest N measured (the worse of yellow and red).
  const largest = [...products].sort((a, b) => b.n - a.n)[0];
  const ratio = largest ? Math.max(largest.yellow.p99, largest.red.p99) / (herds.find((h) => h.n === largest.n)?.activity.p99 ?? Number.NaN) : Number.NaN;
  for (const window of ['working_hours', 'all_day'] as IntakeWindow[]) {
    const t0 = performance.now();
    const { intake, modes } = deadlineBursts({ count: OPTS.intake, day: OPTS.day, calendar: CN_CALENDAR, spec, window, seed: 7 });
    progress(`end of day: ${OPTS.intake.toLocaleString('en')} deadlines over ${window.replace('_', ' ')} computed in ${f0ms(performance.now() - t0)} ms`);
    const over = window === 'working_hours' ? `the working hours of ${OPTS.day} (${CN_CALENDAR.workingHours!.map((p) => `${p.start}–${p.end}`).join(', ')})` : `all 24 hours of ${OPTS.day}`;
    for (const m of modes as BurstFigures[]) {
      const b = m.perSecond.max;
      rows.push({
        metric: `end of day: ${int(OPTS.intake)} cases at random over ${over} (CN, +08:00), 5 working days, endOfDay ${m.endOfDay ? 'on' : 'off'} — most deadlines in one second / one minute`,
        value: `${int(b)} / ${int(m.perMinute.max)}`,
        unit: 'deadlines',
        reference: `busiest second ${local(m.perSecond.at)}; deadlines from ${local(m.first)} to ${local(m.last)} local in ${int(m.perMinute.distinct)} distinct minutes; intake ${local(intake.first)}–${local(intake.last).slice(11)}`,
        verdict: '—',
      });
      rows.push({
        metric: `end of day, endOfDay ${m.endOfDay ? 'on' : 'off'}, ${window.replace('_', ' ')}: a herd of ${int(b)} timers, bare p99 / max (EXTRAPOLATED)`,
        value: `${f1(p99(b))} / ${f1(max(b))}`,
        unit: 's late',
        reference: `linear fit through this run's bare herds (${measured}), not measured at ${int(b)}${Number.isFinite(ratio) ? `; the product at its p99 ratio at N=${largest!.n} (${f2(ratio)}): p99 ≈ ${f1(p99(b) * ratio)} s` : ''}`,
        verdict: '—',
      });
    }
  }
}
const f0ms = (ms: number) => ms.toFixed(0);
