/**
 * Phone numbers typed into free text (issue 16, item 1), through HTTP against the real stack: a phone number goes
 * into every free-text field the API accepts — the complaint's title, description and address, triage notes and
 * referrals, every action's note, reason or content, the cooperating unit's report, the complainant's rating
 * comment — and every answer a masked reader gets is read back as each masked role: the case, its timeline, the
 * list, related cases, open repeat masters and the notices. None of them carries the number; the lead unit's
 * handler (who handles the case) reads every one of those fields in clear, which proves the number got in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../domain/access.js';
import { eventually } from './support/cases.js';
import { demoComplaint } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

/** The number, and how it is written into each field (plain, with dashes, with spaces: all are phone numbers). */
const PHONE = '13700007777';
const SPELLINGS = [PHONE, '137-0000-7777', '137 0000 7777'];
let n = 0;
/** Free text with the number in it, a different spelling each time, tagged so each field is told apart. */
const withPhone = (what: string) => `${what}：请回电 ${SPELLINGS[n++ % SPELLINGS.length]}`;
/** The digits of a body with every separator taken out: no spelling of the number survives this. */
const digitsOf = (body: unknown) => String(JSON.stringify(body)).replace(/[\s-]/g, '');

let stack: TestStack;
beforeAll(async () => {
  // Repeat linking on: every complaint here is the demo complaint, so the cases form one group whose master is
  // listed by GET /v1/repeats and whose members are each other's related cases.
  stack = await startStack({ name: 'privacy', repeats: true });
});
afterAll(async () => stack?.close());

const LEAD = 'd01-s01';
const COOPERATING = 'dept-cg';
const as = (role: StaffRole, unit: string) => stack.as(role, unit, `${role}@${unit}`);
const handler = () => as('unit_handler', LEAD);
const leader = () => as('unit_leader', LEAD);

async function post(id: string, path: string, body: unknown, headers: Record<string, string>, expected = 200) {
  const res = await stack.http('POST', `/v1/cases/${id}/${path}`, body, headers);
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(expected);
  return res.body;
}

