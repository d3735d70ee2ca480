/**
 * Getting a complaint to the right unit, one scenario per rule, through the HTTP API against the real stack:
 * the dispatch catalogue at intake, copies to the district, triage outcomes, the return window, designation,
 * joint handling, and supervision (escalate, urge, reassign, automatic escalation) on the timeline and in the
 * search attributes. Durations are this file's policy data: seconds, so windows and deadlines pass in a test.
 */
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, cases, notifications } from '../db/schema.js';
import { defaultCasePolicy } from '../db/seed-policy.js';
import type { CasePolicy, DurationSpec } from '../domain/policy.types.js';
import { SLA_CLASSES } from '../domain/reference.types.js';
import { createRecipientLoader, resolveRecipient } from '../notifications/recipients.js';
import { act, complaint, driveTo, eventually, openCase } from './support/cases.js';
import { startStack, type TestStack } from './support/stack.js';

const seconds = (amount: number): DurationSpec => ({ amount, unit: 'seconds' });
const everyClass = <T>(v: T) => Object.fromEntries(SLA_CLASSES.map((c) => [c, v])) as Record<(typeof SLA_CLASSES)[number], T>;
const slow = { signFor: seconds(600), contact: seconds(600), reply: seconds(900), callback: seconds(600) };

/**
 * Long clocks for every class but `urgent`, whose sign-for runs out in 2 s (the overdue ladder's scenario), and
 * `utilities`, whose callback does (the hotline centre's clock). `complex` cases get no return window.
 */
const { complex: _noWindow, ...returnWindows } = everyClass(seconds(5));
const policy: Partial<CasePolicy> = {
  clocks: { ...everyClass(slow), urgent: { ...slow, signFor: seconds(2) }, utilities: { ...slow, callback: seconds(2) } },
  returnWindow: returnWindows,
  designateAfterReturns: 3,
  cooperationReport: everyClass(seconds(3)),
  overdueLadder: [
    { after: seconds(1), level: 2 },
    { after: seconds(2), level: 3, cityNotice: true },
  ],
};

/** The catalogue this file starts with (the demo city's own is in db/seed-data.ts). */
const rules = [
  { id: 'r-sanitation-d01', categoryId: 'sanitation', areaUnitId: 'd01', unitId: null, unitType: 'street', note: '江城区市容问题由属地街道办理', active: true },
  { id: 'r-market', categoryId: 'market', areaUnitId: null, unitId: 'dept-scjg', unitType: null, note: null, active: true },
  { id: 'r-road-jt', categoryId: 'traffic.road', areaUnitId: null, unitId: 'dept-jt', unitType: null, note: null, active: true },
  { id: 'r-road-street', categoryId: 'traffic.road', areaUnitId: null, unitId: null, unitType: 'street', note: '与交通局重叠：由派单员决定', active: true },
  { id: 'r-inactive', categoryId: 'env', areaUnitId: null, unitId: 'dept-sthj', unitType: null, note: '停用', active: false },
];

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ name: 'dispatch', policy: { ...defaultCasePolicy, ...policy }, dispatchRules: rules });
});
afterAll(async () => stack?.close());

const placedAt = (categoryId: string, areaUnitId: string) => ({ categoryId, location: { address: '测试地址', areaUnitId } });
const get = async (id: string) => (await stack.http('GET', `/v1/cases/${id}`)).body;
const timeline = (id: string) => stack.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(asc(caseEvents.seq));
const notices = (id: string) => stack.database.db.select().from(notifications).where(eq(notifications.caseId, id)).orderBy(asc(notifications.seq));
const row = async (id: string) => (await stack.database.db.select().from(cases).where(eq(cases.id, id)))[0]!;

async function searchIds(query: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const wf of stack.client.workflow.list({ query: `TaskQueue = '${stack.taskQueue}' AND ${query}` })) ids.push(wf.workflowId);
  return ids;
}

/** A unit's own action on a case, as a handler of that unit. */
const asUnit = (unit: string, role: 'unit_handler' | 'unit_leader' = 'unit_handler') => stack.as([role], unit, `${role}@${unit}`);

