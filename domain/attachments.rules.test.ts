import { describe, expect, it } from 'vitest';
import { attachStage, mayDetach, publicSource, visibleToComplainant } from './attachments.rules.js';

describe('attachStage', () => {
  it('intake staff add at intake until a unit signs for the case', () => {
    expect(attachStage(['intake_agent'], 'received')).toEqual({ outcome: 'allow', stage: 'intake', role: 'intake_agent' });
    expect(attachStage(['dispatcher'], 'dispatched')).toMatchObject({ outcome: 'allow', stage: 'intake' });
    expect(attachStage(['intake_agent'], 'accepted')).toEqual({ outcome: 'wrong_state', stage: 'intake', statuses: ['received', 'returned', 'dispatched'] });
  });

  it('the handling unit adds working photos while it handles, and reply photos also just after its reply', () => {
    expect(attachStage(['unit_handler'], 'contacted')).toMatchObject({ outcome: 'allow', stage: 'handling' });
    expect(attachStage(['unit_leader'], 'on_hold', 'reply')).toMatchObject({ outcome: 'allow', stage: 'reply', role: 'unit_leader' });
    // After the reply, an upload without a stage goes with the reply.
    expect(attachStage(['unit_handler'], 'replied')).toMatchObject({ outcome: 'allow', stage: 'reply' });
    expect(attachStage(['unit_handler'], 'replied', 'handling')).toMatchObject({ outcome: 'wrong_state', stage: 'handling' });
    expect(attachStage(['unit_handler'], 'dispatched')).toMatchObject({ outcome: 'wrong_state', stage: 'handling' });
    expect(attachStage(['unit_handler'], 'closed')).toMatchObject({ outcome: 'wrong_state' });
  });

  it('the complainant adds until the case is closed', () => {
    expect(attachStage(['complainant'], 'replied')).toMatchObject({ outcome: 'allow', stage: 'complainant' });
    expect(attachStage(['complainant'], 'closed')).toMatchObject({ outcome: 'wrong_state', stage: 'complainant' });
  });

  it('a stage that is not the caller’s is forbidden, naming theirs', () => {
    expect(attachStage(['unit_handler'], 'accepted', 'intake')).toEqual({ outcome: 'forbidden', stages: ['handling', 'reply'] });
    expect(attachStage(['complainant'], 'accepted', 'reply')).toEqual({ outcome: 'forbidden', stages: ['complainant'] });
    expect(attachStage([], 'accepted')).toEqual({ outcome: 'forbidden', stages: [] });
  });

  it('someone with several roles gets the first stage that fits the state', () => {
    expect(attachStage(['intake_agent', 'unit_handler'], 'received')).toMatchObject({ stage: 'intake', role: 'intake_agent' });
    expect(attachStage(['intake_agent', 'unit_handler'], 'accepted')).toMatchObject({ stage: 'handling', role: 'unit_handler' });
  });
});

describe('mayDetach', () => {
  const staff = { kind: 'staff' as const, id: 'u-1', unitId: 'd01-s01' };
  it('who added it, while the case is open', () => {
    expect(mayDetach({ id: 'u-1', roles: ['unit_handler'] }, staff, 'contacted')).toEqual({ outcome: 'allow' });
    expect(mayDetach({ id: 'u-1', roles: ['unit_handler'] }, staff, 'closed')).toEqual({ outcome: 'wrong_state' });
    expect(mayDetach({ id: 'u-2', roles: ['unit_leader'] }, staff, 'contacted')).toMatchObject({ outcome: 'forbidden' });
    expect(mayDetach({ id: 'case:HL1', roles: ['complainant'] }, staff, 'contacted')).toMatchObject({ outcome: 'forbidden' });
    expect(mayDetach({ id: 'case:HL1', roles: ['complainant'] }, { kind: 'complainant', id: 'case:HL1' }, 'replied')).toEqual({ outcome: 'allow' });
  });

  it('a supervisor any, at any time', () => {
    expect(mayDetach({ id: 's-1', roles: ['supervisor'] }, staff, 'closed')).toEqual({ outcome: 'allow' });
  });
});

describe('what the complainant sees', () => {
  it('not the unit’s working photos, nothing withdrawn; who added it in plain terms', () => {
    expect(visibleToComplainant({ stage: 'intake', removedAt: null })).toBe(true);
    expect(visibleToComplainant({ stage: 'reply', removedAt: null })).toBe(true);
    expect(visibleToComplainant({ stage: 'handling', removedAt: null })).toBe(false);
    expect(visibleToComplainant({ stage: 'complainant', removedAt: new Date() })).toBe(false);
    expect(publicSource({ stage: 'complainant', addedBy: { kind: 'complainant', id: 'case:HL1' } })).toBe('you');
    expect(publicSource({ stage: 'intake', addedBy: { kind: 'channel', id: 'apikey:x' } })).toBe('hotline');
    expect(publicSource({ stage: 'reply', addedBy: { kind: 'staff', id: 'u-1' } })).toBe('unit');
  });
});
