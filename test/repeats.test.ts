/**
 * Repeat complaints (并单) at intake, through the HTTP API against the real stack: a complaint with the same demand as
 * an earlier case (same category, and same place — area or coordinates within 200 m — or same complainant, inside the
 * window) is linked to its group's master; the master counts the group and earns yellow, orange and red cards, which
 * raise its escalation level and send 'repeat_card' notices; GET /v1/cases/:id/related and GET /v1/repeats read them.
 *
 * The window is seconds here (policy data). The search reads the case record, so each scenario waits for a case to
 * be recorded before the next complaint comes in (a complaint within the projection's lag of the first is not
 * linked). Each scenario has its own category, place and phones, so none links into another's group. The rules
 * themselves: domain/repeats.rules.test.ts; the indexes: test/repeats.plan.test.ts.
 */
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, notifications } from '../db/schema.js';
import type { CasePolicy } from '../domain/policy.types.js';
import { findCandidates } from '../api/repeats.repository.js';
import { createRepeatMatcher } from '../api/repeats.service.js';
import { eventually } from './support/cases.js';
import { demoComplaint } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';
import { createActionSigner } from '../api/action-signer.js';

const WINDOW_SECONDS = 12;
const policy: Partial<CasePolicy> = {
  repeats: {
    window: { amount: WINDOW_SECONDS, unit: 'seconds' },
    distanceMeters: 200,
    cards: [
      { count: 3, card: 'yellow', level: 1 },
      { count: 4, card: 'orange', level: 2 },
      { count: 5, card: 'red', level: 3 },
    ],
  },
};

/** Hefei Luyang; 0.001° of latitude is about 111 m. */
const HERE = { lat: 31.8639, lng: 117.2808 };

let stack: TestStack;
/** Opened first, so that the window has passed for it by the end of the file. */
let old: { id: string; at: number };

/** Opens a complaint and waits until the record has it (the next complaint's search reads the record). */
async function complain(over: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ id: string; masterCaseId: string | null; status: number }> {
  const res = await stack.http('POST', '/v1/cases', demoComplaint(over), headers);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  const id = res.body.id as string;
  await eventually(async () => expect((await stack.database.db.select({ id: cases.id }).from(cases).where(eq(cases.id, id))).length).toBe(1));
  return { id, masterCaseId: res.body.masterCaseId, status: res.status };
}
const at = (areaUnitId: string | null, extra: Record<string, unknown> = {}) => ({ location: { address: '测试地址', ...(areaUnitId && { areaUnitId }), ...extra } });
const phone = (n: number) => ({ complainant: { name: '王五', phone: `1370000${String(n).padStart(4, '0')}` } });
const get = async (id: string) => (await stack.http('GET', `/v1/cases/${id}`)).body;

beforeAll(async () => {
  stack = await startStack({ name: 'repeats', policy, repeats: true });
  const opened = await complain({ categoryId: 'market.food.expired', ...at('d02-s02-c02'), ...phone(9001) });
  old = { id: opened.id, at: Date.now() };
});

afterAll(async () => stack?.close());

