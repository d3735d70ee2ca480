import { describe, expect, it } from 'vitest';
import { demoUnits } from '../db/seed-data.js';
import { ancestorOfType, COMPLAINANT_LABEL, recordedName, resolveRecipient, rootUnit, type CaseInfo, type UnitInfo } from './recipients.js';

const units = new Map<string, UnitInfo>(demoUnits.map((u) => [u.id, u]));
const atStreet: CaseInfo = { id: 'HL0000000000000001', unitId: 'd01-s01', areaUnitId: 'd01-s01-c01' };
const notice = (recipient: string, unitId: string | null = 'd01-s01') => ({ caseId: atStreet.id, unitId, recipient });

const name = (r: ReturnType<typeof resolveRecipient>) => {
  if (!r.ok) throw new Error(r.error);
  return r.to.name;
};

describe('resolveRecipient, over the demo city’s unit data', () => {
  it('a unit’s deputy and principal leaders and its hotline desk', () => {
    expect(name(resolveRecipient(notice('deputy_leader'), atStreet, units))).toBe('副主任 袁月华');
    expect(name(resolveRecipient(notice('principal_leader'), atStreet, units))).toBe('主任 邓子明');
    const desk = resolveRecipient(notice('handler', 'd01'), atStreet, units);
    expect(desk).toEqual({
      ok: true,
      to: { role: 'handler', kind: 'desk', name: '江城区人民政府', phone: '0599-8810 1000', unitId: 'd01', unitName: '江城区人民政府' },
    });
    expect(recordedName(desk.ok ? desk.to : (undefined as never))).toBe('江城区人民政府 (0599-8810 1000)');
  });

  it('escalation levels: the unit’s leader, the district above it, the city', () => {
    expect(name(resolveRecipient(notice('unit_leader'), atStreet, units))).toBe('主任 邓子明');
    expect(name(resolveRecipient(notice('district'), atStreet, units))).toBe('区长 胡振华');
    expect(name(resolveRecipient(notice('city'), atStreet, units))).toBe('市长 王建国');
    // From a grid five levels down, the district is still d01's.
    expect(name(resolveRecipient(notice('district', 'd01-s01-c01-g02'), atStreet, units))).toBe('区长 胡振华');
    // A county is a district-type unit too.
    expect(name(resolveRecipient(notice('district', 'd03-s02'), atStreet, units))).toBe('县长 石建国');
  });

  it('the supervising level (the overdue ladder’s level 2): the unit directly above, from the org tree', () => {
    const above = (unitId: string | null, kase: CaseInfo = atStreet) => name(resolveRecipient(notice('supervising_leader', unitId), kase, units));
    expect(above('d01-s01-c01')).toBe('主任 邓子明'); // a community's street
    expect(above('d01-s01-c01-g02')).toBe('书记 叶少华'); // a grid's community
    expect(above('d01-s01')).toBe('区长 胡振华'); // a street's district
    expect(above('d03-s02')).toBe('县长 石建国'); // a town's county
    expect(above('d01')).toBe('市长 王建国'); // a district's city
    expect(above('dept-cg')).toBe('市长 王建国'); // a department's city
    expect(above('hotline-centre')).toBe('市长 王建国'); // the 12345 centre's city
    expect(above('city')).toBe('市长 王建国'); // the root answers for itself
    // Without a notice unit, the case's unit; an unknown unit fails for good; no record yet is retried.
    expect(above(null)).toBe('区长 胡振华');
    expect(resolveRecipient(notice('supervising_leader', 'gone'), atStreet, units)).toMatchObject({ ok: false, retryable: false });
    expect(resolveRecipient(notice('supervising_leader', null), undefined, units)).toMatchObject({ ok: false, retryable: true });
  });

  it('the 12345 centre is a unit of the tree with its own leaders and desk (the callback clock’s owner)', () => {
    expect(name(resolveRecipient(notice('deputy_leader', 'hotline-centre'), atStreet, units))).toBe('副主任 程晓燕');
    expect(name(resolveRecipient(notice('principal_leader', 'hotline-centre'), atStreet, units))).toBe('主任 贺建新');
    expect(name(resolveRecipient(notice('handler', 'hotline-centre'), atStreet, units))).toBe('临江市12345政务服务便民热线中心');
  });

  it('without a notice unit, the case’s unit; without either, the place; a city department falls back to the city', () => {
    expect(name(resolveRecipient(notice('principal_leader', null), atStreet, units))).toBe('主任 邓子明');
    const undispatched: CaseInfo = { id: atStreet.id, unitId: null, areaUnitId: 'd02-s01-c02' };
    expect(name(resolveRecipient(notice('district', null), undispatched, units))).toBe('区长 武宇飞');
    expect(name(resolveRecipient(notice('unit_leader', null), undispatched, units))).toBe('市长 王建国');
    const nowhere: CaseInfo = { id: atStreet.id, unitId: null, areaUnitId: null };
    expect(name(resolveRecipient(notice('district', null), nowhere, units))).toBe('市长 王建国');
    expect(name(resolveRecipient(notice('district', 'dept-cg'), atStreet, units))).toBe('市长 王建国');
  });

  it('names follow the unit data, not code', () => {
    const changed = new Map(units);
    changed.set('d01', { ...units.get('d01')!, principalLeader: '区长 新任者' });
    expect(name(resolveRecipient(notice('district'), atStreet, changed))).toBe('区长 新任者');
  });

  it('the complainant from the case record; recorded only as a label', () => {
    const withContact: CaseInfo = { ...atStreet, complainant: { name: '张三', phone: '13812345678' } };
    const r = resolveRecipient(notice('complainant', null), withContact, units);
    expect(r).toEqual({ ok: true, to: { role: 'complainant', kind: 'complainant', name: '张三', phone: '13812345678', unitId: null, unitName: null } });
    expect(recordedName(r.ok ? r.to : (undefined as never))).toBe(COMPLAINANT_LABEL);
    expect(resolveRecipient(notice('complainant', null), atStreet, units)).toMatchObject({ ok: false, retryable: false });
  });

  it('urging names a unit: its desk; a case at no unit: the city platform’s desk', () => {
    expect(name(resolveRecipient(notice('d02-s03'), atStreet, units))).toBe('东湖区高新街道办事处');
    expect(name(resolveRecipient(notice('dispatch', null), atStreet, units))).toBe('临江市人民政府');
  });

  it('what cannot be resolved: unknown roles and units fail for good, a case not yet recorded is retried', () => {
    expect(resolveRecipient(notice('mayor_himself'), atStreet, units)).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining('unknown recipient') });
    expect(resolveRecipient(notice('handler', 'gone'), atStreet, units)).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining('gone') });
    expect(resolveRecipient(notice('handler', null), undefined, units)).toMatchObject({ ok: false, retryable: true });
    expect(resolveRecipient(notice('complainant', null), undefined, units)).toMatchObject({ ok: false, retryable: true });
    expect(resolveRecipient(notice('city'), atStreet, new Map())).toMatchObject({ ok: false, retryable: false });
  });
});

describe('unit tree helpers', () => {
  it('root and ancestor of a type (itself included; cycles end)', () => {
    expect(rootUnit(units)?.id).toBe('city');
    expect(ancestorOfType(units, 'd01', 'district')?.id).toBe('d01');
    expect(ancestorOfType(units, 'dept-cg', 'district')).toBeUndefined();
    const loop = new Map<string, UnitInfo>([
      ['a', { ...units.get('d01-s01')!, id: 'a', parentId: 'b' }],
      ['b', { ...units.get('d01-s01')!, id: 'b', parentId: 'a' }],
    ]);
    expect(ancestorOfType(loop, 'a', 'district')).toBeUndefined();
  });
});
