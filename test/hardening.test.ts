/** Hardening of the HTTP surface: security headers, CORS for the Web UI's origin only, rate limits per credential. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from './support/stack.js';

const UI = 'http://localhost:8233';
let stack: TestStack;

beforeAll(async () => {
  stack = await startStack({ name: 'hardening', rateLimitPerMinute: 5, corsOrigins: [UI] });
});
afterAll(async () => {
  await stack?.close();
});

describe('security headers', () => {
  it('on answers and on errors', async () => {
    for (const res of [await stack.http('GET', '/v1/categories', undefined, stack.as('analyst', 'city', 'headers-1')), await stack.http('GET', '/v1/nothing')]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['x-request-id']).toBeTruthy();
    }
  });

  it('the API docs page still loads under its own policy', async () => {
    let res = await stack.app.inject({ method: 'GET', url: '/docs' });
    for (let hops = 0; res.statusCode === 302 && hops < 3; hops++) res = await stack.app.inject({ method: 'GET', url: new URL(String(res.headers.location), 'http://x/docs/').pathname });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('CORS', () => {
  it('lets the Web UI origin preflight the codec endpoint with the headers the UI sends', async () => {
    const res = await stack.app.inject({
      method: 'OPTIONS',
      url: '/codec/decode',
      headers: { origin: UI, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace,authorization,authorization-extras' },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(UI);
    expect(String(res.headers['access-control-allow-headers'])).toMatch(/x-namespace/);
    expect(String(res.headers['access-control-allow-headers'])).toMatch(/authorization-extras/);
  });

  it('gives any other origin nothing to work with', async () => {
    const res = await stack.app.inject({ method: 'OPTIONS', url: '/codec/decode', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const get = await stack.http('GET', '/v1/categories', undefined, { ...stack.as('analyst', 'city', 'cors-2'), origin: 'https://evil.example' });
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('rate limits', () => {
  it('count per credential and answer 429 problem+json with Retry-After', async () => {
    const busy = stack.as('analyst', 'city', 'busy-analyst');
    for (let i = 0; i < 5; i++) expect((await stack.http('GET', '/v1/categories', undefined, busy)).status).toBe(200);
    const limited = await stack.http('GET', '/v1/categories', undefined, busy);
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/problem\+json/);
    expect(limited.body).toMatchObject({ code: 'rate_limited', status: 429, requestId: expect.any(String) });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Someone else is not slowed down by it; health checks are never limited.
    expect((await stack.http('GET', '/v1/categories', undefined, stack.as('analyst', 'city', 'calm-analyst'))).status).toBe(200);
    for (let i = 0; i < 8; i++) expect((await stack.http('GET', '/healthz')).status).toBe(200);
  });
});
