/**
 * The assessment read side through the real app and a real PostgreSQL: assessment policy versions, rankings of a
 * level over subtree sums, one unit's figures, the drill-down to the cases behind a figure, versioned publications
 * (and the public route), the CSV and XLSX exports, and who sees what.
 *
 * The counters are filled directly (the projection that writes them is not under test here): d01-s02's from cases
 * built through the domain machine, recorded as the projection records them (their `cases` rows, their
 * `caseContributions` summed into `case_contributions` and `unit_counters`); the other streets' as plain counter rows.
 *
 * The policy in force is version 2: the default weights (0.1 / 0.5 / 0.4, basically satisfied 0.9), at least 3
 * valid callbacks to be ranked, the bottom 1 flagged, and an assessment month from the 19th to the 18th. The
 * assessment month "2026-04" is 2026-03-19 … 2026-04-18; "2026-03" is 2026-02-19 … 2026-03-18.
 *
 * The streets of d01 in 2026-04 (figures over each street's subtree):
 *   d01-s01  valid 4 (2 own, 2 in its community d01-s01-c01), all contacted, resolved, satisfied   → score 1
 *   d01-s02  valid 5 (3 own, 2 in d01-s02-c01) from five cases                                      → score 0.612
 *   d01-s03  valid 5 (2 on 03-19, 3 on 04-18; 04-19 and 03-18 fall outside), all good               → score 1
 *   d01-s04  valid 2: below the minimum                                                              → unranked
 * In 2026-03: d01-s02 1 (score 1), d01-s01 2 (0.7), d01-s03 3 (0.1).
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseRow } from '../db/case.rows.js';
import { caseContributions as caseContributionsTable, cases, unitCounters, unitDayCounters } from '../db/schema.js';
import { defaultCasePolicy } from '../db/seed-policy.js';
import { demoSeed, seedReferenceData } from '../db/seed.js';
import { defaultAssessmentPolicy } from '../domain/assessment.policy.js';
import { caseContributions, periodOf, previousPeriod, type Contribution, type Counter } from '../domain/assessment.rules.js';
import { localDate } from '../domain/calendar.rules.js';
import { apply, open } from '../domain/case.machine.js';
import type { Actor, CaseCommand, CaseEvent, CaseIntake, CaseState, Satisfaction } from '../domain/case.types.js';
import type { CasePolicy } from '../domain/policy.types.js';
import { fastPolicy, sampleIntake } from './support/domain-fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;

const calendar = defaultCasePolicy.calendar;
const oneRound: CasePolicy = { ...fastPolicy, maxExtraRounds: 0 };
const agent: Actor = { id: 'agent-7', role: 'dispatcher' };
const CATEGORY = 'env.noise.construction';
const CASE_NUMBER = /HL[0-9A-Z]{16}/;

// ---------------------------------------------------------------------------------------------------------------
// Fixtures

let nextCase = 1;
interface Built {
  state: CaseState;
  events: CaseEvent[];
  intake: CaseIntake;
}
/** A case dispatched to `unitId` at `at`, handled, and called back with this answer: closed (one round only). */
function closedCase(unitId: string, at: string, answer: { satisfaction: Satisfaction; resolved: boolean; contacted: boolean }): Built {
  const intake = sampleIntake({ complainant: { name: '张三丰', phone: '13812345678' }, title: `楼下噪音 ${nextCase}` });
  const start = Date.parse(at);
  const opened = open(`HL${String(nextCase++).padStart(16, '0')}`, intake, start, agent);
  let state: CaseState = { ...opened.state, slaClass: 'general', policyVersion: oneRound.version };
  const events = [...opened.events];
  const steps: Array<[CaseCommand, number]> = [
    [{ kind: 'dispatch', payload: { unitId } }, 0],
    [{ kind: 'accept', payload: {} }, 5],
    [{ kind: 'contact', payload: { method: 'phone' } }, 10],
    [{ kind: 'reply', payload: { content: '已处理', resolved: true } }, 20],
    [{ kind: 'callback', payload: answer }, 30],
  ];
  for (const [cmd, sec] of steps) {
    const t = apply(state, cmd, { now: start + sec * 1000, actor: agent, policy: oneRound });
    state = t.state;
    events.push(...t.events);
  }
  return { state, events, intake };
}

