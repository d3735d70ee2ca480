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
import { ACCESS, decide, listScope, piiLevel, type CaseAccessAction, type CaseTarget, type Principal, type Role, type Scope } from '../domain/access.js';
import { check, open, opening } from '../domain/case.machine.js';
import { receivedAtRefusal } from '../domain/case.intake.js';
import { offersFor } from '../domain/case.offers.js';
import { commandOf, type CaseAction, type CasePayloads, type GrantedAction, type SignalAction, type UpdateAction } from '../domain/case.actions.js';
import type { Actor, CaseIntake, CaseState, Channel, RateCommand, TriageCommand } from '../domain/case.types.js';
import { DomainError, RuleViolation } from '../domain/errors.js';
import { caseSignal, caseUpdate, getCaseQuery, type ActionArgs, type CaseView, type CaseWorkflowInput } from '../workflows/case.messages.js';
import { caseWorkflow } from '../workflows/case.workflow.js';
import { AssignedUnit, CaseCategory, CaseRound, CaseStatus, EscalationLevel, WarningLevel } from '../workflows/search-attributes.js';
import type { CasesRepository } from './cases.repository.js';
import { LruMap } from './lru.js';
import { caseViewOf, maskSummary, presentCase, presentEvents, targetOf } from './cases.presenter.js';
import type { CaseEventView, CaseViewBody, CreateCaseBody, ListCasesQuery } from './cases.schemas.js';
import type { ReferenceService } from './reference.service.js';
import type { RepeatMatcher } from './repeats.service.js';
import type { ActionSigner } from './action-signer.js';
import type { AttachmentAddedBy, AttachmentsRepository } from './attachments.repository.js';
import { annotateSpan } from '../platform/tracing.js';
import { groupFlagCaseOf, type GroupFlags } from './group-flags.js';

export interface CasesServiceDeps {
  client: Client;
  taskQueue: string;
  repository: CasesRepository;
  reference: ReferenceService;
  /** Repeat complaints (并单): finds the master a new complaint joins and tells it; absent, nothing is linked. */
  repeats?: RepeatMatcher;
  /**
   * Look up cases opened before idempotency keys were scoped to their caller (IDEMPOTENCY_LEGACY_LOOKUP), for an
   * upgrade during which clients may retry keys they sent before it: one more database read on every keyed open,
   * so off unless asked.
   */
  legacyKeys?: boolean;
  /**
   * How long an Update that Temporal dropped or did not answer is tried again before the caller gets 503 with
   * Retry-After (UPDATE_RETRY_MS). Default 5 s.
   */
  updateRetryMs?: number;
  /** Signs every start, Update and signal: the workflow takes nothing without the API's proof. */
  sign: ActionSigner;
  /** Where an intake's links (mediaUrls) are recorded: the case holds no bytes and no list of them. */
  attachments: Pick<AttachmentsRepository, 'insertLinks'>;
  /** The flagged group complaint a case is part of, looked up when it is read (api/group-flags.ts); absent: not shown. */
  groupFlags?: GroupFlags;
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
const actorOf = (p: Principal, role: Role, action?: CaseAccessAction): Actor => {
  const scope = action ? ACCESS[role][action] : undefined;
  return scope && UNIT_SCOPES.includes(scope) && p.unitId !== null ? { id: p.id, role, unitId: p.unitId } : { id: p.id, role };
};

/** How long an intake waits for the record to say who opened a case under an old-style key (then asks the workflow). */
const LEGACY_LOOKUP_BUDGET_MS = 300;
/**
 * How long the API answers access questions about a case it just opened from what it answered the opener, while
 * the case's first record is being written (an immediate dispatch need not query the workflow), and how many it
 * keeps. Within this the workflow's own validators still check the acting unit and the state of every action.
 */
const JUST_OPENED_MS = 30_000;
const JUST_OPENED_KEPT = 10_000;
function withBudget<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('over budget')), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function base32(bytes: Uint8Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += CROCKFORD[bytes[i]! % 32];
  return out;
}

