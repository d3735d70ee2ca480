/**
 * The assessment's counters through the real stack (API → workflow → projection → PostgreSQL), their nightly
 * reconciliation, and its Temporal Schedule: cases driven to closed through the API leave exactly the expected
 * counts per unit and local day; a late fact (a review) moves them; the reconciliation finds nothing, then exactly a
 * tampered row, and its repair puts it right; the Schedule is created at boot and a triggered run is recorded.
 */
import { randomBytes } from 'node:crypto';
import { ScheduleOverlapPolicy } from '@temporalio/client';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCityCalendar } from '../db/assessment.counters.js';
import { reconcileRange } from '../db/assessment.reconcile.js';
import { assessmentReconciliations, caseContributions, caseEvents, cases, unitCounters } from '../db/schema.js';
import { addDays, assessmentMonthDays, assessmentMonthOf } from '../domain/assessment.rules.js';
import { localDate, workingTimeBetween, type WorkCalendar } from '../domain/calendar.rules.js';
import { defaultAssessmentPolicy } from '../domain/assessment.policy.js';
import { bootAssessmentSchedule } from '../runtime/assessment-schedule.js';
import { act, complaint, driveTo, eventually, openCase } from './support/cases.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let calendar: WorkCalendar;
beforeAll(async () => {
  // One round: an unsatisfied callback closes the case (no re-handling), so each case closes in a few actions.
  stack = await startStack({ name: 'assessment', policy: { maxExtraRounds: 0 } });
  calendar = (await loadCityCalendar(stack.database.db)).calendar;
});
afterAll(async () => stack?.close());

const A = 'd01-s01';
const B = 'd01-s02';
const CATEGORY = 'env.noise.construction';

/** The case once its record is closed (the projection wrote the closing batch). */
async function closedRow(id: string) {
  return eventually(async () => {
    const [row] = await stack.database.db.select().from(cases).where(eq(cases.id, id));
    expect(row?.status).toBe('closed');
    return row!;
  });
}

/** unit_counters as { day: { unit: { counter: n } } } for the demo category, rows at 0 left out. */
/**
 * unit_counters as day → unit → counter → n, but `handling_seconds`: the working seconds between a dispatch and its
 * reply depend on when the test runs (none outside working hours), so it is checked apart (`handlingSeconds`).
 */
async function counters(): Promise<Record<string, Record<string, Record<string, number>>>> {
  const rows = await stack.database.db.select().from(unitCounters).orderBy(asc(unitCounters.day), asc(unitCounters.unitId), asc(unitCounters.counter));
  const out: Record<string, Record<string, Record<string, number>>> = {};
  for (const r of rows) {
    expect(r.categoryId).toBe(CATEGORY);
    if (r.n === 0 || r.counter === 'handling_seconds') continue;
    ((out[r.day] ??= {})[r.unitId] ??= {})[r.counter] = r.n;
  }
  return out;
}

/** A unit's stored handling seconds against the working time, on the city's calendar, from each dispatch of its cases to the reply that followed. */
async function handlingSeconds(unitId: string): Promise<{ stored: number; fromEvents: number }> {
  const [stored] = await stack.database.db.execute<{ n: string | null }>(sql`select sum(n)::text as n from unit_counters where unit_id = ${unitId} and counter = 'handling_seconds'`).then((r) => r.rows);
  const events = await stack.database.db.select().from(caseEvents).where(sql`type in ('dispatched', 'replied')`).orderBy(asc(caseEvents.caseId), asc(caseEvents.seq));
  let fromEvents = 0;
  let since: { caseId: string; unitId: string; at: Date } | null = null;
  for (const e of events) {
    if (e.type === 'dispatched') since = { caseId: e.caseId, unitId: String((e.data as { unitId?: string }).unitId), at: e.at };
    else if (since && since.caseId === e.caseId && since.unitId === unitId) fromEvents += Math.round(workingTimeBetween(since.at.getTime(), e.at.getTime(), calendar) / 1000);
  }
  return { stored: Number(stored?.n ?? 0), fromEvents };
}