/** Records cases as the projection does: their rows, their contributions per key, and the counters they sum to. */
async function record(built: Built[]): Promise<Contribution[]> {
  const db = stack.database.db;
  const all = built.flatMap((b) => caseContributions(b.state, b.events, calendar));
  await db.insert(cases).values(built.map((b) => caseRow(b.state, b.intake, 1).insert!));
  const keyed = new Map<string, { caseId: string; unitId: string; categoryId: string; day: string; counter: string; round: number; n: number }>();
  for (const c of all) {
    const key = [c.caseId, c.unitId, c.day, c.counter, c.round].join('|');
    const row = keyed.get(key) ?? { caseId: c.caseId, unitId: c.unitId, categoryId: c.categoryId, day: c.day, counter: c.counter, round: c.round, n: 0 };
    row.n += c.n ?? 1;
    keyed.set(key, row);
  }
  await db.insert(caseContributionsTable).values([...keyed.values()]);
  await addCounters(all.map((c) => ({ unitId: c.unitId, day: c.day, counts: { [c.counter]: c.n ?? 1 }, categoryId: c.categoryId })));
  return all;
}

/** Adds to unit_counters and unit_day_counters (the projection's upsert: n grows). */
async function addCounters(rows: Array<{ unitId: string; day: string; counts: Partial<Record<Counter, number>>; categoryId?: string }>): Promise<void> {
  for (const r of rows) {
    for (const [counter, n] of Object.entries(r.counts)) {
      await stack.database.db
        .insert(unitCounters)
        .values({ unitId: r.unitId, categoryId: r.categoryId ?? CATEGORY, day: r.day, counter, n: n! })
        .onConflictDoUpdate({ target: [unitCounters.day, unitCounters.unitId, unitCounters.categoryId, unitCounters.counter], set: { n: sqlAdd(n!) } });
      await stack.database.db
        .insert(unitDayCounters)
        .values({ unitId: r.unitId, day: r.day, counter, n: n! })
        .onConflictDoUpdate({ target: [unitDayCounters.day, unitDayCounters.unitId, unitDayCounters.counter], set: { n: sql`${unitDayCounters.n} + ${n!}` } });
    }
  }
}
const sqlAdd = (n: number) => sql`${unitCounters.n} + ${n}`;

/** `valid` callbacks of which `good` were contacted, resolved and satisfied, the rest contacted only and unsatisfied. */
const callbacks = (valid: number, good: number): Partial<Record<Counter, number>> => ({
  valid,
  contacted: valid,
  resolved: good,
  satisfied: good,
  ...(valid > good && { unsatisfied: valid - good }),
});

/** The five cases behind d01-s02's figures in 2026-04 (all on 2026-04-10, local time). */
let s02: Record<'A' | 'B' | 'C' | 'D' | 'E', Built>;

const who = (role: Parameters<TestStack['as']>[0], unit?: string) => stack.as(role, unit ?? 'city', `assess-${String(role)}@${unit ?? 'city'}`);
const get = (url: string, headers?: Record<string, string>) => stack.http('GET', url, undefined, headers ?? who('analyst'));

beforeAll(async () => {
  stack = await startStack({ name: 'assessment', worker: false });
  // Version 2 of the assessment policy, stored through the API (the seed gave version 1, the default).
  const { version: _v, ...document } = defaultAssessmentPolicy;
  const stored = await stack.http(
    'POST',
    '/v1/assessment-policies',
    { ...document, ranking: { minValidCallbacks: 3, bottomFlagged: 1 }, assessmentMonth: { startDay: 19 }, note: '北京口径: 19日至次月18日' },
    who('admin'),
  );
  expect(stored.status, JSON.stringify(stored.body)).toBe(201);
  expect(stored.body.version).toBe(2);

  const day = '2026-04-10T10:00:00+08:00';
  s02 = {
    A: closedCase('d01-s02', day, { satisfaction: 'satisfied', resolved: true, contacted: true }),
    B: closedCase('d01-s02', day, { satisfaction: 'satisfied', resolved: true, contacted: true }),
    C: closedCase('d01-s02', day, { satisfaction: 'unsatisfied', resolved: false, contacted: true }),
    D: closedCase('d01-s02-c01', day, { satisfaction: 'basically_satisfied', resolved: true, contacted: true }),
    E: closedCase('d01-s02-c01', day, { satisfaction: 'unsatisfied', resolved: false, contacted: false }),
  };
  await record(Object.values(s02));
  await addCounters([
    { unitId: 'd01-s01', day: '2026-04-01', counts: callbacks(2, 2) },
    { unitId: 'd01-s01-c01', day: '2026-04-02', counts: callbacks(2, 2) },
    // The next assessment month: not in 2026-04.
    { unitId: 'd01-s01-c01-g01', day: '2026-04-19', counts: callbacks(9, 0) },
    { unitId: 'd01-s03', day: '2026-03-19', counts: callbacks(2, 2) },
    { unitId: 'd01-s03', day: '2026-04-18', counts: callbacks(3, 3) },
    { unitId: 'd01-s03', day: '2026-04-19', counts: callbacks(7, 0) },
    { unitId: 'd01-s03', day: '2026-03-18', counts: { valid: 3, contacted: 3, unsatisfied: 3 } },
    { unitId: 'd01-s04', day: '2026-04-05', counts: callbacks(2, 2) },
    // 2026-03.
    { unitId: 'd01-s02', day: '2026-03-01', counts: callbacks(3, 3) },
    { unitId: 'd01-s01', day: '2026-03-10', counts: callbacks(3, 2) },
    // Another district.
    { unitId: 'd02-s01', day: '2026-04-03', counts: callbacks(3, 3) },
  ]);
});

