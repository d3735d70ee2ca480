import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCasePolicy } from '../db/seed-policy.js';
import { apply, check, open, tick } from './case.machine.js';
import type { Actor, CaseCommand, CaseEvent, CaseIntake, CaseState, Satisfaction } from './case.types.js';
import type { CasePolicy } from './policy.types.js';
import { RuleViolation } from './errors.js';
import { assessmentPolicyInputSchema, assessmentPolicySchema, defaultAssessmentPolicy, describeInvalidCallbackRule, type AssessmentPolicy } from './assessment.policy.js';
import {
  assessmentMonthDays,
  assessmentMonthOf,
  caseContributions,
  exclusionOf,
  periodDays,
  periodOf,
  previousPeriod,
  rankUnits,
  sumContributions,
  unitFigures,
  type Contribution,
  type Counts,
} from './assessment.rules.js';
import { fastPolicy, sampleIntake } from '../test/support/domain-fixtures.js';

// ---------------------------------------------------------------------------------------------------------------
// Fixtures: cases built through the machine, as the product writes them.

const S = 1_000;
/** Monday 2026-11-16 10:00 in Shanghai. */
const T0 = Date.parse('2026-11-16T10:00:00+08:00');
const calendar = defaultCasePolicy.calendar;

const fast: CasePolicy = fastPolicy;
/** No re-handling: an unsatisfied callback closes the case unsatisfied. */
const oneRound: CasePolicy = { ...fast, maxExtraRounds: 0 };

const agent: Actor = { id: 'agent-7', role: 'dispatcher' };
const intake: CaseIntake = sampleIntake();

interface Built {
  state: CaseState;
  events: CaseEvent[];
}

/** A step: a command at `sec` seconds after the start (by `actor`), or a clock tick at `sec`. */
type Step = readonly [CaseCommand | 'tick', number, Actor?];

let nextId = 1;
/** Opens a case at `start` and applies the steps, collecting every event as the workflow records them. */
function build(steps: readonly Step[], { policy = fast, start = T0, intake: given = intake }: { policy?: CasePolicy; start?: number; intake?: CaseIntake } = {}): Built {
  const opened = open(`HL${String(nextId++).padStart(16, '0')}`, given, start, agent);
  let state: CaseState = { ...opened.state, slaClass: 'general', policyVersion: policy.version };
  const events = [...opened.events];
  for (const [c, sec, actor = agent] of steps) {
    const ctx = { now: start + sec * S, actor, policy };
    const t = c === 'tick' ? tick(state, ctx) : apply(state, c, ctx);
    state = t.state;
    events.push(...t.events);
  }
  return { state, events };
}

const cmd = {
  dispatch: (unitId: string, cooperating?: string[]): CaseCommand => ({ kind: 'dispatch', payload: { unitId, ...(cooperating && { cooperating }) } }),
  accept: (): CaseCommand => ({ kind: 'accept', payload: {} }),
  contact: (): CaseCommand => ({ kind: 'contact', payload: { method: 'phone' } }),
  reply: (): CaseCommand => ({ kind: 'reply', payload: { content: '已处理', resolved: true } }),
  callback: (satisfaction: Satisfaction, resolved: boolean, contacted = true): CaseCommand => ({ kind: 'callback', payload: { contacted, resolved, satisfaction } }),
  noAnswer: (): CaseCommand => ({ kind: 'callback', payload: { outcome: 'no_answer' } }),
  reassign: (unitId: string): CaseCommand => ({ kind: 'reassign', payload: { unitId, reason: '属地调整' } }),
  return: (): CaseCommand => ({ kind: 'return', payload: { reason: 'not_our_duty', note: '不属于本单位职责' } }),
  review: (demandReasonable: boolean): CaseCommand => ({ kind: 'review', payload: { demandReasonable, handlingCompliant: true, reason: '评议' } }),
  rate: (satisfaction: Satisfaction): CaseCommand => ({ kind: 'rate', payload: { satisfaction, resolved: true } }),
  cooperate: (): CaseCommand => ({ kind: 'cooperate', payload: {} }),
  report: (): CaseCommand => ({ kind: 'report', payload: { content: '本单位部分已完成' } }),
};

/** Dispatch to `unit` at `at`, sign for, contact, reply: a case waiting for its callback. */
const handled = (unit: string, at = 0): Step[] => [
  [cmd.dispatch(unit), at],
  [cmd.accept(), at + 5],
  [cmd.contact(), at + 10],
  [cmd.reply(), at + 20],
];

