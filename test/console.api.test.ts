/**
 * What the web console needs from the API, over HTTP on the real stack: the built console at /console (its client
 * routes, cache headers, its own page policy), the development sign-in (and its absence in production), who the
 * caller is, the actions a person may take on a case now (and that the API agrees when they take them or others),
 * the likely repeats of a complaint being typed, and the oldest-first work queues with their cursor.
 */
import { readdir, readFile } from 'node:fs/promises';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../api/app.js';
import { DEV_PRINCIPALS } from '../platform/dev-principals.js';
import { CONSOLE_DIST } from '../runtime/console-build.js';
import { complaint, eventually, openCase } from './support/cases.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
/** The same API as production builds it: no development sign-in, no console folder. */
let production: FastifyInstance;

beforeAll(async () => {
  stack = await startStack({ name: 'console_api', console: true, repeats: true });
  production = await buildApp({
    client: stack.client,
    db: stack.database.db,
    taskQueue: stack.taskQueue,
    logLevel: 'silent',
    authKeys: stack.authKeys,
    actionKeys: stack.actionKeys,
    repeatMatching: false,
    console: { devSignIn: false, temporalUi: null },
  });
  await production.ready();
});

afterAll(async () => {
  await production?.close();
  await stack?.close();
});

const get = (app: FastifyInstance, url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

describe('the console at /console', () => {
  it('serves its page for every client route, never cached, under its own page policy', async () => {
    expect((await get(stack.app, '/console')).headers.location).toBe('/console/');
    for (const url of ['/console/', '/console/intake', '/console/cases/HL0123456789ABCDEF', '/console/no/such/page']) {
      const res = await get(stack.app, url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(res.headers['content-security-policy'], url).not.toContain('upgrade-insecure-requests');
      expect(res.body, url).toContain('<div id="root">');
      expect(res.body, url).toMatch(/src="\/console\/assets\/index-[\w-]+\.js"/);
    }
  });

  it('serves its hashed assets for a year, and answers 404 problem+json for one it does not have', async () => {
    const [script] = (await readdir(path.join(CONSOLE_DIST, 'assets'))).filter((f) => f.endsWith('.js'));
    const res = await get(stack.app, `/console/assets/${script}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await get(stack.app, '/console/assets/index-nothing.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
    // Nothing outside the build is reachable through it.
    for (const url of ['/console/..%2fpackage.json', '/console/%2e%2e/%2e%2e/package.json', '/console/assets/..%2f..%2fvite.config.ts']) {
      const r = await get(stack.app, url);
      expect(r.body, url).not.toContain('"name": "hotline"');
      expect(r.body, url).not.toContain('defineConfig');
    }
  });

  it('sends its scripts compressed at build time to browsers that accept it, and plain to those that do not', async () => {
    const [script] = (await readdir(path.join(CONSOLE_DIST, 'assets'))).filter((f) => f.endsWith('.js'));
    const original = await readFile(path.join(CONSOLE_DIST, 'assets', script!));
    const br = await stack.app.inject({ method: 'GET', url: `/console/assets/${script}`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const brBytes = br.rawPayload;
    expect(brBytes.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(brBytes).equals(original)).toBe(true);
    const gz = await stack.app.inject({ method: 'GET', url: `/console/assets/${script}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(original)).toBe(true);
    const plain = await get(stack.app, `/console/assets/${script}`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(original)).toBe(true);
  });

  it('without a built console answers 404 saying how to build it', async () => {
    const res = await get(production, '/console/');
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'not_found', detail: expect.stringContaining('npm run console:build') });
  });
});

