/**
 * Who may do what, in one table: role × action → scope. Pure rules over plain data; the API asks
 * `decide()` before every action and `piiLevel()` before showing a complainant's personal data.
 *
 * Scopes (the unit tree comes from reference data):
 * - `city`     every case;
 * - `subtree`  cases whose unit (or, before dispatch, whose place) lies in the principal's unit or below it;
 *              a case with neither belongs to the city platform, so only a principal at the root sees it;
 * - `unit`     cases currently assigned to the principal's own unit (the lead unit, in joint handling);
 * - `involved` `unit`, plus cases where the principal's unit cooperates (协办) or receives a copy (抄送);
 * - `cooperating` cases where the principal's unit is a cooperating unit;
 * - `copied`   cases copied to the principal's unit (a district following a case sent to one of its streets);
 * - `own_case` the complainant, for the one case whose number and verification code they presented;
 * - `opened`   a channel's API key (the telephony system, the website, an app, a WeChat account, a mailbox, an Open311
 *              client): the cases that key handed over (the case records the key: `channelKeyId`).
 *
 * Outcome for a case action: the case not visible to the principal at all → not_found (404: do not reveal
 * that it exists); visible but the action not granted there → forbidden (403).
 */
import { CASE_ACTION_TABLE, GRANTED_ACTIONS, type CaseAction, type GrantedAction } from './case.actions.js';
import type { Channel } from './case.types.js';

