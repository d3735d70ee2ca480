/** Bad input and wrong-state actions get clear problem+json answers: 400, 404, 409, 415 — never a 500. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOWED_FROM } from '../domain/case.machine.js';
import type { CaseStatus } from '../domain/case.types.js';
import { act, complaint, driveTo, openCase } from './support/cases.js';
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
  reassign: { unitId: 'd01-s03', reason: '改派' },
};

function expectProblem(res: { status: number; body: any; headers: Record<string, unknown> }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code, type: `urn:hotline:problem:${code}`, requestId: expect.any(String) });
}

describe('actions that do not fit the state answer 409 with the state', () => {
  const reachable: Array<[CaseStatus, (id: string) => Promise<void>]> = [
    ['received', async () => {}],
    ['dispatched', (id) => driveTo(stack, id, 'dispatched')],
    ['accepted', (id) => driveTo(stack, id, 'accepted')],
    ['contacted', (id) => driveTo(stack, id, 'contacted')],
    ['replied', (id) => driveTo(stack, id, 'replied')],
    ['returned', async (id) => (await driveTo(stack, id, 'dispatched'), void (await act(stack, id, 'return', validBodies.return)))],
    ['closed', async (id) => (await driveTo(stack, id, 'replied'), void (await act(stack, id, 'callback', validBodies.callback)))],
  ];

  for (const [status, reach] of reachable) {
    it(`in ${status}, every action not allowed there is refused`, async () => {
      const id = await openCase(stack);
      await reach(id);
      const refused = Object.entries(ALLOWED_FROM).filter(([, from]) => !from.includes(status));
      expect(refused.length).toBeGreaterThan(0);
      for (const [action] of refused) {
        const res = await stack.http('POST', `/v1/cases/${id}/${action}`, validBodies[action]);
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
    const text = await stack.app.inject({ method: 'POST', url: '/v1/cases', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
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