describe('the development sign-in', () => {
  it('lists the demo city’s people (the dev-tokens list) and signs one in with a token the API takes', async () => {
    const res = await get(stack.app, '/v1/dev/people');
    expect(res.statusCode).toBe(200);
    const people = JSON.parse(res.body) as { items: Array<{ key: string }> };
    expect(people.items.map((p) => p.key)).toEqual(DEV_PRINCIPALS.map((p) => p.key));
    expect(people.items.find((p: { key: string }) => p.key === 'unit_handler')).toEqual({
      key: 'unit_handler',
      name: '城关街道承办人 刘洋',
      role: 'unit_handler',
      sub: 'handler-17',
      unitId: 'd01-s01',
      unitName: '江城区城关街道办事处',
    });

    const signed = await stack.app.inject({ method: 'POST', url: '/v1/dev/sign-in', payload: { key: 'unit_handler' } });
    expect(signed.statusCode).toBe(200);
    const { token, expiresAt, person } = JSON.parse(signed.body);
    expect(person.sub).toBe('handler-17');
    const hours = (Date.parse(expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);

    const me = await get(stack.app, '/v1/me', { authorization: `Bearer ${token}` });
    expect(me.statusCode).toBe(200);
    const body = JSON.parse(me.body);
    expect(body).toMatchObject({ id: 'handler-17', kind: 'user', roles: ['unit_handler'], unitId: 'd01-s01' });
    expect(body.grants).toContainEqual({ action: 'case.accept', role: 'unit_handler', scope: 'unit' });
    expect(body.grants.some((g: { action: string }) => g.action === 'case.dispatch')).toBe(false);

    expect((await stack.app.inject({ method: 'POST', url: '/v1/dev/sign-in', payload: { key: 'root' } })).statusCode).toBe(400);
    expect(JSON.parse((await get(stack.app, '/v1/console/settings')).body)).toEqual({
      devSignIn: true,
      temporalUi: { url: 'http://127.0.0.1:8233', namespace: 'default' },
      oidc: null,
    });
  });

  it('does not exist in production', async () => {
    expect((await get(production, '/v1/dev/people')).statusCode).toBe(404);
    expect((await production.inject({ method: 'POST', url: '/v1/dev/sign-in', payload: { key: 'admin' } })).statusCode).toBe(404);
    expect(JSON.parse((await get(production, '/v1/console/settings')).body)).toEqual({ devSignIn: false, temporalUi: null, oidc: null });
  });
});

describe('the actions a person may take on a case now', () => {
  const intake = () => stack.as('intake_agent', 'city', 'intake-01');
  const dispatcher = () => stack.as('dispatcher', 'city', 'dispatcher-01');
  const handler = () => stack.as('unit_handler', 'd01-s01', 'handler-17');
  const otherHandler = () => stack.as('unit_handler', 'd01-s02', 'handler-99');
  const actions = async (id: string, who: Record<string, string>) => {
    const res = await stack.http('GET', `/v1/cases/${id}/actions`, undefined, who);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { caseId: string; status: string; source: string; actions: Array<{ action: string; role: string; path: string; message: string }> };
  };

  it('are what the API then takes, and what it does not offer it refuses', async () => {
    const id = await openCase(stack, { complainant: { name: '王五', phone: '13900000011' } });
    expect(await actions(id, intake())).toEqual({
      caseId: id,
      status: 'received',
      source: 'workflow',
      actions: [{ action: 'triage', role: 'intake_agent', path: 'triage', message: 'update' }],
    });
    expect((await actions(id, dispatcher())).actions.map((a) => a.action)).toEqual(['dispatch', 'triage']);
    // Not offered, refused: the intake agent's dispatch (403), the handler's sign-for of a case not yet at the unit (404).
    expect((await stack.http('POST', `/v1/cases/${id}/dispatch`, { unitId: 'd01-s01' }, intake())).status).toBe(403);
    expect((await stack.http('GET', `/v1/cases/${id}/actions`, undefined, handler())).status).toBe(404);

    expect((await stack.http('POST', `/v1/cases/${id}/dispatch`, { unitId: 'd01-s01' }, dispatcher())).status).toBe(200);
    expect((await actions(id, handler())).actions.map((a) => a.action)).toEqual(['accept', 'return', 'request_extension']);
    expect((await actions(id, dispatcher())).actions.map((a) => a.action)).toEqual(['reassign']);
    expect((await stack.http('GET', `/v1/cases/${id}/actions`, undefined, otherHandler())).status).toBe(404);
    // Contact is not offered before the sign-for: the API answers 409 with the state.
    const early = await stack.http('POST', `/v1/cases/${id}/contact`, { method: 'phone' }, handler());
    expect(early.status).toBe(409);
    expect(early.body.state).toBe('dispatched');

    expect((await stack.http('POST', `/v1/cases/${id}/accept`, {}, handler())).status).toBe(200);
    expect((await actions(id, handler())).actions.map((a) => a.action)).toEqual(['return', 'contact', 'progress', 'request_extension']);
    // The complainant proving the case reads it in plain language; the staff's actions are not theirs.
    expect((await stack.http('GET', `/v1/cases/${id}/actions`, undefined, { 'x-case-code': stack.caseCode(id) })).status).toBe(403);
  });
});

describe('the likely repeats of a complaint being typed', () => {
  it('names the master it would join and the earlier cases with the same demand, without the phone it was asked with', async () => {
    const phone = '13700000021';
    const first = await openCase(stack, { categoryId: 'env.air.fumes', complainant: { name: '赵六', phone }, location: { areaUnitId: 'd01-s02-c01' } });
    const second = await openCase(stack, { categoryId: 'env.air.fumes', complainant: { phone: '13700000022' }, location: { areaUnitId: 'd01-s02-c01' } });
    const search = (body: unknown) => stack.http('POST', '/v1/repeats/search', body, stack.as('intake_agent', 'city', 'intake-01'));
    // The same place: both, the master first (once both are recorded, just after their 201s).
    const byPlace = await eventually(async () => {
      const r = await search({ categoryId: 'env.air.fumes', location: { areaUnitId: 'd01-s02-c01' } });
      expect(r.body.items).toHaveLength(2);
      return r;
    });
    expect(byPlace.status).toBe(200);
    expect(byPlace.body.masterCaseId).toBe(first);
    expect(byPlace.body.items.map((i: { id: string; relation: string }) => [i.id, i.relation])).toEqual([
      [first, 'master'],
      [second, 'match'],
    ]);
    // The same complainant elsewhere: the first case only.
    const byPhone = await search({ categoryId: 'env.air.fumes', complainant: { phone } });
    expect(byPhone.body.items.map((i: { id: string }) => i.id)).toEqual([first]);
    expect(JSON.stringify(byPhone.body)).not.toContain(phone);
    expect(JSON.stringify(byPhone.body)).not.toContain('赵六');
    // Another category, or nothing to compare: none.
    expect((await search({ categoryId: 'env.noise.construction', location: { areaUnitId: 'd01-s02-c01' } })).body).toEqual({ masterCaseId: null, items: [] });
    expect((await search({ categoryId: 'env.air.fumes' })).body).toEqual({ masterCaseId: null, items: [] });
    // An unknown category is a 400 naming it.
    const unknown = await search({ categoryId: 'no.such' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'body.categoryId', reason: 'no category with id no.such' }]);
  });
});

