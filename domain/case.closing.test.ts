import { describe, expect, it } from 'vitest';
import { defaultCasePolicy } from '../db/seed-policy.js';
import { apply, check, open } from './case.machine.js';
import { cardFor, failedAttempts, inReviewQueue, lingerUntil, ratingWindow } from './case.closing.js';
import type { Actor, CaseCommand, CaseIntake, CaseState } from './case.types.js';
import { RuleViolation } from './errors.js';
import type { CasePolicy } from './policy.types.js';
import { sampleIntake } from '../test/support/domain-fixtures.js';

const S = 1_000;
const T0 = Date.parse('2026-11-16T10:00:00+08:00'); // a Monday
const iso = (ms: number) => new Date(ms).toISOString();
const seconds = (amount: number) => ({ amount, unit: 'seconds' as const });

const policy: CasePolicy = {
  ...defaultCasePolicy,
  clocks: { ...defaultCasePolicy.clocks, general: { signFor: seconds(40), contact: seconds(80), reply: seconds(200), callback: seconds(100) } },
  callbackMaxAttempts: 3,
  reviewWindow: seconds(1_000),
  ratingWindow: seconds(500),
  repeats: defaultCasePolicy.repeats!,
};
/** The same policy without repeat rules: how long a closed case waits for feedback alone (no repeat window). */
const feedbackOnly: CasePolicy = { ...policy, repeats: undefined };
const agent: Actor = { id: 'cb-1', role: 'callback_agent' };
const reviewer: Actor = { id: 'rv-1', role: 'reviewer' };
const intake: CaseIntake = sampleIntake({ title: '噪音', description: '夜间施工', complainant: { name: '张三', phone: '13812345678' } });

function at(state: CaseState, seconds: number, c: CaseCommand, actor: Actor = agent) {
  return apply(state, c, { now: T0 + seconds * S, actor, policy });
}
function replied(): CaseState {
  let s: CaseState = { ...open('HL0000000000000001', intake, T0, agent).state, slaClass: 'general', policyVersion: policy.version };
  s = at(s, 1, { kind: 'dispatch', payload: { unitId: 'u1' } }).state;
  s = at(s, 2, { kind: 'accept', payload: {} }).state;
  s = at(s, 3, { kind: 'contact', payload: { method: 'phone' } }).state;
  return at(s, 4, { kind: 'reply', payload: { content: '已处理', resolved: true } }).state;
}
const survey = (satisfaction: 'satisfied' | 'unsatisfied', resolved = satisfaction === 'satisfied'): CaseCommand => ({
  kind: 'callback',
  payload: { outcome: 'reached', contacted: true, resolved, satisfaction },
});
const noAnswer: CaseCommand = { kind: 'callback', payload: { outcome: 'no_answer' } };
const reviewAs = (demandReasonable: boolean): CaseCommand => ({ kind: 'review', payload: { demandReasonable, handlingCompliant: true, reason: '评议' } });

