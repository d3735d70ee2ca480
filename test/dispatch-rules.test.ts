/**
 * The dispatch catalogue's API through HTTP against the real stack: CRUD, validation, the dispatcher's match
 * preview, and who may write which rules. The stack seeds no rules; each test writes the ones it needs, in
 * categories no other test here uses.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActiveRules, resolveCatalogueDispatch, copiesForUnit } from '../db/catalogue.js';
import { createDatabase } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { dispatchRules } from '../db/schema.js';
import { demoSeed, seedReferenceData } from '../db/seed.js';
import { createTestDatabase, startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let admin: Record<string, string>;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
/** stack.http, with the methods it does not list in its type (it passes any method to Fastify's inject). */
const call = (method: Method, url: string, body?: unknown, headers: Record<string, string> = admin) =>
  stack.http(method as 'GET', url, body, headers);

const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);

async function create(body: Record<string, unknown>, headers = admin): Promise<string> {
  const res = await call('POST', '/v1/dispatch-rules', body, headers);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  stack = await startStack({ name: 'dispatch_rules' });
  admin = stack.as('admin', 'city', 'admin-wang');
});

afterAll(async () => {
  await stack?.close();
});

describe('CRUD', () => {
  it('creates, reads, lists, replaces and deletes a rule, recording who changed it and when', async () => {
    const before = Date.now();
    const created = await call('POST', '/v1/dispatch-rules', { categoryId: 'market.price', unitId: 'dept-scjg', note: '价格投诉由市场监管局负责' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    expect(id).toMatch(/^dr-[0-9a-f]{12}$/);
    expect(created.headers.location).toBe(`/v1/dispatch-rules/${id}`);
    expect(created.body).toMatchObject({ categoryId: 'market.price', areaUnitId: null, unitId: 'dept-scjg', unitType: null, active: true, updatedBy: 'admin-wang' });
    expect(Date.parse(created.body.updatedAt)).toBeGreaterThanOrEqual(before - 1000);

    const read = await call('GET', `/v1/dispatch-rules/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);

    const listed = await call('GET', '/v1/dispatch-rules?categoryId=market.price');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([created.body]);

    const replaced = await call(
      'PUT',
      `/v1/dispatch-rules/${id}`,
      { categoryId: 'market.price', areaUnitId: 'd01', unitType: 'street', active: false },
      stack.as('admin', 'city', 'admin-li'),
    );
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    expect(replaced.body).toMatchObject({ id, areaUnitId: 'd01', unitId: null, unitType: 'street', note: null, active: false, updatedBy: 'admin-li' });
    expect(replaced.body.createdAt).toBe(created.body.createdAt);
    expect(Date.parse(replaced.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.body.updatedAt));
    expect((await call('GET', `/v1/dispatch-rules/${id}`)).body).toEqual(replaced.body);
    expect((await call('GET', '/v1/dispatch-rules?categoryId=market.price&active=true')).body.items).toEqual([]);
    expect((await call('GET', '/v1/dispatch-rules?categoryId=market.price&active=false')).body.items).toEqual([replaced.body]);

    const deleted = await call('DELETE', `/v1/dispatch-rules/${id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await call('GET', `/v1/dispatch-rules/${id}`)).status).toBe(404);
    expect((await call('DELETE', `/v1/dispatch-rules/${id}`)).status).toBe(404);
  });

  it('takes a given id, and refuses one already taken', async () => {
    const res = await call('POST', '/v1/dispatch-rules', { id: 'dr-edu-kindergarten', categoryId: 'edu.kindergarten', unitId: 'dept-jy' });
    expect(res.status).toBe(201);
    expect(res.body.id).toBe('dr-edu-kindergarten');
    const again = await call('POST', '/v1/dispatch-rules', { id: 'dr-edu-kindergarten', categoryId: 'edu.kindergarten', unitId: 'dept-jy' });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('validation_failed');
    expect(fieldsOf(again.body)).toEqual(['body.id']);
  });

  it('lists by category, then area with "anywhere" first', async () => {
    const b = await create({ categoryId: 'labor.wage.enterprise', areaUnitId: 'd02', unitId: 'dept-rs' });
    const a = await create({ categoryId: 'labor.wage', areaUnitId: 'd01', unitId: 'dept-rs' });
    const c = await create({ categoryId: 'labor.wage', unitId: 'dept-rs' });
    const all = (await call('GET', '/v1/dispatch-rules')).body.items as Array<{ id: string; categoryId: string; areaUnitId: string | null }>;
    expect(all.filter((r) => r.categoryId.startsWith('labor.wage')).map((r) => r.id)).toEqual([c, a, b]);
    const inD01 = (await call('GET', '/v1/dispatch-rules?areaUnitId=d01')).body.items as Array<{ id: string }>;
    expect(inD01.map((r) => r.id)).toContain(a);
    expect(inD01.map((r) => r.id)).not.toContain(c);
  });
});

describe('validation', () => {
  const post = (body: unknown) => call('POST', '/v1/dispatch-rules', body);

  it('needs exactly one of unitId and unitType, and names body.unitId', async () => {
    for (const body of [
      { categoryId: 'edu.fees', unitId: 'dept-jy', unitType: 'street' },
      { categoryId: 'edu.fees' },
      { categoryId: 'edu.fees', unitId: null, unitType: null },
    ]) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.code).toBe('validation_failed');
      expect(fieldsOf(res.body)).toEqual(['body.unitId']);
    }
    const put = await call('PUT', '/v1/dispatch-rules/dr-anything', { categoryId: 'edu.fees', unitId: 'dept-jy', unitType: 'street' });
    expect(put.status).toBe(400);
    expect(fieldsOf(put.body)).toEqual(['body.unitId']);
  });

  it('takes only territorial unit types below the city', async () => {
    for (const unitType of ['department', 'city', 'Street', '']) {
      const res = await post({ categoryId: 'edu.fees', unitType });
      expect(res.status, unitType).toBe(400);
      expect(fieldsOf(res.body), unitType).toEqual(['body.unitType']);
    }
  });

  it('refuses unknown fields, bad ids and wrong types', async () => {
    const cases: Array<[unknown, string]> = [
      [{ categoryId: 'edu.fees', unitId: 'dept-jy', priority: 1 }, 'body'],
      [{ categoryId: 'edu fees', unitId: 'dept-jy' }, 'body.categoryId'],
      [{ categoryId: 'edu.fees', unitId: 'dept-jy', active: 'yes' }, 'body.active'],
      [{ categoryId: 'edu.fees', unitId: 'dept-jy', note: 'x'.repeat(501) }, 'body.note'],
      [{ id: 'dr/1', categoryId: 'edu.fees', unitId: 'dept-jy' }, 'body.id'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(fieldsOf(res.body).join(), JSON.stringify(body).slice(0, 80)).toContain(field);
    }
    const query = await call('GET', '/v1/dispatch-rules?active=maybe');
    expect(query.status).toBe(400);
    expect(fieldsOf(query.body)).toEqual(['query.active']);
  });

  it('unknown categories and units: unknown_reference naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ categoryId: 'edu.nonexistent', unitId: 'dept-jy' }, 'body.categoryId'],
      [{ categoryId: 'edu.fees', unitId: 'dept-none' }, 'body.unitId'],
      [{ categoryId: 'edu.fees', areaUnitId: 'd09', unitType: 'street' }, 'body.areaUnitId'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.status, field).toBe(400);
      expect(res.body.code, field).toBe('unknown_reference');
      expect(fieldsOf(res.body), field).toEqual([field]);
    }
    const id = await create({ categoryId: 'edu.fees', unitId: 'dept-jy' });
    const put = await call('PUT', `/v1/dispatch-rules/${id}`, { categoryId: 'edu.fees', unitId: 'dept-none' });
    expect(put.status).toBe(400);
    expect(put.body.code).toBe('unknown_reference');
    expect(fieldsOf(put.body)).toEqual(['body.unitId']);
    await call('DELETE', `/v1/dispatch-rules/${id}`);
  });

  it('an unknown rule is 404 for read, replace and delete', async () => {
    for (const [method, body] of [['GET'], ['PUT', { categoryId: 'edu.fees', unitId: 'dept-jy' }], ['DELETE']] as Array<[Method, unknown?]>) {
      const res = await call(method, '/v1/dispatch-rules/dr-000000000000', body);
      expect(res.status, method).toBe(404);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.code).toBe('not_found');
    }
  });
});

