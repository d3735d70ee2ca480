/**
 * HTTP surface of the analysis policy versions (domain/analysis.policy.ts: group-complaint and surge thresholds, the
 * cells of hot spots, the category ranking's length, when reports run): whoever reads the analysis reads them; admins
 * store a new version (put in force at once) or put an earlier one back in force. Served by the generic policy
 * versions service (api/policy-versions.service.ts) over db/analysis-policy.ts.
 */
import { z } from 'zod';
import { analysisPolicyInputSchema, analysisPolicySchema, type AnalysisPolicy } from '../domain/analysis.policy.js';
import type { Database } from '../db/client.js';
import { analysisPolicyOf, analysisPolicyStore, type VersionedAnalysisPolicy } from '../db/analysis-policy.js';
import { createPolicyVersionsService } from './policy-versions.service.js';
import { policyVersionsRoutes } from './policy-versions.routes.js';

type AnalysisPolicyInput = AnalysisPolicy & { note?: string | undefined };

export function createAnalysisPoliciesService(deps: { db: Database }) {
  return createPolicyVersionsService<VersionedAnalysisPolicy, AnalysisPolicyInput>({
    db: deps.db,
    store: analysisPolicyStore,
    documentOf: analysisPolicyOf,
    label: 'analysis policy',
    storeRoute: 'POST /v1/analysis-policies',
    split: ({ note, ...document }) => ({ document, note: note ?? null }),
  });
}
export type AnalysisPoliciesService = ReturnType<typeof createAnalysisPoliciesService>;

export const analysisPoliciesRoutes = (policies: AnalysisPoliciesService) =>
  policyVersionsRoutes(policies, {
    path: '/v1/analysis-policies',
    tag: 'analysis',
    access: { read: 'analysis.read', write: 'analysis_policy.write' },
    document: analysisPolicySchema.extend({ version: z.number() }),
    input: analysisPolicyInputSchema.extend({ note: z.string().trim().min(1).max(500).optional().describe('why this version (kept with it)') }),
    activeMeans: 'the version analysis answers and reports are computed with now (exactly one is)',
    versions:
      'Analysis answers use the version in force when asked; a stored report names the version it was computed with and never ' +
      'changes. The report Schedules take their times from the version in force when the worker starts (REPORT_*_CRON overrides).',
    summaries: {
      list: 'Analysis policy versions, newest first, and which one is in force',
      active: 'The analysis policy in force: top N, hot-spot cells, group-complaint and surge thresholds, report times',
      one: 'One analysis policy version',
      store: 'Store a new analysis policy version and put it in force (admins)',
      storeDescription:
        'The body is a whole document without its version (the next number is given) and an optional note; unknown fields are ' +
        'refused; errors name the field, e.g. body.groupComplaint.minComplainants.',
      activate: 'Put a stored analysis policy version in force again (admins)',
    },
  });
