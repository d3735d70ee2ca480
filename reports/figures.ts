/**
 * What a report holds: the figures it is rendered from (reports/html.ts, reports/xlsx.ts), gathered by
 * reports/gather.ts. Plain data, no personal data (counts, shares, unit and category names, case numbers of group
 * complaints, links): it passes through the report workflow's history and is stored with the files (`reports.figures`).
 * Every figure carries `cases`: the link to the cases behind it.
 */
import type { ReportKind } from '../domain/analysis.rules.js';

export const REPORT_KINDS = ['daily', 'weekly', 'monthly'] as const satisfies readonly ReportKind[];
export type { ReportKind };

export const KIND_TITLES: Record<ReportKind, string> = { daily: '每日通报', weekly: '每周综述', monthly: '月度分析报告' };

export interface Change {
  from: string;
  to: string;
  count: number;
  delta: number;
  /** (current − base) / base; null when the base is 0. */
  ratio: number | null;
}

export interface RateFigure {
  value: number | null;
  numerator: number;
  denominator: number;
}

export interface ReportFigures {
  kind: ReportKind;
  title: string;
  /** The period's label: 2026-04-03 (daily), 2026-W14 (weekly), 2026-04 (monthly; an assessment month by the month it ends in). */
  period: string;
  days: { from: string; to: string };
  scope: { unitId: string | null; name: string };
  generatedAt: string;
  analysisPolicyVersion: number;
  /** Complaints received on the period's days, against the period before (环比) and the same period a year before (同比). */
  volume: { count: number; cases: string; previous: Change; yearAgo: Change };
  categories: {
    level: number;
    total: number;
    top: Array<{ categoryId: string; name: string; count: number; shareBp: number; cases: string }>;
    other: { categories: number; count: number; shareBp: number } | null;
    topShareBp: number;
  };
  /** Per local day: the period's days (weekly, monthly), or the seven days ending with the report's day (daily). */
  byDay: Array<{ day: string; count: number; cases: string }>;
  /** Monthly: the thirteen calendar months ending with the report's, each with 环比 and 同比. */
  months: Array<{ month: string; count: number; previous: number; previousRatio: number | null; yearAgo: number; yearAgoRatio: number | null; cases: string }>;
  hotspots: {
    communities: Array<{ unitId: string; name: string; count: number; cases: string }>;
    unplaced: number;
    cells: Array<{ cell: string; count: number; centre: { lat: number; lng: number }; cases: string }>;
    precision: number;
    unlocated: number;
  };
  groupComplaints: Array<{ id: string; categoryName: string; place: string; complainants: number; cases: number; detectedAt: string; casesLink: string }>;
  /** Open cases overdue (a running clock past its deadline) and red, at generation, per unit (the most overdue first). */
  overdue: {
    asOf: string;
    overdue: number;
    red: number;
    overdueCases: string;
    redCases: string;
    units: Array<{ unitId: string | null; name: string; overdue: number; red: number; overdueCases: string; redCases: string }>;
  };
  /** Weekly and monthly: the callbacks of the period (the assessment's counters of the scope's subtree). */
  callbacks: {
    counts: Record<'valid' | 'contacted' | 'resolved' | 'satisfied' | 'basically_satisfied' | 'unsatisfied', number>;
    responseRate: RateFigure;
    resolutionRate: RateFigure;
    satisfactionRate: RateFigure;
    assessmentPolicyVersion: number;
    cases: string;
    unresolvedCases: string;
  } | null;
  /** Monthly: each community of the scope: complaints placed in it, and its subtree's callbacks. */
  communities: Array<{ unitId: string; name: string; street: string; received: number; valid: number; resolutionRate: number | null; satisfactionRate: number | null; cases: string }>;
  /** Monthly: the assessment's rankings of the month (streets; the city's report also departments). */
  rankings: Array<{
    level: string;
    title: string;
    periodKind: string;
    period: string;
    link: string;
    rows: Array<{ rank: number | null; unitId: string; name: string; score: number | null; responseRate: number | null; resolutionRate: number | null; satisfactionRate: number | null; valid: number; flagged: boolean; change: number | null }>;
  }>;
}