async function open(over: Record<string, unknown> = {}): Promise<string> {
  const res = await stack.http('POST', '/v1/cases', demoComplaint(over), as('intake_agent', 'city'));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

/**
 * Who reads a case masked (none of them handles it): every city-wide reader, the district's dispatcher and
 * supervisor, the district the case is copied to (抄送), and the cooperating unit (协办), which sees the place but
 * not the complainant's contact. The callback agent reads it masked except while its callback is due.
 */
const MASKED_READERS: Array<[string, () => Record<string, string>]> = [
  ['intake_agent', () => as('intake_agent', 'city')],
  ['dispatcher', () => as('dispatcher', 'd01')],
  ['supervisor', () => as('supervisor', 'd01')],
  ['callback_agent', () => as('callback_agent', 'city')],
  ['reviewer', () => as('reviewer', 'city')],
  ['analyst', () => as('analyst', 'city')],
  ['admin', () => as('admin', 'city')],
  ['copied district handler', () => as('unit_handler', 'd01')],
  ['copied district leader', () => as('unit_leader', 'd01')],
  ['cooperating handler', () => as('unit_handler', COOPERATING)],
  ['cooperating leader', () => as('unit_leader', COOPERATING)],
];

/** Everything a reader can be answered about these cases, where its role reaches (403/404 answers carry nothing). */
async function everyAnswer(ids: string[], headers: Record<string, string>) {
  const urls = [
    ...ids.flatMap((id) => [`/v1/cases/${id}`, `/v1/cases/${id}/events`, `/v1/cases/${id}/related`]),
    '/v1/cases?limit=200',
    '/v1/repeats?limit=200',
    '/v1/notifications?limit=200',
  ];
  const answers: Array<{ url: string; status: number; body: unknown }> = [];
  for (const url of urls) {
    const res = await stack.http('GET', url, undefined, headers);
    expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
    answers.push({ url, status: res.status, body: res.body });
  }
  return answers;
}

async function expectNoPhoneForMaskedReaders(ids: string[], skip: readonly string[] = []) {
  for (const [who, headers] of MASKED_READERS) {
    if (skip.includes(who)) continue;
    const answers = await everyAnswer(ids, headers());
    // Each reader reaches at least the cases themselves (otherwise this would prove nothing about them).
    expect(answers.filter((a) => a.status === 200 && /^\/v1\/cases\/HL/.test(a.url)).length, who).toBeGreaterThan(0);
    for (const a of answers) {
      if (a.status !== 200) continue;
      expect(digitsOf(a.body), `${who} GET ${a.url}`).not.toContain(PHONE);
    }
  }
}

describe('a phone number typed into any free-text field', () => {
  it('is masked in every answer a masked reader gets, and in clear for the unit that handles the case', async () => {
    // The master of the group (opened first): its whole life, every field with a number in it.
    const main = await open({
      title: withPhone('夜间施工噪音'),
      description: withPhone('每晚22点后仍在施工'),
      location: { address: `江城区城关街道桂花社区3栋 ${PHONE}`, areaUnitId: 'd01-s01-c01' },
    });
    const dispatcher = as('dispatcher', 'd01');
    const cooperating = as('unit_handler', COOPERATING);
    // An action's answer is the case as its actor reads it: masked for a dispatcher and a cooperating unit.
    const dispatched = await post(main, 'dispatch', { unitId: LEAD, note: withPhone('派单备注'), cooperating: [COOPERATING] }, dispatcher);
    expect(dispatched.title).toMatch(/137\*{4}7777/);
    expect(digitsOf(dispatched)).not.toContain(PHONE);
    expect(digitsOf(await post(main, 'cooperate', { note: withPhone('协办签收') }, cooperating))).not.toContain(PHONE);
    await post(main, 'report', { content: withPhone('协办报告') }, cooperating);
    await post(main, 'accept', { note: withPhone('签收备注') }, handler());
    await post(main, 'contact', { method: 'phone', note: withPhone('联系备注') }, handler());
    await post(main, 'progress', { note: withPhone('办理进展') }, handler());
    await post(main, 'extension-requests', { days: 3, reason: withPhone('延期理由') }, handler());
    await post(main, 'extension-requests/decision', { approve: true, note: withPhone('延期审批') }, leader());
    const held = await post(main, 'hold', { reason: withPhone('挂账理由'), reviewDates: ['2099-01-01T00:00:00Z'] }, leader());
    expect(digitsOf(held.hold.reason)).toContain(PHONE);
    // The cooperating unit's part lasts for this round (re-handling starts a new one): its report is read now.
    expect(digitsOf(held.cooperation[0].report)).toContain(PHONE);
    // While on hold the hold reason is in the case: read it back now.
    await expectNoPhoneForMaskedReaders([main]);
    await post(main, 'resume', { note: withPhone('恢复办理') }, leader());
    await post(main, 'escalate', { reason: withPhone('督办理由') }, as('supervisor', 'd01'), 202);
    await post(main, 'urge', { note: withPhone('催办') }, as('supervisor', 'd01'), 202);
    await eventually(async () => {
      const types = (await stack.http('GET', `/v1/cases/${main}/events`, undefined, as('admin', 'city'))).body.items.map((e: { type: string }) => e.type);
      expect(types).toEqual(expect.arrayContaining(['escalated', 'urged']));
    });
    await post(main, 'reply', { content: withPhone('答复'), resolved: false }, handler());
    const rated = await stack.app.inject({
      method: 'POST',
      url: `/v1/public/cases/${main}/rating`,
      headers: { 'content-type': 'application/json', 'x-case-code': stack.caseCode(main) },
      payload: JSON.stringify({ satisfaction: 'unsatisfied', resolved: false, comment: withPhone('评价') }),
    });
    expect(rated.statusCode, rated.body).toBe(201);
    const callback = as('callback_agent', 'city');
    await post(main, 'callback', { outcome: 'no_answer', note: withPhone('回访未接通') }, callback);
    await post(main, 'callback', { outcome: 'reached', contacted: true, resolved: false, satisfaction: 'unsatisfied', note: withPhone('回访') }, callback);
    await post(main, 'dispute', { reason: withPhone('异议') }, leader());
    await post(main, 'review', { demandReasonable: false, handlingCompliant: true, reason: withPhone('评价意见') }, as('reviewer', 'city'));
    const ended = await post(main, 'terminate', { grounds: 'outside_law_and_policy', reason: withPhone('终止理由') }, as('reviewer', 'city'));
    expect(ended).toMatchObject({ status: 'closed', outcome: 'terminated' });
    expect(digitsOf(ended)).not.toContain(PHONE);

    // A return and a reassignment.
    const moved = await open();
    await post(moved, 'dispatch', { unitId: LEAD }, dispatcher);
    await post(moved, 'return', { reason: 'not_our_duty', note: withPhone('退单说明') }, handler());
    await post(moved, 'dispatch', { unitId: 'd01-s02' }, dispatcher);
    await post(moved, 'reassign', { unitId: LEAD, reason: withPhone('改派理由') }, as('supervisor', 'd01'), 202);
    // Triage at intake (a referral names the channel in free text) and later, by a dispatcher.
    const referred = await open({ triage: { outcome: 'referred', referredTo: withPhone('劳动仲裁'), note: withPhone('告知渠道') } });
    const answered = await open();
    await post(answered, 'triage', { outcome: 'consultation', note: withPhone('当场解答') }, dispatcher);

    const ids = [main, moved, referred, answered];
    await eventually(async () => {
      // The record has caught up with every case (lists, related cases and notices read it).
      for (const id of ids) {
        const events = (await stack.http('GET', `/v1/cases/${id}/events`, undefined, as('admin', 'city'))).body.items as unknown[];
        const live = (await stack.http('GET', `/v1/cases/${id}`, undefined, as('admin', 'city'))).body;
        expect(events).toHaveLength(live.seq);
      }
    });

    // The lead unit handles the main case: every field it was given reads back in clear.
    const lead = (await stack.http('GET', `/v1/cases/${main}`, undefined, handler())).body;
    expect(lead.piiMasked).toBe(false);
    const clearFields = {
      title: lead.title,
      description: lead.description,
      address: lead.location.address,
      extensionReason: lead.extensions[0].reason,
      extensionNote: lead.extensions[0].note,
      failedCallback: lead.callbackAttempts[0].note,
      callback: lead.callbackAttempts[1].note,
      rating: lead.rating.comment,
      review: lead.review.reason,
    };
    for (const [field, value] of Object.entries(clearFields)) expect(digitsOf(value), field).toContain(PHONE);
    const leadTimeline = (await stack.http('GET', `/v1/cases/${main}/events`, undefined, handler())).body.items as Array<{ type: string; data: unknown }>;
    const noted = ['dispatched', 'cooperation_accepted', 'cooperation_reported', 'accepted', 'contacted', 'progress_noted', 'extension_requested', 'extension_decided', 'held', 'resumed', 'escalated', 'urged', 'replied', 'rated', 'callback_attempted', 'callback_recorded', 'disputed', 'reviewed', 'terminated'];
    expect(noted.filter((type) => !leadTimeline.some((e) => e.type === type)), JSON.stringify(leadTimeline.map((e) => e.type))).toEqual([]);
    for (const type of noted) expect(digitsOf(leadTimeline.find((e) => e.type === type)!.data), type).toContain(PHONE);

    // The referral's and the consultation's notes are in their cases (the intake agent sees them masked).
    const referral = (await stack.http('GET', `/v1/cases/${referred}`, undefined, as('intake_agent', 'city'))).body;
    expect(referral.triage.referredTo).toMatch(/137\*{4}7777/);
    expect(referral.triage.note).toMatch(/137\*{4}7777/);

    // Everyone else: no spelling of the number anywhere.
    await expectNoPhoneForMaskedReaders(ids);
    // Lists are masked for the handling unit too.
    const handlerList = await stack.http('GET', '/v1/cases?limit=200', undefined, handler());
    expect(handlerList.body.items.map((c: { id: string }) => c.id)).toContain(main);
    expect(digitsOf(handlerList.body)).not.toContain(PHONE);
  });
});

describe("a complainant's own case", () => {
  it("never names another complainant's case: the repeat group's master stays out of their view", async () => {
    const master = await open({ title: '同一诉求（先来）' });
    const member = await open({ title: '同一诉求（后来）' });
    // Staff see the link (并单).
    await eventually(async () => expect((await stack.http('GET', `/v1/cases/${member}`, undefined, as('admin', 'city'))).body.masterCaseId).not.toBeNull());
    const staffView = (await stack.http('GET', `/v1/cases/${member}`, undefined, as('admin', 'city'))).body;
    const code = { 'x-case-code': stack.caseCode(member) };
    const own = await stack.http('GET', `/v1/cases/${member}`, undefined, code);
    expect(own.status).toBe(200);
    expect(own.body.caseNumber).toBe(member);
    expect(JSON.stringify(own.body)).not.toContain(staffView.masterCaseId);
    expect(JSON.stringify(own.body)).not.toContain(master);
    for (const route of ['events', 'related']) expect((await stack.http('GET', `/v1/cases/${member}/${route}`, undefined, code)).status, route).toBe(403);
    const publicView = await stack.http('GET', `/v1/public/cases/${member}`, undefined, code);
    expect(JSON.stringify(publicView.body)).not.toContain(staffView.masterCaseId);
  });
});
