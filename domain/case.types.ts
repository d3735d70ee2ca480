/**
 * The shapes of a case: what a complaint carries in (intake), the state the workflow keeps, the events it
 * records and the notices it decides to send. Plain data only, shared by workflow, activities, API and tests.
 */
import type { ClockName } from './policy.types.js';
import type { SlaClass } from './reference.types.js';

export const CASE_STATUSES = ['received', 'dispatched', 'accepted', 'contacted', 'replied', 'returned', 'on_hold', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** grid_worker: an item a grid worker found (网格员上报); letter: a letter (来信); opinion_monitoring: 舆情. */
export const CHANNELS = ['phone', 'wechat', 'web', 'app', 'mailbox', 'media', 'opinion_monitoring', 'whistle', 'open311', 'grid_worker', 'letter'] as const;
export type Channel = (typeof CHANNELS)[number];

export const WARNING_LEVELS = ['none', 'yellow', 'red'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/** Escalation levels (督办): 0 none, 1 unit leader, 2 district, 3 city leadership. */
export const ESCALATION_LEVELS = ['none', 'unit_leader', 'district', 'city'] as const;
export const MAX_ESCALATION_LEVEL = ESCALATION_LEVELS.length - 1;

export const SATISFACTION = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];

/** How a callback attempt went; anything but reached is a failed attempt. */
export const CALLBACK_OUTCOMES = ['reached', 'no_answer', 'refused', 'wrong_number'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

/** Repeat cards (Hefei Luyang): by the number of complaints linked to one master. */
export const REPEAT_CARDS = ['yellow', 'orange', 'red'] as const;
export type RepeatCard = (typeof REPEAT_CARDS)[number];

/**
 * How a case ended. resolved / unsatisfied after handling; the rest are triage outcomes (Beijing Art. 11) that
 * close a case at intake without dispatch: still a recorded case, with its outcome.
 */
export const TRIAGE_OUTCOMES = ['consultation', 'emergency_transfer', 'referred', 'repeat', 'out_of_scope'] as const;
export type TriageOutcome = (typeof TRIAGE_OUTCOMES)[number];
/**
 * callback_invalid: the complainant could not be reached for the callback (policy: 3 failed attempts); the case
 * closes without counting in the rates. terminated: 终止办理 after review (repeated identical or unlawful demands).
 * no_contact: the complaint came with no way to reach the complainant (no phone): closed after the reply without a
 * callback, not a valid callback, so out of the rates' denominators like callback_invalid.
 */
export const CASE_OUTCOMES = ['resolved', 'unsatisfied', 'callback_invalid', 'terminated', 'no_contact', ...TRIAGE_OUTCOMES] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** 110 police, 119 fire, 120 ambulance, 122 traffic accidents. */
export const EMERGENCY_SERVICES = ['110', '119', '120', '122'] as const;
export type EmergencyService = (typeof EMERGENCY_SERVICES)[number];

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

/**
 * Who complained, as far as the channel knows: either may be missing (an anonymous call, a grid worker's find, a
 * monitoring item, a letter without a phone). Without a phone nobody can be reached: see `hasContact`.
 */
export interface Complainant {
  name?: string;
  phone?: string;
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
  /** Absent: nobody named (an anonymous complaint, a grid worker's or monitoring item). */
  complainant?: Complainant;
  location?: CaseLocation;
  /**
   * When the complaint was received, if before the case was opened (a channel handing a call over late), as the
   * opener stated it; the API checked it against the policy's intake bounds. Absent: received when opened.
   */
  receivedAt?: string;
  /** Answered at intake without dispatch: the case opens closed with this outcome. */
  triage?: TriageCommand;
  /** Filled by the API's repeat matcher: the master case this complaint repeats (并单). */
  masterCaseId?: string;
  /** Hash of the request body, to tell a repeat of the same request from a reused key. */
  requestHash?: string;
  idempotencyKey?: string;
  /**
   * The channel's API key that handed the complaint over (api_keys.id), set by the API from the caller's key: which
   * system it came from, and whose cases that key may read. Absent: opened by staff.
   */
  channelKeyId?: string;
}

/** Whether anyone can be reached for this complaint: a phone to send the acceptance notice to and to call back. */
export const hasContact = (intake: Pick<CaseIntake, 'complainant'>): boolean => Boolean(intake.complainant?.phone?.trim());

export interface Clock {
  name: ClockName;
  startedAt: string;
  dueAt: string;
  yellowAt: string;
  stoppedAt?: string;
  yellowFiredAt?: string;
  redFiredAt?: string;
  /** While the case is on hold (挂账): when this clock was paused. */
  pausedAt?: string;
  /** Time this clock spent paused, in milliseconds (its due time moved by as much). */
  pausedMs?: number;
  /** How many extensions moved this clock's due time (reply only). */
  extendedBy?: number;
  /** How many steps of the overdue ladder have fired for this clock (absent: none). */
  ladderStep?: number;
  /** Set when the clock stops: met (before due), breached (after due), cancelled (return or reassignment). */
  result?: 'met' | 'breached' | 'cancelled';
}

/** How a case came to a unit. */
export type DispatchKind = 'dispatch' | 'catalogue' | 'designation' | 'reassignment' | 'rehandling';

export interface DispatchRecord {
  unitId: string;
  kind: DispatchKind;
  at: string;
  /** Who sent it (the system for catalogue dispatches). */
  by: string;
  round: number;
  /** The catalogue rule that chose the unit (kind catalogue). */
  ruleId?: string;
  cooperating?: string[];
  /** Filled when the unit returns it (a failed dispatch). */
  returnedAt?: string;
  returnReason?: ReturnReason;
}

/** A cooperating unit's part in joint handling: it signs for it, then reports to the lead within its own deadline. */
export interface CooperationPart {
  unitId: string;
  status: 'pending' | 'accepted' | 'reported';
  requestedAt: string;
  dueAt: string;
  acceptedAt?: string;
  reportedAt?: string;
  report?: string;
  /** When the overdue notice went out (the part was not reported by its due time). */
  overdueAt?: string;
  /** Reported after its due time. */
  late?: boolean;
}

export interface TriageRecord {
  outcome: TriageOutcome;
  note: string;
  /** emergency_transfer: the service the caller was put through to. */
  service?: EmergencyService;
  /** referred: the legal channel (e.g. labour arbitration, court, petition office). */
  referredTo?: string;
  /** repeat: the earlier case this one repeats, with its status when linked (the caller was answered with it). */
  linkedCaseId?: string;
  linkedStatus?: string;
}

export interface CallbackAttempt {
  at: string;
  by: string;
  round: number;
  outcome: CallbackOutcome;
  note?: string;
}

/** One handling round's result, as the callback found it. */
export interface RoundRecord {
  round: number;
  unitId: string | null;
  repliedAt: string | null;
  callbackAt: string;
  contacted: boolean;
  resolved: boolean;
  satisfaction: Satisfaction;
}

/** 第三方评价: an independent reviewer's verdict on an unsatisfied or disputed case. */
export interface ReviewRecord {
  at: string;
  by: string;
  demandReasonable: boolean;
  handlingCompliant: boolean;
  reason: string;
}

/** The complainant's own online rating (好差评), once, inside the window after the reply. */
export interface RatingRecord {
  at: string;
  satisfaction: Satisfaction;
  resolved: boolean;
  comment?: string;
}

/** A hold (挂账): the problem cannot be solved now; all running clocks pause until it is resumed. */
export interface HoldRecord {
  reason: string;
  since: string;
  /** The status the case resumes to. */
  fromStatus: CaseStatus;
  /** Review dates: a reminder goes out on each. */
  reviewDates: string[];
  /** How many review reminders went out. */
  reviewsSent: number;
  by: string;
}

/** An extension request (延期) of the reply deadline, and its decision. */
export interface ExtensionRecord {
  n: number;
  requestedAt: string;
  requestedBy: string;
  /** Working days asked for. */
  days: number;
  reason: string;
  status: 'pending' | 'approved' | 'denied';
  decidedAt?: string;
  decidedBy?: string;
  decidedRole?: string;
  note?: string;
  /** The reply deadline before and after an approval. */
  previousDueAt?: string;
  newDueAt?: string;
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
  /**
   * Fields below were added with dispatch rules (issue 6). A case that started before them (and continued as new)
   * may lack them: read them through the helpers in case.machine.ts, which default them.
   */
  /** Every time the case was sent to a unit, newest last: dispatches, designations, reassignments, re-handling rounds. */
  dispatches?: DispatchRecord[];
  /** The unit the case was designated to (指定) after repeated failed dispatches; it may not return it. */
  designatedUnitId?: string | null;
  /** Until when the current unit may return the case (退单 window), from the dispatch. */
  returnDueAt?: string | null;
  /** Units that receive a copy (抄送) and may follow and urge: the district of a street the case was sent to. */
  copiedUnitIds?: string[];
  /** Joint handling (协办): the cooperating units' parts; the case's unit is the lead (主办). */
  cooperation?: CooperationPart[];
  /** A triage outcome's details (how the case was answered without dispatch). */
  triage?: TriageRecord | null;
  /** Added with the deadlines issue. The hold the case is on (status on_hold), or null. */
  hold?: HoldRecord | null;
  extensions?: ExtensionRecord[];
  /** Added with closing the loop: callback attempts, each round's result, review, repeats, the online rating. */
  callbackAttempts?: CallbackAttempt[];
  rounds?: RoundRecord[];
  disputed?: boolean;
  review?: ReviewRecord | null;
  /** Set by a review that found the demand unreasonable: the case leaves the rates' denominators. */
  demandUnreasonable?: boolean;
  /** A repeat: the master case it is linked to. */
  masterCaseId?: string | null;
  /** On a master: how many complaints the group holds (itself included), the cases linked, and its card. */
  repeatCount?: number;
  linkedCaseIds?: string[];
  repeatCard?: RepeatCard | null;
  rating?: RatingRecord | null;
  /**
   * Added with intake of real channels (absent in cases from before: read as false / createdAt / null). No way to
   * reach the complainant: no acceptance notice, no contact step, no callback; the case closes after the reply
   * (outcome no_contact) and stays out of the rates.
   */
  noContact?: boolean;
  /** When the complaint was received: the start of the clocks that start at intake (createdAt unless stated). */
  receivedAt?: string;
  /** Who stated receivedAt (the opener), or null when the case was received when opened. */
  receivedAtStatedBy?: { id: string; role: string } | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Sequence number of the last event; events are numbered 1, 2, 3 … per case with no gaps. */
  seq: number;
}

/** The fields of CaseState a case may lack: every field added after the first release (optional above). */
type AddedField = { [K in keyof CaseState]-?: undefined extends CaseState[K] ? K : never }[keyof CaseState];

/**
 * A case's state with every field present, as the record and the views read it: a field a case from before it
 * lacks reads as its default (addedFieldDefaults; receivedAt: createdAt).
 */
export type FilledCaseState = { [K in keyof CaseState]-?: Exclude<CaseState[K], undefined> };

/**
 * What each field added after the first release starts as in a new case, and reads as in a case from before it
 * (receivedAt, whose default is the case's createdAt, aside). A new optional field of CaseState without an entry
 * here is a compile error. Fresh objects on every call: a state's arrays are its own.
 */
export const addedFieldDefaults = (): { [K in Exclude<AddedField, 'receivedAt'>]-?: Exclude<CaseState[K], undefined> } => ({
  dispatches: [],
  designatedUnitId: null,
  returnDueAt: null,
  copiedUnitIds: [],
  cooperation: [],
  triage: null,
  hold: null,
  extensions: [],
  callbackAttempts: [],
  rounds: [],
  disputed: false,
  review: null,
  demandUnreasonable: false,
  masterCaseId: null,
  repeatCount: 1,
  linkedCaseIds: [],
  repeatCard: null,
  rating: null,
  noContact: false,
  receivedAtStatedBy: null,
});

/** The state with every field present (FilledCaseState): absent fields read as their defaults. */
export function filledState(state: CaseState): FilledCaseState {
  const present = Object.fromEntries(Object.entries(state).filter(([, v]) => v !== undefined)) as CaseState;
  return { ...addedFieldDefaults(), receivedAt: state.createdAt, ...present };
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
  'triaged',
  'cooperation_accepted',
  'cooperation_reported',
  'cooperation_overdue',
  /** A step of the overdue ladder that found the case already at its level (the city notice may still go out). */
  'overdue_step',
  'extension_requested',
  'extension_decided',
  'held',
  'hold_review_due',
  'resumed',
  'callback_attempted',
  'disputed',
  'reviewed',
  'terminated',
  'repeat_linked',
  'repeat_card_raised',
  'rated',
  'warning_raised',
  'signal_ignored',
  /** An Update or signal that did not carry the API's proof (an action assertion): refused, nothing changed. */
  'action_refused',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export interface CaseEvent {
  seq: number;
  type: CaseEventType;
  at: string;
  actor: Actor;
  data: Record<string, unknown>;
}

export const NOTIFICATION_KINDS = [
  'yellow_warning',
  'red_warning',
  'urging',
  'escalation',
  /** 抄送: the district of a street a case was sent to. */
  'copy',
  /** A cooperating unit is asked for its part. */
  'cooperation_request',
  /** A cooperating unit's part is overdue: to it and to the lead. */
  'cooperation_overdue',
  /** 通报: the city-level notice on the overdue ladder. */
  'overdue_notice',
  /** 受理告知: to the complainant, when the case is accepted; the deliverer adds the verification code. */
  'acceptance',
  /**
   * The verification code sent to the complainant again, at an intake agent's request (written by the API, not by
   * the workflow); the deliverer adds the code.
   */
  'code_resend',
  /** To whoever decides a unit's extension request. */
  'extension_request',
  /** The decision, to the unit that asked. */
  'extension_decision',
  /** A hold's review date has come: to the unit's principal leader. */
  'hold_review',
  /** A repeat card (yellow / orange / red) on a master case: to the leader level its colour names. */
  'repeat_card',
] as const;
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
export interface DispatchCommand {
  unitId: string;
  note?: string;
  /** Cooperating units (协办) for joint handling; `unitId` is the lead. */
  cooperating?: string[];
  /** Filled by the API from the unit tree, never by the caller: the units that receive a copy (a street's district). */
  copyTo?: string[];
  /** Filled by the API for a catalogue dispatch. */
  ruleId?: string;
}
export interface AcceptCommand { note?: string }
export interface ReturnCommand { reason: ReturnReason; note: string }
export interface ContactCommand { method: ContactMethod; note?: string }
export interface ProgressCommand { note: string }
export interface ReplyCommand { content: string; resolved: boolean }
/**
 * One callback attempt. Reached: the survey (contacted by the unit? resolved? satisfaction). Otherwise a failed
 * attempt; after the policy's number of them the callback is invalid. (A payload without `outcome` is a reached one:
 * the form before attempts were recorded.)
 */
export type CallbackCommand =
  | { outcome?: 'reached'; contacted: boolean; resolved: boolean; satisfaction: Satisfaction; note?: string }
  | { outcome: Exclude<CallbackOutcome, 'reached'>; note?: string };
/** The case's unit disputes an unsatisfied result: the case goes to the third-party review queue. */
export interface DisputeCommand { reason: string }
/** 第三方评价: the reviewer's verdict. */
export interface ReviewCommand { demandReasonable: boolean; handlingCompliant: boolean; reason: string }
/** 终止办理: after a review found the demand unreasonable. */
export const TERMINATION_GROUNDS = ['repeated_identical_demand', 'outside_law_and_policy'] as const;
export interface TerminateCommand { grounds: (typeof TERMINATION_GROUNDS)[number]; reason: string }
/** A later complaint with the same demand was linked to this master case (并单). */
export interface RepeatCommand { caseId: string }
/** The complainant's online rating (好差评). */
export interface RateCommand { satisfaction: Satisfaction; resolved: boolean; comment?: string }
export interface EscalateCommand { reason: string; level?: number }
export interface ReassignCommand { unitId: string; reason: string; /** Filled by the API: see DispatchCommand. */ copyTo?: string[] }
/** 催办: a push to the unit that has the case (or to one of its cooperating units), with a note; the unit is sent a notice. */
export interface UrgeCommand { note: string; unitId?: string }
/** Triage without dispatch: the case is answered and closed with this outcome. */
export type TriageCommand = Omit<TriageRecord, 'linkedStatus'> & { /** Filled by the API from the linked case. */ linkedStatus?: string };
/** 延期: the unit asks for more working days on the reply deadline, before it passes. */
export interface RequestExtensionCommand { days: number; reason: string }
/** The decision on the pending extension request; an approval may grant fewer days than asked. */
export interface DecideExtensionCommand { approve: boolean; note: string; days?: number }
/** 挂账: the case cannot be solved now; its clocks pause until it resumes. Reminders go out on the review dates. */
export interface HoldCommand { reason: string; reviewDates: string[] }
export interface ResumeCommand { note: string }
/** A cooperating unit signs for its part. */
export interface CooperateCommand { note?: string }
/** A cooperating unit reports its part to the lead. */
export interface ReportCommand { content: string }

/** The actions and their commands are derived from one table: domain/case.actions.ts. */
export { CASE_ACTIONS, type CaseAction, type CaseCommand } from './case.actions.js';
