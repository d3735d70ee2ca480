/**
 * The analysis API through the real app and a real PostgreSQL, on a hand-built set of cases (rows written as the
 * projection writes them: their state through the domain's `open`, mapped by caseRow), with exact figures: shares that
 * add up, month-on-month across a month boundary in Beijing time, hot spots by unit and by cell, a group complaint
 * just under and just over the threshold, the cases behind each figure, and who sees what.
 *
 * The cases (Beijing time, UTC+8):
 *   March 2026 (7): A1, A2 property.service.cleaning at grid d01-s01-c01-g01 with coordinates P, P' (one cell);
 *     A3 property.fee at community d01-s01-c02 on 31 March 23:59 (15:59Z: still March); A4 sanitation.garbage.overflow
 *     at d01-s02-c01 with coordinates Q; A5 the same category at d02-s01-c01; A6 traffic.parking at street d02-s01 on
 *     28 February 16:30Z (1 March 00:30 local: March's); A7 market.food with no place, no coordinates, no phone.
 *   February 2026 (1): B1 env.noise.construction at d01-s01 on 28 February 15:30Z (23:30 local).
 *   April 2026 (1): B2 env.noise.construction at d01-s01 on 31 March 16:30Z (1 April 00:30 local).
 *   March 2025 (1): C1 property.fee: the base of March's year-on-year.
 *   May 2026: group-complaint cases (see the test).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseRow } from '../db/case.rows.js';
import { cases, unitCounters } from '../db/schema.js';
import { geohash } from '../domain/analysis.rules.js';
import { open } from '../domain/case.machine.js';
import type { Actor, CaseIntake } from '../domain/case.types.js';
import { sampleIntake } from './support/domain-fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
const agent: Actor = { id: 'agent-1', role: 'intake_agent' };

let seq = 0;
interface Spec {
  at: string;
  categoryId: string;
  area?: string;
  lat?: number;
  lng?: number;
  phone?: string | null;
}
/** A received case as the record has it; its number is HL + a running number. */
function built(s: Spec) {
  seq += 1;
  const id = `HL${String(seq).padStart(16, '0')}`;
  const intake: CaseIntake = sampleIntake({
    categoryId: s.categoryId,
    title: `案件 ${seq}`,
    complainant: s.phone === null ? undefined : { name: '李四', phone: s.phone ?? `1390000${String(seq).padStart(4, '0')}` },
    location: { address: '临江市', ...(s.area && { areaUnitId: s.area }), ...(s.lat !== undefined && { lat: s.lat, lng: s.lng! }) },
  });
  const { state } = open(id, intake, Date.parse(s.at), agent);
  return { id, row: caseRow({ ...state, categoryId: s.categoryId }, intake, 1).insert! };
}

const P = { lat: 39.90872, lng: 116.39751 };
const P2 = { lat: 39.90879, lng: 116.39758 };
const Q = { lat: 30.59276, lng: 114.30525 };
const R = { lat: 22.54312, lng: 114.05787 };

const ids: Record<string, string> = {};
async function insert(name: string, s: Spec): Promise<string> {
  const b = built(s);
  await stack.database.db.insert(cases).values(b.row);
  ids[name] = b.id;
  return b.id;
}

const who = (role: Parameters<TestStack['as']>[0], unit = 'city') => stack.as(role, unit, `analysis-${String(role)}@${unit}`);
const get = (url: string, headers?: Record<string, string>) => stack.http('GET', url, undefined, headers ?? who('analyst'));
const caseIdsOf = async (link: string, headers?: Record<string, string>): Promise<string[]> => {
  const res = await get(link, headers);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as Array<{ id: string }>).map((c) => c.id).sort();
};