describe('dispatch catalogue', () => {
  it('dispatches at intake when exactly one unit matches: the street of the place, with the district copied', async () => {
    const opened = await stack.http('POST', '/v1/cases', complaint(placedAt('sanitation.garbage.overflow', 'd01-s02-c01')));
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    // The answer already says where the case went.
    expect(opened.body).toMatchObject({ status: 'dispatched', unitId: 'd01-s02', copiedUnitIds: ['d01'] });
    const id = opened.body.id as string;
    const view = await get(id);
    expect(view).toMatchObject({ status: 'dispatched', unitId: 'd01-s02', dispatchCount: 1, copiedUnitIds: ['d01'] });
    expect(view.dispatches).toEqual([{ unitId: 'd01-s02', kind: 'catalogue', ruleId: 'r-sanitation-d01', at: expect.any(String), by: 'system', round: 1 }]);
    expect(view.clocks.signFor).toBeDefined();
    await eventually(async () => {
      const events = await timeline(id);
      expect(events.map((e) => [e.type, e.actorId])).toEqual([
        ['received', 'test-all-roles'],
        ['dispatched', 'system'],
      ]);
      expect(events[1]!.data).toMatchObject({ kind: 'catalogue', ruleId: 'r-sanitation-d01', copiedTo: ['d01'] });
      expect((await notices(id)).map((n) => [n.kind, n.unitId])).toEqual([
        ['acceptance', null],
        ['copy', 'd01'],
      ]);
    });
    await eventually(async () => expect(await searchIds(`AssignedUnit = 'd01-s02' AND CaseStatus = 'dispatched'`)).toContain(id));
  });

  it('matches a rule at any level of the taxonomy, for a fixed unit anywhere', async () => {
    const opened = await stack.http('POST', '/v1/cases', complaint(placedAt('market.consumer.prepaid', 'd03-s02-c01')));
    expect(opened.body).toMatchObject({ status: 'dispatched', unitId: 'dept-scjg', copiedUnitIds: [] });
  });

  it('leaves the case to a dispatcher when no rule matches, when two units match, and ignores inactive rules', async () => {
    // sanitation outside d01: no rule; traffic.road: two rules, two units; env: its only rule is inactive.
    for (const over of [placedAt('sanitation.garbage.overflow', 'd02-s01-c01'), placedAt('traffic.road', 'd01-s01-c02'), placedAt('env.odor', 'd01-s01-c01')]) {
      const opened = await stack.http('POST', '/v1/cases', complaint(over));
      expect(opened.body, JSON.stringify(over)).toMatchObject({ status: 'received', unitId: null, dispatches: [] });
    }
    const preview = await stack.http('GET', '/v1/dispatch-rules/match?categoryId=traffic.road&areaUnitId=d01-s01-c02');
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
  });

  it('dispatches with a rule edited through the API, from the next case on', async () => {
    const before = await stack.http('POST', '/v1/cases', complaint(placedAt('property.fee', 'd02-s02-c03')));
    expect(before.body.status).toBe('received');
    const created = await stack.http(
      'POST',
      '/v1/dispatch-rules',
      { categoryId: 'property', areaUnitId: 'd02', unitType: 'community', note: '东湖区物业问题先由社区调处' },
      stack.as(['admin'], 'city'),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const after = await stack.http('POST', '/v1/cases', complaint(placedAt('property.fee', 'd02-s02-c03')));
    expect(after.body).toMatchObject({ status: 'dispatched', unitId: 'd02-s02-c03', copiedUnitIds: [] });
    expect(after.body.dispatches[0].ruleId).toBe(created.body.id);
  });
});

describe('street dispatch copies the district', () => {
  it('the district follows and pushes a case sent to one of its streets; another district does not see it', async () => {
    const id = await openCase(stack);
    const dispatched = await act(stack, id, 'dispatch', { unitId: 'd02-s03' });
    expect(dispatched.copiedUnitIds).toEqual(['d02']);

    const districtLeader = asUnit('d02', 'unit_leader');
    expect((await stack.http('GET', `/v1/cases/${id}`, undefined, districtLeader)).status).toBe(200);
    const listed = await stack.http('GET', '/v1/cases?limit=200', undefined, asUnit('d02'));
    expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(id);
    const urged = await stack.http('POST', `/v1/cases/${id}/urge`, { note: '区里督促：请街道尽快签收' }, districtLeader);
    expect(urged.status, JSON.stringify(urged.body)).toBe(202);
    await eventually(async () => {
      const urge = (await timeline(id)).find((e) => e.type === 'urged');
      expect(urge).toMatchObject({ actorId: 'unit_leader@d02', actorRole: 'unit_leader', data: { unitId: 'd02-s03' } });
    });
    // The copy lets the district follow and push, not handle: signing for it is the street's.
    expect((await stack.http('POST', `/v1/cases/${id}/accept`, {}, districtLeader)).status).toBe(403);
    expect((await stack.http('GET', `/v1/cases/${id}`, undefined, asUnit('d01', 'unit_leader'))).status).toBe(404);
  });

  it('copies nobody for a community or a department', async () => {
    for (const unitId of ['d01-s01-c01', 'dept-cg']) {
      const id = await openCase(stack);
      expect((await act(stack, id, 'dispatch', { unitId })).copiedUnitIds).toEqual([]);
    }
  });
});

describe('triage outcomes at intake', () => {
  const outcomes = [
    { outcome: 'consultation', note: '已告知办理居住证所需材料' },
    { outcome: 'emergency_transfer', service: '119', note: '已转119' },
    { outcome: 'referred', referredTo: '劳动人事争议仲裁委员会', note: '劳动争议请申请仲裁' },
    { outcome: 'out_of_scope', note: '属于民事纠纷，建议协商或诉讼' },
  ];

  for (const triage of outcomes) {
    it(`${triage.outcome}: recorded and closed with its outcome, never dispatched`, async () => {
      const opened = await stack.http('POST', '/v1/cases', complaint({ triage }));
      expect(opened.status, JSON.stringify(opened.body)).toBe(201);
      expect(opened.body).toMatchObject({ status: 'closed', outcome: triage.outcome, unitId: null, triage, dispatches: [] });
      const id = opened.body.id as string;
      await eventually(async () => {
        expect((await timeline(id)).map((e) => e.type)).toEqual(['received', 'triaged', 'closed']);
        expect(await row(id)).toMatchObject({ status: 'closed', outcome: triage.outcome, triage, dispatchCount: 0 });
      });
      expect(await get(id)).toMatchObject({ status: 'closed', outcome: triage.outcome });
    });
  }

  it('repeat: linked to the existing case and answered with its progress', async () => {
    const earlier = await openCase(stack);
    await act(stack, earlier, 'dispatch', { unitId: 'd01-s01' });
    const opened = await stack.http('POST', '/v1/cases', complaint({ triage: { outcome: 'repeat', linkedCaseId: earlier, note: '同一问题已在办理中' } }));
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(opened.body).toMatchObject({ status: 'closed', outcome: 'repeat', triage: { linkedCaseId: earlier, linkedStatus: 'dispatched' } });
    await eventually(async () => expect(await row(opened.body.id)).toMatchObject({ linkedCaseId: earlier, outcome: 'repeat' }));
  });

  it('names the missing or wrong field: a repeat of no case, an emergency transfer without a service', async () => {
    const unknown = await stack.http('POST', '/v1/cases', complaint({ triage: { outcome: 'repeat', linkedCaseId: 'HL0000000000000000', note: 'x' } }));
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'unknown_reference', errors: [{ field: 'body.triage.linkedCaseId' }] });
    const noService = await stack.http('POST', '/v1/cases', complaint({ triage: { outcome: 'emergency_transfer', note: 'x' } }));
    expect(noService.status).toBe(400);
    expect(noService.body.errors).toEqual([{ field: 'body.triage.service', reason: expect.any(String) }]);
  });

  it('a dispatcher can answer a returned case at triage instead of dispatching it again', async () => {
    const id = await openCase(stack);
    await act(stack, id, 'dispatch', { unitId: 'd01-s01' });
    await act(stack, id, 'return', { reason: 'insufficient_information', note: '诉求不明确' });
    const triaged = await stack.http('POST', `/v1/cases/${id}/triage`, { outcome: 'consultation', note: '回电解释政策' }, stack.as(['dispatcher'], 'd01'));
    expect(triaged.status, JSON.stringify(triaged.body)).toBe(200);
    expect(triaged.body).toMatchObject({ status: 'closed', outcome: 'consultation' });
  });
});

