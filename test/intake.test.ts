/**
 * Intake that real channels need (issue 15, items 8–10), through the HTTP API against the real stack:
 * - complaints without a named complainant (anonymous calls, grid workers' finds, monitoring items, letters without
 *   a phone): accepted; nobody to reach means no acceptance notice, no contact step, no callback, outcome no_contact;
 * - when the complaint was received (receivedAt): checked against the policy, recorded with who said so, and the
 *   clocks that start at intake count from it, warnings already due firing at once;
 * - the deadline preview: GET /v1/calendars/:region/deadline-preview, which answers what a case's clock would say.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, notifications } from '../db/schema.js';
import { defaultCasePolicy, defaultPolicyDocument } from '../db/seed-policy.js';
import { addWorkingDays } from '../domain/calendar.rules.js';
import { act, eventually } from './support/cases.js';
import { demoComplaint } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

const MIN = 60_000;
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const cal = defaultCasePolicy.calendar;

/** General cases sign for within 10 minutes here (wall clock), so a late hand-over is visibly late; the rest is the default. */
const clocks = { ...defaultPolicyDocument.clocks, general: { ...defaultPolicyDocument.clocks.general, signFor: { amount: 10, unit: 'minutes' as const } } };

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({
    name: 'intake',
    policy: { clocks },
    // Sanitation cases in district d01 go to the street of their place at intake: their clocks start when they open.
    dispatchRules: [{ id: 'r-sanitation', categoryId: 'sanitation', areaUnitId: 'd01', unitId: null, unitType: 'street', note: null, active: true }],
    // As in production: an anonymous complaint must pass through the repeat matcher too.
    repeats: true,
  });
});
afterAll(async () => stack?.close());

const agent = () => stack.as('intake_agent', 'city', 'agent-42');
let serial = 0;
/** A complaint of its own: a phone and a community no other test in this file uses (the repeat matcher is on). */
function fresh(over: Record<string, unknown> = {}) {
  serial += 1;
  return demoComplaint({ complainant: { name: '王五', phone: `1390000${String(1000 + serial)}` }, ...over });
}
async function open(body: Record<string, unknown>, headers = agent()) {
  const res = await stack.http('POST', '/v1/cases', body, headers);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const rowOf = async (id: string) => (await stack.database.db.select().from(cases).where(eq(cases.id, id)))[0];
const acceptanceNotices = (id: string) =>
  stack.database.db.select().from(notifications).where(and(eq(notifications.caseId, id), eq(notifications.kind, 'acceptance')));
const events = async (id: string) => (await stack.http('GET', `/v1/cases/${id}/events`, undefined, stack.as('supervisor'))).body.items as Array<{ type: string; data: any; actor: any }>;

function expectProblem(res: { status: number; body: any; headers: Record<string, unknown> }, status: number, field: string, reason?: RegExp) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  const error = (res.body.errors as Array<{ field: string; reason: string }> | undefined)?.find((e) => e.field === field);
  expect(error, JSON.stringify(res.body)).toBeDefined();
  if (reason) expect(error!.reason).toMatch(reason);
}