describe('match preview', () => {
  const preview = (query: string) => call('GET', `/v1/dispatch-rules/match?${query}`);

  it('one unit: would dispatch, naming the rule (and copies for a street)', async () => {
    const rule = await create({ categoryId: 'market.consumer', unitId: 'dept-scjg' });
    const res = await preview('categoryId=market.consumer.prepaid&areaUnitId=d01-s01-c01');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      categoryId: 'market.consumer.prepaid',
      areaUnitId: 'd01-s01-c01',
      candidates: [{ ruleId: rule, unitId: 'dept-scjg', unitType: 'department' }],
      autoDispatch: true,
      dispatch: { unitId: 'dept-scjg', ruleId: rule, copyTo: [] },
    });

    const street = await create({ categoryId: 'property.parking', unitType: 'street' });
    const byPlace = await preview('categoryId=property.parking&areaUnitId=d02-s01-c02-g01');
    expect(byPlace.body.dispatch).toEqual({ unitId: 'd02-s01', ruleId: street, copyTo: ['d02'] });
    // Without a place the rule by type resolves to nothing.
    expect((await preview('categoryId=property.parking')).body).toMatchObject({ areaUnitId: null, candidates: [], autoDispatch: false, dispatch: null });
  });

  it('two units: a dispatcher decides; outside the overlap one unit remains', async () => {
    const city = await create({ categoryId: 'traffic.bus', unitId: 'dept-jt', note: '公交由交通运输局负责' });
    const local = await create({ categoryId: 'traffic.bus.route', areaUnitId: 'd01', unitType: 'district', note: '江城区线路站点由区政府协调（与交通局交叉，由派单员研判）' });
    const both = await preview('categoryId=traffic.bus.route&areaUnitId=d01-s03');
    expect(both.body.autoDispatch).toBe(false);
    expect(both.body.dispatch).toBeNull();
    expect(both.body.candidates).toEqual([
      { ruleId: local, unitId: 'd01', unitType: 'district' },
      { ruleId: city, unitId: 'dept-jt', unitType: 'department' },
    ]);
    expect((await preview('categoryId=traffic.bus.route&areaUnitId=d02-s03')).body.dispatch).toEqual({ unitId: 'dept-jt', ruleId: city, copyTo: [] });
  });

  it('no rule: nothing to dispatch', async () => {
    const res = await preview('categoryId=admin.efficiency&areaUnitId=d01');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ categoryId: 'admin.efficiency', areaUnitId: 'd01', candidates: [], autoDispatch: false, dispatch: null });
  });

  it('answers with the catalogue as just written (this instance refreshes on every write)', async () => {
    const id = await create({ categoryId: 'land.title', unitId: 'dept-zrzy' });
    expect((await preview('categoryId=land.title.certificate')).body.autoDispatch).toBe(true);
    await call('PUT', `/v1/dispatch-rules/${id}`, { categoryId: 'land.title', unitId: 'dept-zrzy', active: false });
    expect((await preview('categoryId=land.title.certificate')).body.autoDispatch).toBe(false);
    await call('PUT', `/v1/dispatch-rules/${id}`, { categoryId: 'land.title', unitId: 'dept-zrzy' });
    expect((await preview('categoryId=land.title.certificate')).body.autoDispatch).toBe(true);
    await call('DELETE', `/v1/dispatch-rules/${id}`);
    expect((await preview('categoryId=land.title.certificate')).body.autoDispatch).toBe(false);
  });

  it('refuses a missing or unknown category and an unknown place', async () => {
    const missing = await preview('areaUnitId=d01');
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing.body)).toEqual(['query.categoryId']);
    const unknown = await preview('categoryId=land.nothing');
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('unknown_reference');
    expect(fieldsOf(unknown.body)).toEqual(['query.categoryId']);
    const place = await preview('categoryId=land.title&areaUnitId=d09');
    expect(place.body.code).toBe('unknown_reference');
    expect(fieldsOf(place.body)).toEqual(['query.areaUnitId']);
  });
});

