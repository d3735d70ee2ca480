/**
 * Complainant self-service through HTTP against the real stack: the verification code reaches the complainant with
 * the acceptance notice (a signed webhook to a real receiver on the loopback) and nobody else; with it, the case
 * number opens the plain-language progress and the online rating; a wrong or missing code answers exactly like a
 * case that does not exist; guessing is slowed down per address and per case (429 with Retry-After) without ever
 * locking the complainant out; intake agents can have the code sent again, once per 10 minutes.
 * The stack's rating window is 30 days, so a closed case's workflow stays to take the rating.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationAttempts, notifications } from '../db/schema.js';
import { createWebhookChannel, verifySignature } from '../notifications/channels.js';
import { act, driveTo, eventually, openCase } from './support/cases.js';
import { startStack, type TestStack } from './support/stack.js';

const SECRET = 'self-service-webhook-secret-0123456789';
const PHONE = '13987654321';
const NOTE = '内部备注：已约谈施工单位项目经理刘建国';
const ESCALATION = '督办理由：多次投诉未果ZX9';
const REPLY = '经现场核查，已责令施工单位22点后停止施工，并安排夜间巡查。';

interface Hit {
  body: Record<string, any>;
  raw: string;
  signed: boolean;
}
const hits: Hit[] = [];
let receiver: Server;
let stack: TestStack;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      hits.push({ body: JSON.parse(raw) as Record<string, any>, raw, signed: verifySignature(SECRET, req.headers['x-hotline-signature'] as string, raw, 60) });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sms`;
  stack = await startStack({
    name: 'self-service',
    policy: { ratingWindow: { amount: 30, unit: 'days' } },
    deliverer: { channel: createWebhookChannel({ url, secret: SECRET, timeoutMs: 2_000 }), pollMs: 20 },
    caseCodeLimits: { windowMs: 15 * 60_000, perAddress: 12, perAddressAndCase: 4, perCase: 6 },
  });
});

afterAll(async () => {
  await stack?.close();
  receiver?.closeAllConnections();
  await new Promise((r) => receiver?.close(r));
});

/** A request with exactly these headers (stack.http would add staff credentials when none is given). */
async function raw(method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}, body?: unknown) {
  const res = await stack.app.inject({
    method,
    url,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    ...(body !== undefined && { payload: JSON.stringify(body) }),
  });
  return { status: res.statusCode, headers: res.headers, body: res.body ? JSON.parse(res.body) : undefined };
}
const progress = (n: string, code?: string) => raw('GET', `/v1/public/cases/${n}`, code === undefined ? {} : { 'x-case-code': code });
const rate = (n: string, code: string, body: unknown = { satisfaction: 'satisfied', resolved: true, comment: '处理及时，很满意' }) =>
  raw('POST', `/v1/public/cases/${n}/rating`, { 'x-case-code': code }, body);

/** A code that is not this case's. */
const wrongCode = (id: string) => String((Number(stack.caseCode(id)) + 1) % 100_000_000).padStart(8, '0');
const unknownNumber = () => `HL${Array.from({ length: 16 }, () => 'ABCDEFGHJKMNPQRSTVWXYZ0123456789'[Math.floor(Math.random() * 31)]).join('')}`;

/** A 404 problem with the parts that differ per request (request id, the URL with its number) taken out. */
function shapeOf(res: { status: number; headers: Record<string, unknown>; body: Record<string, unknown> }, number: string) {
  const { requestId, instance, ...rest } = res.body;
  expect(requestId).toEqual(expect.any(String));
  expect(instance).toEqual(expect.stringContaining(number));
  return {
    status: res.status,
    contentType: res.headers['content-type'],
    wwwAuthenticate: res.headers['www-authenticate'],
    body: JSON.parse(JSON.stringify(rest).replaceAll(number, '<number>')),
  };
}

const acceptanceHit = (id: string, kind = 'acceptance') => eventually(async () => {
  const hit = hits.find((h) => h.body.caseId === id && h.body.kind === kind);
  expect(hit, `${kind} notice for ${id}`).toBeDefined();
  return hit!;
});

