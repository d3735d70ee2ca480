/**
 * Assessment policy versions (weights of the composite score, the basically-satisfied factor, the ranking's minimum
 * volume and bottom N, the assessment month): whoever reads the assessment reads them (the formulas behind the
 * figures); admins store a new version, which is put in force, or put an earlier version back in force.
 *
 * A version never changes once stored. A ranking is computed with the version in force when it is asked for; a
 * published ranking keeps the version it was computed with (api/assessment.service.ts), so storing or activating a
 * version never changes a published ranking: publishing the period again makes its next version.
 */
import type { Principal } from '../domain/access.js';
import type { AssessmentPolicy, AssessmentPolicyInput } from '../domain/assessment.policy.js';
import { DomainError } from '../domain/errors.js';
import type { Database } from '../db/client.js';
import {
  activateAssessmentPolicy,
  assessmentPolicyOf,
  getActiveAssessmentPolicyRow,
  getAssessmentPolicy,
  listAssessmentPolicies,
  storeAssessmentPolicyVersion,
  type AssessmentPolicyRow,
} from '../db/assessment-policy.js';

export interface AssessmentPolicySummaryView {
  version: number;
  active: boolean;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface AssessmentPolicyView extends AssessmentPolicySummaryView {
  document: AssessmentPolicy;
}

const summary = (r: AssessmentPolicyRow): AssessmentPolicySummaryView => ({
  version: r.version,
  active: r.active,
  note: r.note,
  createdAt: r.createdAt.toISOString(),
  createdBy: r.createdBy,
});
const view = (r: AssessmentPolicyRow): AssessmentPolicyView => ({ ...summary(r), document: assessmentPolicyOf(r) });

export function createAssessmentPoliciesService(deps: { db: Database }) {
  const { db } = deps;
  return {
    async list(): Promise<{ activeVersion: number | null; items: AssessmentPolicySummaryView[] }> {
      const rows = await listAssessmentPolicies(db);
      return { activeVersion: rows.find((r) => r.active)?.version ?? null, items: rows.map(summary) };
    },

    async active(): Promise<AssessmentPolicyView> {
      const row = await getActiveAssessmentPolicyRow(db);
      if (!row) throw new DomainError('not_found', 'no assessment policy version is active: run the seed or store one');
      return view(row);
    },

    async get(version: number): Promise<AssessmentPolicyView> {
      const row = await getAssessmentPolicy(db, version);
      if (!row) throw new DomainError('not_found', `no assessment policy version ${version}`);
      return view(row);
    },

    /** Stores the document as the next version and puts it in force; the author is the principal. */
    async store(input: AssessmentPolicyInput, p: Principal): Promise<AssessmentPolicyView> {
      const { note, ...document } = input;
      return view(await storeAssessmentPolicyVersion(db, document, { note: note ?? null, createdBy: p.id }));
    },

    /** Puts a stored version in force again (e.g. after a version that turned out wrong). */
    async activate(version: number): Promise<AssessmentPolicyView> {
      const row = await activateAssessmentPolicy(db, version);
      if (!row) throw new DomainError('not_found', `no assessment policy version ${version}`);
      return view(row);
    },
  };
}

export type AssessmentPoliciesService = ReturnType<typeof createAssessmentPoliciesService>;
