/**
 * The official calendar through the API: the seeded years, loading a year an admin has (2027 is not in the
 * chinese-days package yet), the checks on a year, who may write, and the effect that matters: a case opened after
 * a correction counts its working-day deadline on the corrected calendar, one opened before keeps its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { DEFAULT_WORKING_HOURS, OFFICIAL_CALENDAR_YEARS, officialCalendars } from '../db/calendar-data.js';
import { calendarYears } from '../db/schema.js';
import { demoSeed, seedReferenceData } from '../db/seed.js';
import { addWorkingDays, compileCalendar, type WorkCalendar } from '../domain/calendar.rules.js';
import { openCase } from './support/cases.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
const admin = () => stack.as(['admin'], 'city', 'calendar-admin');

beforeAll(async () => {
  stack = await startStack({ name: 'calendars' });
});
afterAll(async () => stack?.close());

/** A made-up 2027 (the real one is published by the State Council in autumn 2026): New Year, a Spring Festival week, a make-up Saturday. */
const MADE_UP_2027 = {
  holidays: ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
  workdays: ['2027-02-20'],
  source: 'test: a made-up 2027',
};

const put = (year: number | string, body: unknown, headers = admin(), region = 'CN') => stack.http('PUT', `/v1/calendars/${region}/years/${year}`, body, headers);

function expectProblem(res: { status: number; body: any; headers: Record<string, unknown> }, status: number, field?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers['content-type']).toMatch(/problem\+json/);
  if (field) expect(res.body.errors?.map((e: { field: string }) => e.field), JSON.stringify(res.body)).toContain(field);
}

describe('reading', () => {
  it('lists region CN with every year of db/calendar-data.ts and where its dates come from', async () => {
    const res = await stack.http('GET', '/v1/calendars', undefined, stack.as('analyst'));
    expect(res.status).toBe(200);
    const cn = res.body.items.find((c: { region: string }) => c.region === 'CN');
    expect(cn).toMatchObject({ name: '中国大陆', timeZone: 'Asia/Shanghai', utcOffsetMinutes: 480, workingHours: DEFAULT_WORKING_HOURS.map((p) => ({ ...p })) });
    const seeded = cn.years.filter((y: { year: number }) => OFFICIAL_CALENDAR_YEARS.includes(y.year));
    expect(seeded.map((y: { year: number }) => y.year)).toEqual([...OFFICIAL_CALENDAR_YEARS]);
    for (const y of seeded) {
      expect(y.source).toBe(officialCalendars[y.year]!.source);
      expect(y.source).toMatch(/^chinese-days@\d+\.\d+\.\d+/);
      expect(y.holidays).toBe(officialCalendars[y.year]!.holidays.length);
    }
  });

  it('gives one year with its dates, sorted; 404 for a year or region not loaded; 400 for a malformed one', async () => {
    const res = await stack.http('GET', '/v1/calendars/CN/years/2026', undefined, stack.as('unit_handler', 'd01-s01'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      region: 'CN',
      year: 2026,
      holidays: [...officialCalendars[2026]!.holidays].sort(),
      workdays: [...officialCalendars[2026]!.workdays].sort(),
      source: officialCalendars[2026]!.source,
      updatedBy: 'seed',
    });
    expectProblem(await stack.http('GET', '/v1/calendars/CN/years/2099'), 404);
    expectProblem(await stack.http('GET', '/v1/calendars/XX/years/2026'), 404);
    expectProblem(await stack.http('GET', '/v1/calendars/CN/years/26'), 400, 'params.year');
    expectProblem(await stack.http('GET', '/v1/calendars/cn/years/2026'), 400, 'params.region');
  });
});

describe('loading a year (admins)', () => {
  it('loads 2027, which chinese-days does not have yet: 200, then listed and readable with who loaded it', async () => {
    const before = Date.now();
    const res = await put(2027, MADE_UP_2027);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ region: 'CN', year: 2027, ...MADE_UP_2027, updatedBy: 'calendar-admin' });
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThanOrEqual(before - 1_000);
    expect((await stack.http('GET', '/v1/calendars/CN/years/2027')).body).toEqual(res.body);
    const cn = (await stack.http('GET', '/v1/calendars')).body.items.find((c: { region: string }) => c.region === 'CN');
    expect(cn.years.at(-1)).toMatchObject({ year: 2027, source: MADE_UP_2027.source, holidays: 8, workdays: 1, updatedBy: 'calendar-admin' });

    // A correction replaces the year as a whole.
    const corrected = await put(2027, { ...MADE_UP_2027, workdays: ['2027-02-20', '2027-01-31'], source: 'test: corrected' });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(corrected.body.workdays).toEqual(['2027-01-31', '2027-02-20']);
  });

  it('refuses a year that cannot be right, naming the field and index; nothing is stored', async () => {
    const stored = (await stack.http('GET', '/v1/calendars/CN/years/2027')).body;
    const cases: Array<[string, unknown, string]> = [
      ['a date of another year', { ...MADE_UP_2027, holidays: ['2027-01-01', '2026-12-31'] }, 'body.holidays.1'],
      ['a day both off and worked', { ...MADE_UP_2027, workdays: ['2027-02-20', '2027-02-06'] }, 'body.workdays.1'],
      ['a weekday as a make-up day', { ...MADE_UP_2027, workdays: ['2027-02-17'] }, 'body.workdays.0'],
      ['a malformed date', { ...MADE_UP_2027, holidays: ['2027-1-1'] }, 'body.holidays.0'],
      ['a date that does not exist', { ...MADE_UP_2027, holidays: ['2027-01-01', '2027-02-30'] }, 'body.holidays.1'],
      ['a date listed twice', { ...MADE_UP_2027, holidays: ['2027-01-01', '2027-01-01'] }, 'body.holidays.1'],
      ['weekends only', { ...MADE_UP_2027, holidays: ['2027-02-06', '2027-02-07'] }, 'body.holidays'],
      ['no source', { holidays: MADE_UP_2027.holidays, workdays: [] }, 'body.source'],
      ['an unknown field', { ...MADE_UP_2027, region: 'CN' }, 'body'],
    ];
    for (const [what, body, field] of cases) {
      const res = await put(2027, body);
      expect(res.body.code, what).toBe('validation_failed');
      expectProblem(res, 400, field);
    }
    expectProblem(await put(1999, MADE_UP_2027), 400, 'params.year');
    expect((await stack.http('GET', '/v1/calendars/CN/years/2027')).body).toEqual(stored);
  });

  it('is for admins only; an unknown region is 404', async () => {
    for (const role of ['dispatcher', 'supervisor', 'analyst', 'intake_agent'] as const) {
      expectProblem(await put(2027, MADE_UP_2027, stack.as(role, 'city')), 403);
    }
    expectProblem(await stack.app.inject({ method: 'PUT', url: '/v1/calendars/CN/years/2027', payload: MADE_UP_2027 }).then((r) => ({ status: r.statusCode, body: r.json(), headers: r.headers })), 401);
    expectProblem(await put(2027, MADE_UP_2027, admin(), 'XX'), 404);
  });
});