describe('linked at intake', () => {
  let master: string;
  let members: string[];

  it('five complaints from the same place and category: all linked to the first; the master counts 5, a red card, level 3', async () => {
    const first = await complain({ categoryId: 'env.noise.construction', ...at('d01-s01-c01'), ...phone(1) });
    expect(first.masterCaseId).toBeNull();
    master = first.id;
    members = [];
    for (let n = 2; n <= 5; n++) {
      const next = await complain({ categoryId: 'env.noise.construction', ...at('d01-s01-c01'), ...phone(n) });
      expect(next.masterCaseId, `complaint ${n}`).toBe(master);
      members.push(next.id);
    }
    for (const id of members) expect((await get(id)).masterCaseId).toBe(master);
    await eventually(async () => {
      const m = await get(master);
      expect(m).toMatchObject({ masterCaseId: null, repeatCount: 5, repeatCard: 'red', escalationLevel: 3 });
      expect([...m.linkedCaseIds].sort()).toEqual([...members].sort());
    });
  });

  it("the cards' notices went to the level each colour names: yellow → unit leader, orange → district, red → city", async () => {
    await eventually(async () => {
      const notices = await stack.database.db.select().from(notifications).where(eq(notifications.caseId, master)).orderBy(asc(notifications.seq));
      const cards = notices.filter((n) => n.kind === 'repeat_card');
      expect(cards.map((n) => n.recipient)).toEqual(['unit_leader', 'district', 'city']);
      expect(cards.map((n) => n.message).join(' ')).toMatch(/yellow.*orange.*red/);
      // No complainant data in a notice many people read.
      for (const n of cards) expect(n.message).not.toMatch(/1370000/);
    });
  });

  it("the master's RepeatCard search attribute is 'red'", async () => {
    await eventually(async () => {
      const ids: string[] = [];
      for await (const wf of stack.client.workflow.list({ query: `TaskQueue = '${stack.taskQueue}' AND RepeatCard = 'red'` })) ids.push(wf.workflowId);
      expect(ids).toEqual([master]);
    });
  });

  it('the same POST again (its idempotency key) is not linked twice', async () => {
    const key = { 'idempotency-key': 'repeats-retry-1' };
    const body = { categoryId: 'env.noise.construction', ...at('d01-s01-c01'), ...phone(6) };
    const once = await complain(body, key);
    expect(once).toMatchObject({ status: 201, masterCaseId: master });
    await eventually(async () => expect((await get(master)).repeatCount).toBe(6));
    const twice = await complain(body, key);
    expect(twice).toMatchObject({ status: 200, id: once.id, masterCaseId: master });
    await new Promise((r) => setTimeout(r, 500));
    const m = await get(master);
    expect(m.repeatCount).toBe(6);
    expect(m.linkedCaseIds.filter((id: string) => id === once.id)).toHaveLength(1);
    members.push(once.id);
  });

  it('GET /v1/cases/:id/related: the master and the other members, masked like lists (no complainant data)', async () => {
    const member = members[1]!;
    await eventually(async () => {
      const res = await stack.http('GET', `/v1/cases/${member}/related`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ caseId: member, masterCaseId: master });
      const relation = Object.fromEntries(res.body.items.map((i: { id: string; relation: string }) => [i.id, i.relation]));
      expect(relation).toEqual(Object.fromEntries([[master, 'master'], ...members.filter((m) => m !== member).map((m) => [m, 'member'])]));
      const master_ = res.body.items.find((i: { id: string }) => i.id === master);
      expect(master_).toMatchObject({ repeatCount: 6, repeatCard: 'red' });
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/1370000|王五|complainant|测试地址/);
    });
    // The master's own: its members. Out of the caller's scope: 404, as for the case itself.
    const own = await stack.http('GET', `/v1/cases/${master}/related`);
    expect(own.body.masterCaseId).toBe(master);
    expect(own.body.items.map((i: { relation: string }) => i.relation)).toEqual(members.map(() => 'member'));
    expect((await stack.http('GET', `/v1/cases/${master}/related`, undefined, stack.as('unit_handler', 'd02-s01'))).status).toBe(404);
    expect((await stack.http('GET', `/v1/cases/${master}/related`, undefined, stack.as('dispatcher', 'd01'))).status).toBe(200);
  });

  it('GET /v1/repeats: open masters with their count and card, filtered by card', async () => {
    await eventually(async () => {
      const all = await stack.http('GET', '/v1/repeats', undefined, stack.as('analyst'));
      expect(all.status, JSON.stringify(all.body)).toBe(200);
      expect(all.body.items[0]).toMatchObject({ id: master, repeatCount: 6, repeatCard: 'red', escalationLevel: 3 });
      expect(JSON.stringify(all.body)).not.toMatch(/1370000|王五/);
    });
    const red = await stack.http('GET', '/v1/repeats?card=red', undefined, stack.as('supervisor'));
    expect(red.body.items.map((i: { id: string }) => i.id)).toEqual([master]);
    const yellow = await stack.http('GET', '/v1/repeats?card=yellow', undefined, stack.as('dispatcher', 'd01'));
    expect(yellow.body.items.map((i: { id: string }) => i.id)).not.toContain(master);
    expect((await stack.http('GET', '/v1/repeats?card=green')).status).toBe(400);
    expect((await stack.http('GET', '/v1/repeats', undefined, stack.as('unit_handler', 'd01-s01'))).status).toBe(403);
  });

  it('the same complainant in another place, the same category: linked', async () => {
    const first = await complain({ categoryId: 'sanitation.garbage.overflow', ...at('d01-s02-c01'), ...phone(20) });
    const elsewhere = await complain({ categoryId: 'sanitation.garbage.overflow', ...at('d02-s01-c01'), complainant: { name: '王五', phone: '+86 137-0000-0020' } });
    expect(elsewhere.masterCaseId).toBe(first.id);
    await eventually(async () => expect((await get(first.id)).repeatCount).toBe(2));
  });

  it('coordinates within 200 m without an area: linked; 2 km away: not', async () => {
    const first = await complain({ categoryId: 'traffic.parking.firelane', ...at(null, HERE), ...phone(30) });
    const near = await complain({ categoryId: 'traffic.parking.firelane', ...at(null, { lat: HERE.lat + 0.0013, lng: HERE.lng }), ...phone(31) });
    expect(near.masterCaseId).toBe(first.id);
    const far = await complain({ categoryId: 'traffic.parking.firelane', ...at(null, { lat: HERE.lat + 0.018, lng: HERE.lng }), ...phone(32) });
    expect(far.masterCaseId).toBeNull();
    const related = await stack.http('GET', `/v1/cases/${far.id}/related`);
    expect(related.body).toEqual({ caseId: far.id, masterCaseId: null, items: [], groupComplaint: null });
  });

  it('a closed case is the master of the complaints that bring its problem back inside the window: they count, it earns the card', async () => {
    const first = await complain({ categoryId: 'property.service.cleaning', ...at('d01-s03-c02'), ...phone(50) });
    const steps: Array<[string, unknown]> = [
      ['dispatch', { unitId: 'd01-s03' }],
      ['accept', {}],
      ['contact', { method: 'phone' }],
      ['reply', { content: '已清理', resolved: true }],
      ['callback', { contacted: true, resolved: true, satisfaction: 'satisfied' }],
    ];
    for (const [action, body] of steps) expect((await stack.http('POST', `/v1/cases/${first.id}/${action}`, body)).status, action).toBe(200);
    await eventually(async () => expect((await stack.database.db.select({ status: cases.status }).from(cases).where(eq(cases.id, first.id)))[0]!.status).toBe('closed'));
    // The problem comes back twice: both join the closed case's group; with it, three complaints: a yellow card.
    const second = await complain({ categoryId: 'property.service.cleaning', ...at('d01-s03-c02'), ...phone(51) });
    expect(second.masterCaseId).toBe(first.id);
    const third = await complain({ categoryId: 'property.service.cleaning', ...at('d01-s03-c02'), ...phone(52) });
    expect(third.masterCaseId).toBe(first.id);
    await eventually(async () => {
      expect(await get(first.id)).toMatchObject({ status: 'closed', outcome: 'resolved', repeatCount: 3, repeatCard: 'yellow', linkedCaseIds: [second.id, third.id] });
      const cards = (await stack.database.db.select().from(notifications).where(eq(notifications.caseId, first.id))).filter((n) => n.kind === 'repeat_card');
      // To the leader of the unit that closed it.
      expect(cards.map((n) => [n.recipient, n.unitId])).toEqual([['unit_leader', 'd01-s03']]);
    });
    // Its group is open (its members are): listed with the hot ones.
    const yellow = await stack.http('GET', '/v1/repeats?card=yellow', undefined, stack.as('supervisor'));
    expect(yellow.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: first.id, status: 'closed', repeatCount: 3, repeatCard: 'yellow' })]));
  });

  it('a street or a district is an area, not a place: complaints placed only there are not linked; at one community they are', async () => {
    const first = await complain({ categoryId: 'env.air.dust', ...at('d01-s04'), ...phone(60) });
    const second = await complain({ categoryId: 'env.air.dust', ...at('d01-s04'), ...phone(61) });
    expect(second.masterCaseId).toBeNull();
    const district = await complain({ categoryId: 'env.air.dust', ...at('d01'), ...phone(62) });
    const again = await complain({ categoryId: 'env.air.dust', ...at('d01'), ...phone(63) });
    expect([district.masterCaseId, again.masterCaseId]).toEqual([null, null]);
    expect((await stack.http('GET', `/v1/cases/${second.id}/related`)).body.items.map((i: { id: string }) => i.id)).not.toContain(first.id);
    const c1 = await complain({ categoryId: 'env.air.dust', ...at('d01-s04-c01'), ...phone(64) });
    const c2 = await complain({ categoryId: 'env.air.dust', ...at('d01-s04-c01'), ...phone(65) });
    expect(c2.masterCaseId).toBe(c1.id);
  });

  it('another category at the same place and with the same complainant: not linked', async () => {
    const other = await complain({ categoryId: 'env.noise.living', ...at('d01-s01-c01'), ...phone(1) });
    expect(other.masterCaseId).toBeNull();
  });

  it('a triage case is never matched, and a triaged intake links to nothing', async () => {
    const triaged = await complain({ categoryId: 'property.facility.elevator', ...at('d01-s02-c02'), ...phone(40), triage: { outcome: 'consultation', note: '已当场解答' } });
    expect(triaged.masterCaseId).toBeNull();
    const after = await complain({ categoryId: 'property.facility.elevator', ...at('d01-s02-c02'), ...phone(41) });
    expect(after.masterCaseId).toBeNull();
    const again = await complain({ categoryId: 'property.facility.elevator', ...at('d01-s02-c02'), ...phone(41), triage: { outcome: 'consultation', note: '再次咨询' } });
    expect(again.masterCaseId).toBeNull();
    await new Promise((r) => setTimeout(r, 300));
    expect((await get(after.id)).repeatCount).toBe(1);
  });

  it(`outside the window (${WINDOW_SECONDS} s here): not linked`, async () => {
    const wait = old.at + (WINDOW_SECONDS + 1) * 1000 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const late = await complain({ categoryId: 'market.food.expired', ...at('d02-s02-c02'), ...phone(9002) });
    expect(late.masterCaseId).toBeNull();
    // Still related as an earlier case? Not inside the window either.
    expect((await stack.http('GET', `/v1/cases/${late.id}/related`)).body.items).toEqual([]);
  });
});

