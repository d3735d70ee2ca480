import { describe, it, expect } from 'vitest';
import { allowedFrom, CASE_ACTION_TABLE } from './case.actions.js';
import { defaultCasePolicy } from '../db/seed-policy.js';
import { apply, check, checkActingUnit, ignoredSignal, isTerminal, nextWakeAt, open, opening, replyDueAt, tick, type Context, type Transition } from './case.machine.js';
import {
  CASE_ACTIONS,
  CASE_STATUSES,
  MAX_ESCALATION_LEVEL,
  type Actor,
  type CaseAction,
  type CaseCommand,
  type CaseEvent,
  type CaseIntake,
  type CaseNotification,
  type CaseState,
  type CaseStatus,
  type Satisfaction,
} from './case.types.js';
import { RuleViolation } from './errors.js';
import type { CasePolicy } from './policy.types.js';
import type { SlaClass } from './reference.types.js';
import { fastPolicy, sampleIntake } from '../test/support/domain-fixtures.js';

// ---------------------------------------------------------------------------------------------------------------
// Fixtures

const S = 1_000;
/** Monday 2026-11-16 10:00 in Shanghai. */
const T0 = Date.parse('2026-11-16T10:00:00+08:00');
const iso = (ms: number) => new Date(ms).toISOString();

/** The fixture's second-scale policy, with an extension limit of its own. */
const fast: CasePolicy = { ...fastPolicy, extension: { maxDays: 10, approvableWithoutSupervisor: 1 } };

const actor: Actor = { id: 'agent-7', role: 'dispatcher' };
const PII = { name: '张三丰', phone: '13812345678', address: '合肥市庐阳区杏花村街道阜南路123号' };
const intake: CaseIntake = sampleIntake({ complainant: { name: PII.name, phone: PII.phone }, location: { address: PII.address, areaUnitId: 'd01-s03' } });

const ctx = (now: number, policy: CasePolicy = fast): Context => ({ now, actor, policy });

const cmd = {
  dispatch: (unitId = 'unit-a'): CaseCommand => ({ kind: 'dispatch', payload: { unitId } }),
  accept: (): CaseCommand => ({ kind: 'accept', payload: {} }),
  return: (): CaseCommand => ({ kind: 'return', payload: { reason: 'not_our_duty', note: '不属于本单位职责' } }),
  contact: (): CaseCommand => ({ kind: 'contact', payload: { method: 'phone' } }),
  progress: (): CaseCommand => ({ kind: 'progress', payload: { note: '已到现场核实' } }),
  reply: (resolved = true): CaseCommand => ({ kind: 'reply', payload: { content: '已责令停止夜间施工', resolved } }),
  callback: (satisfaction: Satisfaction = 'satisfied', resolved = true): CaseCommand => ({
    kind: 'callback',
    payload: { contacted: true, resolved, satisfaction },
  }),
  escalate: (level?: number): CaseCommand => ({ kind: 'escalate', payload: level === undefined ? { reason: '多次催办未果' } : { reason: '多次催办未果', level } }),
  reassign: (unitId = 'unit-b'): CaseCommand => ({ kind: 'reassign', payload: { unitId, reason: '属地调整' } }),
  hold: (...reviewSeconds: number[]): CaseCommand => ({
    kind: 'hold',
    payload: { reason: '需纳入明年道路改造计划', reviewDates: (reviewSeconds.length ? reviewSeconds : [86_400]).map((sec) => iso(T0 + sec * S)) },
  }),
  resume: (): CaseCommand => ({ kind: 'resume', payload: { note: '改造工程已开工' } }),
  requestExtension: (days = 3): CaseCommand => ({ kind: 'request_extension', payload: { days, reason: '需协调多个部门' } }),
  decideExtension: (approve = true, days?: number): CaseCommand => ({ kind: 'decide_extension', payload: { approve, note: approve ? '同意' : '不同意', ...(days !== undefined && { days }) } }),
};

/** A freshly opened case whose deadline class is set, as the workflow does after its setup activity. */
function received(slaClass: SlaClass | null = 'general', policy: CasePolicy = fast): CaseState {
  return { ...open('HL0000000000000001', intake, T0, actor).state, slaClass, policyVersion: policy.version };
}

/** Applies commands one after another; `steps` are [command, seconds after T0]. */
function run(state: CaseState, steps: readonly (readonly [CaseCommand, number])[], policy: CasePolicy = fast): CaseState {
  let s = state;
  for (const [c, sec] of steps) s = apply(s, c, ctx(T0 + sec * S, policy)).state;
  return s;
}

/** A real case in each status, reached through the machine itself (a new status fails to typecheck here). */
const REACH: Record<CaseStatus, () => CaseState> = {
  received: () => received(),
  dispatched: () => run(received(), [[cmd.dispatch(), 0]]),
  accepted: () => run(REACH.dispatched(), [[cmd.accept(), 5]]),
  contacted: () => run(REACH.accepted(), [[cmd.contact(), 10]]),
  replied: () => run(REACH.contacted(), [[cmd.reply(), 20]]),
  returned: () => run(REACH.dispatched(), [[cmd.return(), 5]]),
  on_hold: () => run(REACH.contacted(), [[cmd.hold(), 15]]),
  closed: () => run(REACH.replied(), [[cmd.callback('satisfied'), 30]]),
};

/** One valid-looking command per action (a new action fails to typecheck here). */
const SAMPLE: Record<CaseAction, () => CaseCommand> = {
  dispatch: () => cmd.dispatch(),
  accept: cmd.accept,
  return: cmd.return,
  contact: cmd.contact,
  progress: cmd.progress,
  reply: () => cmd.reply(),
  callback: () => cmd.callback(),
  escalate: () => cmd.escalate(),
  reassign: () => cmd.reassign('unit-b'),
  urge: () => ({ kind: 'urge', payload: { note: '请尽快办理' } }),
  triage: () => ({ kind: 'triage', payload: { outcome: 'consultation', note: '已当场解答' } }),
  cooperate: () => ({ kind: 'cooperate', payload: {} }),
  report: () => ({ kind: 'report', payload: { content: '已完成本单位部分' } }),
  request_extension: () => cmd.requestExtension(),
  decide_extension: () => cmd.decideExtension(),
  hold: () => cmd.hold(),
  resume: cmd.resume,
  dispute: () => ({ kind: 'dispute', payload: { reason: '诉求超出本单位职权' } }),
  review: () => ({ kind: 'review', payload: { demandReasonable: false, handlingCompliant: true, reason: '诉求缺乏政策依据' } }),
  terminate: () => ({ kind: 'terminate', payload: { grounds: 'outside_law_and_policy', reason: '经评议诉求不合理' } }),
  repeat: () => ({ kind: 'repeat', payload: { caseId: 'HL0000000000000009' } }),
  rate: () => ({ kind: 'rate', payload: { satisfaction: 'satisfied', resolved: true } }),
};

/** Actions allowed in a status only when the case also has something for them (a re-handled round, a review, a reply). */
const GUARDED: readonly CaseAction[] = ['dispute', 'review', 'terminate', 'rate'];

function violation(fn: () => unknown): RuleViolation {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RuleViolation);
    return e as RuleViolation;
  }
  throw new Error('expected a RuleViolation, nothing was thrown');
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------------------------

describe('open', () => {
  const t = open('HL0000000000000001', intake, T0, actor);

  it('starts the case received, round 1, with no unit, clocks or warnings', () => {
    expect(t.state).toEqual({
      caseId: 'HL0000000000000001',
      status: 'received',
      outcome: null,
      categoryId: 'env.noise.construction',
      slaClass: null,
      policyVersion: null,
      unitId: null,
      round: 1,
      escalationLevel: 0,
      warningLevel: 'none',
      clocks: {},
      dispatchCount: 0,
      returnCount: 0,
      reassignCount: 0,
      dispatches: [],
      designatedUnitId: null,
      returnDueAt: null,
      copiedUnitIds: [],
      cooperation: [],
      triage: null,
      createdAt: iso(T0),
      updatedAt: iso(T0),
      closedAt: null,
      seq: 1,
      hold: null,
      extensions: [],
      callbackAttempts: [],
      rounds: [],
      disputed: false,
      review: null,
      demandUnreasonable: false,
      masterCaseId: null,
      repeatCount: 1,
      linkedCaseIds: [],
      repeatCard: null,
      rating: null,
      noContact: false,
      receivedAt: iso(T0),
      receivedAtStatedBy: null,
    });
    // 受理告知 to the complainant, resolved from the record at delivery (no personal data in the notice).
    expect(t.notifications).toEqual([
      { caseId: 'HL0000000000000001', seq: 1, kind: 'acceptance', unitId: null, recipient: 'complainant', message: '您的诉求已受理，工单号 HL0000000000000001' },
    ]);
  });

  it("records one 'received' event, seq 1, with channel and category only", () => {
    expect(t.events).toEqual([{ seq: 1, type: 'received', at: iso(T0), actor, data: { channel: 'phone', categoryId: 'env.noise.construction' } }]);
  });

  it('keeps personal data out of the event and the state', () => {
    const text = JSON.stringify(t);
    for (const secret of [PII.name, PII.phone, PII.phone.slice(-4), PII.address, '阜南路']) expect(text).not.toContain(secret);
    const keys = JSON.stringify(Object.keys(t.events[0]?.data ?? {}));
    expect(keys).not.toMatch(/complainant|name|phone|address|location/);
  });
});