describe('callback attempts', () => {
  it('3 failed attempts make the callback invalid: the case closes without counting in the rates', () => {
    let s = replied();
    for (const [i, outcome] of (['no_answer', 'refused'] as const).entries()) {
      const t = at(s, 10 + i, { kind: 'callback', payload: { outcome } });
      expect(t.events.map((e) => e.type)).toEqual(['callback_attempted']);
      s = t.state;
      expect(s.status).toBe('replied');
    }
    expect(failedAttempts(s)).toBe(2);
    const t = at(s, 20, { kind: 'callback', payload: { outcome: 'wrong_number', note: '空号' } });
    expect(t.events.map((e) => e.type)).toEqual(['callback_attempted', 'closed']);
    expect(t.state).toMatchObject({ status: 'closed', outcome: 'callback_invalid' });
    expect(t.state.callbackAttempts!.map((a) => a.outcome)).toEqual(['no_answer', 'refused', 'wrong_number']);
    expect(t.state.clocks.callback!.stoppedAt).toBe(iso(T0 + 20 * S));
  });

  it('a reached callback after failed ones records the survey and the round', () => {
    const s = at(at(replied(), 10, noAnswer).state, 11, survey('satisfied')).state;
    expect(s).toMatchObject({ status: 'closed', outcome: 'resolved' });
    expect(s.rounds).toEqual([{ round: 1, unitId: 'u1', repliedAt: iso(T0 + 4 * S), callbackAt: iso(T0 + 11 * S), contacted: true, resolved: true, satisfaction: 'satisfied' }]);
  });

  it('two unsatisfied rounds then a satisfied one: three rounds on the record, closed resolved', () => {
    let s = replied();
    for (let round = 1; round <= 2; round++) {
      s = at(s, 10 * round, survey('unsatisfied')).state;
      expect(s).toMatchObject({ status: 'dispatched', round: round + 1, escalationLevel: 1 });
      s = at(s, 10 * round + 1, { kind: 'accept', payload: {} }).state;
      s = at(s, 10 * round + 2, { kind: 'contact', payload: { method: 'phone' } }).state;
      s = at(s, 10 * round + 3, { kind: 'reply', payload: { content: '再次处理', resolved: true } }).state;
    }
    s = at(s, 40, survey('satisfied')).state;
    expect(s).toMatchObject({ status: 'closed', outcome: 'resolved', round: 3 });
    expect(s.rounds!.map((r) => r.satisfaction)).toEqual(['unsatisfied', 'unsatisfied', 'satisfied']);
  });
});

