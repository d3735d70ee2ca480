/** The same complaint sent many times at once becomes exactly one case. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../db/schema.js';
import { complaint, eventually } from './support/cases.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ name: 'idempotency' });
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
