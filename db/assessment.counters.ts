/**
 * The assessment's counters, kept incrementally (the write side of domain/assessment.rules.ts).
 *
 * What a case contributes is a function of the whole case (`caseContributions`), so the projection does not add
 * an event's worth to a counter: on every batch it computes the case's contributions from its state and all its
 * events, sums them per case_contributions key (unit × local day × counter × round; `n` how many), compares them
 * with the rows stored for the case, rewrites those that changed and moves `unit_counters` (unit × category × local
 * day × counter) by the difference — in the transaction that wrote the batch's events. So:
 *
 * - a retried batch, or a batch that replaces a discarded one (same number, activities/case.activities.ts), finds
 *   the set it would write already stored and moves nothing: idempotent on the case's (case id, seq) by
 *   construction, with no ledger of applied batches;
 * - a late fact (a review, a rating) that changes a past day moves that day's counters;
 * - the counters equal the sum of case_contributions, which equals a recomputation from the raw rows
 *   (db/assessment.reconcile.ts checks both every night).
 *
 * Counter rows that fall to 0 are kept (the projection's single upsert cannot see the sum it leaves behind without a
 * second statement); readers sum, so a 0 reads as no row. The reconciliation's repair and the rebuild prune them.
 *
 * Cost per batch: one statement reading the case's events and stored contributions, and — only when the set
 * changed — one statement applying the difference (deletes, upserts, counter moves). Counter rows are upserted in
 * their primary key's order, so concurrent batches of different cases never wait on each other in a cycle.
 */
import { sql } from 'drizzle-orm';
import { caseContributions as contributionsOf, type Contribution } from '../domain/assessment.rules.js';
import type { WorkCalendar } from '../domain/calendar.rules.js';
import type { CaseEvent, CaseEventType, CaseState } from '../domain/case.types.js';
import { getWorkCalendar, type Queryable } from './calendar.js';
import { loadActivePolicy } from './policy.js';

/** One case_contributions row of a case: what the case adds `n` to. */
export interface ContributionRow {
  unitId: string;
  categoryId: string;
  day: string;
  counter: string;
  round: number;
  n: number;
}

/** A move of one unit_counters row. */
export interface CounterDelta {
  unitId: string;
  categoryId: string;
  day: string;
  counter: string;
  delta: number;
}

/** What changes for one case: rows to delete (by key), rows to write, and the counters' moves. */
export interface ContributionDiff {
  caseId: string;
  remove: ContributionRow[];
  put: ContributionRow[];
  counters: CounterDelta[];
}

/** The calendar local days are counted on, and its IANA zone when the city's calendar region names one. */
export interface CityCalendar {
  calendar: WorkCalendar;
  timeZone: string | null;
}

/**
 * The city's calendar: the active case policy's (its region's official calendar, or an inline one). Only its offset
 * matters to the assessment (local days). Loaded once per process by its users and kept: a policy that moves the
 * city to another offset needs a restart and a rebuild (`npm run assessment:rebuild`).
 */
export async function loadCityCalendar(db: Queryable): Promise<CityCalendar> {
  const policy = await loadActivePolicy(db);
  if (!policy) throw new Error('no active case policy: the assessment counts local days on its calendar (run the seed or activate a policy version)');
  const region = policy.calendarRegion ?? policy.calendar.region;
  const timeZone = region ? ((await getWorkCalendar(db, region))?.timeZone ?? null) : null;
  return { calendar: policy.calendar, timeZone };
}

const keyOf = (r: { unitId: string; day: string; counter: string; round: number }) => `${r.unitId}\u0000${r.day}\u0000${r.counter}\u0000${r.round}`;
const counterKeyOf = (r: { unitId: string; categoryId: string; day: string; counter: string }) => `${r.day}\u0000${r.unitId}\u0000${r.categoryId}\u0000${r.counter}`;

/** Contributions summed per case_contributions key (a case has one category, so the key decides it). */
export function contributionRows(contributions: Iterable<Contribution>): ContributionRow[] {
  const rows = new Map<string, ContributionRow>();
  for (const c of contributions) {
    const key = keyOf(c);
    const row = rows.get(key);
    if (row) row.n += c.n ?? 1;
    else rows.set(key, { unitId: c.unitId, categoryId: c.categoryId, day: c.day, counter: c.counter, round: c.round, n: c.n ?? 1 });
  }
  return [...rows.values()];
}

/** The rows a case should have now, from its state and all its events. */
export function expectedRows(state: CaseState, events: readonly CaseEvent[], calendar: WorkCalendar): ContributionRow[] {
  return contributionRows(contributionsOf(state, events, calendar));
}

/**
 * What turns a case's stored rows into `next`: rows gone or changed are removed or rewritten, and each counter moves
 * by what it gains minus what it loses (a changed category moves the count from the old category's row to the new
 * one's). Moves that cancel out are dropped; the rest are in primary key order.
 */
export function diffContributions(caseId: string, stored: readonly ContributionRow[], next: readonly ContributionRow[]): ContributionDiff {
  const before = new Map(stored.map((r) => [keyOf(r), r]));
  const after = new Map(next.map((r) => [keyOf(r), r]));
  const moves = new Map<string, CounterDelta>();
  const move = (r: ContributionRow, delta: number) => {
    const key = counterKeyOf(r);
    const m = moves.get(key);
    if (m) m.delta += delta;
    else moves.set(key, { unitId: r.unitId, categoryId: r.categoryId, day: r.day, counter: r.counter, delta });
  };
  const remove: ContributionRow[] = [];
  const put: ContributionRow[] = [];
  for (const [key, old] of before) {
    if (!after.has(key)) {
      remove.push(old);
      move(old, -old.n);
    }
  }
  for (const [key, row] of after) {
    const old = before.get(key);
    if (old && old.n === row.n && old.categoryId === row.categoryId) continue;
    put.push(row);
    if (old) move(old, -old.n);
    move(row, row.n);
  }
  const counters = [...moves.entries()]
    .filter(([, m]) => m.delta !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, m]) => m);
  return { caseId, remove, put, counters };
}