describe('the states each action may be taken in (the action table)', () => {
  it('lists exactly the known actions and only known statuses', () => {
    expect(Object.keys(CASE_ACTION_TABLE).sort()).toEqual([...CASE_ACTIONS].sort());
    for (const a of CASE_ACTIONS) for (const s of allowedFrom(a)) expect(CASE_STATUSES).toContain(s);
  });

  it('allows on a closed case only late feedback (review, termination, rating, repeat links) and escalation on every open one', () => {
    for (const a of CASE_ACTIONS) if (!['review', 'terminate', 'rate', 'repeat'].includes(a)) expect(allowedFrom(a)).not.toContain('closed');
    for (const s of CASE_STATUSES.filter((x) => x !== 'closed')) expect(allowedFrom('escalate')).toContain(s);
  });
});

describe('check and apply: every action in every status', () => {
  const pairs = CASE_STATUSES.flatMap((status) => CASE_ACTIONS.map((action) => [status, action] as const));

  it.each(pairs)('%s + %s', (status, action) => {
    // A decision needs a request waiting for it.
    const waiting = action === 'decide_extension' && allowedFrom('request_extension').includes(status);
    const state = waiting ? apply(REACH[status](), cmd.requestExtension(), ctx(T0 + 50 * S)).state : REACH[status]();
    expect(state.status).toBe(status);
    const c = SAMPLE[action]();
    const now = T0 + 60 * S;
    if (allowedFrom(action).includes(status) && GUARDED.includes(action)) {
      // Allowed by status, refused (409 with the state) unless the case has what the action needs.
      try {
        check(state, c);
      } catch (e) {
        expect(e).toBeInstanceOf(RuleViolation);
        expect((e as RuleViolation).state).toBe(status);
      }
    } else if (allowedFrom(action).includes(status)) {
      expect(() => check(state, c)).not.toThrow();
      const t = apply(state, c, ctx(now));
      expect(t.events.length).toBeGreaterThanOrEqual(1);
      expect(t.state.seq).toBe(state.seq + t.events.length);
      expect(t.state.updatedAt).toBe(iso(now));
    } else {
      for (const attempt of [() => check(state, c), () => apply(state, c, ctx(now))]) {
        const v = violation(attempt);
        expect(v.code).toBe('invalid_transition');
        expect(v.details.state).toBe(status);
        expect(v.details.action).toBe(action);
        expect(v.state).toBe(status);
      }
    }
  });
});

describe('dispatch', () => {
  it('starts no clocks while the deadline class is unknown', () => {
    const t = apply(received(null), cmd.dispatch(), ctx(T0));
    expect(t.state.status).toBe('dispatched');
    expect(t.state.clocks).toEqual({});
    expect(nextWakeAt(t.state)).toBeNull();
    expect(replyDueAt(t.state)).toBeNull();
  });

  it('starts signFor and reply with dueAt and yellowAt = start + 75% of the span', () => {
    const t = apply(received(), { kind: 'dispatch', payload: { unitId: 'unit-a', note: '请尽快处理' } }, ctx(T0));
    expect(t.state.status).toBe('dispatched');
    expect(t.state.unitId).toBe('unit-a');
    expect(t.state.dispatchCount).toBe(1);
    expect(t.state.clocks).toEqual({
      signFor: { name: 'signFor', startedAt: iso(T0), dueAt: iso(T0 + 40 * S), yellowAt: iso(T0 + 30 * S) },
      reply: { name: 'reply', startedAt: iso(T0), dueAt: iso(T0 + 200 * S), yellowAt: iso(T0 + 150 * S) },
    });
    expect(replyDueAt(t.state)).toBe(iso(T0 + 200 * S));
    // Monday 10:00 + the 1 working-day return window of the default policy = Tuesday 10:00.
    const returnDueAt = iso(T0 + 86_400 * S);
    expect(t.state.returnDueAt).toBe(returnDueAt);
    expect(t.state.dispatches).toEqual([{ unitId: 'unit-a', kind: 'dispatch', at: iso(T0), by: actor.id, round: 1 }]);
    expect(t.events).toEqual([
      { seq: 2, type: 'dispatched', at: iso(T0), actor, data: { unitId: 'unit-a', note: '请尽快处理', round: 1, kind: 'dispatch', returnDueAt } },
    ]);
    expect(t.notifications).toEqual([]);
  });

  it('counts working days on the default policy (Monday 10:00), yellow at 75% of the working time', () => {
    const t = apply(received('general', defaultCasePolicy), cmd.dispatch(), ctx(T0, defaultCasePolicy));
    const { signFor, reply } = t.state.clocks;
    expect(signFor?.dueAt).toBe(iso(Date.parse('2026-11-17T10:00:00+08:00')));
    // 7 working hours to Tuesday 10:00; 75% (5 h 15 min) is Monday 16:45.
    expect(signFor?.yellowAt).toBe(iso(Date.parse('2026-11-16T16:45:00+08:00')));
    // 5 working days: Tue, Wed, Thu, Fri, Mon → 2026-11-23; 75% of 35 working hours is Thursday 16:45.
    expect(reply?.dueAt).toBe(iso(Date.parse('2026-11-23T10:00:00+08:00')));
    expect(reply?.yellowAt).toBe(iso(Date.parse('2026-11-19T16:45:00+08:00')));
  });

  it('a case opened before yellow on working time keeps the wall-clock share (its history replays as recorded)', () => {
    const old = { now: T0, actor, policy: defaultCasePolicy, rules: { yellowWorkingTime: false } };
    const t = apply(received('general', defaultCasePolicy), cmd.dispatch(), old);
    expect(t.state.clocks.signFor?.yellowAt).toBe(iso(T0 + 18 * 3_600 * S)); // 04:00 on Tuesday
    expect(t.state.clocks.reply?.yellowAt).toBe(iso(T0 + 126 * 3_600 * S)); // 16:00 on Sunday
  });

  it('uses minute- and day-scale clocks for an emergency', () => {
    const t = apply(received('emergency', defaultCasePolicy), cmd.dispatch(), ctx(T0, defaultCasePolicy));
    const { signFor, reply } = t.state.clocks;
    expect(signFor?.dueAt).toBe(iso(T0 + 15 * 60 * S));
    expect(signFor?.yellowAt).toBe(iso(T0 + 11.25 * 60 * S));
    expect(reply?.dueAt).toBe(iso(T0 + 24 * 3_600 * S));
    expect(reply?.yellowAt).toBe(iso(T0 + 18 * 3_600 * S));
  });

  it('re-dispatches a returned case with fresh clocks', () => {
    const s = run(received(), [[cmd.dispatch('unit-a'), 0], [cmd.return(), 5], [cmd.dispatch('unit-b'), 100]]);
    expect(s.status).toBe('dispatched');
    expect(s.unitId).toBe('unit-b');
    expect(s.dispatchCount).toBe(2);
    expect(s.returnCount).toBe(1);
    expect(s.clocks.signFor).toEqual({ name: 'signFor', startedAt: iso(T0 + 100 * S), dueAt: iso(T0 + 140 * S), yellowAt: iso(T0 + 130 * S) });
    expect(s.clocks.reply?.stoppedAt).toBeUndefined();
  });
});

describe('accept', () => {
  it('stops signFor as met when on time and starts the contact clock', () => {
    const before = REACH.dispatched();
    const t = apply(before, cmd.accept(), ctx(T0 + 10 * S));
    expect(t.state.status).toBe('accepted');
    expect(t.state.clocks.signFor).toMatchObject({ stoppedAt: iso(T0 + 10 * S), result: 'met' });
    expect(t.state.clocks.contact).toEqual({ name: 'contact', startedAt: iso(T0 + 10 * S), dueAt: iso(T0 + 90 * S), yellowAt: iso(T0 + 70 * S) });
    expect(t.state.clocks.reply).toEqual(before.clocks.reply);
    expect(t.events.map((e) => [e.type, e.data])).toEqual([['accepted', { unitId: 'unit-a', note: null }]]);
  });

  it('counts a sign-for exactly at the deadline as met', () => {
    const t = apply(REACH.dispatched(), cmd.accept(), ctx(T0 + 40 * S));
    expect(t.state.clocks.signFor?.result).toBe('met');
  });

  it('stops signFor as breached when late', () => {
    const t = apply(REACH.dispatched(), cmd.accept(), ctx(T0 + 40 * S + 1));
    expect(t.state.clocks.signFor).toMatchObject({ stoppedAt: iso(T0 + 40 * S + 1), result: 'breached' });
  });
});

