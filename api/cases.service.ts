/**
 * Turns API requests into workflow starts, Updates, signals and queries on the Temporal client.
 * The workflow decides; this only asks, and reads the record for lists and for cases whose workflow is gone.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  isGrpcServiceError,
  QueryNotRegisteredError,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdReusePolicy,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { ACCESS, decide, listScope, piiVisible, type CaseAction, type CaseTarget, type Principal, type Role, type Scope } from '../domain/access.js';
import { check, nextDueAt, open, opening, owingUnits } from '../domain/case.machine.js';
import type { Actor, CaseCommand, CaseIntake, TriageCommand } from '../domain/case.types.js';
import { DomainError, RuleViolation } from '../domain/errors.js';
import {
  caseSignals,
  caseUpdates,
  getCaseQuery,
  type CaseView,
  type CaseWorkflowInput,
  type SignalAction,
  type UpdateAction,
} from '../workflows/case.messages.js';
import { caseWorkflow } from '../workflows/case.workflow.js';
import { AssignedUnit, CaseCategory, CaseRound, CaseStatus, EscalationLevel, WarningLevel } from '../workflows/search-attributes.js';
import type { CasesRepository } from './cases.repository.js';
import { maskCase, maskSummary, presentEvents, targetOf } from './cases.presenter.js';
import type { CaseViewBody, CreateCaseBody, ListCasesQuery } from './cases.schemas.js';
import type { ReferenceService } from './reference.service.js';
import type { RepeatMatcher } from './repeats.service.js';
import type { ActionSigner } from './action-signer.js';

export interface CasesServiceDeps {
  client: Client;
  taskQueue: string;
  repository: CasesRepository;
  reference: ReferenceService;
  /** Repeat complaints (并单): finds the master a new complaint joins and tells it; absent, nothing is linked. */
  repeats?: RepeatMatcher;
  /**
   * How long an Update that Temporal dropped or did not answer is tried again before the caller gets 503 with
   * Retry-After (UPDATE_RETRY_MS). Default 5 s.
   */
  updateRetryMs?: number;
  /** Signs every start, Update and signal: the workflow takes nothing without the API's proof. */
  sign: ActionSigner;
}

/** What a 503 for a busy case asks the caller to wait, in seconds. */
export const BUSY_RETRY_AFTER_SECONDS = 1;

/** gRPC status codes that pass: DEADLINE_EXCEEDED 4, RESOURCE_EXHAUSTED 8, ABORTED 10, UNAVAILABLE 14. */
const TRANSIENT_GRPC: readonly number[] = [4, 8, 10, 14];

/**
 * Whether an Update failed for a reason that passes, and how to send it again:
 * - `rejected`: Temporal rejected it unprocessed (type UnprocessedUpdate, "wasn't processed by worker"). Seen when
 *   several Updates race on one case: the server discards a workflow task the worker had run, and the Updates in it
 *   are rejected. A rejected Update is not in the case's history, so it is sent again as a new Update.
 * - `unanswered`: the service did not answer (unavailable, overloaded, a deadline). It may have been accepted, so
 *   it is sent again with the same Update id, which Temporal deduplicates.
 */
function transientUpdateFailure(err: unknown): 'rejected' | 'unanswered' | null {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === 'UnprocessedUpdate') return 'rejected';
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return 'unanswered';
  const grpc = err instanceof ServiceError ? err.cause : err;
  if (isGrpcServiceError(grpc) && TRANSIENT_GRPC.includes(grpc.code)) return 'unanswered';
  return null;
}

/**
 * The timeline's "who": the principal, under the role that granted the action; for an action granted only at the
 * case's own unit, that unit too (the workflow checks the case is still there when it applies the action).
 */
const UNIT_SCOPES: readonly Scope[] = ['unit', 'cooperating'];
const actorOf = (p: Principal, role: Role, action?: CaseAction): Actor => {
  const scope = action ? ACCESS[role][action] : undefined;
  return scope && UNIT_SCOPES.includes(scope) && p.unitId !== null ? { id: p.id, role, unitId: p.unitId } : { id: p.id, role };
};

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function base32(bytes: Uint8Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += CROCKFORD[bytes[i]! % 32];
  return out;
}

/** Case numbers: HL + 16 Crockford base32 characters; derived from the idempotency key when there is one. */
export function caseIdFor(idempotencyKey: string | undefined): string {
  const bytes = idempotencyKey ? createHash('sha256').update(`hotline:case:${idempotencyKey}`).digest() : randomBytes(16);
  return `HL${base32(bytes, 16)}`;
}

