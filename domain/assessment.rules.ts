/**
 * Assessment (考核) as pure rules: which unit and which day a case counts for (attribution), the periods a day falls
 * in (the assessment month among them), the rates and the composite score from summed counts, and the ranking of a
 * level's units. DOMAIN.md "Metrics" and "Defaults for assessment and analysis"; the numbers come from the
 * assessment policy (assessment.policy.ts).
 *
 * Attribution reads a case the way the product writes it — its state (`CaseState`: rounds, dispatches, the review's
 * flag, outcome) and its recorded events — and answers with a list of **contributions**: one row per thing the case
 * adds 1 to (a unit, a local day, a counter). Storage sums them per unit × category × day; a figure is a formula over
 * those sums (`unitFigures`), and the drill-down from a figure to its cases is the contributions of that unit, period
 * and counter.
 *
 * Contributions are a function of the whole case, not of one event: a late fact (a review finding the demand
 * unreasonable, a rating) changes what the case contributes, including to a past day. So storage keeps each case's
 * current contributions and, on every new batch of events, replaces them with the case's new list (the difference
 * is what its counters move by, written with the batch and keyed by the batch's last seq, so a retried batch moves
 * nothing). Kept that way, the counters always equal a recomputation from the raw rows (the cases' states and
 * events) by construction.
 */
import { localDate, workingTimeBetween, type WorkCalendar } from './calendar.rules.js';
import type { AssessmentMonthRule, AssessmentPolicy } from './assessment.policy.js';
import { filledState, TRIAGE_OUTCOMES, type CaseEvent, type CaseState, type FilledCaseState, type RoundRecord, type Satisfaction } from './case.types.js';
import type { ClockName } from './policy.types.js';

// ---------------------------------------------------------------------------------------------------------------
// Counters and contributions

/**
 * What a case can add 1 to, per unit and local day. Each counter's rule (which unit, which day) is in
 * `caseContributions`; the formulas over them in `unitFigures`.
 */
export const COUNTERS = [
  // The three rates: the case's deciding callback (a valid callback), for the lead unit of its round.
  'valid',
  'contacted',
  'resolved',
  'satisfied',
  'basically_satisfied',
  'unsatisfied',
  // Why a closed case left the denominators (for the drill-down and the export; not in any rate).
  'excluded_unreasonable',
  'excluded_no_contact',
  'excluded_invalid_callback',
  // Re-handling: every round a reached callback judged, and those of them that were handled again.
  'round_judged',
  'round_rehandled',
  // Timeliness of the unit's clocks (sign-for and reply), per time the case was sent to it.
  'sign_for_due',
  'sign_for_on_time',
  'reply_due',
  'reply_on_time',
  // A cooperating unit's part (协办): reported to the lead by its own deadline.
  'part_due',
  'part_on_time',
  // Volume: the times the case was sent to the unit (re-handling rounds aside), and of them returned (退单).
  'dispatched',
  'returned',
  // Closure (办结): the case as the unit that kept it received it, and whether it is closed; and closings by day.
  'assigned',
  'assigned_closed',
  'closed',
  // Handling time: each reply of a unit, and the working seconds (on the calendar) from its receiving the case to it.
  'handled',
  'handling_seconds',
  // Repeat complaints (重复诉求): each later complaint linked to a case while a unit had it, for that unit.
  'repeat',
  // Online ratings (好差评), counted on their own: never in the three rates.
  'rated',
  'rated_satisfied',
  'rated_basically_satisfied',
  'rated_unsatisfied',
] as const;
export type Counter = (typeof COUNTERS)[number];

/** Sums of the counters for one unit over one period (absent: 0). */
export type Counts = Partial<Record<Counter, number>>;

/** One thing a case adds 1 to. */
export interface Contribution {
  caseId: string;
  categoryId: string;
  unitId: string;
  /** The local date (YYYY-MM-DD, in the calendar's offset) of the moment that decided it. */
  day: string;
  counter: Counter;
  /** The handling round it comes from (the case's round for case-level counters). */
  round: number;
  /** What it adds: 1 unless said (`handling_seconds` adds the seconds). */
  n?: number;
}

/** Why a case is out of the rates' denominators, or null when it is in them (or not decided yet). */
export type Exclusion = 'unreasonable' | 'no_contact' | 'invalid_callback' | 'never_dispatched';