describe('return', () => {
  it('cancels running clocks, clears the unit and counts the return', () => {
    const t = apply(REACH.dispatched(), cmd.return(), ctx(T0 + 5 * S));
    expect(t.state.status).toBe('returned');
    expect(t.state.unitId).toBeNull();
    expect(t.state.returnCount).toBe(1);
    for (const name of ['signFor', 'reply'] as const) {
      expect(t.state.clocks[name]).toMatchObject({ stoppedAt: iso(T0 + 5 * S), result: 'cancelled' });
    }
    expect(nextWakeAt(t.state)).toBeNull();
    expect(replyDueAt(t.state)).toBeNull();
    expect(t.events.map((e) => [e.type, e.data])).toEqual([['returned', { unitId: 'unit-a', reason: 'not_our_duty', note: '不属于本单位职责', failedDispatches: 1 }]]);
    expect(t.state.dispatches).toEqual([
      { unitId: 'unit-a', kind: 'dispatch', at: iso(T0), by: actor.id, round: 1, returnedAt: iso(T0 + 5 * S), returnReason: 'not_our_duty' },
    ]);
  });

  it('leaves an already stopped clock as it was', () => {
    const t = apply(REACH.accepted(), cmd.return(), ctx(T0 + 7 * S));
    expect(t.state.clocks.signFor).toMatchObject({ stoppedAt: iso(T0 + 5 * S), result: 'met' });
    expect(t.state.clocks.contact).toMatchObject({ stoppedAt: iso(T0 + 7 * S), result: 'cancelled' });
    expect(t.state.clocks.reply).toMatchObject({ stoppedAt: iso(T0 + 7 * S), result: 'cancelled' });
  });
});

describe('reassign', () => {
  it.each([...allowedFrom('reassign')])('is refused to the same unit (from %s)', (status) => {
    const state = REACH[status]();
    const v = violation(() => check(state, cmd.reassign(state.unitId ?? 'unit-a')));
    expect(v.code).toBe('invalid_transition');
    expect(v.details).toMatchObject({ state: status, action: 'reassign' });
    expect(() => apply(state, cmd.reassign('unit-a'), ctx(T0 + 60 * S))).toThrow(RuleViolation);
  });

  it('moves the case to another unit, restarts its clocks and counts the reassignment', () => {
    const now = T0 + 50 * S;
    const t = apply(REACH.accepted(), cmd.reassign('unit-b'), ctx(now));
    expect(t.state.status).toBe('dispatched');
    expect(t.state.unitId).toBe('unit-b');
    expect(t.state.reassignCount).toBe(1);
    expect(t.state.dispatchCount).toBe(1);
    expect(t.state.clocks.signFor).toEqual({ name: 'signFor', startedAt: iso(now), dueAt: iso(now + 40 * S), yellowAt: iso(now + 30 * S) });
    expect(t.state.clocks.reply).toEqual({ name: 'reply', startedAt: iso(now), dueAt: iso(now + 200 * S), yellowAt: iso(now + 150 * S) });
    expect(t.state.clocks.contact).toMatchObject({ stoppedAt: iso(now), result: 'cancelled' });
    expect(t.events.map((e) => [e.type, e.data])).toEqual([['reassigned', { from: 'unit-a', to: 'unit-b', reason: '属地调整' }]]);
  });
});

describe('escalate', () => {
  it('goes up one level by default and notifies that level', () => {
    const t = apply(REACH.dispatched(), cmd.escalate(), ctx(T0 + 5 * S));
    expect(t.state.escalationLevel).toBe(1);
    expect(t.state.status).toBe('dispatched');
    expect(t.events.map((e) => [e.type, e.data])).toEqual([['escalated', { from: 0, to: 1, reason: '多次催办未果' }]]);
    expect(t.notifications).toHaveLength(1);
    const n = t.notifications[0];
    expect(n).toMatchObject({ caseId: 'HL0000000000000001', seq: t.events[0]?.seq, kind: 'escalation', unitId: 'unit-a', recipient: 'unit_leader' });
    expect(n?.message).toContain('多次催办未果');
  });

  it('goes to an explicit level', () => {
    const t = apply(REACH.accepted(), cmd.escalate(3), ctx(T0 + 6 * S));
    expect(t.state.escalationLevel).toBe(3);
    expect(t.events[0]?.data).toEqual({ from: 0, to: 3, reason: '多次催办未果' });
    expect(t.notifications[0]).toMatchObject({ kind: 'escalation', recipient: 'city' });
    const two = apply(REACH.received(), cmd.escalate(2), ctx(T0 + 6 * S));
    expect(two.notifications[0]).toMatchObject({ kind: 'escalation', recipient: 'district', unitId: null });
  });

  it('is refused when the target is not higher than the current level', () => {
    const atTwo = run(REACH.dispatched(), [[cmd.escalate(2), 5]]);
    for (const level of [0, 1, 2]) {
      const v = violation(() => check(atTwo, cmd.escalate(level)));
      expect(v.details).toMatchObject({ state: 'dispatched', action: 'escalate', escalationLevel: 2 });
    }
    expect(() => check(atTwo, cmd.escalate(3))).not.toThrow();
  });

  it(`is refused above the highest level (${MAX_ESCALATION_LEVEL})`, () => {
    expect(MAX_ESCALATION_LEVEL).toBe(3);
    expect(violation(() => check(REACH.dispatched(), cmd.escalate(4))).code).toBe('invalid_transition');
    const atMax = run(REACH.dispatched(), [[cmd.escalate(3), 5]]);
    const v = violation(() => apply(atMax, cmd.escalate(), ctx(T0 + 6 * S)));
    expect(v.details).toMatchObject({ state: 'dispatched', action: 'escalate', escalationLevel: 3 });
  });
});

describe('callback', () => {
  it.each(['satisfied', 'basically_satisfied'] as const)('closes a resolved case as resolved when %s', (satisfaction) => {
    const now = T0 + 30 * S;
    const t = apply(REACH.replied(), cmd.callback(satisfaction, true), ctx(now));
    expect(t.state.status).toBe('closed');
    expect(t.state.outcome).toBe('resolved');
    expect(t.state.closedAt).toBe(iso(now));
    expect(isTerminal(t.state)).toBe(true);
    expect(t.state.clocks.callback).toMatchObject({ stoppedAt: iso(now), result: 'met' });
    expect(nextWakeAt(t.state)).toBeNull();
    expect(t.events.map((e) => e.type)).toEqual(['callback_recorded', 'closed']);
    expect(t.events[0]?.data).toEqual({ contacted: true, resolved: true, satisfaction, note: null, round: 1 });
    expect(t.events[1]?.data).toEqual({ outcome: 'resolved', round: 1 });
  });

  it.each([
    ['unsatisfied', true],
    ['unsatisfied', false],
    ['satisfied', false],
  ] as const)('re-opens the case for another round when %s and resolved=%s', (satisfaction, resolved) => {
    const now = T0 + 30 * S;
    const before = REACH.replied();
    const t = apply(before, cmd.callback(satisfaction, resolved), ctx(now));
    expect(t.state.status).toBe('dispatched');
    expect(t.state.round).toBe(2);
    expect(t.state.outcome).toBeNull();
    expect(t.state.closedAt).toBeNull();
    expect(t.state.unitId).toBe('unit-a');
    expect(t.state.escalationLevel).toBeGreaterThanOrEqual(1);
    expect(t.state.clocks.reply).toEqual({ name: 'reply', startedAt: iso(now), dueAt: iso(now + 200 * S), yellowAt: iso(now + 150 * S) });
    expect(t.state.clocks.signFor).toEqual({ name: 'signFor', startedAt: iso(now), dueAt: iso(now + 40 * S), yellowAt: iso(now + 30 * S) });
    expect(t.state.clocks.callback).toMatchObject({ stoppedAt: iso(now), result: 'met' });
    expect(t.events.map((e) => [e.type, e.data])).toEqual([
      ['callback_recorded', { contacted: true, resolved, satisfaction, note: null, round: 1 }],
      ['rehandling_started', { round: 2, unitId: 'unit-a', escalationLevel: 1 }],
    ]);
  });

  it('keeps a higher escalation level on re-handling', () => {
    const s = run(REACH.replied(), [[cmd.escalate(2), 25], [cmd.callback('unsatisfied'), 30]]);
    expect(s.escalationLevel).toBe(2);
  });

  /** Drives a dispatched case through accept, contact, reply and a callback. */
  function round(state: CaseState, startSec: number, satisfaction: Satisfaction, policy: CasePolicy): CaseState {
    return run(state, [[cmd.accept(), startSec], [cmd.contact(), startSec + 1], [cmd.reply(), startSec + 2], [cmd.callback(satisfaction), startSec + 3]], policy);
  }

  it.each([0, 1, 2, 3])('closes as unsatisfied after maxExtraRounds=%i extra rounds', (maxExtraRounds) => {
    const policy: CasePolicy = { ...fast, maxExtraRounds };
    let s = run(received('general', policy), [[cmd.dispatch(), 0]], policy);
    for (let extra = 1; extra <= maxExtraRounds; extra++) {
      s = round(s, extra * 10, 'unsatisfied', policy);
      expect(s.status).toBe('dispatched');
      expect(s.round).toBe(1 + extra);
    }
    s = round(s, 100, 'unsatisfied', policy);
    expect(s.status).toBe('closed');
    expect(s.outcome).toBe('unsatisfied');
    expect(s.round).toBe(1 + maxExtraRounds);
    expect(s.closedAt).toBe(iso(T0 + 103 * S));
  });

  it('closes as resolved when the last round satisfies', () => {
    let s = REACH.dispatched();
    for (let extra = 1; extra <= fast.maxExtraRounds; extra++) s = round(s, extra * 10, 'unsatisfied', fast);
    s = round(s, 100, 'satisfied', fast);
    expect(s).toMatchObject({ status: 'closed', outcome: 'resolved', round: 1 + fast.maxExtraRounds });
  });
});

