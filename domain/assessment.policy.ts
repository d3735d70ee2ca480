/**
 * The assessment policy (考核): the weights, factor and thresholds the rates, the composite score and the rankings
 * of units are computed with (DOMAIN.md "Metrics" and "Defaults for assessment and analysis"). Data, versioned like
 * the case policy (domain/policy.schema.ts): a published ranking keeps the version it was computed with, and an
 * edit is a new version, never a silent change of an old ranking.
 *
 * Two schemas, as for the case policy: a lenient one for documents read back from storage (unknown keys dropped, so
 * a field a newer release added does not stop an older one) and a strict one for what an administrator writes
 * (unknown keys refused, so a misspelt field is an error instead of silently missing).
 */
import { z } from 'zod';
import type { CasePolicy } from './policy.types.js';

/** How an assessment month runs: from `startDay` of one month to the day before it in the next. */
export interface AssessmentMonthRule {
  /**
   * 1: the calendar month. 2–28: the month runs from this day to the day before it in the next month (Beijing's
   * 19th–18th is 19). At most 28, so every month has the day (no rule for February 30th is needed).
   */
  startDay: number;
}

export interface AssessmentPolicy {
  version: number;
  /** The composite score's weights on the three rates (DOMAIN default 0.1 / 0.5 / 0.4; some cities 0.30/0.35/0.35). Sum 1. */
  weights: { response: number; resolution: number; satisfaction: number };
  /** What one "basically satisfied" answer counts for in the satisfaction rate (DOMAIN default 0.9). */
  basicallySatisfiedFactor: number;
  ranking: {
    /** Units with fewer valid callbacks in the period are listed unranked (DOMAIN default 10). */
    minValidCallbacks: number;
    /** How many units at the bottom of a ranked level are flagged (Beijing names its bottom ten). 0: none. */
    bottomFlagged: number;
  };
  assessmentMonth: AssessmentMonthRule;
  /**
   * When a callback is invalid (not a valid callback, out of the rates' denominators). The only rule there is: the
   * case policy's — `CasePolicy.callbackMaxAttempts` failed attempts in a round close the case `callback_invalid`,
   * under the case policy version the case opened under. The assessment does not count attempts again (it would
   * then disagree with the case's own outcome); it names the rule so that a published ranking says which one it
   * used (`describeInvalidCallbackRule`). A later version may add another rule here.
   */
  invalidCallback: 'case_policy_attempts';
}

/** What an admin sends to store a new version: a document without its version (the store numbers it) and a note. */
export type AssessmentPolicyInput = Omit<AssessmentPolicy, 'version'> & { note?: string };

/** The largest start day of an assessment month (every month has it). */
export const MAX_ASSESSMENT_MONTH_START_DAY = 28;

/** How far the weights' sum may be from 1 (they are decimals written by a person: 0.1 + 0.5 + 0.4). */
const WEIGHT_SUM_TOLERANCE = 1e-9;

function build(strict: boolean) {
  const obj = strict ? z.strictObject : z.object;
  const weight = z.number().min(0).max(1);
  const fields = {
    weights: obj({ response: weight, resolution: weight, satisfaction: weight }).superRefine((w, ctx) => {
      const sum = w.response + w.resolution + w.satisfaction;
      if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) ctx.addIssue({ code: 'custom', path: [], message: `the weights must add up to 1 (they add up to ${sum})` });
    }),
    basicallySatisfiedFactor: z.number().min(0).max(1).describe('what one basically-satisfied answer counts for in the satisfaction rate'),
    ranking: obj({
      minValidCallbacks: z.number().int().min(0).max(100_000).describe('units with fewer valid callbacks in the period are listed unranked'),
      bottomFlagged: z.number().int().min(0).max(1_000).describe('how many units at the bottom of a level are flagged; 0: none'),
    }),
    assessmentMonth: obj({
      startDay: z.number().int().min(1).max(MAX_ASSESSMENT_MONTH_START_DAY).describe('1: the calendar month; 19: the 19th to the 18th'),
    }),
    invalidCallback: z.literal('case_policy_attempts').describe("a callback is invalid after the case policy's callbackMaxAttempts failed attempts"),
  };
  return { fields, obj };
}

const lenient = build(false);
const strict = build(true);

/** A stored assessment policy document, read back leniently. */
export const assessmentPolicySchema = lenient.obj({ version: z.number().int().positive(), ...lenient.fields }) satisfies z.ZodType<AssessmentPolicy>;

/** What an admin writes to store a new version: no `version` (unknown keys refused) and an optional note. */
export const assessmentPolicyInputSchema = strict.obj({
  ...strict.fields,
  note: z.string().trim().min(1).max(500).optional().describe('why this version (kept with it)'),
}) satisfies z.ZodType<AssessmentPolicyInput>;

/** DOMAIN.md's numbers as data: the starting point, not law. */
export const defaultAssessmentPolicy: AssessmentPolicy = {
  version: 1,
  weights: { response: 0.1, resolution: 0.5, satisfaction: 0.4 },
  basicallySatisfiedFactor: 0.9,
  ranking: { minValidCallbacks: 10, bottomFlagged: 10 },
  assessmentMonth: { startDay: 1 },
  invalidCallback: 'case_policy_attempts',
};

/**
 * The invalid-callback rule in words, for a published ranking or an export: the number comes from the case policy
 * (the one in force, or the one a case opened under). A case policy from before callback attempts has none: its
 * callbacks were never declared invalid.
 */
export function describeInvalidCallbackRule(casePolicy: Pick<CasePolicy, 'version' | 'callbackMaxAttempts'>): string {
  const n = casePolicy.callbackMaxAttempts;
  return n === undefined
    ? `no attempts rule (case policy version ${casePolicy.version}): no callback is declared invalid`
    : `unreachable after ${n} failed callback attempts in a round (case policy version ${casePolicy.version})`;
}
