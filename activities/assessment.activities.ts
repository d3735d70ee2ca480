/**
 * Activities of the assessment's scheduled work (workflows/assessment.workflow.ts): which local days a run checks,
 * and the reconciliation of a range (db/assessment.reconcile.ts). They run on the case worker's task queue.
 */
import { Context, log } from '@temporalio/activity';
import { desc, eq } from 'drizzle-orm';
import { assessmentPolicySchema, defaultAssessmentPolicy, type AssessmentMonthRule } from '../domain/assessment.policy.js';
import { addDays, assessmentMonthDays, assessmentMonthOf } from '../domain/assessment.rules.js';
import { localDate, type WorkCalendar } from '../domain/calendar.rules.js';
import { loadCityCalendar } from '../db/assessment.counters.js';
import { reconcileRange, type DayRange, type DriftRow } from '../db/assessment.reconcile.js';
import type { Database } from '../db/client.js';
import { assessmentPolicies } from '../db/schema.js';

export interface AssessmentActivityDeps {
  db: Database;
  /** The city's calendar (local days); absent: the active policy's, loaded by the first call and kept. */
  calendar?: WorkCalendar;
}

/** What a reconciliation run answers (the workflow's result: no personal data, at most a sample of the drift). */
export interface ReconciliationSummary {
  id: number;
  from: string;
  to: string;
  casesChecked: number;
  /** Counter rows that differed (expected 0). */
  driftRows: number;
  /** The first of them, by day, unit, category and counter. */
  driftSample: DriftRow[];
  casesDiffering: number;
  repaired: boolean;
}

/** How many drift rows a run's result carries (all of them are in assessment_reconciliations). */
const DRIFT_SAMPLE = 20;

/**
 * The ranges a scheduled run checks, for the instant it was started at: yesterday (local), and the current assessment
 * month from its first day to today.
 */
export function scheduledRanges(at: number, calendar: WorkCalendar, month: AssessmentMonthRule): DayRange[] {
  const today = localDate(at, calendar);
  const yesterday = addDays(today, -1);
  const { from } = assessmentMonthDays(assessmentMonthOf(today, month), month);
  return [
    { from: yesterday, to: yesterday },
    { from, to: today },
  ];
}

/** The assessment month of the active assessment policy (the calendar month when none is stored). */
async function assessmentMonthRule(db: Database): Promise<AssessmentMonthRule> {
  const [row] = await db.select({ document: assessmentPolicies.document }).from(assessmentPolicies).where(eq(assessmentPolicies.active, true)).orderBy(desc(assessmentPolicies.version)).limit(1);
  return row ? assessmentPolicySchema.parse(row.document).assessmentMonth : defaultAssessmentPolicy.assessmentMonth;
}

/** Heartbeats when running as an activity (a reconciliation of a month takes a while); nothing elsewhere. */
function heartbeat(done: number): void {
  try {
    Context.current().heartbeat(done);
  } catch {
    // not in an activity (a test calling the function directly)
  }
}

export function createAssessmentActivities({ db, calendar: given }: AssessmentActivityDeps) {
  let calendar = given;
  const cityCalendar = async () => (calendar ??= (await loadCityCalendar(db)).calendar);

  return {
    /** The local-day ranges a run started at `at` (ms since the epoch) checks: see scheduledRanges. */
    async assessmentReconciliationRanges({ at }: { at: number }): Promise<DayRange[]> {
      return scheduledRanges(at, await cityCalendar(), await assessmentMonthRule(db));
    },

    /** Recomputes a range from the raw rows, compares, records the run (and repairs it when asked). */
    async reconcileAssessmentRange({ from, to, repair = false }: DayRange & { repair?: boolean }): Promise<ReconciliationSummary> {
      const result = await reconcileRange(db, await cityCalendar(), { from, to }, { repair, onProgress: heartbeat });
      const summary: ReconciliationSummary = {
        id: result.id,
        from,
        to,
        casesChecked: result.casesChecked,
        driftRows: result.drift.length,
        driftSample: result.drift.slice(0, DRIFT_SAMPLE),
        casesDiffering: result.casesDiffering,
        repaired: result.repaired,
      };
      // Units, categories, days and counts only: nothing personal.
      if (result.drift.length || result.casesDiffering) log.warn('assessment counters drifted from the raw rows', { ...summary, driftSample: undefined });
      return summary;
    },
  };
}

export type AssessmentActivities = ReturnType<typeof createAssessmentActivities>;
