/**
 * Period labels as the assessment API takes them: which labels name a real period of their kind, and the period a
 * request means (the one it names, or the last complete one on the local day given), with its days and the period
 * before it (the one a ranking's change is measured against). The periods themselves are assessment.rules.ts's.
 */
import type { AssessmentMonthRule } from './assessment.policy.js';
import { periodDays, periodOf, previousPeriod, type PeriodKind } from './assessment.rules.js';
import { DomainError } from './errors.js';

const LABEL: Record<PeriodKind, RegExp> = {
  day: /^([12]\d{3})-(\d{2})-(\d{2})$/,
  week: /^[12]\d{3}-W\d{2}$/,
  month: /^[12]\d{3}-\d{2}$/,
  assessment_month: /^[12]\d{3}-\d{2}$/,
  year: /^[12]\d{3}$/,
};
const EXAMPLE: Record<PeriodKind, string> = { day: '2026-04-03', week: '2026-W14', month: '2026-04', assessment_month: '2026-04', year: '2026' };

/** Whether a label names a real period of its kind (2026-02-30, 2026-W54 and 2026-13 do not). */
export function isPeriodLabel(label: string, kind: PeriodKind, rule: AssessmentMonthRule): boolean {
  const m = LABEL[kind].exec(label);
  if (!m) return false;
  if (kind === 'day') {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  }
  // A label of another kind is real when its first day falls in it (2026-13 would start in 2027-01).
  return periodOf(periodDays(label, kind, rule).from, kind, rule) === label;
}

export interface DayRange {
  from: string;
  to: string;
}

export interface ResolvedPeriod {
  periodKind: PeriodKind;
  period: string;
  days: DayRange;
  previous: { period: string; days: DayRange };
}

/**
 * The period a request means: `label`, or without one the last complete period on local day `today`. A label that
 * names no period of its kind is a validation error naming `field`.
 */
export function resolvePeriod(kind: PeriodKind, label: string | undefined, rule: AssessmentMonthRule, today: string, field = 'query.period'): ResolvedPeriod {
  const period = label ?? previousPeriod(periodOf(today, kind, rule), kind, rule);
  if (!isPeriodLabel(period, kind, rule)) {
    throw new DomainError('validation_failed', `${period} is not a ${kind} label`, { errors: [{ field, reason: `not a ${kind} label (like ${EXAMPLE[kind]})` }] });
  }
  const prev = previousPeriod(period, kind, rule);
  return { periodKind: kind, period, days: periodDays(period, kind, rule), previous: { period: prev, days: periodDays(prev, kind, rule) } };
}
