/**
 * The case's row, in one place: a case's state (and intake) to the `cases` row the projection writes
 * (activities/case.activities.ts), and the row back to the state and intake where the API reads the record
 * (api/cases.repository.ts). The views are made from that state by api/cases.presenter.ts alone.
 *
 * Every column of `cases` holds the state's field of the same name, as it is (STATE_COLUMNS), unless it is named
 * below: the intake's (written once), and those renamed or derived (FROM_STATE, TO_STATE). So a field added to
 * CaseState and a column of the same name need nothing here; the compiler checks the rest: a column that is neither
 * a field of the state nor named below, a state field with no column nor a TO_STATE entry, or types that differ.
 */
import { getTableColumns } from 'drizzle-orm';
import { nextDueAt, replyDueAt } from '../domain/case.clocks.js';
import { filledState, type CaseIntake, type CaseState, type FilledCaseState } from '../domain/case.types.js';
import { cases } from './schema.js';

export type CaseRow = typeof cases.$inferSelect;
type CaseRowValues = typeof cases.$inferInsert;
type Column = keyof CaseRow;

/** A case as the record holds it: the state and the intake, the shape the workflow's query answers. */
export interface RecordedCase {
  state: CaseState;
  intake: CaseIntake;
}

const dateOrNull = (iso: string | null) => (iso ? new Date(iso) : null);
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/** The intake's columns: written with the first batch only (the intake is immutable). */
const FROM_INTAKE = {
  title: (i) => i.title,
  description: (i) => i.description,
  channel: (i) => i.channel,
  channelTicketId: (i) => i.channelTicketId ?? null,
  idempotencyKey: (i) => i.idempotencyKey ?? null,
  channelKeyId: (i) => i.channelKeyId ?? null,
  complainantName: (i) => i.complainant?.name ?? null,
  complainantPhone: (i) => i.complainant?.phone ?? null,
  address: (i) => i.location?.address ?? null,
  areaUnitId: (i) => i.location?.areaUnitId ?? null,
  lat: (i) => i.location?.lat ?? null,
  lng: (i) => i.location?.lng ?? null,
} satisfies { [K in Column]?: (intake: CaseIntake) => CaseRowValues[K] };

/** Columns of the state under another name or type, or derived from it (what lists filter and sort on). */
const FROM_STATE = {
  id: (s) => s.caseId,
  lastSeq: (s) => s.seq,
  dispatchHistory: (s) => s.dispatches,
  cooperatingUnitIds: (s) => s.cooperation.map((p) => p.unitId),
  linkedCaseId: (s) => s.triage?.linkedCaseId ?? null,
  replyDueAt: (s) => dateOrNull(replyDueAt(s)),
  nextDueAt: (s) => dateOrNull(nextDueAt(s)),
  returnDueAt: (s) => dateOrNull(s.returnDueAt),
  receivedAt: (s) => new Date(s.receivedAt),
  createdAt: (s) => new Date(s.createdAt),
  updatedAt: (s) => new Date(s.updatedAt),
  closedAt: (s) => dateOrNull(s.closedAt),
} satisfies { [K in Column]?: (state: FilledCaseState) => CaseRowValues[K] };

/** State fields read back from columns under another name or type; linkedCaseIds is not stored. */
const TO_STATE = {
  caseId: (r) => r.id,
  seq: (r) => r.lastSeq,
  dispatches: (r) => r.dispatchHistory,
  // The members of a group are the cases pointing at it (cases_master_idx); the view of a live master has them.
  linkedCaseIds: () => [],
  returnDueAt: (r) => isoOrNull(r.returnDueAt),
  receivedAt: (r) => r.receivedAt.toISOString(),
  createdAt: (r) => r.createdAt.toISOString(),
  updatedAt: (r) => r.updatedAt.toISOString(),
  closedAt: (r) => isoOrNull(r.closedAt),
} satisfies { [K in keyof FilledCaseState]?: (row: CaseRow) => FilledCaseState[K] };

