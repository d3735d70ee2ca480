/**
 * The record's gauges for operators (api/metrics.ts): counts only — of open cases by status, warning and the level
 * of the unit that has them, of overdue cases, of notices waiting or given up. Never a complainant's data, never a
 * case or unit id (the labels are codes from short fixed lists). Two statements, each on an index: open cases through
 * cases_status_created_idx (status in the open list), notices through notifications_pending_idx (undelivered only).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { CASE_STATUSES } from '../domain/case.types.js';

/** Every status but closed. */
export const OPEN_STATUSES = CASE_STATUSES.filter((s) => s !== 'closed');

export interface OpenCaseCount {
  status: string;
  warningLevel: string;
  /** The type of the unit the case is at (street, district, department…), or `none` before dispatch. */
  unitLevel: string;
  open: number;
  /** Of them, with a running clock past its deadline (the case list's `overdue=true`). */
  overdue: number;
}

export interface NoticeCounts {
  /** Not delivered and not given up. */
  pending: number;
  /** Of them, due now and not being sent (a deliverer claims a notice by moving its next attempt a lease ahead). */
  due: number;
  /** Of the pending, those that failed at least once and wait for another attempt. */
  retrying: number;
  /** Seconds the oldest due notice has been waiting (0: none). */
  oldestDueSeconds: number;
  /** Given up (NOTIFY_MAX_ATTEMPTS, a permanent refusal, an unknown recipient), all time. */
  failed: number;
}

export interface MetricsRepository {
  openCases(): Promise<OpenCaseCount[]>;
  notices(): Promise<NoticeCounts>;
}

export function createMetricsRepository(db: Database): MetricsRepository {
  const open = sql.join(
    OPEN_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  return {
    async openCases() {
      const { rows } = await db.execute<{ status: string; warning_level: string; unit_level: string; open: number; overdue: number }>(sql`
        select c.status, c.warning_level, coalesce(u.type, 'none') as unit_level,
               count(*)::int as open, (count(*) filter (where c.next_due_at < now()))::int as overdue
        from cases c left join units u on u.id = c.unit_id
        where c.status in (${open})
        group by 1, 2, 3`);
      return rows.map((r) => ({ status: r.status, warningLevel: r.warning_level, unitLevel: r.unit_level, open: r.open, overdue: r.overdue }));
    },
    async notices() {
      const { rows } = await db.execute<{ pending: number; due: number; retrying: number; oldest_due: number | null; failed: number }>(sql`
        select (count(*) filter (where failed_at is null))::int as pending,
               (count(*) filter (where failed_at is null and coalesce(next_attempt_at, created_at) <= now()))::int as due,
               (count(*) filter (where failed_at is null and attempts > 0))::int as retrying,
               extract(epoch from now() - min(coalesce(next_attempt_at, created_at)) filter (where failed_at is null and coalesce(next_attempt_at, created_at) <= now()))::float8 as oldest_due,
               (count(*) filter (where failed_at is not null))::int as failed
        from notifications
        where delivered_at is null`);
      const r = rows[0];
      return {
        pending: r?.pending ?? 0,
        due: r?.due ?? 0,
        retrying: r?.retrying ?? 0,
        oldestDueSeconds: Math.max(0, r?.oldest_due ?? 0),
        failed: r?.failed ?? 0,
      };
    },
  };
}
