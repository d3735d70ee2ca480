/**
 * Who receives a notice, from the unit data (db/seed-data.ts shape: principalLeader, deputyLeader, officePhone),
 * not from code. The outbox row names a role (`recipient`) and a unit (`unit_id`); resolution turns them into a
 * person or a desk at delivery time:
 *
 * | recipient          | receives                                                                           |
 * |--------------------|------------------------------------------------------------------------------------|
 * | `deputy_leader`    | the unit's deputy leader (yellow warnings)                                          |
 * | `principal_leader` | the unit's principal leader (red warnings, overdue parts, hold reviews)             |
 * | `handler`          | the unit's hotline desk: its name and office phone (copies, urging, cooperation)    |
 * | `unit_leader`      | escalation level 1: the principal leader of the case's unit                         |
 * | `district`         | escalation level 2: the principal leader of the district above the case's unit      |
 * |                    | (or above its place, before dispatch); the city's when there is none                 |
 * | `supervising_leader` | the overdue ladder's level 2: the principal leader of the unit directly above the  |
 * |                    | notice's unit in the org tree (a community's street, a street's district, a         |
 * |                    | department's or the hotline centre's city); the city's for the root or no unit       |
 * | `city`             | escalation level 3 and the 通报: the city's (the root unit's) principal leader      |
 * | `complainant`      | the case's complainant (受理告知), name and phone read from the case row at send time |
 * | a unit id          | that unit's hotline desk (urging notices name the unit they push)                   |
 * | `dispatch`         | the city platform's desk (an urging notice for a case at no unit)                   |
 *
 * A case at no unit (escalated before dispatch) belongs to the city platform: `unit_leader` is the city's leader.
 * Resolution is pure over plain data; `createRecipientLoader` reads that data for a batch of notices.
 */
import { inArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { cases, units } from '../db/schema.js';

export interface UnitInfo {
  id: string;
  name: string;
  type: string;
  parentId: string | null;
  principalLeader: string;
  deputyLeader: string;
  officePhone: string;
}

/** What resolution needs of the case; `complainant` only for notices addressed to them (personal data). */
export interface CaseInfo {
  id: string;
  unitId: string | null;
  areaUnitId: string | null;
  /** name or phone null: not given (an anonymous complaint); without a phone the complainant cannot be told. */
  complainant?: { name: string | null; phone: string | null } | null;
}

/** The outbox columns that say who a notice is for. */
export interface NoticeAddress {
  caseId: string;
  unitId: string | null;
  recipient: string;
}

export type RecipientKind = 'leader' | 'desk' | 'complainant';

export interface ResolvedRecipient {
  /** The role the notice named (the outbox's `recipient`). */
  role: string;
  kind: RecipientKind;
  /** A leader: title and name ("区长 胡振华"); a desk: the unit's name; the complainant: their name (personal data). */
  name: string;
  /** The unit's office phone (leaders and desks); the complainant's phone (personal data). */
  phone: string;
  /** The unit whose data named the recipient (null for the complainant). */
  unitId: string | null;
  unitName: string | null;
}

export type Resolution =
  | { ok: true; to: ResolvedRecipient }
  /** retryable: the data may still come (a case row not projected yet); otherwise the notice cannot be delivered. */
  | { ok: false; retryable: boolean; error: string };

/** The label a complainant recipient is recorded under: their name is never stored with the notice. */
export const COMPLAINANT_LABEL = '诉求人';

/** What `notifications.recipient_name` keeps: a leader's title and name, a desk's unit and phone, never the complainant. */
export function recordedName(to: ResolvedRecipient): string {
  switch (to.kind) {
    case 'leader':
      return to.name;
    case 'desk':
      return `${to.name} (${to.phone})`;
    case 'complainant':
      return COMPLAINANT_LABEL;
  }
}

/** The root of the unit tree (the city): the unit without a parent. */
export function rootUnit(unitData: ReadonlyMap<string, UnitInfo>): UnitInfo | undefined {
  for (const u of unitData.values()) if (u.parentId === null) return u;
  return undefined;
}

/** The unit directly above `unitId` in the org tree: its supervising level (undefined for the root or an unknown unit). */
export function supervisingUnit(unitData: ReadonlyMap<string, UnitInfo>, unitId: string): UnitInfo | undefined {
  const u = unitData.get(unitId);
  return u?.parentId ? unitData.get(u.parentId) : undefined;
}

/** `unitId` itself or the nearest unit above it of this type (undefined when there is none). */
export function ancestorOfType(unitData: ReadonlyMap<string, UnitInfo>, unitId: string, type: string): UnitInfo | undefined {
  const seen = new Set<string>();
  let u = unitData.get(unitId);
  while (u && !seen.has(u.id)) {
    if (u.type === type) return u;
    seen.add(u.id);
    u = u.parentId === null ? undefined : unitData.get(u.parentId);
  }
  return undefined;
}

const leader = (role: string, u: UnitInfo, which: 'principalLeader' | 'deputyLeader'): Resolution => ({
  ok: true,
  to: { role, kind: 'leader', name: u[which], phone: u.officePhone, unitId: u.id, unitName: u.name },
});
const desk = (role: string, u: UnitInfo): Resolution => ({
  ok: true,
  to: { role, kind: 'desk', name: u.name, phone: u.officePhone, unitId: u.id, unitName: u.name },
});
const fail = (error: string, retryable = false): Resolution => ({ ok: false, retryable, error });

/** Resolves one notice's recipient over the unit data and the case's record (`kase` undefined: no row yet). */
export function resolveRecipient(notice: NoticeAddress, kase: CaseInfo | undefined, unitData: ReadonlyMap<string, UnitInfo>): Resolution {
  const role = notice.recipient;
  const root = rootUnit(unitData);
  const noRoot = () => fail('the unit data has no root (city) unit');
  const notYet = () => fail(`case ${notice.caseId} is not in the record yet`, true);
  // The notice's own unit, else the case's current unit.
  const caseUnitId = notice.unitId ?? kase?.unitId ?? null;
  const caseUnit = caseUnitId ? unitData.get(caseUnitId) : undefined;
  const unknownUnit = () => fail(`unit ${caseUnitId} is not in the unit data`);

  switch (role) {
    case 'deputy_leader':
    case 'principal_leader':
    case 'handler': {
      if (!caseUnitId) return kase ? fail(`a ${role} notice names no unit`) : notYet();
      if (!caseUnit) return unknownUnit();
      if (role === 'handler') return desk(role, caseUnit);
      return leader(role, caseUnit, role === 'deputy_leader' ? 'deputyLeader' : 'principalLeader');
    }
    case 'unit_leader': {
      if (caseUnitId) return caseUnit ? leader(role, caseUnit, 'principalLeader') : unknownUnit();
      if (!kase) return notYet();
      return root ? leader(role, root, 'principalLeader') : noRoot();
    }
    case 'district': {
      if (!caseUnitId && !kase) return notYet();
      const from = caseUnitId ?? kase?.areaUnitId ?? null;
      const u = (from ? ancestorOfType(unitData, from, 'district') : undefined) ?? root;
      return u ? leader(role, u, 'principalLeader') : noRoot();
    }
    case 'supervising_leader': {
      if (!caseUnitId && !kase) return notYet();
      if (caseUnitId && !caseUnit) return unknownUnit();
      const u = (caseUnitId ? supervisingUnit(unitData, caseUnitId) : undefined) ?? root;
      return u ? leader(role, u, 'principalLeader') : noRoot();
    }
    case 'city':
      return root ? leader(role, root, 'principalLeader') : noRoot();
    case 'dispatch':
      return root ? desk(role, root) : noRoot();
    case 'complainant': {
      if (!kase) return notYet();
      const c = kase.complainant;
      if (!c?.phone?.trim()) return fail('the case record has no complainant contact');
      return { ok: true, to: { role, kind: 'complainant', name: c.name ?? COMPLAINANT_LABEL, phone: c.phone, unitId: null, unitName: null } };
    }
    default: {
      // Urging names the unit it pushes.
      const u = unitData.get(role);
      return u ? desk(role, u) : fail(`unknown recipient ${JSON.stringify(role.slice(0, 64))}`);
    }
  }
}

export interface RecipientData {
  units: ReadonlyMap<string, UnitInfo>;
  cases: ReadonlyMap<string, CaseInfo>;
}

/**
 * Reads what a batch of notices needs: the unit data (cached for `unitsTtlMs`, default 30 s: leaders change
 * rarely) and the cases' units and places; the complainant's name and phone only for the cases with a notice to
 * the complainant, read at send time and never kept beyond the batch.
 */
export function createRecipientLoader(db: Database, options: { unitsTtlMs?: number } = {}) {
  const ttl = options.unitsTtlMs ?? 30_000;
  let cached: { at: number; units: Map<string, UnitInfo> } | null = null;

  async function loadUnits(): Promise<Map<string, UnitInfo>> {
    if (cached && Date.now() - cached.at < ttl) return cached.units;
    const rows = await db
      .select({
        id: units.id,
        name: units.name,
        type: units.type,
        parentId: units.parentId,
        principalLeader: units.principalLeader,
        deputyLeader: units.deputyLeader,
        officePhone: units.officePhone,
      })
      .from(units);
    cached = { at: Date.now(), units: new Map(rows.map((r) => [r.id, r])) };
    return cached.units;
  }

  return {
    async load(notices: readonly NoticeAddress[]): Promise<RecipientData> {
      const caseIds = [...new Set(notices.map((n) => n.caseId))];
      const contactIds = [...new Set(notices.filter((n) => n.recipient === 'complainant').map((n) => n.caseId))];
      const [unitData, caseRows, contacts] = await Promise.all([
        loadUnits(),
        caseIds.length
          ? db.select({ id: cases.id, unitId: cases.unitId, areaUnitId: cases.areaUnitId }).from(cases).where(inArray(cases.id, caseIds))
          : Promise.resolve([]),
        contactIds.length
          ? db
              .select({ id: cases.id, name: cases.complainantName, phone: cases.complainantPhone })
              .from(cases)
              .where(inArray(cases.id, contactIds))
          : Promise.resolve([]),
      ]);
      const contactOf = new Map(contacts.map((c) => [c.id, { name: c.name, phone: c.phone }]));
      const caseData = new Map<string, CaseInfo>(
        caseRows.map((c) => [c.id, { ...c, ...(contactOf.has(c.id) && { complainant: contactOf.get(c.id)! }) }]),
      );
      return { units: unitData, cases: caseData };
    },
  };
}
export type RecipientLoader = ReturnType<typeof createRecipientLoader>;