/**
 * Why a case leaves the denominators, one reason even when several hold, in this order: never dispatched (a triage
 * outcome: no unit to count for), demand judged unreasonable by the review (whatever came after it: a terminated
 * case was reviewed so), no one to call back (noContact), invalid callback (its case policy's attempts, recorded as
 * the outcome callback_invalid). null: the case counts (or is still open).
 */
export function exclusionOf(state: CaseState): Exclusion | null {
  const s = filledState(state);
  if (s.triage || (TRIAGE_OUTCOMES as readonly string[]).includes(s.outcome ?? '')) return 'never_dispatched';
  if (s.demandUnreasonable || s.outcome === 'terminated') return 'unreasonable';
  if (s.noContact || s.outcome === 'no_contact') return 'no_contact';
  if (s.outcome === 'callback_invalid') return 'invalid_callback';
  return null;
}

const SATISFACTION_COUNTER: Record<Satisfaction, Counter> = { satisfied: 'satisfied', basically_satisfied: 'basically_satisfied', unsatisfied: 'unsatisfied' };
const RATING_COUNTER: Record<Satisfaction, Counter> = { satisfied: 'rated_satisfied', basically_satisfied: 'rated_basically_satisfied', unsatisfied: 'rated_unsatisfied' };
const EXCLUSION_COUNTER: Record<Exclude<Exclusion, 'never_dispatched'>, Counter> = {
  unreasonable: 'excluded_unreasonable',
  no_contact: 'excluded_no_contact',
  invalid_callback: 'excluded_invalid_callback',
};

/** The deciding callback of a case closed by one: its last round's record (or, for a case from before rounds were kept, its last recorded survey). */
function decidingRound(s: FilledCaseState, events: readonly CaseEvent[]): RoundRecord | null {
  const own = s.rounds.find((r) => r.round === s.round) ?? null;
  if (own) return own;
  const last = [...events].reverse().find((e) => e.type === 'callback_recorded');
  if (!last) return null;
  const d = last.data as { contacted?: boolean; resolved?: boolean; satisfaction?: Satisfaction; round?: number };
  if (d.satisfaction === undefined) return null;
  return { round: d.round ?? s.round, unitId: s.unitId, repliedAt: null, callbackAt: last.at, contacted: Boolean(d.contacted), resolved: Boolean(d.resolved), satisfaction: d.satisfaction };
}

/**
 * What a case contributes, as it stands: `state` is its current state, `events` all its events (any order; read in
 * seq order), `calendar` the city's calendar (its offset makes the local days). Rules:
 *
 * - **The three rates** count a case once, when it closed on a reached callback (outcome resolved or unsatisfied):
 *   for the lead unit of the round whose callback decided it (the round record's unit: after a reassignment, the
 *   unit it was reassigned to), on the local day of that callback (which is the day it closed). `valid` +1, and
 *   `contacted` / `resolved` / its satisfaction as the complainant answered. A case that leaves the denominators
 *   (`exclusionOf`) adds instead one `excluded_*` counter for the unit it closed at, on its closing day (a triage
 *   outcome adds nothing: it has no unit). An open case adds nothing to the rates yet.
 * - **Re-handling**: every round a reached callback judged adds `round_judged` for its own unit on its callback day;
 *   a round that was followed by another adds `round_rehandled` too (the earlier round counts against its own unit).
 *   A case whose demand was judged unreasonable adds neither (the review takes it out of the unit's rates; the
 *   re-handle rate is one of them). The re-handled rounds of a case that ended in an invalid callback still count:
 *   the callbacks that judged them were valid.
 * - **Timeliness** (`sign_for_*`, `reply_*`) counts for the unit the case was sent to, per time it was sent
 *   (dispatch, designation, reassignment, re-handling round), on the day the clock stopped: late when a red warning
 *   was raised for that instance of the clock (the red warning, raised at the deadline, is the product's record of
 *   a miss, and the only one for an earlier instance: the state keeps one instance per clock), or when the state's
 *   instance is this one and it stopped breached (a case whose workflow never woke at the deadline); on time
 *   otherwise. A clock cancelled (a return, a reassignment, a termination) counts as missed if it had gone red, and
 *   not at all if it had not: the unit was relieved before its deadline. An approved extension that moves the reply
 *   deadline past the decision clears an earlier red, as it does in the case. Clocks the case's deadline class does
 *   not run are never counted.
 * - **A cooperating unit's part** (`part_*`) counts for the cooperating unit: on time when reported by its due time
 *   and never reported overdue; late when reported late, or overdue and never reported before the case left the
 *   round (returned, re-handled, closed). On the day it was reported (or the day the round ended).
 * - **Volume**: every time the case was sent to a unit but re-handling (same unit, same case) adds `dispatched` on
 *   the day it was sent, and `returned` on that same day if the unit returned it (a cohort: the return rate of a
 *   period is of the dispatches in it, so it never exceeds 1).
 * - **Closure** (办结率): the unit that keeps the case (the last one it was sent to, not returned) adds `assigned` on
 *   the day it received it, and `assigned_closed` on that day too once the case is closed, whatever the outcome (a
 *   cohort: of the cases a unit received in a period, how many are closed). `closed` counts closings on their own
 *   day for the plain count.
 * - **Online ratings** count for the unit that had the case when it was rated (the last unit sent it by then), on
 *   the rating's day.
 */