beforeAll(async () => {
  stack = await startStack({ name: 'analysis', worker: false });
  await insert('A1', { at: '2026-03-02T09:00:00+08:00', categoryId: 'property.service.cleaning', area: 'd01-s01-c01-g01', ...P });
  await insert('A2', { at: '2026-03-03T09:00:00+08:00', categoryId: 'property.service.cleaning', area: 'd01-s01-c01-g01', ...P2 });
  await insert('A3', { at: '2026-03-31T15:59:00Z', categoryId: 'property.fee', area: 'd01-s01-c02' });
  await insert('A4', { at: '2026-03-10T10:00:00+08:00', categoryId: 'sanitation.garbage.overflow', area: 'd01-s02-c01', ...Q });
  await insert('A5', { at: '2026-03-11T10:00:00+08:00', categoryId: 'sanitation.garbage.overflow', area: 'd02-s01-c01' });
  await insert('A6', { at: '2026-02-28T16:30:00Z', categoryId: 'traffic.parking', area: 'd02-s01' });
  await insert('A7', { at: '2026-03-15T10:00:00+08:00', categoryId: 'market.food', phone: null });
  await insert('B1', { at: '2026-02-28T15:30:00Z', categoryId: 'env.noise.construction', area: 'd01-s01' });
  await insert('B2', { at: '2026-03-31T16:30:00Z', categoryId: 'env.noise.construction', area: 'd01-s01' });
  await insert('C1', { at: '2025-03-20T10:00:00+08:00', categoryId: 'property.fee', area: 'd01-s01-c02' });
});

afterAll(async () => {
  await stack?.close();
});

describe('category distribution', () => {
  it('top N at level 1 with shares in basis points that add up to 10,000; March in Beijing time', async () => {
    const res = await get('/v1/analysis/categories?periodKind=month&period=2026-03&topN=2');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ range: { from: '2026-03-01', to: '2026-03-31', periodKind: 'month', period: '2026-03' }, level: 1, topN: 2, total: 7, policyVersion: 1 });
    // 3/7, 2/7 and the other 2/7: 4285.7, 2857.1, 2857.1 → floors 4285, 2857, 2857 and the one left to the largest remainder.
    expect(res.body.top.map((r: { categoryId: string; name: string; count: number; shareBp: number }) => [r.categoryId, r.name, r.count, r.shareBp])).toEqual([
      ['property', '物业管理', 3, 4286],
      ['sanitation', '市容环卫', 2, 2857],
    ]);
    expect(res.body.other).toEqual({ categories: 2, count: 2, shareBp: 2857 });
    expect(res.body.topShareBp + res.body.other.shareBp).toBe(10_000);
    // The cases behind a figure: property's three, and all seven.
    expect(await caseIdsOf(res.body.top[0].cases)).toEqual([ids.A1, ids.A2, ids.A3].sort());
    expect(await caseIdsOf(res.body.cases)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7'].map((k) => ids[k]).sort());
  });

  it('at level 3, and within a category', async () => {
    const res = await get('/v1/analysis/categories?from=2026-03-01&to=2026-03-31&level=3&categoryId=property');
    expect(res.body.total).toBe(3);
    expect(res.body.top.map((r: { categoryId: string; count: number; shareBp: number }) => [r.categoryId, r.count, r.shareBp])).toEqual([
      ['property.service.cleaning', 2, 6667],
      ['property.fee', 1, 3333],
    ]);
    expect(res.body.other).toBeNull();
    // property.fee sits above level 3: it counts as itself, and its cases are those recorded at it.
    expect(res.body.top[1].cases).toContain('categoryScope=own');
    expect(await caseIdsOf(res.body.top[1].cases)).toEqual([ids.A3]);
  });
});

