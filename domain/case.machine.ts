/**
 * The rules of a case, as pure functions over plain data: which action fits which state, what each action
 * changes, who is told. The workflow's Update validators call `check`; its handlers call `apply`; the API calls
 * `check` for early answers to signals. Which states each action may be taken in is in the action table
 * (case.actions.ts). The clocks (warnings, overdue ladder) are in case.clocks.ts.
 */
import { DomainError, RuleViolation } from './errors.js';
import { cancelClocks, pauseClocks, resumeClocks, startClocks, stopClock, warningLevelOf } from './case.clocks.js';
import { checkExtensionDecision, checkExtensionRequest, decideExtension, requestExtension } from './case.extension.js';
import { sendTo } from './case.routing.js';
import { callback, checkCallback, checkDispute, checkRate, checkReview, checkTerminate, rate, repeat, review, terminate } from './case.closing.js';
import { chain, iso, record, type Draft, type Notice, type Transition } from './case.record.js';
import { clockStartOf, statedReceivedAt } from './case.intake.js';
import type { CasePolicy, CaseSetup } from './policy.types.js';
import { rulesOf, type RuleSet } from './case.patches.js';
import { allowedFrom } from './case.actions.js';
import {
  ESCALATION_LEVELS,
  MAX_ESCALATION_LEVEL,
  type Actor,
  type CaseAction,
  type CaseCommand,
  type CaseIntake,
  type CaseState,
  type CaseStatus,
  type DispatchKind,
  hasContact,
} from './case.types.js';
import { addedFieldDefaults } from './case.types.js';

export { nextDueAt, nextWakeAt, replyDueAt, tick } from './case.clocks.js';
export type { Transition } from './case.record.js';

/** Actions a cooperating unit (协办) takes for its own part; every other unit action is the lead's. */
const COOPERATING_ACTIONS: readonly CaseAction[] = ['cooperate', 'report'];

export interface Context {
  /** Milliseconds since the epoch: the workflow's deterministic time. */
  now: number;
  actor: Actor;
  policy: CasePolicy;
  /** The rule corrections this case runs with (case.patches.ts); absent: all of them. */
  rules?: Partial<RuleSet>;
}

/**
 * The state of a case the moment it is accepted, with its first event. A complaint nobody can be reached for (no
 * phone) gets no acceptance notice; a stated receivedAt is kept with who stated it.
 */
export function open(caseId: string, intake: CaseIntake, now: number, actor: Actor): Transition {
  const noContact = !hasContact(intake);
  const stated = statedReceivedAt(intake);
  const receivedAtStatedBy = stated === null ? null : { id: actor.id, role: actor.role };
  const state: CaseState = {
    // Every field added after the first release starts at its default (case.types.ts addedFieldDefaults).
    ...addedFieldDefaults(),
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
    masterCaseId: intake.masterCaseId ?? null,
    noContact,
    receivedAt: iso(stated ?? now),
    receivedAtStatedBy,
    createdAt: iso(now),
    updatedAt: iso(now),
    closedAt: null,
    seq: 0,
  };
  // 受理告知: the complainant is told the case number (the deliverer resolves their contact from the record).
  const acceptance: Notice = { kind: 'acceptance', recipient: 'complainant', unitId: null, message: `您的诉求已受理，工单号 ${caseId}` };
  const data = {
    channel: intake.channel,
    categoryId: intake.categoryId,
    ...(intake.masterCaseId && { masterCaseId: intake.masterCaseId }),
    // Nobody to tell: the acceptance notice is not sent, and no callback will be.
    ...(noContact && { noContact: true }),
    ...(receivedAtStatedBy && { receivedAt: state.receivedAt, receivedAtStatedBy }),
  };
  return record(state, [{ type: 'received', data, notices: noContact ? [] : [acceptance] }], now, actor);
}

const SYSTEM: Actor = { id: 'system', role: 'system' };

/**
 * What happens the moment a case is accepted, once its policy is known: it opens, and then either closes at
 * triage (the intake answered it without dispatch), or goes to the one unit the dispatch catalogue names, or
 * waits for a dispatcher. The API answers the intake with this; the workflow records the same.
 */
