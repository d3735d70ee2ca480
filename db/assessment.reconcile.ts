/**
 * Reconciliation of the assessment's counters (db/assessment.counters.ts keeps them incrementally): recompute a
 * range of local days from the raw rows — the cases' rows and events, through the same rules — and compare with
 * unit_counters. Each run is recorded in assessment_reconciliations with the drift it found (expected: none).
 *
 * - **Check** (`reconcileRange`): in one repeatable-read snapshot (the counters and the rows they come from as of
 *   one instant, however busy the projection is), every case that has an event in the range (widened by a day on
 *   each side) or a stored contribution in it is recomputed; the contributions whose day is in the range are summed
 *   per unit × category × day × counter and compared with the counter rows of the range.
 * - **Repair** (option): every checked case whose stored contributions differ from its recomputation is rewritten
 *   (its row locked, as the projection does, so the two never interleave), moving the counters by the difference;
 *   then each counter row of the range is set to the sum of the case_contributions behind it, by adding what it
 *   lacks (so a batch committed meanwhile, which moves both alike, is never undone). Rows left at 0 are pruned.
 * - **Rebuild** (`rebuildAssessment`, `npm run assessment:rebuild`): the repair for every case and every day — for a
 *   database that had cases before the counters existed, or after the city's calendar moved to another offset.
 */
import { asc, gt, inArray, sql } from 'drizzle-orm';
import { addDays } from '../domain/assessment.rules.js';
import type { WorkCalendar } from '../domain/calendar.rules.js';
import type { CaseEvent, CaseEventType } from '../domain/case.types.js';
import { applyContributionDiffs, diffContributions, expectedRows, isEmptyDiff, type ContributionRow } from './assessment.counters.js';
import { rowToState, type CaseRow } from './case.rows.js';
import type { Queryable } from './calendar.js';
import type { Database } from './client.js';
import { assessmentReconciliations, caseContributions, caseEvents, cases } from './schema.js';

/** Local days, both included (YYYY-MM-DD). */
export interface DayRange {
  from: string;
  to: string;
}

/** One counter row whose stored sum differs from the recomputation. */
/** A drift row's category when it is a row of unit_day_counters (the counters summed over categories). */
export const ALL_CATEGORIES = '*';

export interface DriftRow {
  unitId: string;
  /** The category of a unit_counters row; ALL_CATEGORIES for a row of the rollup unit_day_counters. */
  categoryId: string;
  day: string;
  counter: string;
  stored: number;
  recomputed: number;
}

export interface ReconciliationResult {
  /** The assessment_reconciliations row. */
  id: number;
  from: string;
  to: string;
  casesChecked: number;
  drift: DriftRow[];
  /** Checked cases whose stored contributions differed from their recomputation (rewritten when repairing). */
  casesDiffering: number;
  repaired: boolean;
}

export interface ReconcileOptions {
  /** Rewrite what differs (see the header). Default false: check and record only. */
  repair?: boolean;
  /** Cases read per query (default 500). */
  chunkSize?: number;
  /** Called after each chunk (an activity heartbeats). */
  onProgress?: (casesDone: number) => void;
  /** The start of the run, as recorded (default now). */
  startedAt?: Date;
}

/** The instant local `day` starts at on the calendar's offset. */
export const localMidnight = (day: string, calendar: Pick<WorkCalendar, 'utcOffsetMinutes'>) => Date.parse(`${day}T00:00:00Z`) - calendar.utcOffsetMinutes * 60_000;

