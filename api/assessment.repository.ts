/**
 * Reads of the assessment tables (db/schema.ts: unit_day_counters, case_contributions, ranking_publications) for the
 * figures, the rankings, the drill-down and the published rankings. The counters are written by the projection
 * (db/assessment.counters.ts); nothing here writes them.
 *
 * **A level's figure is its subtree's.** A street's figures are the sums over the street and every unit below it
 * (its communities and grids), a district's over the district, its streets and theirs. That is how the cities rank
 * (Beijing ranks its streets and towns by the complaints sent to the street and its communities: a complaint handled
 * by a community is the street's territory's), and it makes a level's figures add up the way the tree does. The
 * unit's own figures (only what was sent to the unit itself) are there too: GET /v1/units/:unitId/figures answers
 * both, and the drill-down takes `scope=own`.
 *
 * Every sum is one aggregate of unit_day_counters (unit_counters without the category) grouped by unit and counter over a range of local days, read by the
 * primary key (day first); a level then maps each unit to its ancestor of that level through the unit's
 * materialised path (`units.path` split on '/', each id joined to `units` by equality), after the aggregate, so the
 * mapping costs a row per unit, counter and level of depth, not per counter row (and never units × units).
 */
import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { DayRange } from '../domain/assessment.periods.js';
import type { Counter, Counts } from '../domain/assessment.rules.js';
import type { Database } from '../db/client.js';
import { cases, rankingPublications, units } from '../db/schema.js';
import type { CaseRow } from '../db/case.rows.js';

export type { DayRange };

export interface UnitInfo {
  id: string;
  name: string;
  type: string;
  path: string;
}

/** Which units a sum or a drill-down covers: the unit alone, or it and every unit below it. */
export type UnitScope = 'own' | 'subtree';

/** The units of a unit's subtree (it included), as a sub-select on `units`. */
const subtreeIds = (unitId: string) => sql`select ${units.id} from ${units} where ${unitId} = any(string_to_array(${units.path}, '/'))`;

const unitCondition = (column: SQL, unitId: string, scope: UnitScope): SQL => (scope === 'own' ? sql`${column} = ${unitId}` : sql`${column} in (${subtreeIds(unitId)})`);

function addCount(map: Map<string, Counts>, unitId: string, counter: string, n: unknown): void {
  const counts = map.get(unitId) ?? {};
  counts[counter as Counter] = Number(n);
  map.set(unitId, counts);
}

/** One row of the drill-down: a case's contributions to one unit on one day, summed per counter. */
export interface DrillRow {
  caseId: string;
  unitId: string;
  day: string;
  counts: Partial<Record<Counter, number>>;
  numerator: number;
  denominator: number;
}

export interface DrillQuery {
  unitId: string;
  scope: UnitScope;
  range: DayRange;
  /** The denominator counter (a counter on its own: that counter). */
  denominator: Counter;
  /** The numerator's counters and weights (none for a counter on its own). */
  numerator: ReadonlyArray<{ counter: Counter; weight: number }>;
  /** all: every case in the denominator; short: those that earned less than the whole numerator; counted: those with any numerator. */
  keep: 'all' | 'short' | 'counted';
  after?: { day: string; caseId: string; unitId: string };
  limit: number;
}

/** A rounding margin for weighted numerators (0.1 × 3 is not exactly 0.3). */
const EPSILON = 1e-9;

export interface PublicationInsert {
  level: string;
  within: string | null;
  periodKind: string;
  period: string;
  policyVersion: number;
  ranking: unknown;
  public: boolean;
  note: string | null;
  publishedBy: string;
}

export type PublicationRow = typeof rankingPublications.$inferSelect;
export type PublicationSummaryRow = Omit<PublicationRow, 'ranking'> & { supersededBy: number | null };

export interface PublicationFilter {
  level?: string;
  within?: string | null;
  periodKind?: string;
  period?: string;
  publicOnly?: boolean;
  /** Keyset: ids below this one (newest first). */
  beforeId?: number;
  limit: number;
}

const sameRanking = (r: { level: string; within: string | null; periodKind: string; period: string }): SQL =>
  and(
    eq(rankingPublications.level, r.level),
    sql`coalesce(${rankingPublications.within}, '') = ${r.within ?? ''}`,
    eq(rankingPublications.periodKind, r.periodKind),
    eq(rankingPublications.period, r.period),
  )!;

/** The next version of the same ranking (level, within, period kind, period), if any: the one that corrected it. */
const successor = sql<number | null>`(
  select s.id from ${rankingPublications} s
  where s.level = ${rankingPublications.level} and coalesce(s.within, '') = coalesce(${rankingPublications.within}, '')
    and s.period_kind = ${rankingPublications.periodKind} and s.period = ${rankingPublications.period}
    and s.version = ${rankingPublications.version} + 1
)`;