export function caseContributions(state: CaseState, events: readonly CaseEvent[], calendar: WorkCalendar): Contribution[] {
  const s = filledState(state);
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  const out: Contribution[] = [];
  const dayOf = (at: string) => localDate(Date.parse(at), calendar);
  const add = (unitId: string | null | undefined, at: string, counter: Counter, round: number, n = 1) => {
    if (unitId && n !== 0) out.push({ caseId: s.caseId, categoryId: s.categoryId, unitId, day: dayOf(at), counter, round, ...(n !== 1 && { n }) });
  };
  const exclusion = exclusionOf(state);
  const closed = s.status === 'closed' && s.closedAt !== null;

  // The three rates, or why not.
  if (closed) {
    if (exclusion === null && (s.outcome === 'resolved' || s.outcome === 'unsatisfied')) {
      const r = decidingRound(s, ordered);
      if (r) {
        const unit = r.unitId ?? s.unitId;
        add(unit, r.callbackAt, 'valid', r.round);
        if (r.contacted) add(unit, r.callbackAt, 'contacted', r.round);
        if (r.resolved) add(unit, r.callbackAt, 'resolved', r.round);
        add(unit, r.callbackAt, SATISFACTION_COUNTER[r.satisfaction], r.round);
      }
    } else if (exclusion !== null && exclusion !== 'never_dispatched') {
      add(s.unitId, s.closedAt!, EXCLUSION_COUNTER[exclusion], s.round);
    }
  }

  // Re-handling.
  if (exclusion !== 'unreasonable') {
    for (const r of s.rounds) {
      add(r.unitId, r.callbackAt, 'round_judged', r.round);
      if (r.round < s.round) add(r.unitId, r.callbackAt, 'round_rehandled', r.round);
    }
  }

  // Volume and closure.
  const sent = s.dispatches.filter((d) => d.kind !== 'rehandling');
  for (const d of sent) {
    add(d.unitId, d.at, 'dispatched', d.round);
    if (d.returnedAt) add(d.unitId, d.at, 'returned', d.round);
  }
  const kept = sent.at(-1);
  if (kept && !kept.returnedAt && kept.unitId === s.unitId) {
    add(kept.unitId, kept.at, 'assigned', kept.round);
    if (closed) add(kept.unitId, kept.at, 'assigned_closed', s.round);
  }
  if (closed) add(s.unitId, s.closedAt!, 'closed', s.round);

  // Online rating.
  if (s.rating) {
    const by = [...s.dispatches].reverse().find((d) => Date.parse(d.at) <= Date.parse(s.rating!.at))?.unitId ?? s.unitId;
    add(by, s.rating.at, 'rated', s.round);
    add(by, s.rating.at, RATING_COUNTER[s.rating.satisfaction], s.round);
  }

  // Repeat complaints linked to this case: for the unit that had it when each was linked, on that day.
  for (const ev of ordered) {
    if (ev.type !== 'repeat_linked') continue;
    const holder = [...s.dispatches].reverse().find((d) => Date.parse(d.at) <= Date.parse(ev.at));
    if (holder && !(holder.returnedAt && Date.parse(holder.returnedAt) <= Date.parse(ev.at))) add(holder.unitId, ev.at, 'repeat', holder.round);
  }

  timeliness(s, ordered, add, (from, to) => Math.round(workingTimeBetween(Date.parse(from), Date.parse(to), calendar) / 1_000));
  return out;
}