describe('return (退单)', () => {
  it('inside the window: back to dispatch, with the reason on the dispatch history', async () => {
    const id = await openCase(stack);
    const dispatched = await act(stack, id, 'dispatch', { unitId: 'd01-s01' });
    expect(Date.parse(dispatched.returnDueAt) - Date.parse(dispatched.dispatches[0].at)).toBe(5_000);
    const returned = await act(stack, id, 'return', { reason: 'not_our_duty', note: '属于住建部门职责' });
    expect(returned).toMatchObject({ status: 'returned', unitId: null, returnCount: 1, returnDueAt: null });
    expect(returned.dispatches[0]).toMatchObject({ unitId: 'd01-s01', returnReason: 'not_our_duty', returnedAt: expect.any(String) });
  });

  it('outside the window: 409 with the state and when the window closed', async () => {
    const id = await openCase(stack);
    const dispatched = await act(stack, id, 'dispatch', { unitId: 'd01-s01' });
    await new Promise((r) => setTimeout(r, Date.parse(dispatched.returnDueAt) - Date.now() + 500));
    const late = await stack.http('POST', `/v1/cases/${id}/return`, { reason: 'not_our_duty', note: '太晚了' });
    expect(late.status, JSON.stringify(late.body)).toBe(409);
    expect(late.body).toMatchObject({ code: 'invalid_transition', state: 'dispatched', returnDueAt: dispatched.returnDueAt });
    expect((await get(id)).status).toBe('dispatched');
  });

  it('a re-handled case went back to the unit that handled it: that unit may not return it (409), at any time', async () => {
    const id = await openCase(stack);
    await driveTo(stack, id, 'replied'); // at d01-s01
    const rehandled = await act(stack, id, 'callback', { contacted: true, resolved: false, satisfaction: 'unsatisfied' });
    expect(rehandled).toMatchObject({ status: 'dispatched', round: 2, unitId: 'd01-s01', returnDueAt: null });
    expect(rehandled.dispatches.at(-1)).toMatchObject({ kind: 'rehandling', unitId: 'd01-s01', round: 2 });
    const refused = await stack.http('POST', `/v1/cases/${id}/return`, { reason: 'not_our_duty', note: '不属于本单位' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body).toMatchObject({ code: 'invalid_transition', state: 'dispatched', round: 2, returnDueAt: null });
    expect(refused.body.detail).toMatch(/re-handling/);
    // Signed for, later than any window: still its to handle.
    await act(stack, id, 'accept');
    await new Promise((r) => setTimeout(r, 5_500));
    expect((await stack.http('POST', `/v1/cases/${id}/return`, { reason: 'wrong_area', note: '再退' })).status).toBe(409);
    expect(await get(id)).toMatchObject({ status: 'accepted', unitId: 'd01-s01', returnCount: 0 });
  });

  it('no return window in the policy for the class: the case cannot be returned (409 says so); a supervisor reassigns it', async () => {
    // 业主委员会 is a complex matter: this file's policy gives complex cases no return window.
    const id = await openCase(stack, placedAt('property.committee', 'd01-s01-c01'));
    const dispatched = await act(stack, id, 'dispatch', { unitId: 'd01-s01' });
    expect(dispatched.returnDueAt).toBeNull();
    const refused = await stack.http('POST', `/v1/cases/${id}/return`, { reason: 'not_our_duty', note: '不属于本单位' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body).toMatchObject({ code: 'invalid_transition', state: 'dispatched', returnDueAt: null, policyVersion: dispatched.policyVersion });
    expect(refused.body.detail).toMatch(/no return window/);
    const supervisor = stack.as(['supervisor'], 'd01', 'supervisor@d01');
    expect((await stack.http('POST', `/v1/cases/${id}/reassign`, { unitId: 'd01-s02', reason: '属地调整' }, supervisor)).status).toBe(202);
    await eventually(async () => expect(await get(id)).toMatchObject({ unitId: 'd01-s02', returnCount: 0 }));
  });

  it('needs a reason from the list and a note', async () => {
    const id = await openCase(stack);
    await act(stack, id, 'dispatch', { unitId: 'd01-s01' });
    const bad = await stack.http('POST', `/v1/cases/${id}/return`, { reason: 'too_busy', note: '忙' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'body.reason', reason: expect.any(String) }]);
  });
});

describe('designation after repeated failed dispatches', () => {
  it('the 4th dispatch designates; the designated unit may not return it (409)', async () => {
    const id = await openCase(stack);
    for (const unitId of ['d01-s01', 'd01-s02', 'd01-s03']) {
      await act(stack, id, 'dispatch', { unitId });
      await act(stack, id, 'return', { reason: 'not_our_duty', note: `${unitId} 认为不属于本单位` });
    }
    const designated = await act(stack, id, 'dispatch', { unitId: 'd01-s04', note: '指定办理' });
    expect(designated).toMatchObject({ designatedUnitId: 'd01-s04', returnDueAt: null, dispatchCount: 4, returnCount: 3 });
    expect(designated.dispatches.map((d: { kind: string }) => d.kind)).toEqual(['dispatch', 'dispatch', 'dispatch', 'designation']);
    expect(designated.dispatches.filter((d: { returnedAt?: string }) => d.returnedAt)).toHaveLength(3);

    const refused = await stack.http('POST', `/v1/cases/${id}/return`, { reason: 'not_our_duty', note: '仍不属于本单位' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body).toMatchObject({ code: 'invalid_transition', state: 'dispatched', designatedUnitId: 'd01-s04' });
    await eventually(async () => {
      const r = await row(id);
      expect(r).toMatchObject({ designatedUnitId: 'd01-s04', dispatchCount: 4, returnCount: 3 });
      expect(r.dispatchHistory).toHaveLength(4);
      expect((await timeline(id)).filter((e) => e.type === 'dispatched').at(-1)!.data).toMatchObject({ kind: 'designation', designated: true, failedDispatches: 3 });
    });
  });
});

describe('joint handling (主办 + 协办)', () => {
  it('each cooperating unit signs for and reports its part; a late one is flagged and told; the lead replies once all reported', async () => {
    const id = await openCase(stack);
    const dispatched = await act(stack, id, 'dispatch', { unitId: 'd01-s01', cooperating: ['dept-cg', 'dept-zj'] });
    expect(dispatched.cooperation.map((p: { unitId: string; status: string }) => [p.unitId, p.status])).toEqual([
      ['dept-cg', 'pending'],
      ['dept-zj', 'pending'],
    ]);
    expect(dispatched.owing).toEqual(['dept-cg', 'dept-zj']);
    await eventually(async () => {
      const requests = (await notices(id)).filter((n) => n.kind === 'cooperation_request').map((n) => n.unitId);
      expect(requests.sort()).toEqual(['dept-cg', 'dept-zj']);
    });

    // A cooperating unit sees the case in its list and acts on its part, and only on its part.
    const cg = asUnit('dept-cg');
    expect((await stack.http('GET', '/v1/cases?limit=200', undefined, cg)).body.items.map((c: { id: string }) => c.id)).toContain(id);
    expect((await stack.http('POST', `/v1/cases/${id}/report`, { content: '还没签收就汇报' }, cg)).status).toBe(409);
    expect((await stack.http('POST', `/v1/cases/${id}/cooperate`, { note: '城管局签收协办' }, cg)).status).toBe(200);
    expect((await stack.http('POST', `/v1/cases/${id}/cooperate`, {}, cg)).status).toBe(409);
    expect((await stack.http('POST', `/v1/cases/${id}/accept`, {}, cg)).status).toBe(403);
    const reported = await stack.http('POST', `/v1/cases/${id}/report`, { content: '已清理占道堆放物' }, cg);
    expect(reported.status, JSON.stringify(reported.body)).toBe(200);
    expect(reported.body.owing).toEqual(['dept-zj']);
    // A unit with no part is not let in.
    expect((await stack.http('POST', `/v1/cases/${id}/cooperate`, {}, asUnit('dept-jt'))).status).toBe(404);

    // The lead works the case but cannot reply while a part is owed.
    await act(stack, id, 'accept');
    await act(stack, id, 'contact', { method: 'phone' });
    const early = await stack.http('POST', `/v1/cases/${id}/reply`, { content: '已处理', resolved: true });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ state: 'contacted', owing: ['dept-zj'] });

    // dept-zj signs for its part but lets its deadline pass: it and the lead are told.
    const zj = asUnit('dept-zj');
    expect((await stack.http('POST', `/v1/cases/${id}/cooperate`, {}, zj)).status).toBe(200);
    await eventually(async () => {
      expect((await timeline(id)).find((e) => e.type === 'cooperation_overdue')).toMatchObject({ actorId: 'system', data: { unitId: 'dept-zj' } });
      const overdue = (await notices(id)).filter((n) => n.kind === 'cooperation_overdue').map((n) => [n.unitId, n.recipient]);
      expect(overdue.sort()).toEqual([
        ['d01-s01', 'handler'],
        ['dept-zj', 'principal_leader'],
      ]);
    }, 15_000);
    const late = await stack.http('POST', `/v1/cases/${id}/report`, { content: '已核查施工许可' }, zj);
    expect(late.status).toBe(200);
    expect(late.body.cooperation.find((p: { unitId: string }) => p.unitId === 'dept-zj')).toMatchObject({ status: 'reported', late: true, overdueAt: expect.any(String) });
    expect(late.body.owing).toEqual([]);

    const replied = await act(stack, id, 'reply', { content: '会同城管、住建处理完毕', resolved: true });
    expect(replied.status).toBe('replied');
    await eventually(async () => expect((await row(id)).cooperatingUnitIds).toEqual(['dept-cg', 'dept-zj']));
  });

  it('refuses a lead that also cooperates, and an unknown cooperating unit names its field', async () => {
    const id = await openCase(stack);
    const same = await stack.http('POST', `/v1/cases/${id}/dispatch`, { unitId: 'd01-s01', cooperating: ['d01-s01'] });
    expect(same.status).toBe(409);
    const unknown = await stack.http('POST', `/v1/cases/${id}/dispatch`, { unitId: 'd01-s01', cooperating: ['dept-cg', 'no-such-unit'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'body.cooperating.1', reason: expect.any(String) }]);
  });
});

