/**
 * The one masking pass, checked against the response schemas themselves: every string field of every answer a
 * masked reader can get is either free text (masked) or an identifier, code or instant (left alone), and this file
 * says which. A string field added to a view later fails the first test until it is classified here; the second
 * fills every field of a view built from the schema with a phone number and checks the answer.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { notificationList } from './notifications.routes.js';
import { isFreeText, maskFreeText, maskSummary, presentCase, presentEvents } from './cases.presenter.js';
import { caseEventList, caseSummary, caseView, type CaseEventView, type CaseSummary, type CaseViewBody } from './cases.schemas.js';
import { masterList, relatedList } from './repeats.routes.js';
import { drillList } from './assessment.schemas.js';
import { analysisCaseList } from './analysis.schemas.js';

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; keyType?: z.ZodType; valueType?: z.ZodType; options?: z.ZodType[]; in?: z.ZodType; entries?: Record<string, string> };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Paths of the plain string fields of a schema (enums and literals are codes from fixed lists, not text). */
function stringFields(schema: z.ZodType, path = ''): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return [path];
    case 'object':
      return Object.entries(def.shape!).flatMap(([k, v]) => stringFields(v, path ? `${path}.${k}` : k));
    case 'array':
      return stringFields(def.element!, `${path}[]`);
    case 'nullable':
    case 'optional':
    case 'default':
      return stringFields(def.innerType!, path);
    case 'record':
      return stringFields(def.valueType!, `${path}.*`);
    case 'union':
      return [...new Set(def.options!.flatMap((o) => stringFields(o, path)))];
    case 'pipe':
      return stringFields(def.in!, path);
    case 'unknown':
      // Open data (a timeline event's): whatever is in it is judged by its keys' names.
      return [path];
    default:
      return [];
  }
}

/** Whether the presenter takes the field at this path for free text: its own key, and every key above it. */
const freeTextPath = (path: string) => path.split('.').every((part) => part === '*' || isFreeText(part.replace(/\[\]/g, '')));

/** Personal data: masked by its own rules (name, phone, address), never through the free-text pass. */
const PERSONAL = ['complainant.name', 'complainant.phone', 'location.address'];

/** The free-text fields of every answer, as this project decides them. */
const FREE_TEXT: Record<string, [z.ZodType, string[]]> = {
  caseView: [
    caseView,
    [
      'title',
      'description',
      'cooperation[].report',
      'triage.note',
      'triage.referredTo',
      'hold.reason',
      'extensions[].reason',
      'extensions[].note',
      'callbackAttempts[].note',
      'review.reason',
      'rating.comment',
      ...PERSONAL,
    ],
  ],
  caseSummary: [caseSummary, ['title', 'complainant.name', 'complainant.phone']],
  // The timeline's data is open (`data.*`): every key in it is judged by its name (see the last test).
  caseEventList: [caseEventList, ['items[].data.*']],
  notificationList: [notificationList, ['items[].message', 'items[].lastError', 'items[].attempts[].error']],
  relatedList: [relatedList, ['items[].title']],
  masterList: [masterList, ['items[].title']],
  // The cases behind an assessment figure: each case as the case list shows it (maskSummary); the rest is labels,
  // local days and the formula in words, none of it typed by anyone.
  drillList: [
    drillList,
    ['period', 'items[].day', 'figure.formula.zh', 'figure.formula.en', 'items[].case.title', 'items[].case.complainant.name', 'items[].case.complainant.phone'],
  ],
  // The cases behind an analysis figure: each case as the case list shows it (maskSummary); the rest is local days.
  analysisCaseList: [analysisCaseList, ['range.period', 'items[].title', 'items[].complainant.name', 'items[].complainant.phone']],
};

describe('every string field of every answer is classified', () => {
  for (const [name, [schema, freeText]] of Object.entries(FREE_TEXT)) {
    it(name, () => {
      const fields = stringFields(schema);
      expect(fields.length).toBeGreaterThan(0);
      // Anything taken for free text that this file does not list (or listed but not taken) fails here.
      expect(fields.filter(freeTextPath).sort()).toEqual([...freeText].sort());
    });
  }
});

const PHONE = '13700007777';
const typed = (path: string) => `${path}: 请回电 ${PHONE}`;

