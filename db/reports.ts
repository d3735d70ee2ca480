/**
 * Stored reports (`reports`): storing one as the next version of its (kind, scope, period), listing them newest first
 * within a reader's reach, and reading one with its files. A stored version never changes; generating the period
 * again adds a version. `source` (the workflow run and scope that made it) is unique: a retried store finds the row
 * its first attempt wrote instead of adding a version.
 */
import { and, desc, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Database } from './client.js';
import { reports } from './schema.js';

export type ReportRow = typeof reports.$inferSelect;
export type ReportSummaryRow = Omit<ReportRow, 'html' | 'xlsx' | 'figures'> & { supersededBy: number | null };

export interface ReportInsert {
  kind: string;
  period: string;
  fromDay: string;
  toDay: string;
  scopeUnitId: string | null;
  title: string;
  html: string;
  xlsx: Buffer;
  figures: unknown;
  analysisPolicyVersion: number;
  source: string;
  createdBy: string;
}

/** The next version of the same report (kind, scope, period), if any: the one that superseded it. */
const successor = sql<number | null>`(
  select s.id from ${reports} s
  where s.kind = ${reports.kind} and coalesce(s.scope_unit_id, '') = coalesce(${reports.scopeUnitId}, '')
    and s.period = ${reports.period} and s.version = ${reports.version} + 1
)`;

const summaryColumns = {
  id: reports.id,
  kind: reports.kind,
  period: reports.period,
  fromDay: reports.fromDay,
  toDay: reports.toDay,
  scopeUnitId: reports.scopeUnitId,
  version: reports.version,
  title: reports.title,
  analysisPolicyVersion: reports.analysisPolicyVersion,
  source: reports.source,
  createdBy: reports.createdBy,
  createdAt: reports.createdAt,
  supersededBy: sql<number | null>`${successor}`.mapWith((v: unknown) => (v === null ? null : Number(v))),
};

export interface ReportFilter {
  kind?: string | undefined;
  period?: string | undefined;
  /** Reports of this scope (null: the city's). */
  scopeUnitId?: string | null | undefined;
  /** Only reports whose scope is one of these units (a reader's reach); undefined: every report. */
  withinUnitIds?: readonly string[] | undefined;
  beforeId?: number | undefined;
  limit: number;
}

export function createReportStore(db: Database) {
  return {
    /**
     * Stores a report as the next version of its (kind, scope, period), in one transaction holding the table against
     * other writers; a report with the same `source` is answered as it is (`created: false`).
     */
    async store(r: ReportInsert): Promise<{ row: ReportSummaryRow; created: boolean }> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`lock table ${reports} in share row exclusive mode`);
        const [existing] = await tx.select(summaryColumns).from(reports).where(eq(reports.source, r.source));
        if (existing) return { row: existing, created: false };
        const [{ max }] = (await tx
          .select({ max: sql<number>`coalesce(max(${reports.version}), 0)::int` })
          .from(reports)
          .where(and(eq(reports.kind, r.kind), eq(reports.period, r.period), r.scopeUnitId === null ? isNull(reports.scopeUnitId) : eq(reports.scopeUnitId, r.scopeUnitId)))) as [{ max: number }];
        const [row] = await tx.insert(reports).values({ ...r, version: max + 1 }).returning({ id: reports.id });
        const [stored] = await tx.select(summaryColumns).from(reports).where(eq(reports.id, row!.id));
        return { row: stored!, created: true };
      });
    },

    /** Reports newest first (by id), without their files. */
    async list(f: ReportFilter): Promise<ReportSummaryRow[]> {
      const where: SQL[] = [];
      if (f.kind !== undefined) where.push(eq(reports.kind, f.kind));
      if (f.period !== undefined) where.push(eq(reports.period, f.period));
      if (f.scopeUnitId !== undefined) where.push(f.scopeUnitId === null ? isNull(reports.scopeUnitId) : eq(reports.scopeUnitId, f.scopeUnitId));
      if (f.withinUnitIds !== undefined) where.push(f.withinUnitIds.length ? inArray(reports.scopeUnitId, [...f.withinUnitIds]) : sql`false`);
      if (f.beforeId !== undefined) where.push(lt(reports.id, f.beforeId));
      return db
        .select(summaryColumns)
        .from(reports)
        .where(where.length ? and(...where) : undefined)
        .orderBy(desc(reports.id))
        .limit(f.limit + 1);
    },

    /** One report's summary (its files apart: html, xlsx, figures). */
    async get(id: number): Promise<ReportSummaryRow | null> {
      const [row] = await db.select(summaryColumns).from(reports).where(eq(reports.id, id));
      return row ?? null;
    },

    async html(id: number): Promise<string | null> {
      const [row] = await db.select({ html: reports.html }).from(reports).where(eq(reports.id, id));
      return row?.html ?? null;
    },

    async xlsx(id: number): Promise<Buffer | null> {
      const [row] = await db.select({ xlsx: reports.xlsx }).from(reports).where(eq(reports.id, id));
      return row?.xlsx ?? null;
    },

    async figures(id: number): Promise<unknown> {
      const [row] = await db.select({ figures: reports.figures }).from(reports).where(eq(reports.id, id));
      return row?.figures ?? null;
    },

    /** Reports of a kind and period (and scope) that exist, by version: what a regeneration follows. */
    async versions(q: { kind: string; period: string; scopeUnitId: string | null }): Promise<number[]> {
      const rows = await db
        .select({ version: reports.version })
        .from(reports)
        .where(and(eq(reports.kind, q.kind), eq(reports.period, q.period), q.scopeUnitId === null ? isNull(reports.scopeUnitId) : eq(reports.scopeUnitId, q.scopeUnitId)));
      return rows.map((r) => r.version).sort((a, b) => a - b);
    },
  };
}

export type ReportStore = ReturnType<typeof createReportStore>;

