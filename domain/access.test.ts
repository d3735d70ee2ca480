import { describe, expect, it } from 'vitest';
import { ACCESS, ACTIONS, decide, reachOf, unitTreeOf, listScope, piiLevel, piiVisible, STAFF_ROLES, withinReach, type CaseTarget, type Principal, type StaffRole } from './access.js';

const tree = unitTreeOf(
  new Map([
    ['city', 'city'],
    ['d01', 'city/d01'],
    ['d01-s01', 'city/d01/d01-s01'],
    ['d01-s01-c01', 'city/d01/d01-s01/d01-s01-c01'],
    ['d02', 'city/d02'],
    ['d02-s01', 'city/d02/d02-s01'],
    ['dept-cg', 'city/dept-cg'],
  ]),
);
const who = (roles: StaffRole[], unitId: string | null): Principal => ({ id: 'u', kind: 'user', roles, unitId });
const at = (unitId: string | null, areaUnitId: string | null = null, status = 'accepted'): CaseTarget => ({ id: 'HL1', status, unitId, areaUnitId });

describe('the unit tree', () => {
  it('knows subtrees and the root', () => {
    expect(tree.within('d01-s01-c01', 'd01')).toBe(true);
    expect(tree.within('d01', 'd01')).toBe(true);
    expect(tree.within('d02-s01', 'd01')).toBe(false);
    expect(tree.within('unknown', 'city')).toBe(false);
    expect(tree.isRoot('city')).toBe(true);
    expect(tree.isRoot('d01')).toBe(false);
    expect(tree.subtree('d01').sort()).toEqual(['d01', 'd01-s01', 'd01-s01-c01']);
  });
});

describe('decide', () => {
  it('every role of the domain has a row, and every action someone who may do it', () => {
    expect(Object.keys(ACCESS).sort()).toEqual([...STAFF_ROLES, 'complainant', 'channel'].sort());
    for (const action of ACTIONS) expect(Object.values(ACCESS).some((g) => g[action]), action).toBe(true);
  });

  it('a handler acts on its own unit’s cases; another unit’s case does not exist for it', () => {
    const handler = who(['unit_handler'], 'd01-s01');
    expect(decide(handler, 'case.accept', tree, at('d01-s01'))).toEqual({ outcome: 'allow', role: 'unit_handler' });
    expect(decide(handler, 'case.accept', tree, at('d01-s01-c01')).outcome).toBe('not_found');
    expect(decide(handler, 'case.dispatch', tree, at('d01-s01')).outcome).toBe('forbidden');
  });

  it('a district dispatcher works its subtree, including undispatched cases placed in it; the city platform has the unplaced', () => {
    const district = who(['dispatcher'], 'd01');
    expect(decide(district, 'case.dispatch', tree, at(null, 'd01-s01-c01')).outcome).toBe('allow');
    expect(decide(district, 'case.dispatch', tree, at(null, 'd02-s01')).outcome).toBe('not_found');
    expect(decide(district, 'case.dispatch', tree, at(null, null)).outcome).toBe('not_found');
    expect(decide(who(['dispatcher'], 'city'), 'case.dispatch', tree, at(null, null)).outcome).toBe('allow');
  });

  it('answers with the role that grants, when a person holds several', () => {
    const both = who(['analyst', 'supervisor'], 'd01');
    expect(decide(both, 'case.escalate', tree, at('d01-s01'))).toEqual({ outcome: 'allow', role: 'supervisor' });
    expect(decide(both, 'case.escalate', tree, at('d02-s01')).outcome).toBe('forbidden'); // the analyst sees it
  });

  it('a complainant reads only the case they proved', () => {
    const citizen: Principal = { id: 'case:HL1', kind: 'complainant', roles: ['complainant'], unitId: null, caseId: 'HL1' };
    expect(decide(citizen, 'case.read', tree, at('d01')).outcome).toBe('allow');
    expect(decide(citizen, 'case.read', tree, { ...at('d01'), id: 'HL2' }).outcome).toBe('not_found');
    expect(decide(citizen, 'case.callback', tree, at('d01')).outcome).toBe('forbidden');
    expect(decide(citizen, 'case.list', tree).outcome).toBe('forbidden');
  });
});

