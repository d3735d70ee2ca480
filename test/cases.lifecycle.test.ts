/** The whole lifecycle of a complaint through HTTP, against the real Temporal server and PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, driveTo, eventually, expectRecordMatchesWorkflow, openCase } from './support/cases.js';
import { startStack, type TestStack } from './support/stack.js';
import { eq } from 'drizzle-orm';
import { notifications } from '../db/schema.js';
import { defaultCasePolicy } from '../db/seed-policy.js';
import { loadActivePolicy } from '../db/policy.js';
import { compileCalendar } from '../domain/calendar.rules.js';

let stack: TestStack;
beforeAll(async () => {
  // No late-feedback windows: this file watches the workflow complete with the case (test/closing.test.ts has them),
  // nor the repeat window a closed case waits for as a possible master (test/repeats.test.ts).
  stack = await startStack({ name: 'lifecycle', policy: { reviewWindow: undefined, ratingWindow: undefined, repeats: undefined } });
});
afterAll(async () => stack?.close());

describe('a complaint from intake to close', () => {
  it('moves received → dispatched → accepted → contacted → replied → closed, visible at every step', async () => {
    const open = await stack.http('POST', '/v1/cases', {
      title: '路灯不亮',
      description: '桂花社区门口路灯连续三晚不亮',
      categoryId: 'sanitation.streetlight',
      channel: 'wechat',
      complainant: { name: '李四', phone: '13900001111' },
    });
    expect(open.status).toBe(201);
    expect(open.headers.location).toBe(`/v1/cases/${open.body.id}`);
    expect(open.body).toMatchObject({ status: 'received', round: 1, source: 'workflow' });
    const id = open.body.id as string;

    // Readable right after the 201, whether or not the row is written yet.
    const first = await stack.http('GET', `/v1/cases/${id}`);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('received');

    const steps: Array<[string, unknown, string]> = [
      ['dispatch', { unitId: 'd01-s01', note: '属地街道处理' }, 'dispatched'],
      ['accept', {}, 'accepted'],
      ['contact', { method: 'phone', note: '已电话联系' }, 'contacted'],
      ['progress', { note: '已报修' }, 'contacted'],
      ['reply', { content: '路灯已修复', resolved: true }, 'replied'],
      ['callback', { contacted: true, resolved: true, satisfaction: 'satisfied' }, 'closed'],
    ];
    for (const [action, body, status] of steps) {
      const res = await act(stack, id, action, body);
      expect(res.status).toBe(status);
      const got = await stack.http('GET', `/v1/cases/${id}`);
      expect(got.body.status).toBe(status);
    }

    const closed = await stack.http('GET', `/v1/cases/${id}`);
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'resolved', unitId: 'd01-s01', slaClass: expect.any(String), policyVersion: defaultCasePolicy.version });
    expect(closed.body.clocks.signFor).toMatchObject({ result: 'met' });
    expect(closed.body.clocks.reply).toMatchObject({ result: 'met' });

    await expectRecordMatchesWorkflow(stack, id);
    const events = await stack.http('GET', `/v1/cases/${id}/events`);
    expect(events.body.items.map((e: { type: string }) => e.type)).toEqual([
      'received',
      'dispatched',
      'accepted',
      'contacted',
      'progress_noted',
      'replied',
      'callback_recorded',
      'closed',
    ]);

    // The workflow completes with the case, and the row shows it closed.
    const result = await stack.client.workflow.getHandle(id).result();
    expect(result.state.status).toBe('closed');
    const list = await stack.http('GET', `/v1/cases?status=closed`);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(id);
  });

  it('reopens an unsatisfied case for another round, then closes it when satisfied', async () => {
    const id = await openCase(stack);
    await driveTo(stack, id, 'replied');
    const reopened = await act(stack, id, 'callback', { contacted: true, resolved: false, satisfaction: 'unsatisfied', note: '噪音仍在' });
    expect(reopened).toMatchObject({ status: 'dispatched', round: 2, unitId: 'd01-s01', escalationLevel: 1 });
    expect(reopened.clocks.reply.result).toBeUndefined();

    // Round 2 stays with the same unit: it signs for the new round and works it again.
    await act(stack, id, 'accept');
    await act(stack, id, 'contact', { method: 'on_site' });
    await act(stack, id, 'reply', { content: '已停工', resolved: true });
    const closed = await act(stack, id, 'callback', { contacted: true, resolved: true, satisfaction: 'basically_satisfied' });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'resolved', round: 2 });
    await expectRecordMatchesWorkflow(stack, id);
  });

  it('closes as unsatisfied after the last allowed round', async () => {
    const id = await openCase(stack);
    await driveTo(stack, id, 'replied');
    const unsatisfied = { contacted: true, resolved: false, satisfaction: 'unsatisfied' };
    for (const round of [2, 3]) {
      const res = await act(stack, id, 'callback', unsatisfied);
      expect(res).toMatchObject({ status: 'dispatched', round });
      await act(stack, id, 'accept');
      await act(stack, id, 'contact', { method: 'phone' });
      await act(stack, id, 'reply', { content: `第${round}轮处理结果`, resolved: false });
    }
    const closed = await act(stack, id, 'callback', unsatisfied);
    expect(closed).toMatchObject({ status: 'closed', outcome: 'unsatisfied', round: 3 });
    await expectRecordMatchesWorkflow(stack, id);
  });

  it('takes a return back to dispatch, then reassignment and escalation as signals (202)', async () => {
    const id = await openCase(stack);
    await act(stack, id, 'dispatch', { unitId: 'dept-cg' });
    const returned = await act(stack, id, 'return', { reason: 'not_our_duty', note: '属于街道职责' });
    expect(returned).toMatchObject({ status: 'returned', unitId: null, returnCount: 1 });
    expect(returned.clocks.signFor.result).toBe('cancelled');
    await act(stack, id, 'dispatch', { unitId: 'd01-s01' });

    const reassign = await stack.http('POST', `/v1/cases/${id}/reassign`, { unitId: 'd01-s02', reason: '地址属于城南街道' });
    expect(reassign.status).toBe(202);
    const escalate = await stack.http('POST', `/v1/cases/${id}/escalate`, { reason: '群众反映强烈', level: 2 });
    expect(escalate.status).toBe(202);

    const view = await eventually(async () => {
      const got = await stack.http('GET', `/v1/cases/${id}`);
      expect(got.body).toMatchObject({ unitId: 'd01-s02', reassignCount: 1, escalationLevel: 2, status: 'dispatched' });
      return got.body;
    });
    expect(view.dispatchCount).toBe(2);
    await expectRecordMatchesWorkflow(stack, id);
    const events = await stack.http('GET', `/v1/cases/${id}/events`);
    const types = events.body.items.map((e: { type: string }) => e.type);
    expect(types).toEqual(['received', 'dispatched', 'returned', 'dispatched', 'reassigned', 'escalated']);
    const escalated = events.body.items.find((e: { type: string }) => e.type === 'escalated');
    expect(escalated.data).toMatchObject({ from: 0, to: 2, reason: '群众反映强烈' });
  });

  it('urges (催办) the unit that has the case: on the timeline with its supervisor, a notice to the unit, the case unchanged', async () => {
    const id = await openCase(stack);
    await act(stack, id, 'dispatch', { unitId: 'd01-s01' });
    const urged = await stack.http('POST', `/v1/cases/${id}/urge`, { note: '群众反映强烈，请今日内联系' }, stack.as('supervisor', 'd01', 'supervisor-d01'));
    expect(urged.status).toBe(202);
    expect(urged.body).toEqual({ caseId: id, action: 'urge', accepted: true });
    await eventually(async () => {
      const events = await stack.http('GET', `/v1/cases/${id}/events`);
      const last = events.body.items.at(-1);
      expect(last).toMatchObject({ type: 'urged', actor: { id: 'supervisor-d01', role: 'supervisor' }, data: { unitId: 'd01-s01', note: '群众反映强烈，请今日内联系' } });
    });
    // Besides the acceptance notice and the copy to the street's district at dispatch, one notice: the urging.
    const outbox = (await stack.database.db.select().from(notifications).where(eq(notifications.caseId, id))).filter((n) => n.kind !== 'copy' && n.kind !== 'acceptance');
    expect(outbox).toEqual([expect.objectContaining({ kind: 'urging', recipient: 'd01-s01', message: '催办: 群众反映强烈，请今日内联系' })]);
    expect((await stack.http('GET', `/v1/cases/${id}`)).body).toMatchObject({ status: 'dispatched', unitId: 'd01-s01' });
    // Nothing to urge once the unit has replied: 409 with the state.
    await act(stack, id, 'accept', {});
    await act(stack, id, 'contact', { method: 'phone' });
    await act(stack, id, 'reply', { content: '已处理', resolved: true });
    const late = await stack.http('POST', `/v1/cases/${id}/urge`, { note: '再催' }, stack.as('supervisor'));
    expect(late.status).toBe(409);
    expect(late.body.state).toBe('replied');
  });
});

describe('yellow on working time', () => {
  it('a dispatched case turns yellow when 75% of each working-day clock’s working time has passed, inside working hours', async () => {
    const id = await openCase(stack);
    const dispatched = await act(stack, id, 'dispatch', { unitId: 'd01-s01' });
    // The official calendar the case counts on (the default policy's region, as the seed loaded it).
    const cal = compileCalendar((await loadActivePolicy(stack.database.db))!.calendar);
    for (const name of ['signFor', 'reply'] as const) {
      expect(defaultCasePolicy.clocks.general[name]?.unit).toBe('working_days');
      const clock = dispatched.clocks[name];
      const [start, yellow, due] = [clock.startedAt, clock.yellowAt, clock.dueAt].map((t: string) => Date.parse(t)) as [number, number, number];
      const working = cal.workingTimeBetween(start, due);
      if (working === 0) {
        // Opened on a day off before working hours (Saturday 02:00 + 1 working day = Monday 02:00): no yellow before red.
        expect(yellow, name).toBe(due);
        continue;
      }
      expect(cal.isWorkingTime(yellow), `${name} yellow at ${clock.yellowAt}`).toBe(true);
      expect(cal.workingTimeBetween(start, yellow) / working, name).toBeCloseTo(defaultCasePolicy.yellowRatio, 6);
      expect(yellow).toBeLessThan(due);
    }
  });
});