/**
 * An idempotency key and whose it is. Keys are scoped like a payment API's: an Idempotency-Key header belongs to
 * the credential that sent it (the principal id: a token's subject, or `apikey:<id>`), so two callers who happen to
 * pick the same key open two cases; a channel's own ticket number (`channelTicketId`, used when no header is sent)
 * belongs to its channel, whoever relays it.
 */
export type IdempotencyKey = { kind: 'header'; caller: string; key: string } | { kind: 'ticket'; channel: string; ticket: string };

const digest = (input: string) => createHash('sha256').update(input).digest();

/**
 * Case numbers: HL + 16 Crockford base32 characters; derived from the idempotency key and its scope when there is
 * one, random otherwise. A ticket's derivation is the one of the first release (its scope, the channel, was always
 * part of it); a header key's includes the caller (`v2`: cases opened before keep their numbers, see
 * legacyCaseIdFor).
 */
export function caseIdFor(key?: IdempotencyKey): string {
  if (!key) return `HL${base32(randomBytes(16), 16)}`;
  const input = key.kind === 'ticket' ? `hotline:case:${key.channel}:${key.ticket}` : `hotline:case:v2\n${JSON.stringify([key.caller, key.key])}`;
  return `HL${base32(digest(input), 16)}`;
}

/** The number an Idempotency-Key header gave before keys were scoped to their caller (one namespace for all). */
export function legacyCaseIdFor(headerKey: string): string {
  return `HL${base32(digest(`hotline:case:${headerKey}`), 16)}`;
}

export function requestHash(body: CreateCaseBody): string {
  const canonical = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)]))
      : v;
  return createHash('sha256').update(JSON.stringify(canonical(body))).digest('hex');
}

/**
 * The channel a complaint came through. A channel's API key hands over complaints of its own channel (the body may
 * say so, or not; another channel is refused); everyone else names it.
 */
export function channelOf(body: Pick<CreateCaseBody, 'channel'>, principal: Principal): Channel {
  const bound = principal.channel?.channel;
  if (bound !== undefined) {
    if (body.channel !== undefined && body.channel !== bound) {
      throw new DomainError('forbidden', `this API key hands over complaints of the ${bound} channel only`, {
        errors: [{ field: 'body.channel', reason: `the key is bound to the ${bound} channel` }],
      });
    }
    return bound;
  }
  if (body.channel === undefined) {
    throw new DomainError('validation_failed', 'the channel the complaint came through is required', {
      errors: [{ field: 'body.channel', reason: "required (only a channel's API key names it itself)" }],
    });
  }
  return body.channel;
}

/** Who added an intake's links: the channel's key that handed the complaint over, or the member of staff (or system). */
const addedByOf = (p: Principal): AttachmentAddedBy =>
  p.channel ? { kind: 'channel', id: p.channel.keyId } : { kind: 'staff', id: p.id, unitId: p.unitId };

/** The staff view of the live case (api/cases.presenter.ts caseViewOf), unpresented. */
export const toBody = (view: CaseView): CaseViewBody => caseViewOf(view, 'workflow');