describe("a channel's API key", () => {
  const web: Principal = { id: 'apikey:aaaaaaaaaaaa', kind: 'system', roles: ['channel'], unitId: null, channel: { keyId: 'aaaaaaaaaaaa', channel: 'web' } };
  const mine: CaseTarget = { ...at('d01-s01'), channelKeyId: 'aaaaaaaaaaaa' };

  it('opens cases and reads only the ones it handed over', () => {
    expect(decide(web, 'case.open', tree)).toEqual({ outcome: 'allow', role: 'channel' });
    expect(decide(web, 'case.read', tree, mine)).toEqual({ outcome: 'allow', role: 'channel' });
    expect(decide(web, 'case.read', tree, { ...mine, channelKeyId: 'bbbbbbbbbbbb' }).outcome).toBe('not_found');
    expect(decide(web, 'case.read', tree, at('d01-s01')).outcome).toBe('not_found'); // opened by staff
    expect(decide(web, 'case.events', tree, mine).outcome).toBe('forbidden');
    expect(decide(web, 'case.accept', tree, mine).outcome).toBe('forbidden');
    expect(decide(web, 'catalogue.read', tree).outcome).toBe('forbidden');
  });

  it('lists its own cases, and sees nobody in clear', () => {
    expect(listScope(web, tree)).toEqual({ all: false, unitIds: [], placeUnitIds: [], involvedUnitIds: [], openedByKeyId: 'aaaaaaaaaaaa' });
    expect(piiLevel(web, mine, tree)).toBe('masked');
    // A principal with the role but no key (not one verify() makes) reads nothing.
    const keyless: Principal = { ...web, channel: undefined } as Principal;
    expect(decide(keyless, 'case.read', tree, mine).outcome).toBe('not_found');
  });
});

describe('piiVisible', () => {
  it('handlers of the case’s unit, callback agents at callback time, nobody else', () => {
    expect(piiVisible(who(['unit_handler'], 'd01-s01'), at('d01-s01'), tree)).toBe(true);
    expect(piiVisible(who(['unit_handler'], 'd01-s01'), at('d02-s01'), tree)).toBe(false);
    expect(piiVisible(who(['callback_agent'], 'city'), at('d01-s01', null, 'replied'), tree)).toBe(true);
    expect(piiVisible(who(['callback_agent'], 'city'), at('d01-s01', null, 'contacted'), tree)).toBe(false);
    for (const role of ['intake_agent', 'dispatcher', 'supervisor', 'reviewer', 'analyst', 'admin'] as const) {
      expect(piiVisible(who([role], 'city'), at('d01-s01', null, 'replied'), tree), role).toBe(false);
    }
  });
});

describe('piiLevel', () => {
  // A case at the street d01-s01, copied to its district d01, with the city management bureau cooperating.
  const joint: CaseTarget = { ...at('d01-s01'), copiedUnitIds: ['d01'], cooperatingUnitIds: ['dept-cg'] };

  it('all for the unit that has the case; the place for a cooperating unit; nothing for a copied district', () => {
    for (const role of ['unit_handler', 'unit_leader'] as const) {
      expect(piiLevel(who([role], 'd01-s01'), joint, tree), role).toBe('all');
      expect(piiLevel(who([role], 'dept-cg'), joint, tree), role).toBe('place');
      expect(piiLevel(who([role], 'd01'), joint, tree), role).toBe('masked');
      expect(piiVisible(who([role], 'd01'), joint, tree), role).toBe(false);
    }
    // Reading the case (the district follows it) is not handling it.
    expect(decide(who(['unit_leader'], 'd01'), 'case.read', tree, joint).outcome).toBe('allow');
  });

  it('the best of the roles a person holds, and nothing for a case none of them reads', () => {
    expect(piiLevel(who(['supervisor', 'unit_handler'], 'd01-s01'), joint, tree)).toBe('all');
    expect(piiLevel(who(['unit_handler'], 'd02-s01'), joint, tree)).toBe('masked');
    expect(piiLevel(who(['callback_agent'], 'city'), { ...joint, status: 'replied' }, tree)).toBe('all');
  });

  it('the complainant sees their own case, not another', () => {
    const citizen: Principal = { id: 'case:HL1', kind: 'complainant', roles: ['complainant'], unitId: null, caseId: 'HL1' };
    expect(piiLevel(citizen, joint, tree)).toBe('all');
    expect(piiLevel(citizen, { ...joint, id: 'HL2' }, tree)).toBe('masked');
  });
});

