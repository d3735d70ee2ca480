/**
 * - a complaint without a way to reach the complainant (no phone): no acceptance notice, no contact step, no
 *   callback; it closes after the reply with outcome `no_contact`;
 * - when the complaint was received (receivedAt): the clocks that start at intake count from it, on the calendar,
 *   and warnings already due fire at once.
 */
import { describe, expect, it } from 'vitest';
import { defaultCasePolicy } from '../db/seed-policy.js';
import { lingerUntil } from './case.closing.js';
import { receivedAtRefusal } from './case.intake.js';
import { apply, check, nextWakeAt, open, opening, tick, type Context } from './case.machine.js';
import type { Actor, CaseCommand, CaseIntake, CaseState } from './case.types.js';
import { addWorkingDays } from './calendar.rules.js';
import { dueAt } from './deadlines.js';
import { RuleViolation } from './errors.js';
import { policyInputSchema } from './policy.schema.js';
import type { CasePolicy, CaseSetup } from './policy.types.js';

const policy: CasePolicy = defaultCasePolicy;
const cal = policy.calendar;
const MIN = 60_000;
const at = (local: string) => Date.parse(`${local}+08:00`);
const iso = (ms: number) => new Date(ms).toISOString();

const agent: Actor = { id: 'apikey:telephony', role: 'intake_agent' };
const handler: Actor = { id: 'handler-1', role: 'unit_handler', unitId: 'd01-s01' };
const base: CaseIntake = {
  title: '小区垃圾满溢',
  description: '垃圾桶三天没清运',
  categoryId: 'sanitation.garbage.overflow',
  channel: 'phone',
  complainant: { name: '张三', phone: '13812345678' },
  location: { areaUnitId: 'd01-s01-c01' },
};
/** A general case the catalogue sends to 城关街道 at once: its sign-for and reply clocks start at intake. */
const catalogue: CaseSetup = { policy, slaClass: 'general', dispatch: { unitId: 'd01-s01', ruleId: 'r-sanitation', copyTo: [] } };
const waiting: CaseSetup = { policy, slaClass: 'general' };

const step = (s: CaseState, c: CaseCommand, now: number, actor: Actor = handler) => apply(s, c, { now, actor, policy } satisfies Context);

describe('receivedAt: the clocks count from when the complaint was received', () => {
  // Received on the eve of National Day (Wed 2026-09-30 17:00), handed over by the telephony system at 21:30.
  const received = at('2026-09-30T17:00:00');
  const handedOver = at('2026-09-30T21:30:00');
  const intake: CaseIntake = { ...base, receivedAt: iso(received) };

  it('starts the first clocks at receivedAt, on the calendar (National Day off, the make-up Saturday worked)', () => {
    const t = opening('HL1', intake, catalogue, handedOver, agent);
    const { signFor, reply } = t.state.clocks;
    expect(signFor?.startedAt).toBe(iso(received));
    // 1 working day after Sep 30: Oct 1–7 are off, so Thu Oct 8 at the time of day it was received.
    expect(signFor?.dueAt).toBe(iso(at('2026-10-08T17:00:00')));
    // 5 working days: Oct 8, 9, Sat Oct 10 (调休, worked), 12, 13.
    expect(reply?.dueAt).toBe(iso(at('2026-10-13T17:00:00')));
    expect(reply?.dueAt).toBe(iso(addWorkingDays(received, 5, cal)));
    // Counted from the hand-over it would have been later: that is the difference receivedAt makes.
    expect(Date.parse(reply!.dueAt)).toBeLessThan(addWorkingDays(handedOver, 5, cal));
  });

  it('keeps createdAt (the acceptance) and receivedAt apart, with who said so in the received event', () => {
    const t = opening('HL1', intake, catalogue, handedOver, agent);
    expect(t.state.createdAt).toBe(iso(handedOver));
    expect(t.state.receivedAt).toBe(iso(received));
    expect(t.state.receivedAtStatedBy).toEqual({ id: agent.id, role: agent.role });
    const [receivedEvent, dispatched] = t.events;
    expect(receivedEvent).toMatchObject({ type: 'received', at: iso(handedOver), data: { receivedAt: iso(received), receivedAtStatedBy: { id: agent.id, role: agent.role } } });
    // The timeline records when things happened in the system: the dispatch at the hand-over, not in the past.
    expect(dispatched).toMatchObject({ type: 'dispatched', at: iso(handedOver) });
  });

  it('without receivedAt everything is as before: received when opened, nobody stated it', () => {
    const t = opening('HL1', base, catalogue, handedOver, agent);
    expect(t.state.receivedAt).toBe(iso(handedOver));
    expect(t.state.receivedAtStatedBy).toBeNull();
    expect(t.state.clocks.signFor?.startedAt).toBe(iso(handedOver));
    expect(t.events[0]!.data).toEqual({ channel: 'phone', categoryId: base.categoryId });
  });

  it('a case that waits for a dispatcher starts its clocks at the dispatch, as before', () => {
    const t = opening('HL1', intake, waiting, handedOver, agent);
    expect(t.state.clocks).toEqual({});
    const dispatchedAt = at('2026-10-08T09:10:00');
    const d = step(t.state, { kind: 'dispatch', payload: { unitId: 'd01-s01' } }, dispatchedAt, { id: 'dispatcher-1', role: 'dispatcher' });
    expect(d.state.clocks.signFor?.startedAt).toBe(iso(dispatchedAt));
  });

  it('fires warnings that are already due at once: yellow, or red when the clock is already past due', () => {
    // The emergency class: sign-for within 15 minutes (wall clock); yellow at 75% (11 min 15 s).
    const emergency: CaseSetup = { ...catalogue, slaClass: 'emergency' };
    const opened = at('2026-11-16T10:00:00');
    for (const [lateBy, level] of [
      [12, 'yellow'],
      [20, 'red'],
    ] as const) {
      const t = opening('HL1', { ...base, receivedAt: iso(opened - lateBy * MIN) }, emergency, opened, agent);
      // The workflow's clock watch sleeps until nextWakeAt: already due, so it does not sleep at all.
      expect(nextWakeAt(t.state, policy)).toBeLessThanOrEqual(opened);
      const fired = tick(t.state, { now: opened, actor: { id: 'system', role: 'system' }, policy });
      expect(fired.state.warningLevel).toBe(level);
      expect(fired.events.map((e) => e.data.level)).toEqual(level === 'red' ? ['red'] : ['yellow']);
    }
  });

  it('never starts a clock in the future, nor before the policy lets a complaint be received', () => {
    const opened = at('2026-11-16T10:00:00');
    // Clock skew: a channel system a few seconds ahead of the workflow.
    const ahead = opening('HL1', { ...base, receivedAt: iso(opened + 30_000) }, catalogue, opened, agent);
    expect(ahead.state.clocks.signFor?.startedAt).toBe(iso(opened));
    expect(ahead.state.receivedAt).toBe(iso(opened + 30_000));
    // Older than intake.receivedAtMaxAge (which the API refuses; a case opened without the API's check still obeys it).
    const maxAgeMs = policy.intake!.receivedAtMaxAge.amount * 3_600_000;
    expect(policy.intake!.receivedAtMaxAge.unit).toBe('hours');
    const ancient = opening('HL1', { ...base, receivedAt: iso(opened - 30 * 86_400_000) }, catalogue, opened, agent);
    expect(ancient.state.clocks.signFor?.startedAt).toBe(iso(opened - maxAgeMs));
  });
});