afterAll(async () => {
  await stack?.close();
});

const rowsOf = (body: { rows: Array<{ unitId: string; rank: number | null; flagged: boolean; unranked: string | null; previousRank: number | null; change: number | null }> }) =>
  body.rows.map((r) => [r.unitId, r.rank, r.flagged, r.unranked, r.previousRank, r.change]);

describe('assessment policy versions', () => {
  it('lists the seeded default and the stored version, the stored one in force; admins alone write', async () => {
    const list = await get('/v1/assessment-policies');
    expect(list.status).toBe(200);
    expect(list.body.activeVersion).toBe(2);
    expect(list.body.items.map((i: { version: number; active: boolean; createdBy: string }) => [i.version, i.active, i.createdBy])).toEqual([
      [2, true, 'assess-admin@city'],
      [1, false, 'seed'],
    ]);
    const active = await get('/v1/assessment-policies/active');
    expect(active.body.document).toMatchObject({ version: 2, ranking: { minValidCallbacks: 3, bottomFlagged: 1 }, assessmentMonth: { startDay: 19 } });
    expect((await get('/v1/assessment-policies/1')).body.document).toEqual(defaultAssessmentPolicy);

    const { version: _v, ...document } = defaultAssessmentPolicy;
    const refused = await stack.http('POST', '/v1/assessment-policies', document, who('analyst'));
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    const misspelt = await stack.http('POST', '/v1/assessment-policies', { ...document, ranking: { minValidCallbacks: 3, bottomFlaged: 1 } }, who('admin'));
    expect(misspelt.status).toBe(400);
    expect(misspelt.body.errors.map((e: { field: string }) => e.field)).toContain('body.ranking');
    const weights = await stack.http('POST', '/v1/assessment-policies', { ...document, weights: { response: 0.3, resolution: 0.3, satisfaction: 0.3 } }, who('admin'));
    expect(weights.status).toBe(400);
    expect(weights.body.errors.map((e: { field: string }) => e.field)).toContain('body.weights');
    expect((await stack.http('POST', '/v1/assessment-policies/9/activate', undefined, who('admin'))).status).toBe(404);
    // Putting version 1 back in force and version 2 again.
    expect((await stack.http('POST', '/v1/assessment-policies/1/activate', undefined, who('admin'))).body).toMatchObject({ version: 1, active: true });
    expect((await get('/v1/assessment-policies/active')).body.version).toBe(1);
    expect((await stack.http('POST', '/v1/assessment-policies/2/activate', undefined, who('admin'))).body).toMatchObject({ version: 2, active: true });
    // A start seeds again: an administrator's version stays in force, nothing is added.
    await seedReferenceData(stack.database.db, demoSeed);
    expect((await get('/v1/assessment-policies')).body).toMatchObject({ activeVersion: 2, items: [{ version: 2 }, { version: 1 }] });
  });
});

