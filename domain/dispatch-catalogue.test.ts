import { describe, expect, it } from 'vitest';
import { unitTreeOf, type Principal, type StaffRole } from './access.js';
import { copiesFor, matchCatalogue, mayWriteRule, organisationOf, type DispatchRuleRecord, type Organisation } from './dispatch-catalogue.js';

const UNITS = [
  { id: 'city', type: 'city', parentId: null },
  { id: 'd01', type: 'district', parentId: 'city' },
  { id: 'd01-s01', type: 'street', parentId: 'd01' },
  { id: 'd01-s01-c01', type: 'community', parentId: 'd01-s01' },
  { id: 'd01-s01-c01-g01', type: 'grid', parentId: 'd01-s01-c01' },
  { id: 'd01-s02', type: 'street', parentId: 'd01' },
  { id: 'd01-s02-c01', type: 'community', parentId: 'd01-s02' },
  { id: 'd02', type: 'district', parentId: 'city' },
  { id: 'd02-s01', type: 'street', parentId: 'd02' },
  { id: 'd02-s01-c01', type: 'community', parentId: 'd02-s01' },
  { id: 'dept-cg', type: 'department', parentId: 'city' },
  { id: 'dept-sthj', type: 'department', parentId: 'city' },
  { id: 'd01-dept-zj', type: 'department', parentId: 'd01' },
  // A street hung directly under the city (bad data, or a development zone without a district).
  { id: 'zone-s01', type: 'street', parentId: 'city' },
];
const CATEGORIES = [
  { id: 'env', parentId: null },
  { id: 'env.noise', parentId: 'env' },
  { id: 'env.noise.construction', parentId: 'env.noise' },
  { id: 'env.noise.living', parentId: 'env.noise' },
  // Shares the text prefix "env.noise" but is not below it.
  { id: 'env.noisecontrol', parentId: 'env' },
  // Below env.noise although its id does not say so: the parent chain decides, not the text.
  { id: 'misc.loud-music', parentId: 'env.noise' },
  { id: 'env.air', parentId: 'env' },
  { id: 'sanitation', parentId: null },
  { id: 'sanitation.garbage', parentId: 'sanitation' },
];
const org: Organisation = organisationOf(UNITS, CATEGORIES);

let n = 0;
function rule(over: Partial<DispatchRuleRecord> & Pick<DispatchRuleRecord, 'categoryId'>): DispatchRuleRecord {
  return { id: `r${String(++n).padStart(3, '0')}`, areaUnitId: null, unitId: null, unitType: null, note: null, active: true, ...over };
}

const at = (categoryId: string, areaUnitId?: string | null) => ({ categoryId, areaUnitId });
const unitsOf = (m: ReturnType<typeof matchCatalogue>) => m.candidates.map((c) => c.unitId);

describe('matchCatalogue: category', () => {
  it('a rule matches its own category and every category below it, at each level', () => {
    for (const categoryId of ['env', 'env.noise', 'env.noise.construction']) {
      const r = rule({ categoryId, unitId: 'dept-sthj' });
      expect(matchCatalogue([r], org, at('env.noise.construction', 'd01-s01-c01')).dispatch, categoryId).toEqual({ unitId: 'dept-sthj', ruleId: r.id, copyTo: [] });
    }
  });

  it('a rule does not match a parent or a sibling category', () => {
    const r = rule({ categoryId: 'env.noise.construction', unitId: 'dept-sthj' });
    expect(matchCatalogue([r], org, at('env.noise')).candidates).toEqual([]);
    expect(matchCatalogue([r], org, at('env.noise.living')).candidates).toEqual([]);
    expect(matchCatalogue([r], org, at('env')).candidates).toEqual([]);
  });

  it('follows the parentId chain, not the text of the id', () => {
    const r = rule({ categoryId: 'env.noise', unitId: 'dept-sthj' });
    expect(matchCatalogue([r], org, at('env.noisecontrol')).candidates).toEqual([]);
    expect(matchCatalogue([r], org, at('misc.loud-music')).dispatch?.unitId).toBe('dept-sthj');
  });

  it('an unknown category matches nothing (not even a rule naming it)', () => {
    const r = rule({ categoryId: 'env.unknown', unitId: 'dept-sthj' });
    const top = rule({ categoryId: 'env', unitId: 'dept-sthj' });
    expect(matchCatalogue([r, top], org, at('env.unknown', 'd01')).candidates).toEqual([]);
  });
});

