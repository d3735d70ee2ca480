/** The dispatch catalogue's rows: list, read, insert, replace, delete. Database errors a caller caused become domain errors. */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { DispatchRuleRecord } from '../domain/dispatch-catalogue.js';
import { dispatchRules } from '../db/schema.js';
import { DomainError } from '../domain/errors.js';

export type DispatchRuleRow = typeof dispatchRules.$inferSelect;

/** The fields a caller sets (PUT replaces all of them). */
export type DispatchRuleFields = Omit<DispatchRuleRecord, 'id'>;

export interface DispatchRuleFilter {
  categoryId?: string;
  areaUnitId?: string;
  active?: boolean;
}

/** Foreign keys of dispatch_rules (db/migrations/0003) → the request field that named the missing row. */
const FOREIGN_KEY_FIELDS: Record<string, string> = {
  dispatch_rules_category_id_categories_id_fk: 'body.categoryId',
  dispatch_rules_area_unit_id_units_id_fk: 'body.areaUnitId',
  dispatch_rules_unit_id_units_id_fk: 'body.unitId',
};

function pgErrorOf(err: unknown): { code?: string; constraint?: string } | undefined {
  for (let e: unknown = err, i = 0; e && typeof e === 'object' && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return e as { code?: string; constraint?: string };
  }
  return undefined;
}

/**
 * A unit or category the API's reference copy still had but the database no longer has (or one added since, the
 * other way round, is caught before this by the service): the same 400 as any unknown reference; a rule id
 * already taken: 400 naming body.id.
 */
function translate(err: unknown, id?: string): never {
  const pg = pgErrorOf(err);
  if (pg?.code === '23503') {
    const field = FOREIGN_KEY_FIELDS[pg.constraint ?? ''] ?? 'body';
    throw new DomainError('unknown_reference', `unknown ${field.replace(/^body\./, '')}`, { errors: [{ field, reason: 'no such unit or category' }] });
  }
  if (pg?.code === '23505') {
    throw new DomainError('validation_failed', `a dispatch rule with id ${id} already exists`, { errors: [{ field: 'body.id', reason: 'already taken' }] });
  }
  throw err;
}

export function createDispatchRulesRepository(db: Database) {
  return {
    async list(filter: DispatchRuleFilter): Promise<DispatchRuleRow[]> {
      const where: SQL[] = [];
      if (filter.categoryId !== undefined) where.push(eq(dispatchRules.categoryId, filter.categoryId));
      if (filter.areaUnitId !== undefined) where.push(eq(dispatchRules.areaUnitId, filter.areaUnitId));
      if (filter.active !== undefined) where.push(eq(dispatchRules.active, filter.active));
      return db
        .select()
        .from(dispatchRules)
        .where(where.length ? and(...where) : undefined)
        .orderBy(asc(dispatchRules.categoryId), sql`${dispatchRules.areaUnitId} asc nulls first`, asc(dispatchRules.id));
    },

    async get(id: string): Promise<DispatchRuleRow | undefined> {
      const [row] = await db.select().from(dispatchRules).where(eq(dispatchRules.id, id));
      return row;
    },

    async insert(id: string, fields: DispatchRuleFields, updatedBy: string, at: Date): Promise<DispatchRuleRow> {
      try {
        const [row] = await db
          .insert(dispatchRules)
          .values({ id, ...fields, createdAt: at, updatedAt: at, updatedBy })
          .returning();
        return row!;
      } catch (err) {
        return translate(err, id);
      }
    },

    /**
     * Replaces a rule's fields, after `check` approved the rule as it is (it throws to refuse); the row is locked
     * between the two, so the rule checked is the rule changed. Undefined when there is no rule with this id.
     */
    async replace(id: string, check: (old: DispatchRuleRow) => void, fields: DispatchRuleFields, updatedBy: string, at: Date): Promise<DispatchRuleRow | undefined> {
      try {
        return await db.transaction(async (tx) => {
          const [old] = await tx.select().from(dispatchRules).where(eq(dispatchRules.id, id)).for('update');
          if (!old) return undefined;
          check(old);
          const [row] = await tx
            .update(dispatchRules)
            .set({ ...fields, updatedAt: at, updatedBy })
            .where(eq(dispatchRules.id, id))
            .returning();
          return row;
        });
      } catch (err) {
        return translate(err, id);
      }
    },

    /** Deletes a rule `check` approved (locked in between, as for replace); false when there is no rule with this id. */
    async remove(id: string, check: (old: DispatchRuleRow) => void): Promise<boolean> {
      return db.transaction(async (tx) => {
        const [old] = await tx.select().from(dispatchRules).where(eq(dispatchRules.id, id)).for('update');
        if (!old) return false;
        check(old);
        await tx.delete(dispatchRules).where(eq(dispatchRules.id, id));
        return true;
      });
    },
  };
}

export type DispatchRulesRepository = ReturnType<typeof createDispatchRulesRepository>;