describe('review, dispute and termination', () => {
  function closedUnsatisfied(): CaseState {
    let s = replied();
    for (let round = 1; round <= 3; round++) {
      s = at(s, 10 * round, survey('unsatisfied')).state;
      if (s.status === 'closed') break;
      s = at(s, 10 * round + 1, { kind: 'accept', payload: {} }).state;
      s = at(s, 10 * round + 2, { kind: 'contact', payload: { method: 'phone' } }).state;
      s = at(s, 10 * round + 3, { kind: 'reply', payload: { content: '再次处理', resolved: false } }).state;
    }
    return s;
  }

  it('a case closed unsatisfied after its last round waits in the review queue; an unreasonable demand is flagged', () => {
    const s = closedUnsatisfied();
    expect(s).toMatchObject({ status: 'closed', outcome: 'unsatisfied', round: 3 });
    expect(inReviewQueue(s)).toBe(true);
    expect(lingerUntil(s, feedbackOnly)).toBe(Date.parse(s.closedAt!) + 1_000 * S);
    const t = at(s, 100, reviewAs(false), reviewer);
    expect(t.state).toMatchObject({ demandUnreasonable: true, review: { by: 'rv-1', demandReasonable: false, handlingCompliant: true } });
    expect(t.events[0]!.data).toMatchObject({ excludedFromRates: true });
    expect(inReviewQueue(t.state)).toBe(false);
    expect(() => check(t.state, reviewAs(true))).toThrow(/already reviewed/);
    // Terminated after the review: the outcome changes, the record stays.
    const ended = at(t.state, 110, { kind: 'terminate', payload: { grounds: 'repeated_identical_demand', reason: '同一诉求反复投诉' } }, reviewer);
    expect(ended.state).toMatchObject({ status: 'closed', outcome: 'terminated', demandUnreasonable: true });
    expect(ended.events.map((e) => e.type)).toEqual(['terminated', 'closed']);
  });

  it('a unit disputes an unsatisfied result during re-handling; the review may end the case there', () => {
    let s = at(replied(), 10, survey('unsatisfied')).state;
    expect(() => check(replied(), { kind: 'dispute', payload: { reason: 'x' } })).toThrow(/re-handled/);
    s = at(s, 11, { kind: 'dispute', payload: { reason: '诉求超出职权范围' } }, { id: 'l1', role: 'unit_leader', unitId: 'u1' }).state;
    expect(inReviewQueue(s)).toBe(true);
    expect(() => check(s, { kind: 'terminate', payload: { grounds: 'outside_law_and_policy', reason: 'x' } })).toThrow(/only after a review/);
    s = at(s, 12, reviewAs(false), reviewer).state;
    const t = at(s, 13, { kind: 'terminate', payload: { grounds: 'outside_law_and_policy', reason: '诉求不符合法律政策' } }, reviewer);
    expect(t.state).toMatchObject({ status: 'closed', outcome: 'terminated' });
    expect(Object.values(t.state.clocks).every((c) => c!.stoppedAt)).toBe(true);
  });

  it('a terminated case takes no online rating (as the complainant page says); one opened before the rule still does', () => {
    const reviewed = at(closedUnsatisfied(), 100, reviewAs(false), reviewer).state;
    const rate: CaseCommand = { kind: 'rate', payload: { satisfaction: 'unsatisfied', resolved: false } };
    const complainant: Actor = { id: 'case:HL0000000000000001', role: 'complainant' };
    // Before the termination the rating is open, until ratingWindow after the last reply (23 s).
    expect(ratingWindow(reviewed, policy, T0 + 105 * S)).toEqual({ open: true, until: T0 + 523 * S });
    const ended = at(reviewed, 110, { kind: 'terminate', payload: { grounds: 'repeated_identical_demand', reason: '同一诉求反复投诉' } }, reviewer).state;
    expect(ratingWindow(ended, policy, T0 + 120 * S)).toEqual({ open: false, why: 'terminated' });
    expect(() => check(ended, rate, { now: T0 + 120 * S, policy })).toThrow(/terminated/);
    expect(() => at(ended, 120, rate, complainant)).toThrow(RuleViolation);
    // Its workflow never waited for a rating, whatever rules it runs with.
    expect(lingerUntil(ended, feedbackOnly)).toBeNull();
    expect(lingerUntil(ended, feedbackOnly, { terminatedUnrated: false })).toBeNull();
    // A case whose history began before the rule keeps taking it, so the history replays.
    const old = apply(ended, rate, { now: T0 + 120 * S, actor: complainant, policy, rules: { terminatedUnrated: false } });
    expect(old.state.rating).toMatchObject({ satisfaction: 'unsatisfied' });
    // After the window: closed, with the instant it closed.
    expect(ratingWindow(reviewed, policy, T0 + 524 * S)).toEqual({ open: false, why: 'closed', until: T0 + 523 * S });
  });

  it('a reasonable demand is not terminated, and cases outside the queue are not reviewed', () => {
    let s = at(replied(), 10, survey('unsatisfied')).state;
    expect(() => check(s, reviewAs(false))).toThrow(RuleViolation);
    s = at(s, 11, { kind: 'dispute', payload: { reason: 'x' } }).state;
    s = at(s, 12, reviewAs(true), reviewer).state;
    expect(s.demandUnreasonable).toBe(false);
    expect(() => check(s, { kind: 'terminate', payload: { grounds: 'outside_law_and_policy', reason: 'x' } })).toThrow(/reasonable/);
  });
});

describe('repeat cards', () => {
  it('3 yellow, 4 orange, 5+ red: each raises the escalation level and tells the level its colour names', () => {
    let s: CaseState = { ...open('HL0000000000000001', intake, T0, agent).state, slaClass: 'general', policyVersion: policy.version };
    const cards: Array<string | null> = [];
    const notices: string[] = [];
    for (let i = 2; i <= 6; i++) {
      const t = at(s, i, { kind: 'repeat', payload: { caseId: `HL00000000000000R${i}` } });
      s = t.state;
      cards.push(s.repeatCard ?? null);
      notices.push(...t.notifications.map((n) => `${n.kind}:${n.recipient}`));
    }
    expect(cards).toEqual([null, 'yellow', 'orange', 'red', 'red']);
    expect(s).toMatchObject({ repeatCount: 6, escalationLevel: 3 });
    expect(notices).toEqual(['repeat_card:unit_leader', 'repeat_card:district', 'repeat_card:city']);
    // The same link delivered twice changes nothing.
    expect(at(s, 10, { kind: 'repeat', payload: { caseId: 'HL00000000000000R3' } }).events).toEqual([]);
  });

  it('cardFor takes the highest threshold reached', () => {
    expect([1, 2, 3, 4, 5, 9].map((n) => cardFor(n, policy)?.card ?? null)).toEqual([null, null, 'yellow', 'orange', 'red', 'red']);
    expect(cardFor(9, { ...policy, repeats: undefined })).toBeNull();
  });
});