describe('matchCatalogue: area', () => {
  const d01 = rule({ categoryId: 'env', areaUnitId: 'd01', unitId: 'dept-cg' });
  const s01 = rule({ categoryId: 'env', areaUnitId: 'd01-s01', unitId: 'dept-cg' });

  it('covers the area unit itself and its whole subtree', () => {
    for (const place of ['d01', 'd01-s01', 'd01-s01-c01', 'd01-s01-c01-g01', 'd01-s02-c01']) {
      expect(matchCatalogue([d01], org, at('env.air', place)).dispatch?.ruleId, place).toBe(d01.id);
    }
  });

  it('does not cover places outside it or above it', () => {
    expect(matchCatalogue([d01], org, at('env.air', 'd02-s01-c01')).candidates).toEqual([]);
    expect(matchCatalogue([d01], org, at('env.air', 'city')).candidates).toEqual([]);
    expect(matchCatalogue([s01], org, at('env.air', 'd01')).candidates).toEqual([]);
    expect(matchCatalogue([s01], org, at('env.air', 'd01-s02-c01')).candidates).toEqual([]);
  });

  it('a rule without an area matches anywhere, and a case without a place matches only such rules', () => {
    const anywhere = rule({ categoryId: 'env', unitId: 'dept-sthj' });
    for (const place of [undefined, null, 'city', 'd02-s01-c01', 'd01-s01-c01-g01']) {
      expect(unitsOf(matchCatalogue([anywhere, d01], org, at('env.air', place))), String(place)).toContain('dept-sthj');
    }
    expect(matchCatalogue([anywhere, d01], org, at('env.air')).dispatch).toEqual({ unitId: 'dept-sthj', ruleId: anywhere.id, copyTo: [] });
    expect(matchCatalogue([d01], org, at('env.air', null)).candidates).toEqual([]);
  });

  it('an unknown place is treated as no place', () => {
    const anywhere = rule({ categoryId: 'env', unitId: 'dept-sthj' });
    const byStreet = rule({ categoryId: 'env', unitType: 'street' });
    expect(matchCatalogue([anywhere, d01, byStreet], org, at('env.air', 'd09-s01')).candidates).toEqual([{ ruleId: anywhere.id, unitId: 'dept-sthj' }]);
  });
});

describe('matchCatalogue: unit type by place', () => {
  it('resolves the ancestor-or-self of the place that has the type', () => {
    const cases: Array<[string, string, string]> = [
      ['street', 'd01-s01-c01-g01', 'd01-s01'],
      ['street', 'd01-s01-c01', 'd01-s01'],
      ['street', 'd01-s01', 'd01-s01'],
      ['community', 'd01-s01-c01-g01', 'd01-s01-c01'],
      ['district', 'd02-s01-c01', 'd02'],
      ['grid', 'd01-s01-c01-g01', 'd01-s01-c01-g01'],
    ];
    for (const [unitType, place, expected] of cases) {
      const r = rule({ categoryId: 'sanitation', unitType });
      expect(matchCatalogue([r], org, at('sanitation.garbage', place)).dispatch?.unitId, `${unitType} of ${place}`).toBe(expected);
    }
  });

  it('yields no unit, and so no match, when the place has no unit of the type or there is no place', () => {
    const street = rule({ categoryId: 'sanitation', unitType: 'street' });
    const grid = rule({ categoryId: 'sanitation', unitType: 'grid' });
    expect(matchCatalogue([street], org, at('sanitation.garbage', 'd01')).candidates).toEqual([]);
    expect(matchCatalogue([street], org, at('sanitation.garbage', 'city')).candidates).toEqual([]);
    expect(matchCatalogue([grid], org, at('sanitation.garbage', 'd01-s02-c01')).candidates).toEqual([]);
    expect(matchCatalogue([street], org, at('sanitation.garbage')).candidates).toEqual([]);
    // The unresolved rule does not make the other one ambiguous.
    const cg = rule({ categoryId: 'sanitation.garbage', unitId: 'dept-cg' });
    expect(matchCatalogue([street, cg], org, at('sanitation.garbage', 'd01')).dispatch?.unitId).toBe('dept-cg');
  });

  it('a rule naming a unit that does not exist matches nothing', () => {
    const r = rule({ categoryId: 'env', unitId: 'dept-gone' });
    expect(matchCatalogue([r], org, at('env.air', 'd01')).candidates).toEqual([]);
  });
});

