/**
 * Closing the loop with the citizen, through the HTTP API against the real stack: callback attempts and the invalid
 * callback, re-handling rounds, the unsatisfied zone and the review queue, the third-party review flagging an
 * unreasonable demand, termination, and the closed case's workflow staying for late feedback only as long as its
 * policy says. Windows are seconds here (policy data). Repeat complaints: test/repeats.test.ts; the complainant's
 * own view and rating: test/self-service.test.ts.
 */
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, cases } from '../db/schema.js';
import { defaultCasePolicy } from '../db/seed-policy.js';
import type { CasePolicy, DurationSpec } from '../domain/policy.types.js';
import { act, driveTo, eventually, openCase } from './support/cases.js';
import { startStack, type TestStack } from './support/stack.js';

const seconds = (amount: number): DurationSpec => ({ amount, unit: 'seconds' });
/** The repeat window (how long a closed case stays as a possible repeat master) is shorter than the review window here. */
const policy: Partial<CasePolicy> = {
  callbackMaxAttempts: 3,
  reviewWindow: seconds(8),
  ratingWindow: seconds(4),
  repeats: { ...defaultCasePolicy.repeats!, window: seconds(6) },
};

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ name: 'closing', policy });
});
afterAll(async () => stack?.close());

const get = async (id: string) => (await stack.http('GET', `/v1/cases/${id}`)).body;
const row = async (id: string) => (await stack.database.db.select().from(cases).where(eq(cases.id, id)))[0]!;
const types = async (id: string) => (await stack.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(asc(caseEvents.seq))).map((e) => e.type);
const reviewer = () => stack.as(['reviewer'], 'city', 'reviewer-1');
const surveyed = (satisfaction: 'satisfied' | 'unsatisfied', resolved = satisfaction === 'satisfied') => ({ outcome: 'reached', contacted: true, resolved, satisfaction });
const listIds = async (query: string) => ((await stack.http('GET', `/v1/cases?${query}&limit=200`)).body.items as Array<{ id: string }>).map((c) => c.id);

async function rehandle(id: string) {
  await act(stack, id, 'accept');
  await act(stack, id, 'contact', { method: 'phone' });
  await act(stack, id, 'reply', { content: '再次处理', resolved: false });
}

/** A case through its last allowed round, closed unsatisfied. */
async function closedUnsatisfied(): Promise<string> {
  const id = await openCase(stack);
  await driveTo(stack, id, 'replied');
  for (let round = 1; round <= 3; round++) {
    const after = await act(stack, id, 'callback', surveyed('unsatisfied'));
    if (after.status === 'closed') break;
    await rehandle(id);
  }
  return id;
}

describe('callback attempts', () => {
  it('3 failed attempts: not a valid callback, the case closes out of the rates', async () => {
    const id = await openCase(stack);
    await driveTo(stack, id, 'replied');
    expect(await act(stack, id, 'callback', { outcome: 'no_answer' })).toMatchObject({ status: 'replied' });
    expect(await act(stack, id, 'callback', { outcome: 'refused', note: '拒绝回访' })).toMatchObject({ status: 'replied' });
    const closed = await act(stack, id, 'callback', { outcome: 'wrong_number' });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'callback_invalid' });
    expect(closed.callbackAttempts.map((a: { outcome: string }) => a.outcome)).toEqual(['no_answer', 'refused', 'wrong_number']);
    await eventually(async () => {
      expect(await types(id)).toEqual(expect.arrayContaining(['callback_attempted', 'closed']));
      expect(await row(id)).toMatchObject({ status: 'closed', outcome: 'callback_invalid' });
    });
  });

  it('a failed attempt carries no answers, a reached one needs all three (400 naming the field)', async () => {
    const id = await openCase(stack);
    await driveTo(stack, id, 'replied');
    const both = await stack.http('POST', `/v1/cases/${id}/callback`, { outcome: 'no_answer', satisfaction: 'satisfied' });
    expect(both.status).toBe(400);
    expect(both.body.errors).toEqual([{ field: 'body.satisfaction', reason: expect.any(String) }]);
    const missing = await stack.http('POST', `/v1/cases/${id}/callback`, { outcome: 'reached', contacted: true, resolved: true });
    expect(missing.body.errors).toEqual([{ field: 'body.satisfaction', reason: expect.any(String) }]);
  });
});

describe('re-handling rounds', () => {
  it('two unsatisfied rounds then a satisfied one: closed resolved in round 3, each round on the record', async () => {
    const id = await openCase(stack);
    await driveTo(stack, id, 'replied');
    for (let round = 1; round <= 2; round++) {
      const again = await act(stack, id, 'callback', surveyed('unsatisfied'));
      expect(again).toMatchObject({ status: 'dispatched', round: round + 1, escalationLevel: 1 });
      await rehandle(id);
    }
    const closed = await act(stack, id, 'callback', surveyed('satisfied'));
    expect(closed).toMatchObject({ status: 'closed', outcome: 'resolved', round: 3 });
    expect(closed.rounds.map((r: { round: number; satisfaction: string }) => [r.round, r.satisfaction])).toEqual([
      [1, 'unsatisfied'],
      [2, 'unsatisfied'],
      [3, 'satisfied'],
    ]);
    await eventually(async () => expect(await row(id)).toMatchObject({ round: 3, outcome: 'resolved' }));
    expect(await listIds('zone=unsatisfied')).not.toContain(id);
  });

  it('three unsatisfied rounds: closed unsatisfied, listed in the unsatisfied zone with its rounds and in the review queue', async () => {
    const id = await closedUnsatisfied();
    expect(await get(id)).toMatchObject({ status: 'closed', outcome: 'unsatisfied', round: 3 });
    await eventually(async () => {
      const zone = (await stack.http('GET', '/v1/cases?zone=unsatisfied&limit=200')).body.items as Array<{ id: string; rounds: unknown[] }>;
      expect(zone.find((c) => c.id === id)?.rounds).toHaveLength(3);
      expect(await listIds('zone=review')).toContain(id);
    });
  });
});

