import { describe, it, expect } from 'vitest';
import { SLA_CLASSES, UNIT_TYPES } from '../domain/reference.types.js';
import { demoCategories, demoUnits } from './seed-data.js';

const CJK = /[\u4e00-\u9fff]/;

/** Fails with the offending id when a parentId is not an id seen earlier in the array. */
function parentsPrecedeChildren(records: readonly { id: string; parentId: string | null }[]): string[] {
  const seen = new Set<string>();
  const bad: string[] = [];
  for (const r of records) {
    if (r.parentId !== null && !seen.has(r.parentId)) bad.push(r.id);
    seen.add(r.id);
  }
  return bad;
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

describe('demoUnits', () => {
  const byId = new Map(demoUnits.map((u) => [u.id, u]));
  const count = (type: string) => demoUnits.filter((u) => u.type === type).length;

  it('has unique ids', () => {
    expect(duplicates(demoUnits.map((u) => u.id))).toEqual([]);
  });

  it('lists every parent before its children', () => {
    expect(parentsPrecedeChildren(demoUnits)).toEqual([]);
  });

  it('has exactly one city, which is the only root', () => {
    const cities = demoUnits.filter((u) => u.type === 'city');
    expect(cities).toHaveLength(1);
    expect(cities[0]?.parentId).toBeNull();
    expect(demoUnits.filter((u) => u.parentId === null).map((u) => u.id)).toEqual([cities[0]?.id]);
  });

  it('uses only known unit types', () => {
    for (const u of demoUnits) expect(UNIT_TYPES).toContain(u.type);
  });

  it('has enough units of each level', () => {
    expect(count('district')).toBeGreaterThanOrEqual(2);
    expect(count('street')).toBeGreaterThanOrEqual(10);
    expect(count('community')).toBeGreaterThanOrEqual(30);
    expect(count('department')).toBeGreaterThanOrEqual(10);
    expect(count('grid')).toBeGreaterThan(0);
  });

  it('nests territorial levels correctly', () => {
    const parentType = (id: string) => byId.get(byId.get(id)?.parentId ?? '')?.type;
    for (const u of demoUnits) {
      if (u.type === 'district') expect(parentType(u.id), u.id).toBe('city');
      if (u.type === 'street') expect(parentType(u.id), u.id).toBe('district');
      if (u.type === 'community') expect(parentType(u.id), u.id).toBe('street');
      if (u.type === 'grid') expect(parentType(u.id), u.id).toBe('community');
      if (u.type === 'department') expect(['city', 'district']).toContain(parentType(u.id));
    }
  });

  it('has unique office phones', () => {
    expect(duplicates(demoUnits.map((u) => u.officePhone))).toEqual([]);
  });

  it('uses ASCII lowercase dash-separated ids', () => {
    for (const u of demoUnits) expect(u.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('uses Chinese names and leaders', () => {
    for (const u of demoUnits) {
      expect(u.name, u.id).toMatch(CJK);
      expect(u.principalLeader, u.id).toMatch(CJK);
      expect(u.deputyLeader, u.id).toMatch(CJK);
    }
  });
});

describe('demoCategories', () => {
  it('has unique ids', () => {
    expect(duplicates(demoCategories.map((c) => c.id))).toEqual([]);
  });

  it('lists every parent before its children', () => {
    expect(parentsPrecedeChildren(demoCategories)).toEqual([]);
  });

  it('has at least 60 categories and at most three levels', () => {
    expect(demoCategories.length).toBeGreaterThanOrEqual(60);
    for (const c of demoCategories) expect(c.id.split('.').length).toBeLessThanOrEqual(3);
  });

  it('derives each id from its parent id', () => {
    for (const c of demoCategories) {
      if (c.parentId === null) expect(c.id).not.toContain('.');
      else expect(c.id.startsWith(`${c.parentId}.`), c.id).toBe(true);
    }
  });

  it('uses only known SLA classes', () => {
    for (const c of demoCategories) expect(SLA_CLASSES).toContain(c.slaClass);
  });

  it('uses Chinese names', () => {
    for (const c of demoCategories) expect(c.name, c.id).toMatch(CJK);
  });
});
