/**
 * Reads behind the analysis (api/analysis.service.ts): counts of cases grouped by what a figure needs (category, local
 * day, place unit, cell), the cases of group-complaint candidates, the assessment's `dispatched` counter per day, and
 * the cases behind a figure. Nothing here decides what a figure means: the counts go to the pure rules
 * (domain/analysis.rules.ts), which say the same of counts as of cases.
 *
 * **Volume is the cases received**, by the local day of `received_at` (the instant the complaint came in, stated by
 * the channel or the acceptance; the calendar's offset makes the day): every complaint, dispatched or not (a
 * consultation answered at intake is a complaint received). That is a fact of the case row, not of the assessment's
 * counters: `unit_counters` count what units are credited with (`dispatched`: each time a case was sent to a unit, on
 * the day it was sent), which is a unit's workload, not the city's intake. Trends offer both (`basis`).
 *
 * **Speed**: every count is one aggregate over one range of `received_at`, answered by an index-only scan of
 * `cases_analysis_idx` (received_at, category, place unit, unit, coordinates, phone, and the case's id for the group
 * complaints' candidates) — the wide case rows are never read, so a month of a million cases is a scan of a million
 * narrow index entries. The grouping that needs the unit
 * tree (a place's community, street …) or the category tree (a category's level) is done after the aggregate, on its
 * few hundred rows, not per case.
 *
 * **A unit's cases** (`unitIds`: a unit's subtree): those placed in it (`area_unit_id`) or sent to it (`unit_id`): a
 * street's complaints are those of its territory and those it handles; a department has no territory, so its own.
 */
import { and, inArray, sql, type SQL } from 'drizzle-orm';
import { cellBits, type CellIndex } from '../domain/analysis.rules.js';
import type { CaseRow } from '../db/case.rows.js';
import type { Database } from '../db/client.js';
import { analysisAlerts, cases, units } from '../db/schema.js';

export interface CaseFilter {
  /** Received in [fromMs, toMs): the local days' instants. */
  fromMs: number;
  toMs: number;
  /** Of these categories (a category and every category below it). */
  categoryIds?: readonly string[] | undefined;
  /** Placed in or sent to these units (a unit's subtree): the reader's reach and the `unitId` asked for, each. */
  unitSets?: ReadonlyArray<readonly string[]> | undefined;
  /** Placed in these units (a hot spot's unit and the units below it). */
  placeUnitIds?: readonly string[] | undefined;
  /** In this cell. */
  cell?: (CellIndex & { precision: number }) | undefined;
  /** These cases (a group complaint's). */
  caseIds?: readonly string[] | undefined;
}

export interface UnitRecord {
  id: string;
  name: string;
  type: string;
  path: string;
  parentId: string | null;
}

const list = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;

/** Coordinates a geohash can be made of (finite, in range: NaN and ±Infinity fail `between`). */
const LOCATED = sql`${cases.lat} between -90 and 90 and ${cases.lng} between -180 and 180`;

/** The cell's row and column at a precision (domain/analysis.rules.ts `CellIndex`; 90° and 180° are in the last cell). */
function cellExpressions(precision: number): { row: SQL; col: SQL } {
  const { latBits, lngBits } = cellBits(precision);
  const [rows, cols] = [2 ** latBits, 2 ** lngBits];
  return {
    row: sql`least(floor((${cases.lat} + 90) / 180 * ${rows}::float8), ${rows - 1}::float8)::int8`,
    col: sql`least(floor((${cases.lng} + 180) / 360 * ${cols}::float8), ${cols - 1}::float8)::int8`,
  };
}

/**
 * A cell as one whole number, row × columns + column (at precision 12, 2^60: a bigint), for grouping by one key; the
 * row and column come back as the quotient and remainder (in the database: JavaScript's numbers end at 2^53).
 */
function cellKey(precision: number): { of: SQL; cols: number } {
  const { row, col } = cellExpressions(precision);
  const cols = 2 ** cellBits(precision).lngBits;
  return { of: sql`(${row}) * ${cols}::int8 + (${col})`, cols };
}