describe('a complaint nobody can be reached for (no phone)', () => {
  const anonymous: CaseIntake = { ...base, channel: 'grid_worker', complainant: undefined };
  const t0 = at('2026-11-16T10:00:00');

  it('opens without an acceptance notice and says so', () => {
    const t = open('HL1', anonymous, t0, agent);
    expect(t.notifications).toEqual([]);
    expect(t.state.noContact).toBe(true);
    expect(t.events[0]!.data).toMatchObject({ channel: 'grid_worker', noContact: true });
    // A letter with a name but no phone: still nobody to send anything to.
    const letter = open('HL2', { ...base, channel: 'letter', complainant: { name: '李四' } }, t0, agent);
    expect(letter.notifications).toEqual([]);
    expect(letter.state.noContact).toBe(true);
    // An anonymous caller whose number the telephony system has: reachable, told as before.
    const callerId = open('HL3', { ...base, complainant: { phone: '13812345678' } }, t0, agent);
    expect(callerId.state.noContact).toBe(false);
    expect(callerId.notifications.map((n) => n.kind)).toEqual(['acceptance']);
    expect(open('HL4', base, t0, agent).notifications.map((n) => n.kind)).toEqual(['acceptance']);
  });

  it('has no contact step: no contact clock, contact refused, the unit replies straight after signing for', () => {
    const t = opening('HL1', anonymous, catalogue, t0, agent);
    const accepted = step(t.state, { kind: 'accept', payload: {} }, t0 + 10 * MIN);
    expect(accepted.state.status).toBe('accepted');
    expect(accepted.state.clocks.contact).toBeUndefined();
    expect(() => check(accepted.state, { kind: 'contact', payload: { method: 'phone' } }, { now: t0 + 11 * MIN })).toThrow(RuleViolation);
    expect(() => check(accepted.state, { kind: 'contact', payload: { method: 'phone' } })).toThrow(/no way to reach/);
    // A case with a phone still needs the contact before the reply.
    const withPhone = step(opening('HL2', base, catalogue, t0, agent).state, { kind: 'accept', payload: {} }, t0 + 10 * MIN);
    expect(withPhone.state.clocks.contact).toBeDefined();
    expect(() => check(withPhone.state, { kind: 'reply', payload: { content: '已清运', resolved: true } })).toThrow(RuleViolation);
  });

  it('closes after the reply as no_contact: no callback clock, out of the satisfaction rates, no late-feedback wait', () => {
    const t = opening('HL1', anonymous, catalogue, t0, agent);
    const accepted = step(t.state, { kind: 'accept', payload: {} }, t0 + 10 * MIN);
    const replied = step(accepted.state, { kind: 'reply', payload: { content: '已安排清运', resolved: true } }, t0 + 60 * MIN);
    expect(replied.state).toMatchObject({ status: 'closed', outcome: 'no_contact', closedAt: iso(t0 + 60 * MIN), noContact: true, rounds: [] });
    expect(replied.state.clocks.callback).toBeUndefined();
    expect(replied.state.clocks.reply).toMatchObject({ stoppedAt: iso(t0 + 60 * MIN), result: 'met' });
    expect(replied.events.map((e) => e.type)).toEqual(['replied', 'closed']);
    expect(replied.events[1]!.data).toEqual({ outcome: 'no_contact', round: 1, callback: 'not_reachable', resolved: true });
    // Nobody holds the verification code, so nobody can rate it: the workflow does not wait for a rating; it stays
    // only for the repeat window (a closed case may be a repeat's master), and not at all without repeat rules.
    expect(lingerUntil(replied.state, { ...policy, repeats: undefined })).toBeNull();
    expect(lingerUntil(replied.state, policy)).toBe(dueAt(t0, policy.repeats!.window, policy.calendar));
    expect(() => check(replied.state, { kind: 'callback', payload: { contacted: true, resolved: true, satisfaction: 'satisfied' } })).toThrow(RuleViolation);
  });

  it('a hold and its 销账 work as for any case', () => {
    const accepted = step(opening('HL1', anonymous, catalogue, t0, agent).state, { kind: 'accept', payload: {} }, t0 + MIN);
    const held = step(accepted.state, { kind: 'hold', payload: { reason: '需纳入改造计划', reviewDates: [iso(t0 + 86_400_000)] } }, t0 + 2 * MIN, { id: 'leader', role: 'unit_leader', unitId: 'd01-s01' });
    expect(held.state.status).toBe('on_hold');
    const resumed = step(held.state, { kind: 'resume', payload: { note: '已开工' } }, t0 + 3 * MIN, { id: 'leader', role: 'unit_leader', unitId: 'd01-s01' });
    expect(resumed.state.status).toBe('accepted');
    const written = step(held.state, { kind: 'reply', payload: { content: '已纳入计划', resolved: false } }, t0 + 3 * MIN);
    expect(written.state).toMatchObject({ status: 'closed', outcome: 'no_contact' });
  });

  it('a state from before this rule (no noContact field) behaves as before', () => {
    const t = opening('HL1', base, catalogue, t0, agent);
    const { noContact: _n, receivedAt: _r, receivedAtStatedBy: _b, ...old } = t.state;
    const accepted = step(old as CaseState, { kind: 'accept', payload: {} }, t0 + MIN);
    expect(accepted.state.clocks.contact).toBeDefined();
    const contacted = step(accepted.state, { kind: 'contact', payload: { method: 'phone' } }, t0 + 2 * MIN);
    const replied = step(contacted.state, { kind: 'reply', payload: { content: '已清运', resolved: true } }, t0 + 3 * MIN);
    expect(replied.state.status).toBe('replied');
    expect(replied.state.clocks.callback).toBeDefined();
  });
});