function requestHash(body: CreateCaseBody): string {
  const canonical = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)]))
      : v;
  return createHash('sha256').update(JSON.stringify(canonical(body))).digest('hex');
}

export function toBody(view: CaseView): CaseViewBody {
  const { state: s, intake: i } = view;
  const reply = s.clocks.reply;
  return {
    id: s.caseId,
    status: s.status,
    outcome: s.outcome,
    title: i.title,
    description: i.description,
    channel: i.channel,
    channelTicketId: i.channelTicketId ?? null,
    categoryId: s.categoryId,
    slaClass: s.slaClass,
    policyVersion: s.policyVersion,
    unitId: s.unitId,
    round: s.round,
    escalationLevel: s.escalationLevel,
    warningLevel: s.warningLevel,
    replyDueAt: reply && !reply.stoppedAt ? reply.dueAt : null,
    clocks: s.clocks,
    dispatchCount: s.dispatchCount,
    returnCount: s.returnCount,
    reassignCount: s.reassignCount,
    dispatches: s.dispatches ?? [],
    designatedUnitId: s.designatedUnitId ?? null,
    returnDueAt: s.returnDueAt ?? null,
    copiedUnitIds: s.copiedUnitIds ?? [],
    cooperation: s.cooperation ?? [],
    owing: owingUnits(s),
    triage: s.triage ?? null,
    nextDueAt: nextDueAt(s),
    hold: s.hold ?? null,
    extensions: s.extensions ?? [],
    callbackAttempts: s.callbackAttempts ?? [],
    rounds: s.rounds ?? [],
    disputed: s.disputed ?? false,
    review: s.review ?? null,
    demandUnreasonable: s.demandUnreasonable ?? false,
    masterCaseId: s.masterCaseId ?? null,
    repeatCount: s.repeatCount ?? 1,
    linkedCaseIds: s.linkedCaseIds ?? [],
    repeatCard: s.repeatCard ?? null,
    rating: s.rating ?? null,
    complainant: i.complainant,
    location: i.location ?? null,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    closedAt: s.closedAt,
    seq: s.seq,
    source: 'workflow',
    piiMasked: false,
  };
}

