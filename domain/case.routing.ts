/**
 * Sending a case to a unit: the dispatch history, the return window, copies to the district and the parts of
 * cooperating units (joint handling). Used by the machine's dispatch, reassignment and re-handling.
 */
import { dueAt } from './deadlines.js';
import type { ClockContext } from './case.clocks.js';
import { iso, type Notice } from './case.record.js';
import type { CaseState, CooperationPart, DispatchKind, DispatchRecord } from './case.types.js';

/** Sends the case to a unit: the dispatch history, the return window, copies and cooperating parts. */
export function sendTo(s: CaseState, unitId: string, kind: DispatchKind, ctx: ClockContext, extra: { ruleId?: string; cooperating?: string[]; copyTo?: string[] }): Notice[] {
  const { now, policy } = ctx;
  s.unitId = unitId;
  const returnWindow = s.slaClass ? policy.returnWindow?.[s.slaClass] : undefined;
  // Re-handling goes back to the unit that handled the case; a designated unit may not return it at all.
  s.returnDueAt = kind === 'designation' || kind === 'rehandling' || !returnWindow ? null : iso(dueAt(now, returnWindow, policy.calendar));
  if (kind === 'designation') s.designatedUnitId = unitId;
  s.copiedUnitIds = extra.copyTo ?? [];
  const record: DispatchRecord = { unitId, kind, at: iso(now), by: ctx.actor.id, round: s.round };
  if (extra.ruleId) record.ruleId = extra.ruleId;
  if (extra.cooperating?.length) record.cooperating = extra.cooperating;
  s.dispatches = [...(s.dispatches ?? []), record];
  const notices: Notice[] = s.copiedUnitIds.map((u) => ({ kind: 'copy', recipient: 'handler', unitId: u, message: `抄送: case sent to ${unitId}` }));
  if (extra.cooperating) {
    s.cooperation = extra.cooperating.map((u) => cooperationPart(s, u, ctx));
    notices.push(...extra.cooperating.map((u): Notice => ({ kind: 'cooperation_request', recipient: 'handler', unitId: u, message: `协办: sign for your part and report to ${unitId} by ${partDue(s, ctx)}` })));
  }
  return notices;
}

function partDue(s: CaseState, { now, policy }: ClockContext): string {
  const spec = s.slaClass ? policy.cooperationReport?.[s.slaClass] : undefined;
  if (spec) return iso(dueAt(now, spec, policy.calendar));
  // No report deadline in the policy: the part is due with the lead's reply.
  return s.clocks.reply?.dueAt ?? iso(now);
}

function cooperationPart(s: CaseState, unitId: string, ctx: ClockContext): CooperationPart {
  return { unitId, status: 'pending', requestedAt: iso(ctx.now), dueAt: partDue(s, ctx) };
}