export const STAFF_ROLES = [
  'intake_agent',
  'dispatcher',
  'unit_handler',
  'unit_leader',
  'supervisor',
  'callback_agent',
  'reviewer',
  'analyst',
  'admin',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
/**
 * `channel`: a system that hands complaints over (a channel's API key, bound to its channel): it opens cases and
 * reads the ones it opened, nothing else. `complainant`: a citizen with their case's verification code.
 */
export type Role = StaffRole | 'complainant' | 'channel';

export const SCOPES = ['city', 'subtree', 'unit', 'involved', 'cooperating', 'copied', 'own_case', 'opened'] as const;
export type Scope = (typeof SCOPES)[number];

/** Actions on one case that are not case actions of the action table (domain/case.actions.ts). */
const CASE_READS = [
  /**
   * Reading the case. Staff get the case view (api/cases.presenter.ts); a complainant gets the plain-language public
   * view (api/public.service.ts), on every route that answers with a case.
   */
  'case.read',
  'case.events',
  /** Related cases (并单): other complainants' case numbers, so staff only. */
  'case.related',
] as const;
/**
 * Sends the complainant their verification code again (a fresh notice): intake agents, for a caller who lost it.
 * The code itself is never shown to staff.
 */
const RESEND_CODE = 'case.resend_code';
/**
 * Photos and videos of a case (api/attachments.service.ts): adding one, and withdrawing one. Reading them is
 * `case.read`. Which stage and state an upload fits, and whose attachment a caller may withdraw, are the rules of
 * domain/attachments.rules.ts.
 */
const ATTACHMENT_ACTIONS = ['case.attach', 'case.detach'] as const;

/** A case action's name in the access table: `case.<action>`. */
export const accessActionOf = <A extends CaseAction>(action: A): `case.${A}` => `case.${action}`;

/**
 * Actions on one case: the principal must see the case (else 404) and hold the action there (else 403). The case
 * actions and who holds them come from the action table (domain/case.actions.ts, its `grants`).
 */
export const CASE_ACCESS_ACTIONS: readonly CaseAccessAction[] = [...CASE_READS, ...GRANTED_ACTIONS.map(accessActionOf), RESEND_CODE, ...ATTACHMENT_ACTIONS];
export type CaseAccessAction = (typeof CASE_READS)[number] | `case.${GrantedAction}` | typeof RESEND_CODE | (typeof ATTACHMENT_ACTIONS)[number];

/** Actions not bound to one case: held or not (403). `case.list` is filtered by the holder's scope. */
export const GENERAL_ACTIONS = [
  'case.open',
  'case.list',
  'reference.read',
  'catalogue.read',
  'catalogue.write',
  'policy.read',
  'policy.write',
  'calendar.write',
  'notification.read',
  'repeat.read',
  'codec.encode',
  'codec.decode',
  /**
   * Assessment (考核): figures, rankings, the cases behind a figure, published rankings, exports
   * (api/assessment.service.ts). `city` reads every unit; `subtree` (a unit's leaders) reads the figures of the
   * principal's unit and the units below it, and in a ranking sees only those rows, each with its rank among all
   * the ranking's peers (reachOf).
   */
  'assessment.read',
  /** Publishing a period's ranking (frozen with its assessment policy version); `subtree`: rankings within it. */
  'assessment.publish',
  /** Storing and activating assessment policy versions (weights, thresholds, the assessment month). */
  'assessment_policy.write',
  /**
   * Analysis (未诉先办): category distribution, trends, hot spots, group complaints, the cases behind each figure, and the
   * generated reports (api/analysis.service.ts, api/reports.service.ts). `city` reads everything; `subtree` (a unit's
   * leaders) the cases placed in or sent to the principal's unit and the units below it, and the reports of that
   * subtree (reachOf).
   */
  'analysis.read',
  /** Generating a report now (a period again makes its next version); `subtree`: reports of units within it. */
  'analysis.report',
  /** Storing and activating analysis policy versions (group-complaint and surge thresholds, cells, report times). */
  'analysis_policy.write',
  /** API keys for systems and channels (api/api-keys.routes.ts): create (the secret shown once), list, revoke. */
  'api_key.manage',
] as const;
export type GeneralAction = (typeof GENERAL_ACTIONS)[number];

export type Action = CaseAccessAction | GeneralAction;
export const ACTIONS: readonly Action[] = [...CASE_ACCESS_ACTIONS, ...GENERAL_ACTIONS];

export const isCaseAction = (a: Action): a is CaseAccessAction => CASE_ACCESS_ACTIONS.some((c) => c === a);

type Grants = Partial<Record<Action, Scope>>;

const readCity: Grants = { 'case.list': 'city', 'case.read': 'city', 'case.events': 'city', 'case.related': 'city', 'reference.read': 'city' };
const readSubtree: Grants = { 'case.list': 'subtree', 'case.read': 'subtree', 'case.events': 'subtree', 'case.related': 'subtree', 'reference.read': 'city' };
const readInvolved: Grants = { 'case.list': 'involved', 'case.read': 'involved', 'case.events': 'involved', 'case.related': 'involved', 'reference.read': 'city' };
/** What the action table grants this role (domain/case.actions.ts): `case.<action>` → scope. */
function caseGrantsOf(role: Role): Grants {
  const grants: Grants = {};
  for (const action of GRANTED_ACTIONS) {
    const scope = CASE_ACTION_TABLE[action].grants[role];
    if (scope !== undefined) grants[accessActionOf(action)] = scope;
  }
  return grants;
}

/**
 * The table. A role not listed for an action does not hold it. The case actions (dispatch, accept, … rate) are
 * granted in the action table (domain/case.actions.ts); here, reading and the actions not bound to one case.
 */
export const ACCESS: Record<Role, Grants> = {
  intake_agent: {
    ...readCity,
    'case.open': 'city',
    'catalogue.read': 'city',
    'case.resend_code': 'city',
    // Photos that came with the complaint (at intake: domain/attachments.rules.ts).
    'case.attach': 'city',
    'case.detach': 'city',
    ...caseGrantsOf('intake_agent'),
  },
  dispatcher: {
    ...readSubtree,
    'case.open': 'city',
    'catalogue.read': 'city',
    // Rules whose area lies in the dispatcher's subtree (checked by the catalogue service).
    'catalogue.write': 'subtree',
    'policy.read': 'city',
    'repeat.read': 'city',
    'case.attach': 'subtree',
    'case.detach': 'subtree',
    ...caseGrantsOf('dispatcher'),
  },
  // The handling unit adds its working and reply photos (the lead unit only, like the reply).
  unit_handler: { ...readInvolved, 'case.attach': 'unit', 'case.detach': 'unit', ...caseGrantsOf('unit_handler') },
  // A unit's leaders read their subtree's figures and their own rank among peers (not the peers' rows).
  unit_leader: { ...readInvolved, 'assessment.read': 'subtree', 'analysis.read': 'subtree', 'case.attach': 'unit', 'case.detach': 'unit', ...caseGrantsOf('unit_leader') },
  supervisor: {
    ...readSubtree,
    'catalogue.read': 'city',
    'policy.read': 'city',
    // The notices of the cases it may list (api/notifications.repository.ts, through listScope).
    'notification.read': 'subtree',
    'repeat.read': 'city',
    'assessment.read': 'city',
    'assessment.publish': 'subtree',
    'analysis.read': 'city',
    'analysis.report': 'subtree',
    // Withdraws any attachment of its subtree's cases (a photo showing a bystander), never adds one.
    'case.detach': 'subtree',
    ...caseGrantsOf('supervisor'),
  },
  callback_agent: { ...readCity, ...caseGrantsOf('callback_agent') },
  reviewer: { ...readCity, ...caseGrantsOf('reviewer') },
  analyst: {
    'case.list': 'city',
    'case.read': 'city',
    'case.related': 'city',
    'reference.read': 'city',
    'policy.read': 'city',
    'repeat.read': 'city',
    'assessment.read': 'city',
    'analysis.read': 'city',
    'analysis.report': 'city',
  },
  admin: {
    ...readCity,
    'codec.encode': 'city',
    'codec.decode': 'city',
    'catalogue.read': 'city',
    'catalogue.write': 'city',
    'policy.read': 'city',
    'policy.write': 'city',
    'calendar.write': 'city',
    'notification.read': 'city',
    'assessment.read': 'city',
    'assessment.publish': 'city',
    'assessment_policy.write': 'city',
    'analysis.read': 'city',
    'analysis.report': 'city',
    'analysis_policy.write': 'city',
    'api_key.manage': 'city',
  },
  // A channel's system opens cases (its channel taken from its key) and follows the ones it handed over — the case
  // view as anyone who does not handle the case reads it (the complainant masked), and lists of those cases; the
  // taxonomy and the org tree to fill in a complaint. Not the timeline, not related cases, no action on a case.
  channel: { 'case.open': 'city', 'case.read': 'opened', 'case.list': 'opened', 'reference.read': 'city' },
  // The plain-language view of their own case (what api/public.service.ts builds: no staff, no internal notes, no
  // other case) and the online rating. Not the staff timeline, not related cases: other complainants' numbers.
  complainant: { 'case.read': 'own_case', 'case.attach': 'own_case', 'case.detach': 'own_case', ...caseGrantsOf('complainant') },
};

/** The case status in which the callback survey is due. */
export const CALLBACK_STATUS = 'replied';

/**
 * What of the complainant's personal data a reader gets in clear: `all` (name, phone, exact place), `place` (the
 * exact place — address and coordinates — with name and phone masked), or nothing (everything masked: 张*,
 * 138****5678, the address cut after the district, coordinates to 0.01°). Phone numbers typed into free text
 * follow the contact: in clear only for a reader who sees it all.
 */
export type PiiLevel = 'all' | 'place' | 'masked';

/**
 * Who sees the complainant's personal data in clear: those handling the case, and each only where and while they
 * do. A grant holds where its scope holds (and, with `status`, while the case is in that status).
 *
 * - The unit that has the case (`unit`: the lead unit in joint handling), its handlers and leaders: `all`. They
 *   contact the complainant (联系, `case.contact` is `unit`), handle on site and reply.
 * - The callback agent, while the callback survey is due (`replied`): `all`. They phone the complainant.
 * - The complainant, for their own case: `all` (what they typed in).
 * - A cooperating unit (协办), its handlers and leaders: `place` only. Its part is work at the place (城管 removing
 *   a stall, 住建 inspecting a building), so it needs the address; it does not need the name or phone: it reports to
 *   the lead unit (`case.report`), never to the complainant — contacting the complainant is the lead's (`case.contact`
 *   is `unit`) and the callback agent's. If the lead needs the cooperating unit to call, it passes the number on.
 * - A unit that is only copied (抄送: a district following a case sent to one of its streets): nothing. It follows
 *   the case and may urge it; it does not handle it.
 * - Everyone else (intake agents once the case is open, dispatchers, supervisors, reviewers, analysts, admins):
 *   nothing, in lists and exports too. Lists are always masked, whoever reads them.
 */
export interface PiiGrant {
  scope: Scope;
  sees: Exclude<PiiLevel, 'masked'>;
  status?: string;
}
export const PII_CLEAR: Partial<Record<Role, readonly PiiGrant[]>> = {
  unit_handler: [{ scope: 'unit', sees: 'all' }, { scope: 'cooperating', sees: 'place' }],
  unit_leader: [{ scope: 'unit', sees: 'all' }, { scope: 'cooperating', sees: 'place' }],
  callback_agent: [{ scope: 'city', sees: 'all', status: CALLBACK_STATUS }],
  complainant: [{ scope: 'own_case', sees: 'all' }],
};

export interface Principal {
  /** Stable id for the timeline's "who" and for rate limits (user id, `apikey:<id>`, `case:<number>`). */
  id: string;
  kind: 'user' | 'system' | 'complainant';
  roles: readonly Role[];
  /** The unit the principal belongs to; scope is measured from it. */
  unitId: string | null;
  /** Complainant principals only: the case they proved they own. */
  caseId?: string;
  /**
   * A channel's API key (role `channel`): the key (api_keys.id) and the channel it is bound to. Its complaints come
   * from that channel, and the cases it opened carry the key (CaseTarget.channelKeyId).
   */
  channel?: { keyId: string; channel: Channel };
}

/** The case facts access depends on. */
export interface CaseTarget {
  id: string;
  status: string;
  unitId: string | null;
  areaUnitId: string | null;
  /** Units that received a copy (抄送). */
  copiedUnitIds?: readonly string[];
  /** Cooperating units (协办) of joint handling. */
  cooperatingUnitIds?: readonly string[];
  /** The channel API key that handed the complaint over (null: opened by staff). */
  channelKeyId?: string | null;
}

/** The organisation tree as access needs it. */
export interface UnitTree {
  /** true when `unitId` is `ancestorId` or lies below it. */
  within(unitId: string, ancestorId: string): boolean;
  isRoot(unitId: string): boolean;
  /** `unitId` and every unit below it. */
  subtree(unitId: string): string[];
}

/** The unit tree from materialised paths ('city/d01/d01-s01'). */
export function unitTreeOf(paths: ReadonlyMap<string, string>): UnitTree {
  const children = new Map<string, string[]>();
  for (const [id, p] of paths) {
    const parent = p.split('/').at(-2);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), id]);
  }
  return {
    within(unitId, ancestorId) {
      const u = paths.get(unitId);
      const a = paths.get(ancestorId);
      return u !== undefined && a !== undefined && (u === a || u.startsWith(`${a}/`));
    },
    isRoot: (unitId) => paths.has(unitId) && !paths.get(unitId)!.includes('/'),
    subtree(unitId) {
      if (!paths.has(unitId)) return [];
      const out: string[] = [];
      const stack = [unitId];
      while (stack.length) {
        const id = stack.pop()!;
        out.push(id);
        stack.push(...(children.get(id) ?? []));
      }
      return out;
    },
  };
}

