/** The same complaint sent many times at once becomes exactly one case. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../db/schema.js';
import type { CaseIntake } from '../domain/case.types.js';
import { complaint, eventually } from './support/cases.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ name: 'idempotency', legacyIdempotencyLookup: true });
});
afterAll(async () => stack?.close());

describe('idempotent intake', () => {
  it('20 concurrent opens with one Idempotency-Key give one case: one 201, the rest 200 with the same id', async () => {
    const key = `dispatch-system-${Date.now()}`;
    const body = complaint({ title: '重复推送的工单' });
    const responses = await Promise.all(Array.from({ length: 20 }, () => stack.http('POST', '/v1/cases', body, { 'idempotency-key': key })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    const ids = new Set(responses.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    const [id] = [...ids] as [string];

    // One workflow, one row.
    const runs = [];
    for await (const wf of stack.client.workflow.list({ query: `WorkflowId = '${id}'` })) runs.push(wf);
    expect(runs).toHaveLength(1);
    await eventually(async () => {
      const rows = await stack.database.db.select().from(cases).where(eq(cases.idempotencyKey, key));
      expect(rows).toHaveLength(1);
    });
  });

  it('uses the channel ticket number as the key when no header is sent', async () => {
    const ticket = `WEB-${Date.now()}`;
    const body = complaint({ channel: 'web', channelTicketId: ticket });
    const first = await stack.http('POST', '/v1/cases', body);
    const again = await stack.http('POST', '/v1/cases', body);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.channelTicketId).toBe(ticket);
  });

  it('refuses a key reused for a different complaint (422), and keeps the first', async () => {
    const key = `reused-${Date.now()}`;
    const first = await stack.http('POST', '/v1/cases', complaint({ title: '第一件事' }), { 'idempotency-key': key });
    const other = await stack.http('POST', '/v1/cases', complaint({ title: '另一件事' }), { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(other.status).toBe(422);
    // The caller may read the case: the problem names it.
    expect(other.body).toMatchObject({ code: 'idempotency_key_reused', caseId: first.body.id });
    const kept = await stack.http('GET', `/v1/cases/${first.body.id}`);
    expect(kept.body.title).toBe('第一件事');
  });

  it('still maps a repeat to its case after the case has closed', async () => {
    const key = `closed-${Date.now()}`;
    const body = complaint();
    const first = await stack.http('POST', '/v1/cases', body, { 'idempotency-key': key });
    const id = first.body.id;
    for (const [action, b] of [
      ['dispatch', { unitId: 'd01-s01' }],
      ['accept', {}],
      ['contact', { method: 'phone' }],
      ['reply', { content: '已处理', resolved: true }],
      ['callback', { contacted: true, resolved: true, satisfaction: 'satisfied' }],
    ] as const) {
      expect((await stack.http('POST', `/v1/cases/${id}/${action}`, b)).status).toBe(200);
    }
    const repeat = await stack.http('POST', '/v1/cases', body, { 'idempotency-key': key });
    expect(repeat.status).toBe(200);
    expect(repeat.body).toMatchObject({ id, status: 'closed' });
  });
});

describe('a key belongs to the caller that sent it', () => {
  const agent = (sub: string) => stack.as('intake_agent', 'city', sub);

  it('two callers using the same key for different complaints each get their own case', async () => {
    const key = `shared-${Date.now()}`;
    const a = await stack.http('POST', '/v1/cases', complaint({ title: '甲的诉求' }), { ...agent('agent-a'), 'idempotency-key': key });
    const b = await stack.http('POST', '/v1/cases', complaint({ title: '乙的诉求' }), { ...agent('agent-b'), 'idempotency-key': key });
    expect([a.status, b.status], JSON.stringify(b.body)).toEqual([201, 201]);
    expect(b.body.id).not.toBe(a.body.id);
    // Even the same complaint under the same key is a case of each caller's own.
    const c = await stack.http('POST', '/v1/cases', complaint({ title: '甲的诉求' }), { ...agent('agent-c'), 'idempotency-key': key });
    expect(c.status).toBe(201);
    expect(new Set([a.body.id, b.body.id, c.body.id]).size).toBe(3);
    // Each caller's retry still finds its own case.
    const againA = await stack.http('POST', '/v1/cases', complaint({ title: '甲的诉求' }), { ...agent('agent-a'), 'idempotency-key': key });
    const againB = await stack.http('POST', '/v1/cases', complaint({ title: '乙的诉求' }), { ...agent('agent-b'), 'idempotency-key': key });
    expect([againA.status, againA.body.id, againB.status, againB.body.id]).toEqual([200, a.body.id, 200, b.body.id]);
  });

  it('an API key and a person are different callers; the same API key is the same caller', async () => {
    const { createApiKeyService } = await import('../api/api-keys.service.js');
    const keys = createApiKeyService(stack.database.db, { cacheMs: 0 });
    const platform = await keys.create({ name: '12345 平台', roles: ['intake_agent'], unitId: 'city' });
    const key = `platform-${Date.now()}`;
    const body = complaint({ title: '平台推送' });
    const viaKey = await stack.http('POST', '/v1/cases', body, { 'x-api-key': platform.key, 'idempotency-key': key });
    const viaPerson = await stack.http('POST', '/v1/cases', body, { ...agent('agent-d'), 'idempotency-key': key });
    const retry = await stack.http('POST', '/v1/cases', body, { 'x-api-key': platform.key, 'idempotency-key': key });
    expect([viaKey.status, viaPerson.status, retry.status]).toEqual([201, 201, 200]);
    expect(viaPerson.body.id).not.toBe(viaKey.body.id);
    expect(retry.body.id).toBe(viaKey.body.id);
  });

  it("a channel's ticket number stays the channel's: the same ticket from another caller is the same case", async () => {
    const body = complaint({ channel: 'web', channelTicketId: `WEB-SHARED-${Date.now()}` });
    const first = await stack.http('POST', '/v1/cases', body, agent('agent-e'));
    const other = await stack.http('POST', '/v1/cases', body, agent('agent-f'));
    expect([first.status, other.status]).toEqual([201, 200]);
    expect(other.body.id).toBe(first.body.id);
  });
});

describe('a replay answers what a GET by the same caller would', () => {
  it('masked for a caller who reads the case masked, exactly as GET answers it', async () => {
    const key = `masked-replay-${Date.now()}`;
    const headers = { ...stack.as('intake_agent', 'city', 'agent-g'), 'idempotency-key': key };
    const body = complaint({ complainant: { name: '王五', phone: '13911112222' } });
    const first = await stack.http('POST', '/v1/cases', body, headers);
    // The one who typed it in gets it back in clear once, with the 201.
    expect(first.status).toBe(201);
    expect(first.body.complainant).toEqual({ name: '王五', phone: '13911112222' });
    const replay = await stack.http('POST', '/v1/cases', body, headers);
    expect(replay.status).toBe(200);
    const got = await stack.http('GET', `/v1/cases/${first.body.id}`, undefined, stack.as('intake_agent', 'city', 'agent-g'));
    expect(replay.body).toMatchObject({ piiMasked: true, complainant: { name: '王*', phone: '139****2222' } });
    const { updatedAt: _a, seq: _s, source: _r, ...replayed } = replay.body;
    const { updatedAt: _b, seq: _t, source: _q, ...read } = got.body;
    expect(replayed).toEqual(read);
  });

  it('404 for a caller who may not read the case, as GET answers; a different body is a 422 that names no case', async () => {
    const key = `out-of-scope-${Date.now()}`;
    // A district dispatcher opens a complaint placed in another district: once open, the case is not in its scope.
    const dispatcher = stack.as('dispatcher', 'd02', 'dispatcher-d02');
    const body = complaint({ location: { address: '江城区城关街道桂花社区3栋', areaUnitId: 'd01-s01-c01' } });
    const first = await stack.http('POST', '/v1/cases', body, { ...dispatcher, 'idempotency-key': key });
    expect(first.status).toBe(201);
    const id = first.body.id as string;
    expect((await stack.http('GET', `/v1/cases/${id}`, undefined, dispatcher)).status).toBe(404);
    const replay = await stack.http('POST', '/v1/cases', body, { ...dispatcher, 'idempotency-key': key });
    expect(replay.status).toBe(404);
    expect(replay.body.code).toBe('case_not_found');
    const other = await stack.http('POST', '/v1/cases', complaint({ title: '另一件事', location: body.location }), { ...dispatcher, 'idempotency-key': key });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
    expect(JSON.stringify(other.body)).not.toContain(id);
  });
});

describe('cases opened before keys were scoped', () => {
  it('a retry by the caller that opened it still finds it; another caller with the same key gets a case of its own', async () => {
    const { caseWorkflow } = await import('../workflows/case.workflow.js');
    const { legacyCaseIdFor, requestHash } = await import('../api/cases.service.js');
    const key = `legacy-${Date.now()}`;
    const body = complaint({ title: '升级前受理的诉求' });
    const id = legacyCaseIdFor(key);
    // What the API did before: the case number from the key alone, and the opener on the timeline.
    // Signed as the API signs a start (the workflow opens no case without its proof).
    const { createActionSigner } = await import('../api/action-signer.js');
    const intake = { ...(body as unknown as CaseIntake), requestHash: requestHash(body as never), idempotencyKey: key };
    const actor = { id: 'agent-old', role: 'intake_agent' as const };
    const proof = createActionSigner(stack.actionKeys)(id, 'open', { intake, setup: null }, actor);
    await stack.client.workflow.start(caseWorkflow, { workflowId: id, taskQueue: stack.taskQueue, args: [{ caseId: id, intake, actor }, proof as never] });
    await eventually(async () => expect((await stack.database.pool.query('select 1 from cases where id = $1', [id])).rowCount).toBe(1));

    const retry = await stack.http('POST', '/v1/cases', body, { ...stack.as('intake_agent', 'city', 'agent-old'), 'idempotency-key': key });
    expect(retry.status, JSON.stringify(retry.body)).toBe(200);
    expect(retry.body.id).toBe(id);
    const stranger = await stack.http('POST', '/v1/cases', complaint({ title: '另一位接线员的诉求' }), { ...stack.as('intake_agent', 'city', 'agent-new'), 'idempotency-key': key });
    expect(stranger.status, JSON.stringify(stranger.body)).toBe(201);
    expect(stranger.body.id).not.toBe(id);
  });
});