describe('who may write which rules', () => {
  const dispatcherD01 = () => stack.as('dispatcher', 'd01', 'dispatcher-d01');
  const rule = (areaUnitId: string | null) => ({ categoryId: 'repair.fund', areaUnitId, unitId: 'dept-zj' });

  it('a district dispatcher writes rules inside the district only', async () => {
    const mine = await create(rule('d01-s02'), dispatcherD01());
    expect((await call('GET', `/v1/dispatch-rules/${mine}`)).body.updatedBy).toBe('dispatcher-d01');
    for (const area of ['d02', null, 'city']) {
      const res = await call('POST', '/v1/dispatch-rules', rule(area), dispatcherD01());
      expect(res.status, String(area)).toBe(403);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.code).toBe('forbidden');
    }
    // Within the district: may move it, but not out of it.
    expect((await call('PUT', `/v1/dispatch-rules/${mine}`, rule('d01'), dispatcherD01())).status).toBe(200);
    expect((await call('PUT', `/v1/dispatch-rules/${mine}`, rule('d02-s01'), dispatcherD01())).status).toBe(403);
    expect((await call('PUT', `/v1/dispatch-rules/${mine}`, rule(null), dispatcherD01())).status).toBe(403);
    expect((await call('GET', `/v1/dispatch-rules/${mine}`)).body.areaUnitId).toBe('d01');
    expect((await call('DELETE', `/v1/dispatch-rules/${mine}`, undefined, dispatcherD01())).status).toBe(204);
  });

  it("a district dispatcher may not touch another district's rules or city-wide ones, even to move them in", async () => {
    const d02 = await create(rule('d02'));
    const cityWide = await create(rule(null));
    for (const id of [d02, cityWide]) {
      expect((await call('PUT', `/v1/dispatch-rules/${id}`, rule('d01'), dispatcherD01())).status).toBe(403);
      expect((await call('DELETE', `/v1/dispatch-rules/${id}`, undefined, dispatcherD01())).status).toBe(403);
      expect((await call('GET', `/v1/dispatch-rules/${id}`, undefined, dispatcherD01())).status).toBe(200);
    }
    expect((await call('GET', `/v1/dispatch-rules/${d02}`)).body.areaUnitId).toBe('d02');
  });

  it('an admin, and the city platform’s dispatcher, write any rule', async () => {
    const cityWide = await create(rule(null));
    expect((await call('PUT', `/v1/dispatch-rules/${cityWide}`, rule('d03'))).status).toBe(200);
    const platform = stack.as('dispatcher', 'city', 'dispatcher-city');
    expect((await call('PUT', `/v1/dispatch-rules/${cityWide}`, rule(null), platform)).status).toBe(200);
    expect((await call('DELETE', `/v1/dispatch-rules/${cityWide}`, undefined, platform)).status).toBe(204);
  });

  it('other roles: read (if they dispatch, take calls or supervise) but never write', async () => {
    const id = await create(rule('d01-s01'));
    for (const role of ['unit_handler', 'unit_leader', 'supervisor', 'intake_agent', 'analyst', 'reviewer', 'callback_agent'] as const) {
      const who = stack.as(role, role.startsWith('unit') ? 'd01-s01' : 'city');
      const reads = ['intake_agent', 'supervisor'].includes(role);
      expect((await call('GET', '/v1/dispatch-rules', undefined, who)).status, role).toBe(reads ? 200 : 403);
      expect((await call('GET', `/v1/dispatch-rules/match?categoryId=repair.fund`, undefined, who)).status, role).toBe(reads ? 200 : 403);
      expect((await call('POST', '/v1/dispatch-rules', rule('d01-s01'), who)).status, role).toBe(403);
      expect((await call('PUT', `/v1/dispatch-rules/${id}`, rule('d01-s01'), who)).status, role).toBe(403);
      expect((await call('DELETE', `/v1/dispatch-rules/${id}`, undefined, who)).status, role).toBe(403);
    }
    expect((await call('GET', '/v1/dispatch-rules', undefined, {})).status).toBe(200); // stack.http's default caller holds every role
    expect((await stack.app.inject({ method: 'GET', url: '/v1/dispatch-rules' })).statusCode).toBe(401);
  });
});