describe('third-party review and termination', () => {
  it('the reviewer finds the demand unreasonable: the flag is set, the case leaves the queue, and it may be terminated', async () => {
    const id = await closedUnsatisfied();
    const reviewed = await stack.http('POST', `/v1/cases/${id}/review`, { demandReasonable: false, handlingCompliant: true, reason: '诉求超出政策规定' }, reviewer());
    expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
    expect(reviewed.body).toMatchObject({ demandUnreasonable: true, review: { by: 'reviewer-1', demandReasonable: false, handlingCompliant: true } });
    await eventually(async () => {
      expect(await row(id)).toMatchObject({ demandUnreasonable: true });
      expect(await listIds('zone=review')).not.toContain(id);
    });
    // Only once; only a reviewer.
    expect((await stack.http('POST', `/v1/cases/${id}/review`, { demandReasonable: true, handlingCompliant: true, reason: 'x' }, reviewer())).status).toBe(409);
    expect((await stack.http('POST', `/v1/cases/${id}/review`, { demandReasonable: true, handlingCompliant: true, reason: 'x' }, stack.as(['analyst']))).status).toBe(403);

    const ended = await stack.http('POST', `/v1/cases/${id}/terminate`, { grounds: 'repeated_identical_demand', reason: '同一诉求经多轮办理' }, reviewer());
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body).toMatchObject({ status: 'closed', outcome: 'terminated' });
    await eventually(async () => expect(await types(id)).toEqual(expect.arrayContaining(['reviewed', 'terminated'])));
  });

  it('a unit disputes an unsatisfied result while re-handling; after review the case is terminated there', async () => {
    const id = await openCase(stack);
    await driveTo(stack, id, 'replied');
    await act(stack, id, 'callback', surveyed('unsatisfied'));
    const leader = stack.as(['unit_leader'], 'd01-s01', 'leader@d01-s01');
    expect((await stack.http('POST', `/v1/cases/${id}/terminate`, { grounds: 'outside_law_and_policy', reason: 'x' }, reviewer())).status).toBe(409);
    const disputed = await stack.http('POST', `/v1/cases/${id}/dispute`, { reason: '诉求要求拆除合法建筑，超出职权' }, leader);
    expect(disputed.status, JSON.stringify(disputed.body)).toBe(200);
    await eventually(async () => expect(await listIds('zone=review')).toContain(id));
    await stack.http('POST', `/v1/cases/${id}/review`, { demandReasonable: false, handlingCompliant: true, reason: '诉求不符合法律规定' }, reviewer());
    const ended = await stack.http('POST', `/v1/cases/${id}/terminate`, { grounds: 'outside_law_and_policy', reason: '诉求不符合法律规定' }, stack.as(['supervisor'], 'd01'));
    expect(ended.body).toMatchObject({ status: 'closed', outcome: 'terminated', demandUnreasonable: true });
    expect(Object.values(ended.body.clocks as Record<string, { stoppedAt?: string }>).every((c) => c.stoppedAt)).toBe(true);
  });

  it('a reasonable demand is not terminated', async () => {
    const id = await closedUnsatisfied();
    await stack.http('POST', `/v1/cases/${id}/review`, { demandReasonable: true, handlingCompliant: false, reason: '单位办理不规范' }, reviewer());
    const refused = await stack.http('POST', `/v1/cases/${id}/terminate`, { grounds: 'outside_law_and_policy', reason: 'x' }, reviewer());
    expect(refused.status).toBe(409);
    expect((await row(id)).demandUnreasonable).toBe(false);
  });
});

describe('late feedback windows', () => {
  it("a closed case's workflow stays while the policy's windows are open, then completes", async () => {
    const id = await closedUnsatisfied();
    const handle = stack.client.workflow.getHandle(id);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    // The review window (8 s from the close) is the longest (rating 4 s from the reply, repeats 6 s from the opening):
    // the workflow completes after it.
    await eventually(async () => expect((await handle.describe()).status.name).toBe('COMPLETED'), 20_000);
    // After it, late feedback is refused with the state.
    expect((await stack.http('POST', `/v1/cases/${id}/review`, { demandReasonable: true, handlingCompliant: true, reason: 'x' }, reviewer())).status).toBe(409);
    expect(await get(id)).toMatchObject({ status: 'closed', outcome: 'unsatisfied', review: null });
  });
});