export const isEmptyDiff = (d: ContributionDiff) => d.remove.length === 0 && d.put.length === 0 && d.counters.length === 0;

/**
 * Applies the diffs of one or more cases in one statement: their rows deleted and upserted, and the counters moved
 * by the sum of their moves (upserted in primary key order): unit_counters per category and unit_day_counters (the
 * same moves summed over categories, what rankings read). Nothing is sent when there is nothing to change.
 */
export async function applyContributionDiffs(tx: Queryable, diffs: readonly ContributionDiff[]): Promise<void> {
  const remove = diffs.flatMap((d) => d.remove.map((r) => ({ case_id: d.caseId, unit_id: r.unitId, day: r.day, counter: r.counter, round: r.round })));
  const put = diffs.flatMap((d) => d.put.map((r) => ({ case_id: d.caseId, unit_id: r.unitId, category_id: r.categoryId, day: r.day, counter: r.counter, round: r.round, n: r.n })));
  const moves = new Map<string, CounterDelta>();
  for (const d of diffs) {
    for (const m of d.counters) {
      const key = counterKeyOf(m);
      const sum = moves.get(key);
      if (sum) sum.delta += m.delta;
      else moves.set(key, { ...m });
    }
  }
  const counters = [...moves.values()].filter((m) => m.delta !== 0).map((m) => ({ unit_id: m.unitId, category_id: m.categoryId, day: m.day, counter: m.counter, n: m.delta }));
  if (!remove.length && !put.length && !counters.length) return;
  // Data-modifying CTEs see one snapshot: the deleted keys and the upserted ones never overlap (diffContributions).
  await tx.execute(sql`
    with removed as (
      delete from case_contributions c
      using json_to_recordset(${JSON.stringify(remove)}::json) as x(case_id text, unit_id text, day text, counter text, round integer)
      where c.case_id = x.case_id and c.unit_id = x.unit_id and c.day = x.day and c.counter = x.counter and c.round = x.round
    ), written as (
      insert into case_contributions (case_id, unit_id, category_id, day, counter, round, n)
      select case_id, unit_id, category_id, day, counter, round, n
      from json_to_recordset(${JSON.stringify(put)}::json) as x(case_id text, unit_id text, category_id text, day text, counter text, round integer, n integer)
      on conflict (case_id, unit_id, day, counter, round) do update set category_id = excluded.category_id, n = excluded.n
    ), moves as (
      select * from json_to_recordset(${JSON.stringify(counters)}::json) as x(unit_id text, category_id text, day text, counter text, n bigint)
    ), day_moved as (
      insert into unit_day_counters (day, unit_id, counter, n)
      select day, unit_id, counter, sum(n) from moves group by day, unit_id, counter
      order by day, unit_id, counter
      on conflict (day, unit_id, counter) do update set n = unit_day_counters.n + excluded.n
    )
    insert into unit_counters (day, unit_id, category_id, counter, n)
    select day, unit_id, category_id, counter, n from moves
    order by day, unit_id, category_id, counter
    on conflict (day, unit_id, category_id, counter) do update set n = unit_counters.n + excluded.n`);
}

/** An event as read back for attribution (the actor's unit is not stored, and attribution does not read it). */
interface EventJson {
  seq: number;
  type: CaseEventType;
  actorId: string;
  actorRole: string;
  /** Milliseconds since the epoch. */
  at: number | string;
  data: Record<string, unknown>;
}

export const eventFromJson = (e: EventJson): CaseEvent => ({
  seq: e.seq,
  type: e.type,
  at: new Date(Number(e.at)).toISOString(),
  actor: { id: e.actorId, role: e.actorRole },
  data: e.data,
});

/**
 * Inside the projection's transaction, after the batch's events are written and only when the batch wrote the case
 * row (it is the case as it stands): brings the case's contributions and the counters up to `state`. One statement
 * reads the case's events up to the state's seq and its stored rows; a second applies the difference, when there is
 * one. Returns the number of statements sent (1 or 2).
 */
export async function projectCaseContributions(tx: Queryable, state: CaseState, calendar: WorkCalendar): Promise<number> {
  const { rows } = await tx.execute<{ events: EventJson[]; stored: ContributionRow[] }>(sql`
    select
      coalesce((
        select json_agg(json_build_object('seq', e.seq, 'type', e.type, 'actorId', e.actor_id, 'actorRole', e.actor_role,
                                          'at', floor(extract(epoch from e.at) * 1000), 'data', e.data) order by e.seq)
        from case_events e where e.case_id = ${state.caseId} and e.seq <= ${state.seq}
      ), '[]'::json) as events,
      coalesce((
        select json_agg(json_build_object('unitId', c.unit_id, 'categoryId', c.category_id, 'day', c.day, 'counter', c.counter, 'round', c.round, 'n', c.n))
        from case_contributions c where c.case_id = ${state.caseId}
      ), '[]'::json) as stored`);
  const [read] = rows;
  const diff = diffContributions(state.caseId, read?.stored ?? [], expectedRows(state, (read?.events ?? []).map(eventFromJson), calendar));
  if (isEmptyDiff(diff)) return 1;
  await applyContributionDiffs(tx, [diff]);
  return 2;
}
