/**
 * The clocks of a running case, with second-scale policy data, through the HTTP API against the real stack: a hold
 * (挂账) pauses them and suppresses warnings until resume, review reminders go out on the review dates, 销账 closes
 * a hold with the reply, an approved extension (延期) moves the reply deadline and its warnings, and the NextDueAt
 * search attribute follows. (Yellow before red and none early: test/cases.warnings.test.ts; the overdue ladder:
 * test/dispatch.test.ts; calendar arithmetic with real dates: domain/calendar.rules.test.ts.)
 */
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, cases, notifications } from '../db/schema.js';
import type { CasePolicy, DurationSpec } from '../domain/policy.types.js';
import { SLA_CLASSES } from '../domain/reference.types.js';
import { act, driveTo, eventually, openCase } from './support/cases.js';
import { startStack, type TestStack } from './support/stack.js';

const seconds = (amount: number): DurationSpec => ({ amount, unit: 'seconds' });
/** The reply clock runs out in 6 s (yellow at 4.5 s); the others are far off. */
const clocks = { signFor: seconds(600), contact: seconds(600), reply: seconds(6), callback: seconds(600) };
const policy: Partial<CasePolicy> = {
  clocks: Object.fromEntries(SLA_CLASSES.map((c) => [c, clocks])) as CasePolicy['clocks'],
  extension: { maxDays: 10, approvableWithoutSupervisor: 1 },
};

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ name: 'deadlines', policy });
});
afterAll(async () => stack?.close());

const get = async (id: string) => (await stack.http('GET', `/v1/cases/${id}`)).body;
const events = (id: string) => stack.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(asc(caseEvents.seq));
const notices = (id: string) => stack.database.db.select().from(notifications).where(eq(notifications.caseId, id)).orderBy(asc(notifications.seq));
const leader = () => stack.as(['unit_leader'], 'd01-s01', 'leader@d01-s01');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function nextDueAttribute(id: string): Promise<Date | undefined> {
  const described = await stack.client.workflow.getHandle(id).describe();
  return described.typedSearchAttributes.getAll().find((p) => p.key.name === 'NextDueAt')?.value as Date | undefined;
}

describe('hold (挂账)', () => {
  it('pauses the clocks: no warning while on hold, reminders on the review dates, and the time paused given back on resume', async () => {
    const id = await openCase(stack);
    await driveTo(stack, id, 'contacted');
    const before = await get(id);
    const due = Date.parse(before.clocks.reply.dueAt);
    expect(before.nextDueAt).toBe(before.clocks.reply.dueAt);

    const review = new Date(Date.now() + 2_000).toISOString();
    const held = await stack.http('POST', `/v1/cases/${id}/hold`, { reason: '需纳入明年道路改造计划', reviewDates: [review] }, leader());
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    expect(held.body).toMatchObject({ status: 'on_hold', nextDueAt: null, hold: { reason: '需纳入明年道路改造计划', fromStatus: 'contacted', reviewDates: [review] } });
    expect(held.body.clocks.reply.pausedAt).toEqual(expect.any(String));
    await eventually(async () => expect(await nextDueAttribute(id)).toBeUndefined());

    // Past the reply clock's yellow and red: nothing fires; the review reminder does.
    await sleep(Math.max(0, due - Date.now()) + 1_500);
    await eventually(async () => {
      const types = (await events(id)).map((e) => e.type);
      expect(types).toContain('hold_review_due');
      expect(types).not.toContain('warning_raised');
      expect((await notices(id)).filter((n) => n.kind === 'hold_review').map((n) => [n.recipient, n.unitId])).toEqual([['principal_leader', 'd01-s01']]);
    });
    expect((await get(id)).warningLevel).toBe('none');
    // Only what the case's unit may do: the unit cannot sign for or reply as if nothing happened… but it can note progress.
    expect((await stack.http('POST', `/v1/cases/${id}/contact`, { method: 'phone' })).status).toBe(409);
    await act(stack, id, 'progress', { note: '已报区里列入计划' });

    const resumed = await stack.http('POST', `/v1/cases/${id}/resume`, { note: '改造工程已开工' }, leader());
    expect(resumed.status, JSON.stringify(resumed.body)).toBe(200);
    const paused = resumed.body.clocks.reply.pausedMs as number;
    expect(resumed.body).toMatchObject({ status: 'contacted', hold: null });
    expect(paused).toBeGreaterThan(5_000);
    expect(Date.parse(resumed.body.clocks.reply.dueAt)).toBe(due + paused);
    await eventually(async () => expect((await nextDueAttribute(id))?.toISOString()).toBe(resumed.body.clocks.reply.dueAt));

    // Running again: yellow, then red, with the deadline that moved.
    await eventually(async () => {
      const warnings = (await events(id)).filter((e) => e.type === 'warning_raised').map((e) => (e.data as { level: string }).level);
      expect(warnings).toEqual(['yellow', 'red']);
    }, 20_000);
    await eventually(async () => {
      const [row] = await stack.database.db.select().from(cases).where(eq(cases.id, id));
      expect(row!.hold).toBeNull();
      expect(row!.nextDueAt?.toISOString()).toBe(resumed.body.clocks.reply.dueAt);
    });
    const overdue = await stack.http('GET', `/v1/cases?warningLevel=red&limit=200`);
    expect(overdue.body.items.map((c: { id: string }) => c.id)).toContain(id);
  });

  it('销账: the reply from the hold closes it with the final answer', async () => {
    const id = await openCase(stack);
    await driveTo(stack, id, 'contacted');
    await stack.http('POST', `/v1/cases/${id}/hold`, { reason: '季节性问题', reviewDates: [new Date(Date.now() + 60_000).toISOString()] }, leader());
    const replied = await act(stack, id, 'reply', { content: '改造完成，问题已解决', resolved: true });
    expect(replied).toMatchObject({ status: 'replied', hold: null });
    expect(replied.clocks.reply).toMatchObject({ stoppedAt: expect.any(String), pausedMs: expect.any(Number) });
    await eventually(async () => expect((await events(id)).find((e) => e.type === 'replied')!.data).toMatchObject({ writeOff: true }));
  });

  it('refuses review dates in the past (409) and a hold before the unit signed for the case', async () => {
    const id = await openCase(stack);
    await driveTo(stack, id, 'dispatched');
    const early = await stack.http('POST', `/v1/cases/${id}/hold`, { reason: 'x', reviewDates: [new Date(Date.now() + 60_000).toISOString()] }, leader());
    expect(early.status).toBe(409);
    await act(stack, id, 'accept');
    const past = await stack.http('POST', `/v1/cases/${id}/hold`, { reason: 'x', reviewDates: ['2020-01-01T00:00:00Z'] }, leader());
    expect(past.status).toBe(409);
    const bad = await stack.http('POST', `/v1/cases/${id}/hold`, { reason: 'x', reviewDates: ['next spring'] }, leader());
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'body.reviewDates.0', reason: expect.any(String) }]);
  });
});