describe('trends', () => {
  it('monthly, with month-on-month across the month boundary in local time and year-on-year', async () => {
    const res = await get('/v1/analysis/trends?granularity=month&from=2026-02-01&to=2026-04-30');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const rows = res.body.periods.map((p: { period: string; count: number; previous: unknown; yearAgo: unknown }) => [p.period, p.count, p.previous, p.yearAgo]);
    expect(rows).toEqual([
      // B1 (28 Feb 23:30 local) is February's; A6 (28 Feb 16:30Z = 1 March 00:30) is not.
      ['2026-02', 1, { period: '2026-01', count: 0, delta: 1, ratio: null }, { period: '2025-02', count: 0, delta: 1, ratio: null }],
      ['2026-03', 7, { period: '2026-02', count: 1, delta: 6, ratio: 6 }, { period: '2025-03', count: 1, delta: 6, ratio: 6 }],
      // B2 (31 March 16:30Z = 1 April 00:30) is April's.
      ['2026-04', 1, { period: '2026-03', count: 7, delta: -6, ratio: -6 / 7 }, { period: '2025-04', count: 0, delta: 1, ratio: null }],
    ]);
    expect(res.body.total).toBe(9);
    expect(await caseIdsOf(res.body.periods[2].cases)).toEqual([ids.B2]);
  });

  it('daily around midnight of 31 March, Beijing time', async () => {
    const res = await get('/v1/analysis/trends?granularity=day&from=2026-03-31&to=2026-04-01');
    expect(res.body.periods.map((p: { period: string; count: number }) => [p.period, p.count])).toEqual([
      ['2026-03-31', 1],
      ['2026-04-01', 1],
    ]);
    expect(await caseIdsOf(res.body.periods[0].cases)).toEqual([ids.A3]);
  });

  it('the dispatched basis reads the assessment’s counter of a unit’s subtree, and links to its drill-down', async () => {
    const db = stack.database.db;
    await db.insert(unitCounters).values([
      { unitId: 'd01-s01', categoryId: 'env.noise.construction', day: '2026-03-05', counter: 'dispatched', n: 4 },
      { unitId: 'd01-s01-c01', categoryId: 'property.fee', day: '2026-03-06', counter: 'dispatched', n: 1 },
      { unitId: 'd02-s01', categoryId: 'property.fee', day: '2026-03-06', counter: 'dispatched', n: 2 },
      { unitId: 'd02-s01', categoryId: 'property.fee', day: '2026-03-06', counter: 'returned', n: 2 },
    ]);
    const street = await get('/v1/analysis/trends?granularity=day&from=2026-03-05&to=2026-03-06&basis=dispatched&unitId=d01-s01');
    expect(street.body.periods.map((p: { count: number }) => p.count)).toEqual([4, 1]);
    expect(street.body.periods[1].cases).toBe('/v1/assessment/cases?unitId=d01-s01&counter=dispatched&periodKind=day&period=2026-03-06');
    const city = await get('/v1/analysis/trends?granularity=day&from=2026-03-05&to=2026-03-06&basis=dispatched');
    expect(city.body.periods.map((p: { count: number }) => p.count)).toEqual([4, 3]);
    const fees = await get('/v1/analysis/trends?granularity=day&from=2026-03-05&to=2026-03-06&basis=dispatched&categoryId=property');
    expect(fees.body.periods.map((p: { count: number }) => p.count)).toEqual([0, 3]);
  });
});