export function createCasesService({ client, taskQueue, repository, reference, repeats, legacyKeys = false, updateRetryMs = 5_000, sign, attachments, groupFlags }: CasesServiceDeps) {
  /** Cases this API opened, with what access needs of them (locate), until their record exists. */
  const justOpened = new LruMap<string, { at: number; target: CaseTarget }>(JUST_OPENED_KEPT);
  const handle = (caseId: string) => client.workflow.getHandle<typeof caseWorkflow>(caseId);

  /**
   * Executes an Update, trying again while it fails for a passing reason (transientUpdateFailure) and the budget
   * lasts; then 503 unavailable with Retry-After. Rule violations and the rest are thrown as they are.
   */
  async function executeUpdate<A extends UpdateAction>(caseId: string, action: A, command: CasePayloads[A], actor: Actor): Promise<CaseView> {
    const deadline = Date.now() + updateRetryMs;
    // One proof for every attempt: a rejected Update left no trace, so its nonce is still unused.
    const args: ActionArgs<A> = [command, actor, sign(caseId, action, command, actor)];
    let updateId = randomUUID();
    for (let attempt = 0; ; attempt++) {
      try {
        return await handle(caseId).executeUpdate(caseUpdate(action), { args, updateId });
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
    return caseViewOf(recorded, 'record');
  }

  /**
   * What access needs of a case (its unit, place and status): from the record, which an Update only answers
   * after writing; from the workflow when the record has not caught up (a case opened a moment ago) or the
   * database is unreachable. A read of the record (the timeline) goes through the workflow in that case, which
   * answers once the case's first workflow task, and with it the first record, is done.
   */
  async function locate(caseId: string): Promise<CaseTarget> {
    return (await recordedTarget(caseId)) ?? targetOf(await load(caseId));
  }

  /**
   * The same for an Update, which the workflow takes in order after its first task: a case
   * this API opened a moment ago, before its first record, is located by what it answered the opener (the workflow
   * opens the same way), instead of a query that waits for the case's first workflow task.
   */
  async function locateForAction(caseId: string): Promise<CaseTarget> {
    const recorded = await recordedTarget(caseId);
    if (recorded) return recorded;
    const opened = justOpened.get(caseId);
    if (opened && Date.now() - opened.at < JUST_OPENED_MS) return opened.target;
    return targetOf(await load(caseId));
  }

  async function recordedTarget(caseId: string): Promise<CaseTarget | null> {
    const recorded = await repository.target(caseId).catch(() => null);
    if (recorded) justOpened.delete(caseId);
    return recorded;
  }

  /** 404 when the case is outside the principal's scope (or does not exist), 403 when the action is not theirs. */
  function authorize(principal: Principal, action: CaseAccessAction, target: CaseTarget): Role {
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

  /** What the API adds to an action's payload before sending it: the copies of a dispatch or reassignment, a repeat's linked status. */
  const completions: { [A in CaseAction]?: (payload: CasePayloads[A]) => CasePayloads[A] | Promise<CasePayloads[A]> } = {
    dispatch: routed,
    reassign: routed,
    triage: (triage) => linkTriage(triage, 'body.linkedCaseId'),
  };
  async function completed<A extends CaseAction>(action: A, payload: CasePayloads[A]): Promise<CasePayloads[A]> {
    const complete = completions[action];
    return complete ? complete(payload) : payload;
  }

  /**
   * The case as this member of staff may see it (api/cases.presenter.ts). Never with the complainant's verification
   * code: that goes to the complainant alone, with the acceptance notice (notifications/deliverer.ts). Never to a
   * complainant: they read the plain-language view (api/public.service.ts), built from complainantCase().
   */
  function present(view: CaseViewBody, principal: Principal): CaseViewBody {
    staffOnly(principal, view.id);
    return presentCase(view, piiLevel(principal, targetOf(view), reference.units));
  }

  /** The staff view of a case and its timeline are not for a complainant (403: the case is theirs, the view is not). */
  function staffOnly(principal: Principal, caseId: string): void {
    if (principal.kind === 'complainant') {
      throw new DomainError('forbidden', `a complainant follows case ${caseId} in plain language: GET /v1/public/cases/${caseId}`);
    }
  }

  /**
   * The case an idempotency key already opened, for a repeat of the request: answered as GET /v1/cases/:id would
   * answer this caller (404 when they may not read it). A different request under the same key is a 422, which
   * names the case only to a caller who may read it (a channel's ticket number may come from another caller).
   */
  async function replay(caseId: string, hash: string, principal: Principal, sameRequest?: (caseId: string) => Promise<void>): Promise<{ view: CaseViewBody; created: false }> {
    const existing = await query(caseId);
    if (existing && existing.intake.requestHash !== hash) {
      const readable = decide(principal, 'case.read', reference.units, targetOf(toBody(existing))).outcome === 'allow';
      throw new DomainError('idempotency_key_reused', 'this idempotency key was used for a different complaint', readable ? { caseId } : {});
    }
    // A retry after a link that was lost: the master ignores a case it already has.
    if (existing?.state.masterCaseId) await repeats?.link(existing.state.masterCaseId, caseId);
    const view = existing ? toBody(existing) : await load(caseId);
    authorize(principal, 'case.read', targetOf(view));
    // A retry of the very request (the live case says so): what its first attempt may not have finished writing.
    if (existing && sameRequest) await sameRequest(caseId);
    return { view: await presentRead(view, principal), created: false };
  }

  /**
   * A case as GET /v1/cases/:id answers it to this caller (already authorized): with the flagged group complaint it is
   * part of, looked up only now (nothing is read for a case the caller may not read), then presented.
   */
  async function presentRead(view: CaseViewBody, principal: Principal): Promise<CaseViewBody> {
    const group = groupFlags && principal.kind !== 'complainant' ? await groupFlags.forCase(groupFlagCaseOf(view)) : undefined;
    return present(group === undefined ? view : { ...view, groupComplaint: group }, principal);
  }

  /**
   * The case opened before keys were scoped under this header key, if it is this caller's (their retry across the
   * upgrade): the record's first event names who opened it; when the record cannot say (unreachable, or not
   * written yet), a live case with the same key and request is taken as theirs (the answer still passes the
   * caller's access check). Another caller's old case is not theirs: their key opens a case of their own.
   */
  async function legacyCase(headerKey: string, principal: Principal, hash: string): Promise<string | null> {
    const id = legacyCaseIdFor(headerKey);
    const opener = await withBudget(repository.openedBy(id), LEGACY_LOOKUP_BUDGET_MS).catch(() => undefined);
    if (opener === null) return null;
    if (opener !== undefined) return opener === principal.id ? id : null;
    const live = await query(id).catch(() => null);
    return live?.intake.idempotencyKey === headerKey && live.intake.requestHash === hash ? id : null;
  }

  /** An Update on the case, authorized; answers the case after it, unpresented (act and rate present it). */
  async function runUpdate<A extends UpdateAction>(caseId: string, action: A, payload: CasePayloads[A], principal: Principal): Promise<CaseViewBody> {
    annotateSpan({ caseId });
    const role = authorize(principal, `case.${action}`, await locateForAction(caseId));
    const command = await completed(action, payload);
    try {
      const view = await executeUpdate(caseId, action, command, actorOf(principal, role, `case.${action}`));
      return toBody(view);
    } catch (err) {
      // A finished workflow no longer takes Updates: the case exists, it is just closed.
      if (!(err instanceof WorkflowNotFoundError)) throw err;
      const existing = await load(caseId);
      throw new RuleViolation(`cannot ${action} a case that is ${existing.status}`, existing.status, { action });
    }
  }

  return {
    /**
     * Accepts a complaint: the workflow start is the moment of acceptance. The same idempotency key (header, or
     * the channel's ticket number) always maps to the same case; a repeat returns it with created=false.
     */
    async open(given: CreateCaseBody, headerKey: string | undefined, principal: Principal, role: Role): Promise<{ view: CaseViewBody; created: boolean }> {
      const actor = actorOf(principal, role);
      // The channel: a channel's key gives its own. The links go to the attachments, not into the case.
      const { mediaUrls, ...rest } = given;
      const body = { ...rest, channel: channelOf(given, principal) };
      reference.assertCategory('body.categoryId', body.categoryId);
      if (body.location?.areaUnitId) reference.assertUnit('body.location.areaUnitId', body.location.areaUnitId);
      // The key as stored with the case (the header, or `<channel>:<ticket>`), and its scope (caseIdFor).
      const key = headerKey ?? (body.channelTicketId ? `${body.channel}:${body.channelTicketId}` : undefined);
      const scoped: IdempotencyKey | undefined =
        headerKey !== undefined
          ? { kind: 'header', caller: principal.id, key: headerKey }
          : body.channelTicketId
            ? { kind: 'ticket', channel: body.channel, ticket: body.channelTicketId }
            : undefined;
      // The request as the case was asked for: with its channel (given or the key's) and its links.
      const hash = requestHash({ ...body, ...(mediaUrls && { mediaUrls }) });
      const recordLinks = async (caseId: string) => {
        if (mediaUrls) await attachments.insertLinks(caseId, mediaUrls, addedByOf(principal));
      };
      const triage = body.triage && (await linkTriage(body.triage, 'body.triage.linkedCaseId'));
      const intake: CaseIntake = {
        ...body,
        ...(triage && { triage }),
        requestHash: hash,
        ...(key && { idempotencyKey: key }),
        ...(principal.channel && { channelKeyId: principal.channel.keyId }),
      };
      const known = reference.caseSetup(body.categoryId);
      // The reads an intake may need, at once rather than one after the other: a case opened under this key before
      // keys were scoped (only while legacyKeys), and the repeat search (并单) — unless the intake answered the
      // case itself; the search has a budget and never fails the intake (api/repeats.service.ts).
      const [legacy, masterCaseId] = await Promise.all([
        legacyKeys && headerKey !== undefined ? legacyCase(headerKey, principal, hash) : null,
        triage || !repeats ? null : repeats.masterFor(scoped ? caseIdFor(scoped) : '', body, known?.policy),
      ]);
      // A retry of a case opened before keys were scoped: that case, as this caller may read it.
      if (legacy) return replay(legacy, hash, principal, recordLinks);
      // When it was received, if the intake says so: inside the policy's bounds (a case clamps it to them anyway).
      const refusal = body.receivedAt === undefined ? null : receivedAtRefusal(Date.parse(body.receivedAt), known?.policy, Date.now());
      if (refusal) {
        // A retry of a request that opened its case before the bound moved on answers that case, as any retry does.
        const earlier = scoped ? await query(caseIdFor(scoped)).catch(() => null) : null;
        if (earlier && earlier.intake.requestHash === hash) return replay(earlier.state.caseId, hash, principal, recordLinks);
        throw new DomainError('validation_failed', `receivedAt ${refusal}`, { errors: [{ field: 'body.receivedAt', reason: refusal }] });
      }
      // The dispatch catalogue, unless the intake answered the case itself: exactly one unit → dispatched at once.
      const setup = known && (triage ? known : { ...known, dispatch: reference.matchDispatch(body.categoryId, body.location?.areaUnitId) });
      if (masterCaseId) intake.masterCaseId = masterCaseId;
      for (let attempt = 0; ; attempt++) {
        const caseId = caseIdFor(scoped);
        // The workflow opens it at this instant with the same setup (input.openedAt): the answer is its first state
        // without waiting for it.
        const openedAt = Date.now();
        const input: CaseWorkflowInput = { caseId, intake, actor, ...(setup && { setup }), openedAt };
        const proof = sign(caseId, 'open', { intake, setup: setup ?? null, openedAt }, actor);
        const first = (setup ? opening(caseId, intake, setup, openedAt, actor) : open(caseId, intake, openedAt, actor)).state;
        annotateSpan({ caseId, categoryId: body.categoryId, unitId: first.unitId, status: first.status });
        try {
          const started = await client.workflow.start(caseWorkflow, {
            workflowId: caseId,
            taskQueue,
            args: [input, proof],
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
          // The master learns of it after the answer: work that does not decide the 201 does not delay it.
          if (masterCaseId) repeats!.linkAfterAnswer(masterCaseId, caseId);
          // The links are part of the answer: a retry after a failure here writes them (replay, the same request).
          await recordLinks(caseId);
          const answer = toBody({ intake, state: first });
          justOpened.set(caseId, { at: Date.now(), target: targetOf(answer) });
          // The one who opened it typed these details in: they get them back in clear. The verification code is not
          // among them: the complainant receives it with the acceptance notice (受理告知).
          return { view: answer, created: true };
        } catch (err) {
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
          if (!scoped) {
            if (attempt < 3) continue; // a random id collided: draw again
            throw err;
          }
          return replay(caseId, hash, principal, recordLinks);
        }
      }
    },

    /** The staff view of a case (a complainant is answered the public view: api/public.service.ts). */
    async get(caseId: string, principal: Principal): Promise<CaseViewBody> {
      const view = await load(caseId);
      authorize(principal, 'case.read', targetOf(view));
      return presentRead(view, principal);
    },

    /**
     * What the complainant's plain-language view is built from (api/public.service.ts progressOf), for the
     * complainant of this case only: the case and its timeline as recorded, unpresented. Never answered as it is.
     */
    async complainantCase(caseId: string, principal: Principal): Promise<{ view: CaseViewBody; events: CaseEventView[] }> {
      if (principal.kind !== 'complainant') throw new DomainError('forbidden', 'only the complainant of a case reads its plain-language view');
      const view = await load(caseId);
      authorize(principal, 'case.read', targetOf(view));
      return { view, events: await repository.events(caseId) };
    },

    /** The complainant's online rating (the `rate` Update, as the complainant): answers the rating alone. */
    async rate(caseId: string, payload: RateCommand, principal: Principal): Promise<NonNullable<CaseViewBody['rating']>> {
      const view = await runUpdate<'rate'>(caseId, 'rate', payload, principal);
      if (!view.rating) throw new Error(`case ${caseId} answered the rating without it`);
      return view.rating;
    },

    /** A staff action (an Update): answers the case after it, as this member of staff may see it. */
    async act<A extends UpdateAction>(caseId: string, action: A, payload: CasePayloads[A], principal: Principal) {
      return present(await runUpdate(caseId, action, payload, principal), principal);
    },

    /** Supervisor pushes: checked against the live state first (409 early), then sent as a signal (202). */
    async signal<A extends Extract<SignalAction, GrantedAction>>(caseId: string, action: A, payload: CasePayloads[A], principal: Principal) {
      annotateSpan({ caseId });
      const live = await query(caseId);
      const recorded = live ? null : await repository.get(caseId);
      if (!live && !recorded) throw new DomainError('case_not_found', `no case ${caseId}`);
      const role = authorize(principal, `case.${action}`, targetOf(live ? toBody(live) : caseViewOf(recorded!, 'record')));
      const command = await completed(action, payload);
      if (live) check(live.state, commandOf({ kind: action, payload: command }), { now: Date.now() });
      else if (recorded) check(recorded.state, commandOf({ kind: action, payload: command }));
      const actor = actorOf(principal, role);
      await handle(caseId).signal(caseSignal(action), command, actor, sign(caseId, action, command, actor));
    },

    /** Newest first, limited to the principal's scope; personal data always masked. */
    async list(q: ListCasesQuery, principal: Principal) {
      const within = q.within === undefined ? undefined : reference.units.subtree(q.within);
      if (within?.length === 0) {
        throw new DomainError('validation_failed', `no unit ${q.within}`, { errors: [{ field: 'query.within', reason: 'not a unit of the organisation tree' }] });
      }
      const page = await repository.list(q, listScope(principal, reference.units), within);
      return { ...page, items: page.items.map(maskSummary) };
    },

    /** The staff timeline (a complainant's steps are in their public view). */
    async events(caseId: string, principal: Principal) {
      const target = await locate(caseId);
      authorize(principal, 'case.events', target);
      staffOnly(principal, caseId);
      const items = await repository.events(caseId);
      return { caseId, items: presentEvents(items, piiLevel(principal, target, reference.units)) };
    },

    /**
     * The actions this member of staff may take on the case now (domain/case.offers.ts): granted to them on this case
     * by the access table, and taken by the case's rules in its present state. A case whose workflow is gone takes none.
     */
    async offers(caseId: string, principal: Principal) {
      staffOnly(principal, caseId);
      const live = await query(caseId);
      const view = live ? toBody(live) : await load(caseId);
      const target = targetOf(view);
      authorize(principal, 'case.read', target);
      const actions = live ? offersFor(principal, live.state, target, reference.units, Date.now(), true) : [];
      return { caseId, status: view.status, source: view.source, actions };
    },

    /** What access needs of a case (its unit, place, copies, status), without reading it for anyone. */
    target: locate,
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
