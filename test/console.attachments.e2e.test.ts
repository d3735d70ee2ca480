/**
 * A case's photos on the console's case page, in Chromium against the real stack: the handler of 城关街道 sees the
 * photo the intake agent uploaded (its thumbnail loaded through a signed link, the JPEG decoded by the browser after
 * its Exif was taken out), uploads the photo that goes with the reply from the page, and sees both; the screenshot
 * goes to docs/console/attachments.png. The signed links never reach the browser's storage.
 */
import path from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, SHOTS, consolePage, devSignIn, hasChromium, launchChromium, serve, watch } from '../bench/browser.js';
import { act, openCase } from './support/cases.js';
import { jpegWithGps, pngWithGps } from './support/media-samples.js';
import { startStack, type TestStack } from './support/stack.js';

/** The width of the picture an <img> decoded (0 until it has). */
const decodedWidth = (img: Locator) =>
  img.evaluate((el) => {
    const i = el as unknown as { complete: boolean; naturalWidth: number };
    return i.complete ? i.naturalWidth : 0;
  });

describe.skipIf(!hasChromium())(`a case's photos in the console (Chromium: ${CHROMIUM})`, () => {
  let stack: TestStack;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    stack = await startStack({ name: 'console-attachments', console: true });
    base = await serve(stack);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('the handler sees the intake photo and uploads the reply photo from the case page', { timeout: 120_000 }, async () => {
    const id = await openCase(stack);
    const body = new FormData();
    body.append('file', new Blob([jpegWithGps({ orientation: 1 })], { type: 'image/jpeg' }), '现场照片.jpg');
    const request = new Request('http://x/', { method: 'POST', body });
    const uploaded = await stack.app.inject({
      method: 'POST',
      url: `/v1/cases/${id}/attachments`,
      headers: { ...stack.as('intake_agent', 'city', 'intake-01'), 'content-type': request.headers.get('content-type')! },
      payload: Buffer.from(await request.arrayBuffer()),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    await act(stack, id, 'dispatch', { unitId: 'd01-s01' });
    await act(stack, id, 'accept');

    const urls: string[] = [];
    const logs: string[] = [];
    const page = watch(await consolePage(browser), urls, logs);
    await devSignIn(page, base, 'unit_handler');
    await page.goto(`${base}/console/cases/${id}`);
    const card = page.locator('[data-testid=attachments]');
    await card.waitFor();
    const first = card.locator('img').first();
    await first.waitFor();
    // The browser decoded it: an 8×8 picture, loaded through the API's signed link.
    await expect.poll(() => decodedWidth(first), { timeout: 10_000 }).toBe(8);
    expect(await first.getAttribute('src')).toMatch(/^\/v1\/attachments\/AT[0-9A-Z]{16}\/content\?expires=\d+&download=0&masked=0&signature=/);
    await expect.poll(() => card.textContent()).toContain('现场照片.jpg');

    await card.getByText('随答复提交').click();
    await card.locator('input[type=file]').setInputFiles({ name: '修复后的路面.png', mimeType: 'image/png', buffer: pngWithGps() });
    await card.locator('[data-attachment]').nth(1).waitFor({ timeout: 10_000 });
    await expect.poll(() => card.textContent()).toContain('修复后的路面.png');
    expect(await card.locator('[data-attachment]').nth(1).textContent()).toContain('随答复');
    await expect.poll(() => decodedWidth(card.locator('img').nth(1)), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'attachments.png') });

    const listed = await stack.http('GET', `/v1/cases/${id}/attachments`, undefined, stack.as('unit_handler', 'd01-s01'));
    expect(listed.body.items.map((a: { stage: string; addedBy: { id: string } }) => [a.stage, a.addedBy.id])).toEqual([
      ['intake', 'intake-01'],
      ['reply', 'handler-17'],
    ]);
    const stored = await page.evaluate<string>('JSON.stringify({ ...sessionStorage, ...localStorage })');
    expect(stored).not.toContain('signature=');
    expect(logs.filter((l) => l.startsWith('pageerror'))).toEqual([]);
  });
});