describe('hot spots', () => {
  it('by community, street and cell, with the unplaced counted apart', async () => {
    const community = await get('/v1/analysis/hotspots?period=2026-03&by=unit&level=community');
    expect(community.status, JSON.stringify(community.body)).toBe(200);
    expect(community.body.rows.map((r: { unitId: string; name: string; count: number }) => [r.unitId, r.name, r.count])).toEqual([
      ['d01-s01-c01', '桂花社区居委会', 2],
      ['d01-s01-c02', '文昌社区居委会', 1],
      ['d01-s02-c01', '望江社区居委会', 1],
      ['d02-s01-c01', '湖光社区居委会', 1],
    ]);
    expect(community.body).toMatchObject({ total: 7, unplaced: 2 });
    expect(await caseIdsOf(community.body.rows[0].cases)).toEqual([ids.A1, ids.A2].sort());

    const street = await get('/v1/analysis/hotspots?period=2026-03&by=unit&level=street');
    expect(street.body.rows.map((r: { unitId: string; count: number }) => [r.unitId, r.count])).toEqual([
      ['d01-s01', 3],
      ['d02-s01', 2],
      ['d01-s02', 1],
    ]);
    expect(street.body.unplaced).toBe(1);

    const cell = await get('/v1/analysis/hotspots?period=2026-03&by=cell&precision=7');
    const p = geohash(P.lat, P.lng, 7);
    expect(geohash(P2.lat, P2.lng, 7)).toBe(p);
    expect(cell.body.rows.map((r: { cell: string; count: number }) => [r.cell, r.count])).toEqual([
      [p, 2],
      [geohash(Q.lat, Q.lng, 7), 1],
    ]);
    expect(cell.body).toMatchObject({ precision: 7, total: 7, unplaced: 4 });
    expect(cell.body.rows[0].bounds.south).toBeLessThanOrEqual(P.lat);
    expect(cell.body.rows[0].bounds.north).toBeGreaterThan(P.lat);
    expect(await caseIdsOf(cell.body.rows[0].cases)).toEqual([ids.A1, ids.A2].sort());
    // The hottest only: the total still counts every case.
    const first = await get('/v1/analysis/hotspots?period=2026-03&by=cell&precision=7&limit=1');
    expect(first.body.rows.map((r: { cell: string; count: number }) => [r.cell, r.count])).toEqual([[p, 2]]);
    expect(first.body).toMatchObject({ total: 7, unplaced: 4 });
    // Cells tied with the last one asked for: the first by geohash, as the rule orders them (June: these two alone).
    await insert('T1', { at: '2026-06-02T10:00:00+08:00', categoryId: 'traffic.road', ...R });
    await insert('T2', { at: '2026-06-03T10:00:00+08:00', categoryId: 'traffic.road', ...Q });
    const tied = [geohash(R.lat, R.lng, 7), geohash(Q.lat, Q.lng, 7)].sort();
    const june = await get('/v1/analysis/hotspots?period=2026-06&by=cell&precision=7&limit=1');
    expect(june.body.rows.map((r: { cell: string; count: number }) => [r.cell, r.count])).toEqual([[tied[0], 1]]);
    expect(june.body).toMatchObject({ total: 2, unplaced: 0 });
    // The policy's precision (7) when none is asked.
    expect((await get('/v1/analysis/hotspots?period=2026-03&by=cell')).body.precision).toBe(7);
  });
});

describe('group complaints', () => {
  it('4 distinct callers are not a group, a 5th makes one; a 6th joins it; the 5th exactly 7 days after the 1st is too late', async () => {
    const base = Date.parse('2026-05-04T09:00:00+08:00');
    const hour = 3_600_000;
    const atHour = (h: number) => new Date(base + h * hour).toISOString();
    // Under: one cell, 5 cases from 4 people (the 4th calls twice).
    for (const [i, phone] of ['13700000001', '13700000002', '13700000003', '13700000004', '137-0000-0004'].entries()) {
      await insert(`U${i}`, { at: atHour(i), categoryId: 'sanitation.garbage.overflow', ...R, phone });
    }
    // Over: grid d01-s01-c01-g02, no coordinates: 5 people within 6 days, then a 6th.
    const over: string[] = [];
    for (let i = 0; i < 6; i++) over.push(await insert(`G${i}`, { at: atHour(i * 24), categoryId: 'property.facility.elevator', area: 'd01-s01-c01-g02', phone: `1360000000${i}` }));
    // Late: 5 people, the 5th exactly 7 days after the 1st (not within 7 days).
    for (let i = 0; i < 5; i++) await insert(`L${i}`, { at: atHour(i === 4 ? 7 * 24 : i), categoryId: 'traffic.road', area: 'd02-s01-c02', phone: `1350000000${i}` });
    // Another category in the same grid is another issue.
    await insert('X', { at: atHour(2), categoryId: 'property.fee', area: 'd01-s01-c01-g02', phone: '13400000000' });

    const res = await get('/v1/analysis/group-complaints?period=2026-05');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.policy).toEqual({ minComplainants: 5, windowDays: 7, cellPrecision: 7 });
    expect(res.body.items).toHaveLength(1);
    const [g] = res.body.items;
    expect(g).toMatchObject({
      categoryId: 'property.facility.elevator',
      categoryName: '电梯维保',
      place: { kind: 'unit', unitId: 'd01-s01-c01-g02', name: '桂花社区第二网格', cell: null },
      complainants: 6,
      detectedByCaseId: over[4],
      detectedAt: atHour(96),
      windowStart: atHour(0),
      windowEnd: atHour(7 * 24),
      caseIds: over,
    });
    expect(await caseIdsOf(g.cases)).toEqual([...over].sort());
    // Flagged in May only: April has none.
    expect((await get('/v1/analysis/group-complaints?period=2026-04')).body.items).toEqual([]);
  });
});