describe('deadlines on the corrected calendar', () => {
  const DAY = 86_400_000;
  const OFFSET = 480 * 60_000;
  const local = (ms: number) => new Date(ms + OFFSET).toISOString().slice(0, 10);

  /** The calendar new cases count on, as the API reports it: every loaded year from last year on, merged. */
  async function calendarFromApi(): Promise<WorkCalendar> {
    const lastYear = new Date().getUTCFullYear() - 1;
    const cn = (await stack.http('GET', '/v1/calendars')).body.items.find((c: { region: string }) => c.region === 'CN');
    const years = await Promise.all(
      cn.years.filter((y: { year: number }) => y.year >= lastYear).map(async (y: { year: number }) => (await stack.http('GET', `/v1/calendars/CN/years/${y.year}`)).body),
    );
    return {
      region: 'CN',
      utcOffsetMinutes: 480,
      holidays: years.flatMap((y) => y.holidays),
      workdays: years.flatMap((y) => y.workdays),
      workingHours: cn.workingHours,
    };
  }

  const dispatch = async (id: string) => {
    const res = await stack.http('POST', `/v1/cases/${id}/dispatch`, { unitId: 'd01-s01' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { replyDueAt: string; slaClass: string; clocks: { reply: { startedAt: string } } };
  };

  it('a case opened after an admin adds a holiday right ahead counts its reply deadline past it; one opened before does not', async () => {
    const before = await calendarFromApi();
    // The next day (Shanghai time) that is worked on the current calendar becomes a holiday.
    const now = Date.now();
    let day = now + DAY;
    while (!compileCalendar(before).isWorkingDay(day)) day += DAY;
    const holiday = local(day);
    const year = Number(holiday.slice(0, 4));
    const current = await stack.http('GET', `/v1/calendars/CN/years/${year}`);
    const base = current.status === 200 ? current.body : { holidays: [], workdays: [] };

    const opened = await openCase(stack); // before the correction: keeps the calendar it opened under
    const res = await put(year, { holidays: [...base.holidays, holiday], workdays: base.workdays, source: `test: ${holiday} off` });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = await calendarFromApi();
    expect(after.holidays).toContain(holiday);

    // Category env.noise.construction is of class general: reply within 5 working days of the dispatch.
    const id = await openCase(stack, { categoryId: 'env.noise.construction' });
    const fresh = await dispatch(id);
    expect(fresh.slaClass).toBe('general');
    const start = Date.parse(fresh.clocks.reply.startedAt);
    const expected = addWorkingDays(start, 5, after);
    expect(fresh.replyDueAt).toBe(new Date(expected).toISOString());
    // The holiday moved it: one working day later than on the calendar before, and after the holiday.
    expect(expected).toBeGreaterThan(addWorkingDays(start, 5, before));
    expect(local(expected) > holiday).toBe(true);

    const old = await dispatch(opened);
    expect(old.replyDueAt).toBe(new Date(addWorkingDays(Date.parse(old.clocks.reply.startedAt), 5, before)).toISOString());
  });
});

describe('the seed at start-up', () => {
  it('inserts the years that are missing and never overwrites one an admin loaded or corrected', async () => {
    const year = OFFICIAL_CALENDAR_YEARS[0]!;
    const corrected = await put(year, { ...officialCalendars[year]!, source: 'test: corrected by an admin' });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    // A database from before a release that added a year: the row is missing.
    const last = OFFICIAL_CALENDAR_YEARS.at(-1)!;
    await stack.database.db.delete(calendarYears).where(and(eq(calendarYears.region, 'CN'), eq(calendarYears.year, last)));
    expectProblem(await stack.http('GET', `/v1/calendars/CN/years/${last}`), 404);

    await seedReferenceData(stack.database.db, demoSeed);
    expect((await stack.http('GET', `/v1/calendars/CN/years/${year}`)).body).toEqual(corrected.body);
    expect((await stack.http('GET', '/v1/calendars/CN/years/2027')).body.source).toMatch(/^test: /);
    expect((await stack.http('GET', `/v1/calendars/CN/years/${last}`)).body).toMatchObject({ source: officialCalendars[last]!.source, updatedBy: 'seed' });
  });
});
