/**
 * Assessment policy versions (domain/assessment.policy.ts) in `assessment_policies`: the one in force, every version,
 * storing the next one, putting an earlier one back in force, and the seed's default. A stored version never
 * changes: a ranking published with version n can always be read back with the weights it used.
 */
import { desc, eq, sql } from 'drizzle-orm';
import { assessmentPolicySchema, defaultAssessmentPolicy, type AssessmentPolicy } from '../domain/assessment.policy.js';
import type { Queryable } from './calendar.js';
import type { Database } from './client.js';
import { assessmentPolicies } from './schema.js';

export type AssessmentPolicyRow = typeof assessmentPolicies.$inferSelect;

/** The note the seed's default carries (so an upgrade can tell it from an administrator's version). */
export const DEFAULT_ASSESSMENT_POLICY_NOTE = 'default assessment policy (DOMAIN.md)';

/** A stored document, read leniently (a field a newer release added does not stop this one). */
export function assessmentPolicyOf(row: AssessmentPolicyRow): AssessmentPolicy {
  return assessmentPolicySchema.parse({ ...(row.document as object), version: row.version });
}

/** The version in force, or null when none is (a database the seed has not reached). */
export async function loadActiveAssessmentPolicy(db: Queryable): Promise<AssessmentPolicy | null> {
  const row = await getActiveAssessmentPolicyRow(db);
  return row ? assessmentPolicyOf(row) : null;
}

export async function getActiveAssessmentPolicyRow(db: Queryable): Promise<AssessmentPolicyRow | undefined> {
  const [row] = await db.select().from(assessmentPolicies).where(eq(assessmentPolicies.active, true)).limit(1);
  return row;
}

/** Every stored version, newest first. */
export async function listAssessmentPolicies(db: Queryable): Promise<AssessmentPolicyRow[]> {
  return db.select().from(assessmentPolicies).orderBy(desc(assessmentPolicies.version));
}

export async function getAssessmentPolicy(db: Queryable, version: number): Promise<AssessmentPolicyRow | undefined> {
  const [row] = await db.select().from(assessmentPolicies).where(eq(assessmentPolicies.version, version));
  return row;
}

const lock = (tx: Queryable) => tx.execute(sql`lock table ${assessmentPolicies} in share row exclusive mode`);

/**
 * Stores a document as the next version (the highest + 1) and puts it in force, in one transaction; the table is
 * locked against other writers meanwhile (two admins saving at once get consecutive versions).
 */
export async function storeAssessmentPolicyVersion(
  db: Database,
  document: Omit<AssessmentPolicy, 'version'>,
  meta: { note: string | null; createdBy: string | null },
): Promise<AssessmentPolicyRow> {
  return db.transaction(async (tx) => {
    await lock(tx);
    const [{ max }] = (await tx.select({ max: sql<number>`coalesce(max(${assessmentPolicies.version}), 0)::int` }).from(assessmentPolicies)) as [{ max: number }];
    const version = max + 1;
    const stored: AssessmentPolicy = { ...document, version };
    await tx.update(assessmentPolicies).set({ active: false }).where(eq(assessmentPolicies.active, true));
    const [row] = await tx.insert(assessmentPolicies).values({ version, document: stored, active: true, note: meta.note, createdBy: meta.createdBy }).returning();
    return row!;
  });
}

/** Puts a stored version in force (the one active before is kept, inactive). Undefined: no such version. */
export async function activateAssessmentPolicy(db: Database, version: number): Promise<AssessmentPolicyRow | undefined> {
  return db.transaction(async (tx) => {
    await lock(tx);
    const [target] = await tx.select().from(assessmentPolicies).where(eq(assessmentPolicies.version, version));
    if (!target) return undefined;
    if (target.active) return target;
    await tx.update(assessmentPolicies).set({ active: false }).where(eq(assessmentPolicies.active, true));
    const [row] = await tx.update(assessmentPolicies).set({ active: true }).where(eq(assessmentPolicies.version, version)).returning();
    return row!;
  });
}

/**
 * The seed's part (db/seed.ts, inside its transaction): the default policy as version 1 when the table is empty. An
 * existing table is left alone: a version an administrator stored or activated stays in force.
 */
export async function seedAssessmentPolicy(tx: Queryable, policy: AssessmentPolicy = defaultAssessmentPolicy): Promise<void> {
  await lock(tx);
  const [{ count }] = (await tx.select({ count: sql<number>`count(*)::int` }).from(assessmentPolicies)) as [{ count: number }];
  if (count > 0) return;
  await tx.insert(assessmentPolicies).values({ version: policy.version, document: policy, active: true, note: DEFAULT_ASSESSMENT_POLICY_NOTE, createdBy: 'seed' });
}
