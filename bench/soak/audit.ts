/**
 * The end of the soak: was anything lost? (1) The record against what the API answered, case by case (the ledger's
 * state of each). (2) Temporal's visibility against the record: the case workflows of the run's task queue counted
 * by CaseStatus (running; the closed ones running or completed, while they wait for late feedback or after) against
 * the record's rows by status, and none failed, terminated or timed out. (3) Every notice in the outbox delivered,
 * each one received exactly once by the webhook receiver. (4) The shape of the histories: events and bytes of a
 * sample of cases per state, from DescribeWorkflowExecution.
 */
import { CASE_STATUSES, type CaseStatus } from '../../domain/case.types.js';
import { percentile } from '../load.js';
import { progress, sleep } from '../processes.js';
import { waitForCases } from '../stack.js';
import type { Ledger } from './ledger.js';
import type { Lat } from './rows.js';
import { RUN, type SoakEnv } from './run.js';

export interface RecordCheck {
  /** By state: cases the ledger has in it, and how many of them the record shows in it. */
  byStatus: Record<string, { expected: number; matched: number }>;
  recordRows: number;
  ledger: number;
  /** Seconds the record took to show every case as the API last answered it (Infinity: it did not). */
  seconds: number;
}

export interface VisibilityCheck {
  /** By state: the record's rows, the running case workflows with that CaseStatus (closed: running + completed). */
  byStatus: Record<string, { record: number; workflows: number }>;
  /** Workflows of the task queue that failed, were terminated, cancelled or timed out. */
  broken: number;
  /** Every case workflow of the task queue (its current run), against the record's rows. */
  workflows: number;
  record: number;
  equal: boolean;
  seconds: number;
}

export interface NoticeCheck {
  rows: number;
  delivered: number;
  failed: number;
  waiting: number;
  received: number;
  /** Delivered in the outbox but never received, received but not in the outbox, received more than once. */
  missing: number;
  unknown: number;
  twice: number;
  badSignature: number;
  byKind: Record<string, number>;
}

export interface HistoryShape {
  /** The state, and for closed cases how they closed: after the callback, or answered at intake. */
  group: string;
  n: number;
  events: number;
  bytes: number;
}

/** (1) Waits until the record shows each case in the state the API last answered (at most `timeoutMs`). */
export async function checkRecord(env: SoakEnv, ledger: Ledger, timeoutMs: number): Promise<RecordCheck> {
  const t0 = Date.now();
  const byStatus: RecordCheck['byStatus'] = {};
  for (const [status, ids] of ledger.idsByStatus()) {
    const left = Math.max(5_000, timeoutMs - (Date.now() - t0));
    const { reached } = await waitForCases(RUN, env, ids, `status = '${status}'`, { timeoutMs: left, what: `${status} in the record`, pollMs: 500 });
    byStatus[status] = { expected: ids.length, matched: reached };
  }
  const matchedAll = Object.values(byStatus).every((s) => s.matched >= s.expected);
  const { rows } = await env.database.pool.query<{ n: number }>('select count(*)::int as n from cases');
  return { byStatus, recordRows: rows[0]!.n, ledger: ledger.size, seconds: matchedAll ? (Date.now() - t0) / 1000 : Number.POSITIVE_INFINITY };
}

/** (2) Counts the case workflows by CaseStatus in visibility until they equal the record's rows (at most `timeoutMs`). */
export async function checkVisibility(env: SoakEnv, timeoutMs: number): Promise<VisibilityCheck> {
  const t0 = Date.now();
  const q = (more: string) => `WorkflowType = 'caseWorkflow' AND TaskQueue = '${env.stack.taskQueue}' AND ${more}`;
  const count = async (query: string) => (await env.client.workflow.count(query)).count;
  for (;;) {
    const { rows } = await env.database.pool.query<{ status: CaseStatus; n: number }>('select status, count(*)::int as n from cases group by status');
    const record = Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<CaseStatus, number>>;
    const byStatus: VisibilityCheck['byStatus'] = {};
    for (const status of CASE_STATUSES) {
      const running = await count(q(`ExecutionStatus = 'Running' AND CaseStatus = '${status}'`));
      const completed = status === 'closed' ? await count(q(`ExecutionStatus = 'Completed' AND CaseStatus = 'closed'`)) : 0;
      if (running + completed || record[status]) byStatus[status] = { record: record[status] ?? 0, workflows: running + completed };
    }
    const broken = await count(q(`ExecutionStatus IN ('Failed', 'Terminated', 'Canceled', 'TimedOut')`));
    const workflows = await count(q(`ExecutionStatus != 'ContinuedAsNew'`));
    const recordTotal = rows.reduce((n, r) => n + r.n, 0);
    const equal = broken === 0 && workflows === recordTotal && Object.values(byStatus).every((s) => s.record === s.workflows);
    const seconds = (Date.now() - t0) / 1000;
    if (equal || Date.now() - t0 > timeoutMs || RUN.state.stopping) {
      if (!equal) progress(`visibility: warning: the counts still differ after ${seconds.toFixed(0)} s`);
      return { byStatus, broken, workflows, record: recordTotal, equal, seconds: equal ? seconds : Number.POSITIVE_INFINITY };
    }
    await sleep(2_000);
  }
}