export function inScope(p: Principal, scope: Scope, c: CaseTarget, tree: UnitTree): boolean {
  switch (scope) {
    case 'city':
      return true;
    case 'own_case':
      return p.caseId !== undefined && p.caseId === c.id;
    case 'opened':
      return p.channel !== undefined && c.channelKeyId === p.channel.keyId;
    case 'unit':
      return p.unitId !== null && c.unitId === p.unitId;
    case 'cooperating':
      return p.unitId !== null && (c.cooperatingUnitIds ?? []).includes(p.unitId);
    case 'copied':
      return p.unitId !== null && (c.copiedUnitIds ?? []).includes(p.unitId);
    case 'involved':
      return inScope(p, 'unit', c, tree) || inScope(p, 'cooperating', c, tree) || inScope(p, 'copied', c, tree);
    case 'subtree': {
      if (p.unitId === null) return false;
      const place = c.unitId ?? c.areaUnitId;
      return place === null ? tree.isRoot(p.unitId) : tree.within(place, p.unitId);
    }
  }
}

export type Decision = { outcome: 'allow'; role: Role } | { outcome: 'forbidden' } | { outcome: 'not_found' };

/** The role that grants `action` (on `target`, for case actions), or why not. */
export function decide(p: Principal, action: Action, tree: UnitTree, target?: CaseTarget): Decision {
  if (!isCaseAction(action)) {
    const role = p.roles.find((r) => ACCESS[r]?.[action] !== undefined);
    return role ? { outcome: 'allow', role } : { outcome: 'forbidden' };
  }
  if (!target) throw new Error(`${action} needs the case it acts on`);
  const grantedHere = (a: Action) => p.roles.find((r) => {
    const scope = ACCESS[r]?.[a];
    return scope !== undefined && inScope(p, scope, target, tree);
  });
  if (!grantedHere('case.read')) return { outcome: 'not_found' };
  const role = grantedHere(action);
  return role ? { outcome: 'allow', role } : { outcome: 'forbidden' };
}

