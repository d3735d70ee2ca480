/** The table rows of one N: the bare herd, the product herd laid out, its lateness against the bare herd, its notices. */
import { f1, f2, type Row } from '../report.js';
import type { BareHerd } from './herd-bare.js';
import type { ProductHerd } from './herd-product.js';
import { clockLabel } from './policy.js';
import { GOAL_RATIO, HERD_CLASS, ISSUE_BARE_P99, OPTS, QUICK, s1, triple } from './run.js';

export function herdRows(bare: BareHerd, product: ProductHerd | undefined, rows: Row[]): void {
  const n = bare.n;
  const issue = ISSUE_BARE_P99[n];
  rows.push({
    metric: `N=${n} bare herd: activity start − the instant, p50 / p99 / max`,
    value: triple(bare.activity),
    unit: 's',
    reference: `${issue !== undefined ? `issue 7 measured p99 ≈ ${issue} s here; ` : ''}timer seen fired (workflow time) ${triple(bare.fired)} s; completion seen ${triple(bare.completed)} s; all started ${s1(bare.slackMs)} s before the instant${bare.missing ? `; ${bare.missing} activities MISSING` : ''}`,
    verdict: '—',
  });
  if (!product) return;
  const p = product;
  rows.push({
    metric: `N=${n} product herd: how it was laid out`,
    value: p.clock.kind === 'seconds' ? `${p.clock.seconds} s` : '1 working day, endOfDay',
    unit: 'sign-for',
    reference: `policy version ${p.policyVersion} (only sign-for for ${HERD_CLASS}: ${clockLabel(p.clock)}, yellow 75%, no ladder)${p.late ? `; ${p.late} cases dispatched after the bench midnight LEFT OUT` : ''}; ${OPTS.dispatch === 'intake' ? 'dispatched at intake by the catalogue' : 'dispatched through the API'} at c=${OPTS.concurrency}, ${f1(p.herdRate)}/s${p.errors ? `, ${p.errors} errors` : ''}; clocks started over ${s1(p.startSpreadMs)} s; yellows due over ${s1(p.yellowWindowMs)} s from ${s1(p.leadMs)} s after the last dispatch${p.leadMs <= 0 ? ' (OVERLAPS the dispatching)' : ''}; reds over ${s1(p.redWindowMs)} s, from ${s1(p.gapMs)} s after the last yellow due`,
    verdict: '—',
  });
  rows.push({
    metric: `N=${n} product yellow: yellowFiredAt − yellowAt, p50 / p99 / max`,
    value: triple(p.yellow),
    unit: 's',
    reference: `${p.yellowRaised} yellow warnings raised of ${n}; the herd took ${s1(p.yellowDrainMs)} s from the first yellow due to the last raised (bare: ${s1(bare.activity.max)} s)${p.yellowSkipped ? `; ${p.yellowSkipped} clocks skipped yellow (first seen past due)` : ''}`,
    verdict: '—',
  });
  rows.push({ metric: `N=${n} product red: redFiredAt − dueAt, p50 / p99 / max`, value: triple(p.red), unit: 's', reference: `${p.redRaised} red warnings raised of ${n}; the herd took ${s1(p.redDrainMs)} s from the first red due to the last raised (bare: ${s1(bare.activity.max)} s)`, verdict: '—' });
  const ry = p.yellow.p99 / bare.activity.p99;
  const rr = p.red.p99 / bare.activity.p99;
  const worst = Math.max(ry, rr);
  rows.push({
    metric: `N=${n} ratio product p99 / bare p99 (yellow / red)${QUICK ? ' [quick]' : ''}`,
    value: `${f2(ry)} / ${f2(rr)}`,
    unit: 'ratio',
    reference: `goal ≤ ${GOAL_RATIO} (both)`,
    verdict: !Number.isFinite(worst) ? 'no data' : worst <= GOAL_RATIO ? 'met' : 'NOT met',
  });
  const c = p.notices;
  const exact = c.delivered === c.expected && c.duplicateIds === 0 && c.extraPerCase === 0;
  rows.push({
    metric: `N=${n} warning notices: expected / delivered / duplicates`,
    value: `${c.expected} / ${c.delivered} / ${c.duplicateIds + c.extraPerCase}`,
    unit: 'notices',
    reference:
      c.counted === 'receiver'
        ? `1 per yellow (deputy leader) + 2 per red (principal leader, urging); counted at the bench's webhook receiver per X-Hotline-Notification-Id (${c.duplicateIds} ids twice, ${c.extraPerCase} extra per case); outbox rows ${c.rows}, delivered_at ${c.rowsDelivered}, failed ${c.rowsFailed}`
        : `NO DELIVERER in the worker: outbox ROWS counted instead (delivered = rows with delivered_at: ${c.rowsDelivered}); rows ${c.rows}, failed ${c.rowsFailed}`,
    verdict: exact ? 'exact' : 'NOT exact',
  });
  if (c.counted === 'receiver') {
    rows.push({
      metric: `N=${n} notices received − due instant, yellow / red + urging, p50 / p99 / max`,
      value: `${triple(c.yellowDelivery)} · ${triple(c.redDelivery)}`,
      unit: 's',
      reference: 'the deliverer in the worker (default poll 1 s, batch 100, 4 sends at once) through the webhook channel, to the first arrival at the receiver',
      verdict: '—',
    });
  }
}