describe('tick', () => {
  const dispatched = () => REACH.dispatched(); // signFor yellow +30 s, due +40 s; reply yellow +150 s, due +200 s

  it('does nothing before yellowAt and returns the same state', () => {
    const s = dispatched();
    const t = tick(s, ctx(T0 + 30 * S - 1));
    expect(t.events).toEqual([]);
    expect(t.notifications).toEqual([]);
    expect(t.state).toBe(s);
  });

  it('raises yellow at yellowAt, to the deputy leader, once', () => {
    const now = T0 + 30 * S;
    const t = tick(dispatched(), ctx(now));
    expect(t.events).toEqual([
      { seq: 3, type: 'warning_raised', at: iso(now), actor, data: { clock: 'signFor', level: 'yellow', dueAt: iso(T0 + 40 * S), unitId: 'unit-a' } },
    ]);
    expect(t.notifications).toHaveLength(1);
    expect(t.notifications[0]).toMatchObject({ caseId: 'HL0000000000000001', seq: 3, kind: 'yellow_warning', recipient: 'deputy_leader', unitId: 'unit-a' });
    expect(t.state.warningLevel).toBe('yellow');
    expect(t.state.clocks.signFor?.yellowFiredAt).toBe(iso(now));
    expect(t.state.clocks.signFor?.redFiredAt).toBeUndefined();
    expect(tick(t.state, ctx(now + 5 * S)).events).toEqual([]);
  });

  it('raises red at dueAt, to the principal leader, with an urging notice', () => {
    const yellow = tick(dispatched(), ctx(T0 + 30 * S)).state;
    const now = T0 + 40 * S;
    const t = tick(yellow, ctx(now));
    expect(t.events.map((e) => [e.seq, e.type, e.data])).toEqual([
      [4, 'warning_raised', { clock: 'signFor', level: 'red', dueAt: iso(T0 + 40 * S), unitId: 'unit-a' }],
    ]);
    expect(t.notifications.map((n) => [n.seq, n.kind, n.recipient, n.unitId])).toEqual([
      [4, 'red_warning', 'principal_leader', 'unit-a'],
      [4, 'urging', 'handler', 'unit-a'],
    ]);
    expect(t.state.warningLevel).toBe('red');
    expect(t.state.clocks.signFor).toMatchObject({ yellowFiredAt: iso(T0 + 30 * S), redFiredAt: iso(now) });
    expect(tick(t.state, ctx(now + 1)).events).toEqual([]);
  });

  it('fires red only for a clock first seen past due, and marks yellow as fired', () => {
    const now = T0 + 45 * S;
    const t = tick(dispatched(), ctx(now));
    expect(t.events).toHaveLength(1);
    expect(t.events[0]?.data).toMatchObject({ clock: 'signFor', level: 'red' });
    expect(t.notifications.map((n) => n.kind)).toEqual(['red_warning', 'urging']);
    expect(t.state.clocks.signFor).toMatchObject({ yellowFiredAt: iso(now), redFiredAt: iso(now) });
    expect(t.state.warningLevel).toBe('red');
    expect(nextWakeAt(t.state)).toBe(T0 + 150 * S);
  });

  it('numbers warnings of several clocks contiguously', () => {
    const s = dispatched();
    const t = tick(s, ctx(T0 + 300 * S));
    expect(t.events.map((e) => [e.seq, e.data.clock, e.data.level])).toEqual([
      [s.seq + 1, 'signFor', 'red'],
      [s.seq + 2, 'reply', 'red'],
    ]);
    expect(t.notifications).toHaveLength(4);
    expect(t.state.seq).toBe(s.seq + 2);
  });

  it('never warns on stopped clocks', () => {
    for (const status of ['returned', 'closed'] as const) {
      const s = REACH[status]();
      const t = tick(s, ctx(T0 + 365 * 86_400 * S));
      expect(t.events, status).toEqual([]);
      expect(t.state, status).toBe(s);
    }
    const accepted = REACH.accepted(); // signFor stopped at +5 s; contact yellow at +65 s
    expect(tick(accepted, ctx(T0 + 35 * S)).events).toEqual([]);
    const late = tick(accepted, ctx(T0 + 10_000 * S));
    expect(late.events.map((e) => e.data.clock).sort()).toEqual(['contact', 'reply']);
  });

  it('drops warningLevel back to none when the warned clock stops', () => {
    const yellow = tick(dispatched(), ctx(T0 + 30 * S)).state;
    expect(apply(yellow, cmd.accept(), ctx(T0 + 35 * S)).state.warningLevel).toBe('none');
    const red = tick(dispatched(), ctx(T0 + 40 * S)).state;
    expect(red.warningLevel).toBe('red');
    expect(apply(red, cmd.return(), ctx(T0 + 41 * S)).state.warningLevel).toBe('none');
  });

  it('keeps the level of the clocks still running', () => {
    // signFor red (first seen past due) and reply yellow; accepting stops signFor only.
    const both = tick(dispatched(), ctx(T0 + 150 * S)).state;
    expect(both.warningLevel).toBe('red');
    const accepted = apply(both, cmd.accept(), ctx(T0 + 151 * S)).state;
    expect(accepted.clocks.signFor?.result).toBe('breached');
    expect(accepted.warningLevel).toBe('yellow');
  });
});

describe('nextWakeAt', () => {
  it('is null with no running clock', () => {
    expect(nextWakeAt(REACH.received())).toBeNull();
    expect(nextWakeAt(REACH.closed())).toBeNull();
  });

  it("returns a clock's yellowAt, then its dueAt, then null", () => {
    let s = REACH.contacted(); // only reply runs: yellow +150 s, due +200 s
    expect(nextWakeAt(s)).toBe(T0 + 150 * S);
    s = tick(s, ctx(T0 + 150 * S)).state;
    expect(nextWakeAt(s)).toBe(T0 + 200 * S);
    s = tick(s, ctx(T0 + 200 * S)).state;
    expect(nextWakeAt(s)).toBeNull();
  });

  it('wakes for the earliest pending warning across clocks, each wake doing one thing', () => {
    let s = REACH.dispatched();
    const wakes: number[] = [];
    for (let w = nextWakeAt(s); w !== null && wakes.length < 10; w = nextWakeAt(s)) {
      wakes.push(w);
      const t = tick(s, ctx(w));
      expect(t.events).toHaveLength(1);
      s = t.state;
    }
    expect(wakes).toEqual([30, 40, 150, 200].map((sec) => T0 + sec * S));
  });
});

describe('replyDueAt', () => {
  it('is the running reply clock due time, else null', () => {
    expect(replyDueAt(REACH.received())).toBeNull();
    expect(replyDueAt(REACH.contacted())).toBe(iso(T0 + 200 * S));
    expect(replyDueAt(REACH.replied())).toBeNull();
  });
});

describe('ignoredSignal', () => {
  it('records a signal_ignored event and changes nothing else', () => {
    const s = REACH.received();
    const t = ignoredSignal(s, 'accept', 'case is not dispatched', T0 + 1 * S, actor);
    expect(t.events).toEqual([{ seq: 2, type: 'signal_ignored', at: iso(T0 + 1 * S), actor, data: { action: 'accept', reason: 'case is not dispatched' } }]);
    expect(t.state).toEqual({ ...s, seq: 2, updatedAt: iso(T0 + 1 * S) });
    expect(t.notifications).toEqual([]);
  });
});

