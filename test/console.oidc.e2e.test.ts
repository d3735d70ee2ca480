/**
 * Signing in to the console with OpenID Connect in a real browser (Chromium through playwright-core), against a real
 * provider (oidc-provider on a free port, test/support/oidc-provider.ts): authorization code with PKCE, through the
 * provider's own login page. The city dispatcher lands on the dispatch desk, the handler of 城关街道 on the unit's work
 * queue, each named as the provider names them and holding what their claims give them; the code never stays in the
 * address bar, the verifier never outlives the round trip, and the token the console keeps is the provider's. A
 * person the provider knows but who holds no role of hotline is told so and not signed in.
 */
import path from 'node:path';
import { decodeJwt } from 'jose';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCE, CLIENT_ID, RESOURCE, startTestProvider, type TestProvider } from './support/oidc-provider.js';
import { CHROMIUM, SHOTS, hasChromium, launchChromium, serve, consolePage } from '../bench/browser.js';
import { startStack, type TestStack } from './support/stack.js';


const ACCOUNTS = {
  'wang.lei': { name: '市派单员 王磊', roles: ['dispatcher'], unit: 'city' },
  'liu.yang': { name: '城关街道承办人 刘洋', roles: ['unit_handler'], unit: 'd01-s01' },
  'visitor': { name: '访客', roles: ['guest'], unit: null },
};

describe.skipIf(!hasChromium())(`signing in to the console with OpenID Connect in Chromium (${CHROMIUM})`, () => {
  let idp: TestProvider;
  let stack: TestStack;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    idp = await startTestProvider(ACCOUNTS);
    stack = await startStack({
      name: 'console_oidc',
      console: true,
      oidc: { issuer: idp.issuer, clientId: CLIENT_ID, scopes: 'openid profile hotline', audience: AUDIENCE, resource: RESOURCE, rolesClaim: 'roles', unitClaim: 'unit', roleMap: {}, maxLifetimeSeconds: 12 * 3600 },
    });
    base = await serve(stack);
    idp.configure([`${base}/console/signed-in`]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await idp?.close();
  });

  /** Through the provider's login page, as this account; answers the page back in the console. */
  async function signInWithProvider(login: string, shot?: string): Promise<{ page: Page; urls: string[] }> {
    const page = await consolePage(browser);
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await page.goto(`${base}/console/`);
    await page.locator('[data-testid=oidc-sign-in]:not([disabled])').waitFor();
    if (shot) {
      await page.locator('button[data-person]').first().waitFor();
      await page.waitForTimeout(500); // the table's entry animation
      await page.screenshot({ path: path.join(SHOTS, shot) });
    }
    await page.locator('[data-testid=oidc-sign-in]').click();
    // The provider's own page.
    await page.waitForURL((u) => u.toString().startsWith(idp.issuer));
    await page.locator('input[name=login]').fill(login);
    await page.locator('input[name=password]').fill('any password (the development login takes any)');
    await page.locator('button[type=submit]').click();
    return { page, urls };
  }

  it('the dispatcher and the handler sign in through the provider’s login page and land on their own desks', { timeout: 90_000 }, async () => {
    const { page: dispatcher, urls } = await signInWithProvider('wang.lei', 'sign-in-oidc.png');
    await expect.poll(() => dispatcher.url(), { timeout: 20_000 }).toBe(`${base}/console/dispatch`);
    expect(await dispatcher.locator('[data-testid=who]').textContent()).toContain('市派单员 王磊');
    // The authorization request carried a PKCE challenge, never the verifier; the code came back once and left.
    const authorize = new URL(urls.find((u) => u.startsWith(`${idp.issuer}/auth`))!);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${base}/console/signed-in`);
    expect(urls.filter((u) => u.startsWith(`${base}/console/signed-in?code=`))).toHaveLength(1);
    const stored = await dispatcher.evaluate<Record<string, string>>('({ ...sessionStorage })');
    expect(Object.keys(stored)).toEqual(['hotline.console.session']);
    const session = JSON.parse(stored['hotline.console.session']!) as { token: string; via: string; person: { sub: string; role: string } };
    expect(session).toMatchObject({ via: 'oidc', person: { sub: 'wang.lei', role: 'dispatcher' } });
    // The bearer the console sends is the provider's access token for this API.
    expect(decodeJwt(session.token)).toMatchObject({ iss: idp.issuer, aud: AUDIENCE, sub: 'wang.lei', roles: ['dispatcher'] });
    expect((await stack.http('GET', '/v1/me', undefined, { authorization: `Bearer ${session.token}` })).body).toMatchObject({ id: 'wang.lei', roles: ['dispatcher'], unitId: 'city' });

    const { page: handler } = await signInWithProvider('liu.yang');
    await expect.poll(() => handler.url(), { timeout: 20_000 }).toBe(`${base}/console/queue`);
    expect(await handler.locator('[data-testid=who]').textContent()).toContain('城关街道承办人 刘洋');
    // Only the desks of the handler's grants.
    expect(await handler.locator('.ant-menu-item').allTextContents()).toEqual(['承办工作台']);
    await dispatcher.context().close();
    await handler.context().close();
  });

  it('a person the provider knows without a role of hotline is told so, and is not signed in', { timeout: 60_000 }, async () => {
    const { page } = await signInWithProvider('visitor');
    await page.locator('[data-testid=sign-in-error]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid=sign-in-error]').textContent()).toMatch(/no role of hotline/);
    expect(page.url()).toBe(`${base}/console/signed-in`);
    expect(await page.evaluate<string>('JSON.stringify({ ...sessionStorage })')).toBe('{}');
    await page.context().close();
  });
});
