/**
 * The case's clocks: starting and stopping the SLA clocks, the yellow and red warnings, the overdue ladder
 * (automatic escalation) and the deadlines of cooperating units. Pure; the workflow calls `tick` when
 * `nextWakeAt` comes, with its own deterministic time and the policy recorded in its history.
 */
import { addWorkingDays } from './calendar.rules.js';
import { dueAt, extendByPause, warnAt, yellowAfterPause, yellowAt } from './deadlines.js';
import { iso, record, type Draft, type Notice, type Transition } from './case.record.js';
import { rulesOf, type RuleSet } from './case.patches.js';
import { ESCALATION_LEVELS, type Actor, type CaseState, type Clock, type CooperationPart, type WarningLevel } from './case.types.js';
import type { CasePolicy, ClockName, DurationSpec } from './policy.types.js';

export interface ClockContext {
  now: number;
  actor: Actor;
  policy: CasePolicy;
  /** The rule corrections this case runs with (case.patches.ts); absent: all of them. */
  rules?: Partial<RuleSet>;
}

/**
 * Who answers for a clock (DOMAIN.md): sign-for, contact and reply are the handling unit's duty; the callback is the
 * hotline centre's own (the policy's `centreUnitId`; a policy that names none leaves it to the city platform). A
 * cooperating unit answers for its part (its deadline, below). Warnings and the overdue ladder go to the owner.
 */
export type ClockOwner = { kind: 'unit'; unitId: string | null } | { kind: 'centre'; unitId: string | null };

export function clockOwner(s: CaseState, name: ClockName, ctx: Pick<ClockContext, 'policy' | 'rules'>): ClockOwner {
  if (name === 'callback' && rulesOf(ctx.rules).clockOwners) return { kind: 'centre', unitId: ctx.policy.centreUnitId ?? null };
  return { kind: 'unit', unitId: s.unitId };
}

/**
 * Who hears of each escalation level the overdue ladder reaches: the owner's principal leader (1), the principal
 * leader of the unit above the owner in the org tree — a community's street, a street's district, a department's or
 * the centre's city (2, notifications/recipients.ts resolves it) — and the city's leadership (3).
 */
export const LADDER_RECIPIENTS = ['none', 'unit_leader', 'supervising_leader', 'city'] as const;
const ladderRecipient = (level: number): string => LADDER_RECIPIENTS[level] ?? LADDER_RECIPIENTS[LADDER_RECIPIENTS.length - 1]!;

/** When a clock of `spec` started at `start` and due at `due` turns yellow, under the case's rules. */
function yellowOf(start: number, due: number, spec: DurationSpec | undefined, ctx: ClockContext): number {
  return rulesOf(ctx.rules).yellowWorkingTime ? yellowAt(start, due, spec, ctx.policy.yellowRatio, ctx.policy.calendar) : warnAt(start, due, ctx.policy.yellowRatio);
}

/** Statuses in which a unit owes work: cooperating units' deadlines run only then. */
const HANDLING = ['dispatched', 'accepted', 'contacted'];

export function startClocks(s: CaseState, names: readonly ClockName[], ctx: ClockContext): void {
  if (!s.slaClass) return;
  for (const name of names) {
    const spec = ctx.policy.clocks[s.slaClass]?.[name];
    if (!spec) {
      delete s.clocks[name];
      continue;
    }
    const due = dueAt(ctx.now, spec, ctx.policy.calendar);
    s.clocks[name] = {
      name,
      startedAt: iso(ctx.now),
      dueAt: iso(due),
      yellowAt: iso(yellowOf(ctx.now, due, spec, ctx)),
    };
  }
}

export function stopClock(s: CaseState, name: ClockName, now: number): void {
  const c = s.clocks[name];
  if (!c || c.stoppedAt) return;
  s.clocks[name] = { ...c, stoppedAt: iso(now), result: now <= Date.parse(c.dueAt) ? 'met' : 'breached' };
}

export function cancelClocks(s: CaseState, now: number): void {
  for (const c of Object.values(s.clocks)) {
    if (c && !c.stoppedAt) s.clocks[c.name] = { ...c, stoppedAt: iso(now), result: 'cancelled' };
  }
}

/** A clock that is counting: started, not stopped, not paused by a hold. */
const running = (c: Clock | undefined): c is Clock => c !== undefined && !c.stoppedAt && !c.pausedAt;

