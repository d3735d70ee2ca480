/** Bad input and wrong-state actions get clear problem+json answers: 400, 404, 409, 415 — never a 500. */
import { Buffer } from 'node:buffer';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_ACTIONS, allowedFrom } from '../domain/case.actions.js';
import type { CaseStatus } from '../domain/case.types.js';
import { act, complaint, driveTo, expectRecordMatchesWorkflow, openCase } from './support/cases.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ name: 'errors' });
});
afterAll(async () => stack?.close());

const validBodies: Record<string, unknown> = {
  dispatch: { unitId: 'd01-s02' },
  accept: {},
  return: { reason: 'not_our_duty', note: '不属于本单位职责' },
  contact: { method: 'phone' },
  progress: { note: '处理中' },
  reply: { content: '已处理', resolved: true },
  callback: { contacted: true, resolved: true, satisfaction: 'satisfied' },
  escalate: { reason: '督办', level: 1 },
  urge: { note: '请尽快办理' },
  reassign: { unitId: 'd01-s03', reason: '改派' },
  triage: { outcome: 'consultation', note: '已当场解答' },
  cooperate: {},
  report: { content: '本单位部分已完成' },
  request_extension: { days: 2, reason: '需协调' },
  decide_extension: { approve: true, note: '同意' },
  hold: { reason: '需纳入改造计划', reviewDates: ['2099-01-01T00:00:00Z'] },
  resume: { note: '已开工' },
  dispute: { reason: '诉求超出职权' },
  review: { demandReasonable: false, handlingCompliant: true, reason: '诉求缺乏依据' },
  terminate: { grounds: 'outside_law_and_policy', reason: '诉求不合理' },
};
/** Not a staff route: the complainant rates through the public API; the repeat link is the API's own signal. */
const NO_ROUTE = ['rate', 'repeat'];
/** Actions whose route is not their name. */
const PATHS: Record<string, string> = { request_extension: 'extension-requests', decide_extension: 'extension-requests/decision' };

function expectProblem(res: { status: number; body: any; headers: Record<string, unknown> }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code, type: `urn:hotline:problem:${code}`, requestId: expect.any(String) });
}

/** A 400 validation_failed whose errors name exactly the given field. */
function expectFieldProblem(res: { status: number; body: any; headers: Record<string, unknown> }, field: string) {
  expectProblem(res, 400, 'validation_failed');
  expect(res.body.errors, JSON.stringify(res.body)).toEqual([{ field, reason: expect.any(String) }]);
}

/** app.inject, with the body parsed when it is JSON (for problems from before routing, where stack.http is the same). */
async function raw(opts: { method: 'GET' | 'POST'; url: string; headers?: Record<string, string>; payload?: string }) {
  const res = await stack.app.inject({ ...opts, headers: { ...stack.as(['intake_agent', 'dispatcher']), ...opts.headers } });
  return { status: res.statusCode, body: JSON.parse(res.body), headers: res.headers };
}

const cursorOf = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

const UNIT_BOUND = ['accept', 'return', 'contact', 'progress', 'reply', 'request_extension'];
/** Only a cooperating unit (or, for a dispute, the unit's leader) may; this file's caller is neither: refused before the state is looked at (the state rules: domain/case.machine.test.ts and the scenario tests). */
const COOPERATING_ONLY = ['cooperate', 'report', 'dispute'];

