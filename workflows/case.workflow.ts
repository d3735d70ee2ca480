/**
 * One complaint = one workflow (workflow id = case id). It holds the truth of the case: Updates change it
 * after their validators said yes, signals carry supervisor pushes, timers fire yellow/red warnings, and a
 * projector writes every event, in order, to PostgreSQL through activities that retry until the database answers.
 * The rules themselves are pure functions in domain/case.machine.ts.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { CaseActivities } from '../activities/case.activities.js';
import { lingerUntil } from '../domain/case.closing.js';
import {
  afterSetup,
  apply,
  check,
  checkActingUnit,
  ignoredSignal,
  isTerminal,
  nextDueAt,
  nextWakeAt,
  open,
  opening,
  replyDueAt,
  tick,
  type Context,
  type Transition,
} from '../domain/case.machine.js';
import { checkProof } from '../domain/action-proof.js';
import { refusedAction } from '../domain/case.refusals.js';
import { commandOf, SIGNAL_ACTIONS, UPDATE_ACTIONS, type CasePayloads, type SignalAction, type UpdateAction } from '../domain/case.actions.js';
import type { Actor, CaseEvent, CaseNotification, CaseState } from '../domain/case.types.js';
import { DomainError } from '../domain/errors.js';
import type { CasePolicy } from '../domain/policy.types.js';
import type { RuleSet } from '../domain/case.patches.js';
import { caseSignal, caseUpdate, getCaseQuery, type ActionProof, type CaseView, type CaseWorkflowInput } from './case.messages.js';
import { AssignedUnit, CaseCategory, CaseRound, CaseStatus, EscalationLevel, NextDueAt, RepeatCard, ReplyDueAt, WarningLevel } from './search-attributes.js';

// No attempt limit: a database outage delays the record, it never loses it.
const RETRY_UNTIL_THE_DATABASE_ANSWERS = { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '5 seconds' } as const;

/** Cases opened before LOCAL_RECORD: setup and projection as ordinary activities (kept so they replay). */
const asTasks = proxyActivities<CaseActivities>({ startToCloseTimeout: '30 seconds', retry: RETRY_UNTIL_THE_DATABASE_ANSWERS });
/**
 * Since LOCAL_RECORD: local activities. The record is written inside the workflow task that decided it (a
 * marker in history instead of a scheduled task and a second workflow task), so an Update answers once its
 * events are in PostgreSQL, and the Temporal server spends less than half the CPU per case (bench: 93 → 40 ms
 * per lifecycle; history 86 → 51 events).
 */
const inTask = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '5 seconds',
  // Bounded: a local activity holds its workflow task open (and with it queries and Updates), so when the
  // database does not answer within this, the batch goes to an ordinary activity that retries on its own.
  scheduleToCloseTimeout: '8 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '2 seconds' },
});

/** Patch: record through local activities, and upsert only the search attributes that changed. */
export const LOCAL_RECORD = 'local-record-v1';
/** Patch: the NextDueAt and RepeatCard search attributes (the nearest due time of a counting clock; a master's card). */
export const MORE_ATTRIBUTES = 'search-attributes-v2';
/** Patch (issue 15): a re-handling round's unit may not return the case; no return window: no return. */
export const RETURN_RULES = 'return-rules-v1';
/** Patch (issue 15): each clock's warnings to its owner (callback: the hotline centre); the ladder to the supervising unit. */
export const CLOCK_OWNERS = 'clock-owners-v1';
/** Patch (issue 15): yellow at the ratio of working time for working-day and working-hour clocks. */
export const YELLOW_WORKING_TIME = 'yellow-working-time-v1';
/** Patch (issue 15): a closed case can be a repeat group's master; its workflow stays for the repeat window. */
export const CLOSED_MASTERS = 'closed-masters-v1';
/** Patch (issue 18): a case terminated after review takes no online rating. */
export const TERMINATED_UNRATED = 'terminated-unrated-v1';
/**
 * Patch: Updates, signals and the start of a case are taken only with the API's proof (an action assertion, checked
 * by the worker's codec; domain/action-proof.ts). A refused Update or signal is recorded (`action_refused`) and
 * changes nothing; a refused start opens no case. Asked where each action arrives, not once at the top, so a case
 * started before the patch is guarded for every action that reaches it afterwards.
 */