const contributions = (...cases: Built[]): Contribution[] => cases.flatMap((c) => caseContributions(c.state, c.events, calendar));
const countsOf = (cs: Contribution[], unitId: string): Counts => sumContributions(cs).get(unitId) ?? {};

// ---------------------------------------------------------------------------------------------------------------

describe('the assessment policy', () => {
  it('is DOMAIN.md’s numbers by default, and the stored and admin schemas accept it', () => {
    expect(defaultAssessmentPolicy).toEqual({
      version: 1,
      weights: { response: 0.1, resolution: 0.5, satisfaction: 0.4 },
      basicallySatisfiedFactor: 0.9,
      ranking: { minValidCallbacks: 10, bottomFlagged: 10 },
      assessmentMonth: { startDay: 1 },
      invalidCallback: 'case_policy_attempts',
    });
    expect(assessmentPolicySchema.parse(defaultAssessmentPolicy)).toEqual(defaultAssessmentPolicy);
    const { version: _v, ...input } = defaultAssessmentPolicy;
    expect(assessmentPolicyInputSchema.parse({ ...input, note: 'Beijing' })).toEqual({ ...input, note: 'Beijing' });
  });

  it('refuses weights that do not add up to 1, a start day some month lacks, and (from an admin) unknown keys', () => {
    const paths = (r: { error?: { issues: Array<{ path: PropertyKey[] }> } }) => (r.error?.issues ?? []).map((i) => i.path.join('.'));
    const { version: _v, ...input } = defaultAssessmentPolicy;
    expect(paths(assessmentPolicyInputSchema.safeParse({ ...input, weights: { response: 0.3, resolution: 0.35, satisfaction: 0.3 } }))).toEqual(['weights']);
    expect(assessmentPolicyInputSchema.safeParse({ ...input, weights: { response: 0.3, resolution: 0.35, satisfaction: 0.35 } }).success).toBe(true);
    expect(paths(assessmentPolicyInputSchema.safeParse({ ...input, assessmentMonth: { startDay: 29 } }))).toEqual(['assessmentMonth.startDay']);
    expect(paths(assessmentPolicyInputSchema.safeParse({ ...input, bottomFlaged: 3 }))).toEqual(['']);
    expect(assessmentPolicySchema.parse({ ...defaultAssessmentPolicy, later: 1 })).not.toHaveProperty('later');
  });

  it('takes the invalid-callback rule from the case policy, not a number of its own', () => {
    expect(describeInvalidCallbackRule(defaultCasePolicy)).toBe('unreachable after 3 failed callback attempts in a round (case policy version 5)');
    expect(describeInvalidCallbackRule({ version: 3 })).toMatch(/no attempts rule/);
  });
});

