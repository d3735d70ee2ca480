/**
 * The analysis watch through the real stack (its workflow on the worker, PostgreSQL, the outbox and its deliverer): a
 * group complaint just over the threshold is flagged once and announced to the street's leader and the hotline
 * centre's desk, one just under is not; a surge (no baseline, 12 cases in a street's week against a minimum of 10) is
 * raised once and announced, 9 are not; a second run, and the next day's run while the surge goes on, add nothing.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseRow } from '../db/case.rows.js';
import { analysisAlerts, cases, notifications } from '../db/schema.js';
import { dateOfDay, dayNumber, localDay } from '../domain/analysis.rules.js';
import { open } from '../domain/case.machine.js';
import type { CaseIntake } from '../domain/case.types.js';
import type { NotificationChannel, OutgoingNotification } from '../notifications/channels.js';
import { analysisWatchWorkflow } from '../workflows/analysis-watch.workflow.js';
import { eventually } from './support/cases.js';
import { sampleIntake } from './support/domain-fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
const beijing = { utcOffsetMinutes: 480 };
const delivered: OutgoingNotification[] = [];
const channel: NotificationChannel = {
  name: 'test',
  async send(message) {
    delivered.push(message);
    return { ok: true, statusCode: 200 };
  },
};

let seq = 0;
async function insertCase(s: { at: number; categoryId: string; area: string; phone: string }): Promise<string> {
  seq += 1;
  const id = `HL${String(7_000_000 + seq).padStart(16, '0')}`;
  const intake: CaseIntake = sampleIntake({ categoryId: s.categoryId, title: `预警测试 ${seq}`, complainant: { name: '王五', phone: s.phone }, location: { address: '临江市', areaUnitId: s.area } });
  const { state } = open(id, intake, s.at, { id: 'agent', role: 'intake_agent' });
  await stack.database.db.insert(cases).values(caseRow(state, intake, 1).insert!);
  return id;
}

const HOUR = 3_600_000;
const now = Date.now();
let yesterday: string;

const watch = (at: number) =>
  stack.client.workflow.execute(analysisWatchWorkflow, { taskQueue: stack.taskQueue, workflowId: `watch-test-${at}-${Math.random().toString(36).slice(2)}`, args: [{ at }] });

beforeAll(async () => {
  stack = await startStack({ name: 'analysis-watch', deliverer: { channel, pollMs: 100 } });
  yesterday = dateOfDay(dayNumber(localDay(now, beijing)) - 1);
  // Over: five people on one grid's lifts within two days. Under: four people (one twice) on another street's grid (so
  // neither street has the ten cases of a surge).
  for (let i = 0; i < 5; i++) await insertCase({ at: now - 48 * HOUR + i * HOUR, categoryId: 'property.facility.elevator', area: 'd01-s01-c01-g01', phone: `1360000100${i}` });
  for (const [i, phone] of ['13600002000', '13600002001', '13600002002', '13600002003', '13600002003'].entries()) {
    await insertCase({ at: now - 30 * HOUR + i * HOUR, categoryId: 'property.facility.elevator', area: 'd02-s01-c02-g01', phone });
  }
  // A surge: 12 overflowing bins in street d01-s02 on the three days up to yesterday (none before); 9 in d02-s01 are
  // not one. Spread over each street's three communities, at most four people in any: no group complaint among them.
  const noon = Date.parse(`${yesterday}T12:00:00+08:00`);
  for (let i = 0; i < 12; i++) await insertCase({ at: noon - (i % 3) * 24 * HOUR, categoryId: 'sanitation.garbage.overflow', area: `d01-s02-c0${1 + (i % 3)}`, phone: `1370000${String(i).padStart(4, '0')}` });
  for (let i = 0; i < 9; i++) await insertCase({ at: noon - (i % 3) * 24 * HOUR, categoryId: 'sanitation.garbage.overflow', area: `d02-s01-c0${1 + (i % 3)}`, phone: `1380000${String(i).padStart(4, '0')}` });
});

afterAll(async () => {
  await stack?.close();
});

describe('the analysis watch', () => {
  it('flags the group complaint and the surge once each and announces them', async () => {
    const first = await watch(now);
    expect(first.groupComplaints).toEqual({ flagged: 1, recorded: 1 });
    expect(first.surges).toEqual({ day: yesterday, evaluated: true, raised: 1, ended: 0 });

    const alerts = await stack.database.db.select().from(analysisAlerts).where(sql`${analysisAlerts.kind} in ('group_complaint', 'surge')`);
    const group = alerts.find((a) => a.kind === 'group_complaint')!;
    const surge = alerts.find((a) => a.kind === 'surge')!;
    expect(group).toMatchObject({ categoryId: 'property.facility.elevator', unitId: 'd01-s01' });
    expect(group.details).toMatchObject({ complainants: 5, place: { kind: 'unit', unitId: 'd01-s01-c01-g01' } });
    expect((group.details as { caseIds: string[] }).caseIds).toHaveLength(5);
    expect(surge).toMatchObject({ categoryId: 'sanitation.garbage.overflow', unitId: 'd01-s02' });
    expect(surge.details).toMatchObject({ since: yesterday, count: 12, baselineCount: 0, endedOn: null });

    const notices = await stack.database.db.select().from(notifications).where(sql`${notifications.kind} in ('group_complaint', 'surge')`);
    expect(notices.map((n) => [n.caseId, n.kind, n.unitId, n.recipient]).sort()).toEqual(
      [
        [`alert:${group.id}`, 'group_complaint', 'd01-s01', 'principal_leader'],
        [`alert:${group.id}`, 'group_complaint', 'hotline-centre', 'handler'],
        [`alert:${surge.id}`, 'surge', 'd01-s02', 'principal_leader'],
        [`alert:${surge.id}`, 'surge', 'hotline-centre', 'handler'],
      ].sort(),
    );
    const groupNotice = notices.find((n) => n.kind === 'group_complaint')!.message;
    expect(groupNotice).toContain('【群体诉求】电梯维保：桂花社区第一网格 7 日内 5 名诉求人反映 5 件');
    expect(groupNotice).toContain('/v1/analysis/cases?');
    expect(notices.find((n) => n.kind === 'surge')!.message).toContain('【诉求激增】江城区滨江街道办事处 垃圾满溢');
    // The deliverer resolves them to people: the streets' directors and the hotline centre's desk.
    await eventually(async () => {
      const to = delivered.filter((d) => d.kind === 'group_complaint' || d.kind === 'surge').map((d) => `${d.kind} ${d.to.name}`);
      expect(to.sort()).toEqual(['group_complaint 主任 邓子明', 'group_complaint 临江市12345政务服务便民热线中心', 'surge 主任 韩勇', 'surge 临江市12345政务服务便民热线中心'].sort());
    });
  });

  it('a second run adds nothing; the next day, the surge going on is not raised again', async () => {
    const again = await watch(now + 60_000);
    expect(again.groupComplaints).toEqual({ flagged: 1, recorded: 0 });
    expect(again.surges).toMatchObject({ evaluated: false, raised: 0 });
    const tomorrow = await watch(now + 24 * HOUR);
    expect(tomorrow.surges).toMatchObject({ day: localDay(now, beijing), evaluated: true, raised: 0, ended: 0 });
    const count = await stack.database.db.execute<{ n: number }>(sql`select count(*)::int as n from notifications where kind in ('group_complaint', 'surge')`);
    expect(count.rows[0]!.n).toBe(4);
  });
});
