/**
 * The actions on a case, in one table: for each, its payload, how it reaches the case's workflow (an Update or a
 * signal, under the action's name), the states it may be taken in, who may take it (domain/access.ts), and its
 * staff route. Everything else is derived from it: the command type (CaseCommand), the workflow's Update and signal
 * definitions (workflows/case.messages.ts), the access table's case actions, and the API's action routes
 * (api/cases.routes.ts, with the request bodies of api/cases.schemas.ts, keyed by the same CaseAction).
 *
 * Plain data, no zod: the workflow imports it (through case.machine.ts and case.messages.ts).
 *
 * The names are the Update and signal names of running workflows and of committed histories: never rename one.
 */
import type { Role, Scope } from './access.js';
import type {
  AcceptCommand,
  CallbackCommand,
  CaseStatus,
  ContactCommand,
  CooperateCommand,
  DecideExtensionCommand,
  DispatchCommand,
  DisputeCommand,
  EscalateCommand,
  HoldCommand,
  ProgressCommand,
  RateCommand,
  ReassignCommand,
  RepeatCommand,
  ReplyCommand,
  ReportCommand,
  RequestExtensionCommand,
  ResumeCommand,
  ReturnCommand,
  ReviewCommand,
  TerminateCommand,
  TriageCommand,
  UrgeCommand,
} from './case.types.js';

/** How an action reaches the workflow: an Update (the caller waits for yes or no) or a signal (a push, answered 202). */
export type MessageKind = 'update' | 'signal';

export interface ActionSpec {
  /** The states the action may be taken in (case.machine.ts `check` adds the rules beyond the state). */
  from: readonly CaseStatus[];
  /** Who may take it, where (domain/access.ts scopes). Empty: no principal asks for it; the API sends it itself. */
  grants: Partial<Record<Role, Scope>>;
  /** The staff route POST /v1/cases/:id/<path ?? name> and its summary in the OpenAPI document; absent: none. */
  route?: { summary: string; path?: string };
}

/**
 * One row: its spec, its message kind, whether a principal asks for it (false: the API sends it itself, and nobody is
 * granted it), and (a type only, never set) the payload it carries.
 */
export interface ActionRow<P, M extends MessageKind, ByPrincipal extends boolean = true> extends ActionSpec {
  message: M;
  byPrincipal: ByPrincipal;
  readonly payload?: P;
}

const update = <P>(spec: ActionSpec): ActionRow<P, 'update'> => ({ ...spec, message: 'update', byPrincipal: true });
const signal = <P>(spec: ActionSpec): ActionRow<P, 'signal'> => ({ ...spec, message: 'signal', byPrincipal: true });
/** A signal the API sends on its own account: granted to nobody, no route. */
const apiSignal = <P>(from: readonly CaseStatus[]): ActionRow<P, 'signal', false> => ({ from, grants: {}, message: 'signal', byPrincipal: false });

const OPEN: readonly CaseStatus[] = ['received', 'dispatched', 'accepted', 'contacted', 'replied', 'returned', 'on_hold'];
/** While a unit owes work on the case. */
const HANDLING: readonly CaseStatus[] = ['dispatched', 'accepted', 'contacted'];

/** The unit that has the case: its handlers and leaders. */
const handlingUnit: ActionSpec['grants'] = { unit_handler: 'unit', unit_leader: 'unit' };
/** A cooperating unit (协办), for its own part: its handlers and leaders. */
const cooperatingUnit: ActionSpec['grants'] = { unit_handler: 'cooperating', unit_leader: 'cooperating' };
/** Extensions and holds: the unit's leader, a dispatcher, a supervisor (beyond what the other two may approve). */
const decidesForTheUnit: ActionSpec['grants'] = { dispatcher: 'subtree', unit_leader: 'unit', supervisor: 'subtree' };