/** A value for the schema with every string field set to text holding PHONE (ids too: they must stay untouched). */
function sample(schema: z.ZodType, path = ''): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return typed(path);
    case 'number':
      return 30.123456;
    case 'boolean':
      return true;
    case 'enum':
      return Object.values(def.entries!)[0];
    case 'object':
      return Object.fromEntries(Object.entries(def.shape!).map(([k, v]) => [k, sample(v, path ? `${path}.${k}` : k)]));
    case 'array':
      return [sample(def.element!, `${path}[]`)];
    case 'nullable':
    case 'optional':
    case 'default':
      return sample(def.innerType!, path);
    case 'record': {
      const key = defOf(def.keyType!).type === 'enum' ? Object.values(defOf(def.keyType!).entries!)[0]! : 'note';
      return { [key]: sample(def.valueType!, `${path}.${key}`) };
    }
    case 'unknown':
      return { note: typed(`${path}.note`), unitId: typed(`${path}.unitId`), nested: [{ reason: typed(`${path}.nested.reason`), at: typed(`${path}.nested.at`) }] };
    default:
      return null;
  }
}

/** Every string in a value with its path. */
function strings(v: unknown, path = ''): Array<[string, string]> {
  if (typeof v === 'string') return [[path, v]];
  if (Array.isArray(v)) return v.flatMap((x) => strings(x, `${path}[]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, path ? `${path}.${k}` : k));
  return [];
}

describe('a phone number in every field of a view', () => {
  const view = sample(caseView) as CaseViewBody;

  it('masked: every free-text field and the personal data masked, every identifier, code and instant as it was', () => {
    const masked = presentCase(view, 'masked');
    expect(masked.piiMasked).toBe(true);
    const before = new Map(strings(view));
    for (const [path, value] of strings(masked)) {
      if (path === 'complainant.phone') expect(value).toBe('137****7777');
      else if (freeTextPath(path)) expect(value, path).not.toContain(PHONE);
      else expect(value, path).toBe(before.get(path));
    }
    expect(masked.location).toEqual({ address: expect.stringMatching(/\*\*\*\*$/), areaUnitId: view.location!.areaUnitId, lat: 30.12, lng: 30.12 });
  });

  it('place (a cooperating unit): the place in clear, name and phone masked, free text masked', () => {
    const place = presentCase(view, 'place');
    expect(place.piiMasked).toBe(true);
    expect(place.complainant.name).not.toBe(view.complainant.name);
    expect(place.location).toMatchObject({ areaUnitId: view.location!.areaUnitId, lat: 30.123456, lng: 30.123456 });
    expect(place.location!.address).toBe(`location.address: 请回电 137****7777`);
    expect(place.description).toBe('description: 请回电 137****7777');
  });

  it('all (those handling the case): as it is', () => {
    expect(presentCase(view, 'all')).toBe(view);
  });

  it('lists are masked whoever reads them', () => {
    const summary = maskSummary(sample(caseSummary) as CaseSummary);
    for (const [path, value] of strings(summary)) if (freeTextPath(path)) expect(value, path).not.toContain(PHONE);
    expect(summary.id).toContain(PHONE);
  });

  it('the timeline: any key in an event’s data is judged by its name, at any depth', () => {
    const [sampled] = (sample(caseEventList) as { items: CaseEventView[] }).items;
    const event: CaseEventView = {
      ...sampled!,
      data: { note: typed('note'), unitId: typed('unitId'), copiedTo: [typed('copiedTo')], nested: [{ reason: typed('reason'), at: typed('at') }] },
    };
    const [masked] = presentEvents([event], 'masked');
    expect(masked!.data).toEqual({
      note: 'note: 请回电 137****7777',
      unitId: typed('unitId'),
      copiedTo: [typed('copiedTo')],
      nested: [{ reason: 'reason: 请回电 137****7777', at: typed('at') }],
    });
    expect(masked!.actor).toEqual(event.actor);
    expect(presentEvents([event], 'all')).toEqual([event]);
  });

  it('maskFreeText leaves numbers, booleans and null alone and changes no key', () => {
    expect(maskFreeText({ a: 1, b: true, c: null, [`k${PHONE}`]: 'x' })).toEqual({ a: 1, b: true, c: null, [`k${PHONE}`]: 'x' });
  });
});