/** How much of the complainant's personal data of this case this principal sees in clear (PII_CLEAR). */
export function piiLevel(p: Principal, c: CaseTarget, tree: UnitTree): PiiLevel {
  let level: PiiLevel = 'masked';
  for (const r of p.roles) {
    // A role sees nothing of a case it may not read at all.
    const read = ACCESS[r]?.['case.read'];
    if (!read || !inScope(p, read, c, tree)) continue;
    for (const g of PII_CLEAR[r] ?? []) {
      if (!inScope(p, g.scope, c, tree) || (g.status !== undefined && c.status !== g.status)) continue;
      if (g.sees === 'all') return 'all';
      level = g.sees;
    }
  }
  return level;
}

/** Whether this principal sees the complainant's name, phone and place of this case in clear. */
export function piiVisible(p: Principal, c: CaseTarget, tree: UnitTree): boolean {
  return piiLevel(p, c, tree) === 'all';
}

/**
 * What a list may return to this principal: everything, or cases in these units (by current unit, or by place
 * while not yet dispatched), or nothing. `case.list` for cases; the same rule for whatever else is listed per case
 * (`notification.read`: the notices of the cases in that scope).
 */
export type ListScope =
  | { all: true }
  | {
      all: false;
      unitIds: string[];
      placeUnitIds: string[];
      involvedUnitIds: string[];
      /** The cases a channel's API key handed over (scope `opened`). */
      openedByKeyId?: string;
    };