describe('the verification code goes to the complainant, and only to them', () => {
  it('the acceptance notice reaching the receiver carries it; the outbox, the attempts and staff answers do not', async () => {
    const opened = await stack.http('POST', '/v1/cases', complaintOf(), stack.as('intake_agent'));
    expect(opened.status).toBe(201);
    const id = opened.body.id as string;
    const code = stack.caseCode(id);
    expect(code).toMatch(/^\d{8}$/);

    const hit = await acceptanceHit(id);
    expect(hit.signed).toBe(true);
    expect(hit.body).toMatchObject({
      kind: 'acceptance',
      verificationCode: code,
      recipient: { kind: 'complainant', phone: PHONE },
      message: expect.stringContaining(`查询码 ${code}`),
    });
    expect(hit.body.message).toContain(id);

    // Sent, but stored nowhere: not in the outbox row, not in its attempts.
    const rows = await eventually(async () => {
      const rows = await stack.database.db.select().from(notifications).where(eq(notifications.caseId, id));
      expect(rows.find((r) => r.kind === 'acceptance')?.deliveredAt).not.toBeNull();
      return rows;
    });
    const attempts = await stack.database.db.select().from(notificationAttempts).where(inArray(notificationAttempts.notificationId, rows.map((r) => r.id)));
    expect(attempts.length).toBeGreaterThan(0);
    expect(JSON.stringify({ rows, attempts })).not.toContain(code);

    // Staff answers: the open, the case, the list, the timeline, the outbox listing.
    const staff = [
      opened.body,
      (await stack.http('GET', `/v1/cases/${id}`, undefined, stack.as('intake_agent'))).body,
      (await stack.http('GET', `/v1/cases/${id}`)).body,
      (await stack.http('GET', '/v1/cases?limit=200', undefined, stack.as('intake_agent'))).body,
      (await stack.http('GET', `/v1/cases/${id}/events`, undefined, stack.as('supervisor'))).body,
      (await stack.http('GET', `/v1/notifications?caseId=${id}`, undefined, stack.as('admin'))).body,
    ];
    for (const body of staff) {
      expect(JSON.stringify(body)).not.toContain('verificationCode');
      expect(JSON.stringify(body)).not.toContain(code);
    }
    // The same open again (idempotent repeat) answers 200 without it too.
    const again = await stack.http('POST', '/v1/cases', complaintOf({ channelTicketId: `T-${id}` }), stack.as('intake_agent'));
    const repeat = await stack.http('POST', '/v1/cases', complaintOf({ channelTicketId: `T-${id}` }), stack.as('intake_agent'));
    expect(repeat.status).toBe(200);
    expect(repeat.body.id).toBe(again.body.id);
    expect(repeat.body).not.toHaveProperty('verificationCode');

    // The OpenAPI document says where the code goes, and no staff response schema has it.
    const doc = (await stack.app.inject({ method: 'GET', url: '/docs/json' })).body;
    expect(doc).not.toContain('verificationCode');
    expect(doc).toContain('acceptance notice');
  });

  it('an intake agent has it sent again without seeing it: once, then 429 for 10 minutes', async () => {
    const id = await openCase(stack, { complainant: { name: '王小明', phone: PHONE } });
    const code = stack.caseCode(id);
    await acceptanceHit(id);

    const resent = await stack.http('POST', `/v1/cases/${id}/verification-code/resend`, undefined, stack.as('intake_agent'));
    expect(resent.status, JSON.stringify(resent.body)).toBe(202);
    expect(resent.body).toEqual({ caseId: id, notificationId: expect.any(Number), kind: 'code_resend', recipient: 'complainant' });
    expect(JSON.stringify(resent.body)).not.toContain(code);

    const hit = await acceptanceHit(id, 'code_resend');
    expect(hit.signed).toBe(true);
    expect(hit.body).toMatchObject({ id: resent.body.notificationId, verificationCode: code, recipient: { kind: 'complainant', phone: PHONE } });
    expect(hit.body.message).toContain(code);
    const [row] = await stack.database.db.select().from(notifications).where(eq(notifications.id, resent.body.notificationId));
    expect(row).toMatchObject({ caseId: id, kind: 'code_resend', recipient: 'complainant', unitId: null, seq: 1 });
    expect(JSON.stringify(row)).not.toContain(code);

    const again = await stack.http('POST', `/v1/cases/${id}/verification-code/resend`, undefined, stack.as('intake_agent'));
    expect(again.status).toBe(429);
    expect(again.headers['content-type']).toMatch(/problem\+json/);
    expect(again.body.code).toBe('rate_limited');
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(500);
    expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(600);

    // Only intake agents; a case that does not exist is 404.
    expect((await stack.http('POST', `/v1/cases/${id}/verification-code/resend`, undefined, stack.as('dispatcher'))).status).toBe(403);
    expect((await stack.http('POST', `/v1/cases/${unknownNumber()}/verification-code/resend`, undefined, stack.as('intake_agent'))).status).toBe(404);
  });
});

