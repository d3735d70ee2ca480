/** The case policy in force: the one active row of case_policies, validated. Read by the API's cache and the worker. */
import { desc, eq } from 'drizzle-orm';
import { casePolicySchema } from '../domain/policy.schema.js';
import type { CasePolicy } from '../domain/policy.types.js';
import type { Database } from './client.js';
import { casePolicies } from './schema.js';

export async function loadActivePolicy(db: Database): Promise<CasePolicy | null> {
  const [row] = await db.select().from(casePolicies).where(eq(casePolicies.active, true)).orderBy(desc(casePolicies.version)).limit(1);
  return row ? casePolicySchema.parse(row.document) : null;
}