/** The table. Its order is the order of the routes in the OpenAPI document (Updates first, then signals). */
export const CASE_ACTION_TABLE = {
  dispatch: update<DispatchCommand>({ from: ['received', 'returned'], grants: { dispatcher: 'subtree' }, route: { summary: 'Dispatch (派单) to a unit' } }),
  accept: update<AcceptCommand>({ from: ['dispatched'], grants: handlingUnit, route: { summary: 'The unit signs for the case (签收)' } }),
  return: update<ReturnCommand>({ from: ['dispatched', 'accepted'], grants: handlingUnit, route: { summary: 'The unit returns the case to the dispatcher (退单)' } }),
  contact: update<ContactCommand>({ from: ['accepted'], grants: handlingUnit, route: { summary: 'Record contact with the complainant (联系)' } }),
  progress: update<ProgressCommand>({ from: ['accepted', 'contacted', 'on_hold'], grants: handlingUnit, route: { summary: 'Add a progress note (办理进展)' } }),
  // From on_hold: 销账, closing the hold with the final reply.
  reply: update<ReplyCommand>({ from: ['contacted', 'on_hold'], grants: handlingUnit, route: { summary: 'Reply with the handling result (回复)' } }),
  callback: update<CallbackCommand>({
    from: ['replied'],
    grants: { callback_agent: 'city' },
    route: { summary: 'Record the callback survey (回访); closes the case or starts another round' },
  }),
  escalate: signal<EscalateCommand>({ from: OPEN, grants: { supervisor: 'subtree' }, route: { summary: 'Escalate (督办) to a higher supervision level' } }),
  reassign: signal<ReassignCommand>({ from: HANDLING, grants: { dispatcher: 'subtree', supervisor: 'subtree' }, route: { summary: 'Reassign (改派) to another unit' } }),
  // A leader also pushes cases copied to the unit (a district following its streets).
  urge: signal<UrgeCommand>({
    from: HANDLING,
    grants: { unit_leader: 'copied', supervisor: 'subtree' },
    route: { summary: 'Urge (催办) the unit that has the case, with a note; the unit is sent a notice' },
  }),
  // Answered without dispatch: at intake, or by a dispatcher before the case goes (back) to a unit.
  triage: update<TriageCommand>({
    from: ['received', 'returned'],
    grants: { intake_agent: 'city', dispatcher: 'subtree' },
    route: { summary: 'Answer the case without dispatch (consultation, emergency transfer, referral, repeat, out of scope) and close it' },
  }),
  cooperate: update<CooperateCommand>({ from: HANDLING, grants: cooperatingUnit, route: { summary: 'A cooperating unit (协办) signs for its part of a joint case' } }),
  report: update<ReportCommand>({ from: HANDLING, grants: cooperatingUnit, route: { summary: 'A cooperating unit reports its part to the lead unit' } }),
  request_extension: update<RequestExtensionCommand>({
    from: HANDLING,
    grants: handlingUnit,
    route: { summary: 'The unit asks for more working days on the reply deadline (延期), before it passes', path: 'extension-requests' },
  }),
  decide_extension: update<DecideExtensionCommand>({
    from: HANDLING,
    grants: decidesForTheUnit,
    route: {
      summary: "Approve or deny the pending extension request (the unit's leader or a dispatcher; beyond the first, a supervisor)",
      path: 'extension-requests/decision',
    },
  }),
  // Once the unit has signed for it: it is the unit that finds the problem cannot be solved now.
  hold: update<HoldCommand>({
    from: ['accepted', 'contacted'],
    grants: decidesForTheUnit,
    route: { summary: 'Put the case on hold (挂账): every running clock pauses; reminders go out on the review dates' },
  }),
  resume: update<ResumeCommand>({ from: ['on_hold'], grants: decidesForTheUnit, route: { summary: 'Take the case off hold: the clocks restart with the time paused given back' } }),
  // A re-handled case's unit disputes the unsatisfied result it got.
  dispute: update<DisputeCommand>({
    from: [...HANDLING, 'replied'],
    grants: { unit_leader: 'unit' },
    route: { summary: "The case's unit disputes an unsatisfied result: the case goes to the third-party review queue" },
  }),
  // A closed case takes these while its workflow waits for late feedback (lingerUntil): the review of an
  // unsatisfied case, the termination after it, the complainant's rating.
  review: update<ReviewCommand>({
    from: [...OPEN, 'closed'],
    grants: { reviewer: 'city' },
    route: { summary: 'Third-party review (第三方评价) of an unsatisfied or disputed case: is the demand reasonable, was the handling compliant' },
  }),
  terminate: update<TerminateCommand>({
    from: [...OPEN, 'closed'],
    grants: { supervisor: 'subtree', reviewer: 'city' },
    route: { summary: '终止办理: end a case whose review found the demand unreasonable (repeated identical demand, or outside law and policy)' },
  }),
  // A closed case can be a repeat group's master: a problem that was closed and comes back (case.patches.ts).
  // Sent by the API at intake (api/repeats.service.ts): nobody asks for it, no route.
  repeat: apiSignal<RepeatCommand>([...OPEN, 'closed']),
  // The complainant's online rating: its own public route (api/public.routes.ts), no staff route.
  rate: update<RateCommand>({ from: ['replied', 'closed'], grants: { complainant: 'own_case' } }),
};

