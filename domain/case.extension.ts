/**
 * Extension (延期) of the reply deadline: the unit asks before it passes, with a reason and the working days it
 * wants; its leader or a dispatcher decides; beyond the policy's number of extensions only a supervisor may
 * approve. An approval moves the reply deadline and re-arms the warnings that now lie ahead.
 */
import { extendReplyClock, type ClockContext } from './case.clocks.js';
import { iso, type Draft } from './case.record.js';
import type { CaseState, DecideExtensionCommand, RequestExtensionCommand } from './case.types.js';
import { DomainError } from './errors.js';
import type { CasePolicy } from './policy.types.js';
import type { Actor } from './case.types.js';

type Refuse = (message: string, details?: Record<string, unknown>) => never;
interface CheckContext {
  now?: number;
  actor?: Actor;
  policy?: CasePolicy;
}

export function checkExtensionRequest(state: CaseState, payload: RequestExtensionCommand, ctx: CheckContext, refuse: Refuse): void {
  const reply = state.clocks.reply;
  const extension = ctx.policy?.extension;
  if (ctx.policy && !extension) refuse("this case's policy allows no extension");
  if (!reply || reply.stoppedAt) return refuse('there is no running reply deadline to extend');
  if (ctx.now !== undefined && ctx.now >= Date.parse(reply.dueAt)) {
    refuse(`the reply deadline passed at ${reply.dueAt}: an extension is asked for before it`, { replyDueAt: reply.dueAt });
  }
  if ((state.extensions ?? []).some((e) => e.status === 'pending')) refuse('an extension request is already waiting for a decision');
  if (extension && payload.days > extension.maxDays) {
    refuse(`days: an extension is at most ${extension.maxDays} working days under this case's policy (version ${ctx.policy?.version}, extension.maxDays); ${payload.days} asked`, {
      field: 'body.days',
      maxDays: extension.maxDays,
      policyVersion: ctx.policy?.version,
    });
  }
}

export function checkExtensionDecision(state: CaseState, payload: DecideExtensionCommand, ctx: CheckContext, refuse: Refuse): void {
  const pending = (state.extensions ?? []).find((e) => e.status === 'pending');
  if (!pending) return refuse('no extension request is waiting for a decision');
  if (payload.approve && payload.days !== undefined && payload.days > pending.days) {
    refuse(`the unit asked for ${pending.days} working days; an approval cannot grant more`);
  }
  const approved = (state.extensions ?? []).filter((e) => e.status === 'approved').length;
  const limit = ctx.policy?.extension?.approvableWithoutSupervisor;
  if (payload.approve && limit !== undefined && approved >= limit && ctx.actor && ctx.actor.role !== 'supervisor') {
    throw new DomainError('forbidden', `extension ${approved + 1} of this case needs a supervisor's approval`, { approvedExtensions: approved });
  }
}

/** Records the request (the case's state `s` is the machine's working copy). */
export function requestExtension(s: CaseState, payload: RequestExtensionCommand, ctx: ClockContext): Draft {
  const n = (s.extensions ?? []).length + 1;
  s.extensions = [...(s.extensions ?? []), { n, requestedAt: iso(ctx.now), requestedBy: ctx.actor.id, days: payload.days, reason: payload.reason, status: 'pending' }];
  return {
    type: 'extension_requested',
    data: { n, days: payload.days, reason: payload.reason, replyDueAt: s.clocks.reply?.dueAt ?? null },
    notices: [{ kind: 'extension_request', recipient: 'principal_leader', message: `延期申请: ${payload.days} working days — ${payload.reason}` }],
  };
}

/** Decides the pending request; an approval may grant fewer days than asked. */
export function decideExtension(s: CaseState, payload: DecideExtensionCommand, ctx: ClockContext): Draft {
  const { approve, note } = payload;
  const list = [...(s.extensions ?? [])];
  const i = list.findIndex((e) => e.status === 'pending');
  const request = list[i]!;
  const days = approve ? (payload.days ?? request.days) : 0;
  const moved = approve ? extendReplyClock(s, days, ctx) : null;
  list[i] = {
    ...request,
    status: approve ? 'approved' : 'denied',
    decidedAt: iso(ctx.now),
    decidedBy: ctx.actor.id,
    decidedRole: ctx.actor.role,
    note,
    ...(approve && { days }),
    ...(moved ?? {}),
  };
  s.extensions = list;
  return {
    type: 'extension_decided',
    data: { n: request.n, approve, days, note, ...(moved ?? {}) },
    notices: [{ kind: 'extension_decision', recipient: 'handler', message: approve ? `延期已批准: reply due ${moved?.newDueAt}` : `延期未批准: ${note}` }],
  };
}