describe('receivedAtRefusal: the bounds the policy puts on a stated receivedAt', () => {
  const now = at('2026-11-16T10:00:00');
  const HOUR = 3_600_000;

  it('takes the past up to intake.receivedAtMaxAge (72 hours) and a little clock skew (2 minutes) ahead', () => {
    expect(policy.intake).toEqual({ receivedAtMaxAge: { amount: 72, unit: 'hours' }, receivedAtClockSkew: { amount: 2, unit: 'minutes' } });
    for (const ms of [now, now - MIN, now - 71 * HOUR, now - 72 * HOUR, now + 2 * MIN]) expect(receivedAtRefusal(ms, policy, now), iso(ms)).toBeNull();
    expect(receivedAtRefusal(now + 2 * MIN + 1, policy, now)).toMatch(/future.*2 minutes of clock skew/);
    expect(receivedAtRefusal(now - 72 * HOUR - 1, policy, now)).toMatch(/more than 72 hours ago.*2026-11-13T02:00:00.000Z/);
  });

  it('refuses any receivedAt under a policy without intake bounds; without a policy it leaves the bound to the case', () => {
    const { intake: _i, ...older } = policy;
    expect(receivedAtRefusal(now - MIN, older, now)).toMatch(/sets no intake bounds/);
    expect(receivedAtRefusal(now - 400 * HOUR, undefined, now)).toBeNull();
  });

  it('bounds are wall-clock lengths: a policy document with working days there is refused', () => {
    const { version: _v, calendar: _c, ...document } = policy;
    expect(policyInputSchema.safeParse(document).success).toBe(true);
    const bad = policyInputSchema.safeParse({ ...document, intake: { ...policy.intake, receivedAtMaxAge: { amount: 3, unit: 'working_days' } } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['intake.receivedAtMaxAge.unit']);
  });
});