describe('a long case history', () => {
  type Step = { at: number } & ({ cmd: CaseCommand } | { tick: true } | { ignore: CaseAction });
  const steps: Step[] = [
    { at: 0, cmd: cmd.dispatch('unit-a') },
    { at: 30, tick: true }, // signFor yellow
    { at: 31, cmd: cmd.escalate() },
    { at: 35, cmd: cmd.return() },
    { at: 36, cmd: cmd.dispatch('unit-b') },
    { at: 40, cmd: cmd.accept() },
    { at: 41, cmd: cmd.progress() },
    { at: 200, tick: true }, // contact red, reply yellow
    { at: 201, cmd: cmd.contact() },
    { at: 202, cmd: cmd.reassign('unit-c') },
    { at: 203, cmd: cmd.accept() },
    { at: 204, cmd: cmd.contact() },
    { at: 205, cmd: cmd.progress() },
    { at: 206, cmd: cmd.reply(false) },
    { at: 400, tick: true }, // callback red
    { at: 401, cmd: cmd.callback('unsatisfied', false) },
    { at: 402, cmd: cmd.escalate(3) },
    { at: 403, cmd: cmd.accept() },
    { at: 404, cmd: cmd.contact() },
    { at: 405, cmd: cmd.reply(true) },
    { at: 406, cmd: cmd.callback('satisfied', true) },
    { at: 407, ignore: 'accept' },
  ];

  function replay() {
    const first = open('HL0000000000000001', intake, T0, actor);
    let state: CaseState = { ...first.state, slaClass: 'general', policyVersion: fast.version };
    const events: CaseEvent[] = [...first.events];
    const notifications: CaseNotification[] = [];
    const mutated: string[] = [];
    for (const step of steps) {
      const now = T0 + step.at * S;
      const input = deepFreeze(state);
      const snapshot = JSON.stringify(input);
      const t: Transition =
        'cmd' in step ? apply(input, step.cmd, ctx(now)) : 'tick' in step ? tick(input, ctx(now)) : ignoredSignal(input, step.ignore, 'closed', now, actor);
      if (JSON.stringify(input) !== snapshot) mutated.push(JSON.stringify(step));
      expect(t.events.length, JSON.stringify(step)).toBeGreaterThan(0);
      events.push(...t.events);
      notifications.push(...t.notifications);
      state = t.state;
    }
    return { state, events, notifications, mutated };
  }

  it('numbers events 1, 2, 3 … with no gaps', () => {
    const { state, events } = replay();
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(state.seq).toBe(events.length);
    expect(state).toMatchObject({ status: 'closed', outcome: 'resolved', round: 2, escalationLevel: 3, unitId: 'unit-c', dispatchCount: 2, returnCount: 1, reassignCount: 1 });
    const times = events.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('ties every notification to a warning or escalation event of the case', () => {
    const { events, notifications } = replay();
    const bySeq = new Map(events.map((e) => [e.seq, e]));
    expect(notifications.length).toBeGreaterThan(0);
    for (const n of notifications) {
      expect(n.caseId).toBe('HL0000000000000001');
      expect(['warning_raised', 'escalated']).toContain(bySeq.get(n.seq)?.type);
    }
  });

  it('never mutates the input state (inputs are deep-frozen and compared)', () => {
    expect(replay().mutated).toEqual([]);
  });

  it('never puts personal data in events or notifications', () => {
    const text = JSON.stringify(replay());
    for (const secret of [PII.name, PII.phone, PII.address]) expect(text).not.toContain(secret);
  });
});

describe('escalation level guard', () => {
  it('refuses a level that is not a whole number (callers that bypass the API schema)', () => {
    const state = received();
    for (const level of [1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(violation(() => check(state, { kind: 'escalate', payload: { reason: 'x', level } })).code).toBe('invalid_transition');
    }
  });
});

describe('checkActingUnit', () => {
  it('lets an action for a unit through only while the case is at that unit', async () => {
    const { checkActingUnit } = await import('./case.machine.js');
    const state = { caseId: 'HL1', unitId: 'd01-s02' } as Parameters<typeof checkActingUnit>[0];
    expect(() => checkActingUnit(state, { id: 'h', role: 'unit_handler', unitId: 'd01-s02' })).not.toThrow();
    expect(() => checkActingUnit(state, { id: 's', role: 'supervisor' })).not.toThrow();
    expect(() => checkActingUnit(state, { id: 'h', role: 'unit_handler', unitId: 'd01-s01' })).toThrow(expect.objectContaining({ code: 'case_not_found' }));
  });
});

describe('urge (催办)', () => {
  it('records the push on the timeline and sends the unit a notice, without changing the case', () => {
    const before = REACH.accepted();
    const t = apply(before, { kind: 'urge', payload: { note: '群众反映强烈，请今日内联系' } }, ctx(40 * 60_000));
    expect(t.state.status).toBe(before.status);
    expect(t.events.map((e) => [e.type, e.data])).toEqual([['urged', { unitId: before.unitId, note: '群众反映强烈，请今日内联系' }]]);
    expect(t.notifications).toEqual([expect.objectContaining({ kind: 'urging', recipient: before.unitId, message: '催办: 群众反映强烈，请今日内联系' })]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Dispatch rules (issue 6): return window, designation, joint handling, triage, the overdue ladder.

describe('return window', () => {
  it('allows a return up to the window (1 working day by default) and refuses it after, naming when it closed', () => {
    const s = REACH.dispatched();
    expect(s.returnDueAt).toBe(iso(T0 + 86_400 * S));
    expect(apply(s, cmd.return(), ctx(T0 + 86_400 * S)).state.status).toBe('returned');
    const v = violation(() => check(s, cmd.return(), { now: T0 + 86_400 * S + 1 }));
    expect(v.details).toMatchObject({ returnDueAt: s.returnDueAt, action: 'return' });
    expect(v.state).toBe('dispatched');
  });

  it('gives complex cases 2 working days, counted over the weekend', () => {
    const friday = T0 + 4 * 86_400 * S;
    const s = apply(received('complex'), cmd.dispatch(), ctx(friday)).state;
    expect(s.returnDueAt).toBe(iso(friday + 4 * 86_400 * S)); // Friday → Tuesday, same time
  });

  it('no window in the policy for the case\'s class: the unit may not return it at all (a dispatcher reassigns)', () => {
    const { complex: _complex, ...others } = fast.returnWindow!;
    const noComplex: CasePolicy = { ...fast, returnWindow: others };
    const s = apply(received('complex', noComplex), cmd.dispatch(), ctx(T0, noComplex)).state;
    expect(s.returnDueAt).toBeNull();
    const v = violation(() => check(s, cmd.return(), { now: T0 + S }));
    expect(v.message).toMatch(/no return window/);
    expect(v.details).toMatchObject({ action: 'return', returnDueAt: null, policyVersion: fast.version });
    // A policy from before return windows: the same, for a case opened now.
    const { returnWindow: _w, designateAfterReturns: _d, overdueLadder: _l, cooperationReport: _c, ...old } = fast;
    const t = apply(received('general', old as CasePolicy), cmd.dispatch(), ctx(T0, old as CasePolicy)).state;
    expect(() => check(t, cmd.return(), { now: T0 + S })).toThrow(/no return window/);
    // A reassignment elsewhere does not open a window the policy does not give.
    expect(() => check(apply(s, cmd.reassign('unit-b'), ctx(T0 + 2 * S, noComplex)).state, cmd.return(), { now: T0 + 3 * S })).toThrow(/no return window/);
  });

  it('a case opened before the return rules keeps returning freely without a window (its history replays as recorded)', () => {
    const { returnWindow: _w, designateAfterReturns: _d, overdueLadder: _l, cooperationReport: _c, ...old } = fast;
    const s = apply(received('general', old as CasePolicy), cmd.dispatch(), ctx(T0, old as CasePolicy)).state;
    expect(() => check(s, cmd.return(), { now: T0 + 365 * 86_400 * S, rules: { returnRules: false } })).not.toThrow();
  });

  it('a re-handled case goes back to the unit that handled it, which may not return it, at any time', () => {
    const rehandled = apply(REACH.replied(), cmd.callback('unsatisfied'), ctx(T0 + 30 * S)).state;
    expect(rehandled).toMatchObject({ status: 'dispatched', round: 2, unitId: 'unit-a', returnDueAt: null });
    expect(rehandled.dispatches!.at(-1)).toMatchObject({ kind: 'rehandling', unitId: 'unit-a', round: 2 });
    for (const later of [31, 3_600, 365 * 86_400]) {
      const v = violation(() => check(rehandled, cmd.return(), { now: T0 + later * S }));
      expect(v.message).toMatch(/re-handling/);
      expect(v.details).toMatchObject({ action: 'return', round: 2, returnDueAt: null });
    }
    // Also once signed for.
    const accepted = apply(rehandled, cmd.accept(), ctx(T0 + 40 * S)).state;
    expect(() => check(accepted, cmd.return(), { now: T0 + 41 * S })).toThrow(/re-handling/);
    // Reassigned to another unit in the round, that unit was not the one that handled it: its window applies.
    const moved = apply(rehandled, cmd.reassign('unit-b'), ctx(T0 + 50 * S)).state;
    expect(moved.returnDueAt).not.toBeNull();
    expect(apply(moved, cmd.return(), ctx(T0 + 51 * S)).state.status).toBe('returned');
    // A case whose history began before the rule: the old answer (no window set, no refusal).
    expect(() => check(rehandled, cmd.return(), { now: T0 + 365 * 86_400 * S, rules: { returnRules: false } })).not.toThrow();
  });
});

describe('designation', () => {
  it('the dispatch after 3 returns designates the unit, which then may not return it', () => {
    let s = received();
    for (const unit of ['u1', 'u2', 'u3']) s = run(s, [[cmd.dispatch(unit), 1], [cmd.return(), 2]]);
    const t = apply(s, cmd.dispatch('u4'), ctx(T0 + 3 * S));
    expect(t.state).toMatchObject({ designatedUnitId: 'u4', returnDueAt: null, returnCount: 3, dispatchCount: 4 });
    expect(t.state.dispatches!.map((d) => [d.unitId, d.kind, d.returnReason ?? null])).toEqual([
      ['u1', 'dispatch', 'not_our_duty'],
      ['u2', 'dispatch', 'not_our_duty'],
      ['u3', 'dispatch', 'not_our_duty'],
      ['u4', 'designation', null],
    ]);
    expect(t.events[0]!.data).toMatchObject({ kind: 'designation', designated: true, failedDispatches: 3 });
    expect(violation(() => check(t.state, cmd.return(), { now: T0 + 4 * S })).details).toMatchObject({ designatedUnitId: 'u4' });
    // Reassigned elsewhere by a supervisor, the new unit was not designated: its return window applies.
    const moved = apply(t.state, cmd.reassign('u5'), ctx(T0 + 5 * S)).state;
    expect(() => check(moved, cmd.return(), { now: T0 + 6 * S })).not.toThrow();
  });
});

describe('joint handling', () => {
  const lead: Actor = { id: 'h-lead', role: 'unit_handler', unitId: 'unit-a' };
  const coop = (unitId: string): Actor => ({ id: `h-${unitId}`, role: 'unit_handler', unitId });
  const joint = () => apply(received(), { kind: 'dispatch', payload: { unitId: 'unit-a', cooperating: ['unit-b', 'unit-c'] } }, ctx(T0)).state;

  it('asks each cooperating unit for its part, due by the policy (3 working days for general)', () => {
    const t = apply(received(), { kind: 'dispatch', payload: { unitId: 'unit-a', cooperating: ['unit-b'] } }, ctx(T0));
    expect(t.state.cooperation).toEqual([{ unitId: 'unit-b', status: 'pending', requestedAt: iso(T0), dueAt: iso(T0 + 3 * 86_400 * S) }]);
    expect(t.notifications.map((n) => [n.kind, n.unitId])).toEqual([['cooperation_request', 'unit-b']]);
  });

  it('a part is signed for, then reported; the lead may reply only when nothing is owed', () => {
    let s = run(joint(), [[cmd.accept(), 1], [cmd.contact(), 2]]);
    expect(violation(() => check(s, cmd.reply())).details).toMatchObject({ owing: ['unit-b', 'unit-c'] });
    expect(violation(() => check(s, { kind: 'report', payload: { content: 'x' } }, { actor: coop('unit-b') })).details).toMatchObject({ part: 'pending' });
    for (const u of ['unit-b', 'unit-c']) {
      s = apply(s, { kind: 'cooperate', payload: {} }, { ...ctx(T0 + 3 * S), actor: coop(u) }).state;
      s = apply(s, { kind: 'report', payload: { content: `${u} done` } }, { ...ctx(T0 + 4 * S), actor: coop(u) }).state;
    }
    expect(s.cooperation!.every((p) => p.status === 'reported' && !p.late)).toBe(true);
    expect(apply(s, cmd.reply(), { ...ctx(T0 + 5 * S), actor: lead }).state.status).toBe('replied');
  });

  it('only the lead acts as the case unit and only cooperating units act on parts', () => {
    const s = joint();
    expect(() => checkActingUnit(s, coop('unit-b'), 'accept')).toThrow(/no case/);
    expect(() => checkActingUnit(s, lead, 'cooperate')).toThrow(/no case/);
    expect(() => checkActingUnit(s, coop('unit-b'), 'cooperate')).not.toThrow();
    expect(() => checkActingUnit(s, coop('unit-z'), 'report')).toThrow(/no case/);
  });

  it('a part past its due time is reported overdue once, to the cooperating unit and the lead; a late report is flagged', () => {
    const s = joint();
    const due = Date.parse(s.cooperation![0]!.dueAt);
    expect(nextWakeAt(s, fast)).toBe(Date.parse(s.clocks.signFor!.yellowAt));
    const accepted = run(s, [[cmd.accept(), 1], [cmd.contact(), 2]]);
    // Once the lead's own clocks are far off, the parts' due time is the next wake.
    const quiet: CaseState = { ...accepted, clocks: {} };
    expect(nextWakeAt(quiet, fast)).toBe(due);
    const t = tick(quiet, ctx(due));
    expect(t.events.map((e) => [e.type, e.data.unitId])).toEqual([
      ['cooperation_overdue', 'unit-b'],
      ['cooperation_overdue', 'unit-c'],
    ]);
    expect(t.notifications.map((n) => [n.unitId, n.recipient])).toEqual([
      ['unit-b', 'principal_leader'],
      ['unit-a', 'handler'],
      ['unit-c', 'principal_leader'],
      ['unit-a', 'handler'],
    ]);
    expect(tick(t.state, ctx(due + 60 * S)).events).toEqual([]);
    expect(nextWakeAt(t.state, fast)).toBeNull();
    const signed = apply(t.state, { kind: 'cooperate', payload: {} }, { ...ctx(due + S), actor: coop('unit-b') }).state;
    const late = apply(signed, { kind: 'report', payload: { content: 'late' } }, { ...ctx(due + 2 * S), actor: coop('unit-b') });
    expect(late.state.cooperation![0]).toMatchObject({ status: 'reported', late: true });
    expect(late.events[0]!.data).toMatchObject({ late: true, leadUnitId: 'unit-a' });
  });

  it('a return ends the joint handling; the lead cannot cooperate on its own case', () => {
    expect(apply(joint(), cmd.return(), ctx(T0 + S)).state.cooperation).toEqual([]);
    expect(() => check(received(), { kind: 'dispatch', payload: { unitId: 'u', cooperating: ['u'] } })).toThrow(RuleViolation);
    expect(() => check(joint(), cmd.reassign('unit-b'))).toThrow(/cooperates/);
  });
});

describe('triage', () => {
  it('closes a received case with its outcome and details, without dispatch', () => {
    const t = apply(received(), { kind: 'triage', payload: { outcome: 'emergency_transfer', service: '120', note: '已转120' } }, ctx(T0));
    expect(t.state).toMatchObject({ status: 'closed', outcome: 'emergency_transfer', unitId: null, closedAt: iso(T0), dispatchCount: 0 });
    expect(t.state.triage).toEqual({ outcome: 'emergency_transfer', service: '120', note: '已转120' });
    expect(t.events.map((e) => e.type)).toEqual(['triaged', 'closed']);
    expect(isTerminal(t.state)).toBe(true);
  });

  it('refuses a repeat of itself', () => {
    const s = received();
    expect(() => check(s, { kind: 'triage', payload: { outcome: 'repeat', linkedCaseId: s.caseId, note: 'x' } })).toThrow(/itself/);
  });

  it('opening() with a catalogue match dispatches as the system; with a triage it closes', () => {
    const setup = { policy: fast, slaClass: 'general' as const, dispatch: { unitId: 'd01-s02', ruleId: 'r1', copyTo: ['d01'] } };
    const t = opening('HL0000000000000002', intake, setup, T0, actor);
    expect(t.events.map((e) => [e.type, e.actor.id])).toEqual([
      ['received', actor.id],
      ['dispatched', 'system'],
    ]);
    expect(t.state).toMatchObject({ status: 'dispatched', unitId: 'd01-s02', copiedUnitIds: ['d01'], seq: 2 });
    expect(t.notifications.map((n) => [n.kind, n.unitId])).toEqual([
      ['acceptance', null],
      ['copy', 'd01'],
    ]);
    const triaged = opening('HL0000000000000003', { ...intake, triage: { outcome: 'consultation', note: '已解答' } }, setup, T0, actor);
    expect(triaged.state).toMatchObject({ status: 'closed', outcome: 'consultation', unitId: null });
  });
});

describe('overdue ladder', () => {
  it('escalates to the supervising level 1 working day after the deadline and sends the city notice after 5', () => {
    let s = REACH.dispatched();
    const due = Date.parse(s.clocks.signFor!.dueAt);
    s = tick(s, ctx(due)).state; // red
    // The reply clock's yellow comes first; the ladder's step is next for sign-for: Tuesday 10:00:40.
    const step1 = due + 86_400 * S;
    s = tick(s, ctx(Date.parse(s.clocks.reply!.yellowAt))).state;
    s = tick(s, ctx(Date.parse(s.clocks.reply!.dueAt))).state;
    expect(s.escalationLevel).toBe(0);
    const wakes: number[] = [];
    for (let w = nextWakeAt(s, fast); w !== null && wakes.length < 10; w = nextWakeAt(s, fast)) {
      wakes.push(w);
      const t = tick(s, ctx(w));
      expect(t.events.length).toBeGreaterThan(0);
      for (const e of t.events) expect(['escalated', 'overdue_step']).toContain(e.type);
      s = t.state;
    }
    expect(wakes[0]).toBe(step1);
    expect(s.escalationLevel).toBe(3);
    expect(s.clocks.signFor!.ladderStep).toBe(2);
    expect(s.clocks.reply!.ladderStep).toBe(2);
    expect(wakes).toHaveLength(4);
  });

  it('never lowers a level a supervisor raised; the city notice still goes out', () => {
    let s = apply(REACH.dispatched(), cmd.escalate(3), ctx(T0 + S)).state;
    const due = Date.parse(s.clocks.signFor!.dueAt);
    s = tick(s, ctx(due)).state;
    // 8 days later both clocks (sign-for and reply) are past their 5th overdue working day.
    const t = tick(s, ctx(due + 8 * 86_400 * S));
    expect(t.state.escalationLevel).toBe(3);
    expect(t.notifications.filter((n) => n.kind === 'overdue_notice').map((n) => n.recipient)).toEqual(['city', 'city']);
    expect(t.events.filter((e) => e.type === 'overdue_step')).toHaveLength(4);
    expect(t.events.every((e) => e.type === 'overdue_step' || e.type === 'warning_raised')).toBe(true);
  });
});

describe('clock owners (issue 15): each clock warns its owner', () => {
  const who = (t: Transition) => t.notifications.map((n) => [n.kind, n.recipient, n.unitId]);

  it("the callback is the hotline centre's: its yellow, red, urging and ladder go to the centre, and the case is not escalated for it", () => {
    let s = REACH.replied(); // callback from T0+20 s, due 100 s later
    const cb = s.clocks.callback!;
    const yellow = tick(s, ctx(Date.parse(cb.yellowAt)));
    expect(who(yellow)).toEqual([['yellow_warning', 'deputy_leader', 'hotline-centre']]);
    expect(yellow.events[0]!.data).toMatchObject({ clock: 'callback', level: 'yellow', unitId: 'hotline-centre', owner: 'centre' });
    const red = tick(yellow.state, ctx(Date.parse(cb.dueAt)));
    expect(who(red)).toEqual([
      ['red_warning', 'principal_leader', 'hotline-centre'],
      ['urging', 'handler', 'hotline-centre'],
    ]);
    s = red.state;
    expect(s.warningLevel).toBe('red');
    // Eight days on: both steps of the ladder came, for the centre; the handling unit's case stays at level 0.
    const ladder = tick(s, ctx(Date.parse(cb.dueAt) + 8 * 86_400 * S));
    expect(ladder.events.map((e) => [e.type, e.data.step, e.data.owner])).toEqual([
      ['overdue_step', 1, 'centre'],
      ['overdue_step', 2, 'centre'],
    ]);
    expect(ladder.state.escalationLevel).toBe(0);
    expect(who(ladder)).toEqual([
      ['escalation', 'supervising_leader', 'hotline-centre'],
      ['escalation', 'city', 'hotline-centre'],
      ['overdue_notice', 'city', 'hotline-centre'],
    ]);
    // Nothing of the callback's went to the handling unit.
    for (const t of [yellow, red, ladder]) for (const n of t.notifications) expect(n.unitId).not.toBe('unit-a');
  });

  it('a policy that names no centre: the city platform answers for the callback', () => {
    const { centreUnitId: _c, ...noCentre } = fast;
    let s = run(received('general', noCentre), [[cmd.dispatch(), 0], [cmd.accept(), 5], [cmd.contact(), 10], [cmd.reply(), 20]], noCentre);
    const cb = s.clocks.callback!;
    const yellow = tick(s, ctx(Date.parse(cb.yellowAt), noCentre));
    expect(yellow.notifications.map((n) => [n.kind, n.recipient])).toEqual([['yellow_warning', 'dispatch']]);
    s = tick(yellow.state, ctx(Date.parse(cb.dueAt), noCentre)).state;
    const ladder = tick(s, ctx(Date.parse(cb.dueAt) + 2 * 86_400 * S, noCentre));
    expect(ladder.notifications.map((n) => [n.kind, n.recipient])).toEqual([['escalation', 'city']]);
    expect(ladder.state.escalationLevel).toBe(0);
  });

  it("sign-for, contact and reply stay the handling unit's; the ladder's level 2 goes to the unit above it", () => {
    let s = REACH.dispatched();
    const due = Date.parse(s.clocks.signFor!.dueAt);
    const red = tick(s, ctx(due));
    expect(who(red).filter(([kind]) => kind !== 'yellow_warning')).toEqual([
      ['red_warning', 'principal_leader', 'unit-a'],
      ['urging', 'handler', 'unit-a'],
    ]);
    s = red.state;
    const step = tick(s, ctx(due + 86_400 * S));
    expect(step.state.escalationLevel).toBe(2);
    expect(step.events.find((e) => e.type === 'escalated')!.data).toMatchObject({ to: 2, clock: 'signFor', automatic: true });
    // notifications/recipients.ts resolves it from the org tree: a community's street, a street's district, …
    expect(who(step).filter(([kind]) => kind === 'escalation')).toEqual([['escalation', 'supervising_leader', 'unit-a']]);
  });

  it('a case opened before clock owners keeps the old routing (its history replays as recorded)', () => {
    const old = (now: number): Context => ({ ...ctx(now), rules: { clockOwners: false } });
    let s = REACH.replied();
    const cb = s.clocks.callback!;
    const red = tick(s, old(Date.parse(cb.dueAt)));
    expect(red.notifications.map((n) => [n.kind, n.recipient, n.unitId])).toEqual([
      ['red_warning', 'principal_leader', 'unit-a'],
      ['urging', 'handler', 'unit-a'],
    ]);
    s = red.state;
    const step = tick(s, old(Date.parse(cb.dueAt) + 86_400 * S));
    expect(step.state.escalationLevel).toBe(2);
    expect(step.notifications.map((n) => [n.recipient, n.unitId])).toEqual([['district', 'unit-a']]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Deadlines (issue 7): hold (挂账), resume, 销账, extension (延期).

describe('hold and resume', () => {
  it('pauses every running clock: no warning fires while on hold, a review reminder goes out on each review date', () => {
    const contacted = REACH.contacted(); // reply clock: T0 → T0+200 s, yellow at 150 s
    const held = apply(contacted, cmd.hold(100, 300), ctx(T0 + 20 * S)).state;
    expect(held).toMatchObject({ status: 'on_hold', warningLevel: 'none' });
    expect(held.clocks.reply!.pausedAt).toBe(iso(T0 + 20 * S));
    // The yellow and red of the reply clock would have come at 150 s and 200 s: nothing does; the reviews do.
    expect(nextWakeAt(held, fast)).toBe(T0 + 100 * S);
    const review1 = tick(held, ctx(T0 + 100 * S));
    expect(review1.events.map((e) => e.type)).toEqual(['hold_review_due']);
    expect(review1.notifications.map((n) => [n.kind, n.recipient])).toEqual([['hold_review', 'principal_leader']]);
    expect(nextWakeAt(review1.state, fast)).toBe(T0 + 300 * S);
    const review2 = tick(review1.state, ctx(T0 + 300 * S));
    expect(review2.events.map((e) => e.data.review)).toEqual([2]);
    expect(nextWakeAt(review2.state, fast)).toBeNull();
    expect(tick(review2.state, ctx(T0 + 10_000 * S)).events).toEqual([]);
  });

  it('resume gives the clocks back the time they were paused and returns to the status the case was in', () => {
    const held = apply(REACH.contacted(), cmd.hold(1_000), ctx(T0 + 20 * S)).state;
    const resumed = apply(held, cmd.resume(), ctx(T0 + 520 * S));
    expect(resumed.state).toMatchObject({ status: 'contacted', hold: null });
    // 500 s paused: the reply clock (wall-clock seconds in this policy) is due 500 s later, yellow too.
    expect(resumed.state.clocks.reply).toMatchObject({ dueAt: iso(T0 + 700 * S), yellowAt: iso(T0 + 650 * S), pausedMs: 500 * S });
    expect(resumed.state.clocks.reply!.pausedAt).toBeUndefined();
    expect(resumed.events[0]).toMatchObject({ type: 'resumed', data: { pausedMs: 500 * S, status: 'contacted' } });
    expect(nextWakeAt(resumed.state, fast)).toBe(T0 + 650 * S);
  });

  it('counts working time for working-day clocks: a hold over a weekend costs nothing', () => {
    const friday = T0 + 4 * 86_400 * S;
    const s = run(received('general', defaultCasePolicy), [[cmd.dispatch(), 4 * 86_400], [cmd.accept(), 4 * 86_400 + 60], [cmd.contact(), 4 * 86_400 + 120]], defaultCasePolicy);
    const due = s.clocks.reply!.dueAt; // 5 working days from Friday 10:00 = next Friday 10:00
    expect(due).toBe(iso(friday + 7 * 86_400 * S));
    const saturday = friday + 86_400 * S;
    const held = apply(s, cmd.hold(8 * 86_400), ctx(saturday, defaultCasePolicy)).state;
    const resumed = apply(held, cmd.resume(), ctx(saturday + 86_400 * S, defaultCasePolicy)).state; // Sunday
    expect(resumed.clocks.reply!.dueAt).toBe(due);
  });

  it('a hold on a working-day clock moves its yellow by the working time lost, inside working hours', () => {
    const s = run(received('general', defaultCasePolicy), [[cmd.dispatch(), 0], [cmd.accept(), 60], [cmd.contact(), 120]], defaultCasePolicy);
    expect(s.clocks.reply).toMatchObject({ dueAt: iso(Date.parse('2026-11-23T10:00:00+08:00')), yellowAt: iso(Date.parse('2026-11-19T16:45:00+08:00')) });
    // On hold Tuesday 10:00–12:00: two working hours lost.
    const held = apply(s, cmd.hold(8 * 86_400), ctx(Date.parse('2026-11-17T10:00:00+08:00'), defaultCasePolicy)).state;
    const resumed = apply(held, cmd.resume(), ctx(Date.parse('2026-11-17T12:00:00+08:00'), defaultCasePolicy)).state;
    // Due two working hours later; yellow too: Thursday 16:45 + 2 working hours = Friday 10:15 (not Thursday 18:45).
    expect(resumed.clocks.reply).toMatchObject({
      dueAt: iso(Date.parse('2026-11-23T12:00:00+08:00')),
      yellowAt: iso(Date.parse('2026-11-20T10:15:00+08:00')),
    });
  });

  it('销账: a reply from the hold closes it, the clocks stop with the paused time given back', () => {
    const held = apply(REACH.contacted(), cmd.hold(1_000), ctx(T0 + 20 * S)).state;
    const t = apply(held, cmd.reply(), ctx(T0 + 600 * S));
    expect(t.state).toMatchObject({ status: 'replied', hold: null });
    expect(t.state.clocks.reply).toMatchObject({ result: 'met', stoppedAt: iso(T0 + 600 * S), pausedMs: 580 * S });
    expect(t.events[0]!.data).toMatchObject({ writeOff: true });
  });

  it('refuses review dates in the past or out of order, and what a held case cannot do', () => {
    const s = REACH.contacted();
    expect(() => check(s, cmd.hold(5), { now: T0 + 10 * S })).toThrow(/future/);
    expect(() => check(s, cmd.hold(300, 200), { now: T0 + 10 * S })).toThrow(/ascending/);
    const held = REACH.on_hold();
    for (const c of [cmd.accept(), cmd.contact(), cmd.return(), cmd.reassign(), cmd.requestExtension(), cmd.hold()]) expect(() => check(held, c)).toThrow(RuleViolation);
  });
});

describe('extension (延期)', () => {
  const supervisor: Actor = { id: 'sup-1', role: 'supervisor' };
  const leader: Actor = { id: 'leader-1', role: 'unit_leader', unitId: 'unit-a' };

  it('is asked before the reply deadline and, approved, moves it by working days and re-arms its warnings', () => {
    const daily: CasePolicy = { ...defaultCasePolicy, extension: fast.extension! };
    const s = run(received('general', daily), [[cmd.dispatch(), 0], [cmd.accept(), 60], [cmd.contact(), 120]], daily);
    const due = Date.parse(s.clocks.reply!.dueAt); // Monday + 5 wd = next Monday 10:00
    const asked = apply(s, cmd.requestExtension(3), ctx(T0 + 3_600 * S, daily));
    expect(asked.state.extensions).toEqual([expect.objectContaining({ n: 1, days: 3, status: 'pending' })]);
    expect(asked.notifications.map((n) => [n.kind, n.recipient])).toEqual([['extension_request', 'principal_leader']]);
    const decided = apply(asked.state, cmd.decideExtension(true, 2), { now: T0 + 7_200 * S, actor: leader, policy: daily });
    const newDue = due + 2 * 86_400 * S; // Monday + 2 working days = Wednesday
    // Yellow re-armed at 75% of the 7 working days from the start (Monday 10:00 to Wednesday 10:00): Monday 11:45.
    expect(decided.state.clocks.reply).toMatchObject({ dueAt: iso(newDue), extendedBy: 1, yellowAt: iso(Date.parse('2026-11-23T11:45:00+08:00')) });
    expect(decided.state.extensions![0]).toMatchObject({ status: 'approved', days: 2, decidedBy: 'leader-1', previousDueAt: iso(due), newDueAt: iso(newDue) });
    expect(decided.events[0]!.data).toMatchObject({ approve: true, days: 2, newDueAt: iso(newDue) });
  });

  it('an approval after the warnings fired re-arms those that now lie ahead', () => {
    let s = REACH.contacted(); // reply due T0+200 s
    s = tick(s, ctx(T0 + 160 * S)).state; // yellow
    expect(s.warningLevel).toBe('yellow');
    s = apply(s, cmd.requestExtension(1), ctx(T0 + 170 * S)).state;
    const t = apply(s, cmd.decideExtension(), { now: T0 + 180 * S, actor: leader, policy: fast });
    expect(t.state.clocks.reply!.yellowFiredAt).toBeUndefined();
    expect(t.state.warningLevel).toBe('none');
  });

  it('refuses a request after the deadline, a second pending one, more than the policy allows, and a second approval without a supervisor', () => {
    const s = REACH.contacted();
    expect(violation(() => check(s, cmd.requestExtension(), { now: T0 + 200 * S, policy: fast })).details).toMatchObject({ replyDueAt: s.clocks.reply!.dueAt });
    expect(violation(() => check(s, cmd.requestExtension(11), { now: T0 + 30 * S, policy: fast })).details).toMatchObject({ maxDays: 10 });
    const asked = apply(s, cmd.requestExtension(2), ctx(T0 + 30 * S)).state;
    expect(() => check(asked, cmd.requestExtension(), { now: T0 + 31 * S, policy: fast })).toThrow(/already waiting/);
    expect(() => check(asked, cmd.decideExtension(true, 5), { policy: fast })).toThrow(/cannot grant more/);
    const first = apply(asked, cmd.decideExtension(), { now: T0 + 40 * S, actor: leader, policy: fast }).state;
    const again = apply(first, cmd.requestExtension(2), ctx(T0 + 50 * S)).state;
    expect(() => check(again, cmd.decideExtension(), { actor: leader, policy: fast })).toThrow(/supervisor/);
    expect(() => check(again, cmd.decideExtension(false), { actor: leader, policy: fast })).not.toThrow();
    expect(apply(again, cmd.decideExtension(), { now: T0 + 60 * S, actor: supervisor, policy: fast }).state.extensions![1]).toMatchObject({ status: 'approved', decidedRole: 'supervisor' });
  });

  it('a denial leaves the deadline where it was', () => {
    const asked = apply(REACH.contacted(), cmd.requestExtension(2), ctx(T0 + 30 * S)).state;
    const t = apply(asked, cmd.decideExtension(false), { now: T0 + 40 * S, actor: leader, policy: fast });
    expect(t.state.clocks.reply!.dueAt).toBe(asked.clocks.reply!.dueAt);
    expect(t.state.extensions![0]).toMatchObject({ status: 'denied', note: '不同意' });
  });
});