describe('clock owners: warnings go to whoever answers for the clock', () => {
  const WARNINGS = ['yellow_warning', 'red_warning', 'urging', 'escalation', 'overdue_notice'];

  it("the callback is the 12345 centre's duty: its warnings, urging and overdue ladder go to the centre; the unit is not escalated", async () => {
    // 停水 is a utilities matter: its callback runs out 2 s after the reply in this file's policy.
    const id = await openCase(stack, placedAt('utility.water.outage', 'd01-s01-c01'));
    await driveTo(stack, id, 'replied');
    await eventually(async () => {
      const steps = (await timeline(id)).filter((e) => e.type === 'overdue_step');
      expect(steps.map((e) => [(e.data as { clock: string }).clock, (e.data as { step: number }).step, (e.data as { owner: string }).owner])).toEqual([
        ['callback', 1, 'centre'],
        ['callback', 2, 'centre'],
      ]);
    }, 20_000);
    const sent = (await notices(id)).filter((n) => WARNINGS.includes(n.kind));
    expect(sent.map((n) => [n.kind, n.recipient, n.unitId])).toEqual([
      ['yellow_warning', 'deputy_leader', 'hotline-centre'],
      ['red_warning', 'principal_leader', 'hotline-centre'],
      ['urging', 'handler', 'hotline-centre'],
      ['escalation', 'supervising_leader', 'hotline-centre'],
      ['escalation', 'city', 'hotline-centre'],
      ['overdue_notice', 'city', 'hotline-centre'],
    ]);
    const warnings = (await timeline(id)).filter((e) => e.type === 'warning_raised').map((e) => e.data);
    expect(warnings).toEqual([
      expect.objectContaining({ clock: 'callback', level: 'yellow', unitId: 'hotline-centre', owner: 'centre' }),
      expect.objectContaining({ clock: 'callback', level: 'red', unitId: 'hotline-centre', owner: 'centre' }),
    ]);
    // The handling unit was not pushed up the ladder for the centre's lateness.
    expect(await get(id)).toMatchObject({ status: 'replied', unitId: 'd01-s01', escalationLevel: 0, warningLevel: 'red' });
    // The centre's leaders are people of the org tree.
    const data = await createRecipientLoader(stack.database.db).load(sent);
    expect(sent.map((n) => { const r = resolveRecipient(n, data.cases.get(id), data.units); return r.ok ? r.to.name : r.error; })).toEqual([
      '副主任 程晓燕',
      '主任 贺建新',
      '临江市12345政务服务便民热线中心',
      '市长 王建国',
      '市长 王建国',
      '市长 王建国',
    ]);
  });

  it("the ladder's first step goes to the supervising level of the unit that has the case: a community's street, a department's city", async () => {
    // traffic.parking.firelane is `urgent`: its sign-for runs out after 2 s.
    const atCommunity = await openCase(stack, placedAt('traffic.parking.firelane', 'd01-s01-c01'));
    const atDepartment = await openCase(stack, placedAt('traffic.parking.firelane', 'd02-s01-c01'));
    await act(stack, atCommunity, 'dispatch', { unitId: 'd01-s01-c01' });
    await act(stack, atDepartment, 'dispatch', { unitId: 'dept-gaj' });
    for (const [id, unit, above, leader] of [
      [atCommunity, 'd01-s01-c01', 'd01-s01', '主任 邓子明'],
      [atDepartment, 'dept-gaj', 'city', '市长 王建国'],
    ] as const) {
      const step = await eventually(async () => {
        const n = (await notices(id)).find((x) => x.kind === 'escalation');
        expect(n).toMatchObject({ recipient: 'supervising_leader', unitId: unit });
        return n!;
      }, 20_000);
      const data = await createRecipientLoader(stack.database.db).load([step]);
      expect(resolveRecipient(step, data.cases.get(id), data.units)).toMatchObject({ ok: true, to: { unitId: above, name: leader } });
    }
  });
});

