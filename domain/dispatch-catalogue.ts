/**
 * The dispatch catalogue (派单目录): which unit a case goes to, from its category and its place. Pure rules over
 * plain data; the API (from its reference cache), the worker's activity (from the database) and the tests call
 * the same functions.
 *
 * A rule matches a case when
 * - it is active;
 * - its category is the case's category or an ancestor of it (by the taxonomy's parentId chain, not by the text
 *   of the id: `env.noise` matches `env.noise.construction`);
 * - its area is null (anywhere), or the case's place is that unit or lies below it (a case without a place only
 *   matches rules without an area);
 * - its target resolves: a fixed unit (`unitId`), or the unit of `unitType` that the place belongs to (the
 *   ancestor-or-self of the place of that type: 'street' is "the street office of the place"). A rule by type
 *   for a case without a place, or whose place has no unit of that type above it, does not match.
 *
 * The case is dispatched automatically when its matching rules resolve to exactly one unit (however many rules
 * say so); with none or several units a dispatcher decides. The rule reported for an automatic dispatch is the
 * most specific of those naming the unit: deepest category, then deepest area, then the smallest id.
 *
 * Copies (抄送): a case sent straight to a street copies that street's district.
 */
import { ACCESS, type Principal, type UnitTree } from './access.js';
import type { CatalogueDispatch } from './policy.types.js';

/** Unit types a rule may resolve by place (the territorial levels below the city). */
export const RULE_UNIT_TYPES = ['district', 'street', 'community', 'grid'] as const;
export type RuleUnitType = (typeof RULE_UNIT_TYPES)[number];

export interface DispatchRuleRecord {
  id: string;
  categoryId: string;
  /** The area the rule covers: this unit and everything below it; null: anywhere. */
  areaUnitId: string | null;
  /** Exactly one of unitId and unitType is set. */
  unitId: string | null;
  unitType: string | null;
  note: string | null;
  active: boolean;
}

/** The organisation and taxonomy as the catalogue needs them. */
export interface Organisation {
  units: ReadonlyMap<string, { type: string; parentId: string | null }>;
  /** Category id → parent category id (null for a top-level category). */
  categories: ReadonlyMap<string, string | null>;
}

export interface CatalogueCase {
  categoryId: string;
  /** The case's place (a unit of the territorial tree); absent or null when not known. */
  areaUnitId?: string | null;
}

export interface CatalogueCandidate {
  ruleId: string;
  unitId: string;
}

export interface CatalogueMatch {
  /** Every matching rule and the unit it resolves to, the most specific rule first. */
  candidates: CatalogueCandidate[];
  /** Set when the candidates name exactly one unit. */
  dispatch: CatalogueDispatch | null;
}

/** The organisation from unit and category rows (as the database or the seed has them). */
export function organisationOf(
  units: Iterable<{ id: string; type: string; parentId: string | null }>,
  categories: Iterable<{ id: string; parentId: string | null }>,
): Organisation {
  return {
    units: new Map([...units].map((u) => [u.id, { type: u.type, parentId: u.parentId }])),
    categories: new Map([...categories].map((c) => [c.id, c.parentId])),
  };
}

/**
 * `id` and its ancestors, nearest first, following `parentOf`. Stops at an unknown id (which is not included) and
 * at a cycle, so bad data can never loop.
 */
function ancestry(id: string | null | undefined, parentOf: (id: string) => string | null | undefined): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  let cur = id ?? null;
  while (cur !== null && !seen.has(cur)) {
    const parent = parentOf(cur);
    if (parent === undefined) break; // unknown id
    chain.push(cur);
    seen.add(cur);
    cur = parent;
  }
  return chain;
}

const unitChain = (org: Organisation, id: string | null | undefined) => ancestry(id, (u) => (org.units.has(u) ? (org.units.get(u)!.parentId ?? null) : undefined));
const categoryChain = (org: Organisation, id: string) => ancestry(id, (c) => (org.categories.has(c) ? (org.categories.get(c) ?? null) : undefined));

/** Depth from the root (0 for a root); -1 for an unknown id. */
const unitDepth = (org: Organisation, id: string) => unitChain(org, id).length - 1;

/** The unit a rule sends the case to, given the place's chain (self first), or null when it resolves to none. */
function targetOf(rule: DispatchRuleRecord, org: Organisation, place: readonly string[]): string | null {
  if (rule.unitId !== null) return org.units.has(rule.unitId) ? rule.unitId : null;
  if (rule.unitType === null) return null;
  return place.find((u) => org.units.get(u)?.type === rule.unitType) ?? null;
}

/** The units that receive a copy when a case is sent to `unitId`: a street's district, else none. */
export function copiesFor(unitId: string, org: Organisation): string[] {
  const unit = org.units.get(unitId);
  if (unit?.type !== 'street' || unit.parentId === null || unit.parentId === unitId) return [];
  return org.units.get(unit.parentId)?.type === 'district' ? [unit.parentId] : [];
}

/** The catalogue's answer for a case: every matching rule, and the dispatch when they agree on one unit. */
export function matchCatalogue(rules: readonly DispatchRuleRecord[], org: Organisation, c: CatalogueCase): CatalogueMatch {
  const categories = categoryChain(org, c.categoryId);
  const place = unitChain(org, c.areaUnitId);
  const matched: Array<CatalogueCandidate & { categoryDepth: number; areaDepth: number }> = [];
  for (const rule of rules) {
    if (!rule.active) continue;
    const catIndex = categories.indexOf(rule.categoryId);
    if (catIndex < 0) continue;
    if (rule.areaUnitId !== null && !place.includes(rule.areaUnitId)) continue;
    const unitId = targetOf(rule, org, place);
    if (unitId === null) continue;
    matched.push({
      ruleId: rule.id,
      unitId,
      // Nearer the case's own category is deeper in the taxonomy.
      categoryDepth: categories.length - 1 - catIndex,
      areaDepth: rule.areaUnitId === null ? -1 : unitDepth(org, rule.areaUnitId),
    });
  }
  matched.sort((a, b) => b.categoryDepth - a.categoryDepth || b.areaDepth - a.areaDepth || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  const candidates = matched.map(({ ruleId, unitId }) => ({ ruleId, unitId }));
  const units = new Set(candidates.map((m) => m.unitId));
  const best = candidates[0];
  const dispatch = units.size === 1 && best ? { unitId: best.unitId, ruleId: best.ruleId, copyTo: copiesFor(best.unitId, org) } : null;
  return { candidates, dispatch };
}

/**
 * Whether the principal may create, change or delete a rule covering `areaUnitId` (null: anywhere). A role with
 * city scope for `catalogue.write` may touch any rule; one with subtree scope (a district's dispatcher) only rules
 * whose area lies in the principal's unit's subtree, unless that unit is the root. Any of the principal's roles
 * may allow it.
 */
export function mayWriteRule(p: Principal, areaUnitId: string | null, tree: UnitTree): boolean {
  return p.roles.some((role) => {
    const scope = ACCESS[role]?.['catalogue.write'];
    if (scope === 'city') return true;
    if (scope !== 'subtree' || p.unitId === null) return false;
    if (tree.isRoot(p.unitId)) return true;
    return areaUnitId !== null && tree.within(areaUnitId, p.unitId);
  });
}
