/**
 * A bench's own case policy: a new active version of case_policies in the run's database, made from the active one
 * by a change the bench names (the deadlines bench's herd clock, the soak's timed class). Shared by
 * bench/deadlines/policy.ts and bench/soak/policy.ts. The API loads the active policy when it starts: activate
 * before starting it, or restart it (CaseStack.restartApi).
 */
import { loadActivePolicy } from '../db/policy.js';
import type { CasePolicy } from '../domain/policy.types.js';
import type { BenchEnv } from './stack.js';

/** The stored policy document as the bench edits it (its clocks by deadline class, and whatever else it has). */
export type PolicyDocument = Record<string, unknown> & { version: number; clocks: Record<string, Record<string, unknown>> };

/**
 * Stores a new active policy version: the active document changed by `change` (which edits the copy it is given),
 * the old version made inactive, in one transaction. Then loads it as the API will and hands the loaded policy to
 * `check`, which throws when it did not load as written. Returns the new version.
 */
export async function activatePolicyVersion(
  env: Pick<BenchEnv, 'database'>,
  change: (document: PolicyDocument) => void,
  note: string,
  check: (loaded: CasePolicy) => boolean,
): Promise<number> {
  const client = await env.database.pool.connect();
  let version: number;
  try {
    await client.query('begin');
    await client.query('lock table case_policies in share row exclusive mode');
    const { rows } = await client.query<{ document: PolicyDocument }>('select document from case_policies where active order by version desc limit 1');
    if (!rows[0]) throw new Error('no active policy in the bench database');
    const { rows: max } = await client.query<{ max: number }>('select coalesce(max(version), 0)::int as max from case_policies');
    version = max[0]!.max + 1;
    const document = structuredClone(rows[0].document);
    change(document);
    document.version = version;
    await client.query('update case_policies set active = false where active');
    await client.query('insert into case_policies (version, document, active, note) values ($1, $2, true, $3)', [version, JSON.stringify(document), note]);
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  const loaded = await loadActivePolicy(env.database.db);
  if (loaded?.version !== version || !check(loaded)) throw new Error(`the bench policy version ${version} did not load as written`);
  return version;
}