/** Pauses every running clock (a hold, 挂账). */
export function pauseClocks(s: CaseState, now: number): void {
  for (const c of Object.values(s.clocks)) if (running(c)) s.clocks[c.name] = { ...c, pausedAt: iso(now) };
}

/**
 * Restarts paused clocks with the time they lost added to their deadlines (working time for calendar clocks,
 * wall time for the others), and moves cooperating units' deadlines the same way.
 */
export function resumeClocks(s: CaseState, ctx: ClockContext): void {
  const { now, policy } = ctx;
  const specs = s.slaClass ? policy.clocks[s.slaClass] : undefined;
  for (const c of Object.values(s.clocks)) {
    if (!c || c.stoppedAt || !c.pausedAt) continue;
    const from = Date.parse(c.pausedAt);
    const due = Date.parse(c.dueAt);
    const moved = extendByPause(due, from, now, specs?.[c.name], policy.calendar);
    const yellow = Date.parse(c.yellowAt);
    const { pausedAt: _paused, ...rest } = c;
    s.clocks[c.name] = {
      ...rest,
      dueAt: iso(moved),
      // Never after the deadline (a clock without working time has its yellow at its deadline).
      yellowAt: iso(rulesOf(ctx.rules).yellowWorkingTime ? Math.min(yellowAfterPause(yellow, from, now, specs?.[c.name], policy.calendar), moved) : yellow + (moved - due)),
      pausedMs: (c.pausedMs ?? 0) + (now - from),
    };
  }
  const since = s.hold ? Date.parse(s.hold.since) : now;
  const partSpec = s.slaClass ? policy.cooperationReport?.[s.slaClass] : undefined;
  s.cooperation = (s.cooperation ?? []).map((p) =>
    p.status === 'reported' ? p : { ...p, dueAt: iso(extendByPause(Date.parse(p.dueAt), since, now, partSpec, policy.calendar)) },
  );
}

/** Moves the reply deadline by an approved extension (working days), re-arming warnings that now lie ahead. */
export function extendReplyClock(s: CaseState, days: number, ctx: ClockContext): { previousDueAt: string; newDueAt: string } | null {
  const c = s.clocks.reply;
  if (!c || c.stoppedAt) return null;
  const due = addWorkingDays(Date.parse(c.dueAt), days, ctx.policy.calendar);
  const spec = s.slaClass ? ctx.policy.clocks[s.slaClass]?.reply : undefined;
  const yellow = yellowOf(Date.parse(c.startedAt), due, spec, ctx);
  const next: Clock = { ...c, dueAt: iso(due), yellowAt: iso(yellow), extendedBy: (c.extendedBy ?? 0) + 1 };
  if (ctx.now < due) {
    delete next.redFiredAt;
    delete next.ladderStep;
  }
  if (ctx.now < yellow) delete next.yellowFiredAt;
  s.clocks.reply = next;
  return { previousDueAt: c.dueAt, newDueAt: next.dueAt };
}

/** The nearest due time of a counting clock (lists' "overdue", the NextDueAt search attribute), or null. */
export function nextDueAt(state: CaseState): string | null {
  let next: string | null = null;
  for (const c of Object.values(state.clocks)) {
    if (running(c) && (next === null || Date.parse(c.dueAt) < Date.parse(next))) next = c.dueAt;
  }
  return next;
}

export function warningLevelOf(s: CaseState): WarningLevel {
  let level: WarningLevel = 'none';
  for (const c of Object.values(s.clocks)) {
    if (!running(c)) continue;
    if (c.redFiredAt) return 'red';
    if (c.yellowFiredAt) level = 'yellow';
  }
  return level;
}

/** When the next step of the overdue ladder comes for a clock that is red, or null. */
function nextLadderAt(c: Clock, policy: CasePolicy | null | undefined): number | null {
  const step = policy?.overdueLadder?.[c.ladderStep ?? 0];
  return c.redFiredAt && step ? dueAt(Date.parse(c.dueAt), step.after, policy!.calendar) : null;
}

/** Parts of joint handling still owed and not yet reported overdue. */
function owedParts(s: CaseState): CooperationPart[] {
  return HANDLING.includes(s.status) ? (s.cooperation ?? []).filter((p) => p.status !== 'reported' && !p.overdueAt) : [];
}

/**
 * Fires what is due at `now`: yellow and red warnings, overdue-ladder steps, overdue cooperating units. An empty
 * transition when nothing is. A case opened under a policy without a ladder never escalates by itself.
 */