function conditions(f: CaseFilter): SQL {
  const where: SQL[] = [sql`${cases.receivedAt} >= ${new Date(f.fromMs).toISOString()}::timestamptz`, sql`${cases.receivedAt} < ${new Date(f.toMs).toISOString()}::timestamptz`];
  if (f.categoryIds) where.push(sql`${cases.categoryId} = any(${list(f.categoryIds)})`);
  for (const set of f.unitSets ?? []) where.push(sql`(${cases.areaUnitId} = any(${list(set)}) or ${cases.unitId} = any(${list(set)}))`);
  if (f.placeUnitIds) where.push(sql`${cases.areaUnitId} = any(${list(f.placeUnitIds)})`);
  if (f.caseIds) where.push(sql`${cases.id} = any(${list(f.caseIds)})`);
  if (f.cell) {
    const { row, col } = cellExpressions(f.cell.precision);
    where.push(LOCATED, sql`${row} = ${f.cell.row}`, sql`${col} = ${f.cell.col}`);
  }
  return and(...where)!;
}

/** The local date of received_at on a fixed offset (minutes east of UTC), as a date (formatted after grouping: cheaper). */
const localDayOf = (offsetMinutes: number) => sql`((${cases.receivedAt} at time zone 'UTC') + ${offsetMinutes}::int * interval '1 minute')::date`;

/*
 * The complainant as group complaints tell people apart: the digits of their phone, hashed (the number itself never
 * leaves the query). A case without a phone has no complainant that can be told apart and is in no group.
 */

export interface GroupCandidateCase {
  id: string;
  categoryId: string;
  areaUnitId: string | null;
  lat: number | null;
  lng: number | null;
  complainantKey: string;
  receivedAt: number;
}

/** A stored alert (analysis_alerts) as the list reads it; `detectedAt` to the microsecond (the list's keyset). */
export interface AlertRow {
  id: number;
  kind: string;
  categoryId: string;
  unitId: string | null;
  detectedAt: string;
  createdAt: Date;
  details: Record<string, unknown>;
}

export interface AlertFilter {
  kinds: readonly string[];
  /** Detected in [fromMs, toMs). */
  fromMs?: number | undefined;
  toMs?: number | undefined;
  /** Told to, or placed at, a unit of every set (a reader's reach, the unit asked for). */
  unitSets: ReadonlyArray<readonly string[]>;
  after?: { detectedAt: string; id: number } | undefined;
  limit: number;
}

const MICROS = sql.raw(`'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`);