type Table = typeof CASE_ACTION_TABLE;
export type CaseAction = keyof Table;

/** Each action's payload (the body of its Update or signal). */
export type CasePayloads = { [A in CaseAction]: Table[A] extends ActionRow<infer P, MessageKind, boolean> ? P : never };
/** An action with its payload: `CaseCommandOf<A>` for one action (or a generic one), CaseCommand for any. */
export type CaseCommandOf<A extends CaseAction> = { [K in A]: { kind: K; payload: CasePayloads[K] } }[A];
export type CaseCommand = CaseCommandOf<CaseAction>;

/** The actions sent as Updates, and as signals. */
export type UpdateAction = { [A in CaseAction]: Table[A]['message'] extends 'update' ? A : never }[CaseAction];
export type SignalAction = { [A in CaseAction]: Table[A]['message'] extends 'signal' ? A : never }[CaseAction];
/** The actions a principal asks for (and is granted, domain/access.ts). */
export type GrantedAction = { [A in CaseAction]: Table[A]['byPrincipal'] extends true ? A : never }[CaseAction];

export const isCaseActionName = (name: string): name is CaseAction => Object.hasOwn(CASE_ACTION_TABLE, name);
export const isUpdateAction = (a: CaseAction): a is UpdateAction => CASE_ACTION_TABLE[a].message === 'update';
export const isSignalAction = (a: CaseAction): a is SignalAction => CASE_ACTION_TABLE[a].message === 'signal';
export const isGrantedAction = <A extends CaseAction>(a: A): a is Extract<A, GrantedAction> => CASE_ACTION_TABLE[a].byPrincipal;

/** Every action, in the table's order. */
export const CASE_ACTIONS: readonly CaseAction[] = Object.keys(CASE_ACTION_TABLE).filter(isCaseActionName);
export const UPDATE_ACTIONS: readonly UpdateAction[] = CASE_ACTIONS.filter(isUpdateAction);
export const SIGNAL_ACTIONS: readonly SignalAction[] = CASE_ACTIONS.filter(isSignalAction);
export const GRANTED_ACTIONS: readonly GrantedAction[] = CASE_ACTIONS.filter(isGrantedAction);

/**
 * An action with its payload, as the CaseCommand the rules take, where the action is not known to the compiler (a
 * handler registered for each action of the table in turn, a route per row): TypeScript does not correlate an
 * action variable with its payload's type, so it cannot see that `{ kind, payload }` is one of CaseCommand's
 * members. This overload says so, in this one place; the caller's guarantee is that the payload is the one that
 * came with that action (its Update or signal definition, its route's body schema: both taken from the same row).
 */
export function commandOf<A extends CaseAction>(command: { kind: A; payload: CasePayloads[A] }): CaseCommand;
export function commandOf(command: CaseCommand): CaseCommand {
  return command;
}

/** Which states an action may be taken in. */
export const allowedFrom = (action: CaseAction): readonly CaseStatus[] => CASE_ACTION_TABLE[action].from;
