/**
 * Units, categories, the policy in force and the dispatch catalogue. The API validates incoming ids against an
 * in-memory copy refreshed from the database, so a case can still be opened while the database is unreachable (the
 * copy may be a minute old; a complaint is never refused because the record store is down). The same copy gives a
 * new case its policy, deadline class and catalogue dispatch at start, so the case workflow need not ask the
 * database before its clocks can run. A catalogue edit, a calendar year or a policy version written on this instance
 * refreshes the copy at once; other instances see it within their refresh interval. The policy is kept resolved: its
 * calendarRegion's official calendar is filled in (db/policy.ts), so a refresh also picks up a corrected year.
 */
import { asc, eq, like, or, type SQL } from 'drizzle-orm';
import { and } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { loadActiveRules } from '../db/catalogue.js';
import { loadActivePolicy } from '../db/policy.js';
import { categories, units } from '../db/schema.js';
import { unitTreeOf, type UnitTree } from '../domain/access.js';
import { copiesFor, matchCatalogue, organisationOf, type CatalogueMatch, type DispatchRuleRecord, type Organisation } from '../domain/dispatch-catalogue.js';
import { DomainError } from '../domain/errors.js';
import type { CasePolicy, CaseSetup, CatalogueDispatch } from '../domain/policy.types.js';
import { slaClassOf } from '../domain/reference.types.js';

type UnitRow = typeof units.$inferSelect;
type CategoryRow = typeof categories.$inferSelect;

export interface UnitQuery {
  type?: string;
  parentId?: string;
  /** All units below (and including) this one. */
  within?: string;
}

export function createReferenceService(db: Database, options: { refreshMs?: number } = {}) {
  let unitPaths = new Map<string, string>();
  let tree: UnitTree = unitTreeOf(unitPaths);
  let categoryById = new Map<string, CategoryRow>();
  let policy: CasePolicy | null = null;
  let organisation: Organisation = organisationOf([], []);
  let rules: DispatchRuleRecord[] = [];
  let loaded = false;
  let timer: NodeJS.Timeout | undefined;
  /** Refreshes may overlap (the interval and one after a catalogue write): only the latest started one is kept. */
  let started = 0;
  let applied = 0;

  async function refresh(): Promise<void> {
    const generation = ++started;
    const [u, c, p, r] = await Promise.all([
      db.select({ id: units.id, path: units.path, type: units.type, parentId: units.parentId }).from(units),
      db.select().from(categories),
      loadActivePolicy(db),
      loadActiveRules(db),
    ]);
    if (generation < applied) return;
    applied = generation;
    unitPaths = new Map(u.map((row) => [row.id, row.path]));
    tree = unitTreeOf(unitPaths);
    categoryById = new Map(c.map((row) => [row.id, row]));
    policy = p;
    organisation = organisationOf(u, c);
    rules = r;
    loaded = true;
  }

  function requireKnown(kind: 'unit' | 'category', field: string, idValue: string, known: boolean): void {
    if (loaded && !known) {
      throw new DomainError('unknown_reference', `unknown ${kind} ${idValue}`, { errors: [{ field, reason: `no ${kind} with id ${idValue}` }] });
    }
  }

  return {
    refresh,
    /** Loads now (best effort) and then every refreshMs; a failed refresh keeps the last good copy. */
    async start(onError: (err: unknown) => void): Promise<void> {
      await refresh().catch(onError);
      timer = setInterval(() => void refresh().catch(onError), options.refreshMs ?? 60_000);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
    },
    get loaded() {
      return loaded;
    },
    assertUnit(field: string, id: string): void {
      requireKnown('unit', field, id, unitPaths.has(id));
    },
    assertCategory(field: string, id: string): void {
      requireKnown('category', field, id, categoryById.has(id));
    },
    /** The organisation tree as last loaded (empty until the first load: then nobody is in a subtree). */
    get units(): UnitTree {
      return tree;
    },
    categoryName(id: string): string | undefined {
      return categoryById.get(id)?.name;
    },
    /** The taxonomy as last loaded (empty until the first load). */
    categoryList(): CategoryRow[] {
      return [...categoryById.values()];
    },
    /**
     * The policy in force (one for every category: its calendar, repeat rules, clocks per deadline class); undefined
     * until the first load succeeded.
     */
    policyInForce(): CasePolicy | undefined {
      return policy ?? undefined;
    },
    /** The policy in force and the category's deadline class; undefined until the first load succeeded. */
    caseSetup(categoryId: string): CaseSetup | undefined {
      return policy ? { policy, slaClass: slaClassOf(categoryById.get(categoryId)?.slaClass) } : undefined;
    },
    /** The unit's type (undefined for an unknown unit, or before the first load). */
    unitType(id: string): string | undefined {
      return organisation.units.get(id)?.type;
    },
    /** The dispatch catalogue's full answer (every matching rule) for a case; undefined until the first load. */
    catalogueMatch(categoryId: string, areaUnitId?: string | null): CatalogueMatch | undefined {
      return loaded ? matchCatalogue(rules, organisation, { categoryId, areaUnitId }) : undefined;
    },
    /** The unit the catalogue sends a new case to (exactly one unit matched), or null: a dispatcher decides (also until loaded). */
    matchDispatch(categoryId: string, areaUnitId?: string | null): CatalogueDispatch | null {
      return loaded ? matchCatalogue(rules, organisation, { categoryId, areaUnitId }).dispatch : null;
    },
    /** Units copied when a case is sent to `unitId`: a street's district (抄送); [] for others or before the first load. */
    copiesFor(unitId: string): string[] {
      return copiesFor(unitId, organisation);
    },

    async listUnits(q: UnitQuery): Promise<UnitRow[]> {
      const where: SQL[] = [];
      if (q.type) where.push(eq(units.type, q.type));
      if (q.parentId) where.push(eq(units.parentId, q.parentId));
      if (q.within) {
        const [root] = await db.select({ path: units.path }).from(units).where(eq(units.id, q.within));
        if (!root) throw new DomainError('not_found', `no unit ${q.within}`);
        where.push(or(eq(units.path, root.path), like(units.path, `${root.path}/%`))!);
      }
      return db.select().from(units).where(where.length ? and(...where) : undefined).orderBy(asc(units.path));
    },

    async listCategories(): Promise<CategoryRow[]> {
      return db.select().from(categories).orderBy(asc(categories.id));
    },
  };
}

export type ReferenceService = ReturnType<typeof createReferenceService>;
