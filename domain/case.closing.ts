/**
 * Closing the loop with the citizen: callback attempts and the survey, re-handling rounds, the unit's dispute, the
 * third-party review, termination, repeat complaints (并单) with their cards, and the complainant's online rating.
 * Pure; the machine (case.machine.ts) checks states and calls these with its working copy of the state.
 */
import { dueAt } from './deadlines.js';
import { startClocks, stopClock, type ClockContext } from './case.clocks.js';
import { iso, type Draft } from './case.record.js';
import { sendTo } from './case.routing.js';
import {
  ESCALATION_LEVELS,
  type CallbackCommand,
  type CaseState,
  type RateCommand,
  type RepeatCard,
  type RepeatCommand,
  type ReviewCommand,
  type TerminateCommand,
} from './case.types.js';
import type { CasePolicy } from './policy.types.js';
import { rulesOf, type RuleSet } from './case.patches.js';

type Refuse = (message: string, details?: Record<string, unknown>) => never;

/** Failed attempts in the current round. */
export const failedAttempts = (s: CaseState) => (s.callbackAttempts ?? []).filter((a) => a.round === s.round && a.outcome !== 'reached').length;

/** When the last reply was given (the rating window counts from it), or null. */
export function lastReplyAt(s: Pick<CaseState, 'clocks'>): string | null {
  return s.clocks.reply?.stoppedAt && s.clocks.reply.result !== 'cancelled' ? s.clocks.reply.stoppedAt : null;
}

/** A case closed unsatisfied and not yet reviewed, or disputed and not yet reviewed: in the review queue. */
export const inReviewQueue = (s: CaseState) => !s.review && ((s.status === 'closed' && s.outcome === 'unsatisfied') || Boolean(s.disputed));

/**
 * Until when a closed case's workflow stays to take late feedback: the review of an unsatisfied case (reviewWindow
 * from the close), the complainant's rating (ratingWindow from the last reply) and later complaints with the same
 * demand (repeats.window from its opening: while a new complaint can still find it, it can be their group's master
 * and count them; a case answered at triage is never one). null: nothing to wait for. A policy without these windows
 * (one from before them) never waits, exactly as before.
 */
export function lingerUntil(s: CaseState, policy: CasePolicy | null, rules?: Partial<RuleSet>): number | null {
  if (s.status !== 'closed' || !policy || !s.closedAt) return null;
  let until: number | null = null;
  const later = (t: number) => (until = until === null ? t : Math.max(until, t));
  if (policy.reviewWindow && inReviewQueue(s)) later(dueAt(Date.parse(s.closedAt), policy.reviewWindow, policy.calendar));
  // A no_contact case has nobody holding its verification code: no rating can come. (A terminated case takes none,
  // whichever rules it runs with: its workflow never waited for one.)
  const rating = ratingWindow(s, policy, undefined);
  if (rating.open && rating.until !== null && s.outcome !== 'no_contact') later(rating.until);
  if (policy.repeats && !s.triage && rulesOf(rules).closedMasters) later(dueAt(Date.parse(s.createdAt), policy.repeats.window, policy.calendar));
  return until;
}

export function checkCallback(s: CaseState, cmd: CallbackCommand, refuse: Refuse): void {
  void s;
  if (cmd.outcome !== undefined && cmd.outcome !== 'reached' && 'satisfaction' in cmd) refuse('a failed attempt carries no survey answers');
}

