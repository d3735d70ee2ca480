/**
 * Case policy versions through the API: reading them, storing a new one (it becomes the one in force for cases
 * opened after it; a case keeps the version it opened under), the checks on a document, who may do what; and the
 * list filters a policy makes useful: overdue=true|false and warning=yellow|red on GET /v1/cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { loadActivePolicy } from '../db/policy.js';
import { demoSeed, seedReferenceData } from '../db/seed.js';
import { defaultCasePolicy, defaultPolicyDocument } from '../db/seed-policy.js';
import { dueAt } from '../domain/deadlines.js';
import { eventually, openCase } from './support/cases.js';
import { createTestDatabase, startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
const admin = () => stack.as(['admin'], 'city', 'policy-admin');

/** The stack's policy: the default with a 2-second sign-for clock for the general class (a dispatched case is soon overdue). */
const clocks = { ...defaultPolicyDocument.clocks, general: { ...defaultPolicyDocument.clocks.general, signFor: { amount: 2, unit: 'seconds' as const } } };
const V = defaultPolicyDocument.version;

beforeAll(async () => {
  stack = await startStack({ name: 'policies', policy: { clocks } });
});
afterAll(async () => stack?.close());

function expectProblem(res: { status: number; body: any; headers: Record<string, unknown> }, status: number, field?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers['content-type']).toMatch(/problem\+json/);
  if (field) expect(res.body.errors?.map((e: { field: string }) => e.field), JSON.stringify(res.body)).toContain(field);
}

const dispatch = async (id: string) => {
  const res = await stack.http('POST', `/v1/cases/${id}/dispatch`, { unitId: 'd01-s01' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { policyVersion: number; replyDueAt: string; clocks: { reply: { startedAt: string } } };
};

/** The active document as an admin would edit it: without its version. */
async function activeInput(): Promise<Record<string, unknown>> {
  const { version: _v, ...document } = (await stack.http('GET', '/v1/policies/active', undefined, admin())).body.document;
  return document;
}

describe('reading', () => {
  it('lists the versions newest first with the one in force, and gives the active one and one by number', async () => {
    const list = await stack.http('GET', '/v1/policies', undefined, stack.as('analyst'));
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ activeVersion: V, items: [{ version: V, active: true, note: 'default policy (DOMAIN.md)' }] });
    const active = await stack.http('GET', '/v1/policies/active', undefined, stack.as('analyst'));
    expect(active.status).toBe(200);
    expect(active.body).toMatchObject({ version: V, active: true, document: { ...defaultPolicyDocument, clocks } });
    // Stored as a document: the calendar is the region's, filled in when a case opens.
    expect(active.body.document).not.toHaveProperty('calendar');
    expect((await stack.http('GET', `/v1/policies/${V}`, undefined, stack.as('dispatcher', 'd01'))).body).toEqual(active.body);
    expectProblem(await stack.http('GET', '/v1/policies/999'), 404);
    expectProblem(await stack.http('GET', '/v1/policies/v3'), 400, 'params.version');
  });

  it('is for those who hold policy.read (analysts, dispatchers, supervisors, admins), not unit staff', async () => {
    for (const role of ['analyst', 'supervisor', 'admin'] as const) expect((await stack.http('GET', '/v1/policies', undefined, stack.as(role, 'city'))).status).toBe(200);
    for (const role of ['unit_handler', 'intake_agent', 'callback_agent'] as const) expectProblem(await stack.http('GET', '/v1/policies/active', undefined, stack.as(role, 'd01-s01')), 403);
  });
});

describe('writing a version (admins)', () => {
  it('refuses a document that cannot be right, naming the field; nothing is stored', async () => {
    const input = await activeInput();
    const general = (input.clocks as typeof clocks).general;
    const bad: Array<[string, unknown, string]> = [
      ['an unknown clock unit', { ...input, clocks: { ...clocks, general: { ...general, reply: { amount: 5, unit: 'weeks' } } } }, 'body.clocks.general.reply.unit'],
      ['a yellow ratio of 1.5', { ...input, yellowRatio: 1.5 }, 'body.yellowRatio'],
      ['endOfDay on an hour clock', { ...input, clocks: { ...clocks, general: { ...general, reply: { amount: 8, unit: 'hours', endOfDay: true } } } }, 'body.clocks.general.reply.endOfDay'],
      ['an unknown calendar region', { ...input, calendarRegion: 'XX' }, 'body.calendarRegion'],
      ['a region and an inline calendar', { ...input, calendar: { utcOffsetMinutes: 480, holidays: [], workdays: [] } }, 'body.calendar'],
      ['a version (the store numbers them)', { ...input, version: 7 }, 'body'],
      ['no clocks', { ...input, clocks: undefined }, 'body.clocks'],
    ];
    for (const [what, body, field] of bad) {
      const res = await stack.http('PUT', '/v1/policies', body, admin());
      expect(res.status, what).toBe(400);
      expectProblem(res, 400, field);
    }
    expect((await stack.http('GET', '/v1/policies')).body.items).toHaveLength(1);
  });

  it('is for admins only', async () => {
    const input = await activeInput();
    for (const role of ['analyst', 'supervisor', 'dispatcher'] as const) expectProblem(await stack.http('PUT', '/v1/policies', input, stack.as(role, 'city')), 403);
    expect((await stack.http('GET', '/v1/policies')).body.items).toHaveLength(1);
  });

  it('a new version is in force for cases opened after it; a case opened before keeps its version and deadline', async () => {
    const before = await openCase(stack);
    const input = await activeInput();
    const shorter = { ...input, clocks: { ...clocks, general: { ...clocks.general, reply: { amount: 2, unit: 'hours' } } }, note: '回复时限试点：2 小时' };
    const res = await stack.http('PUT', '/v1/policies', shorter, admin());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.location).toBe(`/v1/policies/${V + 1}`);
    expect(res.body).toMatchObject({ version: V + 1, active: true, note: '回复时限试点：2 小时 (by policy-admin)' });
    expect(res.body.document).toMatchObject({ version: V + 1, calendarRegion: 'CN', clocks: { general: { reply: { amount: 2, unit: 'hours' } } } });
    const list = (await stack.http('GET', '/v1/policies')).body;
    expect(list.activeVersion).toBe(V + 1);
    expect(list.items.map((i: { version: number; active: boolean }) => [i.version, i.active])).toEqual([
      [V + 1, true],
      [V, false],
    ]);

    const after = await openCase(stack);
    // Both dispatched now, after the new version: each counts on its own.
    const fresh = await dispatch(after);
    expect(fresh.policyVersion).toBe(V + 1);
    expect(Date.parse(fresh.replyDueAt) - Date.parse(fresh.clocks.reply.startedAt)).toBe(2 * 3_600_000);
    const old = await dispatch(before);
    expect(old.policyVersion).toBe(V);
    const start = Date.parse(old.clocks.reply.startedAt);
    expect(old.replyDueAt).toBe(new Date(dueAt(start, { amount: 5, unit: 'working_days' }, defaultCasePolicy.calendar)).toISOString());
  });
});