describe('actions that do not fit the state answer 409 with the state', () => {
  const reachable: Array<[CaseStatus, (id: string) => Promise<void>]> = [
    ['received', async () => {}],
    ['dispatched', (id) => driveTo(stack, id, 'dispatched')],
    ['accepted', (id) => driveTo(stack, id, 'accepted')],
    ['contacted', (id) => driveTo(stack, id, 'contacted')],
    ['replied', (id) => driveTo(stack, id, 'replied')],
    ['returned', async (id) => (await driveTo(stack, id, 'dispatched'), void (await act(stack, id, 'return', validBodies.return)))],
    ['on_hold', async (id) => (await driveTo(stack, id, 'contacted'), void (await act(stack, id, 'hold', validBodies.hold)))],
    ['closed', async (id) => (await driveTo(stack, id, 'replied'), void (await act(stack, id, 'callback', validBodies.callback)))],
  ];

  for (const [status, reach] of reachable) {
    it(`in ${status}, every action not allowed there is refused`, async () => {
      const id = await openCase(stack);
      await reach(id);
      const refused = CASE_ACTIONS.filter((action) => !allowedFrom(action).includes(status) && !NO_ROUTE.includes(action));
      expect(refused.length).toBeGreaterThan(0);
      for (const action of refused) {
        const res = await stack.http('POST', `/v1/cases/${id}/${PATHS[action] ?? action}`, validBodies[action]);
        if (COOPERATING_ONLY.includes(action)) {
          expectProblem(res, 403, 'forbidden');
          continue;
        }
        if (UNIT_BOUND.includes(action) && !(await stack.http('GET', `/v1/cases/${id}`)).body.unitId) {
          // No unit has the case, so nobody holds a unit's action on it: refused before its state is looked at.
          expectProblem(res, 403, 'forbidden');
          continue;
        }
        expectProblem(res, 409, 'invalid_transition');
        expect(res.body.state).toBe(status);
      }
      const after = await stack.http('GET', `/v1/cases/${id}`);
      expect(after.body.status).toBe(status);
    });
  }

  it('refuses reassignment to the unit that already has the case', async () => {
    const id = await openCase(stack);
    await driveTo(stack, id, 'dispatched', 'd01-s01');
    const res = await stack.http('POST', `/v1/cases/${id}/reassign`, { unitId: 'd01-s01', reason: 'x' });
    expectProblem(res, 409, 'invalid_transition');
  });
});

describe('bad input answers 400 with the failing fields', () => {
  it('names every failing field of a complaint', async () => {
    const res = await stack.http('POST', '/v1/cases', {
      ...complaint(),
      title: '',
      channel: 'carrier-pigeon',
      complainant: { name: '王五', phone: 'call me' },
    });
    expectProblem(res, 400, 'validation_failed');
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.title', 'body.channel', 'body.complainant.phone']));
    for (const e of res.body.errors) expect(e.reason).toEqual(expect.any(String));
  });

  it('rejects unknown fields, unknown categories and unknown units', async () => {
    expectProblem(await stack.http('POST', '/v1/cases', { ...complaint(), priority: 'vip' }), 400, 'validation_failed');
    const cat = await stack.http('POST', '/v1/cases', complaint({ categoryId: 'no.such.category' }));
    expectProblem(cat, 400, 'unknown_reference');
    expect(cat.body.errors).toEqual([{ field: 'body.categoryId', reason: expect.stringContaining('no.such.category') }]);
    const id = await openCase(stack);
    const unit = await stack.http('POST', `/v1/cases/${id}/dispatch`, { unitId: 'nowhere' });
    expectProblem(unit, 400, 'unknown_reference');
    expect(unit.body.errors[0].field).toBe('body.unitId');
  });

  it('answers malformed JSON, wrong media types, bad ids and bad query values without a 500', async () => {
    const broken = await stack.http('POST', '/v1/cases', '{"title": "unterminated');
    expect(broken.status).toBe(400);
    expect(broken.headers['content-type']).toMatch(/problem\+json/);
    const text = await stack.app.inject({ method: 'POST', url: '/v1/cases', headers: { ...stack.as('intake_agent'), 'content-type': 'text/plain' }, payload: 'hello' });
    expect(text.statusCode).toBe(415);
    expect(text.headers['content-type']).toMatch(/problem\+json/);
    expectProblem(await stack.http('GET', '/v1/cases/not-a-case'), 400, 'validation_failed');
    expectProblem(await stack.http('GET', '/v1/cases?limit=0'), 400, 'validation_failed');
    expectProblem(await stack.http('GET', '/v1/cases?status=lost'), 400, 'validation_failed');
    expectProblem(await stack.http('GET', '/v1/cases?cursor=garbage'), 400, 'validation_failed');
    expectProblem(await stack.http('GET', '/v1/nothing-here'), 404, 'route_not_found');
  });

  it('answers 404 for a case that does not exist, for every kind of route', async () => {
    const missing = 'HL0000000000000000';
    expectProblem(await stack.http('GET', `/v1/cases/${missing}`), 404, 'case_not_found');
    expectProblem(await stack.http('GET', `/v1/cases/${missing}/events`), 404, 'case_not_found');
    expectProblem(await stack.http('POST', `/v1/cases/${missing}/accept`, {}), 404, 'case_not_found');
    expectProblem(await stack.http('POST', `/v1/cases/${missing}/escalate`, { reason: 'x' }), 404, 'case_not_found');
  });
});