describe('extension (延期)', () => {
  it('asked before the deadline and approved by the leader, it moves the reply deadline; a second needs a supervisor', async () => {
    const id = await openCase(stack);
    await driveTo(stack, id, 'accepted');
    const due = (await get(id)).clocks.reply.dueAt as string;

    const asked = await stack.http('POST', `/v1/cases/${id}/extension-requests`, { days: 2, reason: '需协调燃气公司停气施工' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.body.extensions).toEqual([expect.objectContaining({ n: 1, days: 2, status: 'pending' })]);
    // Only one waiting at a time.
    expect((await stack.http('POST', `/v1/cases/${id}/extension-requests`, { days: 1, reason: '再延' })).status).toBe(409);

    const approved = await stack.http('POST', `/v1/cases/${id}/extension-requests/decision`, { approve: true, note: '同意延期', days: 1 }, leader());
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const moved = approved.body.clocks.reply.dueAt as string;
    // One working day later (a seconds-long clock moved by a whole working day: far from its warnings now).
    expect(Date.parse(moved) - Date.parse(due)).toBeGreaterThanOrEqual(86_400_000);
    expect(approved.body.extensions[0]).toMatchObject({ status: 'approved', days: 1, previousDueAt: due, newDueAt: moved, decidedRole: 'unit_leader' });
    expect(approved.body.replyDueAt).toBe(moved);
    await eventually(async () => {
      expect((await nextDueAttribute(id))?.toISOString()).toBe(approved.body.nextDueAt);
      const kinds = (await notices(id)).map((n) => [n.kind, n.recipient]);
      expect(kinds).toEqual(expect.arrayContaining([
        ['extension_request', 'principal_leader'],
        ['extension_decision', 'handler'],
      ]));
    });
    // The old deadline passes without a warning.
    await sleep(Math.max(0, Date.parse(due) - Date.now()) + 1_000);
    expect((await events(id)).filter((e) => e.type === 'warning_raised')).toEqual([]);

    // A second extension: the leader may not approve it, a supervisor may.
    await stack.http('POST', `/v1/cases/${id}/extension-requests`, { days: 3, reason: '工程延误' });
    const byLeader = await stack.http('POST', `/v1/cases/${id}/extension-requests/decision`, { approve: true, note: '同意' }, leader());
    expect(byLeader.status, JSON.stringify(byLeader.body)).toBe(403);
    const bySupervisor = await stack.http('POST', `/v1/cases/${id}/extension-requests/decision`, { approve: true, note: '督办同意' }, stack.as(['supervisor'], 'd01'));
    expect(bySupervisor.status, JSON.stringify(bySupervisor.body)).toBe(200);
    expect(bySupervisor.body.extensions.map((e: { status: string }) => e.status)).toEqual(['approved', 'approved']);
  });

  it('a request after the deadline answers 409 with it; a denial leaves it; more days than the policy allows is refused', async () => {
    const id = await openCase(stack);
    await driveTo(stack, id, 'accepted');
    const tooMany = await stack.http('POST', `/v1/cases/${id}/extension-requests`, { days: 11, reason: '太久' });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body).toMatchObject({ maxDays: 10 });
    await stack.http('POST', `/v1/cases/${id}/extension-requests`, { days: 2, reason: '需协调' });
    const denied = await stack.http('POST', `/v1/cases/${id}/extension-requests/decision`, { approve: false, note: '理由不充分' }, stack.as(['dispatcher'], 'd01'));
    expect(denied.status).toBe(200);
    expect(denied.body.extensions[0]).toMatchObject({ status: 'denied', decidedRole: 'dispatcher' });
    const due = denied.body.clocks.reply.dueAt as string;
    await sleep(Math.max(0, Date.parse(due) - Date.now()) + 200);
    const late = await stack.http('POST', `/v1/cases/${id}/extension-requests`, { days: 2, reason: '晚了' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ state: 'accepted', replyDueAt: due });
  });
});

