/**
 * The web console in a real browser (Chromium through playwright-core) against the real stack: the API of this file's
 * stack (real Temporal, real PostgreSQL) serving the built console at /console (the global set-up builds it when it is
 * missing or stale).
 *
 * One complaint from intake to closed, each step by the person of its role, signed in through the development
 * sign-in, in their own desk and their own browser context: the intake agent opens it (the likely repeat shown while
 * typing), the city dispatcher dispatches it from the dispatch desk (with the catalogue's suggestion), the handler of
 * 城关街道 signs for it, contacts the complainant and replies from the unit's work queue, the callback agent records
 * the survey from the callback desk. On the way: each person is offered exactly the actions the API's
 * /actions answer names (and an action not offered is refused by the API), the complainant's name and phone stay
 * masked for those who must not see them, and never appear in a URL, in the browser's storage or its console.
 * Screenshots of each desk go to docs/console/<desk>.png.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPolicyDocument } from '../db/seed-policy.js';
import type { DispatchRuleRecord } from '../domain/dispatch-catalogue.js';
import { complaint } from './support/cases.js';
import { CHROMIUM, SHOTS, hasChromium, launchChromium, serve, consolePage, watch, devSignIn } from '../bench/browser.js';
import { startStack, type TestStack } from './support/stack.js';

const NAME = '张三';
const PHONE = '13812345678';

const rule = (id: string, categoryId: string, unitId: string): DispatchRuleRecord => ({ id, categoryId, areaUnitId: null, unitId, unitType: null, note: null, active: true });
const RULES = [
  // Two rules name two units for the walkthrough's complaint: the catalogue suggests both, and it waits for a dispatcher.
  rule('dr-e2e-street', 'env.noise.construction', 'd01-s01'),
  rule('dr-e2e-cg', 'env.noise.construction', 'dept-cg'),
  // The unit's queue shows a clock of each colour: a gas leak and a water outage go to the street at intake.
  rule('dr-e2e-gas', 'safety.gas.leak', 'd01-s01'),
  rule('dr-e2e-water', 'utility.water.outage', 'd01-s01'),
];
/** Sign-for clocks of seconds for those two (emergency: yellow after 18 s, red after 24 s; utilities: overdue after 3 s). */
const { clocks } = defaultPolicyDocument;
const POLICY = {
  clocks: {
    ...clocks,
    emergency: { ...clocks.emergency, signFor: { amount: 24, unit: 'seconds' as const } },
    utilities: { ...clocks.utilities, signFor: { amount: 3, unit: 'seconds' as const } },
  },
};