export function tick(state: CaseState, ctx: ClockContext): Transition {
  const s: CaseState = { ...state, clocks: { ...state.clocks } };
  const drafts: Draft[] = [];
  for (const clock of Object.values(s.clocks)) {
    if (!running(clock)) continue;
    const c: Clock = { ...clock };
    if (!c.yellowFiredAt && ctx.now >= Date.parse(c.yellowAt) && ctx.now < Date.parse(c.dueAt)) {
      c.yellowFiredAt = iso(ctx.now);
      drafts.push(warning(s, c, 'yellow', ctx));
    }
    if (!c.redFiredAt && ctx.now >= Date.parse(c.dueAt)) {
      // A clock already past due when first seen skips yellow: red says more.
      c.yellowFiredAt ??= iso(ctx.now);
      c.redFiredAt = iso(ctx.now);
      drafts.push(warning(s, c, 'red', ctx));
    }
    for (let at = nextLadderAt(c, ctx.policy); at !== null && ctx.now >= at; at = nextLadderAt(c, ctx.policy)) {
      const index = c.ladderStep ?? 0;
      c.ladderStep = index + 1;
      drafts.push(ladderStep(s, c, index, ctx));
    }
    s.clocks[c.name] = c;
  }
  const owed = owedParts(s).filter((p) => ctx.now >= Date.parse(p.dueAt));
  if (owed.length) {
    const late = new Set(owed.map((p) => p.unitId));
    s.cooperation = (s.cooperation ?? []).map((p) => (late.has(p.unitId) ? { ...p, overdueAt: iso(ctx.now) } : p));
    for (const p of owed) {
      drafts.push({
        type: 'cooperation_overdue',
        data: { unitId: p.unitId, dueAt: p.dueAt, leadUnitId: s.unitId },
        notices: [
          { kind: 'cooperation_overdue', recipient: 'principal_leader', unitId: p.unitId, message: `协办超期: your part was due ${p.dueAt}; report to the lead unit now` },
          { kind: 'cooperation_overdue', recipient: 'handler', message: `协办超期: ${p.unitId} has not reported its part (due ${p.dueAt})` },
        ],
      });
    }
  }
  const hold = s.hold;
  if (s.status === 'on_hold' && hold) {
    let sent = hold.reviewsSent;
    while (sent < hold.reviewDates.length && ctx.now >= Date.parse(hold.reviewDates[sent]!)) {
      const at = hold.reviewDates[sent]!;
      sent += 1;
      drafts.push({
        type: 'hold_review_due',
        data: { review: sent, reviewAt: at, since: hold.since },
        notices: [{ kind: 'hold_review', recipient: 'principal_leader', message: `挂账复核: review ${sent} of a case on hold since ${hold.since} (${hold.reason})` }],
      });
    }
    if (sent !== hold.reviewsSent) s.hold = { ...hold, reviewsSent: sent };
  }
  if (drafts.length === 0) return { state, events: [], notifications: [] };
  s.warningLevel = warningLevelOf(s);
  return record(s, drafts, ctx.now, ctx.actor);
}

/**
 * One step of the overdue ladder: raises the escalation level (never lowers it) and sends its notices. A clock the
 * hotline centre owns (the callback) escalates the centre, not the case: its steps go to the centre's leadership and
 * the unit above it, and leave the case's escalation level (the handling unit's supervision) as it is.
 */
