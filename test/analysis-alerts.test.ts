/**
 * The stored alerts and the group flag at the case, through the real stack (the watch's workflow on the worker, the
 * API, PostgreSQL): two group complaints (d01's grid and d02's grid) and one surge (street d01-s02) flagged by the
 * analysis watch are listed by GET /v1/analysis/alerts — the latest first, by kind, by local days, by unit (told to or
 * placed at), in keyset pages, within each reader's subtree, without a phone number; and a case opened afterwards on
 * d01's grid and category is shown as part of that group in its view and its related cases (a case of another
 * category, or without a phone, is not), as is a case the group was flagged with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseRow } from '../db/case.rows.js';
import { cases } from '../db/schema.js';
import { dateOfDay, dayNumber, localDay } from '../domain/analysis.rules.js';
import { open } from '../domain/case.machine.js';
import type { CaseIntake } from '../domain/case.types.js';
import { analysisWatchWorkflow } from '../workflows/analysis-watch.workflow.js';
import { complaint } from './support/cases.js';
import { sampleIntake } from './support/domain-fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
const beijing = { utcOffsetMinutes: 480 };
const HOUR = 3_600_000;
const now = Date.now();
const today = localDay(now, beijing);

let seq = 0;
async function insertCase(s: { at: number; categoryId: string; area: string; phone: string }): Promise<string> {
  seq += 1;
  const id = `HL${String(8_000_000 + seq).padStart(16, '0')}`;
  const intake: CaseIntake = sampleIntake({ categoryId: s.categoryId, title: `预警列表 ${seq}`, complainant: { name: '赵六', phone: s.phone }, location: { address: '临江市', areaUnitId: s.area } });
  const { state } = open(id, intake, s.at, { id: 'agent', role: 'intake_agent' });
  await stack.database.db.insert(cases).values(caseRow(state, intake, 1).insert!);
  return id;
}

const who = (role: Parameters<TestStack['as']>[0], unit = 'city') => stack.as(role, unit, `alerts-${String(role)}@${unit}`);
const get = (url: string, headers?: Record<string, string>) => stack.http('GET', url, undefined, headers ?? who('analyst'));

interface Alert {
  id: number;
  kind: string;
  categoryId: string;
  unitId: string | null;
  detectedAt: string;
  group: { place: { kind: string; unitId: string | null; name: string | null }; complainants: number; caseIds: string[]; cases: string } | null;
  surge: { day: string; count: number; endedOn: string | null } | null;
}
const list = async (query: string, headers?: Record<string, string>): Promise<Alert[]> => {
  const res = await get(`/v1/analysis/alerts${query}`, headers);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as Alert[];
};

const d01Group: string[] = [];
const d02Group: string[] = [];

beforeAll(async () => {
  stack = await startStack({ name: 'analysis-alerts' });
  const yesterday = dateOfDay(dayNumber(today) - 1);
  // Two groups: five people on a d01 grid's lifts two days ago, five on a d02 grid's a day later.
  for (let i = 0; i < 5; i++) d01Group.push(await insertCase({ at: now - 48 * HOUR + i * HOUR, categoryId: 'property.facility.elevator', area: 'd01-s01-c01-g01', phone: `1360000300${i}` }));
  for (let i = 0; i < 5; i++) d02Group.push(await insertCase({ at: now - 24 * HOUR + i * HOUR, categoryId: 'property.facility.elevator', area: 'd02-s01-c02-g01', phone: `1360000400${i}` }));
  // A surge: 12 overflowing bins in street d01-s02 on the three days up to yesterday, at most four people in a community.
  const noon = Date.parse(`${yesterday}T12:00:00+08:00`);
  for (let i = 0; i < 12; i++) await insertCase({ at: noon - (i % 3) * 24 * HOUR, categoryId: 'sanitation.garbage.overflow', area: `d01-s02-c0${1 + (i % 3)}`, phone: `1370000${String(i).padStart(4, '0')}` });
  const run = await stack.client.workflow.execute(analysisWatchWorkflow, { taskQueue: stack.taskQueue, workflowId: `alerts-watch-${Math.random().toString(36).slice(2)}`, args: [{ at: now }] });
  expect(run.groupComplaints).toEqual({ flagged: 2, recorded: 2 });
  expect(run.surges).toMatchObject({ raised: 1 });
});

afterAll(async () => {
  await stack?.close();
});

describe('GET /v1/analysis/alerts', () => {
  it('lists the group complaints and the surge the watch flagged, the latest detected first, without personal data', async () => {
    const res = await get('/v1/analysis/alerts');
    expect(res.status).toBe(200);
    const items = res.body.items as Alert[];
    expect(items.map((a) => [a.kind, a.unitId])).toEqual([
      ['surge', 'd01-s02'],
      ['group_complaint', 'd02-s01'],
      ['group_complaint', 'd01-s01'],
    ]);
    const detected = items.map((a) => Date.parse(a.detectedAt));
    expect([...detected].sort((a, b) => b - a)).toEqual(detected);
    const [surge, g2, g1] = items as [Alert, Alert, Alert];
    expect(g1).toMatchObject({ categoryId: 'property.facility.elevator', categoryName: '电梯维保', unitName: '江城区城关街道办事处', surge: null });
    expect(g1.group).toMatchObject({ place: { kind: 'unit', unitId: 'd01-s01-c01-g01', name: '桂花社区第一网格' }, complainants: 5, caseIds: d01Group, detectedByCaseId: d01Group[4] });
    expect(g1.group!.cases).toContain('/v1/analysis/cases?');
    expect(g2.group!.caseIds).toEqual(d02Group);
    expect(surge).toMatchObject({ categoryId: 'sanitation.garbage.overflow', group: null, surge: { count: 12, baselineCount: 0, endedOn: null } });
    // No phone number, whole or in part, and no name.
    const json = JSON.stringify(res.body);
    for (const digits of ['13600003000', '13600004000', '13700000000', '赵六']) expect(json).not.toContain(digits);
    expect(res.body.nextCursor).toBeNull();
  });

  it('by kind, by the local days of detection, and by unit: the one told, or the group’s place', async () => {
    expect((await list('?kind=surge')).map((a) => a.kind)).toEqual(['surge']);
    expect((await list('?kind=group_complaint')).map((a) => a.unitId)).toEqual(['d02-s01', 'd01-s01']);
    expect(await list(`?from=${dateOfDay(dayNumber(today) + 1)}`)).toEqual([]);
    // The d01 group was detected two days ago (its 5th caller), the d02 group yesterday, the surge today (the run's time).
    const twoDaysAgo = localDay(now - 44 * HOUR, beijing);
    expect((await list(`?from=${twoDaysAgo}&to=${twoDaysAgo}`)).map((a) => a.unitId)).toEqual(['d01-s01']);
    expect((await list('?unitId=d01')).map((a) => a.unitId)).toEqual(['d01-s02', 'd01-s01']);
    expect((await list('?unitId=d01-s01-c01-g01')).map((a) => a.group?.place.unitId)).toEqual(['d01-s01-c01-g01']);
    const bad = await get(`/v1/analysis/alerts?from=${today}&to=${dateOfDay(dayNumber(today) - 1)}`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('query.to');
    expect((await get('/v1/analysis/alerts?kind=surge_day')).status).toBe(400);
  });

  it('in keyset pages: each alert once, in order; a cursor it did not issue is refused', async () => {
    const all = await list('');
    const seen: Alert[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(`/v1/analysis/alerts?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
      seen.push(...(res.body.items as Alert[]));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    expect(seen.map((a) => a.id)).toEqual(all.map((a) => a.id));
    const bad = await get(`/v1/analysis/alerts?cursor=${Buffer.from('2026-01-01T00:00:00Z|1').toString('base64url')}`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('query.cursor');
  });

  it('a unit leader sees their subtree’s alerts; another unit is refused; a handler reads none', async () => {
    expect((await list('', who('unit_leader', 'd01'))).map((a) => a.unitId)).toEqual(['d01-s02', 'd01-s01']);
    expect((await list('', who('unit_leader', 'd02'))).map((a) => a.unitId)).toEqual(['d02-s01']);
    // A grid's leader: the group placed on their grid (told to their street).
    expect((await list('', who('unit_leader', 'd01-s01-c01-g01'))).map((a) => a.kind)).toEqual(['group_complaint']);
    expect((await get('/v1/analysis/alerts?unitId=d02', who('unit_leader', 'd01'))).status).toBe(403);
    expect((await get('/v1/analysis/alerts', who('unit_handler', 'd01-s01'))).status).toBe(403);
  });
});

describe('a case part of a flagged group', () => {
  it('opened on the group’s category and grid inside its window: its view and its related cases say so, and the 201 carries nothing of it', async () => {
    const opened = await stack.http('POST', '/v1/cases', complaint({ categoryId: 'property.facility.elevator', complainant: { name: '钱七', phone: '13900005555' }, location: { address: '桂花社区5栋', areaUnitId: 'd01-s01-c01-g01' } }));
    expect(opened.status).toBe(201);
    expect(opened.body.groupComplaint).toBeUndefined();
    const view = await get(`/v1/cases/${opened.body.id}`);
    expect(view.status).toBe(200);
    const [groupAlert] = await list('?kind=group_complaint&unitId=d01');
    expect(view.body.groupComplaint).toMatchObject({
      alertId: groupAlert!.id,
      categoryId: 'property.facility.elevator',
      place: { kind: 'unit', cell: null, unitId: 'd01-s01-c01-g01' },
      complainants: 5,
      caseIds: d01Group,
      listed: false,
    });
    // A reader who sees the case masked sees the same group (no personal data in it).
    const masked = await get(`/v1/cases/${opened.body.id}`, who('supervisor', 'city'));
    expect(masked.body.piiMasked).toBe(true);
    expect(masked.body.groupComplaint).toEqual(view.body.groupComplaint);
    const related = await get(`/v1/cases/${opened.body.id}/related`);
    expect(related.status).toBe(200);
    expect(related.body.groupComplaint).toEqual(view.body.groupComplaint);
  });

  it('a case the group was flagged with is listed in it; another category, or no phone, is in no group', async () => {
    const listed = await get(`/v1/cases/${d01Group[2]}`);
    expect(listed.body.groupComplaint).toMatchObject({ listed: true, caseIds: d01Group });
    const other = await stack.http('POST', '/v1/cases', complaint({ categoryId: 'property.fee', complainant: { name: '孙八', phone: '13900006666' }, location: { address: '桂花社区5栋', areaUnitId: 'd01-s01-c01-g01' } }));
    expect(other.status).toBe(201);
    expect((await get(`/v1/cases/${other.body.id}`)).body.groupComplaint).toBeNull();
    const anonymous = await stack.http('POST', '/v1/cases', complaint({ categoryId: 'property.facility.elevator', complainant: undefined, location: { address: '桂花社区5栋', areaUnitId: 'd01-s01-c01-g01' } }));
    expect(anonymous.status, JSON.stringify(anonymous.body)).toBe(201);
    expect((await get(`/v1/cases/${anonymous.body.id}`)).body.groupComplaint).toBeNull();
    // Another grid of the same community: another place.
    const elsewhere = await stack.http('POST', '/v1/cases', complaint({ categoryId: 'property.facility.elevator', complainant: { name: '周九', phone: '13900007777' }, location: { address: '桂花社区', areaUnitId: 'd01-s01-c01' } }));
    expect((await get(`/v1/cases/${elsewhere.body.id}`)).body.groupComplaint).toBeNull();
  });
});