describe('extension limit from the policy', () => {
  it("a policy that allows 90 working days takes a request for 75; beyond the policy's limit, 409 names the field and the limit", async () => {
    const admin = stack.as(['admin'], 'city', 'policy-admin');
    const { version: before, ...document } = (await stack.http('GET', '/v1/policies/active', undefined, admin)).body.document;
    const put = (extension: unknown, note: string) => stack.http('PUT', '/v1/policies', { ...document, extension, note }, admin);
    const long = await put({ maxDays: 90, approvableWithoutSupervisor: 1 }, '重大工程类诉求允许长期延期');
    expect(long.status, JSON.stringify(long.body)).toBe(201);
    try {
      const id = await openCase(stack);
      await driveTo(stack, id, 'accepted');
      expect((await get(id)).policyVersion).toBe(long.body.version);
      const tooMany = await stack.http('POST', `/v1/cases/${id}/extension-requests`, { days: 91, reason: '超出政策上限' });
      expect(tooMany.status, JSON.stringify(tooMany.body)).toBe(409);
      expect(tooMany.body).toMatchObject({ code: 'invalid_transition', field: 'body.days', maxDays: 90, policyVersion: long.body.version });
      expect(tooMany.body.detail).toMatch(/at most 90 working days/);
      const asked = await stack.http('POST', `/v1/cases/${id}/extension-requests`, { days: 75, reason: '需纳入年度改造工程' });
      expect(asked.status, JSON.stringify(asked.body)).toBe(200);
      expect(asked.body.extensions).toEqual([expect.objectContaining({ days: 75, status: 'pending' })]);
      // The route keeps an absolute bound (the most any policy may allow): a 400 naming the field.
      const absurd = await stack.http('POST', `/v1/cases/${id}/extension-requests/decision`, { approve: true, note: '同意', days: 100_000 }, leader());
      expect(absurd.status).toBe(400);
      expect(absurd.body.errors).toEqual([{ field: 'body.days', reason: expect.any(String) }]);
      const approved = await stack.http('POST', `/v1/cases/${id}/extension-requests/decision`, { approve: true, note: '同意', days: 70 }, leader());
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      expect(approved.body.extensions[0]).toMatchObject({ status: 'approved', days: 70 });
    } finally {
      // The rest of this file counts on the limit of 10.
      const back = await put({ maxDays: 10, approvableWithoutSupervisor: 1 }, `back to version ${before}'s limits`);
      expect(back.status, JSON.stringify(back.body)).toBe(201);
    }
  });
});

describe('acceptance notice (受理告知)', () => {
  it('goes to the complainant through the outbox when the case is accepted, with no personal data in the row', async () => {
    const id = await openCase(stack);
    await eventually(async () => {
      const [n] = (await notices(id)).filter((x) => x.kind === 'acceptance');
      expect(n).toMatchObject({ recipient: 'complainant', unitId: null, seq: 1 });
      expect(n!.message).toContain(id);
      expect(n!.message).not.toMatch(/1381234|张三/);
    });
  });
});
