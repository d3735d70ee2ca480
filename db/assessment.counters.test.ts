/** The diff the projection writes (db/assessment.counters.ts), on hand-made rows: pure, no database. */
import { describe, expect, it } from 'vitest';
import { contributionRows, diffContributions, type ContributionRow } from './assessment.counters.js';
import type { Contribution } from '../domain/assessment.rules.js';

const row = (counter: string, n = 1, over: Partial<ContributionRow> = {}): ContributionRow => ({ unitId: 'd01-s01', categoryId: 'env', day: '2026-11-16', counter, round: 1, n, ...over });

describe('contribution rows and their difference', () => {
  it('sums contributions per unit, day, counter and round', () => {
    const c = (counter: Contribution['counter'], round = 1): Contribution => ({ caseId: 'HL1', categoryId: 'env', unitId: 'd01-s01', day: '2026-11-16', counter, round });
    expect(contributionRows([c('dispatched'), c('dispatched'), c('dispatched', 2), c('valid')])).toEqual([row('dispatched', 2), row('dispatched', 1, { round: 2 }), row('valid')]);
  });

  it('is empty for the same set in another order (a retried batch moves nothing)', () => {
    expect(diffContributions('HL1', [row('valid'), row('dispatched', 2)], [row('dispatched', 2), row('valid')])).toEqual({ caseId: 'HL1', remove: [], put: [], counters: [] });
  });

  it('removes, rewrites and adds rows, and moves each counter by what it gains minus what it loses', () => {
    const d = diffContributions('HL1', [row('valid'), row('unsatisfied'), row('dispatched', 1)], [row('valid'), row('dispatched', 2), row('excluded_unreasonable', 1, { day: '2026-11-17' })]);
    expect(d.remove).toEqual([row('unsatisfied')]);
    expect(d.put).toEqual([row('dispatched', 2), row('excluded_unreasonable', 1, { day: '2026-11-17' })]);
    // In primary key order: day, unit, category, counter.
    expect(d.counters).toEqual([
      { unitId: 'd01-s01', categoryId: 'env', day: '2026-11-16', counter: 'dispatched', delta: 1 },
      { unitId: 'd01-s01', categoryId: 'env', day: '2026-11-16', counter: 'unsatisfied', delta: -1 },
      { unitId: 'd01-s01', categoryId: 'env', day: '2026-11-17', counter: 'excluded_unreasonable', delta: 1 },
    ]);
  });

  it('moves a count between categories when the same key changes category, and drops moves that cancel out', () => {
    const d = diffContributions('HL1', [row('valid'), row('closed', 1, { round: 1 })], [row('valid', 1, { categoryId: 'traffic' }), row('closed', 1, { round: 2 })]);
    expect(d.remove).toEqual([row('closed')]);
    expect(d.put).toEqual([row('valid', 1, { categoryId: 'traffic' }), row('closed', 1, { round: 2 })]);
    // closed moved from round 1 to round 2: same counter row, no move.
    expect(d.counters).toEqual([
      { unitId: 'd01-s01', categoryId: 'env', day: '2026-11-16', counter: 'valid', delta: -1 },
      { unitId: 'd01-s01', categoryId: 'traffic', day: '2026-11-16', counter: 'valid', delta: 1 },
    ]);
  });
});
