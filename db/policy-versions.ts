/**
 * Versioned policy documents kept the same way, whatever they hold: the assessment policy (`assessment_policies`,
 * db/assessment-policy.ts) and the analysis policy (`analysis_policies`, db/analysis-policy.ts). One table per policy,
 * the same columns (version, document, active, note, created_at, created_by), exactly one version active:
 *
 * - a stored version never changes (what a ranking was published with, or a report computed with, stays readable);
 * - storing a document makes it the next version (the highest + 1) and puts it in force, in one transaction that
 *   holds the table against other writers (two admins saving at once get consecutive versions);
 * - an earlier version can be put back in force;
 * - the seed stores the default as version 1 when the table is empty, and leaves a table with versions alone.
 *
 * The statements are written once over the table's name (the tables are identical but distinct to the type system).
 */
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from './calendar.js';
import type { Database } from './client.js';

/** One stored version (the document as stored, not yet parsed). */
export interface PolicyVersionRow {
  version: number;
  document: unknown;
  active: boolean;
  note: string | null;
  createdAt: Date;
  createdBy: string | null;
}

type RawRow = {
  version: number;
  document: unknown;
  active: boolean;
  note: string | null;
  created_ms: number;
  created_by: string | null;
};

const columns = sql`version, document, active, note, (extract(epoch from created_at) * 1000)::float8 as created_ms, created_by`;
const rowOf = (r: RawRow): PolicyVersionRow => ({
  version: Number(r.version),
  document: r.document,
  active: r.active,
  note: r.note,
  createdAt: new Date(Number(r.created_ms)),
  createdBy: r.created_by,
});

/** The store of one policy table; `withVersion` puts the version number into a document that is stored. */
export function policyVersionStore<D extends { version: number }>(table: PgTable, defaults: { note: string }) {
  const lock = (tx: Queryable) => tx.execute(sql`lock table ${table} in share row exclusive mode`);
  const select = async (db: Queryable, where: ReturnType<typeof sql>) => {
    const { rows } = await db.execute<RawRow>(sql`select ${columns} from ${table} ${where}`);
    return rows.map(rowOf);
  };

  return {
    /** The version in force, or undefined (a database the seed has not reached). */
    async active(db: Queryable): Promise<PolicyVersionRow | undefined> {
      return (await select(db, sql`where active order by version desc limit 1`))[0];
    },

    /** Every stored version, newest first. */
    async list(db: Queryable): Promise<PolicyVersionRow[]> {
      return select(db, sql`order by version desc`);
    },

    async get(db: Queryable, version: number): Promise<PolicyVersionRow | undefined> {
      return (await select(db, sql`where version = ${version}`))[0];
    },

    /** Stores a document as the next version and puts it in force. */
    async store(db: Database, document: Omit<D, 'version'>, meta: { note: string | null; createdBy: string | null }): Promise<PolicyVersionRow> {
      return db.transaction(async (tx) => {
        await lock(tx);
        const { rows } = await tx.execute<{ max: number }>(sql`select coalesce(max(version), 0)::int as max from ${table}`);
        const version = Number(rows[0]?.max ?? 0) + 1;
        const stored = { ...document, version };
        await tx.execute(sql`update ${table} set active = false where active`);
        const inserted = await tx.execute<RawRow>(sql`
          insert into ${table} (version, document, active, note, created_by)
          values (${version}, ${JSON.stringify(stored)}::jsonb, true, ${meta.note}, ${meta.createdBy})
          returning ${columns}`);
        return rowOf(inserted.rows[0]!);
      });
    },

    /** Puts a stored version in force (the one active before is kept, inactive). Undefined: no such version. */
    async activate(db: Database, version: number): Promise<PolicyVersionRow | undefined> {
      return db.transaction(async (tx) => {
        await lock(tx);
        const [target] = await select(tx, sql`where version = ${version}`);
        if (!target) return undefined;
        if (target.active) return target;
        await tx.execute(sql`update ${table} set active = false where active`);
        const updated = await tx.execute<RawRow>(sql`update ${table} set active = true where version = ${version} returning ${columns}`);
        return rowOf(updated.rows[0]!);
      });
    },

    /** The seed's part (inside its transaction): `policy` as its version when the table is empty; otherwise nothing. */
    async seed(tx: Queryable, policy: D): Promise<void> {
      await lock(tx);
      const { rows } = await tx.execute<{ count: number }>(sql`select count(*)::int as count from ${table}`);
      if (Number(rows[0]?.count ?? 0) > 0) return;
      await tx.execute(sql`
        insert into ${table} (version, document, active, note, created_by)
        values (${policy.version}, ${JSON.stringify(policy)}::jsonb, true, ${defaults.note}, 'seed')`);
    },
  };
}
