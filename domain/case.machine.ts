/**
 * The rules of a case, as pure functions over plain data: which action fits which state, what each action
 * changes, which clocks start and stop, when warnings fire and who is told. The workflow's Update validators
 * call `check`; its handlers call `apply`; the API calls `check` for early answers to signals.
 */
import { dueAt, warnAt } from './deadlines.js';
import { DomainError, RuleViolation } from './errors.js';
import type { ClockName, CasePolicy } from './policy.types.js';
import {
  ESCALATION_LEVELS,
  MAX_ESCALATION_LEVEL,
  type Actor,
  type CaseAction,
  type CaseCommand,
  type CaseEvent,
  type CaseEventType,
  type CaseIntake,
  type CaseNotification,
  type CaseState,
  type CaseStatus,
  type Clock,
  type NotificationKind,
  type WarningLevel,
} from './case.types.js';

const OPEN: readonly CaseStatus[] = ['received', 'dispatched', 'accepted', 'contacted', 'replied', 'returned'];

/** Which states each action may be taken in. */
export const ALLOWED_FROM: Readonly<Record<CaseAction, readonly CaseStatus[]>> = {
  dispatch: ['received', 'returned'],
  accept: ['dispatched'],
  return: ['dispatched', 'accepted'],
  contact: ['accepted'],
  progress: ['accepted', 'contacted'],
  reply: ['contacted'],
  callback: ['replied'],
  escalate: OPEN,
  reassign: ['dispatched', 'accepted', 'contacted'],
  // While the unit owes work on it.
  urge: ['dispatched', 'accepted', 'contacted'],
};

export interface Context {
  /** Milliseconds since the epoch: the workflow's deterministic time. */
  now: number;
  actor: Actor;
  policy: CasePolicy;
}

export interface Transition {
  state: CaseState;
  events: CaseEvent[];
  notifications: CaseNotification[];
}