export function createCasesService({ client, taskQueue, repository, reference, repeats, updateRetryMs = 5_000, sign }: CasesServiceDeps) {
  const handle = (caseId: string) => client.workflow.getHandle<typeof caseWorkflow>(caseId);

  /**
   * Executes an Update, trying again while it fails for a passing reason (transientUpdateFailure) and the budget
   * lasts; then 503 unavailable with Retry-After. Rule violations and the rest are thrown as they are.
   */
  async function executeUpdate<A extends UpdateAction>(caseId: string, action: A, command: unknown, actor: Actor): Promise<CaseView> {
    const deadline = Date.now() + updateRetryMs;
    // One proof for every attempt: a rejected Update left no trace, so its nonce is still unused.
    const args = [command, actor, sign(caseId, action, command, actor)];
    let updateId = randomUUID();
    for (let attempt = 0; ; attempt++) {
      try {
        return await handle(caseId).executeUpdate(caseUpdates[action] as typeof caseUpdates.dispatch, { args: args as never, updateId });
      } catch (err) {
        const transient = transientUpdateFailure(err);
        if (!transient) throw err;
        // Exponential backoff with full jitter (25 ms, 50 ms, … at most 1 s), so racing Updates spread out.
        const wait = Math.random() * Math.min(1_000, 25 * 2 ** attempt);
        if (Date.now() + wait >= deadline) {
          throw new DomainError('unavailable', `the case is busy (${transient === 'rejected' ? 'concurrent actions' : 'the workflow service did not answer'}); retry in a moment`, {
            retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
          });
        }
        if (transient === 'rejected') updateId = randomUUID();
        await sleep(wait);
      }
    }
  }

  async function query(caseId: string): Promise<CaseView | null> {
    try {
      return await handle(caseId).query(getCaseQuery);
    } catch (err) {
      // A workflow that does not answer getCase is no case: a start the worker refused (it had no proof from the API).
      if (err instanceof WorkflowNotFoundError || err instanceof QueryNotRegisteredError) return null;
      throw err;
    }
  }

  async function load(caseId: string): Promise<CaseViewBody> {
    const live = await query(caseId);
    if (live) return toBody(live);
    const recorded = await repository.get(caseId);
    if (!recorded) throw new DomainError('case_not_found', `no case ${caseId}`);
    return recorded;
  }

  /**
   * What access needs of a case (its unit, place and status): from the record, which an Update only answers
   * after writing; from the workflow when the record has not caught up (a case opened a moment ago) or the
   * database is unreachable.
   */
  async function locate(caseId: string): Promise<CaseTarget> {
    const recorded = await repository.target(caseId).catch(() => null);
    return recorded ?? targetOf(await load(caseId));
  }

  /** 404 when the case is outside the principal's scope (or does not exist), 403 when the action is not theirs. */
  function authorize(principal: Principal, action: CaseAction, target: CaseTarget): Role {
    const d = decide(principal, action, reference.units, target);
    if (d.outcome === 'allow') return d.role;
    if (d.outcome === 'not_found') throw new DomainError('case_not_found', `no case ${target.id}`);
    throw new DomainError('forbidden', `${principal.roles.join(', ')} may not ${action.slice('case.'.length)} this case`);
  }

  /**
   * A repeat answered at triage must name a case that exists; the caller is answered with its progress, so its
   * status is recorded with the link.
   */
  async function linkTriage(triage: TriageCommand, field: string): Promise<TriageCommand> {
    if (triage.outcome !== 'repeat' || !triage.linkedCaseId) return triage;
    const linked = await load(triage.linkedCaseId).catch((err: unknown) => {
      if (err instanceof DomainError && err.code === 'case_not_found') {
        throw new DomainError('unknown_reference', `no case ${triage.linkedCaseId}`, { errors: [{ field, reason: `no case ${triage.linkedCaseId}` }] });
      }
      throw err;
    });
    return { ...triage, linkedStatus: linked.status };
  }

  /** What the API adds to a dispatch or reassignment from the unit tree: the copies (a street's district). */
  function routed<P extends { unitId: string; cooperating?: string[] }>(payload: P): P & { copyTo: string[] } {
    reference.assertUnit('body.unitId', payload.unitId);
    payload.cooperating?.forEach((u, i) => reference.assertUnit(`body.cooperating.${i}`, u));
    return { ...payload, copyTo: reference.copiesFor(payload.unitId) };
  }

  /**
   * The case as this principal may see it. Never with the complainant's verification code: that goes to the
   * complainant alone, with the acceptance notice (notifications/deliverer.ts).
   */
  function present(view: CaseViewBody, principal: Principal): CaseViewBody {
    const clear = piiVisible(principal, targetOf(view), reference.units);
    return clear ? view : maskCase(view);
  }

  return {
    /**
     * Accepts a complaint: the workflow start is the moment of acceptance. The same idempotency key (header, or
     * the channel's ticket number) always maps to the same case; a repeat returns it with created=false.
     */
    async open(body: CreateCaseBody, headerKey: string | undefined, principal: Principal, role: Role): Promise<{ view: CaseViewBody; created: boolean }> {
      const actor = actorOf(principal, role);
      reference.assertCategory('body.categoryId', body.categoryId);
      if (body.location?.areaUnitId) reference.assertUnit('body.location.areaUnitId', body.location.areaUnitId);
      const key = headerKey ?? (body.channelTicketId ? `${body.channel}:${body.channelTicketId}` : undefined);
      const hash = requestHash(body);
      const triage = body.triage && (await linkTriage(body.triage, 'body.triage.linkedCaseId'));
      const intake: CaseIntake = { ...body, ...(triage && { triage }), requestHash: hash, ...(key && { idempotencyKey: key }) };
      const known = reference.caseSetup(body.categoryId);
      // The dispatch catalogue, unless the intake answered the case itself: exactly one unit → dispatched at once.
      const setup = known && (triage ? known : { ...known, dispatch: reference.matchDispatch(body.categoryId, body.location?.areaUnitId) });
      // Repeat complaints (并单), unless the intake answered the case itself: the master of the group it joins. The
      // search has a budget and never fails the intake (api/repeats.service.ts).
      const masterCaseId = triage || !repeats ? null : await repeats.masterFor(key ? caseIdFor(key) : '', body, known?.policy);
      if (masterCaseId) intake.masterCaseId = masterCaseId;
      for (let attempt = 0; ; attempt++) {
        const caseId = caseIdFor(key);
        const input: CaseWorkflowInput = { caseId, intake, actor, ...(setup && { setup }) };
        const proof = sign(caseId, 'open', { intake, setup: setup ?? null }, actor);
        // The workflow opens the same way (its own clock, the same setup): the answer mirrors it without waiting.
        const first = (setup ? opening(caseId, intake, setup, Date.now(), actor) : open(caseId, intake, Date.now(), actor)).state;
        try {
          const started = await client.workflow.start(caseWorkflow, {
            workflowId: caseId,
            taskQueue,
            args: [input, proof as never],
            workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
            typedSearchAttributes: [
              { key: CaseStatus, value: first.status },
              { key: CaseCategory, value: body.categoryId },
              ...(first.unitId ? [{ key: AssignedUnit, value: first.unitId }] : []),
              { key: WarningLevel, value: 'none' },
              { key: EscalationLevel, value: 0 },
              { key: CaseRound, value: 1 },
            ],
            staticSummary: `投诉 ${reference.categoryName(body.categoryId) ?? body.categoryId} · ${body.channel}`,
            staticDetails: `Case ${caseId}\nCategory: ${body.categoryId}\nChannel: ${body.channel}\nOpened by: ${actor.role}`,
          });
          if (masterCaseId) await repeats!.link(masterCaseId, caseId);
          const view: CaseView = { intake, state: first };
          // The one who opened it typed these details in: they get them back in clear. The verification code is not
          // among them: the complainant receives it with the acceptance notice (受理告知).
          return { view: toBody(view), created: true };
        } catch (err) {
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
          if (!key) {
            if (attempt < 3) continue; // a random id collided: draw again
            throw err;
          }
          const existing = await query(caseId);
          if (existing && existing.intake.requestHash !== hash) {
            throw new DomainError('idempotency_key_reused', 'this idempotency key was used for a different complaint', { caseId });
          }
          // A retry after a link that was lost: the master ignores a case it already has.
          if (existing?.state.masterCaseId) await repeats?.link(existing.state.masterCaseId, caseId);
          return { view: existing ? toBody(existing) : await load(caseId), created: false };
        }
      }
    },

    async get(caseId: string, principal: Principal): Promise<CaseViewBody> {
      const view = await load(caseId);
      authorize(principal, 'case.read', targetOf(view));
      return present(view, principal);
    },

    async act<A extends UpdateAction>(caseId: string, action: A, payload: Extract<CaseCommand, { kind: A }>['payload'], principal: Principal) {
      const role = authorize(principal, `case.${action}`, await locate(caseId));
      let command: unknown = payload;
      if (action === 'dispatch') command = routed(payload as { unitId: string; cooperating?: string[] });
      if (action === 'triage') command = await linkTriage(payload as TriageCommand, 'body.linkedCaseId');
      try {
        const view = await executeUpdate(caseId, action, command, actorOf(principal, role, `case.${action}`));
        return present(toBody(view), principal);
      } catch (err) {
        // A finished workflow no longer takes Updates: the case exists, it is just closed.
        if (!(err instanceof WorkflowNotFoundError)) throw err;
        const existing = await load(caseId);
        throw new RuleViolation(`cannot ${action} a case that is ${existing.status}`, existing.status, { action });
      }
    },

    /** Supervisor pushes: checked against the live state first (409 early), then sent as a signal (202). */
    async signal<A extends Exclude<SignalAction, 'repeat'>>(caseId: string, action: A, payload: Extract<CaseCommand, { kind: A }>['payload'], principal: Principal) {
      const live = await query(caseId);
      const recorded = live ? null : await repository.get(caseId);
      if (!live && !recorded) throw new DomainError('case_not_found', `no case ${caseId}`);
      const role = authorize(principal, `case.${action}`, targetOf(live ? toBody(live) : recorded!));
      const command = action === 'reassign' ? routed(payload as { unitId: string }) : payload;
      if (live) check(live.state, { kind: action, payload: command } as CaseCommand, { now: Date.now() });
      else check({ ...recorded!, caseId, clocks: recorded!.clocks } as never, { kind: action, payload: command } as CaseCommand);
      const actor = actorOf(principal, role);
      await handle(caseId).signal(caseSignals[action] as typeof caseSignals.escalate, command as never, actor, sign(caseId, action, command, actor));
    },

    /** Newest first, limited to the principal's scope; personal data always masked. */
    async list(q: ListCasesQuery, principal: Principal) {
      const page = await repository.list(q, listScope(principal, reference.units));
      return { ...page, items: page.items.map(maskSummary) };
    },

    async events(caseId: string, principal: Principal) {
      const target = await locate(caseId);
      authorize(principal, 'case.events', target);
      const items = await repository.events(caseId);
      return { caseId, items: presentEvents(items, principal, piiVisible(principal, target, reference.units)) };
    },
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