describe('complaints without a named complainant', () => {
  const gridFind = {
    title: '人行道井盖缺失',
    description: '网格巡查发现人行道井盖缺失，存在安全隐患',
    categoryId: 'traffic.road',
    channel: 'grid_worker',
    location: { address: '江城区城关街道桂花社区第一网格', areaUnitId: 'd01-s01-c01-g01' },
  };

  it('a grid worker’s find opens with nobody to reach: no acceptance notice, no code to resend', async () => {
    const opened = await open(gridFind);
    expect(opened).toMatchObject({ channel: 'grid_worker', complainant: { name: null, phone: null }, noContact: true, status: 'received' });
    const id = opened.id as string;
    // Masked views have nothing to mask.
    const seen = (await stack.http('GET', `/v1/cases/${id}`, undefined, stack.as('analyst'))).body;
    expect(seen).toMatchObject({ piiMasked: true, noContact: true, complainant: { name: null, phone: null } });
    const listed = await eventually(async () => {
      const items = (await stack.http('GET', '/v1/cases?limit=200', undefined, stack.as('analyst'))).body.items as Array<{ id: string }>;
      const item = items.find((i) => i.id === id);
      expect(item).toBeDefined();
      return item;
    });
    expect(listed).toMatchObject({ noContact: true, complainant: { name: null, phone: null } });

    // Recorded, without a complainant and without a notice to nobody; a case with a phone gets its notice.
    const withPhone = await open(fresh({ location: { areaUnitId: 'd02-s02-c02' } }));
    await eventually(async () => expect(await acceptanceNotices(withPhone.id)).toHaveLength(1));
    await eventually(async () => expect(await rowOf(id)).toMatchObject({ noContact: true, complainantName: null, complainantPhone: null }));
    expect(await acceptanceNotices(id)).toEqual([]);
    const [received] = await events(id);
    expect(received).toMatchObject({ type: 'received', data: { channel: 'grid_worker', noContact: true } });

    // There is no phone to send the verification code to.
    const resend = await stack.http('POST', `/v1/cases/${id}/verification-code/resend`, undefined, agent());
    expect(resend.status, JSON.stringify(resend.body)).toBe(409);
    expect(resend.body).toMatchObject({ code: 'invalid_transition', noContact: true });
  });

  it('the unit signs for it and replies without a contact step; it closes as no_contact, with no callback and no wait for a rating', async () => {
    const id = (await open({ ...gridFind, location: { areaUnitId: 'd01-s01-c01-g02' } })).id as string;
    await act(stack, id, 'dispatch', { unitId: 'd01-s01' });
    const accepted = await act(stack, id, 'accept');
    expect(accepted.clocks.contact).toBeUndefined();
    const contact = await stack.http('POST', `/v1/cases/${id}/contact`, { method: 'phone' });
    expect(contact.status).toBe(409);
    expect(contact.body).toMatchObject({ code: 'invalid_transition', state: 'accepted', noContact: true });
    expect(contact.body.detail).toMatch(/nobody to contact/);

    const replied = await act(stack, id, 'reply', { content: '已补装井盖', resolved: true });
    expect(replied).toMatchObject({ status: 'closed', outcome: 'no_contact', noContact: true });
    expect(replied.clocks.callback).toBeUndefined();
    expect(replied.clocks.reply).toMatchObject({ result: 'met' });
    await act(stack, id, 'callback', { contacted: true, resolved: true, satisfaction: 'satisfied' }, 409);

    // No rating can come (domain/case.intake.test.ts: the rating window waits for nobody); the workflow stays only
    // for the repeat window, as any closed case may become the master of a repeat (issue 15, item 6).
    await eventually(async () => expect(await rowOf(id)).toMatchObject({ status: 'closed', outcome: 'no_contact', noContact: true }));
    const closed = (await events(id)).find((e) => e.type === 'closed');
    expect(closed?.data).toEqual({ outcome: 'no_contact', round: 1, callback: 'not_reachable', resolved: true });
  });

  it('a letter with a name but no phone: the name is personal data like any, and nobody can be reached', async () => {
    const letter = await open({ ...gridFind, channel: 'letter', complainant: { name: '李四光' }, location: { address: '江城区城关街道桂花社区5栋', areaUnitId: 'd01-s01-c02' } });
    const id = letter.id as string;
    expect(letter).toMatchObject({ noContact: true, complainant: { name: '李四光', phone: null } });
    await act(stack, id, 'dispatch', { unitId: 'd01-s01' });
    const handler = (await stack.http('GET', `/v1/cases/${id}`, undefined, stack.as('unit_handler', 'd01-s01'))).body;
    expect(handler).toMatchObject({ piiMasked: false, complainant: { name: '李四光', phone: null } });
    const analyst = (await stack.http('GET', `/v1/cases/${id}`, undefined, stack.as('analyst'))).body;
    expect(analyst).toMatchObject({ piiMasked: true, complainant: { name: '李**', phone: null } });
  });

  it('an anonymous caller whose number the telephony system has is reachable: notice, contact step and callback as usual', async () => {
    const opened = await open({ ...fresh(), complainant: { phone: '13900009999' }, location: { areaUnitId: 'd02-s01-c02' } });
    const id = opened.id as string;
    expect(opened).toMatchObject({ noContact: false, complainant: { name: null, phone: '13900009999' } });
    await eventually(async () => expect(await acceptanceNotices(id)).toHaveLength(1));
    await act(stack, id, 'dispatch', { unitId: 'd02-s01' });
    await act(stack, id, 'accept');
    await act(stack, id, 'reply', { content: '已处理', resolved: true }, 409);
    const analyst = (await stack.http('GET', `/v1/cases/${id}`, undefined, stack.as('analyst'))).body;
    expect(analyst.complainant).toEqual({ name: null, phone: '139****9999' });
  });

  it('refuses a complainant that names nobody and bad contact details, naming the field', async () => {
    expectProblem(await stack.http('POST', '/v1/cases', { ...gridFind, complainant: {} }, agent()), 400, 'body.complainant', /name or a phone/);
    expectProblem(await stack.http('POST', '/v1/cases', { ...gridFind, complainant: { phone: '不详' } }, agent()), 400, 'body.complainant.phone');
    expectProblem(await stack.http('POST', '/v1/cases', { ...gridFind, complainant: { name: '' } }, agent()), 400, 'body.complainant.name');
    expectProblem(await stack.http('POST', '/v1/cases', { ...gridFind, channel: 'pigeon' }, agent()), 400, 'body.channel');
  });

  it('repeat matching: no phone matches no complainant, while the same place still links', async () => {
    const monitoring = { title: '无证摊点', description: '舆情监测：湖滨街道出现无照经营摊点', categoryId: 'market.license', channel: 'opinion_monitoring' };
    const first = await open({ ...monitoring, location: { areaUnitId: 'd02-s02-c01' } });
    await eventually(async () => expect(await rowOf(first.id)).toBeDefined());
    // Another anonymous item elsewhere: two missing phones are not the same complainant.
    const elsewhere = await open({ ...monitoring, location: { areaUnitId: 'd02-s01-c01' } });
    expect(elsewhere.masterCaseId).toBeNull();
    // The same place: a repeat of the first.
    const samePlace = await open({ ...monitoring, location: { areaUnitId: 'd02-s02-c01' } });
    expect(samePlace.masterCaseId).toBe(first.id);
  });
});