interface Notice {
  kind: NotificationKind;
  recipient: string;
  message: string;
  unitId?: string | null;
}
interface Draft {
  type: CaseEventType;
  data: Record<string, unknown>;
  notices?: Notice[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The state of a case the moment it is accepted, with its first event. */
export function open(caseId: string, intake: CaseIntake, now: number, actor: Actor): Transition {
  const state: CaseState = {
    caseId,
    status: 'received',
    outcome: null,
    categoryId: intake.categoryId,
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
    createdAt: iso(now),
    updatedAt: iso(now),
    closedAt: null,
    seq: 0,
  };
  return record(state, [{ type: 'received', data: { channel: intake.channel, categoryId: intake.categoryId } }], now, actor);
}

/** Throws RuleViolation when the command does not fit the case as it is. */
/** An action taken for a unit (Actor.unitId) needs the case to be at that unit: otherwise it is not theirs to see. */
export function checkActingUnit(state: CaseState, actor: Actor | undefined): void {
  if (actor?.unitId !== undefined && actor.unitId !== state.unitId) {
    throw new DomainError('case_not_found', `no case ${state.caseId} at unit ${actor.unitId}`);
  }
}

export function check(state: CaseState, cmd: CaseCommand): void {
  if (!ALLOWED_FROM[cmd.kind].includes(state.status)) {
    throw new RuleViolation(`cannot ${cmd.kind} a case that is ${state.status}`, state.status, { action: cmd.kind });
  }
  if (cmd.kind === 'reassign' && cmd.payload.unitId === state.unitId) {
    throw new RuleViolation(`case is already with unit ${state.unitId}`, state.status, { action: cmd.kind });
  }
  if (cmd.kind === 'escalate') {
    const target = cmd.payload.level ?? state.escalationLevel + 1;
    if (!Number.isInteger(target) || target <= state.escalationLevel || target > MAX_ESCALATION_LEVEL) {
      throw new RuleViolation(
        `cannot escalate from level ${state.escalationLevel} to ${target} (highest is ${MAX_ESCALATION_LEVEL})`,
        state.status,
        { action: cmd.kind, escalationLevel: state.escalationLevel },
      );
    }
  }
}

/** Applies a command that passed `check`. */
export function apply(state: CaseState, cmd: CaseCommand, ctx: Context): Transition {
  check(state, cmd);
  const s: CaseState = { ...state, clocks: { ...state.clocks } };
  const drafts: Draft[] = [];
  const { now } = ctx;
  switch (cmd.kind) {
    case 'dispatch': {
      s.status = 'dispatched';
      s.unitId = cmd.payload.unitId;
      s.dispatchCount += 1;
      startClocks(s, ['signFor', 'reply'], ctx);
      drafts.push({ type: 'dispatched', data: { unitId: s.unitId, note: cmd.payload.note ?? null, round: s.round } });
      break;
    }
    case 'accept': {
      s.status = 'accepted';
      stopClock(s, 'signFor', now);
      startClocks(s, ['contact'], ctx);
      drafts.push({ type: 'accepted', data: { unitId: s.unitId, note: cmd.payload.note ?? null } });
      break;
    }
    case 'return': {
      const from = s.unitId;
      s.status = 'returned';
      s.unitId = null;
      s.returnCount += 1;
      cancelClocks(s, now);
      drafts.push({ type: 'returned', data: { unitId: from, reason: cmd.payload.reason, note: cmd.payload.note } });
      break;
    }
    case 'contact': {
      s.status = 'contacted';
      stopClock(s, 'contact', now);
      drafts.push({ type: 'contacted', data: { method: cmd.payload.method, note: cmd.payload.note ?? null } });
      break;
    }
    case 'progress': {
      drafts.push({ type: 'progress_noted', data: { note: cmd.payload.note } });
      break;
    }
    case 'reply': {
      s.status = 'replied';
      stopClock(s, 'reply', now);
      startClocks(s, ['callback'], ctx);
      drafts.push({ type: 'replied', data: { content: cmd.payload.content, resolved: cmd.payload.resolved } });
      break;
    }
    case 'callback': {
      const survey = cmd.payload;
      stopClock(s, 'callback', now);
      drafts.push({ type: 'callback_recorded', data: { ...survey, note: survey.note ?? null, round: s.round } });
      const unsolved = survey.satisfaction === 'unsatisfied' || !survey.resolved;
      if (unsolved && s.round <= ctx.policy.maxExtraRounds) {
        s.round += 1;
        s.status = 'dispatched';
        s.escalationLevel = Math.max(s.escalationLevel, 1);
        startClocks(s, ['signFor', 'reply'], ctx);
        drafts.push({ type: 'rehandling_started', data: { round: s.round, unitId: s.unitId, escalationLevel: s.escalationLevel } });
      } else {
        s.status = 'closed';
        s.outcome = unsolved ? 'unsatisfied' : 'resolved';
        s.closedAt = iso(now);
        drafts.push({ type: 'closed', data: { outcome: s.outcome, round: s.round } });
      }
      break;
    }
    case 'escalate': {
      const from = s.escalationLevel;
      s.escalationLevel = cmd.payload.level ?? from + 1;
      const to = ESCALATION_LEVELS[s.escalationLevel] ?? String(s.escalationLevel);
      drafts.push({
        type: 'escalated',
        data: { from, to: s.escalationLevel, reason: cmd.payload.reason },
        notices: [{ kind: 'escalation', recipient: to, message: `督办 (level ${s.escalationLevel}): ${cmd.payload.reason}` }],
      });
      break;
    }
    case 'reassign': {
      const from = s.unitId;
      cancelClocks(s, now);
      s.status = 'dispatched';
      s.unitId = cmd.payload.unitId;
      s.reassignCount += 1;
      startClocks(s, ['signFor', 'reply'], ctx);
      drafts.push({ type: 'reassigned', data: { from, to: s.unitId, reason: cmd.payload.reason } });
      break;
    }
    case 'urge': {
      drafts.push({
        type: 'urged',
        data: { unitId: s.unitId, note: cmd.payload.note },
        notices: [{ kind: 'urging', recipient: s.unitId ?? 'dispatch', message: `催办: ${cmd.payload.note}` }],
      });
      break;
    }
  }
  s.warningLevel = warningLevelOf(s);
  return record(s, drafts, now, ctx.actor);
}

/** Fires the yellow and red warnings that are due at `now` (an empty transition when none is). */
export function tick(state: CaseState, ctx: Context): Transition {
  const s: CaseState = { ...state, clocks: { ...state.clocks } };
  const drafts: Draft[] = [];
  for (const clock of Object.values(s.clocks)) {
    if (!clock || clock.stoppedAt) continue;
    const c: Clock = { ...clock };
    if (!c.yellowFiredAt && ctx.now >= Date.parse(c.yellowAt) && ctx.now < Date.parse(c.dueAt)) {
      c.yellowFiredAt = iso(ctx.now);
      drafts.push(warning(s, c, 'yellow'));
    }
    if (!c.redFiredAt && ctx.now >= Date.parse(c.dueAt)) {
      // A clock already past due when first seen skips yellow: red says more.
      c.yellowFiredAt ??= iso(ctx.now);
      c.redFiredAt = iso(ctx.now);
      drafts.push(warning(s, c, 'red'));
    }
    s.clocks[c.name] = c;
  }
  if (drafts.length === 0) return { state, events: [], notifications: [] };
  s.warningLevel = warningLevelOf(s);
  return record(s, drafts, ctx.now, ctx.actor);
}

/** The next instant at which `tick` has something to do, or null when no clock is running. */
export function nextWakeAt(state: CaseState): number | null {
  let next: number | null = null;
  for (const c of Object.values(state.clocks)) {
    if (!c || c.stoppedAt) continue;
    const t = !c.yellowFiredAt ? Date.parse(c.yellowAt) : !c.redFiredAt ? Date.parse(c.dueAt) : null;
    if (t !== null && (next === null || t < next)) next = t;
  }
  return next;
}

/** The reply clock's due time, for lists and search attributes. */
export function replyDueAt(state: CaseState): string | null {
  const reply = state.clocks.reply;
  return reply && !reply.stoppedAt ? reply.dueAt : null;
}

export function isTerminal(state: CaseState): boolean {
  return state.status === 'closed';
}

function warning(s: CaseState, c: Clock, level: 'yellow' | 'red'): Draft {
  const notices: Notice[] =
    level === 'yellow'
      ? [{ kind: 'yellow_warning', recipient: 'deputy_leader', message: `黄灯预警: ${c.name} due ${c.dueAt}` }]
      : [
          { kind: 'red_warning', recipient: 'principal_leader', message: `红灯预警: ${c.name} overdue since ${c.dueAt}` },
          { kind: 'urging', recipient: 'handler', message: `催办: ${c.name} is overdue, act now` },
        ];
  return { type: 'warning_raised', data: { clock: c.name, level, dueAt: c.dueAt, unitId: s.unitId }, notices };
}

function startClocks(s: CaseState, names: readonly ClockName[], ctx: Context): void {
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
      yellowAt: iso(warnAt(ctx.now, due, ctx.policy.yellowRatio)),
    };
  }
}

