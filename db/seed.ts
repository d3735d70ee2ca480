/**
 * Loads the demo city (org tree, category taxonomy, dispatch catalogue), the official calendar and the default policy
 * once. Re-running inserts nothing that is already there, so start-up can always call it: an existing database gets
 * what a newer release adds (calendar years, a newer default policy) on its next start.
 */
import { eq, sql } from 'drizzle-orm';
import type { CategoryRecord, UnitRecord } from '../domain/reference.types.js';
import { toPolicyDocument, type PolicyDocument } from '../domain/policy.schema.js';
import type { DispatchRuleRecord } from '../domain/dispatch-catalogue.js';
import { seedAnalysisPolicy } from './analysis-policy.js';
import { seedAssessmentPolicy } from './assessment-policy.js';
import { seedCalendars, type CalendarSeed } from './calendar.js';
import type { Database } from './client.js';
import { casePolicies, categories, dispatchRules, units } from './schema.js';
import { cnCalendarSeed } from './seed-calendar.js';
import { defaultPolicyDocument } from './seed-policy.js';
import { demoCategories, demoDispatchRules, demoUnits } from './seed-data.js';

export interface SeedData {
  units: readonly UnitRecord[];
  categories: readonly CategoryRecord[];
  /** A policy document (a resolved policy too: a calendar it was resolved with is not stored when it names a region). */
  policy: PolicyDocument;
  /** The dispatch catalogue, inserted with the units on the first seed only (a rule an admin deleted stays deleted). */
  dispatchRules: readonly DispatchRuleRecord[];
  /** Official calendars: regions and years missing from the database are inserted on every seed; none is overwritten. Default: CN. */
  calendars?: readonly CalendarSeed[];
}

export const demoSeed: SeedData = {
  units: demoUnits,
  categories: demoCategories,
  policy: defaultPolicyDocument,
  dispatchRules: demoDispatchRules,
  calendars: [cnCalendarSeed],
};

function pathsOf(list: readonly UnitRecord[]): Map<string, string> {
  const paths = new Map<string, string>();
  for (const u of list) {
    const parent = u.parentId ? paths.get(u.parentId) : undefined;
    if (u.parentId && parent === undefined) throw new Error(`seed unit ${u.id} comes before its parent ${u.parentId}`);
    paths.set(u.id, parent ? `${parent}/${u.id}` : u.id);
  }
  return paths;
}

const DEFAULT_POLICY_NOTE = 'default policy (DOMAIN.md)';

/**
 * A newer default policy (a release that adds rules) replaces an older default that is still in force. A policy an
 * administrator wrote is never replaced: theirs stays active and the new default is only stored for reference.
 * Running cases keep the version they opened under either way.
 */
async function upgradeDefaultPolicy(tx: Parameters<Parameters<Database['transaction']>[0]>[0], policy: PolicyDocument): Promise<void> {
  const [known] = await tx.select({ version: casePolicies.version }).from(casePolicies).where(eq(casePolicies.version, policy.version));
  if (known) return;
  const [active] = await tx.select().from(casePolicies).where(eq(casePolicies.active, true));
  const replace = !active || (active.note === DEFAULT_POLICY_NOTE && active.version < policy.version);
  if (replace && active) await tx.update(casePolicies).set({ active: false }).where(eq(casePolicies.version, active.version));
  await tx.insert(casePolicies).values({ version: policy.version, document: policy, active: replace, note: DEFAULT_POLICY_NOTE });
}

export async function seedReferenceData(db: Database, seed: SeedData = demoSeed): Promise<{ inserted: boolean }> {
  return db.transaction(async (tx) => {
    // One seeder at a time (API and worker may start together).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('hotline.seed'))`);
    // And no policy version written through the API meanwhile (db/policy.ts storePolicyVersion takes the same lock).
    await tx.execute(sql`lock table ${casePolicies} in share row exclusive mode`);
    const [{ count }] = (await tx.execute<{ count: number }>(sql`select count(*)::int as count from units`)).rows as [{ count: number }];
    const [{ policies }] = (await tx.execute<{ policies: number }>(sql`select count(*)::int as policies from case_policies`)).rows as [
      { policies: number },
    ];
    if (count === 0 && seed.units.length) {
      const paths = pathsOf(seed.units);
      await tx.insert(units).values(seed.units.map((u) => ({ ...u, path: paths.get(u.id)! }))).onConflictDoNothing();
      await tx.insert(categories).values([...seed.categories]).onConflictDoNothing();
      if (seed.dispatchRules.length) {
        await tx.insert(dispatchRules).values(seed.dispatchRules.map((r) => ({ ...r, updatedBy: 'seed' }))).onConflictDoNothing();
      }
    }
    // A unit the default policy names that an existing database lacks (the hotline centre, added with policy version
    // 5), with its parent there: inserted, so the policy's notices have somewhere to go. No other unit is touched.
    const named = seed.policy.centreUnitId;
    const wanted = named ? seed.units.find((u) => u.id === named) : undefined;
    if (count > 0 && wanted?.parentId) {
      const [parent] = await tx.select({ path: units.path }).from(units).where(eq(units.id, wanted.parentId));
      if (parent) await tx.insert(units).values({ ...wanted, path: `${parent.path}/${wanted.id}` }).onConflictDoNothing();
    }
    // Before the policy: the default policy counts on the calendar's region.
    await seedCalendars(tx, seed.calendars ?? [cnCalendarSeed]);
    const policy = toPolicyDocument(seed.policy);
    if (policies === 0) {
      await tx.insert(casePolicies).values({ version: policy.version, document: policy, active: true, note: DEFAULT_POLICY_NOTE });
    } else {
      await upgradeDefaultPolicy(tx, policy);
    }
    // The assessment policy (weights, ranking thresholds, the assessment month): the default when there is none.
    await seedAssessmentPolicy(tx);
    // The analysis policy (group complaints, surges, hot-spot cells, report times): the default when there is none.
    await seedAnalysisPolicy(tx);
    return { inserted: count === 0 || policies === 0 };
  });
}