export function opening(caseId: string, intake: CaseIntake, setup: CaseSetup, now: number, actor: Actor, rules?: Partial<RuleSet>): Transition {
  const opened = open(caseId, intake, now, actor);
  const first: Transition = { ...opened, state: { ...opened.state, slaClass: setup.slaClass, policyVersion: setup.policy.version } };
  return chain(first, (s) => afterSetup(s, intake, setup, now, actor, rules));
}

/** The triage or catalogue dispatch a new case starts with (an empty transition when there is neither). */
export function afterSetup(state: CaseState, intake: CaseIntake, setup: CaseSetup, now: number, actor: Actor, rules?: Partial<RuleSet>): Transition {
  if (state.status !== 'received' || state.seq !== 1) return { state, events: [], notifications: [] };
  const with_ = rules ? { rules } : {};
  if (intake.triage) return apply(state, { kind: 'triage', payload: intake.triage }, { now, actor, policy: setup.policy, ...with_ });
  if (setup.dispatch) {
    const { unitId, ruleId, copyTo } = setup.dispatch;
    const ctx: Context = { now, actor: SYSTEM, policy: setup.policy, ...with_ };
    const t = apply(state, { kind: 'dispatch', payload: { unitId, ruleId, copyTo } }, ctx);
    // The clocks count from when the complaint was received, not from when the channel handed it over.
    const from = clockStartOf(intake, setup.policy, now);
    return from === now ? t : { ...t, state: countFrom(t.state, from, ctx) };
  }
  return { state, events: [], notifications: [] };
}

/** Restarts the clocks that started at `ctx.now` as if started at `from` (warnings already due fire at the next tick). */
function countFrom(state: CaseState, from: number, ctx: Context): CaseState {
  const s: CaseState = { ...state, clocks: { ...state.clocks } };
  const started = Object.values(s.clocks).filter((c) => c && !c.stoppedAt && c.startedAt === iso(ctx.now)).map((c) => c!.name);
  startClocks(s, started, { ...ctx, now: from });
  return s;
}

/**
 * An action taken for a unit (Actor.unitId) needs the case to be at that unit (a cooperating unit's action: the
 * unit must cooperate on it); otherwise the case is not theirs to see.
 */
export function checkActingUnit(state: CaseState, actor: Actor | undefined, action?: CaseAction): void {
  if (actor?.unitId === undefined) return;
  const theirs =
    action !== undefined && COOPERATING_ACTIONS.includes(action)
      ? (state.cooperation ?? []).some((p) => p.unitId === actor.unitId)
      : actor.unitId === state.unitId;
  if (!theirs) throw new DomainError('case_not_found', `no case ${state.caseId} at unit ${actor.unitId}`);
}

/** What a check may need beyond the state: the time (windows), who acts (a cooperating unit's part), the policy. */
export interface CheckContext {
  now?: number;
  actor?: Actor;
  policy?: CasePolicy;
  rules?: Partial<RuleSet>;
}

