/**
 * Reports through the real stack (Temporal, the worker, PostgreSQL, the API): a report Schedule with a second-scale
 * interval makes a daily notice for yesterday (the city's and district d01's), stored as HTML and XLSX files that are
 * downloaded and read back (the chart's bars carry the day's counts, the workbook the figures behind them); the
 * recipients are told through the outbox and the deliverer resolves them to the leaders; a unit leader reads their
 * district's report and not the city's; a monthly report generated on request holds the callbacks, the communities and
 * the month's rankings; generating a period again makes version 2 and leaves version 1 as it was; the Schedules are
 * created at boot from the analysis policy's times in the city's zone.
 */
import { randomBytes } from 'node:crypto';
import { ScheduleOverlapPolicy } from '@temporalio/client';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseRow } from '../db/case.rows.js';
import { cases, notifications, unitDayCounters } from '../db/schema.js';
import { dateOfDay, dayNumber, localDay } from '../domain/analysis.rules.js';
import { open } from '../domain/case.machine.js';
import type { CaseIntake } from '../domain/case.types.js';
import type { NotificationChannel, OutgoingNotification } from '../notifications/channels.js';
import { bootReportSchedules, ensureReportSchedule } from '../runtime/report-schedules.js';
import { dataShapes, pathBox, svgElements, texts } from './support/svg.js';
import { eventually } from './support/cases.js';
import { sampleIntake } from './support/domain-fixtures.js';
import { startStack, type TestStack } from './support/stack.js';
import { paragraphsOf, unzip } from './support/zip.js';

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
async function insertCase(s: { at: number; categoryId: string; area: string; overdueAt?: string }): Promise<string> {
  seq += 1;
  const id = `HL${String(9_000_000 + seq).padStart(16, '0')}`;
  const intake: CaseIntake = sampleIntake({ categoryId: s.categoryId, title: `报告测试 ${seq}`, location: { address: '临江市', areaUnitId: s.area } });
  const { state } = open(id, intake, s.at, { id: 'agent', role: 'intake_agent' });
  const row = caseRow(state, intake, 1).insert!;
  await stack.database.db.insert(cases).values(s.overdueAt ? { ...row, unitId: s.area, status: 'dispatched', warningLevel: 'red', nextDueAt: new Date(s.overdueAt) } : row);
  return id;
}

const who = (role: Parameters<TestStack['as']>[0], unit = 'city') => stack.as(role, unit, `reports-${String(role)}@${unit}`);
const get = (url: string, headers?: Record<string, string>) => stack.http('GET', url, undefined, headers ?? who('analyst'));
/** The body as the client gets it (stack.http parses JSON; files come as text). */
const raw = async (url: string, headers?: Record<string, string>) => stack.app.inject({ method: 'GET', url, headers: headers ?? who('analyst') });

/** Yesterday, local (Beijing) — what a daily run now reports on. */
let yesterday: string;

beforeAll(async () => {
  stack = await startStack({ name: 'reports', deliverer: { channel, pollMs: 100 } });
  yesterday = dateOfDay(dayNumber(localDay(Date.now(), beijing)) - 1);
  const noon = Date.parse(`${yesterday}T12:00:00+08:00`);
  // Yesterday: three noise complaints and one about fees in d01, one in d02; one noise complaint today (not yesterday's).
  for (const area of ['d01-s01-c01', 'd01-s01-c02', 'd01-s02-c01']) await insertCase({ at: noon, categoryId: 'env.noise.construction', area });
  await insertCase({ at: noon + 60_000, categoryId: 'property.fee', area: 'd01-s02-c01' });
  await insertCase({ at: noon, categoryId: 'env.noise.construction', area: 'd02-s01-c01' });
  await insertCase({ at: Date.now(), categoryId: 'env.noise.construction', area: 'd01-s01-c01' });
  // Open and overdue now: two at d01-s01, one at d02-s01.
  const past = new Date(Date.now() - 3_600_000).toISOString();
  await insertCase({ at: noon - 86_400_000 * 3, categoryId: 'traffic.road', area: 'd01-s01', overdueAt: past });
  await insertCase({ at: noon - 86_400_000 * 3, categoryId: 'traffic.road', area: 'd01-s01', overdueAt: past });
  await insertCase({ at: noon - 86_400_000 * 3, categoryId: 'traffic.road', area: 'd02-s01', overdueAt: past });
});

