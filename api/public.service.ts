/**
 * Complainant self-service: a citizen follows their case and rates the result with the case number and the
 * verification code the acceptance notice (受理告知) brought them; an intake agent can have the code sent again.
 *
 * What a citizen reads is built here field by field from the case and its timeline, in plain Chinese, and the
 * response schema (api/public.routes.ts) keeps only those fields: no staff names or ids (the timeline's actors are
 * never read), no unit ids (unit names only), no internal notes (progress notes, escalation, return, review, hold
 * and extension reasons, triage notes), nothing of another case or person. The unit's reply is shown: it is
 * addressed to the citizen.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { loadRegionCalendar } from '../db/calendar.js';
import { getPolicy } from '../db/policy.js';
import { cases, notifications, units } from '../db/schema.js';
import { decide, type Principal } from '../domain/access.js';
import type { CaseOutcome, CaseStatus, RateCommand, TriageOutcome } from '../domain/case.types.js';
import { allowedFrom } from '../domain/case.actions.js';
import { ratingWindow } from '../domain/case.closing.js';
import { DomainError, RuleViolation } from '../domain/errors.js';
import { casePolicySchema, policyDocumentSchema, resolvePolicy } from '../domain/policy.schema.js';
import type { CasePolicy } from '../domain/policy.types.js';
import { targetOf } from './cases.presenter.js';
import type { CaseEventView, CaseViewBody } from './cases.schemas.js';
import type { CasesService } from './cases.service.js';
import type { CasesRepository } from './cases.repository.js';
import type { PublicCaseView, PublicRating, PublicStage, PublicStep, ResendAccepted } from './public.routes.js';
import type { ReferenceService } from './reference.service.js';

export interface PublicServiceDeps {
  cases: CasesService;
  repository: CasesRepository;
  db: Database;
  reference: ReferenceService;
  /** How often the code of one case may be sent again (default 10 minutes); sooner answers 429. */
  resendIntervalMs?: number;
}

/** Asia/Shanghai (no daylight saving): times are written in the case calendar's offset, this when it is unknown. */
const DEFAULT_OFFSET_MINUTES = 480;