const summaryColumns = {
  id: rankingPublications.id,
  level: rankingPublications.level,
  within: rankingPublications.within,
  periodKind: rankingPublications.periodKind,
  period: rankingPublications.period,
  version: rankingPublications.version,
  policyVersion: rankingPublications.policyVersion,
  public: rankingPublications.public,
  note: rankingPublications.note,
  publishedAt: rankingPublications.publishedAt,
  publishedBy: rankingPublications.publishedBy,
  supersededBy: sql<number | null>`${successor}`.mapWith((v: unknown) => (v === null ? null : Number(v))),
};

export interface LevelQuery {
  level: string;
  within: string | null;
  range: DayRange;
}

/**
 * The ranking's aggregate: each unit of the level (under `within`, or in the whole tree) with its subtree's counters
 * summed over the days, from unit_day_counters (the counters without their category: a month of a city is a few
 * thousand rows there). Exported so that bench/metrics.ts runs the very statement bare.
 */
export function levelCountsQuery(q: LevelQuery): SQL {
  // Under `within`, only the subtree's counters are read at all (unit_day_counters_unit_day_idx).
  const inWithin = q.within === null ? sql`true` : sql`${q.within} = any(string_to_array(l.path, '/'))`;
  const rowsWithin = q.within === null ? sql`` : sql`and c.unit_id in (${subtreeIds(q.within)})`;
  return sql`
    select l.id as unit_id, a.counter, sum(a.n)::int8 as n
    from (
      select c.unit_id, c.counter, sum(c.n) as n
      from unit_day_counters c
      where c.day >= ${q.range.from} and c.day <= ${q.range.to} ${rowsWithin}
      group by c.unit_id, c.counter
    ) a
    join units d on d.id = a.unit_id
    cross join lateral unnest(string_to_array(d.path, '/')) as ancestor(id)
    join units l on l.id = ancestor.id and l.type = ${q.level} and ${inWithin}
    group by l.id, a.counter`;
}