describe('attribution and the figures of a unit, exact numbers on hand-built cases', () => {
  const A = 'd01-s01';
  const B = 'd01-s02';
  const satisfied = build([...handled(A), [cmd.callback('satisfied', true), 30]]);
  const basically = build([...handled(A), [cmd.callback('basically_satisfied', true), 30]]);
  const unsatisfied = build([...handled(A), [cmd.callback('unsatisfied', false), 30]], { policy: oneRound });
  const invalid = build([...handled(A), [cmd.noAnswer(), 30], [cmd.noAnswer(), 31], [cmd.noAnswer(), 32]]);
  const unreasonable = build([...handled(A), [cmd.callback('unsatisfied', false), 30], [cmd.review(false), 60]], { policy: oneRound });
  // Round 1: the reply goes red (the workflow's tick at the deadline) and the callback finds it unsolved, the unit
  // never contacted; round 2 at the same unit is answered satisfied.
  const rehandled = build([
    [cmd.dispatch(A), 0],
    [cmd.accept(), 5],
    [cmd.contact(), 10],
    ['tick', 201],
    [cmd.reply(), 210],
    [cmd.callback('unsatisfied', false, false), 220],
    [cmd.accept(), 230],
    [cmd.contact(), 240],
    [cmd.reply(), 250],
    [cmd.callback('satisfied', true), 260],
  ]);
  // B signs for it, then it is reassigned to A, which signs late (50 s after, the clock is 40 s) and finishes it.
  const reassigned = build([
    [cmd.dispatch(B), 0],
    [cmd.accept(), 5],
    [cmd.reassign(A), 10],
    [cmd.accept(), 60],
    [cmd.contact(), 70],
    [cmd.reply(), 80],
    [cmd.callback('satisfied', true, false), 90],
  ]);
  const all = contributions(satisfied, basically, unsatisfied, invalid, unreasonable, rehandled, reassigned);

  it('the machine closed them as expected', () => {
    expect([satisfied, basically, unsatisfied, invalid, unreasonable, rehandled, reassigned].map((c) => [c.state.status, c.state.outcome])).toEqual([
      ['closed', 'resolved'],
      ['closed', 'resolved'],
      ['closed', 'unsatisfied'],
      ['closed', 'callback_invalid'],
      ['closed', 'unsatisfied'],
      ['closed', 'resolved'],
      ['closed', 'resolved'],
    ]);
    expect(unreasonable.state.demandUnreasonable).toBe(true);
    expect(rehandled.state.round).toBe(2);
  });

  it('counts each case for the lead unit of its deciding round, and takes invalid and unreasonable ones out', () => {
    expect(countsOf(all, A)).toEqual({
      // satisfied, basically, unsatisfied, re-handled (round 2), reassigned: 5 valid callbacks.
      valid: 5,
      contacted: 4, // the reassigned case: the complainant said A never contacted them
      resolved: 4, // all but the unsatisfied one
      satisfied: 3,
      basically_satisfied: 1,
      unsatisfied: 1,
      excluded_invalid_callback: 1,
      excluded_unreasonable: 1,
      // Rounds judged: five deciding rounds and the re-handled case's first (the unreasonable one is out).
      round_judged: 6,
      round_rehandled: 1,
      // Sign-for: one per case, two for the re-handled one; A signed the reassigned case late.
      sign_for_due: 8,
      sign_for_on_time: 7,
      // Reply: the same; the re-handled case's first reply went red.
      reply_due: 8,
      reply_on_time: 7,
      dispatched: 7,
      assigned: 7,
      assigned_closed: 7,
      closed: 7,
      // Every reply, and its working seconds since the unit received the case (Monday 10:00, within working hours):
      // five cases dispatch → reply in 20 s; the re-handled one 210 s (round 1) and 30 s (round 2, from the callback
      // that reopened it); the reassigned one 70 s from the reassignment to A.
      handled: 8,
      handling_seconds: 5 * 20 + 210 + 30 + 70,
    });
    // B had the reassigned case first: sent to it and signed for on time; its reply clock was cancelled before its
    // deadline, so it is not counted; nothing in the rates.
    expect(countsOf(all, B)).toEqual({ dispatched: 1, sign_for_due: 1, sign_for_on_time: 1 });
  });

  it('computes the rates, the composite score and the other figures, each with its numerator and denominator', () => {
    const f = unitFigures(countsOf(all, A), defaultAssessmentPolicy);
    expect(f.responseRate).toEqual({ numerator: 4, denominator: 5, value: 0.8 });
    expect(f.resolutionRate).toEqual({ numerator: 4, denominator: 5, value: 0.8 });
    // (3 + 0.9 × 1) / 5
    expect(f.satisfactionRate.numerator).toBeCloseTo(3.9, 12);
    expect(f.satisfactionRate.denominator).toBe(5);
    expect(f.satisfactionRate.value).toBeCloseTo(0.78, 12);
    // 0.1 × 0.8 + 0.5 × 0.8 + 0.4 × 0.78
    expect(f.compositeScore.value).toBeCloseTo(0.792, 12);
    expect(f.compositeScore.denominator).toBe(5);
    expect(f.onTimeSignFor).toEqual({ numerator: 7, denominator: 8, value: 0.875 });
    expect(f.onTimeReply).toEqual({ numerator: 7, denominator: 8, value: 0.875 });
    expect(f.closureRate).toEqual({ numerator: 7, denominator: 7, value: 1 });
    expect(f.returnRate).toEqual({ numerator: 0, denominator: 7, value: 0 });
    expect(f.rehandleRate.value).toBeCloseTo(1 / 6, 12);
    // Nothing rated: no figure, not NaN.
    expect(f.ratingSatisfaction).toEqual({ numerator: 0, denominator: 0, value: null });
    // With the 0.30 / 0.35 / 0.35 weights some cities use.
    const other: AssessmentPolicy = { ...defaultAssessmentPolicy, weights: { response: 0.3, resolution: 0.35, satisfaction: 0.35 } };
    expect(unitFigures(countsOf(all, A), other).compositeScore.value).toBeCloseTo(0.3 * 0.8 + 0.35 * 0.8 + 0.35 * 0.78, 12);
  });

  it('gives null, not NaN, for every figure of a unit with nothing counted', () => {
    for (const fig of Object.values(unitFigures({}, defaultAssessmentPolicy))) expect(fig).toEqual({ numerator: 0, denominator: 0, value: null });
  });

  it('drills down: the cases behind a counter are the contributions that name it', () => {
    const cost = all.filter((c) => c.unitId === A && c.counter === 'round_rehandled');
    expect(cost.map((c) => [c.caseId, c.round])).toEqual([[rehandled.state.caseId, 1]]);
    const out = all.filter((c) => c.unitId === A && c.counter.startsWith('excluded_')).map((c) => c.caseId);
    expect(out.sort()).toEqual([invalid.state.caseId, unreasonable.state.caseId].sort());
  });

  it('takes a case out of the rates once the review finds its demand unreasonable (a late fact changes the case’s contributions)', () => {
    const before = build([...handled(A), [cmd.callback('unsatisfied', false), 30]], { policy: oneRound });
    expect(countsOf(contributions(before), A)).toMatchObject({ valid: 1, unsatisfied: 1, round_judged: 1 });
    const after = build([...handled(A), [cmd.callback('unsatisfied', false), 30], [cmd.review(false), 60]], { policy: oneRound });
    const counts = countsOf(contributions(after), A);
    expect(counts).toMatchObject({ excluded_unreasonable: 1 });
    expect(counts).not.toHaveProperty('valid');
    expect(counts).not.toHaveProperty('round_judged');
    // A review that found the demand reasonable changes nothing.
    const upheld = build([...handled(A), [cmd.callback('unsatisfied', false), 30], [cmd.review(true), 60]], { policy: oneRound });
    expect(countsOf(contributions(upheld), A)).toEqual(countsOf(contributions(before), A));
  });
});

