/**
 * The dispatch catalogue from the database: the organisation and the active rules, and the catalogue's answer for
 * one case. The API answers from its reference cache (api/reference.service.ts); the worker's activity asks here
 * when a case was started without the API's answer.
 */
import { eq } from 'drizzle-orm';
import type { CatalogueDispatch } from '../domain/policy.types.js';
import { copiesFor, matchCatalogue, organisationOf, type CatalogueCase, type DispatchRuleRecord, type Organisation } from '../domain/dispatch-catalogue.js';
import type { Database } from './client.js';
import { categories, dispatchRules, units } from './schema.js';

/** Every unit (type, parent) and category (parent). */
export async function loadOrganisation(db: Database): Promise<Organisation> {
  const [u, c] = await Promise.all([
    db.select({ id: units.id, type: units.type, parentId: units.parentId }).from(units),
    db.select({ id: categories.id, parentId: categories.parentId }).from(categories),
  ]);
  return organisationOf(u, c);
}

const ruleColumns = {
  id: dispatchRules.id,
  categoryId: dispatchRules.categoryId,
  areaUnitId: dispatchRules.areaUnitId,
  unitId: dispatchRules.unitId,
  unitType: dispatchRules.unitType,
  note: dispatchRules.note,
  active: dispatchRules.active,
};

/** The rules in force. */
export async function loadActiveRules(db: Database): Promise<DispatchRuleRecord[]> {
  return db.select(ruleColumns).from(dispatchRules).where(eq(dispatchRules.active, true));
}

/** The unit the catalogue sends this case to (with the rule and the copies), or null when a dispatcher decides. */
export async function resolveCatalogueDispatch(db: Database, c: CatalogueCase): Promise<CatalogueDispatch | null> {
  const [org, rules] = await Promise.all([loadOrganisation(db), loadActiveRules(db)]);
  return matchCatalogue(rules, org, c).dispatch;
}

/** The units copied when a case is sent to `unitId` (a street's district), from the database. */
export async function copiesForUnit(db: Database, unitId: string): Promise<string[]> {
  const [unit] = await db.select({ type: units.type, parentId: units.parentId }).from(units).where(eq(units.id, unitId));
  if (!unit || unit.type !== 'street' || unit.parentId === null) return [];
  const [parent] = await db.select({ type: units.type, parentId: units.parentId }).from(units).where(eq(units.id, unit.parentId));
  if (!parent) return [];
  const org = organisationOf(
    [
      { id: unitId, ...unit },
      { id: unit.parentId, ...parent },
    ],
    [],
  );
  return copiesFor(unitId, org);
}