/** Throws RuleViolation when the command does not fit the case as it is. */
export function check(state: CaseState, cmd: CaseCommand, ctx: CheckContext = {}): void {
  const refuse = (message: string, details: Record<string, unknown> = {}): never => {
    throw new RuleViolation(message, state.status, { action: cmd.kind, ...details });
  };
  // A complaint nobody can be reached for has no contact step: its unit replies once it has signed for it.
  const replyWithoutContact = cmd.kind === 'reply' && state.status === 'accepted' && state.noContact === true;
  if (!allowedFrom(cmd.kind).includes(state.status) && !replyWithoutContact) refuse(`cannot ${cmd.kind} a case that is ${state.status}`);
  const rules = rulesOf(ctx.rules);
  switch (cmd.kind) {
    case 'dispatch': {
      const cooperating = cmd.payload.cooperating ?? [];
      if (cooperating.includes(cmd.payload.unitId)) refuse('the lead unit cannot also be a cooperating unit');
      if (new Set(cooperating).size !== cooperating.length) refuse('a cooperating unit is listed twice');
      break;
    }
    case 'reassign':
      if (cmd.payload.unitId === state.unitId) refuse(`case is already with unit ${state.unitId}`);
      if ((state.cooperation ?? []).some((p) => p.unitId === cmd.payload.unitId)) refuse(`unit ${cmd.payload.unitId} cooperates on this case; it cannot also lead it`);
      break;
    case 'escalate': {
      const target = cmd.payload.level ?? state.escalationLevel + 1;
      if (!Number.isInteger(target) || target <= state.escalationLevel || target > MAX_ESCALATION_LEVEL) {
        refuse(`cannot escalate from level ${state.escalationLevel} to ${target} (highest is ${MAX_ESCALATION_LEVEL})`, { escalationLevel: state.escalationLevel });
      }
      break;
    }
    case 'return': {
      if (state.designatedUnitId && state.designatedUnitId === state.unitId) {
        refuse(`the case was designated to ${state.unitId} after repeated failed dispatches: a designated unit may not return it`, { designatedUnitId: state.designatedUnitId });
      }
      if (rules.returnRules) {
        // A re-handling round goes back to the unit that handled the case: it may not hand it back now.
        const last = (state.dispatches ?? []).at(-1);
        if (last?.kind === 'rehandling' && last.unitId === state.unitId) {
          refuse(`the case came back to ${state.unitId} for re-handling (round ${state.round}): the unit that handled it may not return it`, { round: state.round, returnDueAt: null });
        }
        // No window in the case's policy for its class: returning was never granted.
        if (!state.returnDueAt) {
          refuse(`the policy this case opened under (version ${state.policyVersion ?? '?'}) gives ${state.slaClass ?? 'its'} cases no return window: it cannot be returned; a dispatcher or supervisor can reassign it`, {
            returnDueAt: null,
            policyVersion: state.policyVersion,
          });
        }
      }
      if (state.returnDueAt && ctx.now !== undefined && ctx.now > Date.parse(state.returnDueAt)) {
        refuse(`the return window closed at ${state.returnDueAt}`, { returnDueAt: state.returnDueAt });
      }
      break;
    }
    case 'reply': {
      const owing = owingUnits(state);
      if (owing.length) refuse(`cooperating units have not reported their parts: ${owing.join(', ')}`, { owing });
      break;
    }
    case 'triage':
      if (cmd.payload.linkedCaseId === state.caseId) refuse('a case cannot repeat itself');
      break;
    case 'contact':
      if (state.noContact) refuse('the complaint came with no way to reach the complainant (no phone): there is nobody to contact', { noContact: true });
      break;
    case 'cooperate':
    case 'report': {
      const part = ctx.actor?.unitId ? (state.cooperation ?? []).find((p) => p.unitId === ctx.actor!.unitId) : undefined;
      if (!part) break; // checkActingUnit answers for a unit that has no part
      if (cmd.kind === 'cooperate' && part.status !== 'pending') refuse(`unit ${part.unitId} already signed for its part`, { part: part.status });
      if (cmd.kind === 'report' && part.status !== 'accepted') {
        refuse(part.status === 'pending' ? `unit ${part.unitId} must sign for its part before reporting` : `unit ${part.unitId} already reported its part`, { part: part.status });
      }
      break;
    }
    case 'request_extension':
      checkExtensionRequest(state, cmd.payload, ctx, refuse);
      break;
    case 'decide_extension':
      checkExtensionDecision(state, cmd.payload, ctx, refuse);
      break;
    case 'hold': {
      const dates = cmd.payload.reviewDates.map((d) => Date.parse(d));
      if (ctx.now !== undefined && dates.some((d) => d <= ctx.now!)) refuse('review dates must lie in the future');
      if (dates.some((d, i) => i > 0 && d <= dates[i - 1]!)) refuse('review dates must be in ascending order');
      break;
    }
    case 'callback':
      checkCallback(state, cmd.payload, refuse);
      break;
    case 'dispute':
      checkDispute(state, refuse);
      break;
    case 'review':
      checkReview(state, refuse);
      break;
    case 'terminate':
      checkTerminate(state, refuse);
      break;
    case 'rate':
      checkRate(state, ctx.now, ctx.policy, refuse, ctx.rules);
      break;
    case 'repeat':
      if (state.status === 'closed' && !rules.closedMasters) refuse('cannot repeat a case that is closed');
      break;
    case 'urge': {
      const target = cmd.payload.unitId;
      if (target !== undefined && target !== state.unitId && !(state.cooperation ?? []).some((p) => p.unitId === target && p.status !== 'reported')) {
        refuse(`unit ${target} owes nothing on this case`);
      }
      break;
    }
  }
}

