/** Reads of the case record for lists, timelines and cases whose workflow is gone. Writes happen in activities/. */
import { and, arrayOverlaps, asc, desc, eq, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { CaseEventType } from '../domain/case.types.js';
import { DomainError } from '../domain/errors.js';
import type { CaseTarget, ListScope } from '../domain/access.js';
import type { Database } from '../db/client.js';
import { caseEvents, cases } from '../db/schema.js';
import { rowToCase, type RecordedCase } from '../db/case.rows.js';
import { summaryOf } from './cases.presenter.js';
import { CASE_ID_PATTERN, storableInstant, type CaseSummary, type ListCasesQuery } from './cases.schemas.js';

/**
 * Keyset cursor over (created_at desc, id desc): stable under inserts, no OFFSET scans. The cursor is
 * base64url("<created_at as toISOString()>|<case id>"), and only that exact form is taken back: a forged or
 * damaged cursor is a 400 naming query.cursor, never a query with a date PostgreSQL cannot read (a year
 * before 0001 or after 9999), a date JavaScript quietly rolls over (02-30 becomes 03-02) or a NUL in the id.
 */
export function encodeCursor(r: { createdAt: Date; id: string }): string {
  return Buffer.from(`${r.createdAt.toISOString()}|${r.id}`).toString('base64url');
}
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|(.*)$/s;
export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const m = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const createdAt = new Date(m?.[1] ?? Number.NaN);
  const id = m?.[2] ?? '';
  const issued =
    m !== null &&
    storableInstant(createdAt.getTime()) &&
    createdAt.toISOString() === m[1] &&
    CASE_ID_PATTERN.test(id) &&
    encodeCursor({ createdAt, id }) === cursor;
  if (!issued) {
    throw new DomainError('validation_failed', 'malformed cursor', { errors: [{ field: 'query.cursor', reason: 'not a cursor this API issued' }] });
  }
  return { createdAt, id };
}

/**
 * The ORDER BY of every list page; cases_created_idx and cases_status_created_idx are scanned backwards for it
 * (forwards for a work queue's oldest first).
 */
const NEWEST_FIRST = [desc(cases.createdAt), desc(cases.id)];
const OLDEST_FIRST = [asc(cases.createdAt), asc(cases.id)];

/**
 * The SELECT behind GET /v1/cases, unexecuted (the list runs it; the plan test EXPLAINs it). The cursor
 * condition is a row comparison so PostgreSQL can start the index scan at the cursor; the equivalent
 * `created_at < $1 or (created_at = $1 and id < $2)` is only a filter over the index, read from the newest row.
 */
/**
 * The cases a list scope (domain/access.ts listScope) covers, as a condition on `cases`; undefined: all of them.
 * The one scope rule of every list: the cases list, and the notices of those cases (notifications.repository.ts).
 */
export function scopeCondition(scope: ListScope): SQL | undefined {
  if (scope.all) return undefined;
  // The caller's scope: cases in their units, or not yet dispatched and placed in them. inArray with an
  // empty list is false, so a principal with no scope gets an empty page.
  const parts: SQL[] = [];
  if (scope.unitIds.length) parts.push(inArray(cases.unitId, scope.unitIds));
  if (scope.placeUnitIds.length) parts.push(and(isNull(cases.unitId), inArray(cases.areaUnitId, scope.placeUnitIds))!);
  // Copies and joint handling: the GIN indexes on the two arrays answer `&&`.
  if (scope.involvedUnitIds.length) parts.push(arrayOverlaps(cases.copiedUnitIds, scope.involvedUnitIds), arrayOverlaps(cases.cooperatingUnitIds, scope.involvedUnitIds));
  // A channel's API key: the cases it handed over (cases_channel_key_idx).
  if (scope.openedByKeyId !== undefined) parts.push(eq(cases.channelKeyId, scope.openedByKeyId));
  return parts.length ? or(...parts)! : sql`false`;
}

/**
 * `within`: the cases of a subtree (query.within, resolved by the service to the unit and the units below it), as a
 * list scope: by current unit, or by place while not dispatched.
 */