export function createAnalysisRepository(db: Database) {
  return {
    /** Every unit with its type, path and parent (a few thousand rows at most: read per request). */
    async units(): Promise<UnitRecord[]> {
      return db.select({ id: units.id, name: units.name, type: units.type, path: units.path, parentId: units.parentId }).from(units);
    },

    /** Cases per own category. */
    async categoryCounts(f: CaseFilter): Promise<Array<{ categoryId: string; count: number }>> {
      const { rows } = await db.execute<{ category_id: string; n: string }>(sql`
        select ${cases.categoryId} as category_id, count(*)::int8 as n from ${cases} where ${conditions(f)} group by 1`);
      return rows.map((r) => ({ categoryId: r.category_id, count: Number(r.n) }));
    },

    /** Cases per local day of receipt. */
    async dayCounts(f: CaseFilter, offsetMinutes: number): Promise<Map<string, number>> {
      const { rows } = await db.execute<{ day: string; n: string }>(sql`
        select to_char(d, 'YYYY-MM-DD') as day, n from (
          select ${localDayOf(offsetMinutes)} as d, count(*)::int8 as n from ${cases} where ${conditions(f)} group by 1
        ) per_day`);
      return new Map(rows.map((r) => [r.day, Number(r.n)]));
    },

    /** Cases per place unit (null: no place unit). */
    async placeCounts(f: CaseFilter): Promise<Array<{ areaUnitId: string | null; count: number }>> {
      const { rows } = await db.execute<{ area_unit_id: string | null; n: string }>(sql`
        select ${cases.areaUnitId} as area_unit_id, count(*)::int8 as n from ${cases} where ${conditions(f)} group by 1`);
      return rows.map((r) => ({ areaUnitId: r.area_unit_id, count: Number(r.n) }));
    },

    /**
     * The hottest cells at a precision — the `top` with the most cases, and every cell tied with the last of them (the
     * rule breaks ties by geohash, which the database does not know) — with how many cases had usable coordinates and
     * how many had not. Grouped by one whole number per cell (row × columns + column) in the database; only the few
     * cells asked for come back (a month of a city's cases can be in a quarter of a million cells, each of which the
     * caller would otherwise turn into a geohash and bounds, to show ten).
     */
    async cellCounts(f: CaseFilter, precision: number, top: number): Promise<{ cells: Array<CellIndex & { count: number }>; located: number; unlocated: number }> {
      const key = cellKey(precision);
      const { rows } = await db.execute<{ row: string | null; col: string | null; n: string; located: string }>(sql`
        with cells as (
          select k, count(*)::int8 as n from (
            select case when ${LOCATED} then ${key.of} end as k from ${cases} where ${conditions(f)}
          ) located group by 1
        )
        select k / ${key.cols}::int8 as row, k % ${key.cols}::int8 as col, n,
               (select coalesce(sum(n), 0) from cells where k is not null)::int8 as located
        from cells
        where k is null or n >= coalesce((select n from cells where k is not null order by n desc offset ${Math.max(0, top - 1)} limit 1), 0)`);
      let unlocated = 0;
      const cells: Array<CellIndex & { count: number }> = [];
      for (const r of rows) {
        if (r.row === null || r.col === null) unlocated += Number(r.n);
        else cells.push({ row: Number(r.row), col: Number(r.col), count: Number(r.n) });
      }
      return { cells, located: rows.length ? Number(rows[0]!.located) : 0, unlocated };
    },

    /**
     * The cases of every (own category, place) with at least `minComplainants` cases over the whole range: the only
     * ones a group can form in (a group's window is inside the range, and its complainants are at most its cases),
     * handed to the rule, which finds the groups. The place is the case's cell at `precision` when it has coordinates,
     * else its place unit when that is a grid or a community (`placeUnitIds`), else none (domain/analysis.rules.ts
     * `groupPlaceOf`).
     *
     * One read of the range (index-only: cases_analysis_idx carries the case's id too), the issues' sizes counted by a
     * window over it, no join: a join back to the cases of the issues found was planned as a nested loop, one range
     * scan per issue (on a month of 200,000 cases, 4,390 issues: 56 s; this: 1.5 s). The complainant's digits are
     * hashed only for the candidates' cases.
     */
    async groupCandidates(f: CaseFilter, g: { precision: number; minComplainants: number; placeUnitIds: readonly string[] }): Promise<GroupCandidateCase[]> {
      const key = cellKey(g.precision);
      const { rows } = await db.execute<{
        id: string;
        category_id: string;
        area_unit_id: string | null;
        lat: number | null;
        lng: number | null;
        who: string | null;
        received_ms: number;
      }>(sql`
        select id, category_id, area_unit_id, lat, lng,
               case when regexp_replace(phone, '[^0-9]', '', 'g') <> '' then md5(regexp_replace(phone, '[^0-9]', '', 'g')) end as who,
               (extract(epoch from received_at) * 1000)::float8 as received_ms
        from (
          select x.*, count(*) over (partition by category_id, k, u) as n
          from (
            select ${cases.id} as id, ${cases.categoryId} as category_id, ${cases.areaUnitId} as area_unit_id, ${cases.lat} as lat, ${cases.lng} as lng,
                   ${cases.complainantPhone} as phone, ${cases.receivedAt} as received_at,
                   case when ${LOCATED} then ${key.of} else -1 end as k,
                   case when (${LOCATED}) is not true and ${cases.areaUnitId} = any(${list(g.placeUnitIds)}) then ${cases.areaUnitId} else '' end as u
            from ${cases}
            where ${conditions(f)} and ${cases.complainantPhone} is not null
          ) x
          where k >= 0 or u <> ''
        ) issues
        where n >= ${g.minComplainants}`);
      // A phone without a digit tells nobody apart (known from the hash of the candidates' digits: a condition on every case would cost more).
      return rows.flatMap((r) =>
        r.who === null
          ? []
          : [{ id: r.id, categoryId: r.category_id, areaUnitId: r.area_unit_id, lat: r.lat === null ? null : Number(r.lat), lng: r.lng === null ? null : Number(r.lng), complainantKey: r.who, receivedAt: Number(r.received_ms) }],
      );
    },

    /** Cases per local day, own category and place unit (a surge's counts, mapped to the place level by the caller). */
    async dayCategoryPlaceCounts(f: CaseFilter, offsetMinutes: number): Promise<Array<{ day: string; categoryId: string; areaUnitId: string | null; count: number }>> {
      const { rows } = await db.execute<{ day: string; category_id: string; area_unit_id: string | null; n: string }>(sql`
        select to_char(d, 'YYYY-MM-DD') as day, category_id, area_unit_id, n from (
          select ${localDayOf(offsetMinutes)} as d, ${cases.categoryId} as category_id, ${cases.areaUnitId} as area_unit_id, count(*)::int8 as n
          from ${cases} where ${conditions(f)} group by 1, 2, 3
        ) per_day`);
      return rows.map((r) => ({ day: r.day, categoryId: r.category_id, areaUnitId: r.area_unit_id, count: Number(r.n) }));
    },

    /** Where a case is: its place unit and the unit that has it (a group complaint's notice goes to the place's street). */
    async caseUnits(id: string): Promise<{ areaUnitId: string | null; unitId: string | null } | null> {
      const [row] = await db.select({ areaUnitId: cases.areaUnitId, unitId: cases.unitId }).from(cases).where(sql`${cases.id} = ${id}`);
      return row ?? null;
    },

    /**
     * The assessment's `dispatched` counter (each time a case was sent to a unit, on the local day it was sent) per
     * day, over units and categories (unit_counters' primary key leads with the day: a range read).
     */
    async dispatchedDayCounts(q: { from: string; to: string; unitIds?: readonly string[] | undefined; categoryIds?: readonly string[] | undefined }): Promise<Map<string, number>> {
      const where: SQL[] = [sql`day >= ${q.from}`, sql`day <= ${q.to}`, sql`counter = 'dispatched'`];
      if (q.unitIds) where.push(sql`unit_id = any(${list(q.unitIds)})`);
      if (q.categoryIds) where.push(sql`category_id = any(${list(q.categoryIds)})`);
      const { rows } = await db.execute<{ day: string; n: string }>(sql`select day, sum(n)::int8 as n from unit_counters where ${and(...where)} group by day`);
      return new Map(rows.map((r) => [r.day, Number(r.n)]));
    },

    /**
     * The cases behind a figure, newest received first, keyset-paged on (received_at, id); `limit + 1` ids are read
     * so the caller knows whether there is a next page. Answers the ids and when each was received.
     */
    async caseIds(f: CaseFilter, page: { after?: { receivedAt: string; id: string } | undefined; limit: number }): Promise<Array<{ id: string; receivedAt: string }>> {
      const after = page.after ? sql`and (${cases.receivedAt}, ${cases.id}) < (${page.after.receivedAt}::timestamptz, ${page.after.id}::text)` : sql``;
      const { rows } = await db.execute<{ id: string; received_at_text: string }>(sql`
        select ${cases.id} as id, to_char(${cases.receivedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as received_at_text
        from ${cases} where ${conditions(f)} ${after}
        order by ${cases.receivedAt} desc, ${cases.id} desc
        limit ${page.limit + 1}`);
      return rows.map((r) => ({ id: r.id, receivedAt: r.received_at_text }));
    },

    /**
     * Open cases (not closed) with a running clock past its deadline now (`overdue`: next_due_at before now) or a red
     * warning, per unit they are at (null: not dispatched), among the cases placed in or sent to every unit set.
     * The two partial indexes on next_due_at and warning_level answer it (open warnings are few).
     */
    async openWarnings(unitSets: ReadonlyArray<readonly string[]>, nowMs: number): Promise<Array<{ unitId: string | null; overdue: number; red: number }>> {
      const at = sql`${new Date(nowMs).toISOString()}::timestamptz`;
      const where: SQL[] = [sql`${cases.closedAt} is null`, sql`(${cases.nextDueAt} < ${at} or ${cases.warningLevel} = 'red')`];
      for (const set of unitSets) where.push(sql`(${cases.areaUnitId} = any(${list(set)}) or ${cases.unitId} = any(${list(set)}))`);
      const { rows } = await db.execute<{ unit_id: string | null; overdue: string; red: string }>(sql`
        select ${cases.unitId} as unit_id,
               count(*) filter (where ${cases.nextDueAt} < ${at})::int8 as overdue,
               count(*) filter (where ${cases.warningLevel} = 'red')::int8 as red
        from ${cases} where ${and(...where)} group by 1`);
      return rows.map((r) => ({ unitId: r.unit_id, overdue: Number(r.overdue), red: Number(r.red) }));
    },

    /**
     * Stored alerts, the latest detected first, keyset-paged on (detected_at, id); `limit + 1` rows are read so the
     * caller knows whether there is a next page. A few thousand a year: the detected_at index, read backwards.
     */
    async alerts(f: AlertFilter): Promise<AlertRow[]> {
      const where: SQL[] = [sql`${analysisAlerts.kind} = any(${list(f.kinds)})`];
      if (f.fromMs !== undefined) where.push(sql`${analysisAlerts.detectedAt} >= ${new Date(f.fromMs).toISOString()}::timestamptz`);
      if (f.toMs !== undefined) where.push(sql`${analysisAlerts.detectedAt} < ${new Date(f.toMs).toISOString()}::timestamptz`);
      for (const set of f.unitSets) where.push(sql`(${analysisAlerts.unitId} = any(${list(set)}) or ${analysisAlerts.details}->'place'->>'unitId' = any(${list(set)}))`);
      if (f.after) where.push(sql`(${analysisAlerts.detectedAt}, ${analysisAlerts.id}) < (${f.after.detectedAt}::timestamptz, ${f.after.id}::int8)`);
      const { rows } = await db.execute<{ id: string; kind: string; category_id: string; unit_id: string | null; detected_at: string; created_at: string; details: Record<string, unknown> }>(sql`
        select ${analysisAlerts.id} as id, ${analysisAlerts.kind} as kind, ${analysisAlerts.categoryId} as category_id, ${analysisAlerts.unitId} as unit_id,
               to_char(${analysisAlerts.detectedAt} at time zone 'UTC', ${MICROS}) as detected_at, ${analysisAlerts.createdAt} as created_at, ${analysisAlerts.details} as details
        from ${analysisAlerts} where ${and(...where)}
        order by ${analysisAlerts.detectedAt} desc, ${analysisAlerts.id} desc
        limit ${f.limit + 1}`);
      return rows.map((r) => ({ id: Number(r.id), kind: r.kind, categoryId: r.category_id, unitId: r.unit_id, detectedAt: r.detected_at, createdAt: new Date(r.created_at), details: r.details }));
    },

    /**
     * The group complaints flagged on a category whose window can hold an instant (a case's receipt): what a case is
     * checked against to say it is part of a flagged group (api/group-flags.ts). Reads
     * analysis_alerts_group_idx (category, detected_at; groups only): a group is detected inside its window, so one
     * whose window holds the instant was detected less than the longest window before or after it.
     */
    async groupAlertsAround(q: { categoryId: string; atMs: number; maxWindowDays: number }): Promise<AlertRow[]> {
      const span = q.maxWindowDays * 86_400_000;
      const at = new Date(q.atMs).toISOString();
      const { rows } = await db.execute<{ id: string; kind: string; category_id: string; unit_id: string | null; detected_at: string; created_at: string; details: Record<string, unknown> }>(sql`
        select ${analysisAlerts.id} as id, ${analysisAlerts.kind} as kind, ${analysisAlerts.categoryId} as category_id, ${analysisAlerts.unitId} as unit_id,
               to_char(${analysisAlerts.detectedAt} at time zone 'UTC', ${MICROS}) as detected_at, ${analysisAlerts.createdAt} as created_at, ${analysisAlerts.details} as details
        from ${analysisAlerts}
        where ${analysisAlerts.kind} = 'group_complaint' and ${analysisAlerts.categoryId} = ${q.categoryId}
          and ${analysisAlerts.detectedAt} > ${new Date(q.atMs - span).toISOString()}::timestamptz
          and ${analysisAlerts.detectedAt} < ${new Date(q.atMs + span).toISOString()}::timestamptz
          and (${analysisAlerts.details}->>'windowStart')::timestamptz <= ${at}::timestamptz
          and (${analysisAlerts.details}->>'windowEnd')::timestamptz > ${at}::timestamptz
        order by ${analysisAlerts.detectedAt}, ${analysisAlerts.id}`);
      return rows.map((r) => ({ id: Number(r.id), kind: r.kind, categoryId: r.category_id, unitId: r.unit_id, detectedAt: r.detected_at, createdAt: new Date(r.created_at), details: r.details }));
    },

    /** Case rows by id. */
    async caseRows(ids: readonly string[]): Promise<Map<string, CaseRow>> {
      if (!ids.length) return new Map();
      const rows = await db.select().from(cases).where(inArray(cases.id, [...new Set(ids)]));
      return new Map(rows.map((r) => [r.id, r]));
    },
  };
}

export type AnalysisRepository = ReturnType<typeof createAnalysisRepository>;