describe('GET /v1/cases?overdue=…&warning=…', () => {
  const ids = async (query: string) => {
    const res = await stack.http('GET', `/v1/cases?limit=200&${query}`, undefined, stack.as('supervisor', 'city'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body.items as Array<{ id: string }>).map((i) => i.id);
  };

  it('a dispatched case past its 2-second sign-for clock is overdue and red; one not dispatched is neither', async () => {
    const late = await openCase(stack);
    const waiting = await openCase(stack);
    await dispatch(late);
    await eventually(async () => {
      expect(await ids('overdue=true')).toContain(late);
      expect(await ids('warning=red')).toContain(late);
    });
    expect(await ids('overdue=true')).not.toContain(waiting);
    expect(await ids('overdue=false')).toContain(waiting);
    expect(await ids('overdue=false')).not.toContain(late);
    expect(await ids('warning=yellow')).not.toContain(late);
    // With the other filters and the older warningLevel (the same values).
    expect(await ids('overdue=true&warningLevel=red&status=dispatched&unitId=d01-s01')).toContain(late);
    expect(await ids('overdue=true&warning=yellow')).not.toContain(late);
  });

  it('pages through overdue cases with the cursor like any list', async () => {
    const all = await ids('overdue=true');
    expect(all.length).toBeGreaterThan(1);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await stack.http('GET', `/v1/cases?overdue=true&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...res.body.items.map((i) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
  });

  it('refuses values it does not know, naming the parameter', async () => {
    expectProblem(await stack.http('GET', '/v1/cases?overdue=yes'), 400, 'query.overdue');
    expectProblem(await stack.http('GET', '/v1/cases?warning=none'), 400, 'query.warning');
  });
});

describe('the default policy at start-up', () => {
  it('a database whose old default (version 2, weekends only) is in force gets the current default on the official calendar', async () => {
    const testDb = await createTestDatabase('policies_upgrade');
    const handle = createDatabase(testDb.url);
    try {
      await runMigrations(handle.db);
      // As a release before the calendar tables left it: the version 2 default, an inline calendar, no calendar rows.
      const { calendarRegion: _r, extension: _e, ...v2 } = defaultPolicyDocument;
      await seedReferenceData(handle.db, { ...demoSeed, policy: { ...v2, version: 2, calendar: { utcOffsetMinutes: 480, holidays: [], workdays: [] } }, calendars: [] });
      expect((await loadActivePolicy(handle.db))!.calendar.holidays).toEqual([]);

      await seedReferenceData(handle.db, demoSeed);
      const now = new Date('2026-09-30T12:00:00+08:00');
      const active = (await loadActivePolicy(handle.db, { now }))!;
      expect(active).toMatchObject({ version: defaultPolicyDocument.version, calendarRegion: 'CN', extension: { maxDays: 10, approvableWithoutSupervisor: 1 } });
      // The region's years from the year before on: National Day 2026 is off, 2024 is left out.
      expect(active.calendar).toMatchObject({ region: 'CN', utcOffsetMinutes: 480, workingHours: [...defaultCasePolicy.calendar.workingHours!] });
      expect(active.calendar.years).toEqual([2025, 2026]);
      expect(active.calendar.holidays).toContain('2026-10-01');
      expect(active.calendar.holidays.some((d) => d.startsWith('2024-'))).toBe(false);
      // 5 working days from the eve of National Day: past the whole holiday week and its make-up Saturday.
      expect(new Date(dueAt(now.getTime(), { amount: 5, unit: 'working_days' }, active.calendar)).toISOString()).toBe('2026-10-13T04:00:00.000Z');
      // A release seeding again changes nothing; an admin's version is never replaced by a default.
      await seedReferenceData(handle.db, demoSeed);
      expect((await loadActivePolicy(handle.db))!.version).toBe(defaultPolicyDocument.version);
    } finally {
      await handle.close();
      await testDb.drop();
    }
  });

  it('a version an admin wrote stays in force when the seed runs again', async () => {
    const active = (await stack.http('GET', '/v1/policies/active')).body;
    expect(active.version).toBeGreaterThan(V);
    await seedReferenceData(stack.database.db, demoSeed);
    expect((await stack.http('GET', '/v1/policies/active')).body).toEqual(active);
  });
});
