/**
 * Assessment policy versions (weights of the composite score, the basically-satisfied factor, the ranking's minimum
 * volume and bottom N, the assessment month): whoever reads the assessment reads them (the formulas behind the
 * figures); admins store a new version, which is put in force, or put an earlier version back in force.
 *
 * A version never changes once stored. A ranking is computed with the version in force when it is asked for; a
 * published ranking keeps the version it was computed with (api/assessment.service.ts), so storing or activating a
 * version never changes a published ranking: publishing the period again makes its next version.
 */
import type { AssessmentPolicy, AssessmentPolicyInput } from '../domain/assessment.policy.js';
import type { Database } from '../db/client.js';
import { assessmentPolicyOf, assessmentPolicyStore } from '../db/assessment-policy.js';
import { createPolicyVersionsService, type PolicyVersionSummaryView, type PolicyVersionView } from './policy-versions.service.js';

export type AssessmentPolicySummaryView = PolicyVersionSummaryView;
export type AssessmentPolicyView = PolicyVersionView<AssessmentPolicy>;

export function createAssessmentPoliciesService(deps: { db: Database }) {
  return createPolicyVersionsService<AssessmentPolicy, AssessmentPolicyInput>({
    db: deps.db,
    store: assessmentPolicyStore,
    documentOf: assessmentPolicyOf,
    label: 'assessment policy',
    storeRoute: 'POST /v1/assessment-policies',
    split: ({ note, ...document }) => ({ document, note: note ?? null }),
  });
}

export type AssessmentPoliciesService = ReturnType<typeof createAssessmentPoliciesService>;