describe('who sees what', () => {
  it('a unit leader sees their subtree by default and at most; another unit is 403; analysts the city', async () => {
    const leader = who('unit_leader', 'd01-s01');
    const mine = await get('/v1/analysis/categories?period=2026-03', leader);
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body).toMatchObject({ unitId: 'd01-s01', total: 3, top: [{ categoryId: 'property', count: 3, shareBp: 10_000 }] });
    expect(await caseIdsOf(mine.body.cases, leader)).toEqual([ids.A1, ids.A2, ids.A3].sort());
    // Another street's cases are not in the leader's list, even asked for by id.
    expect(await caseIdsOf(`/v1/analysis/cases?period=2026-03&caseIds=${ids.A4},${ids.A1}`, leader)).toEqual([ids.A1]);
    expect((await get('/v1/analysis/categories?period=2026-03&unitId=d02', leader)).status).toBe(403);
    expect((await get('/v1/analysis/hotspots?period=2026-03&unitId=d01-s01-c01', leader)).body.total).toBe(2);
    // Roles without analysis.read.
    expect((await get('/v1/analysis/categories?period=2026-03', who('unit_handler', 'd01-s01'))).status).toBe(403);
    expect((await get('/v1/analysis/categories?period=2026-03', who('dispatcher'))).status).toBe(403);
    expect((await get('/v1/analysis/categories?period=2026-03&unitId=d02', who('supervisor', 'd01'))).body.total).toBe(2);
  });

  it('bad input is a 400 naming the field', async () => {
    const bad = async (url: string, field: string) => {
      const res = await get(url);
      expect(res.status, url).toBe(400);
      expect(JSON.stringify(res.body.errors), url).toContain(field);
    };
    await bad('/v1/analysis/categories?from=2026-03-01', 'query.to');
    await bad('/v1/analysis/categories?from=2026-03-31&to=2026-03-01', 'query.to');
    await bad('/v1/analysis/categories?from=2026-02-30&to=2026-03-01', 'query.from');
    await bad('/v1/analysis/categories?from=2024-01-01&to=2026-03-01', 'query.to');
    await bad('/v1/analysis/categories?period=2026-13', 'query.period');
    await bad('/v1/analysis/categories?period=2026-03&unitId=nowhere', 'query.unitId');
    await bad('/v1/analysis/hotspots?period=2026-03&by=cell&precision=13', 'query.precision');
    await bad('/v1/analysis/cases?period=2026-03&cell=wx4a', 'query.cell');
    await bad('/v1/analysis/cases?period=2026-03&cursor=abc', 'query.cursor');
  });

  it('the cases behind a figure page by keyset, newest received first', async () => {
    const first = await get('/v1/analysis/cases?period=2026-03&limit=4');
    expect(first.body.items).toHaveLength(4);
    const second = await get(`/v1/analysis/cases?period=2026-03&limit=4&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(3);
    expect(second.body.nextCursor).toBeNull();
    const all = [...first.body.items, ...second.body.items].map((c: { id: string }) => c.id);
    expect(all[0]).toBe(ids.A3);
    expect(all.at(-1)).toBe(ids.A6);
    // Masked as the case list masks them.
    expect(first.body.items.every((c: { complainant: { phone: string | null } }) => c.complainant.phone === null || c.complainant.phone.includes('****'))).toBe(true);
  });
});

describe('speed', () => {
  it('counts read the analysis index only (an index-only scan of the range)', async () => {
    await stack.database.db.execute(sql`vacuum analyze cases`);
    // A handful of rows: without this the planner rightly reads the table; at a city's volume it takes the index.
    const rows = await stack.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const plan = await tx.execute<{ 'QUERY PLAN': string }>(sql`explain select category_id, count(*) from cases
        where received_at >= '2026-02-28T16:00:00Z' and received_at < '2026-03-31T16:00:00Z' group by 1`);
      return plan.rows;
    });
    expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Index Only Scan using cases_analysis_idx/);
  });
});
