/**
 * The case workflow's messages, defined once and imported by both the workflow and the API: an Update or a signal
 * for each action of the action table (domain/case.actions.ts says which), a query for the state.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { SignalDefinition, UpdateDefinition } from '@temporalio/common';
import type { CaseAction, CasePayloads, SignalAction, UpdateAction } from '../domain/case.actions.js';
import type { ProofVerdict } from '../domain/action-proof.js';
import type { Actor, CaseIntake, CaseState } from '../domain/case.types.js';
import type { CasePolicy, CaseSetup } from '../domain/policy.types.js';
import type { ActionAssertion } from '../domain/action-proof.js';

export type { SignalAction, UpdateAction } from '../domain/case.actions.js';

export const CASE_WORKFLOW_TYPE = 'caseWorkflow';

export type { ActionAssertion } from '../domain/action-proof.js';

export interface CaseWorkflowInput {
  caseId: string;
  intake: CaseIntake;
  /** Who opened it (intake agent or channel system). */
  actor: Actor;
  /** The policy and deadline class the case is opened under; absent, the workflow resolves them in an activity. */
  setup?: CaseSetup;
  /**
   * The moment of acceptance (ms since the epoch), on the API's clock: the API answers 201 with the case as
   * `opening` makes it at this instant, and the workflow opens it at the same instant, so both are one state. In the
   * start's proof. Absent (cases started before it): the workflow's own clock at its first task.
   */
  openedAt?: number;
  /** Present after continue-as-new: the case as it was. */
  resume?: {
    state: CaseState;
    policy: CasePolicy | null;
    /** Projection batches written by earlier runs. */
    batch?: number;
    /** Nonces of the action assertions earlier runs took (each is taken once). */
    nonces?: string[];
  };
}

/** What the query and every Update return: the truth about one case. */
export interface CaseView {
  state: CaseState;
  intake: CaseIntake;
}

/**
 * The last argument of every Update and signal: the API sends its assertion; the workflow receives, in its place, the
 * verdict of the worker's codec on it (or whatever a caller without the codec sent: checkProof tells).
 */
export type ActionProof = ActionAssertion | ProofVerdict;
/** An action's arguments: its payload, who takes it, the proof. */
export type ActionArgs<A extends CaseAction> = [payload: CasePayloads[A], actor: Actor, proof?: ActionProof];

/**
 * The Update of an action the action table sends as one (domain/case.actions.ts), named after it; the API's routes
 * and the workflow's handlers both take their definitions from here.
 */
export const caseUpdate = <A extends UpdateAction>(action: A): UpdateDefinition<CaseView, ActionArgs<A>, A> => defineUpdate<CaseView, ActionArgs<A>, A>(action);
/** The signal of an action the action table sends as one (supervisor pushes; the repeat link, sent by the API at intake). */
export const caseSignal = <A extends SignalAction>(action: A): SignalDefinition<ActionArgs<A>, A> => defineSignal<ActionArgs<A>, A>(action);

export const getCaseQuery = defineQuery<CaseView>('getCase');
