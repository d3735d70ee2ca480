/**
 * Repeat complaints (并单) in the case record: the indexed search for earlier cases with the same demand, a case's
 * related cases, and the open masters. The rules that decide are in domain/repeats.rules.ts; this only reads.
 *
 * The search is ONE round trip: a UNION of up to three index-friendly SELECTs, each with the category and the
 * policy's window (created_at between the window's start, counted back on the calendar, and now), each LIMITed and
 * read oldest first (the master of a group is its oldest case), open and closed cases alike, and the master's age and
 * status joined on (it need not match the new complaint):
 * - the same place:       category_id = $1 and area_unit_id = $a              → cases_repeat_place_idx (category_id, area_unit_id, created_at)
 *                         (only for a complaint placed at a community or grid: a street or district is no place)
 * - the same coordinates: category_id = $1 and lat/lng between the box's edges → cases_repeat_coords_idx (category_id, lat, lng) where lat is not null
 * - the same complainant: complainant_phone = any($spellings) and category_id  → cases_repeat_complainant_idx (complainant_phone, category_id, created_at)
 * test/repeats.plan.test.ts EXPLAINs each branch (and the whole query) on 20 000 rows and checks the index named here.
 * Cases answered at triage are never candidates (triage is null).
 */
import { and, asc, desc, eq, inArray, isNotNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type pg from 'pg';
import type { Database } from '../db/client.js';
import { cases } from '../db/schema.js';
import { DomainError } from '../domain/errors.js';
import { windowStart } from '../domain/deadlines.js';
import type { WorkCalendar } from '../domain/calendar.rules.js';
import type { CasePolicy, RepeatPolicy } from '../domain/policy.types.js';
import { boundingBox, chooseMaster, normalisePhone, phoneSpellings, placedAt, type RepeatCandidate, type RepeatComplaint } from '../domain/repeats.rules.js';
import type { RepeatCard } from '../domain/case.types.js';
import { CASE_ID_PATTERN, storableInstant } from './cases.schemas.js';
import type { GroupFlagCase } from './group-flags.js';

export const CANDIDATE_BRANCHES = ['place', 'coords', 'complainant'] as const;
export type CandidateBranch = (typeof CANDIDATE_BRANCHES)[number];
/** The index each branch of the search is written for. */
export const CANDIDATE_INDEX: Record<CandidateBranch, string> = {
  place: 'cases_repeat_place_idx',
  coords: 'cases_repeat_coords_idx',
  complainant: 'cases_repeat_complainant_idx',
};
/** Rows per branch: a hot spot's month can hold hundreds; its oldest cases hold the group's master. */
export const BRANCH_LIMIT = 100;

const COLUMNS = 'id, category_id, area_unit_id, lat, lng, complainant_phone, created_at, status, master_case_id, repeat_count';

/** The branches that apply to a complaint: a place needs an area that is a place, coordinates need both. */
export function branchesFor(complaint: RepeatComplaint): CandidateBranch[] {
  const out: CandidateBranch[] = [];
  if (placedAt(complaint)) out.push('place');
  if (typeof complaint.lat === 'number' && typeof complaint.lng === 'number') out.push('coords');
  if (phoneSpellings(complaint.phone).length) out.push('complainant');
  return out;
}

/** The search's SQL and parameters (exported for the plan test); `only`: a subset of the branches. */
export function candidateQuery(
  complaint: RepeatComplaint,
  policy: RepeatPolicy,
  calendar: WorkCalendar,
  only?: readonly CandidateBranch[],
): { text: string; values: unknown[] } | null {
  const branches = branchesFor(complaint).filter((b) => !only || only.includes(b));
  if (!branches.length) return null;
  const values: unknown[] = [complaint.categoryId, new Date(windowStart(complaint.createdAt, policy.window, calendar)), new Date(complaint.createdAt)];
  const param = (v: unknown) => `$${values.push(v)}`;
  const common = 'created_at between $2 and $3 and triage is null order by created_at';
  const selects = branches.map((b) => {
    if (b === 'place') return `(select ${COLUMNS} from cases where category_id = $1 and area_unit_id = ${param(complaint.areaUnitId)} and ${common} limit ${BRANCH_LIMIT})`;
    if (b === 'coords') {
      const box = boundingBox(complaint.lat!, complaint.lng!, policy.distanceMeters);
      return (
        `(select ${COLUMNS} from cases where category_id = $1 and lat is not null` +
        ` and lat between ${param(box.minLat)} and ${param(box.maxLat)} and lng between ${param(box.minLng)} and ${param(box.maxLng)}` +
        ` and ${common} limit ${BRANCH_LIMIT})`
      );
    }
    return `(select ${COLUMNS} from cases where complainant_phone = any(${param(phoneSpellings(complaint.phone))}::text[]) and category_id = $1 and ${common} limit ${BRANCH_LIMIT})`;
  });
  const text =
    `select m.*, mc.created_at as master_created_at, mc.status as master_status from (${selects.join(' union ')}) m` +
    ' left join cases mc on mc.id = m.master_case_id';
  return { text, values };
}

interface CandidateRow {
  id: string;
  category_id: string;
  area_unit_id: string | null;
  lat: number | null;
  lng: number | null;
  /** null: no phone given (an anonymous complaint), which matches no complainant. */
  complainant_phone: string | null;
  created_at: Date;
  status: string;
  master_case_id: string | null;
  repeat_count: number;
  master_created_at: Date | null;
  master_status: string | null;
}

const toCandidate = (r: CandidateRow): RepeatCandidate => ({
  id: r.id,
  categoryId: r.category_id,
  areaUnitId: r.area_unit_id,
  lat: r.lat,
  lng: r.lng,
  phone: r.complainant_phone ?? '',
  createdAt: r.created_at.getTime(),
  status: r.status,
  masterCaseId: r.master_case_id,
  repeatCount: r.repeat_count,
  master: r.master_created_at && r.master_status ? { createdAt: r.master_created_at.getTime(), status: r.master_status } : null,
});

/** The search gave up waiting (the intake goes on without it). */
export class RepeatSearchTimeout extends Error {
  constructor(ms: number) {
    super(`the repeat search took longer than ${ms} ms`);
    this.name = 'RepeatSearchTimeout';
  }
}

/**
 * Earlier cases that may carry the same demand (the rules decide which do). With a timeout, the answer is given up
 * after that long, waiting for a connection included, and the query itself is cut off then (its connection is
 * dropped rather than left busy).
 */
export async function findCandidates(
  db: Database,
  complaint: RepeatComplaint,
  policy: RepeatPolicy,
  calendar: WorkCalendar,
  options: { timeoutMs?: number } = {},
): Promise<RepeatCandidate[]> {
  const query = candidateQuery(complaint, policy, calendar);
  if (!query) return [];
  const pool = (db as unknown as { $client: pg.Pool }).$client;
  const ms = options.timeoutMs;
  const run = pool.query<CandidateRow>({ ...query, ...(ms && { query_timeout: ms }) } as pg.QueryConfig).then((res) => res.rows.map(toCandidate));
  if (!ms) return run;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RepeatSearchTimeout(ms)), ms);
  });
  run.catch(() => {}); // answered after the timeout: nobody is waiting
  try {
    return await Promise.race([run, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A related case as the record has it, with what access needs to decide whether the caller may see it. */
export interface RelatedRow {
  id: string;
  relation: 'master' | 'member' | 'match';
  status: string;
  outcome: string | null;
  title: string;
  categoryId: string;
  unitId: string | null;
  areaUnitId: string | null;
  copiedUnitIds: string[];
  cooperatingUnitIds: string[];
  createdAt: Date;
  closedAt: Date | null;
  masterCaseId: string | null;
  repeatCount: number;
  repeatCard: RepeatCard | null;
}

const RELATED_COLUMNS = {
  id: cases.id,
  status: cases.status,
  outcome: cases.outcome,
  title: cases.title,
  categoryId: cases.categoryId,
  unitId: cases.unitId,
  areaUnitId: cases.areaUnitId,
  copiedUnitIds: cases.copiedUnitIds,
  cooperatingUnitIds: cases.cooperatingUnitIds,
  createdAt: cases.createdAt,
  closedAt: cases.closedAt,
  masterCaseId: cases.masterCaseId,
  repeatCount: cases.repeatCount,
  repeatCard: cases.repeatCard,
};

/**
 * A recorded case's related cases, oldest first, itself left out: the master of its group, the group's members
 * (cases_master_idx) and the earlier cases with the same demand under `policy` (closed ones too), and what the group
 * complaint lookup reads of the case itself (api/group-flags.ts). null: no record.
 * `unitType`: the type of a unit in the org tree (whether the case's area is a place).
 */
export async function related(
  db: Database,
  caseId: string,
  policy: CasePolicy | undefined,
  unitType: (unitId: string) => string | undefined,
): Promise<{ masterCaseId: string | null; items: RelatedRow[]; self: GroupFlagCase } | null> {
  const [self] = await db.select().from(cases).where(eq(cases.id, caseId));
  if (!self) return null;
  const masterId = self.masterCaseId ?? self.id;
  let matchIds: string[] = [];
  const rules = policy?.repeats;
  if (policy && rules && !self.triage) {
    const complaint: RepeatComplaint = {
      id: self.id,
      categoryId: self.categoryId,
      areaUnitId: self.areaUnitId,
      areaUnitType: self.areaUnitId ? (unitType(self.areaUnitId) ?? null) : null,
      lat: self.lat,
      lng: self.lng,
      phone: normalisePhone(self.complainantPhone ?? ''),
      createdAt: self.createdAt.getTime(),
    };
    matchIds = chooseMaster(complaint, await findCandidates(db, complaint, rules, policy.calendar), rules, policy.calendar).matches.map((m) => m.id);
  }
  const rows = await db
    .select(RELATED_COLUMNS)
    .from(cases)
    .where(or(eq(cases.id, masterId), eq(cases.masterCaseId, masterId), ...(matchIds.length ? [inArray(cases.id, matchIds)] : [])))
    .orderBy(asc(cases.createdAt), asc(cases.id));
  const items: RelatedRow[] = rows
    .filter((r) => r.id !== caseId)
    .map((r) => ({
      ...r,
      relation: r.id === masterId ? 'master' : r.masterCaseId === masterId ? 'member' : 'match',
      repeatCard: (r.repeatCard as RepeatCard | null) ?? null,
    }));
  const grouped = self.masterCaseId !== null || items.some((i) => i.relation === 'member');
  const facts: GroupFlagCase = {
    id: self.id,
    categoryId: self.categoryId,
    receivedAt: self.receivedAt.toISOString(),
    areaUnitId: self.areaUnitId,
    lat: self.lat,
    lng: self.lng,
    hasPhone: /\d/.test(self.complainantPhone ?? ''),
  };
  return { masterCaseId: grouped ? masterId : null, items, self: facts };
}

/** Recorded cases by number, as related cases are read (the intake desk's likely repeats). */
export async function byIds(db: Database, ids: readonly string[]): Promise<Array<Omit<RelatedRow, 'relation'>>> {
  if (!ids.length) return [];
  const rows = await db.select(RELATED_COLUMNS).from(cases).where(inArray(cases.id, [...ids]));
  return rows.map((r) => ({ ...r, repeatCard: (r.repeatCard as RepeatCard | null) ?? null }));
}

/** Keyset cursor of the masters list: base64url("<repeat count>|<created_at ISO>|<id>"), only that exact form taken back. */
export function encodeMastersCursor(r: { repeatCount: number; createdAt: Date; id: string }): string {
  return Buffer.from(`${r.repeatCount}|${r.createdAt.toISOString()}|${r.id}`).toString('base64url');
}
const MASTERS_CURSOR = /^([1-9]\d{0,8})\|(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|(.*)$/s;
export function decodeMastersCursor(cursor: string): { repeatCount: number; createdAt: Date; id: string } {
  const m = MASTERS_CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const parsed = m ? { repeatCount: Number(m[1]), createdAt: new Date(m[2]!), id: m[3]! } : null;
  const issued =
    parsed !== null &&
    storableInstant(parsed.createdAt.getTime()) &&
    parsed.createdAt.toISOString() === m![2] &&
    CASE_ID_PATTERN.test(parsed.id) &&
    encodeMastersCursor(parsed) === cursor;
  if (!issued) throw new DomainError('validation_failed', 'malformed cursor', { errors: [{ field: 'query.cursor', reason: 'not a cursor this API issued' }] });
  return parsed;
}

export interface OpenMastersQuery {
  limit: number;
  cursor?: string;
  card?: RepeatCard;
}

/**
 * The SELECT behind GET /v1/repeats, unexecuted (the plan test EXPLAINs it): masters of groups that are still open —
 * the master open, or a closed master with an open member (a problem closed and back) — hottest first (the most
 * complaints), then newest. Masters are exactly the cases other cases point at, so the candidates come from the small
 * partial index cases_master_idx (linked cases only), not from the whole table; so do their open members.
 */
export function openMastersQuery(db: Database, q: OpenMastersQuery) {
  const where: SQL[] = [
    inArray(cases.id, db.select({ id: cases.masterCaseId }).from(cases).where(isNotNull(cases.masterCaseId))),
    sql`${cases.repeatCount} > 1`,
    or(ne(cases.status, 'closed'), sql`exists (select 1 from cases m where m.master_case_id = ${cases.id} and m.status <> 'closed')`)!,
  ];
  if (q.card) where.push(eq(cases.repeatCard, q.card));
  if (q.cursor) {
    const c = decodeMastersCursor(q.cursor);
    where.push(sql`(${cases.repeatCount}, ${cases.createdAt}, ${cases.id}) < (${c.repeatCount}::int, ${c.createdAt.toISOString()}::timestamptz, ${c.id}::text)`);
  }
  return db
    .select({ ...RELATED_COLUMNS, escalationLevel: cases.escalationLevel, updatedAt: cases.updatedAt })
    .from(cases)
    .where(and(...where))
    .orderBy(desc(cases.repeatCount), desc(cases.createdAt), desc(cases.id))
    .limit(q.limit + 1);
}

export async function openMasters(db: Database, q: OpenMastersQuery) {
  const rows = await openMastersQuery(db, q);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({ ...r, repeatCard: (r.repeatCard as RepeatCard | null) ?? null })),
    nextCursor: rows.length > q.limit && last ? encodeMastersCursor(last) : null,
  };
}

export function createRepeatsRepository(db: Database) {
  return {
    findCandidates: (complaint: RepeatComplaint, policy: RepeatPolicy, calendar: WorkCalendar, options?: { timeoutMs?: number }) =>
      findCandidates(db, complaint, policy, calendar, options),
    related: (caseId: string, policy: CasePolicy | undefined, unitType: (unitId: string) => string | undefined) => related(db, caseId, policy, unitType),
    openMasters: (q: OpenMastersQuery) => openMasters(db, q),
    byIds: (ids: readonly string[]) => byIds(db, ids),
  };
}

export type RepeatsRepository = ReturnType<typeof createRepeatsRepository>;
