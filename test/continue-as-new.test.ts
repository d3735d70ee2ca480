/**
 * Long-lived cases continue-as-new when the server suggests it, keeping their state. This file runs its own
 * dev server with a tiny history threshold so an ordinary lifecycle crosses several runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCaseQuery } from '../workflows/case.messages.js';
import { startDevServer, type DevServer } from '../runtime/temporal-dev-server.js';
import { ensureTemporalCli } from '../runtime/tools.js';
import { act, driveTo, expectRecordMatchesWorkflow, openCase } from './support/cases.js';
import { freePort } from './support/global-setup.js';
import { startStack, type TestStack } from './support/stack.js';

let server: DevServer;
let stack: TestStack;
beforeAll(async () => {
  server = await startDevServer({
    binary: await ensureTemporalCli(process.env.HOTLINE_TOOLS_DIR ?? '.tools'),
    port: await freePort(),
    dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': 40 },
  });
  stack = await startStack({ name: 'can', temporalAddress: server.address });
});
afterAll(async () => {
  await stack?.close();
  await server?.stop();
});

describe('continue-as-new', () => {
  it('carries the case across runs with its state, rounds and timeline intact', async () => {
    const id = await openCase(stack);
    await driveTo(stack, id, 'replied');
    await act(stack, id, 'callback', { contacted: true, resolved: false, satisfaction: 'unsatisfied' });
    for (let i = 0; i < 5; i++) await act(stack, id, 'accept', {}, i === 0 ? 200 : 409);
    await act(stack, id, 'contact', { method: 'phone' });
    for (let i = 0; i < 6; i++) await act(stack, id, 'progress', { note: `进展 ${i}` });
    await act(stack, id, 'reply', { content: '已解决', resolved: true });
    const closed = await act(stack, id, 'callback', { contacted: true, resolved: true, satisfaction: 'satisfied' });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'resolved', round: 2 });

    const runs = [];
    for await (const wf of stack.client.workflow.list({ query: `WorkflowId = '${id}'` })) runs.push(wf);
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.filter((r) => r.status.name === 'CONTINUED_AS_NEW').length).toBe(runs.length - 1);

    const final = await stack.client.workflow.getHandle(id).query(getCaseQuery);
    expect(final.state.seq).toBe(18);
    expect(final.intake.complainant?.phone).toBe('13812345678');
    await expectRecordMatchesWorkflow(stack, id);
  });
});
