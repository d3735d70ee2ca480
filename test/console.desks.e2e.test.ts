/**
 * The console's second slice in a real browser (Chromium through playwright-core) against the real stack:
 *
 * - live lists: the handler of 城关街道 keeps the unit's work queue open in one browser context; the dispatcher
 *   dispatches a case to the street in another; the case appears in the handler's queue within 2 seconds of the
 *   dispatch's answer, without a reload (the queue's own refresh is a minute away);
 * - the supervision desk: the overdue list (a clock of seconds), filtered by unit and escalation level, a case urged
 *   and escalated from it through the actions the API offers; the repeat groups with their cards;
 * - the review desk: a case closed unsatisfied is in the review queue and the unsatisfied zone; the reviewer records
 *   the review;
 * - the analysis desk: a year of synthetic closed cases (bench/metrics-data.ts, as the product writes them), a month's
 *   street ranking with every rate's numerator and denominator, unranked and flagged rows, a figure's drill-down to
 *   its cases and on to a case page, the ranking as an Excel file, the charts; a stored group-complaint alert listed and
 *   a generated monthly report downloaded from the desk as a Word document.
 *
 * - the administration desk: a calendar year loaded (a make-up day on a Monday refused first, naming the field), a
 *   dispatch rule added and previewed, a case policy version stored from its JSON (a bad value refused first), a
 *   channel's API key made (shown once, working as that channel's key) and revoked; a
 *   district dispatcher sees only what their grants open.
 *
 * Screenshots go to docs/console/<desk>.png.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMetricsData } from '../bench/metrics-data.js';
import { alignCounters } from '../db/assessment.reconcile.js';
import { analysisAlerts } from '../db/schema.js';
import { defaultPolicyDocument } from '../db/seed-policy.js';
import { defaultAssessmentPolicy } from '../domain/assessment.policy.js';
import type { DispatchRuleRecord } from '../domain/dispatch-catalogue.js';
import { complaint, eventually } from './support/cases.js';
import { CHROMIUM, SHOTS, hasChromium, launchChromium, serve, consolePage, watch, devSignIn } from '../bench/browser.js';
import { startStack, type TestStack } from './support/stack.js';
import { paragraphsOf, unzip } from './support/zip.js';

const PHONE = '13812340000';

const rule = (id: string, categoryId: string, unitId: string): DispatchRuleRecord => ({ id, categoryId, areaUnitId: null, unitId, unitType: null, note: null, active: true });
const RULES = [
  // Two units for street vendors: the catalogue suggests both and the case waits for a dispatcher.
  rule('dr-desks-vendor-street', 'sanitation.vendor', 'd01-s01'),
  rule('dr-desks-vendor-cg', 'sanitation.vendor', 'dept-cg'),
  // A water outage goes to the street at intake, its sign-for clock overdue after 3 s.
  rule('dr-desks-water', 'utility.water.outage', 'd01-s01'),
];
const { clocks } = defaultPolicyDocument;
const POLICY = {
  clocks: { ...clocks, utilities: { ...clocks.utilities, signFor: { amount: 3, unit: 'seconds' as const } } },
  // An unsatisfied callback closes the case at once (no re-handling rounds): the review queue gets it.
  maxExtraRounds: 0,
};

describe.skipIf(!hasChromium())(`the console's supervision, review and analysis desks and live lists in Chromium (${CHROMIUM})`, () => {
  let stack: TestStack;
  let browser: Browser;
  let base: string;
  const urls: string[] = [];
  const logs: string[] = [];

  beforeAll(async () => {
    stack = await startStack({ name: 'console_desks', console: true, repeats: true, dispatchRules: RULES, policy: POLICY });
    base = await serve(stack);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function signIn(person: string): Promise<Page> {
    return devSignIn(watch(await consolePage(browser, { acceptDownloads: true }), urls, logs), base, person);
  }

  /** Lets Ant Design's entry animations (rows fading in, drawers sliding) finish before a screenshot. */
  const settle = (page: Page) => page.waitForTimeout(500);

  async function tab(page: Page, key: string) {
    await page.locator(`[data-tab="${key}"]`).click();
  }

  async function openFromQueue(page: Page, id: string) {
    const row = page.locator(`tr[data-row-key="${id}"]`);
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    await page.locator(`[data-case-page="${id}"]`).waitFor();
  }

  /** Clicks an offered action, fills its form, submits, and waits for the modal to close. */
  async function act(page: Page, id: string, action: string, fill: () => Promise<void>, shot?: string) {
    await page.locator(`[data-case-page="${id}"] button[data-action="${action}"]`).click();
    const modal = page.locator('.ant-modal:visible');
    await modal.waitFor();
    await fill();
    if (shot) await page.screenshot({ path: path.join(SHOTS, shot) });
    await modal.locator('.ant-modal-footer button.ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });
  }

  const open = async (over: Record<string, unknown>) => {
    const res = await stack.http('POST', '/v1/cases', complaint(over), stack.as('intake_agent', 'city', 'intake-01'));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; unitId: string | null };
  };

  it('a unit sees a case dispatched to it within 2 s, without reloading: two browser contexts', { timeout: 120_000 }, async () => {
    const vendor = await open({ title: '小区门口流动摊贩占道', categoryId: 'sanitation.vendor', location: { areaUnitId: 'd01-s01-c02' }, complainant: { phone: '13812340001' } });
    expect(vendor.unitId).toBeNull();

    const handler = await signIn('unit_handler');
    await expect.poll(() => handler.url()).toBe(`${base}/console/queue`);
    await handler.locator('[data-testid=live][data-live=live]').waitFor({ timeout: 10_000 });
    expect(await handler.locator(`tr[data-row-key="${vendor.id}"]`).count()).toBe(0);
    const reloads: string[] = [];
    handler.on('framenavigated', (f) => reloads.push(f.url()));

    const dispatcher = await signIn('dispatcher');
    await openFromQueue(dispatcher, vendor.id);
    await act(dispatcher, vendor.id, 'dispatch', async () => {
      await dispatcher.locator('.ant-modal:visible .ant-tag').filter({ hasText: '城关街道' }).click();
    });
    await dispatcher.locator(`[data-case-page="${vendor.id}"] [data-status="dispatched"]`).waitFor({ timeout: 20_000 });
    const answered = Date.now();
    await handler.locator(`tr[data-row-key="${vendor.id}"]`).waitFor({ timeout: 2_000 });
    const seenAfter = Date.now() - answered;
    expect(seenAfter).toBeLessThan(2_000);
    expect(reloads).toEqual([]);
    await settle(handler);
    await handler.screenshot({ path: path.join(SHOTS, 'live-queue.png') });
    // The stream's URL carries no token, and no event carried the case's title or complainant.
    expect(urls.filter((u) => u.includes('/v1/live/cases'))).not.toEqual([]);
    for (const u of urls.filter((x) => x.includes('/v1/live/'))) expect(u).toBe(`${base}/v1/live/cases`);
    await handler.context().close();
    await dispatcher.context().close();
  });

  it('the supervision desk: overdue by unit and level, urge and escalate, repeat groups and their cards', { timeout: 120_000 }, async () => {
    // A water outage at the street: dispatched by the catalogue, overdue for sign-for after 3 s.
    const water = await open({ title: '小区停水两天无人处理', categoryId: 'utility.water.outage', location: { areaUnitId: 'd01-s01-c03' }, complainant: { phone: '13812340002' } });
    expect(water.unitId).toBe('d01-s01');
    // Three complaints about parking in one community: a repeat group with a yellow card (3).
    const parking: string[] = [];
    for (let i = 0; i < 3; i++) {
      parking.push((await open({ title: `小区停车位被长期占用（第${i + 1}次反映）`, categoryId: 'property.parking', location: { areaUnitId: 'd01-s02-c01' }, complainant: { phone: `1381234001${i}` } })).id);
      // The next one finds it once it is recorded (the repeat search reads the record).
      await eventually(async () => expect((await stack.http('GET', '/v1/cases?categoryId=property.parking')).body.items).toHaveLength(i + 1));
    }
    await eventually(async () => expect((await stack.http('GET', `/v1/cases/${parking[0]}`)).body).toMatchObject({ repeatCount: 3, repeatCard: 'yellow' }));
    await eventually(async () => expect((await stack.http('GET', `/v1/cases/${water.id}`)).body.nextDueAt < new Date().toISOString()).toBe(true));

    const supervisor = await signIn('supervisor');
    await expect.poll(() => supervisor.url()).toBe(`${base}/console/supervision`);
    await supervisor.locator(`tr[data-row-key="${water.id}"]`).waitFor({ timeout: 20_000 });
    expect(await supervisor.locator(`tr[data-row-key="${water.id}"] [data-clock]`).getAttribute('data-clock')).toBe('overdue');
    // Filtered to another district: not there.
    await supervisor.locator('#supervision_within').click();
    await supervisor.locator('#supervision_within').fill('东湖区');
    await supervisor.locator('.ant-select-dropdown:visible .ant-select-tree-title').filter({ hasText: '东湖区人民政府' }).first().click();
    await expect.poll(() => supervisor.locator(`tr[data-row-key="${water.id}"]`).count()).toBe(0);
    await supervisor.locator('#supervision_within').click();
    await supervisor.locator('#supervision_within').fill('江城区人民');
    await supervisor.locator('.ant-select-dropdown:visible .ant-select-tree-title').filter({ hasText: '江城区人民政府' }).first().click();
    await supervisor.locator(`tr[data-row-key="${water.id}"]`).waitFor();
    await settle(supervisor);
    await supervisor.screenshot({ path: path.join(SHOTS, 'supervision.png') });

    // Urge (催办) and escalate (督办) from the case beside the list: the actions the API offers.
    await openFromQueue(supervisor, water.id);
    const offered = await supervisor.locator(`[data-case-page="${water.id}"] button[data-action]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    const api = await stack.http('GET', `/v1/cases/${water.id}/actions`, undefined, stack.as('supervisor', 'city', 'supervisor-01'));
    expect(offered).toEqual(api.body.actions.map((a: { action: string }) => a.action));
    expect(offered).toEqual(expect.arrayContaining(['escalate', 'urge', 'reassign']));
    await act(supervisor, water.id, 'urge', () => supervisor.locator('#action-urge_note').fill('请立即签收并安排抢修'));
    await act(
      supervisor,
      water.id,
      'escalate',
      async () => {
        await supervisor.locator('#action-escalate_reason').fill('停水超过24小时，群众反映强烈');
        await supervisor.locator('#action-escalate_level').fill('2');
      },
      'supervision-escalate.png',
    );
    await eventually(async () => expect((await stack.http('GET', `/v1/cases/${water.id}`)).body.escalationLevel).toBe(2));
    // The timeline shows both, by the supervisor; the list (live) shows the level, and level ≥ 2 keeps it.
    const panel = supervisor.locator(`[data-case-page="${water.id}"]`);
    await expect.poll(() => panel.locator('[data-event]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event')))).toEqual(expect.arrayContaining(['urged', 'escalated']));
    await supervisor.locator('.ant-drawer-close').click();
    await supervisor.locator(`tr[data-row-key="${water.id}"] [data-escalation="2"]`).waitFor({ timeout: 5_000 });
    // Once the drawer has closed (it gives the focus back as it goes).
    await supervisor.locator('.ant-drawer-content-wrapper').waitFor({ state: 'hidden' });
    await supervisor.locator('#supervision_level').click();
    await supervisor.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '三级' }).click();
    await expect.poll(() => supervisor.locator(`tr[data-row-key="${water.id}"]`).count()).toBe(0);

    // Repeat groups: the master with its yellow card and count.
    await tab(supervisor, 'repeats');
    const master = supervisor.locator(`tr[data-row-key="${parking[0]}"]`);
    await master.waitFor();
    expect(await master.locator('[data-card]').getAttribute('data-card')).toBe('yellow');
    expect(await master.locator('[data-count]').getAttribute('data-count')).toBe('3');
    await settle(supervisor);
    await supervisor.screenshot({ path: path.join(SHOTS, 'repeats.png') });
    // Its group: the case beside the list names the members.
    await master.click();
    await supervisor.locator(`[data-case-page="${parking[0]}"]`).waitFor();
    await supervisor.getByText(parking[2]!).first().waitFor();
    await supervisor.context().close();
  });

  it('the review desk: a case closed unsatisfied is in the review queue and the unsatisfied zone; the reviewer reviews it', { timeout: 120_000 }, async () => {
    const road = await open({ title: '人行道地砖破损多处', categoryId: 'traffic.road', location: { areaUnitId: 'd02-s01-c01' }, complainant: { name: '孙八', phone: PHONE } });
    const id = road.id;
    const post = async (action: string, body: unknown) => {
      const res = await stack.http('POST', `/v1/cases/${id}/${action}`, body);
      expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
    };
    await post('dispatch', { unitId: 'd02-s01' });
    await post('accept', {});
    await post('contact', { method: 'phone' });
    await post('reply', { content: '已安排维修', resolved: false });
    await post('callback', { contacted: true, resolved: false, satisfaction: 'unsatisfied' });
    await eventually(async () => expect((await stack.http('GET', `/v1/cases?zone=review`)).body.items.map((c: { id: string }) => c.id)).toContain(id));

    const reviewer = await signIn('reviewer');
    await expect.poll(() => reviewer.url()).toBe(`${base}/console/review`);
    const row = reviewer.locator(`tr[data-row-key="${id}"]`);
    await row.waitFor();
    expect(await row.locator('[data-rounds]').getAttribute('data-rounds')).toBe('1');
    expect(await row.textContent()).toContain('不满意');
    expect(await row.textContent()).not.toContain(PHONE);
    await settle(reviewer);
    await reviewer.screenshot({ path: path.join(SHOTS, 'review.png') });
    await tab(reviewer, 'unsatisfied');
    await reviewer.locator(`tr[data-row-key="${id}"]`).waitFor();
    await tab(reviewer, 'review');
    await openFromQueue(reviewer, id);
    await act(reviewer, id, 'review', async () => {
      await reviewer.locator('#action-review_demandReasonable').getByText('是').click();
      await reviewer.locator('#action-review_handlingCompliant').getByText('否').click();
      await reviewer.locator('#action-review_reason').fill('诉求合理，单位未实际维修');
    });
    await reviewer.locator('.ant-drawer-close').click();
    // Reviewed: it leaves the queue (live), stays in the zone.
    await expect.poll(() => reviewer.locator(`tr[data-row-key="${id}"]`).count(), { timeout: 5_000 }).toBe(0);
    expect((await stack.http('GET', `/v1/cases/${id}`)).body.review).toMatchObject({ demandReasonable: true, handlingCompliant: false, by: 'reviewer-01' });
    await reviewer.context().close();
  });

  it('the analysis desk: a month’s street ranking with numerators and denominators, drill-down to the cases, Excel, charts', { timeout: 180_000 }, async () => {
    // A year of synthetic closed cases ending now, their contributions and counters, as the product would hold them.
    const raw = new pg.Client({ connectionString: stack.databaseUrl });
    await raw.connect();
    try {
      await generateMetricsData(raw, 4_000, new Date(), async () => (await alignCounters(stack.database.db, null), 0), () => {});
    } finally {
      await raw.end();
    }
    // An assessment policy that leaves the smaller streets unranked (under 15 valid callbacks) and flags the bottom 3.
    const { version: _v, ...document } = defaultAssessmentPolicy;
    const policy = await stack.http('POST', '/v1/assessment-policies', { ...document, ranking: { minValidCallbacks: 15, bottomFlagged: 3 }, note: 'console e2e' }, stack.as('admin'));
    expect(policy.status, JSON.stringify(policy.body)).toBe(201);
    // A group complaint as the analysis watch records it, and last month's report generated now.
    const [alert] = await stack.database.db
      .insert(analysisAlerts)
      .values({
        kind: 'group_complaint',
        key: `e2e-${Date.now()}`,
        categoryId: 'property.facility.elevator',
        unitId: 'd01-s01',
        detectedAt: new Date(Date.now() - 3_600_000),
        details: { place: { kind: 'unit', unitId: 'd01-s01-c01-g01', cell: null, name: null, bounds: null }, complainants: 6, caseIds: ['HL0000000000000001'], windowStart: new Date(Date.now() - 86_400_000).toISOString(), windowEnd: new Date(Date.now() + 6 * 86_400_000).toISOString(), detectedByCaseId: 'HL0000000000000001', cases: '/v1/analysis/cases?caseIds=HL0000000000000001' },
      })
      .returning({ id: analysisAlerts.id });
    const generated = await stack.http('POST', '/v1/reports', { kind: 'monthly' }, stack.as('analyst'));
    expect(generated.status, JSON.stringify(generated.body)).toBe(202);
    const [report] = await stack.client.workflow.getHandle(generated.body.workflowId).result();
    const analyst = await signIn('analyst');
    await expect.poll(() => analyst.url()).toBe(`${base}/console/analysis`);
    const table = analyst.locator('[data-testid=ranking]');
    await table.locator('[data-figure="resolutionRate"]').first().waitFor({ timeout: 20_000 });
    // The same ranking as the API answers it for last month.
    const period = (await analyst.locator('#analysis_period').inputValue()).trim();
    expect(period).toMatch(/^\d{4}-\d{2}$/);
    const ranking = await stack.http('GET', `/v1/rankings?level=street&periodKind=month&period=${period}`, undefined, stack.as('analyst'));
    expect(ranking.status).toBe(200);
    const rows = ranking.body.rows as Array<{ unitId: string; rank: number | null; unranked: string | null; flagged: boolean; figures: Record<string, { numerator: number; denominator: number }> }>;
    expect(rows.some((r) => r.rank !== null)).toBe(true);
    expect(await table.locator('tr[data-row-key]').count()).toBe(rows.length);
    for (const r of rows) {
      const cell = analyst.locator(`[data-figure="resolutionRate"][data-unit="${r.unitId}"]`);
      expect(await cell.getAttribute('data-num')).toBe(String(r.figures.resolutionRate!.numerator));
      expect(await cell.getAttribute('data-den')).toBe(String(r.figures.resolutionRate!.denominator));
    }
    expect(rows.filter((r) => r.flagged)).toHaveLength(3);
    expect(rows.filter((r) => r.unranked).length).toBeGreaterThan(0);
    expect(await analyst.locator('[data-flagged]').count()).toBe(rows.filter((r) => r.flagged).length);
    expect(await analyst.locator('[data-unranked]').count()).toBe(rows.filter((r) => r.unranked).length);
    // Hover: numerator / denominator.
    const best = rows.find((r) => r.rank === 1)!;
    const cell = analyst.locator(`[data-figure="resolutionRate"][data-unit="${best.unitId}"]`);
    await cell.hover();
    await analyst.locator('.ant-tooltip:visible').filter({ hasText: `分母 ${best.figures.resolutionRate!.denominator}` }).waitFor();
    await analyst.locator('[data-testid=chart-trend] canvas').waitFor();
    await analyst.waitForTimeout(800); // the charts' entry animation
    await analyst.screenshot({ path: path.join(SHOTS, 'analysis.png'), fullPage: true });

    // The Excel file of the ranking on screen.
    const [file] = await Promise.all([analyst.waitForEvent('download'), analyst.locator('[data-testid=download-xlsx]').click()]);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await readFile((await file.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    // The alert and the report below the ranking; the report as a Word document.
    await analyst.locator(`[data-alert="${alert!.id}"]`).waitFor();
    expect(await analyst.locator(`[data-alert="${alert!.id}"]`).textContent()).toContain('群体诉求');
    const reportRow = analyst.locator(`[data-report="${report.id}"]`);
    await reportRow.waitFor();
    const [word] = await Promise.all([analyst.waitForEvent('download'), reportRow.locator('[data-testid=report-docx]').click()]);
    expect(word.suggestedFilename()).toBe(`report-monthly-${report.period}-city-v${report.version}.docx`);
    const docx = unzip(await readFile((await word.path())!));
    expect(paragraphsOf(docx.get('word/document.xml')!.toString('utf8'))[0]).toBe(report.title);

    // The cases behind the best street's resolution rate; only those that cost it; on to a case page.
    await cell.click();
    const drill = analyst.locator('[data-testid=drill]');
    await drill.locator('[data-drill-case]').first().waitFor();
    const behind = await stack.http('GET', `/v1/assessment/cases?unitId=${best.unitId}&figure=resolutionRate&periodKind=month&period=${period}&limit=20`, undefined, stack.as('analyst'));
    expect(await drill.locator('[data-drill-case]').evaluateAll((els) => els.map((e) => e.getAttribute('data-drill-case')))).toEqual(behind.body.items.map((i: { caseId: string }) => i.caseId));
    await drill.locator('[data-testid=missed]').click();
    const missed = await stack.http('GET', `/v1/assessment/cases?unitId=${best.unitId}&figure=resolutionRate&missed=true&periodKind=month&period=${period}&limit=20`, undefined, stack.as('analyst'));
    await expect.poll(() => drill.locator('[data-drill-case]').evaluateAll((els) => els.map((e) => e.getAttribute('data-drill-case')))).toEqual(missed.body.items.map((i: { caseId: string }) => i.caseId));
    await settle(analyst);
    await analyst.screenshot({ path: path.join(SHOTS, 'analysis-drill.png') });
    const first = missed.body.items[0].caseId as string;
    await drill.locator(`[data-drill-case="${first}"]`).click();
    await analyst.locator(`[data-case-page="${first}"]`).waitFor();
    expect(analyst.url()).toBe(`${base}/console/cases/${first}`);
    await analyst.context().close();

    expect(logs.filter((l) => l.startsWith('pageerror'))).toEqual([]);
    for (const u of urls) expect(decodeURIComponent(u)).not.toContain(PHONE);
  });

  it('the administration desk: a calendar year, a dispatch rule, a case policy version; a dispatcher sees the catalogue only to write', { timeout: 150_000 }, async () => {
    const admin = await signIn('admin');
    await expect.poll(() => admin.url()).toBe(`${base}/console/admin`);
    const errorShown = () => admin.locator('[data-testid=admin-error]').textContent();

    // 工作日历: load 2027; a make-up day that is a Monday is refused, naming the field.
    await tab(admin, 'calendars');
    await admin.locator('[data-testid=load-year-CN]').click();
    await admin.locator('#year_year').fill('2027');
    await admin.locator('#year_holidays').fill('2027-01-01, 2027-02-05 2027-02-06 2027-02-07 2027-02-08');
    await admin.locator('#year_workdays').fill('2027-02-22');
    await admin.locator('#year_source').fill('国务院办公厅关于2027年部分节假日安排的通知（测试）');
    await admin.locator('.ant-modal:visible .ant-modal-footer button.ant-btn-primary').click();
    await expect.poll(errorShown).toContain('body.workdays.0');
    await admin.locator('#year_workdays').fill('2027-02-20');
    await admin.locator('.ant-modal:visible .ant-modal-footer button.ant-btn-primary').click();
    await admin.locator('.ant-modal:visible').waitFor({ state: 'hidden' });
    await admin.locator('[data-year="2027"]').click();
    await admin.locator('[data-testid=calendar-year]').getByText('2027-02-20').waitFor();
    const year = await stack.http('GET', '/v1/calendars/CN/years/2027', undefined, stack.as('admin'));
    expect(year.body).toMatchObject({ holidays: ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'], workdays: ['2027-02-20'], updatedBy: 'admin-01' });
    await settle(admin);
    await admin.screenshot({ path: path.join(SHOTS, 'admin-calendar.png') });

    // 派单目录: a rule for building-structure complaints anywhere, to the city's housing department; the preview finds it.
    await tab(admin, 'rules');
    await admin.locator('[data-testid=new-rule]').click();
    await admin.locator('#rule_categoryId').click();
    await admin.locator('#rule_categoryId').fill('擅自改变');
    await admin.locator('.ant-select-dropdown:visible .ant-select-tree-title').filter({ hasText: '擅自改变房屋结构' }).first().click();
    await admin.locator('#rule_unitId').click();
    await admin.locator('#rule_unitId').fill('住房');
    await admin.locator('.ant-select-dropdown:visible .ant-select-tree-title').filter({ hasText: '住房' }).first().click();
    await admin.locator('#rule_note').fill('房屋结构问题由住建部门办理');
    await admin.locator('.ant-modal:visible .ant-modal-footer button.ant-btn-primary').click();
    await admin.locator('.ant-modal:visible').waitFor({ state: 'hidden' });
    const rules = await stack.http('GET', '/v1/dispatch-rules?categoryId=illegal.structure', undefined, stack.as('admin'));
    expect(rules.body.items).toEqual([expect.objectContaining({ categoryId: 'illegal.structure', areaUnitId: null, unitId: 'dept-zj', unitType: null, note: '房屋结构问题由住建部门办理', active: true, updatedBy: 'admin-01' })]);
    const rule = rules.body.items[0] as { id: string; unitId: string };
    await admin.locator(`tr[data-row-key="${rule.id}"]`).waitFor();
    await admin.locator('#preview_categoryId').click();
    await admin.locator('#preview_categoryId').fill('擅自改变');
    await admin.locator('.ant-select-dropdown:visible .ant-select-tree-title').filter({ hasText: '擅自改变房屋结构' }).first().click();
    await admin.locator('[data-testid=match-preview]').getByText('受理时自动派单').waitFor();
    expect(await admin.locator('[data-testid=match-preview]').textContent()).toContain(`临江市住房和城乡建设局 (${rule.id})`);
    await settle(admin);
    await admin.screenshot({ path: path.join(SHOTS, 'admin-rules.png') });

    // 办理时限方案: a new version from the JSON of the one in force; a yellow ratio of 2 is refused, naming the field.
    const before = await stack.http('GET', '/v1/policies', undefined, stack.as('admin'));
    await tab(admin, 'policies');
    await admin.locator(`[data-version="${before.body.activeVersion}"]`).waitFor();
    await admin.locator('[data-testid=new-version-policies]').click();
    const editor = admin.locator('#document');
    const json = await editor.inputValue();
    expect(JSON.parse(json).yellowRatio).toBe(0.75);
    await editor.fill(json.replace('"yellowRatio": 0.75', '"yellowRatio": 2'));
    await admin.locator('#document_note').fill('黄灯提前至时限的80%');
    await admin.locator('.ant-modal:visible .ant-modal-footer button.ant-btn-primary').click();
    await expect.poll(errorShown).toContain('body.yellowRatio');
    await editor.fill(json.replace('"yellowRatio": 0.75', '"yellowRatio": 0.8'));
    await admin.locator('.ant-modal:visible .ant-modal-footer button.ant-btn-primary').click();
    await admin.locator('.ant-modal:visible').waitFor({ state: 'hidden' });
    const next = before.body.activeVersion + 1;
    await admin.locator(`[data-version="${next}"]`).waitFor();
    await expect.poll(() => admin.locator('[data-field="yellowRatio"]').textContent()).toBe('0.8');
    expect((await stack.http('GET', '/v1/policies/active', undefined, stack.as('admin'))).body).toMatchObject({ version: next, note: '黄灯提前至时限的80% (by admin-01)', document: { yellowRatio: 0.8 } });
    await settle(admin);
    await admin.screenshot({ path: path.join(SHOTS, 'admin-policy.png') });

    // 接口密钥: a channel's key made on the desk is shown once, works as that channel's key, and is revoked from the desk.
    await tab(admin, 'api-keys');
    await admin.locator('[data-testid=new-api-key]').click();
    await admin.locator('#key_name').fill('12345 微信公众号（测试）');
    await admin.locator('#key_channel').click();
    await admin.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '微信' }).first().click();
    await admin.locator('.ant-modal:visible .ant-modal-footer button.ant-btn-primary').click();
    const secret = (await admin.locator('[data-testid=api-key-secret]').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^hl_[0-9a-z]{12}\.[A-Za-z0-9_-]{43}$/);
    await settle(admin);
    await admin.screenshot({ path: path.join(SHOTS, 'admin-api-key.png') });
    await admin.locator('.ant-modal:visible .ant-modal-footer button.ant-btn-primary').click();
    const keyId = secret.slice(3, 15);
    const listed = await stack.http('GET', '/v1/api-keys', undefined, stack.as('admin'));
    expect(listed.body.items).toContainEqual(expect.objectContaining({ id: keyId, name: '12345 微信公众号（测试）', channel: 'wechat', revokedAt: null }));
    expect(JSON.stringify(listed.body)).not.toContain(secret.slice(16));
    expect((await stack.http('GET', '/v1/cases', undefined, { 'x-api-key': secret })).status).toBe(200);
    await admin.locator(`[data-testid=revoke-${keyId}]`).click();
    await admin.locator('.ant-popover:visible .ant-btn-primary').click();
    await expect.poll(async () => (await stack.http('GET', '/v1/api-keys', undefined, stack.as('admin'))).body.items.find((k: { id: string }) => k.id === keyId)?.revokedAt).not.toBeNull();
    await admin.context().close();

    // A district dispatcher: the desk opens for the catalogue (theirs to write), the policies and calendars to read.
    const dispatcher = await signIn('dispatcher@d01');
    await dispatcher.locator('.ant-menu-item').filter({ hasText: '管理台' }).click();
    await expect.poll(() => dispatcher.url()).toBe(`${base}/console/admin`);
    await dispatcher.locator('[data-tab=rules]').waitFor();
    expect(await dispatcher.locator('[data-tab]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tab')))).toEqual(['rules', 'policies', 'calendars']);
    await dispatcher.locator('[data-testid=new-rule]').waitFor();
    await dispatcher.locator('[data-tab=policies]').click();
    await dispatcher.locator(`[data-version="${next}"]`).waitFor();
    expect(await dispatcher.locator('[data-testid=new-version-policies]').count()).toBe(0);
    await dispatcher.locator('[data-tab=calendars]').click();
    await dispatcher.locator('[data-year="2027"]').waitFor();
    expect(await dispatcher.locator('[data-testid=load-year-CN]').count()).toBe(0);
    await dispatcher.context().close();
  });
});
