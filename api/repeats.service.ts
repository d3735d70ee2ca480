/**
 * Repeat complaints (并单) in the API: at intake, the matcher finds the master a new complaint joins and tells the
 * master's workflow (signal `repeat`, a system actor); for the routes, a case's related cases and the open masters.
 * The search never blocks or fails an intake: a database error or a search slower than its budget opens the case
 * without a link, with a warning in the log (never the complainant's data).
 */
import type { Client } from '@temporalio/client';
import { decide, type Principal } from '../domain/access.js';
import type { Actor, CaseOutcome, CaseStatus, RepeatCard } from '../domain/case.types.js';
import { DomainError } from '../domain/errors.js';
import type { CasePolicy } from '../domain/policy.types.js';
import { chooseMaster, normalisePhone, type RepeatComplaint } from '../domain/repeats.rules.js';
import { caseSignal } from '../workflows/case.messages.js';
import type { CasesRepository } from './cases.repository.js';
import { maskFreeText } from './cases.presenter.js';
import type { CreateCaseBody } from './cases.schemas.js';
import type { CasesService } from './cases.service.js';
import type { ReferenceService } from './reference.service.js';
import { RepeatSearchTimeout, type OpenMastersQuery, type RelatedRow, type RepeatsRepository } from './repeats.repository.js';
import type { ActionSigner } from './action-signer.js';
import type { GroupFlags } from './group-flags.js';

/** Who links a repeat to its master: the API itself. */
export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'system' };

/** How long an intake waits for the repeat search. */
export const REPEAT_SEARCH_BUDGET_MS = 300;
/** The search of a complaint being typed (the intake desk asks as the agent types): its budget, and how many it lists. */
const LIKELY_BUDGET_MS = 1_000;
const LIKELY_LIMIT = 10;

export interface RepeatMatcherDeps {
  client: Client;
  repository: Pick<RepeatsRepository, 'findCandidates'>;
  /** The type of a unit in the org tree (whether a complaint's area is a place: a community or grid). */
  unitType: (unitId: string) => string | undefined;
  log: { warn(obj: Record<string, unknown>, msg: string): void };
  budgetMs?: number;
  /** Signs the `repeat` signal (the API's proof that it sent it; platform/action-assertion.ts). */
  sign: ActionSigner;
}

/** Why a search or a link failed, for the log: a code or a name, never a message (it can quote values). */
function reasonOf(err: unknown): string {
  if (err instanceof RepeatSearchTimeout) return 'timeout';
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return err instanceof Error ? err.name : 'error';
}

/** What a complaint (an intake, or a draft being typed) gives the repeat rules. */
export type RepeatDraft = Pick<CreateCaseBody, 'categoryId' | 'location' | 'complainant'>;

/** The complaint the repeat rules compare, from an intake or a draft; `caseId` '' when its number is not known yet. */
export function repeatComplaintOf(caseId: string, body: RepeatDraft, unitType: (unitId: string) => string | undefined, now: number): RepeatComplaint {
  return {
    id: caseId,
    categoryId: body.categoryId,
    areaUnitId: body.location?.areaUnitId ?? null,
    areaUnitType: body.location?.areaUnitId ? (unitType(body.location.areaUnitId) ?? null) : null,
    lat: body.location?.lat ?? null,
    lng: body.location?.lng ?? null,
    // No phone: no complainant to match ('' matches nothing); the place still can.
    phone: normalisePhone(body.complainant?.phone ?? ''),
    createdAt: now,
  };
}

