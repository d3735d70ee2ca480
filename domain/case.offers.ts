/**
 * Which actions a principal may take on a case now: what the console offers, and nothing the API would refuse for
 * who is asking or for the state the case is in. Nothing here is a rule of its own; it asks the two sources:
 *
 * - who: the access table (access.ts `decide`, whose case actions come from the action table's `grants`), on the
 *   case's unit, place, copies and cooperating units;
 * - when: the rules the workflow's Update validators run (case.machine.ts `check`: the action table's `from`
 *   states, and the guards beyond the state — the return window, a designated unit, a closed escalation ladder, a
 *   complaint nobody can be contacted for, parts owed by cooperating units, a pending extension request …),
 *   asked with a neutral payload per action (PROBES): one that passes every check of the payload itself, so that
 *   only the case's state and the time can refuse it.
 *
 * What depends on the payload the person will type (a unit that is already the case's, more days than the policy
 * allows) is still answered by the action itself (409 or 400) — the console offers the action, the API decides.
 */
import { accessActionOf, decide, type CaseTarget, type Principal, type Role, type UnitTree } from './access.js';
import { CASE_ACTION_TABLE, GRANTED_ACTIONS, commandOf, type ActionSpec, type CasePayloads, type GrantedAction, type MessageKind } from './case.actions.js';
import { check } from './case.machine.js';
import { DomainError } from './errors.js';
import type { CaseState } from './case.types.js';

/** The actions staff take through a route of their own (the complainant's rating has its own public route). */
export type StaffAction = { [A in GrantedAction]: (typeof CASE_ACTION_TABLE)[A] extends { route: object } ? A : never }[GrantedAction];
export const STAFF_ACTIONS: readonly StaffAction[] = GRANTED_ACTIONS.filter((a): a is StaffAction => CASE_ACTION_TABLE[a].route !== undefined);

/** One action a principal may take now: under which role, and its route (POST /v1/cases/:id/<path>). */
export interface Offer {
  action: StaffAction;
  role: Role;
  path: string;
  message: MessageKind;
}

const DAY_MS = 86_400_000;

/**
 * A payload for each action that passes every check `check` makes of the payload alone: no unit that could be the
 * case's own or a cooperating one (''), no escalation level (the next one), no linked case, a failed callback
 * attempt, an extension of one day, a denial (no days to compare, no supervisor needed), a review date tomorrow.
 * Keyed by GrantedAction: a new action does not compile until it has one.
 */
function probes(now: number): { [A in GrantedAction]: CasePayloads[A] } {
  return {
    dispatch: { unitId: '' },
    accept: {},
    return: { reason: 'other', note: '' },
    contact: { method: 'phone' },
    progress: { note: '' },
    reply: { content: '', resolved: true },
    callback: { outcome: 'no_answer' },
    escalate: { reason: '' },
    reassign: { unitId: '', reason: '' },
    urge: { note: '' },
    triage: { outcome: 'consultation', note: '' },
    cooperate: {},
    report: { content: '' },
    request_extension: { days: 1, reason: '' },
    decide_extension: { approve: false, note: '' },
    hold: { reason: '', reviewDates: [new Date(now + DAY_MS).toISOString()] },
    resume: { note: '' },
    dispute: { reason: '' },
    review: { demandReasonable: true, handlingCompliant: true, reason: '' },
    terminate: { grounds: 'outside_law_and_policy', reason: '' },
    rate: { satisfaction: 'satisfied', resolved: true },
  };
}

/** Whether the case's rules take this action now (the payload aside); false when `check` refuses it. */
function fits<A extends GrantedAction>(state: CaseState, action: A, payload: CasePayloads[A], principal: Principal, role: Role, now: number): boolean {
  try {
    check(state, commandOf({ kind: action, payload }), { now, actor: { id: principal.id, role, ...(principal.unitId !== null && { unitId: principal.unitId }) } });
    return true;
  } catch (err) {
    if (err instanceof DomainError) return false;
    throw err;
  }
}

/**
 * The actions `principal` may take on the case now, in the action table's order. `live`: whether the case's workflow
 * still runs (takes Updates and signals); a case only the record remembers takes none.
 */
export function offersFor(principal: Principal, state: CaseState, target: CaseTarget, tree: UnitTree, now: number, live: boolean): Offer[] {
  if (!live || principal.kind === 'complainant') return [];
  const payloads = probes(now);
  const offers: Offer[] = [];
  for (const action of STAFF_ACTIONS) {
    const decision = decide(principal, accessActionOf(action), tree, target);
    if (decision.outcome !== 'allow') continue;
    if (!fits(state, action, payloads[action], principal, decision.role, now)) continue;
    const row: ActionSpec & { message: MessageKind } = CASE_ACTION_TABLE[action];
    offers.push({ action, role: decision.role, path: row.route?.path ?? action, message: row.message });
  }
  return offers;
}