const counterKey = (r: { unitId: string; categoryId: string; day: string; counter: string }) => `${r.day}\u0000${r.unitId}\u0000${r.categoryId}\u0000${r.counter}`;
const byKey = <T extends { unitId: string; categoryId: string; day: string; counter: string }>(a: T, b: T) => {
  const x = counterKey(a);
  const y = counterKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** The events of some cases, by case, as attribution reads them (up to each case's last projected seq). */
async function eventsOf(tx: Queryable, rows: readonly CaseRow[]): Promise<Map<string, CaseEvent[]>> {
  const out = new Map<string, CaseEvent[]>(rows.map((r) => [r.id, []]));
  if (!rows.length) return out;
  const lastSeq = new Map(rows.map((r) => [r.id, r.lastSeq]));
  const events = await tx
    .select({ caseId: caseEvents.caseId, seq: caseEvents.seq, type: caseEvents.type, actorId: caseEvents.actorId, actorRole: caseEvents.actorRole, at: caseEvents.at, data: caseEvents.data })
    .from(caseEvents)
    .where(inArray(caseEvents.caseId, rows.map((r) => r.id)))
    .orderBy(asc(caseEvents.caseId), asc(caseEvents.seq));
  for (const e of events) {
    if (e.seq > (lastSeq.get(e.caseId) ?? 0)) continue;
    out.get(e.caseId)!.push({ seq: e.seq, type: e.type as CaseEventType, at: e.at.toISOString(), actor: { id: e.actorId, role: e.actorRole }, data: e.data as Record<string, unknown> });
  }
  return out;
}

/** The stored contribution rows of some cases, by case. */
async function storedOf(tx: Queryable, ids: readonly string[]): Promise<Map<string, ContributionRow[]>> {
  const out = new Map<string, ContributionRow[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = await tx.select().from(caseContributions).where(inArray(caseContributions.caseId, [...ids]));
  for (const { caseId, ...r } of rows) out.get(caseId)!.push(r);
  return out;
}

/** Same rows, whatever their order. */
function sameRows(a: readonly ContributionRow[], b: readonly ContributionRow[]): boolean {
  if (a.length !== b.length) return false;
  const line = (r: ContributionRow) => `${r.unitId}\u0000${r.categoryId}\u0000${r.day}\u0000${r.counter}\u0000${r.round}\u0000${r.n}`;
  const set = new Set(a.map(line));
  return b.every((r) => set.has(line(r)));
}

/**
 * Rewrites the contributions of these cases from their rows and events, moving the counters by the difference, in
 * one transaction: the cases' rows locked first (in id order), as the projection locks its case's row before it
 * reads, so a batch of one of them waits for this or is waited for, never interleaves. Returns the cases changed.
 */
async function rewriteCases(db: Database, ids: readonly string[], calendar: WorkCalendar): Promise<number> {
  if (!ids.length) return 0;
  return db.transaction(async (tx) => {
    const rows = await tx.select().from(cases).where(inArray(cases.id, [...ids])).orderBy(asc(cases.id)).for('update');
    const [events, stored] = await Promise.all([eventsOf(tx, rows), storedOf(tx, ids)]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    // A case id without a row (contributions of a case the record does not have) contributes nothing.
    const expected = (id: string) => {
      const row = byId.get(id);
      return row ? expectedRows(rowToState(row), events.get(id) ?? [], calendar) : [];
    };
    const diffs = ids.map((id) => diffContributions(id, stored.get(id) ?? [], expected(id))).filter((d) => !isEmptyDiff(d));
    await applyContributionDiffs(tx, diffs);
    return diffs.length;
  });
}

/**
 * Sets the counter rows of a range (all days: null), in unit_counters and in its rollup unit_day_counters, to the
 * sum of the case_contributions behind them, by adding the
 * difference (computed in one statement, so from one snapshot: a batch committed meanwhile moves a counter and its
 * contributions alike and leaves the difference as it was), then prunes the rows left at 0. Under a transaction
 * lock, so two repairs never add the same difference twice. Returns the rows corrected, as they were.
 */
export async function alignCounters(db: Database, range: DayRange | null): Promise<DriftRow[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('hotline.assessment.align'))`);
    const inRange = (column: string) => (range ? sql`where ${sql.raw(column)} between ${range.from} and ${range.to}` : sql``);
    const { rows } = await tx.execute<{ unit_id: string; category_id: string; day: string; counter: string; stored: string; recomputed: string }>(sql`
      with k as (
        select unit_id, category_id, day, counter, sum(n)::bigint as n from case_contributions ${inRange('day')} group by unit_id, category_id, day, counter
      ), c as (
        select unit_id, category_id, day, counter, n from unit_counters ${inRange('day')}
      ), d as (
        select unit_id, category_id, day, counter, coalesce(c.n, 0) as stored, coalesce(k.n, 0) as recomputed
        from k full join c using (unit_id, category_id, day, counter)
        where coalesce(c.n, 0) <> coalesce(k.n, 0)
      ), moved as (
        insert into unit_counters (day, unit_id, category_id, counter, n)
        select day, unit_id, category_id, counter, recomputed - stored from d
        order by day, unit_id, category_id, counter
        on conflict (day, unit_id, category_id, counter) do update set n = unit_counters.n + excluded.n
      )
      select * from d`);
    // The rollup the rankings read, the same way: each unit × day × counter to the sum of its contributions.
    const { rows: dayRows } = await tx.execute<{ unit_id: string; day: string; counter: string; stored: string; recomputed: string }>(sql`
      with k as (
        select unit_id, day, counter, sum(n)::bigint as n from case_contributions ${inRange('day')} group by unit_id, day, counter
      ), c as (
        select unit_id, day, counter, n from unit_day_counters ${inRange('day')}
      ), d as (
        select unit_id, day, counter, coalesce(c.n, 0) as stored, coalesce(k.n, 0) as recomputed
        from k full join c using (unit_id, day, counter)
        where coalesce(c.n, 0) <> coalesce(k.n, 0)
      ), moved as (
        insert into unit_day_counters (day, unit_id, counter, n)
        select day, unit_id, counter, recomputed - stored from d
        order by day, unit_id, counter
        on conflict (day, unit_id, counter) do update set n = unit_day_counters.n + excluded.n
      )
      select * from d`);
    const zero = range ? sql`where day between ${range.from} and ${range.to} and n = 0` : sql`where n = 0`;
    await tx.execute(sql`delete from unit_counters ${zero}`);
    await tx.execute(sql`delete from unit_day_counters ${zero}`);
    return [
      ...rows.map((r) => ({ unitId: r.unit_id, categoryId: r.category_id, day: r.day, counter: r.counter, stored: Number(r.stored), recomputed: Number(r.recomputed) })),
      ...dayRows.map((r) => ({ unitId: r.unit_id, categoryId: ALL_CATEGORIES, day: r.day, counter: r.counter, stored: Number(r.stored), recomputed: Number(r.recomputed) })),
    ].sort(byKey);
  });
}

/**
 * Checks a range of local days (and repairs it, with `repair`), and records the run. See the header.
 */
export async function reconcileRange(db: Database, calendar: WorkCalendar, range: DayRange, options: ReconcileOptions = {}): Promise<ReconciliationResult> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(range.from) || !/^\d{4}-\d{2}-\d{2}$/.test(range.to) || range.from > range.to) {
    throw new RangeError(`not a range of local days: ${range.from} … ${range.to}`);
  }
  const startedAt = options.startedAt ?? new Date();
  const chunkSize = options.chunkSize ?? 500;
  // Events from the day before the range to the day after it (a time zone's worth of slack either way).
  const start = new Date(localMidnight(addDays(range.from, -1), calendar));
  const end = new Date(localMidnight(addDays(range.to, 2), calendar));

  const check = await db.transaction(
    async (tx) => {
      const { rows: candidates } = await tx.execute<{ id: string }>(sql`
        select case_id as id from case_events where at >= ${start} and at < ${end}
        union
        select case_id from case_contributions where day between ${range.from} and ${range.to}
        order by 1`);
      const recomputed = new Map<string, DriftRow>();
      const differing: string[] = [];
      let checked = 0;
      for (let i = 0; i < candidates.length; i += chunkSize) {
        const ids = candidates.slice(i, i + chunkSize).map((c) => c.id);
        const rows = await tx.select().from(cases).where(inArray(cases.id, ids));
        const [events, stored] = await Promise.all([eventsOf(tx, rows), storedOf(tx, ids)]);
        for (const row of rows) {
          const expected = expectedRows(rowToState(row), events.get(row.id) ?? [], calendar);
          if (!sameRows(expected, stored.get(row.id) ?? [])) differing.push(row.id);
          for (const r of expected) {
            if (r.day < range.from || r.day > range.to) continue;
            const key = counterKey(r);
            const sum = recomputed.get(key);
            if (sum) sum.recomputed += r.n;
            else recomputed.set(key, { unitId: r.unitId, categoryId: r.categoryId, day: r.day, counter: r.counter, stored: 0, recomputed: r.n });
          }
        }
        // Contributions of a case id the cases table does not have: stored, nothing to recompute them from.
        for (const id of ids) if (!rows.some((r) => r.id === id) && (stored.get(id) ?? []).length) differing.push(id);
        checked += rows.length;
        options.onProgress?.(checked);
      }
      const { rows: stored } = await tx.execute<{ unit_id: string; category_id: string; day: string; counter: string; n: string }>(
        sql`select unit_id, category_id, day, counter, n from unit_counters where day between ${range.from} and ${range.to} and n <> 0`,
      );
      for (const s of stored) {
        const row = { unitId: s.unit_id, categoryId: s.category_id, day: s.day, counter: s.counter };
        const key = counterKey(row);
        const r = recomputed.get(key);
        if (r) r.stored = Number(s.n);
        else recomputed.set(key, { ...row, stored: Number(s.n), recomputed: 0 });
      }
      // The rollup the rankings read: each unit × day × counter against the same recomputation summed over categories.
      const byDay = new Map<string, DriftRow>();
      for (const r of recomputed.values()) {
        const row = { unitId: r.unitId, categoryId: ALL_CATEGORIES, day: r.day, counter: r.counter };
        const sum = byDay.get(counterKey(row));
        if (sum) sum.recomputed += r.recomputed;
        else byDay.set(counterKey(row), { ...row, stored: 0, recomputed: r.recomputed });
      }
      const { rows: storedByDay } = await tx.execute<{ unit_id: string; day: string; counter: string; n: string }>(
        sql`select unit_id, day, counter, n from unit_day_counters where day between ${range.from} and ${range.to} and n <> 0`,
      );
      for (const s of storedByDay) {
        const row = { unitId: s.unit_id, categoryId: ALL_CATEGORIES, day: s.day, counter: s.counter };
        const r = byDay.get(counterKey(row));
        if (r) r.stored = Number(s.n);
        else byDay.set(counterKey(row), { ...row, stored: Number(s.n), recomputed: 0 });
      }
      const drift = [...recomputed.values(), ...byDay.values()].filter((r) => r.stored !== r.recomputed).sort(byKey);
      return { drift, differing, checked };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );

  const repaired = options.repair === true;
  if (repaired) {
    for (let i = 0; i < check.differing.length; i += chunkSize) await rewriteCases(db, check.differing.slice(i, i + chunkSize), calendar);
    await alignCounters(db, range);
  }
  const [row] = await db
    .insert(assessmentReconciliations)
    .values({ fromDay: range.from, toDay: range.to, casesChecked: check.checked, drift: check.drift, repaired, startedAt })
    .returning({ id: assessmentReconciliations.id });
  return { id: row!.id, from: range.from, to: range.to, casesChecked: check.checked, drift: check.drift, casesDiffering: check.differing.length, repaired };
}

export interface RebuildResult {
  id: number;
  casesChecked: number;
  /** Cases whose contributions were written (all of them, in a database from before the counters). */
  casesRewritten: number;
  /** Counter rows that differed from the sum of their contributions once every case was rewritten. */
  drift: DriftRow[];
}

/**
 * Rewrites every case's contributions and makes every counter the sum of its contributions: the way to fill the
 * counters of a database that had cases before them. Safe while the product runs (cases are locked a chunk at a
 * time; the counters are aligned by difference). Recorded as a repaired reconciliation over the days the counters
 * cover.
 */
export async function rebuildAssessment(db: Database, calendar: WorkCalendar, options: Omit<ReconcileOptions, 'repair'> = {}): Promise<RebuildResult> {
  const startedAt = options.startedAt ?? new Date();
  const chunkSize = options.chunkSize ?? 500;
  let after = '';
  let checked = 0;
  let rewritten = 0;
  for (;;) {
    const ids = (await db.select({ id: cases.id }).from(cases).where(gt(cases.id, after)).orderBy(asc(cases.id)).limit(chunkSize)).map((r) => r.id);
    if (!ids.length) break;
    rewritten += await rewriteCases(db, ids, calendar);
    checked += ids.length;
    after = ids.at(-1)!;
    options.onProgress?.(checked);
  }
  // Contributions of cases the record no longer has count for nothing.
  await db.delete(caseContributions).where(sql`not exists (select 1 from ${cases} where ${cases.id} = ${caseContributions.caseId})`);
  const drift = await alignCounters(db, null);
  const [span] = await db.execute<{ from: string | null; to: string | null }>(sql`select min(day) as "from", max(day) as "to" from unit_counters`).then((r) => r.rows);
  const today = new Date(Date.now() + calendar.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
  const [row] = await db
    .insert(assessmentReconciliations)
    .values({ fromDay: span?.from ?? today, toDay: span?.to ?? today, casesChecked: checked, drift, repaired: true, startedAt })
    .returning({ id: assessmentReconciliations.id });
  return { id: row!.id, casesChecked: checked, casesRewritten: rewritten, drift };
}