export function listScope(p: Principal, tree: UnitTree, action: 'case.list' | 'notification.read' = 'case.list'): ListScope {
  const scopes = p.roles.map((r) => ACCESS[r]?.[action]).filter((s): s is Scope => s !== undefined);
  if (scopes.includes('city')) return { all: true };
  const unitIds = new Set<string>();
  const placeUnitIds = new Set<string>();
  if (p.unitId !== null) {
    if (scopes.includes('subtree')) {
      if (tree.isRoot(p.unitId)) return { all: true };
      for (const u of tree.subtree(p.unitId)) {
        unitIds.add(u);
        placeUnitIds.add(u);
      }
    }
    if (scopes.includes('unit') || scopes.includes('involved')) unitIds.add(p.unitId);
  }
  const involvedUnitIds = p.unitId !== null && scopes.includes('involved') ? [p.unitId] : [];
  const opened = scopes.includes('opened') && p.channel ? { openedByKeyId: p.channel.keyId } : {};
  return { all: false, unitIds: [...unitIds], placeUnitIds: [...placeUnitIds], involvedUnitIds, ...opened };
}

/**
 * How far a general action reaches over the unit tree for this principal: every unit (`city`, or `subtree` held at
 * the root), the subtree of the principal's unit, or nowhere (null: the action is not held, or held by unit scope
 * without a unit). The assessment routes measure what they show with it.
 */
export type Reach = { all: true } | { all: false; unitId: string };

export function reachOf(p: Principal, action: GeneralAction, tree: UnitTree): Reach | null {
  const scopes = p.roles.map((r) => ACCESS[r]?.[action]).filter((s): s is Scope => s !== undefined);
  if (scopes.includes('city')) return { all: true };
  if (p.unitId === null || !scopes.includes('subtree')) return null;
  return tree.isRoot(p.unitId) ? { all: true } : { all: false, unitId: p.unitId };
}

/** Whether a unit lies within a reach. */
export function withinReach(reach: Reach, unitId: string, tree: UnitTree): boolean {
  return reach.all || tree.within(unitId, reach.unitId);
}