function stopClock(s: CaseState, name: ClockName, now: number): void {
  const c = s.clocks[name];
  if (!c || c.stoppedAt) return;
  s.clocks[name] = { ...c, stoppedAt: iso(now), result: now <= Date.parse(c.dueAt) ? 'met' : 'breached' };
}

function cancelClocks(s: CaseState, now: number): void {
  for (const c of Object.values(s.clocks)) {
    if (c && !c.stoppedAt) s.clocks[c.name] = { ...c, stoppedAt: iso(now), result: 'cancelled' };
  }
}

function warningLevelOf(s: CaseState): WarningLevel {
  let level: WarningLevel = 'none';
  for (const c of Object.values(s.clocks)) {
    if (!c || c.stoppedAt) continue;
    if (c.redFiredAt) return 'red';
    if (c.yellowFiredAt) level = 'yellow';
  }
  return level;
}

/** Numbers the drafts as the case's next events and expands their notices. */
function record(state: CaseState, drafts: Draft[], now: number, actor: Actor): Transition {
  const s: CaseState = { ...state, updatedAt: iso(now) };
  const events: CaseEvent[] = [];
  const notifications: CaseNotification[] = [];
  for (const d of drafts) {
    s.seq += 1;
    events.push({ seq: s.seq, type: d.type, at: iso(now), actor, data: d.data });
    for (const n of d.notices ?? []) {
      notifications.push({ caseId: s.caseId, seq: s.seq, kind: n.kind, unitId: n.unitId ?? s.unitId, recipient: n.recipient, message: n.message });
    }
  }
  return { state: s, events, notifications };
}

/** Records that a signal arrived but did not fit the case (signals cannot be refused, so they are audited). */
export function ignoredSignal(state: CaseState, action: CaseAction, reason: string, now: number, actor: Actor): Transition {
  return record(state, [{ type: 'signal_ignored', data: { action, reason } }], now, actor);
}
