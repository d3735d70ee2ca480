/** Small helpers the integration tests share: a valid complaint, driving actions, waiting for the record. */
import { expect } from 'vitest';
import { demoComplaint } from './fixtures.js';
import { asc, eq } from 'drizzle-orm';
import { caseEvents, cases } from '../../db/schema.js';
import { rowToCase } from '../../db/case.rows.js';
import { caseViewOf } from '../../api/cases.presenter.js';
import { getCaseQuery } from '../../workflows/case.messages.js';
import type { TestStack } from './stack.js';

export const complaint = demoComplaint;

export async function openCase(stack: TestStack, over: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<string> {
  const res = await stack.http('POST', '/v1/cases', complaint(over), headers);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

export async function act(stack: TestStack, id: string, action: string, body: unknown = {}, expected = 200) {
  const res = await stack.http('POST', `/v1/cases/${id}/${action}`, body);
  expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(expected);
  return res.body;
}

/** Drives a fresh case to the given point of the lifecycle through the API. */
export async function driveTo(stack: TestStack, id: string, target: 'dispatched' | 'accepted' | 'contacted' | 'replied', unitId = 'd01-s01') {
  const steps: Array<[string, unknown]> = [
    ['dispatch', { unitId }],
    ['accept', {}],
    ['contact', { method: 'phone' }],
    ['reply', { content: '已处理', resolved: true }],
  ];
  const until = { dispatched: 1, accepted: 2, contacted: 3, replied: 4 }[target];
  for (const [action, body] of steps.slice(0, until)) await act(stack, id, action, body);
}

export async function eventually<T>(fn: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

/**
 * The record agrees with the workflow: events numbered 1..n with no gap or duplicate, and the row's status,
 * unit, round and last sequence equal the workflow's; and the view the record gives once the workflow is gone is the
 * live one (but the members of a repeat group, which the row does not hold).
 */
export async function expectRecordMatchesWorkflow(stack: TestStack, id: string) {
  const view = await stack.client.workflow.getHandle(id).query(getCaseQuery);
  await eventually(async () => {
    const [row] = await stack.database.db.select().from(cases).where(eq(cases.id, id));
    const events = await stack.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(asc(caseEvents.seq));
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: view.state.seq }, (_, i) => i + 1));
    expect(row).toMatchObject({ status: view.state.status, unitId: view.state.unitId, round: view.state.round, lastSeq: view.state.seq });
    expect(caseViewOf(rowToCase(row!), 'record')).toEqual({ ...caseViewOf(view, 'workflow'), source: 'record', linkedCaseIds: [] });
  });
  return view;
}
