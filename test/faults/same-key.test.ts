/** 100 concurrent opens with the same Idempotency-Key make exactly one case. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../db/schema.js';
import { complaint, eventually } from '../support/cases.js';
import { startStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ name: 'fault_same_key' });
});
afterAll(async () => stack?.close());

describe('a storm of retries with one key', () => {
  it('100 concurrent opens give one case, one workflow, one row', async () => {
    const key = `storm-${Date.now()}`;
    const responses = await Promise.all(Array.from({ length: 100 }, () => stack.http('POST', '/v1/cases', complaint(), { 'idempotency-key': key })));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(99);
    const ids = new Set(responses.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    const runs = [];
    for await (const wf of stack.client.workflow.list({ query: `TaskQueue = '${stack.taskQueue}'` })) runs.push(wf.workflowId);
    expect(runs).toEqual([...ids]);
    await eventually(async () => expect(await stack.database.db.select().from(cases).where(eq(cases.idempotencyKey, key))).toHaveLength(1));
  });
});
