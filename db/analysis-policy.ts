/**
 * Analysis policy versions (domain/analysis.policy.ts: thresholds of group complaints and surges, hot-spot cells,
 * the category ranking's length, when the reports run) in `analysis_policies`, kept like every versioned policy
 * (db/policy-versions.ts). A table of its own rather than a part of the assessment policy document: a published
 * ranking names the assessment policy version it was computed with, and a new group-complaint threshold must not
 * make a new version of the ranking's rules.
 */
import { analysisPolicySchema, DEFAULT_ANALYSIS_POLICY, type AnalysisPolicy } from '../domain/analysis.policy.js';
import type { Queryable } from './calendar.js';
import { policyVersionStore, type PolicyVersionRow } from './policy-versions.js';
import { analysisPolicies } from './schema.js';

/** A stored analysis policy: the document and its version number. */
export type VersionedAnalysisPolicy = AnalysisPolicy & { version: number };

export const DEFAULT_ANALYSIS_POLICY_NOTE = 'default analysis policy (DOMAIN.md)';

export const analysisPolicyStore = policyVersionStore<VersionedAnalysisPolicy>(analysisPolicies, { note: DEFAULT_ANALYSIS_POLICY_NOTE });

/** A stored document, read leniently. */
export function analysisPolicyOf(row: PolicyVersionRow): VersionedAnalysisPolicy {
  return { ...analysisPolicySchema.parse(row.document), version: row.version };
}

/** The version in force; the defaults (as version 0) on a database the seed has not reached. */
export async function loadAnalysisPolicy(db: Queryable): Promise<VersionedAnalysisPolicy> {
  const row = await analysisPolicyStore.active(db);
  return row ? analysisPolicyOf(row) : { ...DEFAULT_ANALYSIS_POLICY, version: 0 };
}

/** The seed's part: DOMAIN.md's defaults as version 1 when the table is empty. */
export const seedAnalysisPolicy = (tx: Queryable): Promise<void> => analysisPolicyStore.seed(tx, { ...DEFAULT_ANALYSIS_POLICY, version: 1 });