describe('rankings', () => {
  it('how did the streets of d01 rank last month, and which cases cost d01-s02 its resolution rate: two requests', async () => {
    const ranking = await get('/v1/rankings?level=street&within=d01&period=2026-04');
    expect(ranking.status, JSON.stringify(ranking.body)).toBe(200);
    expect(ranking.body).toMatchObject({ level: 'street', within: 'd01', periodKind: 'assessment_month', period: '2026-04', days: { from: '2026-03-19', to: '2026-04-18' }, policyVersion: 2 });
    expect(ranking.body.previous).toEqual({ period: '2026-03', days: { from: '2026-02-19', to: '2026-03-18' } });
    // Ties share a rank (1, 1, 3); below the minimum volume: unranked, listed after; the bottom 1 flagged; the change.
    expect(rowsOf(ranking.body)).toEqual([
      ['d01-s01', 1, false, null, 2, 1],
      ['d01-s03', 1, false, null, 3, 2],
      ['d01-s02', 3, true, null, 1, -2],
      ['d01-s04', null, false, 'below_minimum_volume', null, null],
    ]);
    expect(ranking.body.peers).toEqual({ ranked: 3, unranked: 1 });
    const s02row = ranking.body.rows[2];
    expect(s02row.unitName).toBe('江城区滨江街道办事处');
    // valid 5: contacted 4, resolved 3, satisfied 2 + 0.9 × 1 → 0.1 × 0.8 + 0.5 × 0.6 + 0.4 × 0.58.
    expect(s02row.figures.responseRate).toEqual({ numerator: 4, denominator: 5, value: 0.8 });
    expect(s02row.figures.resolutionRate).toEqual({ numerator: 3, denominator: 5, value: 0.6 });
    expect(s02row.figures.satisfactionRate.numerator).toBeCloseTo(2.9, 12);
    expect(s02row.score.value).toBeCloseTo(0.612, 12);
    expect(s02row.score.denominator).toBe(5);
    expect(s02row.previousScore).toBeCloseTo(1, 12);
    expect(s02row.scoreChange).toBeCloseTo(-0.388, 9);
    // Each figure's counts: the five cases' sign-for and reply clocks, all on time, all closed.
    expect(s02row.figures.onTimeSignFor).toEqual({ numerator: 5, denominator: 5, value: 1 });
    expect(s02row.figures.closureRate).toEqual({ numerator: 5, denominator: 5, value: 1 });
    expect(s02row.counts).toMatchObject({ valid: 5, contacted: 4, resolved: 3, satisfied: 2, basically_satisfied: 1, unsatisfied: 2, dispatched: 5, closed: 5 });
    expect(ranking.body.formulas.find((f: { figure: string }) => f.figure === 'resolutionRate').zh).toBe('解决率 = 已解决 / 有效回访 (越高越好)');
    expect(ranking.body.notReported).toEqual([]);

    const cost = await get('/v1/assessment/cases?unitId=d01-s02&figure=resolutionRate&missed=true&period=2026-04');
    expect(cost.status, JSON.stringify(cost.body)).toBe(200);
    expect(cost.body.items.map((i: { caseId: string; unitId: string; lost: number }) => [i.caseId, i.unitId, i.lost])).toEqual([
      [s02.C.state.caseId, 'd01-s02', 1],
      [s02.E.state.caseId, 'd01-s02-c01', 1],
    ]);
    expect(cost.body.items[0]).toMatchObject({ day: '2026-04-10', counts: { valid: 1 }, numerator: 0, denominator: 1 });
    // The case as the case list shows it: masked complainant, nothing in clear.
    expect(cost.body.items[0].case).toMatchObject({ id: s02.C.state.caseId, status: 'closed', outcome: 'unsatisfied', complainant: { name: '张**', phone: '138****5678' } });
    expect(JSON.stringify(cost.body)).not.toContain('13812345678');
    expect(cost.body.figure).toMatchObject({ name: 'resolutionRate', better: 'higher', denominator: 'valid', numerator: [{ counter: 'resolved', weight: 1 }] });
  });

  it('ranks on the subtree sums, at every level, and the whole tree without within', async () => {
    const districts = await get('/v1/rankings?level=district&period=2026-04');
    expect(rowsOf(districts.body)).toEqual([
      ['d02', 1, false, null, null, null],
      ['d01', 2, true, null, 1, -1],
      ['d03', null, false, 'below_minimum_volume', null, null],
    ]);
    // d01: its four streets and their communities (16 valid callbacks), not the rows of 2026-04-19.
    expect(districts.body.rows[1].counts).toMatchObject({ valid: 16, contacted: 15, resolved: 14, satisfied: 13, basically_satisfied: 1, unsatisfied: 2 });
    expect(districts.body.rows[1].score.value).toBeCloseTo(0.1 * 15 / 16 + 0.5 * 14 / 16 + 0.4 * 13.9 / 16, 12);
    const streets = await get('/v1/rankings?level=street&period=2026-04');
    expect(streets.body.peers).toEqual({ ranked: 4, unranked: 8 });
    expect(streets.body.rows.slice(0, 4).map((r: { unitId: string; rank: number }) => [r.unitId, r.rank])).toEqual([
      ['d01-s01', 1],
      ['d01-s03', 1],
      ['d02-s01', 1],
      ['d01-s02', 4],
    ]);
  });

  it('puts the 18th in the assessment month and the 19th in the next (19th–18th)', async () => {
    const april = await get('/v1/units/d01-s03/figures?period=2026-04');
    expect(april.body.days).toEqual({ from: '2026-03-19', to: '2026-04-18' });
    expect(april.body.own.counts).toMatchObject({ valid: 5, resolved: 5, unsatisfied: 0 });
    const may = await get('/v1/units/d01-s03/figures?period=2026-05');
    expect(may.body.own.counts).toMatchObject({ valid: 7, resolved: 0, unsatisfied: 7 });
    const march = await get('/v1/units/d01-s03/figures?period=2026-03');
    expect(march.body.own.counts).toMatchObject({ valid: 3, resolved: 0 });
    // The calendar month is another period kind: April 1–30 has the 04-18 and 04-19 rows, not 03-19.
    const month = await get('/v1/units/d01-s03/figures?periodKind=month&period=2026-04');
    expect(month.body.own.counts.valid).toBe(10);
  });

  it('answers the last complete period by default, in the calendar’s local time', async () => {
    const today = localDate(Date.now(), calendar);
    const expected = previousPeriod(periodOf(today, 'assessment_month', { startDay: 19 }), 'assessment_month', { startDay: 19 });
    const res = await get('/v1/rankings?level=street&within=d01');
    expect(res.body.period).toBe(expected);
    expect((await get('/v1/rankings?level=street&periodKind=week&within=d01')).body.period).toBe(previousPeriod(periodOf(today, 'week', { startDay: 19 }), 'week', { startDay: 19 }));
  });

  it('refuses a period that is none, naming the field', async () => {
    for (const q of ['period=2026-13', 'periodKind=week&period=2026-W54', 'periodKind=day&period=2026-02-30', 'periodKind=assessment_month&period=2026-W14']) {
      const res = await get(`/v1/rankings?level=street&${q}`);
      expect(res.status, q).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['query.period']);
    }
    const unknown = await get('/v1/rankings?level=street&within=d99');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'query.within', reason: expect.stringContaining('no unit') }]);
  });
});