describe('matchCatalogue: one unit or several', () => {
  it('several rules naming the same unit dispatch, reporting the deepest category', () => {
    const top = rule({ categoryId: 'env', unitId: 'dept-sthj' });
    const mid = rule({ categoryId: 'env.noise', areaUnitId: 'd01-s01-c01', unitId: 'dept-sthj' });
    const leaf = rule({ categoryId: 'env.noise.construction', unitId: 'dept-sthj' });
    const m = matchCatalogue([top, mid, leaf], org, at('env.noise.construction', 'd01-s01-c01-g01'));
    expect(m.dispatch).toEqual({ unitId: 'dept-sthj', ruleId: leaf.id, copyTo: [] });
    expect(m.candidates.map((c) => c.ruleId)).toEqual([leaf.id, mid.id, top.id]);
  });

  it('on equal category depth the deepest area wins, then the smallest id', () => {
    const anywhere = rule({ categoryId: 'env.noise', unitId: 'dept-sthj' });
    const district = rule({ categoryId: 'env.noise', areaUnitId: 'd01', unitId: 'dept-sthj' });
    const street = rule({ categoryId: 'env.noise', areaUnitId: 'd01-s01', unitId: 'dept-sthj' });
    expect(matchCatalogue([anywhere, district, street], org, at('env.noise.living', 'd01-s01-c01')).dispatch?.ruleId).toBe(street.id);
    expect(matchCatalogue([anywhere, district, street], org, at('env.noise.living', 'd01-s02')).dispatch?.ruleId).toBe(district.id);
    const a = { ...rule({ categoryId: 'env.noise', unitId: 'dept-sthj' }), id: 'rule-b' };
    const b = { ...rule({ categoryId: 'env.noise', unitId: 'dept-sthj' }), id: 'rule-a' };
    expect(matchCatalogue([a, b], org, at('env.noise.living')).dispatch?.ruleId).toBe('rule-a');
  });

  it('a rule by type and a rule by unit that resolve to the same unit count as one unit', () => {
    const byType = rule({ categoryId: 'sanitation', unitType: 'street' });
    const byUnit = rule({ categoryId: 'sanitation', areaUnitId: 'd01-s01', unitId: 'd01-s01' });
    const m = matchCatalogue([byType, byUnit], org, at('sanitation.garbage', 'd01-s01-c01'));
    expect(m.dispatch).toEqual({ unitId: 'd01-s01', ruleId: byUnit.id, copyTo: ['d01'] });
  });

  it('rules naming two units leave the case for a dispatcher, listing both', () => {
    const sthj = rule({ categoryId: 'env.noise.construction', unitId: 'dept-sthj' });
    const zj = rule({ categoryId: 'env.noise', areaUnitId: 'd01', unitId: 'd01-dept-zj' });
    const m = matchCatalogue([sthj, zj], org, at('env.noise.construction', 'd01-s01-c01'));
    expect(m.dispatch).toBeNull();
    expect(m.candidates).toEqual([
      { ruleId: sthj.id, unitId: 'dept-sthj' },
      { ruleId: zj.id, unitId: 'd01-dept-zj' },
    ]);
    // Outside d01 only one of them applies.
    expect(matchCatalogue([sthj, zj], org, at('env.noise.construction', 'd02-s01')).dispatch?.unitId).toBe('dept-sthj');
  });

  it('no rule: no candidates and no dispatch', () => {
    expect(matchCatalogue([], org, at('env.air', 'd01'))).toEqual({ candidates: [], dispatch: null });
  });

  it('ignores inactive rules', () => {
    const off = rule({ categoryId: 'env.noise.construction', unitId: 'dept-cg', active: false });
    const on = rule({ categoryId: 'env', unitId: 'dept-sthj' });
    expect(matchCatalogue([off, on], org, at('env.noise.construction', 'd01')).candidates).toEqual([{ ruleId: on.id, unitId: 'dept-sthj' }]);
    expect(matchCatalogue([off], org, at('env.noise.construction', 'd01')).dispatch).toBeNull();
  });

  it('copies the district when the catalogue sends the case to a street', () => {
    const r = rule({ categoryId: 'sanitation', unitType: 'street' });
    expect(matchCatalogue([r], org, at('sanitation.garbage', 'd02-s01-c01')).dispatch).toEqual({ unitId: 'd02-s01', ruleId: r.id, copyTo: ['d02'] });
  });
});