describe('what leaves the denominators', () => {
  it('a triage outcome never dispatched contributes nothing (no unit)', () => {
    const triaged = build([[{ kind: 'triage', payload: { outcome: 'consultation', note: '已当场解答' } }, 1]]);
    expect(exclusionOf(triaged.state)).toBe('never_dispatched');
    expect(contributions(triaged)).toEqual([]);
  });

  it('a case with no one to call back closes at the reply, out of the rates, its timeliness still counted', () => {
    const anonymous = build(
      [
        [cmd.dispatch('d01-s03'), 0],
        [cmd.accept(), 5],
        [cmd.reply(), 20],
      ],
      { intake: { ...intake, complainant: undefined } },
    );
    expect(anonymous.state.outcome).toBe('no_contact');
    expect(exclusionOf(anonymous.state)).toBe('no_contact');
    expect(countsOf(contributions(anonymous), 'd01-s03')).toEqual({
      excluded_no_contact: 1,
      sign_for_due: 1,
      sign_for_on_time: 1,
      reply_due: 1,
      reply_on_time: 1,
      dispatched: 1,
      assigned: 1,
      assigned_closed: 1,
      closed: 1,
      handled: 1,
      handling_seconds: 20,
    });
  });

  it('counts handling time in working hours on the calendar: across an evening and the National Day holidays', () => {
    // Dispatched Wednesday 2026-09-30 at 16:00, replied Thursday 2026-10-08 at 10:00 (1–7 October are holidays):
    // 16:00–17:30 on the 30th, 09:00–10:00 on the 8th = 2.5 working hours.
    const start = Date.parse('2026-09-30T16:00:00+08:00');
    const replyAt = (Date.parse('2026-10-08T10:00:00+08:00') - start) / S;
    const c = build([[cmd.dispatch('d01-s05'), 0], [cmd.accept(), 60], [cmd.contact(), 120], [cmd.reply(), replyAt]], { start });
    const counts = countsOf(contributions(c), 'd01-s05');
    expect(counts).toMatchObject({ handled: 1, handling_seconds: 2.5 * 3600 });
    expect(unitFigures(counts, defaultAssessmentPolicy).averageHandlingHours).toEqual({ numerator: 2.5, denominator: 1, value: 2.5 });
    // The reply's local day carries it.
    expect(contributions(c).filter((x) => x.counter === 'handling_seconds')).toEqual([expect.objectContaining({ day: '2026-10-08', n: 9000 })]);
  });

  it('counts a repeat complaint for the unit that had the earlier case when the repeat was linked', () => {
    const master = build([[cmd.dispatch('d01-s06'), 0], [cmd.accept(), 5]]);
    // The API links a later complaint as a repeat of this one (并单): the master records it.
    const linked = apply(master.state, { kind: 'repeat', payload: { caseId: 'HL9999999999999999' } }, { now: T0 + 60 * S, actor: agent, policy: fast });
    const events = [...master.events, ...linked.events];
    expect(events.at(-1)?.type).toBe('repeat_linked');
    expect(countsOf(caseContributions(linked.state, events, calendar), 'd01-s06')).toMatchObject({ repeat: 1 });
  });
});