describe('supervision', () => {
  it('escalate, urge and reassign are on the timeline with their actors, and in the search attributes', async () => {
    const id = await openCase(stack);
    await act(stack, id, 'dispatch', { unitId: 'd01-s01' });
    const supervisor = stack.as(['supervisor'], 'd01', 'supervisor@d01');
    const before = await get(id);

    expect((await stack.http('POST', `/v1/cases/${id}/escalate`, { reason: '群众反映强烈', level: 2 }, supervisor)).status).toBe(202);
    expect((await stack.http('POST', `/v1/cases/${id}/urge`, { note: '请今日内签收' }, supervisor)).status).toBe(202);
    expect((await stack.http('POST', `/v1/cases/${id}/reassign`, { unitId: 'd01-s02', reason: '属地调整' }, supervisor)).status).toBe(202);

    const after = await eventually(async () => {
      const view = await get(id);
      expect(view).toMatchObject({ escalationLevel: 2, unitId: 'd01-s02', reassignCount: 1, status: 'dispatched', copiedUnitIds: ['d01'] });
      return view;
    });
    // Reassignment restarts sign-for and goes on the dispatch history.
    expect(Date.parse(after.clocks.signFor.startedAt)).toBeGreaterThan(Date.parse(before.clocks.signFor.startedAt));
    expect(after.dispatches.map((d: { kind: string; unitId: string }) => [d.kind, d.unitId])).toEqual([
      ['dispatch', 'd01-s01'],
      ['reassignment', 'd01-s02'],
    ]);
    await eventually(async () => {
      const events = (await timeline(id)).filter((e) => ['escalated', 'urged', 'reassigned'].includes(e.type));
      expect(events.map((e) => [e.type, e.actorId])).toEqual([
        ['escalated', 'supervisor@d01'],
        ['urged', 'supervisor@d01'],
        ['reassigned', 'supervisor@d01'],
      ]);
      expect(events[0]!.data).toMatchObject({ from: 0, to: 2, reason: '群众反映强烈' });
      expect(events[2]!.data).toMatchObject({ from: 'd01-s01', to: 'd01-s02', reason: '属地调整' });
      expect((await notices(id)).map((n) => n.kind)).toEqual(expect.arrayContaining(['escalation', 'urging']));
    });
    await eventually(async () => expect(await searchIds(`EscalationLevel = 2 AND AssignedUnit = 'd01-s02'`)).toContain(id));
  });

  it('escalates by itself up the overdue ladder, with the city-level notice at the last step', async () => {
    // traffic.parking.firelane is `urgent`: its sign-for runs out after 2 s, the ladder steps 1 s and 2 s later.
    const id = await openCase(stack, placedAt('traffic.parking.firelane', 'd01-s01-c01'));
    await act(stack, id, 'dispatch', { unitId: 'd01-s01' });
    await eventually(async () => {
      const escalations = (await timeline(id)).filter((e) => e.type === 'escalated');
      expect(escalations.map((e) => [e.actorId, (e.data as { to: number }).to, (e.data as { automatic: boolean }).automatic])).toEqual([
        ['system', 2, true],
        ['system', 3, true],
      ]);
      expect((await notices(id)).filter((n) => n.kind === 'overdue_notice').map((n) => n.recipient)).toEqual(['city']);
    }, 20_000);
    expect((await get(id)).escalationLevel).toBe(3);
    await eventually(async () => expect(await searchIds(`EscalationLevel = 3`)).toContain(id));
  });
});
