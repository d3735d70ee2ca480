/**
 * The shapes of a case: what a complaint carries in (intake), the state the workflow keeps, the events it
 * records and the notices it decides to send. Plain data only, shared by workflow, activities, API and tests.
 */
import type { ClockName } from './policy.types.js';
import type { SlaClass } from './reference.types.js';

export const CASE_STATUSES = ['received', 'dispatched', 'accepted', 'contacted', 'replied', 'returned', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CHANNELS = ['phone', 'wechat', 'web', 'app', 'mailbox', 'media', 'opinion_monitoring', 'whistle', 'open311'] as const;
export type Channel = (typeof CHANNELS)[number];

export const WARNING_LEVELS = ['none', 'yellow', 'red'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/** Escalation levels (督办): 0 none, 1 unit leader, 2 district, 3 city leadership. */
export const ESCALATION_LEVELS = ['none', 'unit_leader', 'district', 'city'] as const;
export const MAX_ESCALATION_LEVEL = ESCALATION_LEVELS.length - 1;

export const SATISFACTION = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];

export const CASE_OUTCOMES = ['resolved', 'unsatisfied'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export const RETURN_REASONS = ['not_our_duty', 'wrong_area', 'duplicate', 'insufficient_information', 'other'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

export const CONTACT_METHODS = ['phone', 'on_site', 'sms', 'online'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** Who did something. Filled by the API from the caller's credentials. */
export interface Actor {
  id: string;
  role: string;
  /**
   * Set when the action is granted only to the case's own unit (a handler's): the unit acted for. The case must
   * still be at it when the action is applied, so a reassignment that lands between the API's check and the
   * Update cannot let the previous unit act on the case.
   */
  unitId?: string;
}

export interface Complainant {
  name: string;
  phone: string;
}

export interface CaseLocation {
  address?: string;
  /** The admin unit (community/street) the place belongs to, when known. */
  areaUnitId?: string;
  lat?: number;
  lng?: number;
}

/** What the complaint arrived with. Immutable for the life of the case. */
export interface CaseIntake {
  title: string;
  description: string;
  categoryId: string;
  channel: Channel;
  channelTicketId?: string;
  complainant: Complainant;
  location?: CaseLocation;
  /** Hash of the request body, to tell a repeat of the same request from a reused key. */
  requestHash?: string;
  idempotencyKey?: string;
}

export interface Clock {
  name: ClockName;
  startedAt: string;
  dueAt: string;
  yellowAt: string;
  stoppedAt?: string;
  yellowFiredAt?: string;
  redFiredAt?: string;
  /** Set when the clock stops: met (before due), breached (after due), cancelled (return or reassignment). */
  result?: 'met' | 'breached' | 'cancelled';
}

/** The live state of a case as the workflow keeps it. */
export interface CaseState {
  caseId: string;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  categoryId: string;
  slaClass: SlaClass | null;
  policyVersion: number | null;
  unitId: string | null;
  round: number;
  escalationLevel: number;
  warningLevel: WarningLevel;
  clocks: Partial<Record<ClockName, Clock>>;
  dispatchCount: number;
  returnCount: number;
  reassignCount: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Sequence number of the last event; events are numbered 1, 2, 3 … per case with no gaps. */
  seq: number;
}

export const CASE_EVENT_TYPES = [
  'received',
  'dispatched',
  'accepted',
  'returned',
  'contacted',
  'progress_noted',
  'replied',
  'callback_recorded',
  'rehandling_started',
  'closed',
  'escalated',
  'reassigned',
  'urged',
  'warning_raised',
  'signal_ignored',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export interface CaseEvent {
  seq: number;
  type: CaseEventType;
  at: string;
  actor: Actor;
  data: Record<string, unknown>;
}

export const NOTIFICATION_KINDS = ['yellow_warning', 'red_warning', 'urging', 'escalation'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A notice the workflow decided to send; written to the outbox with the event that caused it. */
export interface CaseNotification {
  caseId: string;
  /** The event that caused it. */
  seq: number;
  kind: NotificationKind;
  unitId: string | null;
  /** Who receives it: deputy_leader, principal_leader or handler of the unit; or an escalation level name (unit_leader, district, city). */
  recipient: string;
  message: string;
}

/** Commands: the payloads of the case's Updates and signals. */
export interface DispatchCommand { unitId: string; note?: string }
export interface AcceptCommand { note?: string }
export interface ReturnCommand { reason: ReturnReason; note: string }
export interface ContactCommand { method: ContactMethod; note?: string }
export interface ProgressCommand { note: string }
export interface ReplyCommand { content: string; resolved: boolean }
export interface CallbackCommand { contacted: boolean; resolved: boolean; satisfaction: Satisfaction; note?: string }
export interface EscalateCommand { reason: string; level?: number }
export interface ReassignCommand { unitId: string; reason: string }
/** 催办: a push to the unit that has the case, with a note; the unit is sent a notice. */
export interface UrgeCommand { note: string }

export type CaseCommand =
  | { kind: 'dispatch'; payload: DispatchCommand }
  | { kind: 'accept'; payload: AcceptCommand }
  | { kind: 'return'; payload: ReturnCommand }
  | { kind: 'contact'; payload: ContactCommand }
  | { kind: 'progress'; payload: ProgressCommand }
  | { kind: 'reply'; payload: ReplyCommand }
  | { kind: 'callback'; payload: CallbackCommand }
  | { kind: 'escalate'; payload: EscalateCommand }
  | { kind: 'reassign'; payload: ReassignCommand }
  | { kind: 'urge'; payload: UrgeCommand };
export type CaseAction = CaseCommand['kind'];
export const CASE_ACTIONS = ['dispatch', 'accept', 'return', 'contact', 'progress', 'reply', 'callback', 'escalate', 'reassign', 'urge'] as const satisfies readonly CaseAction[];