export const ACTION_ASSERTIONS = 'action-assertions-v1';
/** The error type of a refused action (an Update's failure, a refused start). */
export const UNAUTHENTICATED_ACTION = 'unauthenticated_action';

const SYSTEM: Actor = { id: 'system', role: 'system' };

/** `proof`: the API's assertion that it opened the case (the codec's verdict on it, in here); absent after continue-as-new. */
export async function caseWorkflow(input: CaseWorkflowInput, proof?: ActionProof): Promise<CaseView> {
  const { caseId, intake } = input;
  const local = patched(LOCAL_RECORD);
  const withNextDue = patched(MORE_ATTRIBUTES);
  // The rule corrections of issue 15, asked once: a case whose history began before one keeps the old rule.
  const rules: RuleSet = {
    returnRules: patched(RETURN_RULES),
    clockOwners: patched(CLOCK_OWNERS),
    yellowWorkingTime: patched(YELLOW_WORKING_TIME),
    closedMasters: patched(CLOSED_MASTERS),
    terminatedUnrated: patched(TERMINATED_UNRATED),
  };
  /** Nonces of the proofs taken so far: each is good for one action (carried across continue-as-new). */
  const nonces = new Set(input.resume?.nonces ?? []);
  if (patched(ACTION_ASSERTIONS)) {
    // Opened by the API (its proof), or by this workflow continuing as new: only the server can make a run that
    // continues another (continuedFromExecutionRunId), and only a worker's workflow task can ask it to.
    const refusal = input.resume
      ? workflowInfo().continuedFromExecutionRunId
        ? null
        : 'not_continued'
      : checkProof(proof, { caseId, action: 'open', payload: { intake, setup: input.setup ?? null, openedAt: input.openedAt }, actor: input.actor }, nonces);
    if (refusal) {
      log.warn('refused to open a case without the API\'s proof', { reason: refusal });
      throw ApplicationFailure.create({ type: UNAUTHENTICATED_ACTION, message: `no case opened: the start does not carry the API's proof (${refusal})`, nonRetryable: true });
    }
    // A proof that passed has its nonce.
    if (!input.resume && proof?.nonce !== undefined) nonces.add(proof.nonce);
  }
  /** Local first; if the database is slow or down, an activity task that retries until it answers. */
  async function callDatabase<K extends 'resolveCaseSetup' | 'projectCase'>(name: K, arg: Parameters<CaseActivities[K]>[0]) {
    type R = Awaited<ReturnType<CaseActivities[K]>>;
    const call = (via: typeof asTasks) => (via[name] as (a: typeof arg) => Promise<R>)(arg);
    if (!local) return call(asTasks);
    try {
      return await call(inTask);
    } catch {
      return call(asTasks);
    }
  }
  // With its setup known, a case opens straight into triage or a catalogue dispatch when it has one (opening()), at
  // the instant the API answered it with (input.openedAt: the 201 is this state), else at the workflow's own time.
  const opened = (): Transition => {
    const at = input.openedAt ?? Date.now();
    return input.setup ? opening(caseId, intake, input.setup, at, input.actor, rules) : open(caseId, intake, at, input.actor);
  };
  const first: Transition = input.resume ? { state: input.resume.state, events: [], notifications: [] } : opened();
  let state: CaseState = first.state;
  let policy: CasePolicy | null = input.resume?.policy ?? input.setup?.policy ?? null;
  let changes = 0;
  let draining = false;
  let intakeProjected = Boolean(input.resume);
  /**
   * Projection batches so far (carried across continue-as-new): each write carries its number, so the record takes
   * a batch only over an older one, and the batch of a workflow task Temporal discarded is replaced by the one that
   * took its place (same number). See activities/case.activities.ts.
   */
  let batch = input.resume?.batch ?? 0;
  const outbox: { events: CaseEvent[]; notifications: CaseNotification[]; dirty: boolean } = { events: [], notifications: [], dirty: false };

  const view = (): CaseView => ({ state, intake });
  const context = (actor: Actor): Context => ({ now: Date.now(), actor, policy: policy!, rules });

  function commit(t: Transition): void {
    state = t.state;
    outbox.events.push(...t.events);
    outbox.notifications.push(...t.notifications);
    outbox.dirty = true;
    changes += 1;
    publish();
  }

  let published = '';
  /** Keeps search attributes and the UI's current details in step with the state; no personal data. */
  function publish(): void {
    const due = replyDueAt(state);
    const next = withNextDue ? nextDueAt(state) : null;
    const card = withNextDue ? (state.repeatCard ?? null) : null;
    const key = [state.status, state.unitId, state.warningLevel, due, state.escalationLevel, state.round, next, card].join('|');
    if (key !== published) {
      published = key;
      const pairs: SearchAttributeUpdatePair[] = [
        { key: CaseStatus, value: state.status },
        { key: CaseCategory, value: state.categoryId },
        { key: AssignedUnit, value: state.unitId },
        { key: WarningLevel, value: state.warningLevel },
        { key: ReplyDueAt, value: due ? new Date(due) : null },
        { key: EscalationLevel, value: state.escalationLevel },
        { key: CaseRound, value: state.round },
        ...(withNextDue ? [{ key: NextDueAt, value: next ? new Date(next) : null }, { key: RepeatCard, value: card }] : []),
      ];
      const changed = local ? pairs.filter((p) => !sameAttribute(p)) : pairs;
      if (changed.length) upsertSearchAttributes(changed);
    }
    const clocks = Object.values(state.clocks)
      .filter((c) => c && !c.stoppedAt)
      .map((c) => `- ${c!.name}: due ${c!.dueAt}${c!.pausedAt ? ' (paused)' : c!.redFiredAt ? ' (red)' : c!.yellowFiredAt ? ' (yellow)' : ''}`);
    setCurrentDetails(
      [
        `**${state.status}**${state.outcome ? ` (${state.outcome})` : ''} · round ${state.round} · unit ${state.unitId ?? '—'}`,
        `warning ${state.warningLevel} · escalation ${state.escalationLevel} · events ${state.seq}`,
        ...(clocks.length ? ['', 'Running clocks:', ...clocks] : []),
      ].join('\n'),
    );
  }

  /** Whether the workflow's search attribute already holds this value (set at start, or by an earlier upsert). */
  function sameAttribute({ key, value }: SearchAttributeUpdatePair): boolean {
    const current: unknown = workflowInfo().typedSearchAttributes.get(key);
    if (value === null || value === undefined) return current === undefined || current === null;
    if (value instanceof Date) return current instanceof Date && current.getTime() === value.getTime();
    return current === value;
  }

  /**
   * Whether the API sent this action: null (and its proof's nonce is now taken), or why not. A refusal is written
   * into the timeline (nothing else changes) and to the worker's log — the action and the reason, no payload.
   */
  function refusalOf(action: string, payload: unknown, actor: unknown, verdict: ActionProof | undefined): string | null {
    const refusal = checkProof(verdict, { caseId, action, payload, actor }, nonces);
    if (refusal) {
      log.warn('refused an action without the API\'s proof', { action, reason: refusal });
      commit(refusedAction(state, action, refusal, Date.now(), actor));
      return refusal;
    }
    // A proof that passed has its nonce.
    if (verdict?.nonce !== undefined) nonces.add(verdict.nonce);
    return null;
  }

  /** Turns a rule violation into an Update rejection the API can map to 409 with the state. */
  function refuse(err: unknown): never {
    if (err instanceof DomainError) {
      throw ApplicationFailure.create({ type: err.code, message: err.message, details: [err.details], nonRetryable: true });
    }
    throw err;
  }

  function registerUpdate(action: UpdateAction): void {
    setHandler(
      caseUpdate(action),
      async (payload: CasePayloads[UpdateAction], actor: Actor, proof?: ActionProof) => {
        if (patched(ACTION_ASSERTIONS)) {
          const refusal = refusalOf(action, payload, actor, proof);
          if (refusal) {
            throw ApplicationFailure.create({ type: UNAUTHENTICATED_ACTION, message: `${action} refused: it does not carry the API's proof (${refusal})`, nonRetryable: true });
          }
        }
        await condition(() => policy !== null);
        try {
          commit(apply(state, commandOf({ kind: action, payload }), context(actor)));
        } catch (err) {
          refuse(err);
        }
        return view();
      },
      {
        // Validators run only when an Update arrives, never on replay: a new check here needs no patch.
        validator: (payload: CasePayloads[UpdateAction], actor: Actor, proof?: ActionProof) => {
          // Without the API's proof the rules are not asked: the handler refuses the Update and records it.
          if (checkProof(proof, { caseId, action, payload, actor }, nonces)) return;
          try {
            checkActingUnit(state, actor, action);
            check(state, commandOf({ kind: action, payload }), { now: Date.now(), actor, rules, ...(policy && { policy }) });
          } catch (err) {
            refuse(err);
          }
        },
      },
    );
  }

  function registerSignal(action: SignalAction): void {
    setHandler(caseSignal(action), async (payload: CasePayloads[SignalAction], actor: Actor, proof?: ActionProof) => {
      // A signal cannot be refused to its sender: a refused one is recorded instead, like an ignored one.
      if (patched(ACTION_ASSERTIONS) && refusalOf(action, payload, actor, proof)) return;
      await condition(() => policy !== null);
      try {
        commit(apply(state, commandOf({ kind: action, payload }), context(actor)));
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        commit(ignoredSignal(state, action, err.message, Date.now(), actor));
      }
    });
  }

  /** Writes events to PostgreSQL in order, one batch at a time, until the case is done. */
  async function projector(): Promise<void> {
    for (;;) {
      await condition(() => outbox.dirty || draining);
      if (!outbox.dirty) return;
      const events = outbox.events.splice(0);
      const notifications = outbox.notifications.splice(0);
      outbox.dirty = false;
      batch += 1;
      await callDatabase('projectCase', { state, intake: intakeProjected ? null : intake, events, notifications, version: batch });
      intakeProjected = true;
    }
  }

  /** Sleeps until the next warning threshold of a running clock, or until the state changes. */
  async function clockWatch(): Promise<void> {
    while (!isTerminal(state)) {
      const seen = changes;
      const wake = nextWakeAt(state, policy);
      if (wake === null) {
        await condition(() => changes !== seen);
        continue;
      }
      const wait = wake - Date.now();
      if (wait > 0 && (await condition(() => changes !== seen, wait))) continue;
      const t = tick(state, context(SYSTEM));
      if (t.events.length) commit(t);
    }
  }

  commit(first);
  setHandler(getCaseQuery, view);
  UPDATE_ACTIONS.forEach(registerUpdate);
  SIGNAL_ACTIONS.forEach(registerSignal);

  const projection = projector();
  if (!policy) {
    const setup = await callDatabase('resolveCaseSetup', {
      categoryId: intake.categoryId,
      // Only a case that will not close at triage asks the dispatch catalogue.
      ...(!intake.triage && { areaUnitId: intake.location?.areaUnitId ?? null, catalogue: true }),
    });
    policy = setup.policy;
    state = { ...state, slaClass: setup.slaClass, policyVersion: setup.policy.version };
    outbox.dirty = true;
    const next = afterSetup(state, intake, setup, Date.now(), input.actor, rules);
    if (next.events.length) commit(next);
  }
  void clockWatch();

  await condition(() => isTerminal(state) || workflowInfo().continueAsNewSuggested);
  // A closed case stays for late feedback while the policy gives a window for it (the review of an unsatisfied
  // case, the complainant's rating, later complaints it can be the repeat master of); a policy without those windows
  // ends it at once, as before.
  for (let until = lingerUntil(state, policy, rules); until !== null && !workflowInfo().continueAsNewSuggested; until = lingerUntil(state, policy, rules)) {
    const seen = changes;
    const wait = until - Date.now();
    if (wait <= 0) break;
    await condition(() => changes !== seen || workflowInfo().continueAsNewSuggested, wait);
  }
  await condition(allHandlersFinished);
  draining = true;
  await projection;
  if (isTerminal(state)) return view();
  return await continueAsNew<typeof caseWorkflow>({ ...input, resume: { state, policy, batch, nonces: [...nonces] } });
}