describe('more attribution', () => {
  it('a re-handled round still counts against its unit when the final callback is invalid', () => {
    const c = build([...handled('d01-s04'), [cmd.callback('unsatisfied', false), 30], [cmd.accept(), 40], [cmd.contact(), 45], [cmd.reply(), 50], [cmd.noAnswer(), 60], [cmd.noAnswer(), 61], [cmd.noAnswer(), 62]]);
    expect(c.state.outcome).toBe('callback_invalid');
    expect(countsOf(contributions(c), 'd01-s04')).toMatchObject({ excluded_invalid_callback: 1, round_judged: 1, round_rehandled: 1 });
    expect(countsOf(contributions(c), 'd01-s04')).not.toHaveProperty('valid');
  });
});

describe('timeliness of units that were relieved of a case, and of cooperating units', () => {
  it('a clock that went red before a return or reassignment is a miss; one that did not is not counted', () => {
    // Sent to X, which neither signs for it nor returns it in time: the sign-for clock goes red; then it is returned.
    const returned = build([[cmd.dispatch('x'), 0], ['tick', 41], [cmd.return(), 50], [cmd.dispatch('y'), 60], [cmd.accept(), 65]]);
    const cs = contributions(returned);
    expect(countsOf(cs, 'x')).toEqual({ dispatched: 1, returned: 1, sign_for_due: 1 });
    expect(countsOf(cs, 'y')).toEqual({ dispatched: 1, assigned: 1, sign_for_due: 1, sign_for_on_time: 1 });
    expect(unitFigures(countsOf(cs, 'x'), defaultAssessmentPolicy).returnRate).toEqual({ numerator: 1, denominator: 1, value: 1 });
  });

  it('a cooperating unit is assessed on its part: on time, or late', () => {
    const coop = (unitId: string): Actor => ({ id: `${unitId}-handler`, role: 'handler', unitId });
    const day = 86_400;
    const c = build([
      [cmd.dispatch('lead', ['p', 'q']), 0],
      [cmd.accept(), 5],
      [cmd.cooperate(), 6, coop('p')],
      [cmd.cooperate(), 7, coop('q')],
      [cmd.report(), 8, coop('p')],
      // The part is due in 3 working days (Thursday 10:00); q reports on Friday.
      [cmd.report(), 4 * day, coop('q')],
    ]);
    const cs = contributions(c);
    expect(countsOf(cs, 'p')).toEqual({ part_due: 1, part_on_time: 1 });
    expect(countsOf(cs, 'q')).toEqual({ part_due: 1 });
    expect(unitFigures(countsOf(cs, 'q'), defaultAssessmentPolicy).onTimeParts.value).toBe(0);
  });

  it('online ratings count on their own, for the unit that replied, never in the three rates', () => {
    const c = build([...handled('r'), [cmd.rate('basically_satisfied'), 25], [cmd.callback('satisfied', true), 30]]);
    const counts = countsOf(contributions(c), 'r');
    expect(counts).toMatchObject({ valid: 1, satisfied: 1, rated: 1, rated_basically_satisfied: 1 });
    expect(unitFigures(counts, defaultAssessmentPolicy).ratingSatisfaction.value).toBeCloseTo(0.9, 12);
  });
});