describe('when the complaint was received', () => {
  /** A sanitation complaint in d01: the catalogue sends it to its street at intake, so its clocks start at once. */
  const late = (receivedAt: number | string, over: Record<string, unknown> = {}) =>
    fresh({ categoryId: 'sanitation.garbage.overflow', location: { areaUnitId: 'd01-s02-c01' }, receivedAt: typeof receivedAt === 'number' ? iso(receivedAt) : receivedAt, ...over });

  it('counts the clocks from receivedAt on the calendar, keeps createdAt apart and records who said so', async () => {
    const receivedAt = Date.now() - 2 * HOUR;
    const opened = await open(late(receivedAt));
    const id = opened.id as string;
    expect(opened).toMatchObject({ status: 'dispatched', unitId: 'd01-s02', receivedAt: iso(receivedAt), receivedAtStatedBy: { id: 'agent-42', role: 'intake_agent' } });
    expect(Date.parse(opened.createdAt)).toBeGreaterThan(receivedAt + HOUR);
    expect(opened.clocks.signFor).toMatchObject({ startedAt: iso(receivedAt), dueAt: iso(receivedAt + 10 * MIN) });
    // 5 working days on the official calendar, from the moment it was received.
    expect(opened.clocks.reply).toMatchObject({ startedAt: iso(receivedAt), dueAt: iso(addWorkingDays(receivedAt, 5, cal)) });

    // The workflow has the same, and sign-for was overdue before the case opened: red at once, not in 10 minutes.
    const red = await eventually(async () => {
      const got = (await stack.http('GET', `/v1/cases/${id}`)).body;
      expect(got.warningLevel).toBe('red');
      return got;
    }, 15_000);
    expect(red.clocks.signFor.startedAt).toBe(iso(receivedAt));
    expect(Date.parse(red.clocks.signFor.redFiredAt) - Date.parse(red.createdAt)).toBeLessThan(MIN);
    expect(red.clocks.reply.dueAt).toBe(opened.clocks.reply.dueAt);

    const [received] = await events(id);
    expect(received).toMatchObject({ type: 'received', actor: { id: 'agent-42', role: 'intake_agent' }, data: { receivedAt: iso(receivedAt), receivedAtStatedBy: { id: 'agent-42', role: 'intake_agent' } } });
    await eventually(async () => {
      const row = await rowOf(id);
      expect(row?.receivedAt.toISOString()).toBe(iso(receivedAt));
      expect(row?.receivedAtStatedBy).toEqual({ id: 'agent-42', role: 'intake_agent' });
      // The acceptance as the workflow recorded it: the instant the API answered with (the start's openedAt).
      expect(row?.createdAt.toISOString()).toBe(red.createdAt);
      expect(row?.createdAt.toISOString()).toBe(opened.createdAt);
    });
    // The record answers the same once the workflow is gone (db/case.rows.ts, api/cases.presenter.ts).
    const fromRecord = await stack.http('GET', '/v1/cases?limit=200', undefined, stack.as('analyst'));
    expect(fromRecord.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ receivedAt: iso(receivedAt), noContact: false });
  });

  it('a warning already due when the case opens fires at once: yellow at 8 of 10 minutes', async () => {
    const opened = await open(late(Date.now() - 8 * MIN));
    const yellow = await eventually(async () => {
      const got = (await stack.http('GET', `/v1/cases/${opened.id}`)).body;
      expect(got.warningLevel).toBe('yellow');
      return got;
    }, 15_000);
    expect(Date.parse(yellow.clocks.signFor.yellowFiredAt) - Date.parse(yellow.createdAt)).toBeLessThan(MIN);
    expect(yellow.clocks.signFor.redFiredAt).toBeUndefined();
  });

  it('without receivedAt the case was received when it opened, stated by nobody', async () => {
    const opened = await open(fresh({ categoryId: 'sanitation.garbage.overflow', location: { areaUnitId: 'd01-s02-c02' } }));
    expect(opened).toMatchObject({ receivedAt: opened.createdAt, receivedAtStatedBy: null });
    expect(opened.clocks.signFor.startedAt).toBe(opened.createdAt);
    const [received] = await events(opened.id);
    expect(received?.data).not.toHaveProperty('receivedAt');
  });

  it("the 201 is the workflow's first state: the same instant of acceptance, the same clocks and deadlines", async () => {
    const opened = await open(fresh({ categoryId: 'sanitation.garbage.overflow', location: { areaUnitId: 'd01-s02-c03' } }));
    const live = await stack.http('GET', `/v1/cases/${opened.id}`, undefined, agent());
    expect(live.status).toBe(200);
    expect(live.body.source).toBe('workflow');
    const first = (v: Record<string, unknown>) => {
      const { status, unitId, createdAt, updatedAt, receivedAt, clocks, replyDueAt, nextDueAt, returnDueAt, dispatches, warningLevel, seq } = v;
      return { status, unitId, createdAt, updatedAt, receivedAt, clocks, replyDueAt, nextDueAt, returnDueAt, dispatches, warningLevel, seq };
    };
    expect(first(live.body)).toEqual(first(opened));
    expect(opened.clocks.reply.dueAt).toBe(iso(addWorkingDays(Date.parse(opened.createdAt), 5, cal)));
    await eventually(async () => expect((await rowOf(opened.id))?.createdAt.toISOString()).toBe(opened.createdAt));
  });

  it('refuses a receivedAt in the future, older than the policy allows, or not an instant, naming the field and the reason', async () => {
    expectProblem(await stack.http('POST', '/v1/cases', late(Date.now() + 10 * MIN), agent()), 400, 'body.receivedAt', /future.*2 minutes of clock skew/);
    expectProblem(await stack.http('POST', '/v1/cases', late(Date.now() - 73 * HOUR), agent()), 400, 'body.receivedAt', /more than 72 hours ago/);
    expectProblem(await stack.http('POST', '/v1/cases', late('2026-13-01T10:00:00+08:00'), agent()), 400, 'body.receivedAt');
    expectProblem(await stack.http('POST', '/v1/cases', late('2026-11-16T10:00:00'), agent()), 400, 'body.receivedAt');
    expectProblem(await stack.http('POST', '/v1/cases', late('yesterday'), agent()), 400, 'body.receivedAt');
  });

  it('takes a time a little ahead (clock skew) without starting a clock in the future', async () => {
    const ahead = Date.now() + 30_000;
    const opened = await open(late(ahead));
    expect(opened.receivedAt).toBe(iso(ahead));
    expect(Date.parse(opened.clocks.signFor.startedAt)).toBeLessThanOrEqual(Date.parse(opened.createdAt));
  });

  it('a retried intake with the same key and receivedAt answers the same case', async () => {
    const body = late(Date.now() - 30 * MIN);
    const key = { ...agent(), 'idempotency-key': `late-${serial}` };
    const first = await stack.http('POST', '/v1/cases', body, key);
    expect(first.status).toBe(201);
    const again = await stack.http('POST', '/v1/cases', body, key);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, receivedAt: first.body.receivedAt });
  });
});

