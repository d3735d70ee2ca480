import type { WorkCalendar } from './calendar.rules.js';
import type { SlaClass } from './reference.types.js';

/** The SLA clocks a case runs (DOMAIN.md "Deadlines"). */
export const CLOCK_NAMES = ['signFor', 'contact', 'reply', 'callback'] as const;
export type ClockName = (typeof CLOCK_NAMES)[number];

export const DURATION_UNITS = ['seconds', 'minutes', 'hours', 'days', 'working_days', 'working_hours'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** A clock length as policy data, e.g. { amount: 5, unit: 'working_days' } or { amount: 15, unit: 'minutes' }. */
export interface DurationSpec {
  amount: number;
  unit: DurationUnit;
  /**
   * working_days only: due at the end of the last working period of the N-th working day instead of the opening's
   * time of day. Off by default: deadlines keep the spread of the opening times (a day's intake does not become
   * one burst of timers at 17:30).
   */
  endOfDay?: boolean;
}

/**
 * Everything a case needs to run its clocks and decide its rounds. Loaded once when the case opens and kept
 * in its workflow history, so later policy edits never move the deadlines of a running case.
 */
export interface CasePolicy {
  version: number;
  /** Fraction of a clock after which the yellow warning fires (DOMAIN default 0.75). */
  yellowRatio: number;
  /** Extra handling rounds allowed after an unsatisfied or unresolved callback (DOMAIN default 2). */
  maxExtraRounds: number;
  /** Clock lengths per deadline class; a clock missing for a class does not run for it. */
  clocks: Record<SlaClass, Partial<Record<ClockName, DurationSpec>>>;
  calendar: WorkCalendar;
  /**
   * Fields below came with dispatch rules; a policy version from before them lacks them, and a case opened under
   * it runs without those rules (no return window, no designation, no ladder): its history stays as it was.
   */
  /**
   * 退单 window per deadline class, from the dispatch (DOMAIN default 1 working day, 2 for complex). A class without
   * a window: its cases cannot be returned by the unit at all (a dispatcher or supervisor reassigns them instead);
   * returning is a right the policy grants for a time, never without limit. (Cases opened before this rule, under a
   * policy from before return windows, keep returning freely: case.patches.ts.)
   */
  returnWindow?: Partial<Record<SlaClass, DurationSpec>>;
  /** After this many failed dispatches (returns) the next dispatch is a designation (DOMAIN default 3). */
  designateAfterReturns?: number;
  /** How long a cooperating unit (协办) has to report its part to the lead, per deadline class. */
  cooperationReport?: Partial<Record<SlaClass, DurationSpec>>;
  /**
   * The overdue ladder: how long after a clock's deadline each step comes, the escalation level it raises the
   * case to, and whether it sends the city-level notice (通报). The red warning at the deadline is step zero.
   */
  overdueLadder?: OverdueStep[];
  /**
   * Fields below came with the deadlines issue (policy version 3).
   */
  /** The official calendar the deadlines count on (work_calendars.region); filled into `calendar` when loaded. */
  calendarRegion?: string;
  /** Extension (延期) of the reply deadline. */
  extension?: ExtensionPolicy;
  /** Fields below came with closing the loop (policy version 4). */
  /** Failed callback attempts after which the callback is invalid (DOMAIN default 3). */
  callbackMaxAttempts?: number;
  /** How long a case closed unsatisfied waits for the third-party review before its workflow ends. */
  reviewWindow?: DurationSpec;
  /** Repeat complaints: the window and distance that make two complaints the same demand, and the cards. */
  repeats?: RepeatPolicy;
  /** How long after the reply the complainant may rate online. */
  ratingWindow?: DurationSpec;
  /** Came with intake of real channels (policy version 5): the bounds on when a complaint says it was received. */
  intake?: IntakePolicy;
  /**
   * Came with clock owners (policy version 5).
   * The hotline centre's own unit in the org tree: the callback clock is its duty, so its warnings, urging and
   * overdue ladder go to this unit's leaders (not the handling unit's). Absent: the city platform (the root unit).
   */
  centreUnitId?: string;
}

/**
 * When an intake may say the complaint was received (`receivedAt`, a channel handing a call over late). Both are
 * wall-clock lengths (seconds to days). A policy without them accepts no receivedAt.
 */
export interface IntakePolicy {
  /** How long before its opening a complaint may have been received; older is refused (and clamped in the case). */
  receivedAtMaxAge: DurationSpec;
  /** How far ahead of the API's clock a stated receivedAt may be (the channel system's clock running fast). */
  receivedAtClockSkew: DurationSpec;
}

export interface RepeatPolicy {
  /**
   * DOMAIN default 30 days. Counted back from the new complaint like a clock from the earlier case: working days and
   * hours on the policy's calendar (holidays are not in the window's count), the other units on the wall clock.
   */
  window: DurationSpec;
  /** Two places are the same within this many metres (when both have coordinates). */
  distanceMeters: number;
  /** From this many complaints in a group, this card, raising the escalation level to `level`. Ascending. */
  cards: Array<{ count: number; card: 'yellow' | 'orange' | 'red'; level: number }>;
}

export interface ExtensionPolicy {
  /** The most working days one extension may add (DOMAIN default 10). */
  maxDays: number;
  /** How many extensions a unit leader or dispatcher may approve; beyond that only a supervisor (DOMAIN default 1). */
  approvableWithoutSupervisor: number;
}

export interface OverdueStep {
  after: DurationSpec;
  level: number;
  cityNotice?: boolean;
}

/**
 * What a case is opened under: the policy in force and its category's deadline class. The API passes it in the
 * workflow input (from its reference cache); a case started without it resolves it in an activity. Either way it
 * is in the case's history, so replay and later policy edits never move its deadlines.
 */
export interface CaseSetup {
  policy: CasePolicy;
  slaClass: SlaClass;
  /** The unit the dispatch catalogue chose (exactly one rule matched), dispatched at once by the workflow. */
  dispatch?: CatalogueDispatch | null;
}

export interface CatalogueDispatch {
  unitId: string;
  ruleId: string;
  /** Units that receive a copy (a street's district). */
  copyTo: string[];
}
