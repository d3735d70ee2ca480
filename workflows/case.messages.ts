/**
 * The case workflow's messages, defined once and imported by both the workflow and the API:
 * Updates for actions whose caller needs a yes or no, signals for supervisor pushes, a query for the state.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  AcceptCommand,
  Actor,
  CallbackCommand,
  CaseIntake,
  CaseState,
  ContactCommand,
  CooperateCommand,
  DecideExtensionCommand,
  DisputeCommand,
  DispatchCommand,
  HoldCommand,
  RateCommand,
  RepeatCommand,
  EscalateCommand,
  ProgressCommand,
  ReassignCommand,
  ReplyCommand,
  ReportCommand,
  RequestExtensionCommand,
  ResumeCommand,
  ReviewCommand,
  TerminateCommand,
  ReturnCommand,
  TriageCommand,
  UrgeCommand,
} from '../domain/case.types.js';
import type { CasePolicy, CaseSetup } from '../domain/policy.types.js';

export const CASE_WORKFLOW_TYPE = 'caseWorkflow';

/**
 * The API's proof that it sent an action (runtime/action-assertion.ts): an HMAC under ACTION_ASSERTION_KEYS over the
 * case, the action, the digest of its payload and actor, `iat` and a single-use `nonce`. The last argument of every
 * Update and signal and the second of a workflow start. The worker's codec verifies it and hands the workflow a
 * verdict in its place (domain/action-proof.ts), which the workflow checks before anything is applied.
 */
export interface ActionAssertion {
  v: 1;
  /** Which ACTION_ASSERTION_KEYS entry signed it. */
  kid: string;
  caseId: string;
  /** The Update's or signal's name; `open` for a workflow start. */
  action: string;
  /** base64url SHA-256 of canonical JSON { payload, actor }. */
  digest: string;
  /** When the API issued it (ms since the epoch). */
  iat: number;
  nonce: string;
  /** base64url HMAC-SHA256. */
  mac: string;
}

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

export const dispatchUpdate = defineUpdate<CaseView, [DispatchCommand, Actor, ActionAssertion?]>('dispatch');
export const acceptUpdate = defineUpdate<CaseView, [AcceptCommand, Actor, ActionAssertion?]>('accept');
export const returnUpdate = defineUpdate<CaseView, [ReturnCommand, Actor, ActionAssertion?]>('return');
export const contactUpdate = defineUpdate<CaseView, [ContactCommand, Actor, ActionAssertion?]>('contact');
export const progressUpdate = defineUpdate<CaseView, [ProgressCommand, Actor, ActionAssertion?]>('progress');
export const replyUpdate = defineUpdate<CaseView, [ReplyCommand, Actor, ActionAssertion?]>('reply');
export const callbackUpdate = defineUpdate<CaseView, [CallbackCommand, Actor, ActionAssertion?]>('callback');
export const triageUpdate = defineUpdate<CaseView, [TriageCommand, Actor, ActionAssertion?]>('triage');
export const cooperateUpdate = defineUpdate<CaseView, [CooperateCommand, Actor, ActionAssertion?]>('cooperate');
export const reportUpdate = defineUpdate<CaseView, [ReportCommand, Actor, ActionAssertion?]>('report');
export const requestExtensionUpdate = defineUpdate<CaseView, [RequestExtensionCommand, Actor, ActionAssertion?]>('request_extension');
export const decideExtensionUpdate = defineUpdate<CaseView, [DecideExtensionCommand, Actor, ActionAssertion?]>('decide_extension');
export const holdUpdate = defineUpdate<CaseView, [HoldCommand, Actor, ActionAssertion?]>('hold');
export const resumeUpdate = defineUpdate<CaseView, [ResumeCommand, Actor, ActionAssertion?]>('resume');
export const disputeUpdate = defineUpdate<CaseView, [DisputeCommand, Actor, ActionAssertion?]>('dispute');
export const reviewUpdate = defineUpdate<CaseView, [ReviewCommand, Actor, ActionAssertion?]>('review');
export const terminateUpdate = defineUpdate<CaseView, [TerminateCommand, Actor, ActionAssertion?]>('terminate');
export const rateUpdate = defineUpdate<CaseView, [RateCommand, Actor, ActionAssertion?]>('rate');

/** Updates by action name; the API's action routes and the workflow's handlers both iterate this map. */
export const caseUpdates = {
  dispatch: dispatchUpdate,
  accept: acceptUpdate,
  return: returnUpdate,
  contact: contactUpdate,
  progress: progressUpdate,
  reply: replyUpdate,
  callback: callbackUpdate,
  triage: triageUpdate,
  cooperate: cooperateUpdate,
  report: reportUpdate,
  request_extension: requestExtensionUpdate,
  decide_extension: decideExtensionUpdate,
  hold: holdUpdate,
  resume: resumeUpdate,
  dispute: disputeUpdate,
  review: reviewUpdate,
  terminate: terminateUpdate,
  rate: rateUpdate,
} as const;
export type UpdateAction = keyof typeof caseUpdates;

export const escalateSignal = defineSignal<[EscalateCommand, Actor, ActionAssertion?]>('escalate');
export const reassignSignal = defineSignal<[ReassignCommand, Actor, ActionAssertion?]>('reassign');
export const urgeSignal = defineSignal<[UrgeCommand, Actor, ActionAssertion?]>('urge');
/** A later complaint with the same demand was linked to this master case (sent by the API at intake). */
export const repeatSignal = defineSignal<[RepeatCommand, Actor, ActionAssertion?]>('repeat');
export const caseSignals = { escalate: escalateSignal, reassign: reassignSignal, urge: urgeSignal, repeat: repeatSignal } as const;
export type SignalAction = keyof typeof caseSignals;

export const getCaseQuery = defineQuery<CaseView>('getCase');