describe('work queues', () => {
  it('list oldest first when asked, page by page with the cursor, each item with its nearest deadline', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await openCase(stack, complaint({ categoryId: 'traffic.road', complainant: { phone: `1360000003${i}` }, location: { areaUnitId: 'd02-s01' } })));
    const page = async (cursor?: string) => {
      const res = await stack.http('GET', `/v1/cases?categoryId=traffic.road&order=oldest&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body as { items: Array<{ id: string; nextDueAt: string | null }>; nextCursor: string | null };
    };
    // The record is written just after each 201.
    await eventually(async () => expect((await stack.http('GET', '/v1/cases?categoryId=traffic.road&limit=5')).body.items).toHaveLength(3));
    const first = await page();
    const rest = await page(first.nextCursor!);
    expect([...first.items, ...rest.items].map((c) => c.id)).toEqual(ids);
    expect(rest.nextCursor).toBeNull();
    // Newest first stays the default.
    const newest = await stack.http('GET', '/v1/cases?categoryId=traffic.road&limit=3');
    expect(newest.body.items.map((c: { id: string }) => c.id)).toEqual([...ids].reverse());
    expect(Object.keys(newest.body.items[0])).toContain('nextDueAt');
  });
});

describe('the supervision desk’s lists', () => {
  it('filter by subtree (within) and escalation level, page by page, inside the caller’s own scope', async () => {
    // Three cases of one category: at d02-s02 (escalated to level 2), at d02-s03 (level 1), at d03-s01 (none).
    const at = async (unitId: string, phone: string) => {
      const id = await openCase(stack, complaint({ categoryId: 'sanitation.vendor', complainant: { phone }, location: { areaUnitId: `${unitId}-c01` } }));
      expect((await stack.http('POST', `/v1/cases/${id}/dispatch`, { unitId })).status).toBe(200);
      return id;
    };
    const a = await at('d02-s02', '13600000041');
    const b = await at('d02-s03', '13600000042');
    const c = await at('d03-s01', '13600000043');
    expect((await stack.http('POST', `/v1/cases/${a}/escalate`, { reason: '群众反映强烈', level: 2 })).status).toBe(202);
    expect((await stack.http('POST', `/v1/cases/${b}/escalate`, { reason: '超期未签收' })).status).toBe(202);
    const list = async (query: string, who?: Record<string, string>) => {
      const res = await stack.http('GET', `/v1/cases?categoryId=sanitation.vendor&order=oldest&${query}`, undefined, who);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body as { items: Array<{ id: string; escalationLevel: number }>; nextCursor: string | null };
    };
    await eventually(async () => expect((await list('minEscalationLevel=1')).items.map((i) => i.id)).toEqual([a, b]));
    expect((await list('within=d02')).items.map((i) => i.id)).toEqual([a, b]);
    expect((await list('within=d02-s03')).items.map((i) => i.id)).toEqual([b]);
    expect((await list('within=d02&minEscalationLevel=2')).items.map((i) => [i.id, i.escalationLevel])).toEqual([[a, 2]]);
    expect((await list('within=city')).items.map((i) => i.id)).toEqual([a, b, c]);
    // Keyset pages over the filters.
    const first = await list('within=city&limit=2');
    expect(first.items.map((i) => i.id)).toEqual([a, b]);
    expect((await list(`within=city&limit=2&cursor=${first.nextCursor}`)).items.map((i) => i.id)).toEqual([c]);
    // `within` narrows the caller's scope, never widens it: a supervisor of d03 asking for d02 gets nothing.
    const d03 = stack.as('supervisor', 'd03', 'sup-d03');
    expect((await list('within=d02', d03)).items).toEqual([]);
    expect((await list('within=city', d03)).items.map((i) => i.id)).toEqual([c]);
    // An unknown unit is a 400 naming the field.
    const unknown = await stack.http('GET', '/v1/cases?within=nowhere');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'query.within', reason: 'not a unit of the organisation tree' }]);
    expect((await stack.http('GET', '/v1/cases?minEscalationLevel=0')).status).toBe(400);
  });
});
