import { describe, expect, it } from 'vitest';
import { isPeriodLabel, resolvePeriod } from './assessment.periods.js';
import { DomainError } from './errors.js';

const beijing = { startDay: 19 };

describe('period labels', () => {
  it('takes real periods of each kind and refuses the rest', () => {
    const ok: Array<[string, Parameters<typeof isPeriodLabel>[1]]> = [
      ['2026-02-28', 'day'],
      ['2028-02-29', 'day'],
      ['2026-W01', 'week'],
      ['2026-W53', 'week'],
      ['2026-12', 'month'],
      ['2026-04', 'assessment_month'],
      ['2026', 'year'],
    ];
    for (const [label, kind] of ok) expect(isPeriodLabel(label, kind, beijing), `${kind} ${label}`).toBe(true);
    const bad: Array<[string, Parameters<typeof isPeriodLabel>[1]]> = [
      ['2026-02-29', 'day'],
      ['2026-02-30', 'day'],
      ['2026-13-01', 'day'],
      ['2026-W00', 'week'],
      ['2025-W53', 'week'],
      ['2026-W54', 'week'],
      ['2026-13', 'month'],
      ['2026-00', 'assessment_month'],
      ['2026-W14', 'assessment_month'],
      ['2026-04', 'year'],
      ['0999', 'year'],
    ];
    for (const [label, kind] of bad) expect(isPeriodLabel(label, kind, beijing), `${kind} ${label}`).toBe(false);
  });

  it('means the last complete period when none is named, with its days and the one before', () => {
    // 2026-04-19 is the first day of Beijing's May: the last complete assessment month is April.
    expect(resolvePeriod('assessment_month', undefined, beijing, '2026-04-19')).toEqual({
      periodKind: 'assessment_month',
      period: '2026-04',
      days: { from: '2026-03-19', to: '2026-04-18' },
      previous: { period: '2026-03', days: { from: '2026-02-19', to: '2026-03-18' } },
    });
    expect(resolvePeriod('assessment_month', undefined, beijing, '2026-04-18').period).toBe('2026-03');
    expect(resolvePeriod('day', undefined, beijing, '2026-01-01').period).toBe('2025-12-31');
    expect(resolvePeriod('week', undefined, beijing, '2026-01-01')).toMatchObject({ period: '2025-W52', days: { from: '2025-12-22', to: '2025-12-28' }, previous: { period: '2025-W51' } });
  });

  it('refuses a label that is none, naming the field', () => {
    try {
      resolvePeriod('month', '2026-13', beijing, '2026-04-19', 'body.period');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).details).toEqual({ errors: [{ field: 'body.period', reason: 'not a month label (like 2026-04)' }] });
    }
  });
});