describe('cases closed through the API leave exactly their counts', () => {
  let ids: Record<'satisfied' | 'basically' | 'unsatisfied' | 'anonymous' | 'returned' | 'consultation', string>;
  let day: string;

  beforeAll(async () => {
    // d01-s01: a satisfied case, a basically satisfied one (the unit never contacted the complainant), one returned.
    const satisfied = await openCase(stack);
    await driveTo(stack, satisfied, 'replied', A);
    await act(stack, satisfied, 'callback', { contacted: true, resolved: true, satisfaction: 'satisfied' });
    const basically = await openCase(stack);
    await driveTo(stack, basically, 'replied', A);
    await act(stack, basically, 'callback', { contacted: false, resolved: true, satisfaction: 'basically_satisfied' });
    const returned = await openCase(stack);
    await act(stack, returned, 'dispatch', { unitId: A });
    await act(stack, returned, 'return', { reason: 'not_our_duty', note: '不属于本单位职责' });
    // d01-s02: an unsatisfied case (one round: it closes unsatisfied), and one nobody can be called back about.
    const unsatisfied = await openCase(stack);
    await driveTo(stack, unsatisfied, 'replied', B);
    await act(stack, unsatisfied, 'callback', { contacted: true, resolved: false, satisfaction: 'unsatisfied' });
    const anonymous = await openCase(stack, { complainant: undefined });
    await act(stack, anonymous, 'dispatch', { unitId: B });
    await act(stack, anonymous, 'accept');
    await act(stack, anonymous, 'reply', { content: '已处理', resolved: true });
    // Answered at intake: no unit, nothing counted.
    const consultation = await openCase(stack, { triage: { outcome: 'consultation', note: '已当场解答' } });
    ids = { satisfied, basically, unsatisfied, anonymous, returned, consultation };

    const closed = await Promise.all([satisfied, basically, unsatisfied, anonymous, consultation].map(closedRow));
    // Everything happened within the test's minutes: one local day (unless they straddle midnight in Shanghai).
    const days = new Set(closed.flatMap((r) => [localDate(r.createdAt.getTime(), calendar), localDate(r.closedAt!.getTime(), calendar)]));
    expect(days.size, 'the cases straddle local midnight: run again').toBe(1);
    day = [...days][0]!;
    await eventually(async () => {
      const [row] = await stack.database.db.select().from(cases).where(eq(cases.id, returned));
      expect(row?.status).toBe('returned');
    });
  });

  it('counts each case for its unit on its local day', async () => {
    const timeliness = (n: number) => ({ sign_for_due: n, sign_for_on_time: n, reply_due: n, reply_on_time: n });
    expect(await counters()).toEqual({
      [day]: {
        [A]: {
          // The rates: two valid callbacks, both resolved, one with contact; one satisfied, one basically.
          valid: 2,
          contacted: 1,
          resolved: 2,
          satisfied: 1,
          basically_satisfied: 1,
          round_judged: 2,
          ...timeliness(2),
          // Three times sent, one returned; two kept and closed.
          dispatched: 3,
          returned: 1,
          assigned: 2,
          assigned_closed: 2,
          closed: 2,
          // Two replies (their working seconds are checked below).
          handled: 2,
        },
        [B]: {
          valid: 1,
          contacted: 1,
          unsatisfied: 1,
          round_judged: 1,
          // Nobody to call back: out of the rates, its timeliness still counted.
          excluded_no_contact: 1,
          ...timeliness(2),
          dispatched: 2,
          assigned: 2,
          assigned_closed: 2,
          closed: 2,
          handled: 2,
        },
      },
    });
    // Handling time: the working seconds from each dispatch to its reply, on the city's calendar (0 at night).
    for (const unit of [A, B]) {
      const h = await handlingSeconds(unit);
      expect(h.stored, unit).toBe(h.fromEvents);
    }
    // The drill-down: the cases behind d01-s01's valid callbacks.
    const behind = await stack.database.db.select({ caseId: caseContributions.caseId }).from(caseContributions).where(sql`unit_id = ${A} and counter = 'valid'`);
    expect(behind.map((r) => r.caseId).sort()).toEqual([ids.satisfied, ids.basically].sort());
    expect(await stack.database.db.select().from(caseContributions).where(eq(caseContributions.caseId, ids.consultation))).toEqual([]);
  });

  it('reads the same cases back through the assessment routes: the unit figures, and the drill-down to the case that cost a rate', async () => {
    const analyst = stack.as('analyst', null, 'analyst-assessment');
    const figures = await stack.app.inject({ method: 'GET', url: `/v1/units/${B}/figures?periodKind=day&period=${day}`, headers: analyst });
    expect(figures.statusCode, figures.body).toBe(200);
    const own = figures.json().own;
    // d01-s02: one valid callback, contacted, not resolved, unsatisfied; the no-contact case out of the rates.
    expect(own.counts).toMatchObject({ valid: 1, contacted: 1, resolved: 0, unsatisfied: 1, excluded_no_contact: 1, dispatched: 2, closed: 2 });
    expect(own.figures.responseRate).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
    expect(own.figures.resolutionRate).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
    // Which case cost it its resolution rate: exactly the unsatisfied one.
    const drill = await stack.app.inject({ method: 'GET', url: `/v1/assessment/cases?unitId=${B}&figure=resolutionRate&missed=true&periodKind=day&period=${day}&scope=own`, headers: analyst });
    expect(drill.statusCode, drill.body).toBe(200);
    expect(drill.json().items.map((r: { caseId: string }) => r.caseId)).toEqual([ids.unsatisfied]);
  });

  it('moves the counts of a past day when a late fact changes what a case contributes (a review)', async () => {
    await act(stack, ids.unsatisfied, 'review', { demandReasonable: false, handlingCompliant: true, reason: '诉求超出政策规定' });
    await eventually(async () => {
      const now = await counters();
      // The demand judged unreasonable: out of the rates and the re-handle rate, in excluded_unreasonable.
      expect(now[day]![B]).toEqual({
        excluded_unreasonable: 1,
        excluded_no_contact: 1,
        sign_for_due: 2,
        sign_for_on_time: 2,
        reply_due: 2,
        reply_on_time: 2,
        dispatched: 2,
        assigned: 2,
        assigned_closed: 2,
        closed: 2,
        handled: 2,
      });
    });
  });

  it('reconciles the day with no drift; finds exactly a tampered counter and a lost contribution; repairs both', async () => {
    const range = { from: day, to: day };
    const clean = await reconcileRange(stack.database.db, calendar, range);
    expect(clean).toMatchObject({ drift: [], casesDiffering: 0, repaired: false });
    // Every case opened today was looked at (the consultation too: it has events, if no counts).
    expect(clean.casesChecked).toBe(6);
    const before = await counters();

    // Someone adds 5 to d01-s01's resolved, and a contribution row of the satisfied case goes missing.
    await stack.database.db.execute(sql`update unit_counters set n = n + 5 where day = ${day} and unit_id = ${A} and counter = 'resolved'`);
    await stack.database.db.execute(sql`delete from case_contributions where case_id = ${ids.satisfied} and counter = 'satisfied'`);
    const found = await reconcileRange(stack.database.db, calendar, range);
    expect(found.drift).toEqual([{ unitId: A, categoryId: CATEGORY, day, counter: 'resolved', stored: 7, recomputed: 2 }]);
    expect(found.casesDiffering).toBe(1);
    const [recorded] = await stack.database.db.select().from(assessmentReconciliations).where(eq(assessmentReconciliations.id, found.id));
    expect(recorded).toMatchObject({ fromDay: day, toDay: day, casesChecked: 6, repaired: false, drift: found.drift });

    const repair = await reconcileRange(stack.database.db, calendar, range, { repair: true });
    expect(repair).toMatchObject({ repaired: true, casesDiffering: 1 });
    expect(repair.drift).toEqual(found.drift);
    expect(await counters()).toEqual(before);
    expect(await stack.database.db.select().from(caseContributions).where(sql`case_id = ${ids.satisfied} and counter = 'satisfied'`)).toHaveLength(1);
    expect(await reconcileRange(stack.database.db, calendar, range)).toMatchObject({ drift: [], casesDiffering: 0 });
  });
});