describe('a wrong or missing code answers exactly like a case that does not exist', () => {
  it('404 with the same problem, no 401, no WWW-Authenticate; counted by the rate limiter', async () => {
    const id = await openCase(stack);
    const unknown = unknownNumber();
    const missingCase = await progress(unknown, stack.caseCode(unknown)); // the right code of a number no case has
    expect(missingCase.status).toBe(404);
    const expected = shapeOf(missingCase, unknown);
    expect(expected).toMatchObject({ status: 404, body: { code: 'case_not_found', detail: 'no case <number>' } });
    expect(expected.contentType).toMatch(/^application\/problem\+json/);
    expect(expected.wwwAuthenticate).toBeUndefined();

    const answers = {
      'wrong code': await progress(id, wrongCode(id)),
      'no code': await progress(id),
      'empty code': await progress(id, ''),
      'a staff token': await raw('GET', `/v1/public/cases/${id}`, stack.as('intake_agent')),
      "another case's code": await progress(id, stack.caseCode(unknown)),
    };
    for (const [what, res] of Object.entries(answers)) {
      expect(shapeOf(res, id), what).toEqual(expected);
      // The per-credential rate limit counted it (by address: there is no credential).
      expect(res.headers['x-ratelimit-remaining'], what).toBeDefined();
    }
    expect(shapeOf(await progress(unknown, wrongCode(unknown)), unknown)).toEqual(expected);

    // The rating route answers the same.
    expect(shapeOf(await rate(id, wrongCode(id)), id)).toEqual(expected);
    expect(shapeOf(await rate(unknown, stack.caseCode(unknown)), unknown)).toEqual(expected);
  });
});

