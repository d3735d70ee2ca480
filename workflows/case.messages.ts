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

export interface CaseWorkflowInput {
  caseId: string;
  intake: CaseIntake;
  /** Who opened it (intake agent or channel system). */
  actor: Actor;
  /** The policy and deadline class the case is opened under; absent, the workflow resolves them in an activity. */
  setup?: CaseSetup;
  /** Present after continue-as-new: the case as it was. */
  resume?: { state: CaseState; policy: CasePolicy | null; /** Projection batches written by earlier runs. */ batch?: number };
}

/** What the query and every Update return: the truth about one case. */
export interface CaseView {
  state: CaseState;
  intake: CaseIntake;
}

export const dispatchUpdate = defineUpdate<CaseView, [DispatchCommand, Actor]>('dispatch');
export const acceptUpdate = defineUpdate<CaseView, [AcceptCommand, Actor]>('accept');
export const returnUpdate = defineUpdate<CaseView, [ReturnCommand, Actor]>('return');
export const contactUpdate = defineUpdate<CaseView, [ContactCommand, Actor]>('contact');
export const progressUpdate = defineUpdate<CaseView, [ProgressCommand, Actor]>('progress');
export const replyUpdate = defineUpdate<CaseView, [ReplyCommand, Actor]>('reply');
export const callbackUpdate = defineUpdate<CaseView, [CallbackCommand, Actor]>('callback');
export const triageUpdate = defineUpdate<CaseView, [TriageCommand, Actor]>('triage');
export const cooperateUpdate = defineUpdate<CaseView, [CooperateCommand, Actor]>('cooperate');
export const reportUpdate = defineUpdate<CaseView, [ReportCommand, Actor]>('report');
export const requestExtensionUpdate = defineUpdate<CaseView, [RequestExtensionCommand, Actor]>('request_extension');
export const decideExtensionUpdate = defineUpdate<CaseView, [DecideExtensionCommand, Actor]>('decide_extension');
export const holdUpdate = defineUpdate<CaseView, [HoldCommand, Actor]>('hold');
export const resumeUpdate = defineUpdate<CaseView, [ResumeCommand, Actor]>('resume');
export const disputeUpdate = defineUpdate<CaseView, [DisputeCommand, Actor]>('dispute');
export const reviewUpdate = defineUpdate<CaseView, [ReviewCommand, Actor]>('review');
export const terminateUpdate = defineUpdate<CaseView, [TerminateCommand, Actor]>('terminate');
export const rateUpdate = defineUpdate<CaseView, [RateCommand, Actor]>('rate');

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

export const escalateSignal = defineSignal<[EscalateCommand, Actor]>('escalate');
export const reassignSignal = defineSignal<[ReassignCommand, Actor]>('reassign');
export const urgeSignal = defineSignal<[UrgeCommand, Actor]>('urge');
/** A later complaint with the same demand was linked to this master case (sent by the API at intake). */
export const repeatSignal = defineSignal<[RepeatCommand, Actor]>('repeat');
export const caseSignals = { escalate: escalateSignal, reassign: reassignSignal, urge: urgeSignal, repeat: repeatSignal } as const;
export type SignalAction = keyof typeof caseSignals;

export const getCaseQuery = defineQuery<CaseView>('getCase');