function ladderStep(s: CaseState, c: Clock, index: number, ctx: ClockContext): Draft {
  const { policy } = ctx;
  const step = policy.overdueLadder![index]!;
  const overdue = `${c.name} overdue since ${c.dueAt} (${step.after.amount} ${step.after.unit.replace('_', ' ')})`;
  const cityNotice: Notice[] = step.cityNotice ? [{ kind: 'overdue_notice', recipient: 'city', message: `通报: ${overdue}` }] : [];
  const from = s.escalationLevel;
  if (!rulesOf(ctx.rules).clockOwners) {
    // Cases opened before clock owners: every step to the escalation level's name, as recorded.
    if (step.level > from) {
      s.escalationLevel = step.level;
      const to = ESCALATION_LEVELS[step.level] ?? String(step.level);
      return {
        type: 'escalated',
        data: { from, to: step.level, reason: overdue, automatic: true, clock: c.name, step: index + 1 },
        notices: [{ kind: 'escalation', recipient: to, message: `督办 (level ${step.level}, automatic): ${overdue}` }, ...cityNotice],
      };
    }
    return { type: 'overdue_step', data: { clock: c.name, step: index + 1, level: step.level, escalationLevel: from, reason: overdue }, notices: cityNotice };
  }
  const owner = clockOwner(s, c.name, ctx);
  const message = `督办 (level ${step.level}, automatic): ${overdue}`;
  if (owner.kind === 'centre') {
    // No centre in the policy: the city platform answers for the callback, and its leadership hears of every step.
    const recipient = owner.unitId ? ladderRecipient(step.level) : 'city';
    return {
      type: 'overdue_step',
      data: { clock: c.name, step: index + 1, level: step.level, escalationLevel: from, reason: overdue, owner: 'centre', unitId: owner.unitId },
      notices: [{ kind: 'escalation', recipient, unitId: owner.unitId, message: `${message} (12345 centre)` }, ...cityNotice.map((n) => ({ ...n, unitId: owner.unitId }))],
    };
  }
  if (step.level > from) {
    s.escalationLevel = step.level;
    return {
      type: 'escalated',
      data: { from, to: step.level, reason: overdue, automatic: true, clock: c.name, step: index + 1 },
      notices: [{ kind: 'escalation', recipient: ladderRecipient(step.level), message }, ...cityNotice],
    };
  }
  // Already at or above this level: the step is still recorded (it moves the ladder on, and says it came).
  return { type: 'overdue_step', data: { clock: c.name, step: index + 1, level: step.level, escalationLevel: from, reason: overdue }, notices: cityNotice };
}

/**
 * The next instant at which `tick` has something to do, or null. Without a policy (or with one from before the
 * ladder) only the warnings count, exactly as before.
 */
export function nextWakeAt(state: CaseState, policy?: CasePolicy | null): number | null {
  let next: number | null = null;
  const consider = (t: number | null) => {
    if (t !== null && (next === null || t < next)) next = t;
  };
  for (const c of Object.values(state.clocks)) {
    if (!running(c)) continue;
    consider(!c.yellowFiredAt ? Date.parse(c.yellowAt) : !c.redFiredAt ? Date.parse(c.dueAt) : nextLadderAt(c, policy));
  }
  for (const p of owedParts(state)) consider(Date.parse(p.dueAt));
  const hold = state.status === 'on_hold' ? state.hold : null;
  const review = hold?.reviewDates[hold.reviewsSent];
  if (review) consider(Date.parse(review));
  return next;
}

/** The reply clock's due time, for lists and search attributes. */
export function replyDueAt(state: CaseState): string | null {
  const reply = state.clocks.reply;
  return reply && !reply.stoppedAt ? reply.dueAt : null;
}

function warning(s: CaseState, c: Clock, level: 'yellow' | 'red', ctx: ClockContext): Draft {
  const owner = clockOwner(s, c.name, ctx);
  if (owner.kind === 'centre') {
    // The centre's own leaders and desk; with no centre in the policy, the city platform's desk.
    const to = (role: string) => (owner.unitId ? { recipient: role, unitId: owner.unitId } : { recipient: 'dispatch' });
    const notices: Notice[] =
      level === 'yellow'
        ? [{ kind: 'yellow_warning', ...to('deputy_leader'), message: `黄灯预警: ${c.name} due ${c.dueAt}` }]
        : [
            { kind: 'red_warning', ...to('principal_leader'), message: `红灯预警: ${c.name} overdue since ${c.dueAt}` },
            { kind: 'urging', ...to('handler'), message: `催办: ${c.name} is overdue, act now` },
          ];
    return { type: 'warning_raised', data: { clock: c.name, level, dueAt: c.dueAt, unitId: owner.unitId, owner: 'centre' }, notices };
  }
  const notices: Notice[] =
    level === 'yellow'
      ? [{ kind: 'yellow_warning', recipient: 'deputy_leader', message: `黄灯预警: ${c.name} due ${c.dueAt}` }]
      : [
          { kind: 'red_warning', recipient: 'principal_leader', message: `红灯预警: ${c.name} overdue since ${c.dueAt}` },
          { kind: 'urging', recipient: 'handler', message: `催办: ${c.name} is overdue, act now` },
        ];
  return { type: 'warning_raised', data: { clock: c.name, level, dueAt: c.dueAt, unitId: s.unitId }, notices };
}