/** Written by the projection itself (the batch number), not from the case. */
type BatchColumn = 'projectionVersion';
/** Columns holding the state's field of the same name, as it is. */
type StateColumn = Exclude<Column, keyof typeof FROM_INTAKE | keyof typeof FROM_STATE | BatchColumn>;
const named = new Set<string>([...Object.keys(FROM_INTAKE), ...Object.keys(FROM_STATE), 'projectionVersion' satisfies BatchColumn]);
const STATE_COLUMNS = Object.keys(getTableColumns(cases)).filter((k): k is StateColumn => !named.has(k));

/** Of the state's columns, those that never change after the first batch: written with the insert only. */
const WRITTEN_ONCE = ['id', 'categoryId', 'noContact', 'receivedAt', 'receivedAtStatedBy', 'createdAt'] as const satisfies readonly Column[];

function pick<T, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = from[k];
  return out;
}

function omit<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Omit<T, K> {
  const dropped: ReadonlySet<PropertyKey> = new Set(keys);
  return Object.fromEntries(Object.entries(from).filter(([k]) => !dropped.has(k))) as Omit<T, K>;
}

/** Each of the mappers applied to `from`. */
function mapAll<A, M extends Record<string, (from: A) => unknown>>(mappers: M, from: A): { [K in keyof M]: ReturnType<M[K]> } {
  const out: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(mappers)) out[k] = f(from);
  return out as { [K in keyof M]: ReturnType<M[K]> };
}

/**
 * The row of a case as this batch leaves it: `set`, the columns every batch rewrites; `insert`, the whole row, for
 * the first batch (the one that carries the intake).
 */
export function caseRow(state: CaseState, intake: CaseIntake | null, version: number) {
  const s = filledState(state);
  const full = { ...pick(s, STATE_COLUMNS), ...mapAll(FROM_STATE, s), projectionVersion: version };
  const set = omit(full, WRITTEN_ONCE);
  const insert: CaseRowValues | null = intake ? { ...mapAll(FROM_INTAKE, intake), ...full } : null;
  return { set, insert };
}

/** The state of a recorded case, as the workflow would have it (every field present). */
export function rowToState(r: CaseRow): FilledCaseState {
  return { ...pick(r, STATE_COLUMNS), ...mapAll(TO_STATE, r) };
}

/** The intake as the record keeps it: what the row has of it (not the request hash nor a triage command). */
export function rowToIntake(r: CaseRow): CaseIntake {
  const complainant = r.complainantName !== null || r.complainantPhone !== null;
  const location = r.address !== null || r.areaUnitId !== null || r.lat !== null || r.lng !== null;
  return {
    title: r.title,
    description: r.description,
    categoryId: r.categoryId,
    channel: r.channel,
    ...(r.channelTicketId !== null && { channelTicketId: r.channelTicketId }),
    ...(r.idempotencyKey !== null && { idempotencyKey: r.idempotencyKey }),
    ...(r.channelKeyId !== null && { channelKeyId: r.channelKeyId }),
    ...(complainant && {
      complainant: { ...(r.complainantName !== null && { name: r.complainantName }), ...(r.complainantPhone !== null && { phone: r.complainantPhone }) },
    }),
    ...(location && {
      location: {
        ...(r.address !== null && { address: r.address }),
        ...(r.areaUnitId !== null && { areaUnitId: r.areaUnitId }),
        ...(r.lat !== null && { lat: r.lat }),
        ...(r.lng !== null && { lng: r.lng }),
      },
    }),
    ...(r.receivedAtStatedBy !== null && { receivedAt: r.receivedAt.toISOString() }),
  };
}

/** A recorded case: its state and intake from its row. */
export function rowToCase(r: CaseRow): RecordedCase {
  return { state: rowToState(r), intake: rowToIntake(r) };
}
