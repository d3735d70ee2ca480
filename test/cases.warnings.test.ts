/**
 * Deadline warnings with second-scale policy durations, and the search attributes operators filter on.
 * Durations are policy data: this file seeds its own policy.
 */
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, notifications } from '../db/schema.js';
import { defaultCasePolicy } from '../db/seed-policy.js';
import type { CasePolicy } from '../domain/policy.types.js';
import { act, eventually, openCase } from './support/cases.js';
import { startStack, type TestStack } from './support/stack.js';

const seconds = (amount: number) => ({ amount, unit: 'seconds' as const });
const fast: CasePolicy['clocks'][keyof CasePolicy['clocks']] = { signFor: seconds(4), contact: seconds(30), reply: seconds(60), callback: seconds(60) };
const policy: Partial<CasePolicy> = {
  clocks: Object.fromEntries(Object.keys(defaultCasePolicy.clocks).map((k) => [k, fast])) as CasePolicy['clocks'],
};

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ name: 'warnings', policy });
});
afterAll(async () => stack?.close());

async function listIds(query: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const wf of stack.client.workflow.list({ query: `TaskQueue = '${stack.taskQueue}' AND ${query}` })) ids.push(wf.workflowId);
  return ids;
}

describe('deadline warnings', () => {
  it('fires yellow at 75% of the sign-for clock and red at its deadline, in that order, with notices', async () => {
    const id = await openCase(stack);
    const dispatched = await act(stack, id, 'dispatch', { unitId: 'd01-s01' });
    const clock = dispatched.clocks.signFor;
    expect(Date.parse(clock.dueAt) - Date.parse(clock.startedAt)).toBe(4_000);
    expect(Date.parse(clock.yellowAt) - Date.parse(clock.startedAt)).toBe(3_000);

    const yellow = await eventually(async () => {
      const got = await stack.http('GET', `/v1/cases/${id}`);
      expect(got.body.warningLevel).toBe('yellow');
      return got.body;
    }, 15_000);
    expect(yellow.clocks.signFor.yellowFiredAt).toBeDefined();
    expect(Date.parse(yellow.clocks.signFor.yellowFiredAt)).toBeGreaterThanOrEqual(Date.parse(clock.yellowAt));

    const red = await eventually(async () => {
      const got = await stack.http('GET', `/v1/cases/${id}`);
      expect(got.body.warningLevel).toBe('red');
      return got.body;
    }, 15_000);
    expect(Date.parse(red.clocks.signFor.redFiredAt)).toBeGreaterThanOrEqual(Date.parse(clock.dueAt));

    const warnings = await eventually(async () => {
      const rows = await stack.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(asc(caseEvents.seq));
      const w = rows.filter((e) => e.type === 'warning_raised');
      expect(w).toHaveLength(2);
      return w;
    });
    expect(warnings.map((w) => (w.data as { level: string }).level)).toEqual(['yellow', 'red']);
    const notices = await stack.database.db.select().from(notifications).where(eq(notifications.caseId, id)).orderBy(asc(notifications.seq));
    // (The acceptance notice to the complainant and the copy to the street's district are not warnings.)
    expect(notices.filter((n) => n.kind !== 'copy' && n.kind !== 'acceptance').map((n) => [n.kind, n.recipient, n.unitId])).toEqual([
      ['yellow_warning', 'deputy_leader', 'd01-s01'],
      ['red_warning', 'principal_leader', 'd01-s01'],
      ['urging', 'handler', 'd01-s01'],
    ]);

    // Operators find it in the Web UI by its warning level; signing for (late) clears the sign-for warning.
    await eventually(async () => expect(await listIds(`WarningLevel = 'red'`)).toContain(id));
    const accepted = await act(stack, id, 'accept');
    expect(accepted.clocks.signFor.result).toBe('breached');
    expect(accepted.warningLevel).toBe('none');
  });
});

describe('search attributes', () => {
  it('keeps CaseStatus, AssignedUnit, CaseCategory, EscalationLevel, CaseRound and ReplyDueAt queryable', async () => {
    const id = await openCase(stack, { categoryId: 'env.noise.construction' });
    await eventually(async () => expect(await listIds(`CaseStatus = 'received' AND CaseCategory = 'env.noise.construction'`)).toContain(id));
    const view = await act(stack, id, 'dispatch', { unitId: 'd02-s01' });
    await stack.http('POST', `/v1/cases/${id}/escalate`, { reason: '督办' });
    await eventually(async () => {
      expect(await listIds(`CaseStatus = 'dispatched' AND AssignedUnit = 'd02-s01' AND EscalationLevel = 1 AND CaseRound = 1`)).toContain(id);
    });
    // A window of whole seconds around the due time: the dev server's visibility store compares the instant as
    // RFC 3339 text with trailing zeros of the fraction trimmed ('…12.1Z'), so equality with '…12.100Z' can miss.
    const due = Date.parse(view.replyDueAt);
    const second = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    await eventually(async () => expect(await listIds(`ReplyDueAt >= '${second(due - 1000)}' AND ReplyDueAt <= '${second(due + 2000)}'`)).toContain(id));

    // No personal data in search attributes or memo.
    const described = await stack.client.workflow.getHandle(id).describe();
    const flat = JSON.stringify({ sa: described.searchAttributes, memo: described.memo, summary: await described.staticSummary?.() });
    expect(flat).not.toContain('13812345678');
    expect(flat).not.toContain('张三');
  });
});
