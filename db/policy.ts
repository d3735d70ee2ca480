/**
 * The case policy in force: the one active row of case_policies, validated, with its calendar filled in. Read by
 * the API's reference cache and the worker; also the versions for the policies API.
 */
import { desc, eq, sql } from 'drizzle-orm';
import { casePolicySchema, policyDocumentSchema, resolvePolicy, type PolicyDocument } from '../domain/policy.schema.js';
import type { CasePolicy } from '../domain/policy.types.js';
import { loadRegionCalendar, type Queryable } from './calendar.js';
import type { Database } from './client.js';
import { casePolicies } from './schema.js';

export type PolicyRow = typeof casePolicies.$inferSelect;

/**
 * The active policy, resolved: a document that names a `calendarRegion` gets that region's official calendar from
 * the database, from the year before `now` on (older years cannot matter to a case opened now, and every case
 * carries its policy in its history, so it is kept small). Throws when the document is invalid or its region is
 * missing: better no new cases on this instance's copy than cases counting on the wrong days.
 */
export async function loadActivePolicy(db: Queryable, options: { now?: Date } = {}): Promise<CasePolicy | null> {
  const [row] = await db.select().from(casePolicies).where(eq(casePolicies.active, true)).orderBy(desc(casePolicies.version)).limit(1);
  if (!row) return null;
  const document = policyDocumentSchema.parse(row.document);
  return casePolicySchema.parse(await resolve(db, document, options.now ?? new Date()));
}

async function resolve(db: Queryable, document: PolicyDocument, now: Date): Promise<CasePolicy> {
  if (document.calendarRegion === undefined) return resolvePolicy(document, undefined);
  const calendar = await loadRegionCalendar(db, document.calendarRegion, { fromYear: now.getUTCFullYear() - 1 });
  if (!calendar) throw new Error(`policy version ${document.version} counts on calendar region ${document.calendarRegion}, which is not in work_calendars`);
  return resolvePolicy(document, calendar);
}

/** Every stored version, newest first. */
export async function listPolicies(db: Queryable): Promise<PolicyRow[]> {
  return db.select().from(casePolicies).orderBy(desc(casePolicies.version));
}

export async function getPolicy(db: Queryable, version: number): Promise<PolicyRow | undefined> {
  const [row] = await db.select().from(casePolicies).where(eq(casePolicies.version, version));
  return row;
}

export async function getActivePolicyRow(db: Queryable): Promise<PolicyRow | undefined> {
  const [row] = await db.select().from(casePolicies).where(eq(casePolicies.active, true)).limit(1);
  return row;
}

/**
 * Stores a document as the next version (the highest + 1) and makes it the active one, in one transaction. The table
 * is locked against other writers for the transaction (two admins saving at once get consecutive versions; the seed
 * waits), and `check` runs inside it (e.g. that the calendar region exists; it throws to refuse).
 */
export async function storePolicyVersion(
  db: Database,
  document: Omit<PolicyDocument, 'version'>,
  note: string | null,
  check: (tx: Queryable) => Promise<void> = async () => undefined,
): Promise<PolicyRow> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${casePolicies} in share row exclusive mode`);
    await check(tx);
    const [{ max }] = (await tx.select({ max: sql<number>`coalesce(max(${casePolicies.version}), 0)::int` }).from(casePolicies)) as [{ max: number }];
    const version = max + 1;
    const stored: PolicyDocument = { version, ...document };
    await tx.update(casePolicies).set({ active: false }).where(eq(casePolicies.active, true));
    const [row] = await tx.insert(casePolicies).values({ version, document: stored, active: true, note }).returning();
    return row!;
  });
}
