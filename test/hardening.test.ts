/**
 * Hardening of the HTTP surface: security headers, CORS for the Web UI's origin only, rate limits per credential,
 * and the limit per client address on requests whose credential fails (checked before authentication).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from './support/stack.js';

const UI = 'http://localhost:8233';
let stack: TestStack;

beforeAll(async () => {
  stack = await startStack({ name: 'hardening', rateLimitPerMinute: 5, unauthenticatedPerMinute: 4, corsOrigins: [UI] });
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

describe('before authentication, by client address', () => {
  const from = (remoteAddress: string, headers: Record<string, string>, url = '/v1/categories') => stack.app.inject({ method: 'GET', url, headers, remoteAddress });
  const randomKey = () => `hl_${randomBytes(6).toString('hex')}.${randomBytes(32).toString('base64url')}`;
  const expectLimited = (res: Awaited<ReturnType<typeof from>>, what: string) => {
    expect(res.statusCode, what).toBe(429);
    expect(res.headers['content-type'], what).toMatch(/problem\+json/);
    expect(JSON.parse(res.body), what).toMatchObject({ code: 'rate_limited', status: 429 });
    const wait = Number(res.headers['retry-after']);
    expect(wait, what).toBeGreaterThan(0);
    expect(wait, what).toBeLessThanOrEqual(60);
  };

  it('failed credentials from one address are limited (4 a minute here): then 429 with Retry-After, before any credential is checked', async () => {
    const address = '203.0.113.7';
    // Requests that authenticate spend nothing of the address's budget.
    for (let i = 0; i < 6; i++) expect((await from(address, stack.as('analyst', 'city', `pre-ok-${i}`))).statusCode).toBe(200);
    // Four failures of every kind: 401 each (random well-formed API keys, a forged token, no credential).
    for (const headers of [{ 'x-api-key': randomKey() }, { authorization: 'Bearer forged' }, {}, { 'x-api-key': randomKey() }] as Array<Record<string, string>>) {
      expect((await from(address, headers)).statusCode, JSON.stringify(headers)).toBe(401);
    }
    // The fifth is refused before its credential is looked at: a random API key costs no database lookup, and
    // neither does a key this API has not seen yet, valid or not.
    expectLimited(await from(address, { 'x-api-key': randomKey() }), 'random API key');
    const { createApiKeyService } = await import('../api/api-keys.service.js');
    const { key } = await createApiKeyService(stack.database.db).create({ name: 'portal', roles: ['analyst'], unitId: 'city' });
    expectLimited(await from(address, { 'x-api-key': key }), 'a valid API key not seen yet');
    expectLimited(await from(address, {}), 'no credential');
    expectLimited(await from(address, { authorization: 'Bearer forged' }), 'forged token');
    // The complainant's routes too (a code guess would otherwise answer 404): 429 says nothing about the case.
    expectLimited(await from(address, { 'x-case-code': '12345678' }, '/v1/public/cases/HL0000000000000001'), 'self-service');
    // A person's token is checked without any I/O, so staff sharing the address (an office NAT) keep working.
    expect((await from(address, stack.as('analyst', 'city', 'pre-office'))).statusCode).toBe(200);
    // Other addresses are not affected: their failures are 401 as before, their keys are checked.
    expect((await from('203.0.113.8', { 'x-api-key': randomKey() })).statusCode).toBe(401);
    expect((await from('203.0.113.8', { 'x-api-key': key })).statusCode).toBe(200);
    // Now the API knows that key: a system behind the guesser's address keeps working with it too.
    expect((await from(address, { 'x-api-key': key })).statusCode).toBe(200);
    // Its wrong secret is judged from memory (no look-up) and counts: 429, not 401, past the budget.
    expectLimited(await from(address, { 'x-api-key': `${key.slice(0, key.indexOf('.') + 1)}${'A'.repeat(43)}` }), 'a known id, wrong secret');
  });

  it('an IPv6 client is one /64: its addresses share one budget', async () => {
    for (let i = 0; i < 4; i++) expect((await from(`2001:db8:1:2::${i + 1}`, {})).statusCode).toBe(401);
    expectLimited(await from('2001:db8:1:2:ffff::9', {}), 'same /64');
    expect((await from('2001:db8:1:3::1', {})).statusCode).toBe(401);
  });
});