/** (3) Waits until the outbox has nothing waiting (at most `timeoutMs`), then compares it with the receiver. */
export async function checkNotices(env: SoakEnv, timeoutMs: number): Promise<NoticeCheck> {
  const t0 = Date.now();
  const pool = env.database.pool;
  for (;;) {
    const { rows } = await pool.query<{ waiting: number }>('select count(*)::int as waiting from notifications where delivered_at is null and failed_at is null');
    if (rows[0]!.waiting === 0 || Date.now() - t0 > timeoutMs || RUN.state.stopping) break;
    await sleep(1_000);
  }
  // A few poll intervals more: a notice sent twice would show now.
  await sleep(3_000);
  const { rows } = await pool.query<{ id: string; kind: string; delivered: boolean; failed: boolean }>(
    'select id::text as id, kind, delivered_at is not null as delivered, failed_at is not null as failed from notifications',
  );
  const received = env.receiver.notices;
  const inOutbox = new Set(rows.map((r) => r.id));
  const byKind: Record<string, number> = {};
  for (const r of rows) byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
  return {
    rows: rows.length,
    delivered: rows.filter((r) => r.delivered).length,
    failed: rows.filter((r) => r.failed).length,
    waiting: rows.filter((r) => !r.delivered && !r.failed).length,
    received: received.size,
    missing: rows.filter((r) => r.delivered && !received.has(r.id)).length,
    unknown: [...received.keys()].filter((id) => !inOutbox.has(id)).length,
    twice: [...received.values()].filter((n) => n.hits > 1).length,
    badSignature: env.receiver.rejected.badSignature,
    byKind,
  };
}

/**
 * (4) Events and history bytes of up to `perGroup` cases of each state (closed: after a callback, or answered at
 * intake; timed cases apart), spread over the order they were opened in (DescribeWorkflowExecution).
 */
export async function historyShapes(env: SoakEnv, ledger: Ledger, perGroup: number): Promise<HistoryShape[]> {
  const out: HistoryShape[] = [];
  const groups = ledger.group((e) => (e.timed ? 'timed (warned)' : e.status === 'closed' ? (e.kind === 'triage' ? 'closed at intake' : 'closed after callback') : e.status));
  for (const [group, ids] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const step = Math.max(1, Math.floor(ids.length / perGroup));
    const sample = ids.filter((_, i) => i % step === 0).slice(0, perGroup);
    let events = 0;
    let bytes = 0;
    let n = 0;
    for (const id of sample) {
      try {
        const d = await env.client.workflow.getHandle(id).describe();
        events += d.historyLength;
        bytes += d.historySize ?? Number.NaN;
        n += 1;
      } catch (err) {
        progress(`history of ${id}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    if (n) out.push({ group, n, events: events / n, bytes: bytes / n });
  }
  return out;
}

/**
 * The timed warnings over the whole soak, from the record: lateness of each warning raised (the clock's
 * yellowFiredAt / redFiredAt, the workflow time it was raised, − its yellowAt / dueAt), and those due by `until`
 * that were not raised.
 */
export async function timedLateness(env: SoakEnv, ids: readonly string[], until: number): Promise<{ yellow: Lat; red: Lat }> {
  const { rows } = await env.database.pool.query<{ yellow_at: string | null; yellow_fired: string | null; due_at: string | null; red_fired: string | null }>(
    `select clocks->'signFor'->>'yellowAt' as yellow_at, clocks->'signFor'->>'yellowFiredAt' as yellow_fired,
            clocks->'signFor'->>'dueAt' as due_at, clocks->'signFor'->>'redFiredAt' as red_fired
       from cases where id = any($1::text[])`,
    [ids],
  );
  const of = (pairs: Array<[string | null, string | null]>): Lat => {
    const late: number[] = [];
    let missed = 0;
    for (const [due, fired] of pairs) {
      if (!due || Date.parse(due) > until) continue;
      if (fired) late.push(Date.parse(fired) - Date.parse(due));
      else missed += 1;
    }
    return { n: late.length, p50: percentile(late, 50), p99: percentile(late, 99), max: late.length ? Math.max(...late) : Number.NaN, missed };
  };
  return { yellow: of(rows.map((r) => [r.yellow_at, r.yellow_fired])), red: of(rows.map((r) => [r.due_at, r.red_fired])) };
}