const pad = (n: number) => String(n).padStart(2, '0');
/** An instant as people read it, in the calendar's local time: 2026年3月9日 17:30. */
export function plainTime(iso: string, offsetMinutes = DEFAULT_OFFSET_MINUTES): string {
  const d = new Date(Date.parse(iso) + offsetMinutes * 60_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const STAGE: Record<CaseStatus, PublicStage> = {
  received: 'received',
  returned: 'redispatching',
  dispatched: 'dispatched',
  accepted: 'handling',
  contacted: 'handling',
  on_hold: 'on_hold',
  replied: 'replied',
  closed: 'closed',
};

const STATUS_TEXT: Record<Exclude<CaseStatus, 'closed'>, string> = {
  received: '已受理，等待派发',
  returned: '正在重新派发',
  dispatched: '已派发至承办单位，等待签收',
  accepted: '承办单位已签收，正在办理',
  contacted: '承办单位已与您联系，正在办理',
  on_hold: '暂缓办理，待条件具备后继续办理',
  replied: '承办单位已答复，等待回访',
};

const CLOSED_TEXT: Record<CaseOutcome, string> = {
  resolved: '已办结',
  unsatisfied: '已办结（办理结果不满意）',
  callback_invalid: '已办结（未能回访到您）',
  terminated: '已终止办理',
  no_contact: '已办结（未留联系电话，不作回访）',
  consultation: '已办结（已当场解答）',
  emergency_transfer: '已办结（已转接紧急服务）',
  referred: '已办结（已告知其他反映渠道）',
  repeat: '已办结（与已有工单合并办理）',
  out_of_scope: '已办结（不属于热线受理范围）',
};

const TRIAGE_TEXT: Record<TriageOutcome, string> = {
  consultation: '已当场解答您的咨询',
  emergency_transfer: '已为您转接紧急服务',
  referred: '已告知您向其他法定渠道反映',
  repeat: '您反映的问题已有工单在办理，已合并办理',
  out_of_scope: '已向您说明：该诉求不属于热线受理范围',
};

/** Why a case cannot be rated (domain ratingWindow), in plain Chinese; a rating given is shown on its own. */
const RATING_CLOSED_TEXT: Record<'rated' | 'not_offered' | 'terminated' | 'not_replied', string> = {
  rated: '您已评价',
  not_offered: '本工单不提供在线评价',
  terminated: '本工单已终止办理，不能评价',
  not_replied: '承办单位答复后，您可以在线评价办理结果',
};

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Where the case is, in plain Chinese, as its complainant reads it (Open311's status_notes too). */
export function plainStatus(view: Pick<CaseViewBody, 'status' | 'outcome'>): string {
  return view.status === 'closed' ? (view.outcome ? CLOSED_TEXT[view.outcome] : '已办结') : STATUS_TEXT[view.status];
}

/** What comes next for the complainant and by when (contact, reply, callback), while the case is open and its clock runs. */
export function upcomingDeadlines(view: Pick<CaseViewBody, 'status' | 'clocks'>, offset = DEFAULT_OFFSET_MINUTES): PublicCaseView['deadlines'] {
  const deadlines: PublicCaseView['deadlines'] = [];
  const running = (name: 'contact' | 'reply' | 'callback') => {
    const c = view.clocks[name];
    return c && !c.stoppedAt && !c.pausedAt ? c.dueAt : null;
  };
  if (view.status !== 'closed') {
    const contact = view.status === 'accepted' ? running('contact') : null;
    if (contact) deadlines.push({ kind: 'contact', text: `承办单位将在 ${plainTime(contact, offset)} 前与您联系`, dueAt: contact, time: plainTime(contact, offset) });
    const replyDue = running('reply');
    if (replyDue) deadlines.push({ kind: 'reply', text: `承办单位将在 ${plainTime(replyDue, offset)} 前答复您`, dueAt: replyDue, time: plainTime(replyDue, offset) });
    const callback = view.status === 'replied' ? running('callback') : null;
    if (callback) deadlines.push({ kind: 'callback', text: `我们将在 ${plainTime(callback, offset)} 前回访您`, dueAt: callback, time: plainTime(callback, offset) });
  }
  return deadlines;
}

/** The citizen's view of one case: pure over the case, its timeline, its policy and the unit names. */
export function progressOf(
  view: CaseViewBody,
  events: readonly CaseEventView[],
  policy: CasePolicy | null,
  unitName: (id: string | null) => string,
  categoryName: string | null,
  now: number,
): PublicCaseView {
  const offset = policy?.calendar.utcOffsetMinutes ?? DEFAULT_OFFSET_MINUTES;
  const at = (iso: string) => ({ at: iso, time: plainTime(iso, offset) });

  const steps: PublicStep[] = [];
  const step = (code: PublicStep['step'], text: string, when: string) => steps.push({ step: code, text, ...at(when) });
  let reply: PublicCaseView['reply'] = null;
  for (const e of events) {
    const d = e.data;
    switch (e.type) {
      case 'received':
        step('received', '已受理', e.at);
        break;
      case 'dispatched':
        step('dispatched', `已派发至 ${unitName(str(d.unitId))}`, e.at);
        break;
      case 'reassigned':
        step('reassigned', `已改派至 ${unitName(str(d.to))}`, e.at);
        break;
      case 'rehandling_started':
        step('rehandling', `重新办理（第${typeof d.round === 'number' ? d.round : ''}轮），已派发至 ${unitName(str(d.unitId))}`, e.at);
        break;
      case 'returned':
        step('returned', '承办单位退回，正在重新派发', e.at);
        break;
      case 'accepted':
        step('accepted', '已签收', e.at);
        break;
      case 'contacted':
        step('contacted', '已联系您', e.at);
        break;
      case 'held':
        step('on_hold', '暂缓办理，待条件具备后继续办理', e.at);
        break;
      case 'resumed':
        step('resumed', '恢复办理', e.at);
        break;
      case 'extension_decided': {
        const newDueAt = str(d.newDueAt);
        if (d.approve === true && newDueAt) step('deadline_extended', `答复期限延长至 ${plainTime(newDueAt, offset)}`, e.at);
        break;
      }
      case 'replied':
        step('replied', '已答复', e.at);
        if (typeof d.content === 'string') reply = { content: d.content, ...at(e.at) };
        break;
      case 'callback_attempted':
        step('callback_attempted', '回访未能联系上您', e.at);
        break;
      case 'callback_recorded':
        step('callback', '已回访', e.at);
        break;
      case 'triaged': {
        const outcome = str(d.outcome) as TriageOutcome | null;
        if (outcome && outcome in TRIAGE_TEXT) step('triaged', TRIAGE_TEXT[outcome], e.at);
        break;
      }
      case 'rated':
        step('rated', '您已评价', e.at);
        break;
      case 'closed': {
        const outcome = str(d.outcome) as CaseOutcome | null;
        step('closed', outcome && outcome in CLOSED_TEXT ? CLOSED_TEXT[outcome] : '已办结', e.at);
        break;
      }
      default:
        // Supervision, warnings, cooperation, disputes, reviews, progress notes, repeats: internal.
        break;
    }
  }
  // The timeline is written a moment after the case opens: the acceptance is known from the case itself.
  if (!steps.some((s) => s.step === 'received')) steps.unshift({ step: 'received', text: '已受理', ...at(view.createdAt) });

  const deadlines = upcomingDeadlines(view, offset);

  return {
    caseNumber: view.id,
    title: view.title,
    category: categoryName,
    // When the complainant reached the hotline (a channel may have handed the complaint over later).
    submittedAt: view.receivedAt,
    submittedTime: plainTime(view.receivedAt, offset),
    stage: STAGE[view.status],
    status: plainStatus(view),
    handlingUnit: view.unitId ? unitName(view.unitId) : null,
    steps,
    deadlines,
    reply,
    rating: ratingOf(view, policy, now, offset),
  };
}

function ratingOf(view: CaseViewBody, policy: CasePolicy | null, now: number, offset: number): PublicCaseView['rating'] {
  const r = view.rating;
  if (r) {
    return {
      possible: false,
      until: null,
      untilTime: null,
      text: `您已于 ${plainTime(r.at, offset)} 评价`,
      given: { satisfaction: r.satisfaction, resolved: r.resolved, comment: r.comment ?? null, at: r.at },
    };
  }
  const none = (text: string) => ({ possible: false, until: null, untilTime: null, text, given: null });
  // No policy known for the case: nothing to offer. Otherwise the workflow's own rule (domain ratingWindow), in the
  // state `rate` is taken in.
  if (!policy) return none(RATING_CLOSED_TEXT.not_offered);
  const w = ratingWindow(view, policy, now);
  if (!w.open && w.why !== 'closed') return none(RATING_CLOSED_TEXT[w.why]);
  if (!allowedFrom('rate').includes(view.status)) return none(RATING_CLOSED_TEXT.not_replied);
  if (w.until === null) return none(RATING_CLOSED_TEXT.not_offered); // not reached: the policy is known
  const until = new Date(w.until).toISOString();
  if (!w.open) return { ...none(`评价期限已于 ${plainTime(until, offset)} 截止`), until, untilTime: plainTime(until, offset) };
  return { possible: true, until, untilTime: plainTime(until, offset), text: `您可以在 ${plainTime(until, offset)} 前评价办理结果`, given: null };
}

export function createPublicService(deps: PublicServiceDeps) {
  const { db, reference } = deps;
  const resendIntervalMs = deps.resendIntervalMs ?? 10 * 60_000;
  const policies = new Map<number, Promise<CasePolicy | null>>();

  /** Exactly what a case that does not exist answers (api/cases.service.ts load), whatever the reason. */
  const notFound = (number: string) => new DomainError('case_not_found', `no case ${number}`);

  /** The complainant of this case, or 404: no code, a wrong one and no such case look the same. */
  function complainantOf(principal: Principal | null, number: string): Principal {
    if (!principal || principal.kind !== 'complainant' || principal.caseId !== number) throw notFound(number);
    return principal;
  }

  /** The policy the case runs under (its rating window and calendar): the reference copy's, or its version's. */
  function policyOf(view: CaseViewBody): Promise<CasePolicy | null> {
    const version = view.policyVersion;
    if (version === null) return Promise.resolve(null);
    const current = reference.caseSetup(view.categoryId)?.policy;
    if (current?.version === version) return Promise.resolve(current);
    let loading = policies.get(version);
    if (!loading) {
      loading = (async () => {
        const row = await getPolicy(db, version);
        if (!row) return null;
        const document = policyDocumentSchema.parse(row.document);
        const calendar = document.calendarRegion
          ? await loadRegionCalendar(db, document.calendarRegion, { fromYear: new Date(view.createdAt).getUTCFullYear() - 1 })
          : undefined;
        return casePolicySchema.parse(resolvePolicy(document, calendar ?? undefined));
      })().catch(() => null);
      if (policies.size > 50) policies.clear();
      policies.set(version, loading);
      // A failed load is not kept: the next request tries again.
      void loading.then((p) => p ?? policies.delete(version));
    }
    return loading;
  }

  async function unitNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, [...new Set(ids)]));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  return {
    /**
     * GET /v1/public/cases/:number, and GET /v1/cases/:id with the case code: the case in plain language, for its
     * complainant. The one view a complainant is ever answered.
     */
    async progress(number: string, principal: Principal | null): Promise<PublicCaseView> {
      const p = complainantOf(principal, number);
      const { view, events: items } = await deps.cases.complainantCase(number, p);
      const policy = await policyOf(view);
      const unitIds = [view.unitId, ...items.flatMap((e) => [str(e.data.unitId), str(e.data.to)])].filter((u): u is string => u !== null);
      const names = await unitNames(unitIds);
      return progressOf(view, items, policy, (id) => (id && names.get(id)) || '承办单位', reference.categoryName(view.categoryId) ?? null, Date.now());
    },

    /** POST /v1/public/cases/:number/rating: the workflow's `rate` Update, as the complainant. */
    async rate(number: string, body: RateCommand, principal: Principal | null): Promise<PublicRating> {
      const p = complainantOf(principal, number);
      const r = await deps.cases.rate(number, body, p);
      return { caseNumber: number, satisfaction: r.satisfaction, resolved: r.resolved, comment: r.comment ?? null, at: r.at };
    },

    /**
     * POST /v1/cases/:id/verification-code/resend: a fresh notice to the complainant (kind `code_resend`), to which
     * the deliverer adds the code; the caller never sees it. At most once per resendIntervalMs per case (429).
     *
     * The outbox allows one row per (case, seq, kind, unit, recipient), and a resend must be a new row (receivers
     * deduplicate by its id): its seq is the case's last event, or one past the previous resend's when the case has
     * not moved since. The interval check and the insert are one statement, so two agents at once get one resend.
     */
    async resendCode(caseId: string, principal: Principal): Promise<ResendAccepted> {
      const recorded = await deps.repository.target(caseId);
      // Not in the record: no case (404, from the cases service), or one opened a moment ago.
      const target = recorded ?? targetOf(await deps.cases.get(caseId, principal));
      const decision = decide(principal, 'case.resend_code', reference.units, target);
      if (decision.outcome === 'not_found') throw notFound(caseId);
      if (decision.outcome === 'forbidden') throw new DomainError('forbidden', `${principal.roles.join(', ')} may not resend the verification code of this case`);
      if (!recorded) throw new DomainError('unavailable', 'the case is still being recorded (its acceptance notice with the code is on its way); retry in a moment');
      const [contact] = await db.select({ noContact: cases.noContact }).from(cases).where(eq(cases.id, caseId));
      if (contact?.noContact) {
        throw new RuleViolation('the complaint came without a phone number: there is nowhere to send a verification code', recorded.status, { noContact: true });
      }

      const interval = sql`${resendIntervalMs}::double precision * interval '1 millisecond'`;
      const message = `您的查询码已重新发送，工单号 ${caseId}`;
      const inserted = await db.execute<{ id: number }>(sql`
        insert into ${notifications} (case_id, seq, kind, unit_id, recipient, message, created_at)
        select c.id,
               greatest(c.last_seq, coalesce((select max(n.seq) + 1 from ${notifications} n where n.case_id = c.id and n.kind = 'code_resend'), 0)),
               'code_resend', null, 'complainant', ${message}, now()
        from ${cases} c
        where c.id = ${caseId}
          and not exists (select 1 from ${notifications} n where n.case_id = c.id and n.kind = 'code_resend' and n.created_at > now() - ${interval})
        on conflict do nothing
        returning id`);
      const id = inserted.rows[0]?.id;
      if (id !== undefined) return { caseId, notificationId: Number(id), kind: 'code_resend', recipient: 'complainant' };

      const [last] = await db
        .select({ createdAt: notifications.createdAt })
        .from(notifications)
        .where(and(eq(notifications.caseId, caseId), eq(notifications.kind, 'code_resend')))
        .orderBy(desc(notifications.createdAt))
        .limit(1);
      const waitMs = last ? Math.max(1_000, last.createdAt.getTime() + resendIntervalMs - Date.now()) : 1_000;
      const minutes = Math.round(resendIntervalMs / 60_000);
      throw new DomainError('rate_limited', `the verification code of this case was sent again less than ${minutes} minutes ago; retry later`, {
        retryAfterSeconds: Math.ceil(waitMs / 1000),
      });
    },
  };
}

export type PublicService = ReturnType<typeof createPublicService>;