export function createAssessmentRepository(db: Database) {
  return {
    async unit(id: string): Promise<UnitInfo | null> {
      const [row] = await db.select({ id: units.id, name: units.name, type: units.type, path: units.path }).from(units).where(eq(units.id, id));
      return row ?? null;
    },

    /** The units of a type (a level), within a unit's subtree or in the whole tree, by id. */
    async levelUnits(level: string, within: string | null): Promise<UnitInfo[]> {
      return db
        .select({ id: units.id, name: units.name, type: units.type, path: units.path })
        .from(units)
        .where(and(eq(units.type, level), within === null ? undefined : sql`${within} = any(string_to_array(${units.path}, '/'))`))
        .orderBy(units.id);
    },

    /** Names of units by id (a published ranking's rows carry them; this is for the live answers). */
    async unitNames(ids: readonly string[]): Promise<Map<string, string>> {
      if (!ids.length) return new Map();
      const rows = await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, [...ids]));
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    /**
     * For a level: each unit of that type (under `within`, or in the whole tree) with its subtree's counters summed
     * over the days. Units with nothing counted are absent (the caller lists every unit of the level).
     */
    async levelCounts(q: LevelQuery): Promise<Map<string, Counts>> {
      const { rows } = await db.execute<{ unit_id: string; counter: string; n: string }>(levelCountsQuery(q));
      const out = new Map<string, Counts>();
      for (const r of rows) addCount(out, r.unit_id, r.counter, r.n);
      return out;
    },

    /** One unit's counters over the days: its own, and its subtree's (it and every unit below). */
    async unitCounts(unitId: string, range: DayRange): Promise<{ own: Counts; subtree: Counts }> {
      const { rows } = await db.execute<{ own: boolean; counter: string; n: string }>(sql`
        select c.unit_id = ${unitId} as own, c.counter, sum(c.n)::int8 as n
        from unit_day_counters c
        where c.unit_id in (${subtreeIds(unitId)}) and c.day >= ${range.from} and c.day <= ${range.to}
        group by 1, 2`);
      const own: Counts = {};
      const subtree: Counts = {};
      for (const r of rows) {
        const c = r.counter as Counter;
        subtree[c] = (subtree[c] ?? 0) + Number(r.n);
        if (r.own) own[c] = (own[c] ?? 0) + Number(r.n);
      }
      return { own, subtree };
    },

    /** How many units a unit's subtree holds (it included). */
    async subtreeSize(unitId: string): Promise<number> {
      const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from units where ${unitId} = any(string_to_array(path, '/'))`);
      return rows[0]?.n ?? 0;
    },

    /**
     * The cases behind a figure or a counter: case_contributions of the unit (or its subtree) in the days, summed per
     * case, unit and day (the key every numerator shares with its denominator), keyset-paged in (day, case, unit)
     * order. `limit + 1` rows are read so the caller knows whether there is a next page.
     */
    async drill(q: DrillQuery): Promise<DrillRow[]> {
      const counters = [q.denominator, ...q.numerator.map((t) => t.counter)];
      const weight = q.numerator.length
        ? sql.join([sql`case p.counter`, ...q.numerator.map((t) => sql`when ${t.counter} then ${t.weight}::float8`), sql`else 0::float8 end`], sql` `)
        : sql`0::float8`;
      const den = sql`coalesce(sum(p.n) filter (where p.counter = ${q.denominator}), 0)`;
      const num = sql`coalesce(sum(p.n * ${weight}) filter (where p.counter <> ${q.denominator}), 0)`;
      const keep =
        q.keep === 'short' ? sql`and ${num} < ${den} - ${EPSILON}::float8` : q.keep === 'counted' ? sql`and ${num} > ${EPSILON}::float8` : sql``;
      const after = q.after ? sql`and (cc.day, cc.case_id, cc.unit_id) > (${q.after.day}, ${q.after.caseId}, ${q.after.unitId})` : sql``;
      const { rows } = await db.execute<{ case_id: string; unit_id: string; day: string; counts: Record<string, number>; den: string; num: number }>(sql`
        select p.case_id, p.unit_id, p.day, jsonb_object_agg(p.counter, p.n) as counts, ${den}::int8 as den, ${num}::float8 as num
        from (
          select cc.case_id, cc.unit_id, cc.day, cc.counter, sum(cc.n)::int8 as n
          from case_contributions cc
          where ${unitCondition(sql`cc.unit_id`, q.unitId, q.scope)}
            and cc.counter in (${sql.join(counters.map((c) => sql`${c}`), sql`, `)})
            and cc.day >= ${q.range.from} and cc.day <= ${q.range.to}
            ${after}
          group by cc.case_id, cc.unit_id, cc.day, cc.counter
        ) p
        group by p.case_id, p.unit_id, p.day
        having ${den} > 0 ${keep}
        order by p.day, p.case_id, p.unit_id
        limit ${q.limit + 1}`);
      return rows.map((r) => ({
        caseId: r.case_id,
        unitId: r.unit_id,
        day: r.day,
        counts: Object.fromEntries(Object.entries(r.counts).map(([k, v]) => [k, Number(v)])),
        numerator: Number(r.num),
        denominator: Number(r.den),
      }));
    },

    /** The case rows of these ids (the drill-down's page), by id. */
    async caseRows(ids: readonly string[]): Promise<Map<string, CaseRow>> {
      if (!ids.length) return new Map();
      const rows = await db.select().from(cases).where(inArray(cases.id, [...new Set(ids)]));
      return new Map(rows.map((r) => [r.id, r]));
    },

    /**
     * Stores a ranking as the next version of its (level, within, period kind, period), in one transaction that holds
     * the table against other publishers (two publishing at once get consecutive versions); answers the stored row
     * and the version it follows (null for the first).
     */
    async publish(p: PublicationInsert): Promise<{ row: PublicationRow; previous: PublicationRow | null }> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`lock table ${rankingPublications} in share row exclusive mode`);
        const [previous] = await tx.select().from(rankingPublications).where(sameRanking(p)).orderBy(desc(rankingPublications.version)).limit(1);
        const [row] = await tx
          .insert(rankingPublications)
          .values({ ...p, version: (previous?.version ?? 0) + 1 })
          .returning();
        return { row: row!, previous: previous ?? null };
      });
    },

    /** Published rankings, newest first (by id), without their rows. */
    async listPublications(f: PublicationFilter): Promise<PublicationSummaryRow[]> {
      const where: SQL[] = [];
      if (f.level !== undefined) where.push(eq(rankingPublications.level, f.level));
      if (f.within !== undefined) where.push(sql`coalesce(${rankingPublications.within}, '') = ${f.within ?? ''}`);
      if (f.periodKind !== undefined) where.push(eq(rankingPublications.periodKind, f.periodKind));
      if (f.period !== undefined) where.push(eq(rankingPublications.period, f.period));
      if (f.publicOnly) where.push(eq(rankingPublications.public, true));
      if (f.beforeId !== undefined) where.push(lt(rankingPublications.id, f.beforeId));
      return db
        .select(summaryColumns)
        .from(rankingPublications)
        .where(where.length ? and(...where) : undefined)
        .orderBy(desc(rankingPublications.id))
        .limit(f.limit + 1);
    },

    /** One published ranking with its rows, and the version that corrected it (if any). */
    async getPublication(id: number): Promise<(PublicationRow & { supersededBy: number | null }) | null> {
      const [row] = await db
        .select({ ...summaryColumns, ranking: rankingPublications.ranking })
        .from(rankingPublications)
        .where(eq(rankingPublications.id, id));
      return row ?? null;
    },
  };
}

export type AssessmentRepository = ReturnType<typeof createAssessmentRepository>;