describe('guessing codes is slowed down per address and per case; the complainant is never locked out', () => {
  // This stack's numbers (CASE_CODE_*): a 15-minute window, 12 wrong codes per address, 4 per address and case, and
  // past 6 wrong codes on a case from all addresses, one more try per address on it.
  const from = async (address: string, method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}, body?: unknown) => {
    const res = await stack.app.inject({
      method,
      url,
      remoteAddress: address,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
      ...(body !== undefined && { payload: JSON.stringify(body) }),
    });
    return { status: res.statusCode, headers: res.headers, body: res.body ? JSON.parse(res.body) : undefined };
  };
  const look = (address: string, n: string, code: string) => from(address, 'GET', `/v1/public/cases/${n}`, { 'x-case-code': code });
  const staffView = (address: string, n: string, code: string) => from(address, 'GET', `/v1/cases/${n}`, { 'x-case-code': code });
  const expectSlowedDown = (res: Awaited<ReturnType<typeof from>>, what: string) => {
    expect(res.status, what).toBe(429);
    expect(res.headers['content-type'], what).toMatch(/problem\+json/);
    expect(res.body, what).toMatchObject({ code: 'rate_limited', status: 429 });
    const wait = Number(res.headers['retry-after']);
    expect(wait, what).toBeGreaterThan(0);
    expect(wait, what).toBeLessThanOrEqual(15 * 60);
  };

  it('a guesser gets 429 with Retry-After after 4 wrong codes on a case; the right code from the complainant opens it at once', async () => {
    const id = await openCase(stack);
    const unknown = unknownNumber();
    const guesser = '198.51.100.10';
    for (const n of [id, unknown]) {
      for (let i = 0; i < 4; i++) expect((await look(guesser, n, wrongCode(n))).status, n).toBe(404);
      // The same answer for a case that exists and one that does not.
      expectSlowedDown(await look(guesser, n, wrongCode(n)), n);
      expectSlowedDown(await staffView(guesser, n, wrongCode(n)), `${n}, staff route`);
    }
    // Ten wrong codes used to lock the case for everyone; the complainant's phone is another address.
    for (let i = 0; i < 2; i++) expect((await look('198.51.100.11', id, wrongCode(id))).status).toBe(404);
    expect((await look('203.0.113.20', id, stack.caseCode(id))).status).toBe(200);
    expect((await staffView('203.0.113.20', id, stack.caseCode(id))).status).toBe(200);
    expect((await from('203.0.113.20', 'POST', `/v1/public/cases/${id}/rating`, { 'x-case-code': stack.caseCode(id) }, { satisfaction: 'satisfied', resolved: true })).status).toBe(409);
  });

  it('many addresses against one case: past 6 wrong codes each address has one try left; a fresh one with the right code gets in', async () => {
    const id = await openCase(stack);
    const swarm = ['198.51.100.21', '198.51.100.22', '198.51.100.23'];
    for (const address of swarm) for (let i = 0; i < 2; i++) expect((await look(address, id, wrongCode(id))).status).toBe(404);
    // The case has had its 6: an address that already missed it waits (its own budget, 4, is not spent).
    for (const address of swarm) expectSlowedDown(await look(address, id, wrongCode(id)), address);
    expectSlowedDown(await staffView(swarm[0]!, id, stack.caseCode(id)), 'staff route');
    // A new address has its one try: a wrong code is checked (404) and then it waits too.
    expect((await look('198.51.100.24', id, wrongCode(id))).status).toBe(404);
    expectSlowedDown(await look('198.51.100.24', id, wrongCode(id)), 'after its one try');
    // More than 10 wrong codes on the case from anyone (the old lockout, which then refused the right code too).
    for (const address of ['198.51.100.25', '198.51.100.26', '198.51.100.27', '198.51.100.28']) expect((await look(address, id, wrongCode(id))).status).toBe(404);
    // The complainant's right code from their own address works, through either door.
    expect((await look('203.0.113.21', id, stack.caseCode(id))).status).toBe(200);
    expect((await staffView('203.0.113.22', id, stack.caseCode(id))).status).toBe(200);
  });

  it('one address across many cases: after 12 wrong codes every number answers 429 with Retry-After', async () => {
    const id = await openCase(stack);
    const scanner = '198.51.100.30';
    for (let i = 0; i < 12; i++) {
      const n = unknownNumber();
      expect((await look(scanner, n, wrongCode(n))).status).toBe(404);
    }
    const next = unknownNumber();
    expectSlowedDown(await look(scanner, next, wrongCode(next)), 'a new number');
    expectSlowedDown(await staffView(scanner, next, wrongCode(next)), 'a new number, staff route');
    // The scanner is slowed down, not the case: its complainant still gets in.
    expect((await look('203.0.113.30', id, stack.caseCode(id))).status).toBe(200);
  });

  it("an intake agent's resend lets a complainant who mistyped in at once (the same code: it is derived, not stored)", async () => {
    const id = await openCase(stack, { complainant: { name: '钱多多', phone: PHONE } });
    await acceptanceHit(id);
    const phone = '203.0.113.40';
    for (let i = 0; i < 4; i++) expect((await look(phone, id, wrongCode(id))).status).toBe(404);
    expectSlowedDown(await look(phone, id, stack.caseCode(id)), 'after 4 wrong codes');
    expect((await stack.http('POST', `/v1/cases/${id}/verification-code/resend`, undefined, stack.as('intake_agent'))).status).toBe(202);
    const resent = await acceptanceHit(id, 'code_resend');
    expect(resent.body.verificationCode).toBe(stack.caseCode(id));
    expect((await look(phone, id, resent.body.verificationCode as string)).status).toBe(200);
  });
});

