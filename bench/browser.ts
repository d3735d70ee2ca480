/**
 * What the console's browser tests (test/console*.e2e.test.ts) and bench/console.ts share: Debian's Chromium driven by playwright-core, the
 * stack's API listening on a free port to serve the console, a browser context as a person in Shanghai would have
 * one, and the development sign-in.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';

/** The system's Chromium (Debian's `chromium`, which .ci/run installs); CHROMIUM_PATH names another. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = () => existsSync(CHROMIUM);
/** Where the tests leave their screenshots (shown in the README). */
export const SHOTS = path.resolve('docs/console');

/** Chromium as root in a container: no sandbox, no GPU, no /dev/shm; and the screenshots' folder made. */
export async function launchChromium(): Promise<Browser> {
  await mkdir(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

/** An API (a stack's app) listening on a free port of 127.0.0.1; answers its base URL. */
export async function serve(stack: { app: FastifyInstance }): Promise<string> {
  await stack.app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(stack.app.server.address() as AddressInfo).port}`;
}

/** A page in a context of its own (its own sessionStorage): a desktop screen, Chinese, Shanghai time. */
export async function consolePage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
  return context.newPage();
}

/** Records every URL the page asks for and everything it logs (the privacy checks read them). */
export function watch(page: Page, urls: string[], logs: string[]): Page {
  page.on('request', (r) => urls.push(r.url()));
  page.on('console', (m) => logs.push(m.text()));
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  return page;
}

/** The development sign-in as one of the demo people; `beforeClick` runs on the sign-in page (a screenshot). */
export async function devSignIn(page: Page, base: string, person: string, beforeClick?: () => Promise<void>): Promise<Page> {
  await page.goto(`${base}/console/`);
  const button = page.locator(`button[data-person="${person}"]`);
  await button.waitFor();
  await beforeClick?.();
  await button.click();
  await page.locator('[data-testid=who]').waitFor();
  return page;
}