type Add = (unitId: string | null | undefined, at: string, counter: Counter, round: number, n?: number) => void;

/** One instance of a unit clock while the case is at a unit: still counting, and whether it went red. */
interface Instance {
  open: boolean;
  red: boolean;
}
interface Assignment {
  unitId: string;
  round: number;
  /** When the unit received the case (this time). */
  since: string;
  clocks: Record<'signFor' | 'reply', Instance>;
}

const CLOCK_COUNTERS = {
  signFor: { due: 'sign_for_due', onTime: 'sign_for_on_time' },
  reply: { due: 'reply_due', onTime: 'reply_on_time' },
} as const satisfies Record<string, { due: Counter; onTime: Counter }>;

/** Timeliness of the unit clocks and the cooperating parts, read from the events (see caseContributions). */
function timeliness(s: FilledCaseState, events: readonly CaseEvent[], add: Add, workingSeconds: (from: string, to: string) => number): void {
  // Which unit clocks this case runs: its deadline class has them (the state keeps every clock it ever started).
  const runs = (name: 'signFor' | 'reply') => s.clocks[name] !== undefined;
  let cur = null as Assignment | null;
  /** Cooperating parts of the current round, by unit: overdue reported, and whether it was reported since. */
  let parts = new Map<string, { overdue: boolean }>();

  const count = (a: Assignment, name: 'signFor' | 'reply', at: string, onTime: boolean) => {
    a.clocks[name].open = false;
    if (!runs(name)) return;
    add(a.unitId, at, CLOCK_COUNTERS[name].due, a.round);
    if (onTime) add(a.unitId, at, CLOCK_COUNTERS[name].onTime, a.round);
  };
  /** The result the state recorded for the clock stopped by this event, when the state's instance is that one (else null). */
  const recorded = (name: ClockName, ev: CaseEvent): boolean | null => {
    const c = s.clocks[name];
    if (!c || c.stoppedAt !== ev.at || (c.result !== 'met' && c.result !== 'breached')) return null;
    return c.result === 'met';
  };
  /** The unit is relieved of the case (or it ended): a clock that went red was missed; one that did not, not counted. */
  const leave = (ev: CaseEvent) => {
    if (cur) for (const name of ['signFor', 'reply'] as const) if (cur.clocks[name].open && cur.clocks[name].red) count(cur, name, ev.at, false);
    cur = null;
  };
  const endParts = (ev: CaseEvent, round: number) => {
    for (const [unitId, p] of parts) if (p.overdue) add(unitId, ev.at, 'part_due', round);
    parts = new Map();
  };
  const start = (unitId: unknown, round: number, at: string) => {
    cur = typeof unitId === 'string' ? { unitId, round, since: at, clocks: { signFor: { open: true, red: false }, reply: { open: true, red: false } } } : null;
  };

  for (const ev of events) {
    const d = ev.data;
    const round = cur?.round ?? s.round;
    switch (ev.type) {
      case 'dispatched':
        leave(ev);
        start(d.unitId, typeof d.round === 'number' ? d.round : round, ev.at);
        break;
      case 'reassigned':
        // The cooperating parts stay with the case (the new lead receives them).
        leave(ev);
        start(d.to, round, ev.at);
        break;
      case 'rehandling_started':
        leave(ev);
        endParts(ev, round);
        start(d.unitId, typeof d.round === 'number' ? d.round : round + 1, ev.at);
        break;
      case 'returned':
      case 'triaged':
      case 'closed':
        leave(ev);
        endParts(ev, round);
        break;
      case 'warning_raised':
        if (cur && d.level === 'red' && d.owner !== 'centre' && (d.clock === 'signFor' || d.clock === 'reply') && cur.clocks[d.clock].open) cur.clocks[d.clock].red = true;
        break;
      case 'extension_decided':
        if (cur && d.approve === true && typeof d.newDueAt === 'string' && Date.parse(d.newDueAt) > Date.parse(ev.at)) cur.clocks.reply.red = false;
        break;
      case 'accepted':
        if (cur && cur.clocks.signFor.open) count(cur, 'signFor', ev.at, !cur.clocks.signFor.red && recorded('signFor', ev) !== false);
        break;
      case 'replied':
        if (cur) {
          add(cur.unitId, ev.at, 'handled', cur.round);
          add(cur.unitId, ev.at, 'handling_seconds', cur.round, workingSeconds(cur.since, ev.at));
        }
        if (cur && cur.clocks.reply.open) count(cur, 'reply', ev.at, !cur.clocks.reply.red && recorded('reply', ev) !== false);
        break;
      case 'cooperation_overdue':
        if (typeof d.unitId === 'string') parts.set(d.unitId, { overdue: true });
        break;
      case 'cooperation_reported':
        if (typeof d.unitId === 'string') {
          const late = d.late === true || parts.get(d.unitId)?.overdue === true;
          parts.delete(d.unitId);
          add(d.unitId, ev.at, 'part_due', round);
          if (!late) add(d.unitId, ev.at, 'part_on_time', round);
        }
        break;
      default:
        break;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Periods

export const PERIOD_KINDS = ['day', 'week', 'month', 'assessment_month', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

const DAY_MS = 86_400_000;
const utc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayString = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The local date `n` days after `day` (negative: before). */
export const addDays = (day: string, n: number) => dayString(utc(day) + n * DAY_MS);
const monthLabel = (year: number, month0: number) => {
  const d = new Date(Date.UTC(year, month0, 1));
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

/**
 * The assessment month a local day belongs to, labelled YYYY-MM. With the calendar month (startDay 1) the label is
 * the day's own month. With a start day d > 1 a month runs from the d-th to the (d−1)-th of the next month and is
 * labelled by **the month it ends in**: 2026-03-19 … 2026-04-18 is "2026-04". Chosen because it ends in that month
 * (a ranking for "April" is published when April's part is over, as the monthly report follows the close), it holds
 * most of its days in it for any start day after the 15th (Beijing's 19th: 18 of 30 or 31), and it is how the
 * cities name it (the April assessment is the one announced in April).
 */
export function assessmentMonthOf(day: string, rule: AssessmentMonthRule): string {
  const year = Number(day.slice(0, 4));
  const month0 = Number(day.slice(5, 7)) - 1;
  const dom = Number(day.slice(8, 10));
  return rule.startDay > 1 && dom >= rule.startDay ? monthLabel(year, month0 + 1) : monthLabel(year, month0);
}

/** The first and last local day (inclusive) of an assessment month labelled YYYY-MM. */
export function assessmentMonthDays(label: string, rule: AssessmentMonthRule): { from: string; to: string } {
  const year = Number(label.slice(0, 4));
  const month0 = Number(label.slice(5, 7)) - 1;
  const first = (y: number, m0: number, dom: number) => dayString(Date.UTC(y, m0, dom));
  if (rule.startDay === 1) return { from: first(year, month0, 1), to: first(year, month0 + 1, 0) };
  return { from: first(year, month0 - 1, rule.startDay), to: first(year, month0, rule.startDay - 1) };
}

/** ISO 8601 week label (YYYY-Www, weeks start on Monday; week 1 holds the year's first Thursday). */
function isoWeekOf(day: string): string {
  const ms = utc(day);
  const dow = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0
  const thursday = ms + (3 - dow) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The label of the period of `kind` a local day falls in: 2026-04-03, 2026-W14, 2026-04, 2026-04 (assessment month), 2026. */
export function periodOf(day: string, kind: PeriodKind, rule: AssessmentMonthRule): string {
  switch (kind) {
    case 'day':
      return day;
    case 'week':
      return isoWeekOf(day);
    case 'month':
      return day.slice(0, 7);
    case 'assessment_month':
      return assessmentMonthOf(day, rule);
    case 'year':
      return day.slice(0, 4);
  }
}

/** The first and last local day (inclusive) of a period by its label. */
export function periodDays(label: string, kind: PeriodKind, rule: AssessmentMonthRule): { from: string; to: string } {
  switch (kind) {
    case 'day':
      return { from: label, to: label };
    case 'week': {
      const year = Number(label.slice(0, 4));
      const week = Number(label.slice(6));
      const jan4 = Date.UTC(year, 0, 4);
      const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS + (week - 1) * 7 * DAY_MS;
      return { from: dayString(monday), to: dayString(monday + 6 * DAY_MS) };
    }
    case 'month':
      return assessmentMonthDays(label, { startDay: 1 });
    case 'assessment_month':
      return assessmentMonthDays(label, rule);
    case 'year':
      return { from: `${label}-01-01`, to: `${label}-12-31` };
  }
}

/** The label of the period before this one (the one a ranking's change is measured against). */
export function previousPeriod(label: string, kind: PeriodKind, rule: AssessmentMonthRule): string {
  return periodOf(addDays(periodDays(label, kind, rule).from, -1), kind, rule);
}

// ---------------------------------------------------------------------------------------------------------------
// Formulas

/** A figure: its value is numerator / denominator, or null when the denominator is 0 (nothing to measure). */
export interface Figure {
  numerator: number;
  denominator: number;
  value: number | null;
}

const figure = (numerator: number, denominator: number): Figure => ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });

export interface UnitFigures {
  /** 响应率 = contacted / valid. */
  responseRate: Figure;
  /** 解决率 = resolved / valid. */
  resolutionRate: Figure;
  /** 满意率 = (satisfied + factor × basically satisfied) / valid. */
  satisfactionRate: Figure;
  /**
   * Composite = w₁ × response + w₂ × resolution + w₃ × satisfaction, all over the same valid callbacks: its numerator
   * is w₁·contacted + w₂·resolved + w₃·(satisfied + factor·basically satisfied), its denominator the valid callbacks.
   */
  compositeScore: Figure;
  /** on-time sign-for = signed for by the deadline / sign-for clocks that stopped (or were missed). */
  onTimeSignFor: Figure;
  /** on-time reply = replied by the deadline / reply clocks that stopped (or were missed). */
  onTimeReply: Figure;
  /** A cooperating unit's parts reported on time / its parts that came due. */
  onTimeParts: Figure;
  /** 办结率 = of the cases the unit kept, received in the period: closed / received. */
  closureRate: Figure;
  /** Return rate = returned / times the case was sent to the unit (re-handling aside), by the day it was sent. */
  returnRate: Figure;
  /** Re-handle rate = rounds that were handled again / rounds a reached callback judged. */
  rehandleRate: Figure;
  /** Online ratings (好差评), on their own: (satisfied + factor × basically satisfied) / ratings. */
  ratingSatisfaction: Figure;
  /**
   * Average handling time in working hours (平均办理时长) = working seconds from receiving the case to replying ÷ 3,600 /
   * replies: per time the unit replied, on the calendar's working periods (a hold is not deducted). Lower is better.
   */
  averageHandlingHours: Figure;
}

/** The figures of one unit over one period from its summed counts (the sums of its contributions). */
export function unitFigures(counts: Counts, policy: Pick<AssessmentPolicy, 'weights' | 'basicallySatisfiedFactor'>): UnitFigures {
  const n = (c: Counter) => counts[c] ?? 0;
  const f = policy.basicallySatisfiedFactor;
  const w = policy.weights;
  const valid = n('valid');
  const satisfiedPoints = n('satisfied') + f * n('basically_satisfied');
  return {
    responseRate: figure(n('contacted'), valid),
    resolutionRate: figure(n('resolved'), valid),
    satisfactionRate: figure(satisfiedPoints, valid),
    compositeScore: figure(w.response * n('contacted') + w.resolution * n('resolved') + w.satisfaction * satisfiedPoints, valid),
    onTimeSignFor: figure(n('sign_for_on_time'), n('sign_for_due')),
    onTimeReply: figure(n('reply_on_time'), n('reply_due')),
    onTimeParts: figure(n('part_on_time'), n('part_due')),
    closureRate: figure(n('assigned_closed'), n('assigned')),
    returnRate: figure(n('returned'), n('dispatched')),
    rehandleRate: figure(n('round_rehandled'), n('round_judged')),
    ratingSatisfaction: figure(n('rated_satisfied') + f * n('rated_basically_satisfied'), n('rated')),
    averageHandlingHours: figure(n('handling_seconds') / 3600, n('handled')),
  };
}

/** Sums contributions into counts per unit (what storage does in SQL; for tests and recomputation). */
export function sumContributions(contributions: Iterable<Contribution>, keep: (c: Contribution) => boolean = () => true): Map<string, Counts> {
  const byUnit = new Map<string, Counts>();
  for (const c of contributions) {
    if (!keep(c)) continue;
    const counts = byUnit.get(c.unitId) ?? {};
    counts[c.counter] = (counts[c.counter] ?? 0) + (c.n ?? 1);
    byUnit.set(c.unitId, counts);
  }
  return byUnit;
}

// ---------------------------------------------------------------------------------------------------------------
// Ranking

export interface RankingInput {
  unitId: string;
  counts: Counts;
}

export interface RankingRow {
  unitId: string;
  /** 1 is best; units with equal scores share a rank (1, 1, 3); null: unranked. */
  rank: number | null;
  unranked: null | 'below_minimum_volume';
  /** Among the policy's bottom N of the ranked units. */
  flagged: boolean;
  score: Figure;
  figures: UnitFigures;
  counts: Counts;
  /** The rank in the previous period, when the unit was ranked then. */
  previousRank: number | null;
  /** previousRank − rank: positive when the unit moved up; null when either is missing. */
  change: number | null;
}

/**
 * Scores are compared at this precision: two units whose composite differs by less are a tie. The same score reached
 * from different counts (7 of 10 and 21 of 30, weighted and summed) can differ in its last bits, and a rank must not
 * depend on that. 1e-9 of a score between 0 and 1 is far below any real difference (with the default weights one
 * answer among a million callbacks moves a score by 1e-7 or more).
 */
export const SCORE_PRECISION = 1e-9;
const scoreKey = (v: number) => Math.round(v / SCORE_PRECISION);

/**
 * Ranks one level's units for one period by composite score, best first (DOMAIN.md defaults):
 * - a unit with fewer valid callbacks than `ranking.minValidCallbacks` is listed, unranked, after the ranked ones
 *   (its figures still shown);
 * - equal scores share a rank, and the next rank skips as many (competition ranking: 1, 1, 3); rows of a tie are
 *   listed by unit id;
 * - the bottom `ranking.bottomFlagged` ranked units are flagged. A unit tied with a flagged one is flagged too (a
 *   tie never separates two units), so a tie at the boundary can flag more than N. A level with no more ranked
 *   units than N flags none: the flag names the bottom of a list, and when everyone would be in it it says nothing.
 * - the change against the previous period's rank (`previous`: unit → its rank then, null or absent if unranked).
 */
export function rankUnits(
  units: readonly RankingInput[],
  policy: Pick<AssessmentPolicy, 'weights' | 'basicallySatisfiedFactor' | 'ranking'>,
  previous: ReadonlyMap<string, number | null> = new Map(),
): RankingRow[] {
  const rows = units.map((u) => {
    const figures = unitFigures(u.counts, policy);
    return { unitId: u.unitId, counts: u.counts, figures, score: figures.compositeScore, valid: u.counts.valid ?? 0 };
  });
  const ranked = rows
    .filter((r) => r.valid > 0 && r.valid >= policy.ranking.minValidCallbacks && r.score.value !== null)
    .sort((a, b) => scoreKey(b.score.value!) - scoreKey(a.score.value!) || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  const unranked = rows.filter((r) => !ranked.includes(r)).sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));

  const n = policy.ranking.bottomFlagged;
  const out: RankingRow[] = [];
  for (const r of ranked) {
    const key = scoreKey(r.score.value!);
    const rank = ranked.findIndex((o) => scoreKey(o.score.value!) === key) + 1;
    // Units strictly below this one: flagged when fewer than N are.
    const below = ranked.length - (ranked.findLastIndex((o) => scoreKey(o.score.value!) === key) + 1);
    const flagged = n > 0 && ranked.length > n && below < n;
    const prev = previous.get(r.unitId) ?? null;
    out.push({ unitId: r.unitId, rank, unranked: null, flagged, score: r.score, figures: r.figures, counts: r.counts, previousRank: prev, change: prev === null ? null : prev - rank });
  }
  for (const r of unranked) {
    out.push({ unitId: r.unitId, rank: null, unranked: 'below_minimum_volume', flagged: false, score: r.score, figures: r.figures, counts: r.counts, previousRank: previous.get(r.unitId) ?? null, change: null });
  }
  return out;
}