describe('online rating', () => {
  const rate: CaseCommand = { kind: 'rate', payload: { satisfaction: 'satisfied', resolved: true, comment: '很及时' } };
  it('once, after the reply, inside the window; the case waits for it after closing', () => {
    expect(() => check(at(replied(), 0, { kind: 'progress', payload: { note: 'x' } }).state, rate)).toThrow(RuleViolation);
    const closed = at(replied(), 10, survey('satisfied')).state;
    expect(lingerUntil(closed, feedbackOnly)).toBe(T0 + 504 * S);
    const t = at(closed, 20, rate, { id: 'case:HL0000000000000001', role: 'complainant' });
    expect(t.state.rating).toEqual({ at: iso(T0 + 20 * S), satisfaction: 'satisfied', resolved: true, comment: '很及时' });
    expect(lingerUntil(t.state, feedbackOnly)).toBeNull();
    expect(() => check(t.state, rate)).toThrow(/already rated/);
    expect(() => check(closed, rate, { now: T0 + 505 * S, policy })).toThrow(/window/);
  });

  it('a policy without the windows never keeps a closed case waiting', () => {
    const closed = at(replied(), 10, survey('satisfied')).state;
    expect(lingerUntil(closed, { ...feedbackOnly, reviewWindow: undefined, ratingWindow: undefined })).toBeNull();
  });
});

describe('a closed case as a repeat master (issue 15)', () => {
  const link = (n: number): CaseCommand => ({ kind: 'repeat', payload: { caseId: `HL00000000000000R${n}` } });
  const system: Actor = { id: 'system', role: 'system' };

  it('takes the links of later complaints: they count, and the card goes to the unit that closed it', () => {
    const closed = at(replied(), 10, survey('satisfied')).state;
    expect(closed).toMatchObject({ status: 'closed', unitId: 'u1' });
    const second = at(closed, 100, link(2), system);
    expect(second.state).toMatchObject({ status: 'closed', repeatCount: 2, linkedCaseIds: ['HL00000000000000R2'] });
    const third = at(second.state, 200, link(3), system);
    expect(third.state).toMatchObject({ status: 'closed', repeatCount: 3, repeatCard: 'yellow' });
    expect(third.notifications.map((n) => [n.kind, n.recipient, n.unitId])).toEqual([['repeat_card', 'unit_leader', 'u1']]);
  });

  it('stays, closed, for the repeat window from its opening (a case answered at triage is never a master)', () => {
    const closed = at(replied(), 10, survey('satisfied')).state;
    // 30 days from the opening, later than the rating window.
    expect(lingerUntil(closed, policy)).toBe(T0 + 30 * 86_400 * S);
    const triaged = apply(
      { ...open('HL0000000000000002', intake, T0, agent).state, slaClass: 'general', policyVersion: policy.version },
      { kind: 'triage', payload: { outcome: 'consultation', note: '已解答' } },
      { now: T0, actor: agent, policy },
    ).state;
    expect(lingerUntil(triaged, feedbackOnly)).toBeNull();
    expect(lingerUntil(triaged, policy)).toBeNull();
  });

  it('a case opened before this rule ignores links once closed and does not stay for them (its history replays)', () => {
    const closed = at(replied(), 10, survey('satisfied')).state;
    expect(() => check(closed, link(2), { rules: { closedMasters: false } })).toThrow(/closed/);
    expect(lingerUntil(closed, policy, { closedMasters: false })).toBe(T0 + 504 * S);
  });
});
