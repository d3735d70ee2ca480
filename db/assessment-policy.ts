/**
 * Assessment policy versions (domain/assessment.policy.ts) in `assessment_policies`: the one in force, every version,
 * storing the next one, putting an earlier one back in force, and the seed's default. A stored version never
 * changes: a ranking published with version n can always be read back with the weights it used. Kept like every
 * versioned policy (db/policy-versions.ts).
 */
import { assessmentPolicySchema, defaultAssessmentPolicy, type AssessmentPolicy } from '../domain/assessment.policy.js';
import type { Queryable } from './calendar.js';
import type { Database } from './client.js';
import { policyVersionStore, type PolicyVersionRow } from './policy-versions.js';
import { assessmentPolicies } from './schema.js';

export type AssessmentPolicyRow = PolicyVersionRow;

/** The note the seed's default carries (so an upgrade can tell it from an administrator's version). */
export const DEFAULT_ASSESSMENT_POLICY_NOTE = 'default assessment policy (DOMAIN.md)';

export const assessmentPolicyStore = policyVersionStore<AssessmentPolicy>(assessmentPolicies, { note: DEFAULT_ASSESSMENT_POLICY_NOTE });

/** A stored document, read leniently (a field a newer release added does not stop this one). */
export function assessmentPolicyOf(row: AssessmentPolicyRow): AssessmentPolicy {
  return assessmentPolicySchema.parse({ ...(row.document as object), version: row.version });
}

/** The version in force, or null when none is (a database the seed has not reached). */
export async function loadActiveAssessmentPolicy(db: Queryable): Promise<AssessmentPolicy | null> {
  const row = await assessmentPolicyStore.active(db);
  return row ? assessmentPolicyOf(row) : null;
}

export const getActiveAssessmentPolicyRow = (db: Queryable): Promise<AssessmentPolicyRow | undefined> => assessmentPolicyStore.active(db);

/** Every stored version, newest first. */
export const listAssessmentPolicies = (db: Queryable): Promise<AssessmentPolicyRow[]> => assessmentPolicyStore.list(db);

export const getAssessmentPolicy = (db: Queryable, version: number): Promise<AssessmentPolicyRow | undefined> => assessmentPolicyStore.get(db, version);

/**
 * Stores a document as the next version (the highest + 1) and puts it in force, in one transaction; the table is
 * locked against other writers meanwhile (two admins saving at once get consecutive versions).
 */
export const storeAssessmentPolicyVersion = (
  db: Database,
  document: Omit<AssessmentPolicy, 'version'>,
  meta: { note: string | null; createdBy: string | null },
): Promise<AssessmentPolicyRow> => assessmentPolicyStore.store(db, document, meta);

/** Puts a stored version in force (the one active before is kept, inactive). Undefined: no such version. */
export const activateAssessmentPolicy = (db: Database, version: number): Promise<AssessmentPolicyRow | undefined> => assessmentPolicyStore.activate(db, version);

/**
 * The seed's part (db/seed.ts, inside its transaction): the default policy as version 1 when the table is empty. An
 * existing table is left alone: a version an administrator stored or activated stays in force.
 */
export const seedAssessmentPolicy = (tx: Queryable, policy: AssessmentPolicy = defaultAssessmentPolicy): Promise<void> => assessmentPolicyStore.seed(tx, policy);