/** One callback attempt: the survey when reached (closing the case or starting another round), or a failed attempt. */
export function callback(s: CaseState, cmd: CallbackCommand, ctx: ClockContext): Draft[] {
  const { now, policy } = ctx;
  const drafts: Draft[] = [];
  const attempt = { at: iso(now), by: ctx.actor.id, round: s.round, outcome: cmd.outcome ?? 'reached', ...(cmd.note && { note: cmd.note }) };
  s.callbackAttempts = [...(s.callbackAttempts ?? []), attempt];
  if (cmd.outcome !== undefined && cmd.outcome !== 'reached') {
    const failed = failedAttempts(s);
    drafts.push({ type: 'callback_attempted', data: { outcome: cmd.outcome, attempt: failed, round: s.round, note: cmd.note ?? null } });
    const limit = policy.callbackMaxAttempts;
    if (limit !== undefined && failed >= limit) {
      // Not a valid callback: the case closes without counting in the unit's rates.
      stopClock(s, 'callback', now);
      s.status = 'closed';
      s.outcome = 'callback_invalid';
      s.closedAt = iso(now);
      drafts.push({ type: 'closed', data: { outcome: s.outcome, round: s.round, failedAttempts: failed } });
    }
    return drafts;
  }
  const survey = cmd;
  stopClock(s, 'callback', now);
  drafts.push({ type: 'callback_recorded', data: { ...survey, note: survey.note ?? null, round: s.round } });
  if (s.rounds) {
    s.rounds = [
      ...s.rounds,
      { round: s.round, unitId: s.unitId, repliedAt: lastReplyAt(s), callbackAt: iso(now), contacted: survey.contacted, resolved: survey.resolved, satisfaction: survey.satisfaction },
    ];
  }
  const unsolved = survey.satisfaction === 'unsatisfied' || !survey.resolved;
  if (unsolved && s.round <= policy.maxExtraRounds) {
    s.round += 1;
    s.status = 'dispatched';
    s.escalationLevel = Math.max(s.escalationLevel, 1);
    startClocks(s, ['signFor', 'reply'], ctx);
    if (s.dispatches) {
      // Cases from before the dispatch history keep their old shape (nothing new to record for them).
      const cooperating = (s.cooperation ?? []).map((p) => p.unitId);
      sendTo(s, s.unitId!, 'rehandling', ctx, { ...(cooperating.length && { cooperating }), ...(s.copiedUnitIds && { copyTo: s.copiedUnitIds }) });
    }
    drafts.push({ type: 'rehandling_started', data: { round: s.round, unitId: s.unitId, escalationLevel: s.escalationLevel } });
  } else {
    s.status = 'closed';
    s.outcome = unsolved ? 'unsatisfied' : 'resolved';
    s.closedAt = iso(now);
    drafts.push({ type: 'closed', data: { outcome: s.outcome, round: s.round } });
  }
  return drafts;
}

export function checkDispute(s: CaseState, refuse: Refuse): void {
  if (s.disputed) refuse('the case is already disputed');
  if (s.round < 2) refuse('only a result found unsatisfied or unresolved can be disputed (a re-handled case)');
}

export function checkReview(s: CaseState, refuse: Refuse): void {
  if (s.review) refuse('the case was already reviewed');
  if (!inReviewQueue(s)) refuse('only a case closed unsatisfied or disputed by its unit is reviewed');
}

export function review(s: CaseState, cmd: ReviewCommand, ctx: ClockContext): Draft {
  s.review = { at: iso(ctx.now), by: ctx.actor.id, ...cmd };
  s.demandUnreasonable = !cmd.demandReasonable;
  return { type: 'reviewed', data: { ...cmd, excludedFromRates: s.demandUnreasonable } };
}

export function checkTerminate(s: CaseState, refuse: Refuse): void {
  if (!s.review) refuse('a case is terminated only after a review');
  if (s.review!.demandReasonable) refuse('the review found the demand reasonable: it cannot be terminated');
  if (s.status === 'closed' && s.outcome !== 'unsatisfied') refuse(`the case closed ${s.outcome}`);
}

export function terminate(s: CaseState, cmd: TerminateCommand, ctx: ClockContext): Draft[] {
  for (const c of Object.values(s.clocks)) if (c && !c.stoppedAt) s.clocks[c.name] = { ...c, stoppedAt: iso(ctx.now), result: 'cancelled' };
  s.status = 'closed';
  s.outcome = 'terminated';
  s.hold = null;
  s.closedAt ??= iso(ctx.now);
  return [{ type: 'terminated', data: { ...cmd } }, { type: 'closed', data: { outcome: 'terminated', round: s.round } }];
}

/** The card a group of this many complaints earns (the highest threshold it reaches), or null. */
export function cardFor(count: number, policy: CasePolicy): { card: RepeatCard; level: number } | null {
  let best: { card: RepeatCard; level: number } | null = null;
  for (const c of policy.repeats?.cards ?? []) if (count >= c.count) best = { card: c.card, level: c.level };
  return best;
}

