import { describe, expect, it } from 'vitest';
import { defaultCasePolicy, defaultPolicyDocument } from '../db/seed-policy.js';
import { casePolicySchema, policyDocumentSchema, policyInputSchema, resolvePolicy, toPolicyDocument, type PolicyDocument } from './policy.schema.js';
import type { WorkCalendar } from './calendar.rules.js';

const paths = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) => (r.error?.issues ?? []).map((i) => i.path.join('.'));

const { version: _v, ...input } = defaultPolicyDocument;
const weekendsOnly: WorkCalendar = { utcOffsetMinutes: 480, holidays: [], workdays: [] };
/** Version 2 as it is stored: an inline calendar, no region. */
const legacy = { ...defaultPolicyDocument, version: 2, calendarRegion: undefined, extension: undefined, calendar: weekendsOnly };

describe('stored policy documents', () => {
  it('accept the default (a region, no calendar) and a legacy document (an inline calendar, no region)', () => {
    expect(policyDocumentSchema.parse(defaultPolicyDocument)).toEqual(defaultPolicyDocument);
    expect(policyDocumentSchema.safeParse(legacy).success).toBe(true);
  });

  it('need exactly one of calendarRegion and calendar', () => {
    const { calendarRegion: _r, ...neither } = defaultPolicyDocument;
    expect(paths(policyDocumentSchema.safeParse(neither))).toEqual(['calendarRegion']);
    expect(paths(policyDocumentSchema.safeParse({ ...defaultPolicyDocument, calendar: weekendsOnly }))).toEqual(['calendar']);
  });

  it('drop fields they do not know (a newer release may add some), while admin input refuses them', () => {
    expect(policyDocumentSchema.parse({ ...defaultPolicyDocument, later: 1 })).not.toHaveProperty('later');
    expect(paths(policyInputSchema.safeParse({ ...input, yelowRatio: 0.5 }))).toEqual(['']);
    expect(paths(policyInputSchema.safeParse({ ...input, extension: { maxDays: 3, approvableWithoutSupervisor: 1, perCase: 2 } }))).toEqual(['extension']);
  });
});

describe('resolved policies', () => {
  it('must carry a calendar: a document naming only its region is not one', () => {
    expect(paths(casePolicySchema.safeParse(defaultPolicyDocument))).toEqual(['calendar']);
    expect(casePolicySchema.safeParse(defaultCasePolicy).success).toBe(true);
  });

  it('are a document and a calendar; stored again, the calendar is left to the region', () => {
    const calendar: WorkCalendar = { region: 'CN', utcOffsetMinutes: 480, holidays: ['2026-10-01'], workdays: ['2026-10-10'], years: [2026] };
    const resolved = resolvePolicy(defaultPolicyDocument, calendar);
    expect(resolved.calendar).toBe(calendar);
    expect(casePolicySchema.safeParse(resolved).success).toBe(true);
    expect(toPolicyDocument(resolved)).toEqual(defaultPolicyDocument);
    // An inline calendar without a region is the document's own: kept.
    expect(toPolicyDocument(legacy as PolicyDocument)).toBe(legacy);
    expect(resolvePolicy(legacy as PolicyDocument, undefined).calendar).toBe(weekendsOnly);
    expect(() => resolvePolicy(defaultPolicyDocument, undefined)).toThrow(/region CN/);
  });
});

describe('field rules (the error names the field)', () => {
  const general = defaultPolicyDocument.clocks.general;
  const withGeneral = (over: object) => ({ ...input, clocks: { ...input.clocks, general: { ...general, ...over } } });
  const cases: Array<[string, unknown, string]> = [
    ['an unknown unit', withGeneral({ reply: { amount: 5, unit: 'fortnights' } }), 'clocks.general.reply.unit'],
    ['half a working day', withGeneral({ reply: { amount: 2.5, unit: 'working_days' } }), 'clocks.general.reply.amount'],
    ['a clock of a million working days', withGeneral({ reply: { amount: 1e6, unit: 'working_days' } }), 'clocks.general.reply.amount'],
    ['endOfDay on an hour clock', withGeneral({ reply: { amount: 4, unit: 'hours', endOfDay: true } }), 'clocks.general.reply.endOfDay'],
    ['a yellow ratio over 1', { ...input, yellowRatio: 1.5 }, 'yellowRatio'],
    ['a missing deadline class', { ...input, clocks: { ...input.clocks, complex: undefined } }, 'clocks.complex'],
    ['a lower-case region', { ...input, calendarRegion: 'cn' }, 'calendarRegion'],
    ['an extension of 0 days', { ...input, extension: { maxDays: 0, approvableWithoutSupervisor: 1 } }, 'extension.maxDays'],
    ['a date that does not exist', { ...input, calendarRegion: undefined, calendar: { ...weekendsOnly, holidays: ['2026-02-30'] } }, 'calendar.holidays.0'],
    [
      'overlapping working hours',
      { ...input, calendarRegion: undefined, calendar: { ...weekendsOnly, workingHours: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '17:00' }] } },
      'calendar.workingHours.1.start',
    ],
    ['a note that is empty', { ...input, note: '  ' }, 'note'],
  ];
  for (const [what, body, field] of cases) {
    it(`${what}: ${field}`, () => {
      expect(paths(policyInputSchema.safeParse(body))).toContain(field);
    });
  }

  it('accepts working_hours clocks, endOfDay on working days and a note', () => {
    const ok = policyInputSchema.safeParse({
      ...withGeneral({ signFor: { amount: 2.5, unit: 'working_hours' }, reply: { amount: 5, unit: 'working_days', endOfDay: true } }),
      note: '2027 年起回复时限按工作日结束计',
    });
    expect(ok.error?.issues ?? []).toEqual([]);
  });
});