describe('the deadline preview', () => {
  const preview = (query: string, headers: Record<string, string> = stack.as('dispatcher', 'd01')) =>
    stack.http('GET', `/v1/calendars/CN/deadline-preview?${query}`, undefined, headers);
  const start = encodeURIComponent('2026-09-30T16:00:00+08:00');

  it('counts working days over National Day, with the holidays and the make-up day it crossed', async () => {
    const res = await preview(`start=${start}&amount=5&unit=working_days`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      region: 'CN',
      start: '2026-09-30T08:00:00.000Z',
      spec: { amount: 5, unit: 'working_days', endOfDay: false },
      counting: 'working_days',
      // Oct 8, 9, Sat Oct 10 (调休), 12, 13 at the start's time of day.
      dueAt: '2026-10-13T08:00:00.000Z',
      local: { start: '2026-09-30 16:00', dueAt: '2026-10-13 16:00' },
      crossed: { holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'], workdays: ['2026-10-10'] },
      coveredByCalendar: true,
      yellowRatio: 0.75,
      source: { kind: 'given' },
    });
    expect(Date.parse(res.body.yellowAt)).toBeGreaterThan(Date.parse(res.body.start));
    expect(Date.parse(res.body.yellowAt)).toBeLessThan(Date.parse(res.body.dueAt));
    const endOfDay = await preview(`start=${start}&amount=5&unit=working_days&endOfDay=true`);
    expect(endOfDay.body).toMatchObject({ dueAt: '2026-10-13T09:30:00.000Z', spec: { endOfDay: true }, local: { dueAt: '2026-10-13 17:30' } });
  });

  it('counts working hours inside working periods, and wall-clock lengths on the wall clock', async () => {
    // Fri 16:00 + 4 working hours: 1.5 h on Friday, then the make-up Sunday (Sep 20) 09:00–11:30.
    const hours = await preview(`start=${encodeURIComponent('2026-09-18T16:00:00+08:00')}&amount=4&unit=working_hours`);
    expect(hours.body).toMatchObject({ counting: 'working_hours', dueAt: '2026-09-20T03:30:00.000Z', crossed: { holidays: [], workdays: ['2026-09-20'] } });
    const wall = await preview(`start=${start}&amount=15&unit=minutes`);
    expect(wall.body).toMatchObject({ counting: 'wall_clock', dueAt: '2026-09-30T08:15:00.000Z', yellowAt: '2026-09-30T08:11:15.000Z', crossed: { holidays: [], workdays: [] } });
    // One day on the wall clock over the holiday: it lists what it runs through, which does not move it.
    const day = await preview(`start=${start}&amount=1&unit=days`);
    expect(day.body).toMatchObject({ counting: 'wall_clock', dueAt: '2026-10-01T08:00:00.000Z', crossed: { holidays: ['2026-10-01'] } });
  });

  it('takes a clock of the policy in force by deadline class or category, and answers what a case opened then shows', async () => {
    const byClass = await preview(`start=${start}&slaClass=general&clock=reply`);
    expect(byClass.body).toMatchObject({
      spec: { amount: 5, unit: 'working_days', endOfDay: false },
      source: { kind: 'policy', policyVersion: defaultPolicyDocument.version, slaClass: 'general', clock: 'reply' },
      dueAt: '2026-10-13T08:00:00.000Z',
    });
    // A case received two hours ago, dispatched by the catalogue: its clocks are what the preview says.
    const receivedAt = iso(Date.now() - 2 * HOUR);
    const opened = await open(fresh({ categoryId: 'sanitation.garbage.overflow', location: { areaUnitId: 'd01-s03-c01' }, receivedAt }));
    for (const clock of ['signFor', 'reply'] as const) {
      const p = await preview(`start=${encodeURIComponent(receivedAt)}&categoryId=sanitation.garbage.overflow&clock=${clock}`);
      expect(p.status, JSON.stringify(p.body)).toBe(200);
      expect(p.body.source).toMatchObject({ kind: 'policy', slaClass: 'general', clock });
      expect({ dueAt: p.body.dueAt, yellowAt: p.body.yellowAt }, clock).toEqual({ dueAt: opened.clocks[clock].dueAt, yellowAt: opened.clocks[clock].yellowAt });
    }
  });

  it('starts now when no start is given, and says when the calendar has no dates for the year it reaches', async () => {
    const before = Date.now();
    const now = await preview('amount=1&unit=hours');
    expect(Date.parse(now.body.start)).toBeGreaterThanOrEqual(before - 1_000);
    expect(Date.parse(now.body.dueAt) - Date.parse(now.body.start)).toBe(HOUR);
    const next = await preview(`start=${encodeURIComponent('2027-01-29T10:00:00+08:00')}&amount=5&unit=working_days`);
    expect(next.body).toMatchObject({ coveredByCalendar: false });
    expect(next.body.calendarYears).not.toContain(2027);
  });

  it('refuses what is not a clock, naming the field', async () => {
    expectProblem(await preview('unit=working_days'), 400, 'query.amount');
    expectProblem(await preview('amount=5'), 400, 'query.unit');
    expectProblem(await preview('amount=1.5&unit=working_days'), 400, 'query.amount', /whole number/);
    expectProblem(await preview('amount=300&unit=working_days'), 400, 'query.amount', /at most 260/);
    expectProblem(await preview('amount=0&unit=working_days'), 400, 'query.amount');
    expectProblem(await preview('amount=2&unit=hours&endOfDay=true'), 400, 'query.endOfDay');
    expectProblem(await preview('amount=5&unit=working_days&clock=reply&slaClass=general'), 400, 'query.clock', /either/);
    expectProblem(await preview(''), 400, 'query.amount');
    expectProblem(await preview('clock=reply'), 400, 'query.slaClass');
    expectProblem(await preview('slaClass=emergency&clock=callback'), 400, 'query.clock', /no callback clock for emergency/);
    expectProblem(await preview('categoryId=no.such.category&clock=reply'), 400, 'query.categoryId');
    expectProblem(await preview(`start=${encodeURIComponent('1999-12-31T10:00:00Z')}&amount=1&unit=days`), 400, 'query.start');
    expectProblem(await preview('start=tomorrow&amount=1&unit=days'), 400, 'query.start');
    const unknown = await stack.http('GET', '/v1/calendars/XX/deadline-preview?amount=1&unit=days', undefined, stack.as('dispatcher'));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'not_found' });
  });
});