afterAll(async () => {
  await stack?.close();
});

interface Listed {
  id: number;
  kind: string;
  period: string;
  scopeUnitId: string | null;
  version: number;
  supersededBy: number | null;
  title: string;
}

describe('the daily notice from a Schedule', () => {
  let cityReport: Listed;
  let districtReport: Listed;

  it('a Schedule every 2 s makes the city’s and d01’s notices for yesterday, stored and listed', async () => {
    const scheduleId = `report-test-${randomBytes(4).toString('hex')}`;
    await ensureReportSchedule(stack.client, { kind: 'daily', scheduleId, taskQueue: stack.taskQueue, cron: ['@every 2s'], timeZone: 'Asia/Shanghai', enabled: true, args: { kind: 'daily', scopes: [null, 'd01'] } });
    const handle = stack.client.schedule.getHandle(scheduleId);
    try {
      const listed = await eventually(async () => {
        const res = await get('/v1/reports?kind=daily');
        expect(res.status).toBe(200);
        const items = res.body.items as Listed[];
        expect(items.some((r) => r.scopeUnitId === null) && items.some((r) => r.scopeUnitId === 'd01')).toBe(true);
        return items;
      }, 60_000);
      await handle.pause('test: one run is enough');
      cityReport = listed.filter((r) => r.scopeUnitId === null).at(-1)!;
      districtReport = listed.filter((r) => r.scopeUnitId === 'd01').at(-1)!;
    } finally {
      await handle.delete().catch(() => {});
    }
    expect(cityReport).toMatchObject({ kind: 'daily', period: yesterday, version: 1, title: `临江市人民政府 ${Number(yesterday.slice(0, 4))}年${Number(yesterday.slice(5, 7))}月${Number(yesterday.slice(8, 10))}日 12345热线每日通报` });
    expect(districtReport).toMatchObject({ kind: 'daily', period: yesterday, scopeUnitId: 'd01' });
    expect(districtReport.title.startsWith('江城区人民政府 ')).toBe(true);
  });

  it('its figures: yesterday’s volume, categories with shares, the units most overdue now', async () => {
    const city = await get(`/v1/reports/${cityReport.id}`);
    expect(city.status).toBe(200);
    const f = city.body.figures;
    expect(f.volume.count).toBe(5);
    expect(f.categories.top.map((r: { categoryId: string; count: number; shareBp: number }) => [r.categoryId, r.count, r.shareBp])).toEqual([
      ['env', 4, 8000],
      ['property', 1, 2000],
    ]);
    expect(f.overdue).toMatchObject({ overdue: 3, red: 3 });
    expect(f.overdue.units.map((u: { unitId: string; name: string; overdue: number }) => [u.unitId, u.name, u.overdue])).toEqual([
      ['d01-s01', '江城区城关街道办事处', 2],
      ['d02-s01', '东湖区东湖街道办事处', 1],
    ]);
    expect(f.byDay.at(-1)).toMatchObject({ day: yesterday, count: 5 });
    const district = (await get(`/v1/reports/${districtReport.id}`)).body.figures;
    expect(district.volume.count).toBe(4);
    expect(district.overdue.overdue).toBe(2);
    // Each figure links to the cases behind it: yesterday's in d01.
    const link = new URL(district.volume.cases);
    const behind = await get(`${link.pathname}${link.search}`);
    expect(behind.body.items).toHaveLength(4);
  });

  it('the HTML file: Chinese, self-contained, its bar chart carrying yesterday’s counts', async () => {
    const res = await raw(`/v1/reports/${cityReport.id}?format=html`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="report-daily-${yesterday}-city-v1.html"`);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    const html = res.body;
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link |src="http/);
    expect(html).toContain('当日共受理诉求');
    // The first chart: the seven days ending yesterday, the last bar yesterday's 5, the bars in proportion.
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + 6);
    const bars = dataShapes(svg);
    expect(bars.size).toBe(7);
    const counts = (await get(`/v1/reports/${cityReport.id}`)).body.figures.byDay.map((d: { count: number }) => d.count) as number[];
    expect(counts.at(-1)).toBe(5);
    const tallest = Math.max(...counts);
    for (const [i, n] of counts.entries()) expect(pathBox(bars.get(i)!.attrs.d!).height / pathBox(bars.get(counts.indexOf(tallest))!.attrs.d!).height).toBeCloseTo(n / tallest, 2);
    expect(texts(svg)).toContain(yesterday.slice(5));
    // The category pie: 环境污染 4 of 5.
    const pie = svgElements(html, ['text']).map((t) => t.text);
    expect(pie).toContain('环境污染 4（80%）');
    // Links to the cases behind the figures.
    expect(html).toContain(`/v1/analysis/cases?from=${yesterday}&amp;to=${yesterday}`);
  });

  it('the XLSX file: the figures behind every chart, with links', async () => {
    const res = await raw(`/v1/reports/${cityReport.id}?format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(['总量 Volume', '日趋势 By day', '分类 Categories', '热点社区 Communities', '坐标热点 Cells', '群体诉求 Group complaints', '超期 Overdue', '说明 About']);
    const cats = wb.getWorksheet('分类 Categories')!;
    expect([2, 3, 4].map((r) => [cats.getRow(r).getCell(3).value, cats.getRow(r).getCell(4).value, cats.getRow(r).getCell(6).value])).toEqual([
      ['环境污染', 4, 8000],
      ['物业管理', 1, 2000],
      ['合计 Total', 5, 10000],
    ]);
    expect(String(cats.getRow(2).getCell(7).value)).toContain('/v1/analysis/cases?');
    const days = wb.getWorksheet('日趋势 By day')!;
    expect(days.getRow(8).values).toEqual([undefined, yesterday, 5, expect.stringContaining(`from=${yesterday}`)]);
  });

  it('the recipients are told through the outbox: the mayor of the city’s, the district head of d01’s', async () => {
    const rows = await stack.database.db.select().from(notifications).where(sql`${notifications.kind} = 'report_ready'`);
    const mine = rows.filter((r) => r.caseId === `report:${cityReport.id}` || r.caseId === `report:${districtReport.id}`);
    expect(mine.map((r) => [r.caseId, r.unitId, r.recipient]).sort()).toEqual(
      [
        [`report:${cityReport.id}`, 'city', 'principal_leader'],
        [`report:${districtReport.id}`, 'd01', 'principal_leader'],
      ].sort(),
    );
    expect(mine.find((r) => r.unitId === 'd01')!.message).toContain(`/v1/reports/${districtReport.id}?format=html`);
    await eventually(async () => {
      const names = delivered.filter((d) => d.kind === 'report_ready').map((d) => d.to.name);
      expect(names).toEqual(expect.arrayContaining(['市长 王建国', '区长 胡振华']));
    });
  });

  it('a district’s leader reads their district’s report, not the city’s', async () => {
    const leader = who('unit_leader', 'd01');
    const list = await get('/v1/reports', leader);
    expect(list.status).toBe(200);
    expect(new Set((list.body.items as Listed[]).map((r) => r.scopeUnitId))).toEqual(new Set(['d01']));
    expect((await raw(`/v1/reports/${districtReport.id}?format=html`, leader)).statusCode).toBe(200);
    expect((await raw(`/v1/reports/${districtReport.id}?format=docx`, leader)).statusCode).toBe(200);
    expect((await raw(`/v1/reports/${cityReport.id}?format=docx`, leader)).statusCode).toBe(404);
    expect((await get(`/v1/reports/${cityReport.id}`, leader)).status).toBe(404);
    expect((await get(`/v1/reports/${cityReport.id}`, who('unit_leader', 'd02'))).status).toBe(404);
    expect((await get('/v1/reports?city=true', leader)).status).toBe(403);
    expect((await get('/v1/reports', who('unit_handler', 'd01-s01'))).status).toBe(403);
  });

  it('generating the period again makes version 2; version 1 stays as it was', async () => {
    const before = (await raw(`/v1/reports/${districtReport.id}?format=html`)).body;
    const res = await stack.http('POST', '/v1/reports', { kind: 'daily', period: yesterday, unitId: 'd01' }, who('analyst'));
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    await stack.client.workflow.getHandle(res.body.workflowId).result();
    const versions = (await get(`/v1/reports?kind=daily&period=${yesterday}&unitId=d01`)).body.items as Listed[];
    const v2 = versions.find((r) => r.version === 2)!;
    expect(v2).toBeDefined();
    expect((await get(`/v1/reports/${districtReport.id}`)).body.supersededBy).toBe(v2.id);
    expect((await raw(`/v1/reports/${districtReport.id}?format=html`)).body).toBe(before);
    // A supervisor generates within their subtree only; a bad period names the field.
    expect((await stack.http('POST', '/v1/reports', { kind: 'daily' }, who('supervisor', 'd01'))).status).toBe(403);
    const bad = await stack.http('POST', '/v1/reports', { kind: 'monthly', period: '2026-13' }, who('analyst'));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('body.period');
  });
});

describe('the monthly report', () => {
  it('holds the callbacks, the communities and the month’s rankings of streets and departments', async () => {
    const db = stack.database.db;
    await db.insert(unitDayCounters).values([
      ...Object.entries({ valid: 4, contacted: 4, resolved: 3, satisfied: 2, basically_satisfied: 1, unsatisfied: 1 }).map(([counter, n]) => ({ unitId: 'd01-s01-c01', day: '2026-03-10', counter, n })),
      ...Object.entries({ valid: 2, contacted: 2, resolved: 2, satisfied: 2 }).map(([counter, n]) => ({ unitId: 'dept-cg', day: '2026-03-12', counter, n })),
    ]);
    await insertCase({ at: Date.parse('2026-03-10T10:00:00+08:00'), categoryId: 'env.noise.construction', area: 'd01-s01-c01' });
    await insertCase({ at: Date.parse('2026-03-11T10:00:00+08:00'), categoryId: 'property.fee', area: 'd01-s01-c01-g01' });
    const res = await stack.http('POST', '/v1/reports', { kind: 'monthly', period: '2026-03' }, who('admin'));
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const [stored] = await stack.client.workflow.getHandle(res.body.workflowId).result();
    const f = (await get(`/v1/reports/${stored.id}`)).body.figures;
    expect(f).toMatchObject({ kind: 'monthly', period: '2026-03', days: { from: '2026-03-01', to: '2026-03-31' }, title: '临江市人民政府 2026年3月 12345热线月度分析报告' });
    expect(f.volume.count).toBe(2);
    expect(f.callbacks.counts).toEqual({ valid: 6, contacted: 6, resolved: 5, satisfied: 4, basically_satisfied: 1, unsatisfied: 1 });
    expect(f.callbacks.resolutionRate).toEqual({ numerator: 5, denominator: 6, value: 5 / 6 });
    expect(f.communities[0]).toMatchObject({ unitId: 'd01-s01-c01', received: 2, valid: 4, resolutionRate: 0.75 });
    expect(f.rankings.map((r: { level: string; periodKind: string; period: string }) => [r.level, r.periodKind, r.period])).toEqual([
      ['street', 'month', '2026-03'],
      ['department', 'month', '2026-03'],
    ]);
    expect(f.rankings[1].rows.find((r: { unitId: string }) => r.unitId === 'dept-cg')).toMatchObject({ valid: 2, resolutionRate: 1 });
    expect(f.months).toHaveLength(13);
    expect(f.months.at(-1)).toMatchObject({ month: '2026-03', count: 2 });
    const html = (await raw(`/v1/reports/${stored.id}?format=html`)).body;
    for (const heading of ['月度趋势', '回访结果', '社区（村）情况', '街道（乡镇）排名', '职能部门排名']) expect(html).toContain(heading);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await raw(`/v1/reports/${stored.id}?format=xlsx`)).rawPayload as unknown as ArrayBuffer);
    const cb = wb.getWorksheet('回访 Callbacks')!;
    expect([cb.getRow(9).getCell(1).value, cb.getRow(9).getCell(3).value, cb.getRow(9).getCell(4).value]).toEqual(['解决率 Resolution rate', 5, 6]);
    expect(wb.getWorksheet('部门排名 Departments')).toBeDefined();
    // The Word version: the same headings and figures, its charts drawn by Word from the figures.
    const docx = await raw(`/v1/reports/${stored.id}?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.headers['content-disposition']).toBe(`attachment; filename="report-monthly-2026-03-city-v${stored.version}.docx"`);
    const files = unzip(docx.rawPayload);
    const text = paragraphsOf(files.get('word/document.xml')!.toString('utf8'));
    expect(text[0]).toBe('临江市人民政府 2026年3月 12345热线月度分析报告');
    for (const heading of ['月度趋势', '回访结果', '社区（村）情况', '街道（乡镇）排名', '职能部门排名']) expect(text.some((t) => /^[一二三四五六七八九十]+、/.test(t) && t.includes(heading)), heading).toBe(true);
    expect(text.join('|')).toContain('有效回访|已联系|已解决|满意|基本满意|不满意|6|6|5|4|1|1');
    expect(text.join('|')).toContain('83.33%（5/6）');
    expect([...files.keys()].filter((k) => /^word\/charts\/chart\d+\.xml$/.test(k)).length).toBeGreaterThanOrEqual(3);
  });
});

describe('the weekly summary', () => {
  it('covers the ISO week asked for: its seven days, its callbacks, the week before and the same week a year before', async () => {
    // The two March cases and the callbacks of the monthly test above: 10, 11 and 12 March 2026 are in week 11.
    const res = await stack.http('POST', '/v1/reports', { kind: 'weekly', period: '2026-W11' }, who('analyst'));
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const [stored] = await stack.client.workflow.getHandle(res.body.workflowId).result();
    const f = (await get(`/v1/reports/${stored.id}`)).body.figures;
    expect(f).toMatchObject({ kind: 'weekly', period: '2026-W11', days: { from: '2026-03-09', to: '2026-03-15' } });
    expect(f.title).toBe('临江市人民政府 2026年3月9日至2026年3月15日 12345热线每周综述');
    expect(f.volume).toMatchObject({ count: 2, previous: { from: '2026-03-02', to: '2026-03-08', count: 0 }, yearAgo: { from: '2025-03-10', to: '2025-03-16', count: 0 } });
    expect(f.byDay.map((d: { day: string; count: number }) => d.count)).toEqual([0, 1, 1, 0, 0, 0, 0]);
    expect(f.callbacks.counts.valid).toBe(6);
    expect(f.callbacks.cases).toContain('periodKind=week&period=2026-W11');
    expect(f.rankings).toEqual([]);
  });
});

describe('a missed run', () => {
  it('caught up later (a backfill of 08:00 three days ago) reports the period that closed when it was due', async () => {
    const scheduleId = `report-catchup-${randomBytes(4).toString('hex')}`;
    await ensureReportSchedule(stack.client, { kind: 'daily', scheduleId, taskQueue: stack.taskQueue, cron: ['0 8 * * *'], timeZone: 'Asia/Shanghai', enabled: true, args: { kind: 'daily', scopes: ['d02'] } });
    const handle = stack.client.schedule.getHandle(scheduleId);
    const threeDaysAgo = dateOfDay(dayNumber(yesterday) - 2);
    const due = new Date(Date.parse(`${threeDaysAgo}T08:00:00+08:00`));
    try {
      await handle.backfill([{ start: new Date(due.getTime() - 60_000), end: new Date(due.getTime() + 60_000), overlap: ScheduleOverlapPolicy.ALLOW_ALL }]);
      const report = await eventually(async () => {
        const items = (await get('/v1/reports?kind=daily&unitId=d02')).body.items as Listed[];
        expect(items).toHaveLength(1);
        return items[0]!;
      }, 60_000);
      // Run now, for the day before the day it was due.
      expect(report.period).toBe(dateOfDay(dayNumber(threeDaysAgo) - 1));
    } finally {
      await handle.delete().catch(() => {});
    }
  });
});

describe('the Schedules at boot', () => {
  it('are created from the analysis policy’s times in the city’s zone, BUFFER_ALL, and paused when REPORTS is off', async () => {
    const prefix = `report-boot-${randomBytes(4).toString('hex')}`;
    const cfg = {
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: stack.taskQueue,
      REPORTS: true,
      REPORT_DAILY_CRON: undefined,
      REPORT_WEEKLY_CRON: undefined,
      REPORT_MONTHLY_CRON: '30 9 2 * *',
      REPORT_TIMEZONE: undefined,
      ANALYSIS_WATCH: true,
      ANALYSIS_WATCH_CRON: '*/15 * * * *',
    };
    const lines: string[] = [];
    const boot = (over: Partial<typeof cfg> = {}) => bootReportSchedules({ ...cfg, ...over }, { connection: stack.client.connection, db: stack.database.db, dataConverter: stack.dataConverter, log: (l) => lines.push(l), prefix });
    try {
      expect(await boot()).toBe(true);
      expect(lines).toEqual([
        `report schedule ${prefix}-daily created: "0 8 * * *" in Asia/Shanghai`,
        `report schedule ${prefix}-weekly created: "0 8 * * 1" in Asia/Shanghai`,
        `report schedule ${prefix}-monthly created: "30 9 2 * *" in Asia/Shanghai`,
        `analysis watch schedule ${prefix}-watch created: "*/15 * * * *" in Asia/Shanghai`,
      ]);
      const watch = await stack.client.schedule.getHandle(`${prefix}-watch`).describe();
      expect(watch.policies.overlap).toBe(ScheduleOverlapPolicy.SKIP);
      expect(watch.action).toMatchObject({ type: 'startWorkflow', workflowType: 'analysisWatchWorkflow', taskQueue: stack.taskQueue });
      const daily = await stack.client.schedule.getHandle(`${prefix}-daily`).describe();
      expect(daily.spec.timezone).toBe('Asia/Shanghai');
      expect(daily.policies.overlap).toBe(ScheduleOverlapPolicy.BUFFER_ALL);
      expect(daily.policies.catchupWindow).toBe(7 * 86_400_000);
      expect(daily.action).toMatchObject({ type: 'startWorkflow', workflowType: 'reportWorkflow', taskQueue: stack.taskQueue, args: [{ kind: 'daily' }] });
      // 08:00 in Shanghai is 00:00 UTC.
      expect(daily.info.nextActionTimes[0]!.getUTCHours()).toBe(0);
      await boot({ REPORTS: false });
      expect(lines.at(-2)).toBe(`report schedule ${prefix}-monthly updated: paused (REPORTS=false)`);
      expect((await stack.client.schedule.getHandle(`${prefix}-weekly`).describe()).state.paused).toBe(true);
    } finally {
      for (const kind of ['daily', 'weekly', 'monthly', 'watch']) await stack.client.schedule.getHandle(`${prefix}-${kind}`).delete().catch(() => {});
    }
  });
});