describe('a complainant', () => {
  it('reads their case (the public view) and rates it; not the staff timeline, not related cases', () => {
    const citizen: Principal = { id: 'case:HL1', kind: 'complainant', roles: ['complainant'], unitId: null, caseId: 'HL1' };
    expect(decide(citizen, 'case.read', tree, at('d01')).outcome).toBe('allow');
    expect(decide(citizen, 'case.rate', tree, at('d01')).outcome).toBe('allow');
    expect(decide(citizen, 'case.events', tree, at('d01')).outcome).toBe('forbidden');
    expect(decide(citizen, 'case.related', tree, at('d01')).outcome).toBe('forbidden');
  });
});

describe('listScope', () => {
  it('scopes notices as cases: a district supervisor its subtree, admins and the city everything', () => {
    expect(listScope(who(['supervisor'], 'd01'), tree, 'notification.read')).toEqual(listScope(who(['supervisor'], 'd01'), tree));
    expect(listScope(who(['supervisor'], 'city'), tree, 'notification.read')).toEqual({ all: true });
    expect(listScope(who(['admin'], 'city'), tree, 'notification.read')).toEqual({ all: true });
    // No notification.read: nothing (the route refuses it before, with 403).
    expect(listScope(who(['unit_handler'], 'd01-s01'), tree, 'notification.read')).toEqual({ all: false, unitIds: [], placeUnitIds: [], involvedUnitIds: [] });
  });


  it('city roles see all; a subtree its units and unplaced-by-unit cases placed there; a unit its own', () => {
    expect(listScope(who(['analyst'], 'city'), tree)).toEqual({ all: true });
    expect(listScope(who(['supervisor'], 'city'), tree)).toEqual({ all: true });
    const d01 = listScope(who(['supervisor'], 'd01'), tree);
    expect(d01.all).toBe(false);
    if (!d01.all) expect(d01.unitIds.sort()).toEqual(['d01', 'd01-s01', 'd01-s01-c01']);
    // A unit's list: its own cases, and those it cooperates on or receives a copy of.
    expect(listScope(who(['unit_handler'], 'd02-s01'), tree)).toEqual({ all: false, unitIds: ['d02-s01'], placeUnitIds: [], involvedUnitIds: ['d02-s01'] });
    expect(listScope(who(['unit_handler'], null), tree)).toEqual({ all: false, unitIds: [], placeUnitIds: [], involvedUnitIds: [] });
  });
});

describe('reachOf (the assessment)', () => {
  it('analysts, supervisors and admins read every unit; a unit leader its subtree; handlers and the other roles nothing', () => {
    expect(reachOf(who(['analyst'], 'city'), 'assessment.read', tree)).toEqual({ all: true });
    expect(reachOf(who(['supervisor'], 'd01'), 'assessment.read', tree)).toEqual({ all: true });
    expect(reachOf(who(['admin'], 'city'), 'assessment.read', tree)).toEqual({ all: true });
    const leader = reachOf(who(['unit_leader'], 'd01'), 'assessment.read', tree)!;
    expect(leader).toEqual({ all: false, unitId: 'd01' });
    expect(withinReach(leader, 'd01-s01-c01', tree)).toBe(true);
    expect(withinReach(leader, 'd02-s01', tree)).toBe(false);
    // A leader at the root reads everything; one without a unit nothing.
    expect(reachOf(who(['unit_leader'], 'city'), 'assessment.read', tree)).toEqual({ all: true });
    expect(reachOf(who(['unit_leader'], null), 'assessment.read', tree)).toBeNull();
    for (const role of ['unit_handler', 'intake_agent', 'dispatcher', 'callback_agent', 'reviewer'] as const) {
      expect(reachOf(who([role], 'd01'), 'assessment.read', tree), role).toBeNull();
    }
  });

  it('publishing: admins anywhere, a supervisor within their subtree; policy versions only admins', () => {
    expect(reachOf(who(['admin'], 'city'), 'assessment.publish', tree)).toEqual({ all: true });
    expect(reachOf(who(['supervisor'], 'd01'), 'assessment.publish', tree)).toEqual({ all: false, unitId: 'd01' });
    expect(reachOf(who(['supervisor'], 'city'), 'assessment.publish', tree)).toEqual({ all: true });
    expect(reachOf(who(['analyst', 'unit_leader'], 'd01'), 'assessment.publish', tree)).toBeNull();
    expect(STAFF_ROLES.filter((r) => ACCESS[r]['assessment_policy.write'])).toEqual(['admin']);
  });
});