describe.skipIf(!hasChromium())(`the web console in Chromium (${CHROMIUM}; CHROMIUM_PATH to use another)`, () => {
  let stack: TestStack;
  let browser: Browser;
  let base: string;
  /** Everything the browser asked for and wrote to its console, for the privacy checks. */
  const urls: string[] = [];
  const logs: string[] = [];
  const pages: Page[] = [];

  beforeAll(async () => {
    stack = await startStack({ name: 'console', console: true, repeats: true, dispatchRules: RULES, policy: POLICY });
    base = await serve(stack);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  /** A browser context of its own (its own sessionStorage) signed in as one of the demo people. */
  async function signIn(person: string, shot?: string): Promise<Page> {
    const page = watch(await consolePage(browser), urls, logs);
    pages.push(page);
    return devSignIn(page, base, person, shot ? async () => void (await page.screenshot({ path: path.join(SHOTS, shot) })) : undefined);
  }

  /** An Ant Design select (its input's id): open it and click the option with this text. */
  async function choose(page: Page, id: string, option: string) {
    await page.locator(`#${id}`).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
  }

  /** An Ant Design tree select: type to search, click the node with this title. */
  async function chooseInTree(page: Page, id: string, search: string, title: string) {
    await page.locator(`#${id}`).click();
    await page.locator(`#${id}`).fill(search);
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-title').filter({ hasText: title }).first().click();
  }

  /** The actions the case panel offers (its buttons), in order. */
  async function offered(page: Page): Promise<string[]> {
    const card = page.locator('[data-testid=actions]').last();
    await card.locator('button, .ant-typography').first().waitFor();
    return card.locator('button[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action') ?? ''));
  }

  /** The same list as the API answers it to this person (the console must offer exactly these). */
  async function apiOffers(id: string, headers: Record<string, string>): Promise<string[]> {
    const res = await stack.http('GET', `/v1/cases/${id}/actions`, undefined, headers);
    expect(res.status).toBe(200);
    return res.body.actions.map((a: { action: string }) => a.action);
  }

  /** Opens the case in a desk's list (a row of the current tab) and waits for its panel. */
  async function openFromQueue(page: Page, id: string) {
    const row = page.locator(`tr[data-row-key="${id}"]`);
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    await page.locator(`[data-case-page="${id}"]`).waitFor();
  }

  /** Clicks an offered action, fills its form (`fill`), submits, and waits for the case to reach `status`. */
  async function act(page: Page, id: string, action: string, fill: () => Promise<void>, status: string, shot?: string) {
    await page.locator(`[data-case-page="${id}"] button[data-action="${action}"]`).click();
    const modal = page.locator('.ant-modal:visible');
    await modal.waitFor();
    await fill();
    if (shot) await page.screenshot({ path: path.join(SHOTS, shot) });
    await modal.locator('.ant-modal-footer button.ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });
    await page.locator(`[data-case-page="${id}"] [data-status="${status}"]`).waitFor({ timeout: 20_000 });
  }

  it('takes one complaint from intake to closed, each step by its role in its own desk', { timeout: 180_000 }, async () => {
    // An earlier complaint about the same construction noise at the same place: the intake desk shows it while typing.
    const earlier = await stack.http('POST', '/v1/cases', complaint({ complainant: { name: '李四', phone: '13900000001' } }), stack.as('intake_agent', 'city', 'intake-01'));
    expect(earlier.status).toBe(201);
    // Two more for the street's queue, dispatched by the catalogue: a gas leak (yellow in 18 s), a water outage (overdue in 3 s).
    const gas = await stack.http('POST', '/v1/cases', complaint({ title: '楼道内有燃气味', categoryId: 'safety.gas.leak', complainant: { phone: '13900000002' } }));
    const water = await stack.http('POST', '/v1/cases', complaint({ title: '小区停水两天', categoryId: 'utility.water.outage', complainant: { phone: '13900000003' } }));
    expect([gas.body.unitId, water.body.unitId]).toEqual(['d01-s01', 'd01-s01']);

    // 1. The intake agent (接线员) opens the complaint at the intake desk.
    const intake = await signIn('intake_agent', 'sign-in.png');
    await expect.poll(() => intake.url()).toBe(`${base}/console/intake`);
    await chooseInTree(intake, 'intake_categoryId', '施工', '施工噪音');
    await intake.locator('#intake_title').fill('小区楼下夜间施工噪音');
    await intake.locator('#intake_description').fill('每晚22点后仍在施工，影响休息，请尽快处理。');
    await chooseInTree(intake, 'intake_areaUnitId', '桂花', '桂花社区居委会');
    await intake.locator('#intake_address').fill('江城区城关街道桂花社区3栋');
    await intake.locator('#intake_name').fill(NAME);
    await intake.locator('#intake_phone').fill(PHONE);
    const likely = intake.locator('[data-testid=likely-repeats]');
    await likely.getByText(earlier.body.id).waitFor({ timeout: 10_000 });
    await intake.screenshot({ path: path.join(SHOTS, 'intake.png') });
    await intake.getByRole('button', { name: '受 理' }).or(intake.getByRole('button', { name: '受理' })).click();
    const openedText = await intake.locator('[data-testid=opened-case]').textContent({ timeout: 20_000 });
    const id = openedText!.trim();
    expect(id).toMatch(/^HL[0-9A-Z]{16}$/);

    const opened = await stack.http('GET', `/v1/cases/${id}`);
    // Read as staff that does not handle it: masked (the handler below reads it in clear).
    expect(opened.body).toMatchObject({ status: 'received', unitId: null, categoryId: 'env.noise.construction', masterCaseId: earlier.body.id, complainant: { name: '张*', phone: '138****5678' } });

    // The intake agent's case page: masked once the case is open; offered only what the API offers (triage), never the dispatch.
    await intake.goto(`${base}/console/cases/${id}`);
    await intake.locator(`[data-case-page="${id}"]`).waitFor();
    await expect.poll(() => intake.locator('[data-testid=complainant]').textContent()).toContain('138****5678');
    expect(await intake.locator('[data-testid=complainant]').textContent()).toContain('张*');
    const intakeAgent = stack.as('intake_agent', 'city', 'intake-01');
    expect(await offered(intake)).toEqual(await apiOffers(id, intakeAgent));
    expect(await offered(intake)).toEqual(['triage']);
    expect((await stack.http('POST', `/v1/cases/${id}/dispatch`, { unitId: 'd01-s01' }, intakeAgent)).status).toBe(403);

    // 2. The city dispatcher (派单员) dispatches it from the dispatch desk, the catalogue suggesting two units.
    const dispatcher = await signIn('dispatcher');
    await expect.poll(() => dispatcher.url()).toBe(`${base}/console/dispatch`);
    await openFromQueue(dispatcher, id);
    const dispatcherHeaders = stack.as('dispatcher', 'city', 'dispatcher-01');
    expect(await offered(dispatcher)).toEqual(await apiOffers(id, dispatcherHeaders));
    expect(await offered(dispatcher)).toEqual(['dispatch', 'triage']);
    expect(await dispatcher.locator('[data-testid=complainant]').textContent()).toMatch(/张\*.*138\*\*\*\*5678/);
    expect(await dispatcher.locator('[data-testid=address]').textContent()).not.toContain('桂花社区3栋');
    await act(
      dispatcher,
      id,
      'dispatch',
      async () => {
        await dispatcher.locator('.ant-modal:visible .ant-tag').filter({ hasText: '城关街道' }).click();
        await dispatcher.locator('#action-dispatch_note').fill('属地街道处理');
      },
      'dispatched',
      'dispatch.png',
    );
    expect((await stack.http('GET', `/v1/cases/${id}`)).body).toMatchObject({ status: 'dispatched', unitId: 'd01-s01', dispatches: [{ kind: 'dispatch', by: 'dispatcher-01' }] });

    // 3. The handler of 城关街道 (承办人) signs for it, contacts the complainant and replies, from the unit's queue.
    const handler = await signIn('unit_handler');
    await expect.poll(() => handler.url()).toBe(`${base}/console/queue`);
    // The queue, oldest first, each case's clock in its colour (once the gas leak's sign-for clock turned yellow; on a
    // slow machine it may be red already).
    await expect.poll(async () => (await stack.http('GET', `/v1/cases/${gas.body.id}`)).body.warningLevel, { timeout: 30_000 }).toMatch(/^(yellow|red)$/);
    await handler.reload();
    await handler.locator(`tr[data-row-key="${id}"]`).waitFor();
    expect(await handler.locator('tr[data-row-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')))).toEqual([gas.body.id, water.body.id, id]);
    expect(await handler.locator(`tr[data-row-key="${water.body.id}"] [data-clock]`).getAttribute('data-clock')).toBe('overdue');
    await handler.screenshot({ path: path.join(SHOTS, 'unit-queue.png') });
    await openFromQueue(handler, id);
    const handlerHeaders = stack.as('unit_handler', 'd01-s01', 'handler-17');
    expect(await offered(handler)).toEqual(await apiOffers(id, handlerHeaders));
    expect(await offered(handler)).toEqual(['accept', 'return', 'request_extension']);
    // The unit that handles the case sees the complainant in clear: it must contact them.
    expect(await handler.locator('[data-testid=complainant]').textContent()).toContain(`${NAME} ${PHONE}`);
    await act(handler, id, 'accept', async () => {}, 'accepted');
    await expect.poll(() => offered(handler)).toContain('contact');
    expect(await offered(handler)).toEqual(await apiOffers(id, handlerHeaders));
    await act(handler, id, 'contact', () => choose(handler, 'action-contact_method', '电话'), 'contacted');
    await expect.poll(() => offered(handler)).toContain('reply');
    await act(
      handler,
      id,
      'reply',
      async () => {
        await handler.locator('#action-reply_content').fill('已责令施工单位停止夜间施工，并安排巡查。');
        await handler.locator('#action-reply_resolved').getByText('是').click();
      },
      'replied',
    );
    // A handler is never offered the callback, and the API refuses it.
    expect(await offered(handler)).not.toContain('callback');
    expect((await stack.http('POST', `/v1/cases/${id}/callback`, { contacted: true, resolved: true, satisfaction: 'satisfied' }, handlerHeaders)).status).toBe(403);

    // 4. The callback agent (回访员) records the survey from the callback desk; the case closes.
    const callback = await signIn('callback_agent');
    await expect.poll(() => callback.url()).toBe(`${base}/console/callback`);
    await openFromQueue(callback, id);
    const callbackHeaders = stack.as('callback_agent', 'city', 'callback-03');
    expect(await offered(callback)).toEqual(await apiOffers(id, callbackHeaders));
    expect(await offered(callback)).toEqual(['callback']);
    // While the callback is due, the callback agent phones the complainant: in clear.
    expect(await callback.locator('[data-testid=complainant]').textContent()).toContain(PHONE);
    await act(
      callback,
      id,
      'callback',
      async () => {
        await callback.locator('#action-callback_contacted').getByText('是').click();
        await callback.locator('#action-callback_resolved').getByText('是').click();
        await choose(callback, 'action-callback_satisfaction', '满意');
      },
      'closed',
      'callback.png',
    );
    const closed = await stack.http('GET', `/v1/cases/${id}`);
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'resolved', rounds: [{ round: 1, contacted: true, resolved: true, satisfaction: 'satisfied' }] });

    // The closed case's page: every step on the timeline with who took it; nothing more to do; masked again.
    await callback.goto(`${base}/console/cases/${id}`);
    const page = callback.locator(`[data-case-page="${id}"]`);
    await page.waitFor();
    await expect.poll(() => page.locator('[data-event]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event')))).toEqual(
      expect.arrayContaining(['received', 'dispatched', 'accepted', 'contacted', 'replied', 'callback_recorded', 'closed']),
    );
    await expect.poll(() => offered(callback)).toEqual([]);
    expect(await page.locator('[data-testid=complainant]').textContent()).toContain('138****5678');
    const timeline = await page.locator('[data-event]').allTextContents();
    expect(timeline.join('\n')).toContain('dispatcher-01');
    expect(timeline.join('\n')).toContain('handler-17');
    await callback.screenshot({ path: path.join(SHOTS, 'case.png'), fullPage: true });
    // The same page in English.
    await callback.locator('[data-testid=language]').click();
    await expect.poll(() => page.locator('[data-status]').textContent()).toBe('closed · resolved');
    expect(await page.locator('[data-event="replied"]').textContent()).toContain('Replied');

    // The complainant's data never left the API in a URL, and the browser keeps none of it.
    for (const u of urls) expect(decodeURIComponent(u)).not.toMatch(new RegExp(`${PHONE}|${NAME}`));
    for (const p of pages) {
      const stored = await p.evaluate<string>('JSON.stringify({ ...sessionStorage, ...localStorage })');
      expect(stored).not.toContain(PHONE);
      expect(stored).not.toContain(NAME);
    }
    expect(logs.filter((l) => l.includes(PHONE) || l.includes(NAME))).toEqual([]);
    expect(logs.filter((l) => l.startsWith('pageerror'))).toEqual([]);
  });
});