/** Applies a command that passed `check`. */
export function apply(state: CaseState, cmd: CaseCommand, ctx: Context): Transition {
  check(state, cmd, { now: ctx.now, actor: ctx.actor, policy: ctx.policy, ...(ctx.rules && { rules: ctx.rules }) });
  const s: CaseState = { ...state, clocks: { ...state.clocks } };
  const drafts: Draft[] = [];
  const { now } = ctx;
  switch (cmd.kind) {
    case 'dispatch': {
      const p = cmd.payload;
      const threshold = ctx.policy.designateAfterReturns;
      const kind: DispatchKind = p.ruleId ? 'catalogue' : threshold !== undefined && s.returnCount >= threshold ? 'designation' : 'dispatch';
      s.status = 'dispatched';
      s.dispatchCount += 1;
      startClocks(s, ['signFor', 'reply'], ctx);
      const notices = sendTo(s, p.unitId, kind, ctx, { ...(p.ruleId && { ruleId: p.ruleId }), ...(p.cooperating && { cooperating: p.cooperating }), ...(p.copyTo && { copyTo: p.copyTo }) });
      drafts.push({
        type: 'dispatched',
        data: {
          unitId: s.unitId,
          note: p.note ?? null,
          round: s.round,
          kind,
          ...(p.ruleId && { ruleId: p.ruleId }),
          ...(kind === 'designation' && { designated: true, failedDispatches: s.returnCount }),
          ...(p.cooperating?.length && { cooperating: p.cooperating }),
          ...(s.copiedUnitIds?.length && { copiedTo: s.copiedUnitIds }),
          returnDueAt: s.returnDueAt ?? null,
        },
        notices,
      });
      break;
    }
    case 'accept': {
      s.status = 'accepted';
      stopClock(s, 'signFor', now);
      // Nobody to contact: no contact clock (and no contact step).
      if (!s.noContact) startClocks(s, ['contact'], ctx);
      drafts.push({ type: 'accepted', data: { unitId: s.unitId, note: cmd.payload.note ?? null } });
      break;
    }
    case 'return': {
      const from = s.unitId;
      s.status = 'returned';
      s.unitId = null;
      s.returnCount += 1;
      s.returnDueAt = null;
      s.copiedUnitIds = [];
      s.cooperation = [];
      const history = [...(s.dispatches ?? [])];
      const last = history.at(-1);
      if (last && last.unitId === from) history[history.length - 1] = { ...last, returnedAt: iso(now), returnReason: cmd.payload.reason };
      s.dispatches = history;
      cancelClocks(s, now);
      drafts.push({ type: 'returned', data: { unitId: from, reason: cmd.payload.reason, note: cmd.payload.note, failedDispatches: s.returnCount } });
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
      // 销账: a reply from a hold closes the hold; its clocks stop with the time paused given back.
      const writeOff = s.status === 'on_hold';
      if (writeOff) {
        resumeClocks(s, ctx);
        s.hold = null;
        if (s.clocks.contact && !s.clocks.contact.stoppedAt) stopClock(s, 'contact', now);
      }
      s.status = 'replied';
      stopClock(s, 'reply', now);
      drafts.push({ type: 'replied', data: { content: cmd.payload.content, resolved: cmd.payload.resolved, ...(writeOff && { writeOff: true }) } });
      if (s.noContact) {
        // Nobody to call back: the case closes with the reply, as no valid callback (out of the rates).
        s.status = 'closed';
        s.outcome = 'no_contact';
        s.closedAt = iso(now);
        drafts.push({ type: 'closed', data: { outcome: s.outcome, round: s.round, callback: 'not_reachable', resolved: cmd.payload.resolved } });
        break;
      }
      startClocks(s, ['callback'], ctx);
      break;
    }
    case 'callback':
      drafts.push(...callback(s, cmd.payload, ctx));
      break;
    case 'dispute':
      s.disputed = true;
      drafts.push({ type: 'disputed', data: { reason: cmd.payload.reason, round: s.round } });
      break;
    case 'review':
      drafts.push(review(s, cmd.payload, ctx));
      break;
    case 'terminate':
      drafts.push(...terminate(s, cmd.payload, ctx));
      break;
    case 'repeat':
      drafts.push(...repeat(s, cmd.payload, ctx));
      break;
    case 'rate':
      drafts.push(rate(s, cmd.payload, ctx));
      break;
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
      s.reassignCount += 1;
      startClocks(s, ['signFor', 'reply'], ctx);
      let notices: Notice[] = [];
      if (s.dispatches) notices = sendTo(s, cmd.payload.unitId, 'reassignment', ctx, { ...(cmd.payload.copyTo && { copyTo: cmd.payload.copyTo }) });
      else s.unitId = cmd.payload.unitId;
      drafts.push({
        type: 'reassigned',
        data: { from, to: s.unitId, reason: cmd.payload.reason, ...(s.copiedUnitIds?.length && { copiedTo: s.copiedUnitIds }) },
        notices,
      });
      break;
    }
    case 'urge': {
      const unit = cmd.payload.unitId ?? s.unitId;
      drafts.push({
        type: 'urged',
        data: { unitId: unit, note: cmd.payload.note },
        notices: [{ kind: 'urging', recipient: unit ?? 'dispatch', unitId: unit, message: `催办: ${cmd.payload.note}` }],
      });
      break;
    }
    case 'triage': {
      const t = cmd.payload;
      cancelClocks(s, now);
      s.status = 'closed';
      s.outcome = t.outcome;
      s.unitId = null;
      s.triage = { ...t };
      s.closedAt = iso(now);
      drafts.push({ type: 'triaged', data: { ...t } }, { type: 'closed', data: { outcome: t.outcome, round: s.round } });
      break;
    }
    case 'request_extension':
      drafts.push(requestExtension(s, cmd.payload, ctx));
      break;
    case 'decide_extension':
      drafts.push(decideExtension(s, cmd.payload, ctx));
      break;
    case 'hold': {
      s.hold = { reason: cmd.payload.reason, since: iso(now), fromStatus: s.status, reviewDates: cmd.payload.reviewDates.map((d) => iso(Date.parse(d))), reviewsSent: 0, by: ctx.actor.id };
      s.status = 'on_hold';
      pauseClocks(s, now);
      drafts.push({ type: 'held', data: { reason: cmd.payload.reason, reviewDates: s.hold.reviewDates, fromStatus: s.hold.fromStatus } });
      break;
    }
    case 'resume': {
      const hold = s.hold!;
      resumeClocks(s, ctx);
      s.status = hold.fromStatus;
      s.hold = null;
      drafts.push({ type: 'resumed', data: { note: cmd.payload.note, since: hold.since, pausedMs: now - Date.parse(hold.since), status: s.status } });
      break;
    }
    case 'cooperate': {
      const unitId = ctx.actor.unitId!;
      s.cooperation = (s.cooperation ?? []).map((p) => (p.unitId === unitId ? { ...p, status: 'accepted', acceptedAt: iso(now) } : p));
      drafts.push({ type: 'cooperation_accepted', data: { unitId, note: cmd.payload.note ?? null } });
      break;
    }
    case 'report': {
      const unitId = ctx.actor.unitId!;
      let late = false;
      s.cooperation = (s.cooperation ?? []).map((p) => {
        if (p.unitId !== unitId) return p;
        late = now > Date.parse(p.dueAt);
        return { ...p, status: 'reported', reportedAt: iso(now), report: cmd.payload.content, ...(late && { late }) };
      });
      drafts.push({ type: 'cooperation_reported', data: { unitId, content: cmd.payload.content, late, leadUnitId: s.unitId } });
      break;
    }
    default: {
      // Every action of the table (case.actions.ts) has its effect above: a new one does not compile until it does.
      const unknown: never = cmd;
      throw new Error(`no effect for the action ${JSON.stringify(unknown)}`);
    }
  }
  s.warningLevel = warningLevelOf(s);
  return record(s, drafts, now, ctx.actor);
}

export function isTerminal(state: CaseState): boolean {
  return state.status === 'closed';
}

/**
 * Who owes what on a case in joint handling: the cooperating units whose part is not yet reported. The reply waits
 * for them (check), and every view of a case (live or recorded) shows them as `owing`.
 */
export function owingUnits(state: Pick<CaseState, 'cooperation'>): string[] {
  return (state.cooperation ?? []).filter((p) => p.status !== 'reported').map((p) => p.unitId);
}

/** Records that a signal arrived but did not fit the case (signals cannot be refused, so they are audited). */
export function ignoredSignal(state: CaseState, action: CaseAction, reason: string, now: number, actor: Actor): Transition {
  return record(state, [{ type: 'signal_ignored', data: { action, reason } }], now, actor);
}