// Found by the hostile-input fuzzer (test/hostile-input.test.ts); each was a 500 or a 4xx that was not problem+json.
describe('hostile input found by the fuzzer answers problem+json naming the field', () => {
  it('refuses a NUL character (U+0000), which PostgreSQL cannot store, in query, path and body', async () => {
    expectFieldProblem(await stack.http('GET', '/v1/units?within=a%00b'), 'query.within');
    expectFieldProblem(await stack.http('GET', '/v1/cases?categoryId=x%00'), 'query.categoryId');
    expectFieldProblem(await stack.http('GET', '/v1/cases/HL0000000000000000%00'), 'params.id');
    // Accepted, this complaint would start a workflow whose record could never be written.
    const res = await stack.http('POST', '/v1/cases', complaint({ title: '路灯\u0000不亮' }));
    expectFieldProblem(res, 'body.title');
    expect(res.body.errors[0].reason).toMatch(/NUL/);
    // An unpaired surrogate would be stored as U+FFFD: refused the same way.
    expectFieldProblem(await stack.http('POST', '/v1/cases', JSON.stringify(complaint({ title: 'x\ud800' })).replace('x\ud800', 'x\\ud800')), 'body.title');
  });

  it('refuses dates PostgreSQL cannot take (year 0, beyond 9999) and days that do not exist', async () => {
    for (const at of ['0000-08-03T20:11:45Z', '0001-01-01T00:00:00+01:00', '9999-12-31T23:59:59-01:00', '2026-02-30T00:00:00Z']) {
      expectFieldProblem(await stack.http('GET', `/v1/cases?createdFrom=${encodeURIComponent(at)}`), 'query.createdFrom');
      expectFieldProblem(await stack.http('GET', `/v1/cases?createdTo=${encodeURIComponent(at)}`), 'query.createdTo');
    }
    const edges = await stack.http('GET', `/v1/cases?createdFrom=0001-01-01T00:00:00Z&createdTo=${encodeURIComponent('9999-12-31T23:59:59.999Z')}`);
    expect(edges.status, JSON.stringify(edges.body)).toBe(200);
  });

  it('refuses forged cursors: out-of-range and rolled-over dates, NUL or junk in the id, bad base64url', async () => {
    const forged = [
      '-271821-04-20T00:00:00.000Z|HL0000000000000000', // a valid JavaScript date PostgreSQL cannot read
      '+275760-09-13T00:00:00.000Z|HL0000000000000000',
      '0000-01-01T00:00:00.000Z|HL0000000000000000',
      '2026-02-30T00:00:00.000Z|HL0000000000000000', // new Date() makes it 03-02
      '2026-11-22T08:00:00.000Z|\u0000',
      "2026-11-22T08:00:00.000Z|'; drop table cases; --",
      '2026-11-22T08:00:00.000Z|HL0000000000000000|extra',
      '2026-11-22T08:00:00Z|HL0000000000000000', // not the form the API issues
    ].map(cursorOf);
    for (const cursor of [...forged, 'not base64url!', `${cursorOf('2026-11-22T08:00:00.000Z|HL0000000000000000')}=`]) {
      expectFieldProblem(await stack.http('GET', `/v1/cases?cursor=${encodeURIComponent(cursor)}`), 'query.cursor');
    }
  });

  it('pages with the cursors it issues, newest first, without repeats', async () => {
    const opened = [await openCase(stack), await openCase(stack), await openCase(stack)];
    for (const id of opened) await expectRecordMatchesWorkflow(stack, id); // the list reads the record
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: any } = await stack.http('GET', `/v1/cases?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      seen.push(...page.body.items.map((c: { id: string }) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(opened));
  });

  it('answers an over-long path parameter 414 uri_too_long, before routing', async () => {
    const res = await raw({ method: 'GET', url: `/v1/cases/${'A'.repeat(101)}` });
    expectProblem(res, 414, 'uri_too_long');
    expect(res.headers['x-request-id']).toBe(res.body.requestId);
    expectProblem(await raw({ method: 'POST', url: `/v1/cases/${'张'.repeat(101)}/accept`, headers: { 'content-type': 'application/json' }, payload: '{}' }), 414, 'uri_too_long');
  });

  it('answers a malformed percent-escape in the path 400 bad_url, before routing', async () => {
    expectProblem(await raw({ method: 'GET', url: '/v1/cases/%E0%A4%A' }), 400, 'bad_url');
    expectProblem(await raw({ method: 'POST', url: '/v1/cases/HL%zz/accept', headers: { 'content-type': 'application/json' }, payload: '{}' }), 400, 'bad_url');
  });

  it("gives Fastify's own refusals stable codes instead of FST_ERR_* names", async () => {
    const json = { 'content-type': 'application/json' };
    expectProblem(await raw({ method: 'POST', url: '/v1/cases', headers: { 'content-type': 'application/xml' }, payload: '<case/>' }), 415, 'unsupported_media_type');
    expectProblem(await raw({ method: 'POST', url: '/v1/cases', headers: json, payload: `{"title":"${'x'.repeat(300 * 1024)}"}` }), 413, 'body_too_large');
    expectProblem(await raw({ method: 'POST', url: '/v1/cases', headers: json, payload: '{"title": "unterminated' }), 400, 'malformed_json');
    expectProblem(await raw({ method: 'POST', url: '/v1/cases', headers: json, payload: '{"__proto__":{"polluted":true}}' }), 400, 'malformed_json');
    expectProblem(await raw({ method: 'POST', url: '/v1/cases', headers: json, payload: '' }), 400, 'malformed_json');
  });

  it('answers what is not HTTP/1.1, or has oversized headers, with problem+json too (over a real socket)', async () => {
    await stack.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = stack.app.server.address() as AddressInfo;
    const exchange = (request: string) =>
      new Promise<{ head: string; body: any }>((resolve, reject) => {
        let data = '';
        const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
        socket.on('data', (chunk) => (data += chunk.toString('utf8')));
        socket.on('error', reject);
        socket.on('close', () => {
          const [head = '', body = ''] = data.split('\r\n\r\n');
          resolve({ head, body: JSON.parse(body) });
        });
      });
    const garbage = await exchange('NOT HTTP AT ALL\r\n\r\n');
    expect(garbage.head).toMatch(/^HTTP\/1\.1 400 /);
    expect(garbage.head).toMatch(/^content-type: application\/problem\+json$/im);
    expect(garbage.body).toMatchObject({ status: 400, code: 'malformed_request', requestId: expect.any(String) });
    const huge = await exchange(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Filler: ${'x'.repeat(20_000)}\r\n\r\n`);
    expect(huge.head).toMatch(/^HTTP\/1\.1 431 /);
    expect(huge.body).toMatchObject({ status: 431, code: 'headers_too_large', requestId: expect.any(String) });
  });

  it("keeps a caller's X-Request-Id only when it looks like an id", async () => {
    const kept = await raw({ method: 'GET', url: '/v1/nothing-here', headers: { 'x-request-id': 'call-2026.11.22:0001' } });
    expect(kept.body.requestId).toBe('call-2026.11.22:0001');
    const replaced = await raw({ method: 'GET', url: '/v1/nothing-here', headers: { 'x-request-id': '${jndi:ldap://x}' } });
    expect(replaced.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(replaced.headers['x-request-id']).toBe(replaced.body.requestId);
  });
});