describe('matchCatalogue: bad data', () => {
  it('terminates on cycles in the unit tree and the taxonomy', () => {
    const cyclic = organisationOf(
      [
        { id: 'a', type: 'street', parentId: 'b' },
        { id: 'b', type: 'community', parentId: 'a' },
        { id: 'self', type: 'street', parentId: 'self' },
      ],
      [
        { id: 'x', parentId: 'y' },
        { id: 'y', parentId: 'x' },
      ],
    );
    const byType = rule({ categoryId: 'y', unitType: 'district' });
    const area = rule({ categoryId: 'x', areaUnitId: 'b', unitId: 'a' });
    expect(matchCatalogue([byType, area], cyclic, at('x', 'a')).dispatch).toEqual({ unitId: 'a', ruleId: area.id, copyTo: [] });
    expect(copiesFor('self', cyclic)).toEqual([]);
    expect(copiesFor('a', cyclic)).toEqual([]);
  });
});

describe('copiesFor', () => {
  it("a street copies its district; communities, grids, districts and departments copy nobody", () => {
    expect(copiesFor('d01-s01', org)).toEqual(['d01']);
    expect(copiesFor('d02-s01', org)).toEqual(['d02']);
    expect(copiesFor('d01-s01-c01', org)).toEqual([]);
    expect(copiesFor('d01-s01-c01-g01', org)).toEqual([]);
    expect(copiesFor('d01', org)).toEqual([]);
    expect(copiesFor('dept-cg', org)).toEqual([]);
    expect(copiesFor('d01-dept-zj', org)).toEqual([]);
  });

  it('a street whose parent is not a district, or an unknown unit, copies nobody', () => {
    expect(copiesFor('zone-s01', org)).toEqual([]);
    expect(copiesFor('nowhere', org)).toEqual([]);
  });
});

describe('mayWriteRule', () => {
  const tree = unitTreeOf(new Map([
    ['city', 'city'],
    ['d01', 'city/d01'],
    ['d01-s02', 'city/d01/d01-s02'],
    ['d02', 'city/d02'],
  ]));
  const p = (roles: StaffRole[], unitId: string | null): Principal => ({ id: 'u', kind: 'user', roles, unitId });

  it('an admin may write any rule', () => {
    for (const area of [null, 'd01', 'd02']) expect(mayWriteRule(p(['admin'], 'city'), area, tree)).toBe(true);
  });

  it("a district's dispatcher only rules whose area lies in the district", () => {
    const d = p(['dispatcher'], 'd01');
    expect(mayWriteRule(d, 'd01', tree)).toBe(true);
    expect(mayWriteRule(d, 'd01-s02', tree)).toBe(true);
    expect(mayWriteRule(d, 'd02', tree)).toBe(false);
    expect(mayWriteRule(d, null, tree)).toBe(false);
    expect(mayWriteRule(d, 'unknown', tree)).toBe(false);
  });

  it("the city platform's dispatcher may write any rule, a dispatcher without a unit none", () => {
    expect(mayWriteRule(p(['dispatcher'], 'city'), null, tree)).toBe(true);
    expect(mayWriteRule(p(['dispatcher'], 'city'), 'd02', tree)).toBe(true);
    expect(mayWriteRule(p(['dispatcher'], null), 'd01', tree)).toBe(false);
  });

  it('roles without catalogue.write may not; any one role that may is enough', () => {
    expect(mayWriteRule(p(['unit_handler', 'supervisor', 'intake_agent'], 'city'), 'd01', tree)).toBe(false);
    expect(mayWriteRule(p(['dispatcher', 'admin'], 'd01'), 'd02', tree)).toBe(true);
  });
});