export function createRepeatMatcher({ client, repository, unitType, log, budgetMs = REPEAT_SEARCH_BUDGET_MS, sign }: RepeatMatcherDeps) {
  /** Links sent after the answer and not yet delivered: the API waits for them when it closes. */
  const inFlight = new Set<Promise<void>>();
  async function link(masterCaseId: string, caseId: string): Promise<void> {
    try {
      const command = { caseId };
      await client.workflow.getHandle(masterCaseId).signal(caseSignal('repeat'), command, SYSTEM_ACTOR, sign(masterCaseId, 'repeat', command, SYSTEM_ACTOR));
    } catch (err) {
      log.warn({ caseId, masterCaseId, reason: reasonOf(err) }, 'repeat link not delivered to the master case');
    }
  }
  return {
    /**
     * The master a new complaint is linked to, or null (no same demand, a policy without repeat rules, or the search
     * failed). `caseId`: the new case's number when it is known before the start (derived from an idempotency key).
     */
    async masterFor(caseId: string, body: CreateCaseBody, policy: CasePolicy | undefined, now = Date.now()): Promise<string | null> {
      const rules = policy?.repeats;
      if (!rules) return null;
      const complaint = repeatComplaintOf(caseId, body, unitType, now);
      try {
        const candidates = await repository.findCandidates(complaint, rules, policy.calendar, { timeoutMs: budgetMs });
        return chooseMaster(complaint, candidates, rules, policy.calendar).masterCaseId;
      } catch (err) {
        log.warn({ reason: reasonOf(err), categoryId: body.categoryId, budgetMs }, 'repeat search failed: the case opens without a repeat link');
        return null;
      }
    },

    /** Tells the master a complaint joined its group; it ignores a case it already has (a retried POST). Never throws. */
    link,

    /**
     * The same, without holding up the intake's answer: the new case already names its master (its intake carries
     * masterCaseId), and the master's count is the master's business. A master that many complaints join at once
     * takes their signals one at a time (Temporal serialises a workflow's updates), which must not queue the 201s
     * behind it. As with `link`, a lost signal is logged and a retried POST sends it again; the API's close waits
     * for the links in flight (drain).
     */
    linkAfterAnswer(masterCaseId: string, caseId: string): void {
      const p = link(masterCaseId, caseId).finally(() => inFlight.delete(p));
      inFlight.add(p);
    },

    /** Waits for the links sent after their answers (on close). */
    async drain(): Promise<void> {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
  };
}

export type RepeatMatcher = ReturnType<typeof createRepeatMatcher>;

/** A related case or an open master as callers read it: no complainant data at all, free text masked like lists. */
function present(r: Omit<RelatedRow, 'relation'>) {
  return maskFreeText({
    id: r.id,
    status: r.status as CaseStatus,
    outcome: r.outcome as CaseOutcome | null,
    title: r.title,
    categoryId: r.categoryId,
    unitId: r.unitId,
    areaUnitId: r.areaUnitId,
    createdAt: r.createdAt.toISOString(),
    closedAt: r.closedAt ? r.closedAt.toISOString() : null,
    masterCaseId: r.masterCaseId,
    repeatCount: r.repeatCount,
    repeatCard: r.repeatCard as RepeatCard | null,
  });
}

export interface RepeatsServiceDeps {
  repository: RepeatsRepository;
  casesRepository: Pick<CasesRepository, 'target'>;
  cases: Pick<CasesService, 'target'>;
  reference: ReferenceService;
  /** The flagged group complaint (群体诉求) a case is part of, beside its repeat group; absent: not shown. */
  groupFlags?: GroupFlags;
}

export function createRepeatsService({ repository, casesRepository, cases, reference, groupFlags }: RepeatsServiceDeps) {
  /**
   * 404 when the case is not in the caller's scope (or does not exist), as for GET /v1/cases/:id; 403 when the caller
   * reads the case but not its related cases (a complainant: those are other complainants' case numbers).
   */
  async function authorizeRelated(caseId: string, principal: Principal): Promise<void> {
    // The record answers; a case opened a moment ago is found in its workflow.
    const target = (await casesRepository.target(caseId).catch(() => null)) ?? (await cases.target(caseId));
    const decision = decide(principal, 'case.related', reference.units, target);
    if (decision.outcome === 'not_found') throw new DomainError('case_not_found', `no case ${caseId}`);
    if (decision.outcome === 'forbidden') throw new DomainError('forbidden', `${principal.roles.join(', ')} may not read the related cases of this case`);
  }

  return {
    /**
     * The case's group (its master and members) and the earlier cases with the same demand under the policy in
     * force, from the record; only the ones the caller may read themselves. With them, the flagged group complaint
     * (群体诉求) the case is part of, if any (api/group-flags.ts).
     */
    async related(caseId: string, principal: Principal) {
      await authorizeRelated(caseId, principal);
      const found = await repository.related(caseId, reference.policyInForce(), (id) => reference.unitType(id));
      if (!found) return { caseId, masterCaseId: null, items: [], ...(groupFlags && { groupComplaint: null }) };
      const visible = found.items.filter((r) => decide(principal, 'case.read', reference.units, r).outcome === 'allow');
      const group = groupFlags ? await groupFlags.forCase(found.self) : undefined;
      return {
        caseId,
        masterCaseId: found.masterCaseId,
        items: visible.map((r) => ({ ...present(r), relation: r.relation })),
        ...(group !== undefined && { groupComplaint: group }),
      };
    },

    /**
     * The cases a complaint being typed would be linked to (并单), for the intake desk: the same search and rules as
     * the intake's (the policy of its category), answered before the case exists. The master it would join first,
     * then the other earlier cases with the same demand, oldest first, at most LIKELY_LIMIT; only those the caller
     * may read, masked like lists. Never the phone it was asked with.
     */
    async likely(draft: RepeatDraft, principal: Principal, now = Date.now()) {
      reference.assertCategory('body.categoryId', draft.categoryId);
      const policy = reference.caseSetup(draft.categoryId)?.policy;
      const rules = policy?.repeats;
      if (!policy || !rules) return { masterCaseId: null, items: [] };
      const complaint = repeatComplaintOf('', draft, (id) => reference.unitType(id), now);
      const decision = chooseMaster(complaint, await repository.findCandidates(complaint, rules, policy.calendar, { timeoutMs: LIKELY_BUDGET_MS }), rules, policy.calendar);
      const ids = [...new Set([...(decision.masterCaseId ? [decision.masterCaseId] : []), ...decision.matches.map((m) => m.id)])].slice(0, LIKELY_LIMIT);
      const rows = await repository.byIds(ids);
      const visible = ids.flatMap((id) => rows.filter((r) => r.id === id && decide(principal, 'case.read', reference.units, r).outcome === 'allow'));
      const masterCaseId = visible.some((r) => r.id === decision.masterCaseId) ? decision.masterCaseId : null;
      return { masterCaseId, items: visible.map((r) => ({ ...present(r), relation: r.id === masterCaseId ? ('master' as const) : ('match' as const) })) };
    },

    /** Open masters of repeat groups, hottest first (every holder of repeat.read reads the whole city). */
    async openMasters(q: OpenMastersQuery) {
      const page = await repository.openMasters(q);
      return { items: page.items.map((r) => ({ ...present(r), escalationLevel: r.escalationLevel, updatedAt: r.updatedAt.toISOString() })), nextCursor: page.nextCursor };
    },
  };
}

export type RepeatsService = ReturnType<typeof createRepeatsService>;