/** On a master: a later complaint with the same demand joined the group; a card may come with it. */
export function repeat(s: CaseState, cmd: RepeatCommand, ctx: ClockContext): Draft[] {
  if ((s.linkedCaseIds ?? []).includes(cmd.caseId) || cmd.caseId === s.caseId) return []; // delivered twice: once is enough
  s.linkedCaseIds = [...(s.linkedCaseIds ?? []), cmd.caseId];
  s.repeatCount = (s.repeatCount ?? 1) + 1;
  const drafts: Draft[] = [{ type: 'repeat_linked', data: { caseId: cmd.caseId, repeatCount: s.repeatCount } }];
  const earned = cardFor(s.repeatCount, ctx.policy);
  const order = ['yellow', 'orange', 'red'];
  if (earned && order.indexOf(earned.card) > order.indexOf(s.repeatCard ?? '')) {
    const from = s.escalationLevel;
    s.repeatCard = earned.card;
    s.escalationLevel = Math.max(from, earned.level);
    const to = ESCALATION_LEVELS[earned.level] ?? String(earned.level);
    drafts.push({
      type: 'repeat_card_raised',
      data: { card: earned.card, repeatCount: s.repeatCount, from, to: s.escalationLevel },
      notices: [{ kind: 'repeat_card', recipient: to, message: `重复投诉${earned.card}牌: ${s.repeatCount} complaints with the same demand` }],
    });
  }
  return drafts;
}

/**
 * Whether the complainant may rate now, and until when (null: the policy is not known here, so no window is
 * checked), or why not. The one rule of the online rating: the workflow's check (checkRate), how long a closed case
 * waits for a rating (lingerUntil) and what the complainant's page says (api/public.service.ts) all read it. The
 * state must also be one `rate` is allowed from (ALLOWED_FROM in case.machine.ts: replied or closed).
 * - `rated`: once only; `not_offered`: the case's policy has no rating window; `terminated`: a case terminated after
 *   review takes no rating (rules.terminatedUnrated); `not_replied`: no reply yet (or the last one was cancelled by a
 *   re-handling round); `closed`: the window, ratingWindow from the last reply, ended at `until`.
 */
export type RatingWindow =
  | { open: true; until: number | null }
  | { open: false; why: 'rated' | 'not_offered' | 'terminated' | 'not_replied' }
  | { open: false; why: 'closed'; until: number };

export function ratingWindow(
  s: Pick<CaseState, 'rating' | 'outcome' | 'clocks'>,
  policy: CasePolicy | undefined,
  now: number | undefined,
  rules?: Partial<RuleSet>,
): RatingWindow {
  if (s.rating) return { open: false, why: 'rated' };
  if (policy && !policy.ratingWindow) return { open: false, why: 'not_offered' };
  if (s.outcome === 'terminated' && rulesOf(rules).terminatedUnrated) return { open: false, why: 'terminated' };
  const replied = lastReplyAt(s);
  if (!replied) return { open: false, why: 'not_replied' };
  if (!policy?.ratingWindow) return { open: true, until: null };
  const until = dueAt(Date.parse(replied), policy.ratingWindow, policy.calendar);
  if (now !== undefined && now > until) return { open: false, why: 'closed', until };
  return { open: true, until };
}

const RATING_REFUSALS: Record<Exclude<RatingWindow, { open: true }>['why'], string> = {
  rated: 'the case was already rated',
  not_offered: "this case's policy takes no online rating",
  terminated: 'the case was terminated after review: it takes no rating',
  not_replied: 'the case can be rated once it has been replied to',
  closed: 'the rating window has closed',
};

export function checkRate(s: CaseState, now: number | undefined, policy: CasePolicy | undefined, refuse: Refuse, rules?: Partial<RuleSet>): void {
  const w = ratingWindow(s, policy, now, rules);
  if (!w.open) refuse(RATING_REFUSALS[w.why]);
}

export function rate(s: CaseState, cmd: RateCommand, ctx: ClockContext): Draft {
  s.rating = { at: iso(ctx.now), satisfaction: cmd.satisfaction, resolved: cmd.resolved, ...(cmd.comment && { comment: cmd.comment }) };
  return { type: 'rated', data: { satisfaction: cmd.satisfaction, resolved: cmd.resolved, comment: cmd.comment ?? null } };
}