describe('periods', () => {
  const beijing = { startDay: 19 };
  const calendarMonth = { startDay: 1 };

  it('puts a case closed at 23:59 local on the last day of an assessment month in it, and one at 00:00 in the next', () => {
    const last = Date.parse('2026-04-18T23:59:00+08:00');
    const next = Date.parse('2026-04-19T00:00:00+08:00');
    const closedAt = (t: number) => build([...handled('d01-s05'), [cmd.callback('satisfied', true), 60]], { start: t - 60 * S });
    const [a, b] = [closedAt(last), closedAt(next)];
    expect([a.state.closedAt, b.state.closedAt]).toEqual(['2026-04-18T15:59:00.000Z', '2026-04-18T16:00:00.000Z']);
    const dayOfValid = (c: Built) => contributions(c).find((x) => x.counter === 'valid')!.day;
    // Both are on 2026-04-18 in UTC: the local day decides.
    expect([dayOfValid(a), dayOfValid(b)]).toEqual(['2026-04-18', '2026-04-19']);
    expect([assessmentMonthOf(dayOfValid(a), beijing), assessmentMonthOf(dayOfValid(b), beijing)]).toEqual(['2026-04', '2026-05']);
    expect([assessmentMonthOf(dayOfValid(a), calendarMonth), assessmentMonthOf(dayOfValid(b), calendarMonth)]).toEqual(['2026-04', '2026-04']);
    // The calendar month's own boundary.
    const eom = closedAt(Date.parse('2026-04-30T23:59:00+08:00'));
    const som = closedAt(Date.parse('2026-05-01T00:00:00+08:00'));
    expect([assessmentMonthOf(dayOfValid(eom), calendarMonth), assessmentMonthOf(dayOfValid(som), calendarMonth)]).toEqual(['2026-04', '2026-05']);
  });

  it('labels an assessment month by the month it ends in', () => {
    expect(assessmentMonthOf('2026-03-19', beijing)).toBe('2026-04');
    expect(assessmentMonthOf('2026-03-18', beijing)).toBe('2026-03');
    expect(assessmentMonthOf('2026-12-19', beijing)).toBe('2027-01');
    expect(assessmentMonthDays('2026-04', beijing)).toEqual({ from: '2026-03-19', to: '2026-04-18' });
    expect(assessmentMonthDays('2027-01', beijing)).toEqual({ from: '2026-12-19', to: '2027-01-18' });
    expect(assessmentMonthDays('2026-03', { startDay: 2 })).toEqual({ from: '2026-02-02', to: '2026-03-01' });
    expect(assessmentMonthDays('2028-02', calendarMonth)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(previousPeriod('2026-01', 'assessment_month', beijing)).toBe('2025-12');
  });

  it('names days, ISO weeks, months and years', () => {
    expect(periodOf('2026-04-03', 'day', beijing)).toBe('2026-04-03');
    expect(periodOf('2026-01-01', 'week', beijing)).toBe('2026-W01');
    expect(periodOf('2027-01-01', 'week', beijing)).toBe('2026-W53');
    expect(periodDays('2026-W01', 'week', beijing)).toEqual({ from: '2025-12-29', to: '2026-01-04' });
    expect(previousPeriod('2026-W01', 'week', beijing)).toBe('2025-W52');
    expect(periodOf('2026-04-20', 'month', beijing)).toBe('2026-04');
    expect(periodOf('2026-04-20', 'assessment_month', beijing)).toBe('2026-05');
    expect(periodOf('2026-04-20', 'year', beijing)).toBe('2026');
    expect(previousPeriod('2026', 'year', beijing)).toBe('2025');
  });
});

describe('ranking', () => {
  /** Counts with `valid` callbacks of which `good` were contacted, resolved and satisfied and the rest none of it. */
  const unit = (unitId: string, valid: number, good: number) => ({ unitId, counts: { valid, contacted: good, resolved: good, satisfied: good, unsatisfied: valid - good } });
  const policy: AssessmentPolicy = { ...defaultAssessmentPolicy, ranking: { minValidCallbacks: 10, bottomFlagged: 2 } };

  it('shares a rank between ties (1, 1, 3), lists units below the minimum volume unranked, flags the bottom N', () => {
    const rows = rankUnits([unit('s5', 12, 6), unit('s2', 10, 10), unit('s6', 9, 9), unit('s1', 20, 20), unit('s3', 20, 18), unit('s4', 10, 7)], policy);
    expect(rows.map((r) => [r.unitId, r.rank, r.flagged, r.unranked])).toEqual([
      ['s1', 1, false, null],
      ['s2', 1, false, null],
      ['s3', 3, false, null],
      ['s4', 4, true, null],
      ['s5', 5, true, null],
      ['s6', null, false, 'below_minimum_volume'],
    ]);
    expect(rows[2]!.score).toEqual({ numerator: 18, denominator: 20, value: 0.9 });
    // The unranked unit's figures are still shown.
    expect(rows[5]!.figures.resolutionRate.value).toBe(1);
  });

  it('treats equal scores from different counts as a tie, whatever the floating point says', () => {
    // 0.1 × 1 + 0.5 × 0.7 + 0.4 × 0.7 in two ways.
    const a = { unitId: 'a', counts: { valid: 10, contacted: 10, resolved: 7, satisfied: 7 } };
    const b = { unitId: 'b', counts: { valid: 30, contacted: 30, resolved: 21, satisfied: 21 } };
    const rows = rankUnits([a, b, unit('c', 10, 10)], policy);
    expect(rows.map((r) => [r.unitId, r.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 2],
    ]);
  });

  it('flags every unit tied at the bottom boundary, and none on a level no longer than N', () => {
    const rows = rankUnits([unit('a', 10, 10), unit('b', 10, 9), unit('c', 10, 8), unit('d', 10, 8)], { ...policy, ranking: { minValidCallbacks: 10, bottomFlagged: 1 } });
    expect(rows.map((r) => [r.unitId, r.rank, r.flagged])).toEqual([
      ['a', 1, false],
      ['b', 2, false],
      ['c', 3, true],
      ['d', 3, true],
    ]);
    expect(rankUnits([unit('a', 10, 10), unit('b', 10, 9)], policy).some((r) => r.flagged)).toBe(false);
    expect(rankUnits([unit('a', 10, 10), unit('b', 10, 9), unit('c', 10, 1)], { ...policy, ranking: { minValidCallbacks: 10, bottomFlagged: 0 } }).some((r) => r.flagged)).toBe(false);
  });

  it('says how each unit moved since the previous period', () => {
    const rows = rankUnits([unit('a', 10, 10), unit('b', 10, 9), unit('c', 10, 8), unit('d', 3, 3)], policy, new Map([['a', 3], ['b', 1], ['d', 2]]));
    expect(rows.map((r) => [r.unitId, r.rank, r.previousRank, r.change])).toEqual([
      ['a', 1, 3, 2],
      ['b', 2, 1, -1],
      ['c', 3, null, null],
      ['d', null, 2, null],
    ]);
  });

  it('ranks from contributions summed per unit (the machine-built cases above, through the same counters)', () => {
    const cases = Array.from({ length: 10 }, (_, i) => build([...handled(i < 5 ? 'u1' : 'u2'), [cmd.callback(i % 5 === 0 ? 'basically_satisfied' : 'satisfied', true), 30]]));
    const more = Array.from({ length: 5 }, () => build([...handled('u2'), [cmd.callback('satisfied', true), 30]]));
    const summed = sumContributions(contributions(...cases, ...more));
    const rows = rankUnits([...summed].map(([unitId, counts]) => ({ unitId, counts })), { ...policy, ranking: { minValidCallbacks: 10, bottomFlagged: 0 } });
    // u1: 5 valid (unranked); u2: 10 valid, one basically satisfied: 0.1 + 0.5 + 0.4 × 9.9 / 10.
    expect(rows.map((r) => [r.unitId, r.rank, r.unranked])).toEqual([
      ['u2', 1, null],
      ['u1', null, 'below_minimum_volume'],
    ]);
    expect(rows[0]!.score.value).toBeCloseTo(0.1 + 0.5 + 0.4 * 0.99, 12);
  });
});

describe('attribution over random cases (property)', () => {
  /**
   * What a walk may do. At each step it picks, by its random choice, one of the entries the machine accepts at that
   * moment (or a clock tick), so that every walk moves on: callbacks, rounds, reassignments, returns, reviews.
   */
  const times = <T,>(n: number, entry: T): T[] => Array.from({ length: n }, () => entry);
  const POOL: ReadonlyArray<readonly [CaseCommand, Actor?]> = [
    // The way forward weighs more than the side roads (an entry listed n times is n times as likely).
    ...times(4, [cmd.dispatch('a')] as const),
    ...times(3, [cmd.dispatch('b')] as const),
    ...times(2, [cmd.dispatch('a', ['c'])] as const),
    ...times(6, [cmd.accept()] as const),
    ...times(6, [cmd.contact()] as const),
    ...times(6, [cmd.reply()] as const),
    ...(['satisfied', 'basically_satisfied', 'unsatisfied'] as const).flatMap((sat) => [
      [cmd.callback(sat, true, true)] as const,
      [cmd.callback(sat, false, true)] as const,
      [cmd.callback(sat, true, false)] as const,
    ]),
    ...times(4, [cmd.noAnswer()] as const),
    [cmd.reassign('a')],
    [cmd.reassign('b')],
    [cmd.return()],
    [cmd.review(true)],
    [cmd.review(false)],
    [{ kind: 'dispute', payload: { reason: '异议' } }],
    [{ kind: 'terminate', payload: { grounds: 'outside_law_and_policy', reason: '终止' } }],
    [cmd.rate('satisfied')],
    [cmd.rate('unsatisfied')],
    [cmd.cooperate(), { id: 'c-handler', role: 'handler', unitId: 'c' }],
    [cmd.report(), { id: 'c-handler', role: 'handler', unitId: 'c' }],
    [{ kind: 'triage', payload: { outcome: 'out_of_scope', note: '不属受理范围' } }],
  ];
  const walk = fc.record({
    steps: fc.array(fc.record({ choice: fc.nat(), tick: fc.integer({ min: 0, max: 5 }).map((k) => k === 0), gap: fc.integer({ min: 1, max: 90 }) }), { minLength: 5, maxLength: 30 }),
    // One walk in five has nobody to call back.
    anonymous: fc.integer({ min: 0, max: 4 }).map((k) => k === 0),
  });

  function walkCase(steps: ReadonlyArray<{ choice: number; tick: boolean; gap: number }>, anonymous: boolean): Built {
    const opened = open(`HL${String(nextId++).padStart(16, '0')}`, anonymous ? { ...intake, complainant: undefined } : intake, T0, agent);
    let state: CaseState = { ...opened.state, slaClass: 'general', policyVersion: fast.version };
    const events = [...opened.events];
    let now = T0;
    for (const step of steps) {
      now += step.gap * S;
      const accepted = POOL.filter(([c, actor = agent]) => {
        // A unit without a part passes the machine's check (the API refuses it earlier): not a step worth taking.
        if (actor.unitId && !(state.cooperation ?? []).some((p) => p.unitId === actor.unitId)) return false;
        try {
          check(state, c, { now, actor, policy: fast });
          return true;
        } catch (e) {
          if (e instanceof RuleViolation) return false;
          throw e;
        }
      });
      const pick = step.tick || accepted.length === 0 ? null : accepted[step.choice % accepted.length]!;
      const ctx = { now, actor: pick?.[1] ?? agent, policy: fast };
      const t = pick ? apply(state, pick[0], ctx) : tick(state, ctx);
      state = t.state;
      events.push(...t.events);
    }
    return { state, events };
  }

  it('every numerator stays within its denominator, and a closed case is in the rates or out of them exactly once', () => {
    fc.assert(
      fc.property(walk, ({ steps, anonymous }) => {
        const c = walkCase(steps, anonymous);
        const cs = contributions(c);
        for (const [, n] of sumContributions(cs)) {
          const v = (k: keyof Counts) => n[k] ?? 0;
          expect(v('contacted')).toBeLessThanOrEqual(v('valid'));
          expect(v('resolved')).toBeLessThanOrEqual(v('valid'));
          expect(v('satisfied') + v('basically_satisfied') + v('unsatisfied')).toBe(v('valid'));
          expect(v('sign_for_on_time')).toBeLessThanOrEqual(v('sign_for_due'));
          expect(v('reply_on_time')).toBeLessThanOrEqual(v('reply_due'));
          expect(v('part_on_time')).toBeLessThanOrEqual(v('part_due'));
          expect(v('returned')).toBeLessThanOrEqual(v('dispatched'));
          expect(v('assigned_closed')).toBeLessThanOrEqual(v('assigned'));
          expect(v('round_rehandled')).toBeLessThanOrEqual(v('round_judged'));
          expect(v('rated_satisfied') + v('rated_basically_satisfied') + v('rated_unsatisfied')).toBe(v('rated'));
        }
        const decided = cs.filter((x) => x.counter === 'valid' || x.counter.startsWith('excluded_')).length;
        const closedAtUnit = c.state.status === 'closed' && c.state.unitId !== null;
        expect(decided).toBe(closedAtUnit ? 1 : 0);
        // A unit clock is counted at most once per time the case was sent to a unit.
        const sends = c.events.filter((e) => ['dispatched', 'reassigned', 'rehandling_started'].includes(e.type)).length;
        expect(cs.filter((x) => x.counter === 'sign_for_due').length).toBeLessThanOrEqual(sends);
        expect(cs.filter((x) => x.counter === 'reply_due').length).toBeLessThanOrEqual(sends);
        // Days are the calendar's local days.
        for (const x of cs) expect(x.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 200 },
    );
  });
});