export function listQuery(db: Database, q: ListCasesQuery, scope: ListScope = { all: true }, within?: readonly string[]) {
  const where: SQL[] = [];
  const inScope = scopeCondition(scope);
  if (inScope) where.push(inScope);
  if (within) where.push(scopeCondition({ all: false, unitIds: [...within], placeUnitIds: [...within], involvedUnitIds: [] })!);
  if (q.minEscalationLevel !== undefined) where.push(gte(cases.escalationLevel, q.minEscalationLevel));
  if (q.status) where.push(eq(cases.status, q.status));
  if (q.unitId) where.push(eq(cases.unitId, q.unitId));
  if (q.categoryId) where.push(eq(cases.categoryId, q.categoryId));
  if (q.warningLevel) where.push(eq(cases.warningLevel, q.warningLevel));
  if (q.warning) where.push(eq(cases.warningLevel, q.warning));
  // next_due_at: the nearest deadline of a running clock (null when none runs), indexed by cases_next_due_idx.
  // Pages stay keyset pages on (created_at, id): a case that falls due between two pages shows up on the later one
  // only if it sorts after the cursor, as with any filter on a changing value.
  if (q.zone === 'unsatisfied') where.push(eq(cases.outcome, 'unsatisfied'));
  // The review queue (cases_review_queue_idx has exactly this predicate).
  if (q.zone === 'review') where.push(sql`(${cases.outcome} = 'unsatisfied' or ${cases.disputed}) and ${cases.review} is null`);
  if (q.overdue === 'true') where.push(lt(cases.nextDueAt, sql`now()`));
  if (q.overdue === 'false') where.push(or(isNull(cases.nextDueAt), gte(cases.nextDueAt, sql`now()`))!);
  if (q.createdFrom) where.push(gte(cases.createdAt, new Date(q.createdFrom)));
  if (q.createdTo) where.push(lte(cases.createdAt, new Date(q.createdTo)));
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    where.push(
      q.order === 'oldest'
        ? sql`(${cases.createdAt}, ${cases.id}) > (${c.createdAt.toISOString()}::timestamptz, ${c.id}::text)`
        : sql`(${cases.createdAt}, ${cases.id}) < (${c.createdAt.toISOString()}::timestamptz, ${c.id}::text)`,
    );
  }
  return db
    .select()
    .from(cases)
    .where(where.length ? and(...where) : undefined)
    .orderBy(...(q.order === 'oldest' ? OLDEST_FIRST : NEWEST_FIRST))
    .limit(q.limit + 1);
}

export function createCasesRepository(db: Database) {
  return {
    /** The recorded case (its state and intake as the record has them), null when there is none. */
    async get(caseId: string): Promise<RecordedCase | null> {
      const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
      return row ? rowToCase(row) : null;
    },

    /** What access needs of a recorded case (primary key lookup, a few columns). */
    async target(caseId: string): Promise<CaseTarget | null> {
      const [row] = await db
        .select({
          id: cases.id,
          status: cases.status,
          unitId: cases.unitId,
          areaUnitId: cases.areaUnitId,
          copiedUnitIds: cases.copiedUnitIds,
          cooperatingUnitIds: cases.cooperatingUnitIds,
          channelKeyId: cases.channelKeyId,
        })
        .from(cases)
        .where(eq(cases.id, caseId));
      return row ?? null;
    },

    /**
     * Who opened a case (its first event's actor: the principal id), null when the record has no such case,
     * undefined when it has the case but not its first event yet. Used to find cases opened under an unscoped key.
     */
    async openedBy(caseId: string): Promise<string | null | undefined> {
      const [row] = await db
        .select({ actorId: caseEvents.actorId })
        .from(cases)
        .leftJoin(caseEvents, and(eq(caseEvents.caseId, cases.id), eq(caseEvents.seq, 1)))
        .where(eq(cases.id, caseId));
      return row ? (row.actorId ?? undefined) : null;
    },

    async list(q: ListCasesQuery, scope: ListScope, within?: readonly string[]): Promise<{ items: CaseSummary[]; nextCursor: string | null }> {
      const rows = await listQuery(db, q, scope, within);
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return { items: page.map(summaryOf), nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null };
    },

    async events(caseId: string) {
      const rows = await db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq));
      return rows.map((e) => ({
        seq: e.seq,
        type: e.type as CaseEventType,
        at: e.at.toISOString(),
        actor: { id: e.actorId, role: e.actorRole },
        data: e.data as Record<string, unknown>,
      }));
    },

    async ping(): Promise<void> {
      await db.execute(sql`select 1`);
    },
  };
}

export type CasesRepository = ReturnType<typeof createCasesRepository>;