describe('the demo catalogue in the database', () => {
  it('is seeded with the units, once: a rule deleted afterwards stays deleted; the worker-side helpers read it', async () => {
    const testDb = await createTestDatabase('dispatch_rules_seed');
    const { db, close } = createDatabase(testDb.url);
    try {
      await runMigrations(db);
      await seedReferenceData(db, demoSeed);
      expect((await loadActiveRules(db)).map((r) => r.id).sort()).toEqual(demoSeed.dispatchRules.map((r) => r.id).sort());
      expect(await resolveCatalogueDispatch(db, { categoryId: 'property.fee', areaUnitId: 'd02-s03-c01' })).toEqual({ unitId: 'd02-s03', ruleId: 'dr-property', copyTo: ['d02'] });
      expect(await resolveCatalogueDispatch(db, { categoryId: 'env.noise.construction', areaUnitId: 'd01-s01-c01' })).toBeNull();
      expect(await resolveCatalogueDispatch(db, { categoryId: 'property.fee', areaUnitId: null })).toBeNull();
      expect(await copiesForUnit(db, 'd01-s01')).toEqual(['d01']);
      expect(await copiesForUnit(db, 'd01-s01-c01')).toEqual([]);
      expect(await copiesForUnit(db, 'dept-cg')).toEqual([]);
      expect(await copiesForUnit(db, 'nowhere')).toEqual([]);

      await db.delete(dispatchRules).where(eq(dispatchRules.id, 'dr-property'));
      await seedReferenceData(db, demoSeed);
      const ids = (await loadActiveRules(db)).map((r) => r.id);
      expect(ids).not.toContain('dr-property');
      expect(ids).toHaveLength(demoSeed.dispatchRules.length - 1);
    } finally {
      await close();
      await testDb.drop();
    }
  });
});