describe('the search never blocks or fails an intake', () => {
  const body = demoComplaint() as never;
  const rules = { version: 1, repeats: policy.repeats } as CasePolicy;

  it('a database error or a search over budget: no link, a warning without personal data', async () => {
    const lines: Array<[Record<string, unknown>, string]> = [];
    const log = { warn: (obj: Record<string, unknown>, msg: string) => void lines.push([obj, msg]) };
    const sign = createActionSigner(stack.actionKeys);
    const failing = createRepeatMatcher({
      client: stack.client,
      log,
      unitType: () => 'community',
      sign,
      repository: { findCandidates: async () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED; phone 13812345678'), { code: 'ECONNREFUSED' })) },
    });
    expect(await failing.masterFor('', body, rules)).toBeNull();
    // A database that never answers: the search gives up after its budget.
    const silent = { $client: { query: () => new Promise(() => {}) } } as never;
    const slow = createRepeatMatcher({
      client: stack.client,
      log,
      sign,
      budgetMs: 50,
      unitType: () => 'community',
      repository: { findCandidates: (complaint, p, calendar, options) => findCandidates(silent, complaint, p, calendar, options) },
    });
    const started = Date.now();
    expect(await slow.masterFor('', body, rules)).toBeNull();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(lines.map(([o]) => o.reason)).toEqual(['ECONNREFUSED', 'timeout']);
    expect(JSON.stringify(lines)).not.toMatch(/13812345678|张三/);
  });
});