describe('the progress in plain language', () => {
  let closed: string;

  it('a case on its way: where it is, who has it (by name), what comes next and by when', async () => {
    const id = await openCase(stack);
    const code = stack.caseCode(id);
    const fresh = await progress(id, code);
    expect(fresh.status, JSON.stringify(fresh.body)).toBe(200);
    expect(fresh.body).toMatchObject({ caseNumber: id, stage: 'received', status: '已受理，等待派发', handlingUnit: null, reply: null });
    expect(fresh.body.steps.map((s: { step: string }) => s.step)).toEqual(['received']);
    expect(fresh.body.rating).toMatchObject({ possible: false, given: null, text: expect.stringContaining('答复后') });

    await driveTo(stack, id, 'accepted');
    const handling = (await progress(id, code)).body;
    expect(handling).toMatchObject({ stage: 'handling', status: '承办单位已签收，正在办理', handlingUnit: '江城区城关街道办事处' });
    expect(handling.steps.map((s: { text: string }) => s.text)).toEqual(['已受理', '已派发至 江城区城关街道办事处', '已签收']);
    for (const s of handling.steps) expect(s.time).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    expect(handling.deadlines.map((d: { kind: string }) => d.kind)).toEqual(['contact', 'reply']);
    const reply = handling.deadlines[1];
    expect(reply.text).toBe(`承办单位将在 ${reply.time} 前答复您`);
    const view = (await stack.http('GET', `/v1/cases/${id}`)).body;
    expect(reply.dueAt).toBe(view.clocks.reply.dueAt);
  });

  it('a replied and closed case: the steps, the reply, the rating window; no staff, unit ids or internal notes', async () => {
    const id = await openCase(stack, { complainant: { name: '赵六', phone: PHONE } });
    closed = id;
    await driveTo(stack, id, 'contacted');
    await act(stack, id, 'progress', { note: NOTE });
    await act(stack, id, 'escalate', { reason: ESCALATION }, 202);
    await eventually(async () => expect((await stack.http('GET', `/v1/cases/${id}`)).body.escalationLevel).toBe(1));
    await act(stack, id, 'reply', { content: REPLY, resolved: true });
    const replied = (await progress(id, stack.caseCode(id))).body;
    expect(replied).toMatchObject({ stage: 'replied', status: '承办单位已答复，等待回访', reply: { content: REPLY } });
    expect(replied.deadlines.map((d: { kind: string }) => d.kind)).toEqual(['callback']);
    await act(stack, id, 'callback', { outcome: 'reached', contacted: true, resolved: true, satisfaction: 'satisfied' });

    const res = await progress(id, stack.caseCode(id));
    expect(res.status).toBe(200);
    const p = res.body;
    expect(p).toMatchObject({ caseNumber: id, stage: 'closed', status: '已办结', handlingUnit: '江城区城关街道办事处', deadlines: [] });
    expect(p.steps.map((s: { step: string; text: string }) => [s.step, s.text])).toEqual([
      ['received', '已受理'],
      ['dispatched', '已派发至 江城区城关街道办事处'],
      ['accepted', '已签收'],
      ['contacted', '已联系您'],
      ['replied', '已答复'],
      ['callback', '已回访'],
      ['closed', '已办结'],
    ]);
    expect(p.reply).toMatchObject({ content: REPLY, at: p.steps[4].at });
    const view = (await stack.http('GET', `/v1/cases/${id}`)).body;
    const until = Date.parse(view.clocks.reply.stoppedAt) + 30 * 86_400_000;
    expect(p.rating).toMatchObject({ possible: true, given: null, until: new Date(until).toISOString() });
    expect(p.rating.text).toBe(`您可以在 ${p.rating.untilTime} 前评价办理结果`);

    // Nothing of the staff: no principal ids (test-…), no unit ids, no notes or reasons, no personal data.
    const json = JSON.stringify(p);
    expect(json).not.toMatch(/test-|handler|all-roles|d01-s01|"d01"|city/);
    for (const secret of [NOTE, ESCALATION, '刘建国', 'ZX9', PHONE, '赵六', view.unitId]) expect(json, secret).not.toContain(secret);
    for (const staffOnly of ['actor', 'unitId', 'note', 'reason', 'escalation', 'warning', 'clocks', 'complainant', 'dispatches', 'callbackAttempts']) {
      expect(json, staffOnly).not.toContain(`"${staffOnly}"`);
    }
  });

  it('rates once after the reply (201), a second time 409 with the state; the progress shows the rating', async () => {
    const code = stack.caseCode(closed);
    const first = await rate(closed, code);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toEqual({ caseNumber: closed, satisfaction: 'satisfied', resolved: true, comment: '处理及时，很满意', at: expect.any(String) });

    const second = await rate(closed, code, { satisfaction: 'unsatisfied', resolved: false });
    expect(second.status).toBe(409);
    expect(second.headers['content-type']).toMatch(/problem\+json/);
    expect(second.body).toMatchObject({ code: 'invalid_transition', state: 'closed' });

    const p = (await progress(closed, code)).body;
    expect(p.rating).toMatchObject({ possible: false, given: { satisfaction: 'satisfied', resolved: true, comment: '处理及时，很满意' } });
    expect(p.steps.map((s: { step: string }) => s.step)).toContain('rated');
    // The timeline records the rating as the complainant's, not a member of staff's.
    const events = (await stack.http('GET', `/v1/cases/${closed}/events`, undefined, stack.as('supervisor'))).body.items;
    expect(events.find((e: { type: string }) => e.type === 'rated')).toMatchObject({ actor: { role: 'complainant' }, data: { satisfaction: 'satisfied' } });
  });

  it('before the reply: 409 with the state; bad bodies: 400', async () => {
    const id = await openCase(stack);
    await driveTo(stack, id, 'dispatched');
    const early = await rate(id, stack.caseCode(id));
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'invalid_transition', state: 'dispatched' });
    const bad = await rate(id, stack.caseCode(id), { satisfaction: 'great', resolved: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
  });

  it('a case terminated after review: the progress says it cannot be rated, and the rating is refused (409)', async () => {
    const id = await openCase(stack);
    await driveTo(stack, id, 'replied');
    for (let round = 1; round <= 3; round++) {
      const after = await act(stack, id, 'callback', { outcome: 'reached', contacted: true, resolved: false, satisfaction: 'unsatisfied' });
      if (after.status === 'closed') break;
      await act(stack, id, 'accept');
      await act(stack, id, 'contact', { method: 'phone' });
      await act(stack, id, 'reply', { content: '再次处理', resolved: false });
    }
    await act(stack, id, 'review', { demandReasonable: false, handlingCompliant: true, reason: '诉求超出政策规定' });
    expect(await act(stack, id, 'terminate', { grounds: 'repeated_identical_demand', reason: '同一诉求经多轮办理' })).toMatchObject({ status: 'closed', outcome: 'terminated' });
    const code = stack.caseCode(id);
    await eventually(async () => {
      const p = (await progress(id, code)).body;
      expect(p.rating).toMatchObject({ possible: false, given: null, text: '本工单已终止办理，不能评价' });
    });
    // Its workflow is still there (the repeat window): the rule refuses, not the end of the workflow.
    const refused = await rate(id, code);
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body).toMatchObject({ code: 'invalid_transition', state: 'closed', detail: expect.stringContaining('terminated') });
  });

  it('after the rating window: 409, and the progress says when it closed (the case keeps its policy version)', async () => {
    const admin = stack.as('admin');
    const active = (await stack.http('GET', '/v1/policies/active', undefined, admin)).body;
    const { version: _v, ...document } = active.document;
    const put = (doc: unknown) => stack.http('PUT', '/v1/policies', doc, admin);
    expect((await put({ ...document, ratingWindow: { amount: 2, unit: 'seconds' } })).status).toBe(201);
    let id: string;
    try {
      id = await openCase(stack);
      await driveTo(stack, id, 'replied');
    } finally {
      // Back to the long window: the case keeps the short one it opened under.
      expect((await put(document)).status).toBe(201);
    }
    await new Promise((r) => setTimeout(r, 2_500));
    const late = await rate(id, stack.caseCode(id));
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'invalid_transition', state: 'replied', detail: expect.stringContaining('window') });
    const p = (await progress(id, stack.caseCode(id))).body;
    expect(p.rating).toMatchObject({ possible: false, given: null, text: expect.stringContaining('评价期限已于') });
  });
});

/** The README's demo complaint, with this file's phone. */
function complaintOf(over: Record<string, unknown> = {}) {
  return {
    title: '小区楼下夜间施工噪音',
    description: '每晚22点后仍在施工，影响休息',
    categoryId: 'env.noise.construction',
    channel: 'phone',
    complainant: { name: '张三', phone: PHONE },
    location: { address: '江城区城关街道桂花社区3栋', areaUnitId: 'd01-s01-c01' },
    ...over,
  };
}
