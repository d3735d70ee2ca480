import { describe, expect, it } from 'vitest';
import { defaultCasePolicy } from '../db/seed-policy.js';
import { sampleIntake } from '../test/support/domain-fixtures.js';
import { unitTreeOf, type CaseTarget, type Principal, type StaffRole } from './access.js';
import { apply, check, opening } from './case.machine.js';
import { offersFor, STAFF_ACTIONS } from './case.offers.js';
import { GRANTED_ACTIONS, type CaseCommand } from './case.actions.js';
import type { Actor, CaseIntake, CaseState } from './case.types.js';

const T0 = Date.parse('2026-11-16T10:00:00+08:00');
const HOUR = 3_600_000;
const tree = unitTreeOf(
  new Map([
    ['city', 'city'],
    ['d01', 'city/d01'],
    ['d01-s01', 'city/d01/d01-s01'],
    ['d01-s01-c01', 'city/d01/d01-s01/d01-s01-c01'],
    ['d01-s02', 'city/d01/d01-s02'],
  ]),
);
const who = (role: StaffRole, unitId: string | null = 'city'): Principal => ({ id: `${role}@${unitId}`, kind: 'user', roles: [role], unitId });
const system: Actor = { id: 'test', role: 'dispatcher' };

/** A case driven through these commands from its opening (at T0, an hour between steps). */
function caseAfter(commands: CaseCommand[], intake: CaseIntake = sampleIntake({ location: { areaUnitId: 'd01-s01-c01' } })): CaseState {
  let state = opening('HL0000000000000001', intake, { policy: defaultCasePolicy, slaClass: 'general' }, T0, system).state;
  commands.forEach((c, i) => {
    check(state, c, { now: T0 + (i + 1) * HOUR });
    state = apply(state, c, { now: T0 + (i + 1) * HOUR, actor: { ...system, unitId: state.unitId ?? undefined }, policy: defaultCasePolicy }).state;
  });
  return state;
}
const targetOf = (s: CaseState, areaUnitId: string | null = 'd01-s01-c01'): CaseTarget => ({
  id: s.caseId,
  status: s.status,
  unitId: s.unitId,
  areaUnitId,
  copiedUnitIds: s.copiedUnitIds ?? [],
  cooperatingUnitIds: (s.cooperation ?? []).map((p) => p.unitId),
});
const names = (p: Principal, s: CaseState, now = T0 + 10 * HOUR, areaUnitId: string | null = 'd01-s01-c01') =>
  offersFor(p, s, targetOf(s, areaUnitId), tree, now, true).map((o) => o.action);

const dispatch: CaseCommand = { kind: 'dispatch', payload: { unitId: 'd01-s01' } };
const accept: CaseCommand = { kind: 'accept', payload: {} };
const contact: CaseCommand = { kind: 'contact', payload: { method: 'phone' } };
const reply: CaseCommand = { kind: 'reply', payload: { content: '已处理', resolved: true } };

describe('the actions a principal may take on a case now', () => {
  it('are the staff actions with a route: every granted action but the complainant’s rating', () => {
    expect(STAFF_ACTIONS).toEqual(GRANTED_ACTIONS.filter((a) => a !== 'rate'));
  });

  it('follow the case through its life, for each person of it', () => {
    const received = caseAfter([]);
    expect(names(who('intake_agent'), received)).toEqual(['triage']);
    expect(names(who('dispatcher'), received)).toEqual(['dispatch', 'triage']);
    // A district dispatcher of the place's district; another district's does not see it at all.
    expect(names(who('dispatcher', 'd01'), received)).toEqual(['dispatch', 'triage']);
    expect(names(who('dispatcher', 'd01-s02'), received)).toEqual([]);
    expect(names(who('unit_handler', 'd01-s01'), received)).toEqual([]);
    expect(names(who('callback_agent'), received)).toEqual([]);
    expect(names(who('supervisor'), received)).toEqual(['escalate']);

    const dispatched = caseAfter([dispatch]);
    expect(names(who('unit_handler', 'd01-s01'), dispatched)).toEqual(['accept', 'return', 'request_extension']);
    expect(names(who('unit_handler', 'd01-s02'), dispatched)).toEqual([]);
    expect(names(who('dispatcher'), dispatched)).toEqual(['reassign']);
    expect(names(who('supervisor'), dispatched)).toEqual(['escalate', 'reassign', 'urge']);

    const accepted = caseAfter([dispatch, accept]);
    expect(names(who('unit_handler', 'd01-s01'), accepted)).toEqual(['return', 'contact', 'progress', 'request_extension']);
    expect(names(who('unit_leader', 'd01-s01'), accepted)).toEqual(['return', 'contact', 'progress', 'request_extension', 'hold']);

    const contacted = caseAfter([dispatch, accept, contact]);
    expect(names(who('unit_handler', 'd01-s01'), contacted)).toEqual(['progress', 'reply', 'request_extension']);

    const replied = caseAfter([dispatch, accept, contact, reply]);
    expect(names(who('unit_handler', 'd01-s01'), replied)).toEqual([]);
    expect(names(who('callback_agent'), replied)).toEqual(['callback']);
    expect(names(who('dispatcher'), replied)).toEqual([]);
  });

  it('leave out what the rules beyond the state refuse: a closed return window, nobody to contact, a pending extension', () => {
    const accepted = caseAfter([dispatch, accept]);
    // The return window (1 working day from the dispatch) has closed a week later.
    expect(names(who('unit_handler', 'd01-s01'), accepted, T0 + 7 * 24 * HOUR)).not.toContain('return');
    // No phone: no contact step; the unit replies straight from accepted.
    const anonymous = caseAfter([dispatch, accept], sampleIntake({ complainant: { name: '李四' }, location: { areaUnitId: 'd01-s01-c01' } }));
    expect(names(who('unit_handler', 'd01-s01'), anonymous)).toEqual(['return', 'progress', 'reply', 'request_extension']);
    // One extension request at a time; its decision is offered to the unit's leader.
    const asked = caseAfter([dispatch, accept, { kind: 'request_extension', payload: { days: 2, reason: '需协调' } }]);
    expect(names(who('unit_handler', 'd01-s01'), asked)).not.toContain('request_extension');
    expect(names(who('unit_leader', 'd01-s01'), asked)).toContain('decide_extension');
    expect(names(who('unit_leader', 'd01-s01'), accepted)).not.toContain('decide_extension');
  });

  it('a case whose workflow has ended takes nothing, and a complainant is offered nothing here', () => {
    const replied = caseAfter([dispatch, accept, contact, reply]);
    expect(offersFor(who('callback_agent'), replied, targetOf(replied), tree, T0, false)).toEqual([]);
    const citizen: Principal = { id: 'case:HL1', kind: 'complainant', roles: ['complainant'], unitId: null, caseId: replied.caseId };
    expect(offersFor(citizen, replied, targetOf(replied), tree, T0, true)).toEqual([]);
  });

  it('names each offer’s route, message and granting role', () => {
    const accepted = caseAfter([dispatch, accept]);
    const offers = offersFor(who('unit_leader', 'd01-s01'), accepted, targetOf(accepted), tree, T0 + 2 * HOUR, true);
    expect(offers.find((o) => o.action === 'request_extension')).toEqual({ action: 'request_extension', role: 'unit_leader', path: 'extension-requests', message: 'update' });
    const supervised = offersFor(who('supervisor'), accepted, targetOf(accepted), tree, T0 + 2 * HOUR, true);
    expect(supervised.find((o) => o.action === 'urge')).toEqual({ action: 'urge', role: 'supervisor', path: 'urge', message: 'signal' });
  });
});
