/** HTTP surface of the assessment policy versions: the shared versioned-policy routes (api/policy-versions.routes.ts). */
import { assessmentPolicyInputSchema, assessmentPolicySchema } from '../domain/assessment.policy.js';
import type { AssessmentPoliciesService } from './assessment-policies.service.js';
import { policyVersionsRoutes } from './policy-versions.routes.js';

export const assessmentPoliciesRoutes = (policies: AssessmentPoliciesService) =>
  policyVersionsRoutes(policies, {
    path: '/v1/assessment-policies',
    tag: 'assessment',
    access: { read: 'assessment.read', write: 'assessment_policy.write' },
    document: assessmentPolicySchema,
    input: assessmentPolicyInputSchema,
    activeMeans: 'the version rankings and figures are computed with now (exactly one is)',
    versions:
      'Figures and rankings are computed with the version in force when asked; a published ranking keeps the version it was ' +
      'computed with, so a new version never changes it (publishing the period again makes its next version).',
    summaries: {
      list: 'Assessment policy versions, newest first, and which one is in force',
      active: 'The assessment policy in force: weights, factor, minimum volume, bottom N, assessment month',
      one: 'One assessment policy version',
      store: 'Store a new assessment policy version and put it in force (admins)',
      storeDescription:
        'The body is a whole document without its version (the next number is given) and an optional note. The weights must ' +
        'add up to 1; unknown fields are refused; errors name the field, e.g. body.ranking.minValidCallbacks.',
      activate: 'Put a stored assessment policy version in force again (admins)',
    },
  });