describe('one unit’s figures', () => {
  it('gives its own figures and its subtree’s, each with numerator and denominator', async () => {
    const res = await get('/v1/units/d01-s02/figures?period=2026-04');
    expect(res.status).toBe(200);
    expect(res.body.unit).toEqual({ id: 'd01-s02', name: '江城区滨江街道办事处', type: 'street' });
    expect(res.body.own.figures.resolutionRate).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
    expect(res.body.subtree.figures.resolutionRate).toEqual({ numerator: 3, denominator: 5, value: 0.6 });
    expect(res.body.subtree.units).toBe(4);
    expect(res.body.own.counts).toMatchObject({ valid: 3, dispatched: 3, assigned: 3, assigned_closed: 3, closed: 3, sign_for_due: 3, reply_due: 3 });
    expect(res.body.own.figures.returnRate).toEqual({ numerator: 0, denominator: 3, value: 0 });
    expect(res.body.own.figures.ratingSatisfaction).toEqual({ numerator: 0, denominator: 0, value: null });
    expect((await get('/v1/units/nowhere/figures?period=2026-04')).status).toBe(404);
  });
});

describe('drill-down', () => {
  it('returns exactly the cases behind a figure, what each earned and lost, own or subtree', async () => {
    const all = await get('/v1/assessment/cases?unitId=d01-s02&figure=compositeScore&period=2026-04');
    const byCase = Object.fromEntries(all.body.items.map((i: { caseId: string; numerator: number; lost: number }) => [i.caseId, [i.numerator, i.lost]]));
    // A and B earn the whole point; C was contacted only (0.1); D basically satisfied (0.1 + 0.5 + 0.36); E nothing.
    expect(byCase).toEqual({
      [s02.A.state.caseId]: [1, 0],
      [s02.B.state.caseId]: [1, 0],
      [s02.C.state.caseId]: [0.1, 0.9],
      [s02.D.state.caseId]: [0.96, 0.04],
      [s02.E.state.caseId]: [0, 1],
    });
    // Their sum is the figure's numerator in the ranking.
    const sum = all.body.items.reduce((s: number, i: { numerator: number }) => s + i.numerator, 0);
    expect(sum / 5).toBeCloseTo(0.612, 9);
    const missed = await get('/v1/assessment/cases?unitId=d01-s02&figure=compositeScore&missed=true&period=2026-04');
    expect(missed.body.items.map((i: { caseId: string }) => i.caseId)).toEqual([s02.C, s02.D, s02.E].map((b) => b.state.caseId));
    const own = await get('/v1/assessment/cases?unitId=d01-s02&figure=resolutionRate&missed=true&scope=own&period=2026-04');
    expect(own.body.items.map((i: { caseId: string }) => i.caseId)).toEqual([s02.C.state.caseId]);
    const counter = await get('/v1/assessment/cases?unitId=d01-s02&counter=basically_satisfied&period=2026-04');
    expect(counter.body.items.map((i: { caseId: string; denominator: number; numerator: null }) => [i.caseId, i.denominator, i.numerator])).toEqual([[s02.D.state.caseId, 1, null]]);
    // Nothing else in the period: another period has none of them.
    expect((await get('/v1/assessment/cases?unitId=d01-s02&figure=resolutionRate&period=2026-03')).body.items).toEqual([]);
  });

  it('pages with a cursor, in (day, case, unit) order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ caseId: string }>; nextCursor: string | null } } = await get(
        `/v1/assessment/cases?unitId=d01-s02&figure=resolutionRate&period=2026-04&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((i) => i.caseId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(Object.values(s02).map((b) => b.state.caseId));
    const forged = await get('/v1/assessment/cases?unitId=d01-s02&figure=resolutionRate&period=2026-04&cursor=AAAA');
    expect(forged.status).toBe(400);
    expect(forged.body.errors[0].field).toBe('query.cursor');
  });

  it('takes a figure or a counter, and missed only with a figure', async () => {
    expect((await get('/v1/assessment/cases?unitId=d01-s02&period=2026-04')).status).toBe(400);
    expect((await get('/v1/assessment/cases?unitId=d01-s02&figure=resolutionRate&counter=valid&period=2026-04')).status).toBe(400);
    const res = await get('/v1/assessment/cases?unitId=d01-s02&counter=valid&missed=true&period=2026-04');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('query.missed');
  });
});

describe('exports', () => {
  const raw = (url: string, headers = who('analyst')) => stack.app.inject({ method: 'GET', url, headers });

  it('CSV: UTF-8 with a BOM, the header block (period, days, policy version, formulas), then the rows', async () => {
    const res = await raw('/v1/rankings?level=street&within=d01&period=2026-04&format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="ranking-street-d01-assessment_month-2026-04.csv"');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.rawPayload.toString('utf8').slice(1).split('\r\n');
    expect(lines).toContain('期间 Period,2026-04');
    expect(lines).toContain('起止日期 Days,2026-03-19 – 2026-04-18');
    expect(lines).toContain('考核政策版本 Assessment policy version,2');
    expect(lines).toContain('公式 Formula: 解决率,解决率 = 已解决 / 有效回访 (越高越好) | Resolution rate = resolved / valid callbacks (higher is better)');
    const header = lines.findIndex((l) => l.startsWith('排名 Rank,'));
    const columns = lines[header]!.split(',');
    const rows = lines.slice(header + 1).filter(Boolean).map((l) => l.split(','));
    expect(rows.map((r) => [r[0], r[1], r[3]])).toEqual([
      ['1', 'd01-s01', ''],
      ['1', 'd01-s03', ''],
      ['3', 'd01-s02', '是 yes'],
      ['', 'd01-s04', ''],
    ]);
    const s02 = rows[2]!;
    expect(s02[2]).toBe('江城区滨江街道办事处');
    expect(s02[columns.indexOf('综合得分 Composite score')]).toBe('0.612');
    expect(s02[columns.indexOf('解决率 Resolution rate')]).toBe('0.6');
    expect(s02[columns.indexOf('解决率分子 numerator')]).toBe('3');
    expect(s02[columns.indexOf('解决率分母 denominator')]).toBe('5');
    expect(s02[columns.indexOf('有效回访 valid callbacks')]).toBe('5');
  });

  it('XLSX: opens with exceljs, a sheet of rows and a sheet with the period, the policy version and the formulas', async () => {
    const res = await raw('/v1/rankings?level=street&within=d01&period=2026-04&format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe('attachment; filename="ranking-street-d01-assessment_month-2026-04.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['排名 Ranking', '说明 About']);
    const sheet = wb.getWorksheet('排名 Ranking')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(sheet.rowCount).toBe(5);
    const cells = (r: number) => [sheet.getRow(r).getCell(1).value, sheet.getRow(r).getCell(2).value];
    expect([2, 3, 4, 5].map(cells)).toEqual([
      [1, 'd01-s01'],
      [1, 'd01-s03'],
      [3, 'd01-s02'],
      [null, 'd01-s04'],
    ]);
    expect(sheet.getRow(4).getCell(col('综合得分 Composite score')).value).toBeCloseTo(0.612, 9);
    expect(sheet.getRow(4).getCell(col('解决率 Resolution rate')).numFmt).toBe('0.00%');
    const about = wb.getWorksheet('说明 About')!;
    const pairs = new Map<string, unknown>();
    about.eachRow((row) => void pairs.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(pairs.get('期间 Period')).toBe('2026-04');
    expect(pairs.get('考核政策版本 Assessment policy version')).toBe(2);
    expect(pairs.get('公式 Formula: 综合得分')).toBe(
      '综合得分 = (0.1 × 已联系 + 0.5 × 已解决 + 0.4 × 满意 + 0.36 × 基本满意) / 有效回访 (越高越好) | Composite score = (0.1 × contacted + 0.5 × resolved + 0.4 × satisfied + 0.36 × basically satisfied) / valid callbacks (higher is better)',
    );
  });

  it('a unit’s figures: CSV and XLSX with its own and subtree columns and the counters', async () => {
    const csv = await raw('/v1/units/d01-s02/figures?period=2026-04&format=csv');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="figures-d01-s02-assessment_month-2026-04.csv"');
    const lines = csv.rawPayload.toString('utf8').slice(1).split('\r\n');
    expect(lines.find((l) => l.startsWith('解决率 Resolution rate,'))!.split(',').slice(0, 7)).toEqual(['解决率 Resolution rate', '0.666666667', '2', '3', '0.6', '3', '5']);
    expect(lines).toContain('有效回访 valid callbacks,valid,3,5');
    const xlsx = await raw('/v1/units/d01-s02/figures?period=2026-04&format=xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['指标 Figures', '计数 Counts', '说明 About']);
    expect(wb.getWorksheet('指标 Figures')!.getRow(4).values).toEqual([undefined, '解决率 Resolution rate', 2 / 3, 2, 3, 0.6, 3, 5, expect.stringContaining('解决率 = 已解决 / 有效回访')]);
  });
});

describe('publishing', () => {
  let v1: number;
  let v2: number;

  it('freezes a period’s ranking with the policy version it used; a correction makes version 2 and leaves version 1 unchanged', async () => {
    const first = await stack.http('POST', '/v1/rankings/publications', { level: 'street', within: 'd01', period: '2026-04', public: true, note: '四月考核' }, who('admin'));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ version: 1, policyVersion: 2, level: 'street', within: 'd01', periodKind: 'assessment_month', period: '2026-04', public: true, changes: null, supersededBy: null });
    expect(rowsOf(first.body.ranking).map((r) => r.slice(0, 2))).toEqual([
      ['d01-s01', 1],
      ['d01-s03', 1],
      ['d01-s02', 3],
      ['d01-s04', null],
    ]);
    v1 = first.body.id;

    // A late fact: d01-s04 gets one more valid callback in the period, so it is ranked now.
    await addCounters([{ unitId: 'd01-s04', day: '2026-04-06', counts: callbacks(1, 1) }]);
    // A district supervisor publishes within the district; outside it, 403.
    const outside = await stack.http('POST', '/v1/rankings/publications', { level: 'street', within: 'd02', period: '2026-04' }, who('supervisor', 'd01'));
    expect(outside.status).toBe(403);
    expect(outside.headers['content-type']).toMatch(/problem\+json/);
    const second = await stack.http('POST', '/v1/rankings/publications', { level: 'street', within: 'd01', period: '2026-04', note: '更正: 南门街道补录回访' }, who('supervisor', 'd01'));
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body).toMatchObject({ version: 2, policyVersion: 2, public: false });
    expect(second.body.changes).toEqual({
      previousId: v1,
      previousVersion: 1,
      previousPolicyVersion: 2,
      rows: [
        { unitId: 'd01-s02', unitName: '江城区滨江街道办事处', before: { rank: 3, score: expect.closeTo(0.612, 9) }, after: { rank: 4, score: expect.closeTo(0.612, 9) } },
        { unitId: 'd01-s04', unitName: '江城区南门街道办事处', before: { rank: null, score: expect.closeTo(1, 9) }, after: { rank: 1, score: expect.closeTo(1, 9) } },
      ],
    });
    v2 = second.body.id;

    const old = await get(`/v1/rankings/publications/${v1}`);
    expect(old.body.supersededBy).toBe(v2);
    expect(rowsOf(old.body.ranking).map((r) => r.slice(0, 2))).toEqual([
      ['d01-s01', 1],
      ['d01-s03', 1],
      ['d01-s02', 3],
      ['d01-s04', null],
    ]);
    expect(old.body.ranking.rows[3].counts.valid).toBe(2);
    const list = await get('/v1/rankings/publications?level=street&within=d01&period=2026-04');
    expect(list.body.items.map((i: { id: number; version: number; supersededBy: number | null }) => [i.id, i.version, i.supersededBy])).toEqual([
      [v2, 2, null],
      [v1, 1, v2],
    ]);
    // Another ranking (the whole tree's streets) numbers its own versions.
    const tree = await stack.http('POST', '/v1/rankings/publications', { level: 'street', period: '2026-04' }, who('admin'));
    expect(tree.body).toMatchObject({ version: 1, within: null });
  });

  it('exports a publication as published, with its version', async () => {
    const res = await stack.app.inject({ method: 'GET', url: `/v1/rankings/publications/${v1}?format=csv`, headers: who('analyst') });
    expect(res.headers['content-disposition']).toBe('attachment; filename="ranking-street-d01-assessment_month-2026-04-v1.csv"');
    const lines = res.rawPayload.toString('utf8').split('\r\n');
    expect(lines).toContain('发布版本 Published version,1');
    expect(lines).toContain(`已更正 Corrected by publication,${v2}`);
  });

  it('serves only public publications without sign-in: no staff, no notes, no case numbers', async () => {
    const pub = await stack.app.inject({ method: 'GET', url: `/v1/public/rankings/${v1}` });
    expect(pub.statusCode).toBe(200);
    const body = pub.json();
    expect(body).toMatchObject({ id: v1, version: 1, period: '2026-04', supersededBy: v2 });
    expect(body.rows.map((r: { unitId: string; rank: number | null }) => [r.unitId, r.rank])).toEqual([
      ['d01-s01', 1],
      ['d01-s03', 1],
      ['d01-s02', 3],
      ['d01-s04', null],
    ]);
    expect(pub.body).not.toMatch(CASE_NUMBER);
    expect(pub.body).not.toContain('assess-admin');
    expect(pub.body).not.toContain('四月考核');
    expect(body.rows[0]).not.toHaveProperty('counts');
    // Version 2 was not published as public: 404, as for one that does not exist.
    for (const id of [v2, 999_999]) {
      const hidden = await stack.app.inject({ method: 'GET', url: `/v1/public/rankings/${id}` });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.headers['content-type']).toMatch(/problem\+json/);
      expect(hidden.json().code).toBe('not_found');
    }
    const list = await stack.app.inject({ method: 'GET', url: '/v1/public/rankings' });
    expect(list.json().items.map((i: { id: number }) => i.id)).toEqual([v1]);
  });
});

describe('who sees what', () => {
  it('a unit leader sees their subtree only: their own row in a ranking with its rank among peers', async () => {
    const leader = who('unit_leader', 'd01-s02');
    const ranking = await get('/v1/rankings?level=street&within=d01&period=2026-04', leader);
    expect(ranking.status).toBe(200);
    expect(ranking.body.restricted).toBe(true);
    expect(ranking.body.peers).toEqual({ ranked: 4, unranked: 0 });
    expect(rowsOf(ranking.body)).toEqual([['d01-s02', 4, true, null, 1, -3]]);
    expect(JSON.stringify(ranking.body)).not.toContain('d01-s01');
    // Their export has the same single row.
    const csv = await stack.app.inject({ method: 'GET', url: '/v1/rankings?level=street&within=d01&period=2026-04&format=csv', headers: leader });
    const lines = csv.rawPayload.toString('utf8').split('\r\n');
    expect(lines.slice(lines.findIndex((l) => l.startsWith('排名 Rank,')) + 1).filter(Boolean).map((l) => l.split(',')[1])).toEqual(['d01-s02']);
    expect((await get('/v1/units/d01-s02-c01/figures?period=2026-04', leader)).status).toBe(200);
    expect((await get('/v1/assessment/cases?unitId=d01-s02&figure=resolutionRate&period=2026-04', leader)).body.items).toHaveLength(5);
    for (const url of ['/v1/units/d01-s01/figures?period=2026-04', '/v1/assessment/cases?unitId=d01-s01&figure=resolutionRate&period=2026-04']) {
      const res = await get(url, leader);
      expect(res.status, url).toBe(403);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
    // A published ranking is restricted the same way.
    const published = await get('/v1/rankings/publications?level=street&within=d01&period=2026-04', leader);
    const one = await get(`/v1/rankings/publications/${published.body.items[0].id}`, leader);
    expect(one.body.ranking.rows.map((r: { unitId: string }) => r.unitId)).toEqual(['d01-s02']);
    expect(one.body.ranking.restricted).toBe(true);
    // Their district's leader sees every street of the district.
    const district = await get('/v1/rankings?level=street&within=d01&period=2026-04', who('unit_leader', 'd01'));
    expect(district.body.rows).toHaveLength(4);
  });

  it('analysts, supervisors and admins read city-wide; handlers and the other roles do not', async () => {
    for (const role of ['analyst', 'supervisor', 'admin'] as const) {
      const res = await get('/v1/rankings?level=street&within=d02&period=2026-04', who(role, role === 'supervisor' ? 'd01' : 'city'));
      expect(res.status, role).toBe(200);
      expect(res.body.restricted).toBe(false);
    }
    for (const role of ['unit_handler', 'intake_agent', 'dispatcher', 'callback_agent', 'reviewer'] as const) {
      const res = await get('/v1/rankings?level=street&period=2026-04', who(role, role === 'unit_handler' ? 'd01-s02' : 'city'));
      expect(res.status, role).toBe(403);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
    expect((await stack.http('POST', '/v1/rankings/publications', { level: 'street', period: '2026-04' }, who('unit_leader', 'd01'))).status).toBe(403);
  });
});