describe('the reconciliation Schedule', () => {
  it('is created at boot in the city calendar’s zone (SKIP on overlap), updated at the next, and a triggered run is recorded', async () => {
    const scheduleId = `assessment-reconciliation-test-${randomBytes(4).toString('hex')}`;
    const cfg = {
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: stack.taskQueue,
      ASSESSMENT_RECONCILE: true,
      ASSESSMENT_RECONCILE_CRON: '0 2 * * *',
      ASSESSMENT_RECONCILE_TIMEZONE: undefined,
    };
    const lines: string[] = [];
    const boot = (over: Partial<typeof cfg> = {}) =>
      bootAssessmentSchedule({ ...cfg, ...over }, { connection: stack.client.connection, db: stack.database.db, dataConverter: stack.dataConverter, log: (l) => lines.push(l), scheduleId });
    const handle = stack.client.schedule.getHandle(scheduleId);
    try {
      await boot();
      expect(lines.at(-1)).toBe(`assessment reconciliation schedule ${scheduleId} created: "0 2 * * *" in Asia/Shanghai`);
      let d = await handle.describe();
      expect(d.spec.timezone).toBe('Asia/Shanghai');
      expect(d.spec.calendars).toEqual([expect.objectContaining({ hour: [{ start: 2, end: 2, step: 1 }], minute: [{ start: 0, end: 0, step: 1 }] })]);
      expect(d.policies.overlap).toBe(ScheduleOverlapPolicy.SKIP);
      expect(d.policies.catchupWindow).toBe(86_400_000);
      expect(d.state.paused).toBe(false);
      expect(d.action).toMatchObject({ type: 'startWorkflow', workflowType: 'assessmentReconciliationWorkflow', taskQueue: stack.taskQueue });
      // 02:00 in Shanghai is 18:00 UTC.
      expect(d.info.nextActionTimes[0]!.getUTCHours()).toBe(18);

      // The next boot, configured off: the same Schedule, paused.
      await boot({ ASSESSMENT_RECONCILE: false });
      expect(lines.at(-1)).toBe(`assessment reconciliation schedule ${scheduleId} updated: paused (ASSESSMENT_RECONCILE=false)`);
      expect((await handle.describe()).state.paused).toBe(true);
      await boot();
      d = await handle.describe();
      expect(d.state.paused).toBe(false);

      // A worker that boots before the database is seeded (no active policy, so no calendar) gets it a little later.
      const late = `${scheduleId}-late`;
      const version = (await stack.database.db.execute<{ version: number }>(sql`update case_policies set active = false where active returning version`)).rows[0]!.version;
      try {
        const ok = await bootAssessmentSchedule(cfg, { connection: stack.client.connection, db: stack.database.db, log: (l) => lines.push(l), scheduleId: late, retryMs: 300, attempts: 50 });
        expect(ok).toBe(false);
        expect(lines.at(-1)).toMatch(/^assessment reconciliation schedule not set up \(trying again\): no active case policy/);
      } finally {
        await stack.database.db.execute(sql`update case_policies set active = true where version = ${version}`);
      }
      await eventually(async () => expect(lines).toContain(`assessment reconciliation schedule ${late} created: "0 2 * * *" in Asia/Shanghai`));
      await stack.client.schedule.getHandle(late).delete();

      // A run now: yesterday and the month so far, each recorded.
      const before = (await stack.database.db.select({ id: assessmentReconciliations.id }).from(assessmentReconciliations)).length;
      await handle.trigger();
      const runs = await eventually(async () => {
        const rows = await stack.database.db.select().from(assessmentReconciliations).orderBy(asc(assessmentReconciliations.id));
        expect(rows.length).toBe(before + 2);
        return rows.slice(before);
      }, 60_000);
      const run = (await handle.describe()).info.recentActions.at(-1)!;
      const result = await stack.client.workflow.getHandle(run.action.workflow.workflowId, run.action.workflow.firstExecutionRunId).result();
      const started = (await stack.client.workflow.getHandle(run.action.workflow.workflowId, run.action.workflow.firstExecutionRunId).describe()).startTime.getTime();
      const today = localDate(started, calendar);
      const month = assessmentMonthDays(assessmentMonthOf(today, defaultAssessmentPolicy.assessmentMonth), defaultAssessmentPolicy.assessmentMonth);
      expect(runs.map((r) => [r.fromDay, r.toDay, r.repaired, r.drift])).toEqual([
        [addDays(today, -1), addDays(today, -1), false, []],
        [month.from, today, false, []],
      ]);
      expect(result).toEqual([
        expect.objectContaining({ id: runs[0]!.id, from: addDays(today, -1), to: addDays(today, -1), driftRows: 0, repaired: false }),
        // This file's cases were all opened today, in this month.
        expect.objectContaining({ id: runs[1]!.id, from: month.from, to: today, casesChecked: 6, driftRows: 0, casesDiffering: 0 }),
      ]);
    } finally {
      await handle.delete().catch(() => {});
    }
  });
});
