/**
 * Open311 GeoReport v2 ↔ hotline (api/open311.mapping.ts): services from the taxonomy, the POST form as the /v1/cases
 * intake body (the spec's example request included), GET Service Requests' filters and defaults, and a case as a
 * service request — without personal data.
 */
import { describe, expect, it } from 'vitest';
import { defaultCasePolicy } from '../db/seed-policy.js';
import { demoCategories } from '../db/seed-data.js';
import { apply, opening, type Context } from '../domain/case.machine.js';
import type { Actor, CaseCommand, CaseIntake, CaseState } from '../domain/case.types.js';
import { DomainError } from '../domain/errors.js';
import type { CaseSetup } from '../domain/policy.types.js';
import { caseViewOf, presentCase } from './cases.presenter.js';
import { attributesOf, SERVICE_ATTRIBUTES, type ServiceAttribute } from './open311.attributes.js';
import {
  createdRequestOf,
  MAX_DESCRIPTION,
  personName,
  requestOf,
  requestsQueryOf,
  serviceDefinitionOf,
  serviceRequestOf,
  servicesOf,
  statusNotesOf,
  titleOf,
  w3Time,
  type ServiceForRequest,
} from './open311.mapping.js';

const parentOf = (id: string) => demoCategories.find((c) => c.id === id)?.parentId;

/** A form body as @fastify/formbody gives it: a field once is a string, repeated a list. */
function parseQuery(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    const had = out[k];
    out[k] = had === undefined ? v : [...(Array.isArray(had) ? had : [had]), v];
  }
  return out;
}
const attributes = (id: string) => attributesOf(id, parentOf);

/** The field errors of a refused request, in the order found; fails when it was not refused. */
function refusal(fn: () => unknown): { code: string; fields: string[]; reasons: string[] } {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const errors = (err.details.errors ?? []) as Array<{ field: string; reason: string }>;
    return { code: err.code, fields: errors.map((e) => e.field), reasons: errors.map((e) => e.reason) };
  }
  throw new Error('not refused');
}

describe('services', () => {
  const services = servicesOf(demoCategories, (id) => attributes(id).length > 0);

  it('are the leaf categories, each realtime, grouped by its top category, with the names on its path as keywords', () => {
    const codes = services.map((s) => s.service_code);
    expect(codes).toContain('env.noise.construction');
    expect(codes).not.toContain('env.noise');
    expect(codes).not.toContain('env');
    expect(codes).toContain('traffic.road'); // a leaf at the second level
    const parents = new Set(demoCategories.map((c) => c.parentId));
    expect(codes.every((c) => !parents.has(c))).toBe(true);
    expect(codes).toEqual([...codes].sort());
    expect(services.find((s) => s.service_code === 'env.noise.construction')).toEqual({
      service_code: 'env.noise.construction',
      service_name: '施工噪音',
      description: '环境污染 › 噪声污染 › 施工噪音',
      metadata: true,
      type: 'realtime',
      keywords: '环境污染, 噪声污染, 施工噪音',
      group: '环境污染',
    });
    expect(services.find((s) => s.service_code === 'market.price')).toMatchObject({ metadata: false, group: '市场管理' });
  });

  it('ask what their category (or its nearest ancestor) asks; every attribute table names real categories', () => {
    expect(attributes('env.noise.living').map((a) => a.code)).toEqual(['noise_time', 'noise_source']);
    expect(attributes('sanitation.streetlight').map((a) => a.code)).toEqual(['lamp_state', 'lamp_count', 'pole_number']);
    expect(attributes('market.price')).toEqual([]);
    for (const id of Object.keys(SERVICE_ATTRIBUTES)) expect(demoCategories.some((c) => c.id === id), id).toBe(true);
    for (const list of Object.values(SERVICE_ATTRIBUTES)) {
      expect(new Set(list.map((a) => a.order)).size, 'orders unique').toBe(list.length);
      expect(new Set(list.map((a) => a.code)).size, 'codes unique').toBe(list.length);
      for (const a of list) expect(Boolean(a.values?.length), a.code).toBe(a.datatype.endsWith('valuelist'));
    }
  });

  it('define their attributes in order, the lists with their values, without the label the case description uses', () => {
    const def = serviceDefinitionOf('safety.elevator.fault', attributes('safety.elevator.fault'));
    expect(def.service_code).toBe('safety.elevator.fault');
    expect(def.attributes.map((a) => [a.order, a.code, a.variable])).toEqual([
      [1, 'trapped_notice', false],
      [2, 'elevator_state', true],
      [3, 'building', true],
    ]);
    expect(def.attributes[1]).toEqual({
      variable: true,
      code: 'elevator_state',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: null,
      order: 2,
      description: '电梯现在是什么情况？',
      values: [
        { key: 'stopped', name: '停运' },
        { key: 'faulty', name: '运行异常（异响、抖动、平层不准）' },
        { key: 'overdue_check', name: '超期未年检' },
      ],
    });
    expect(def.attributes[2]).not.toHaveProperty('values');
    expect(def.attributes[2]).not.toHaveProperty('label');
  });
});

describe('POST Service Request → the /v1/cases intake', () => {
  /** The spec's example service: its two attributes as strings, as the example answers them. */
  const exampleService: ServiceForRequest = {
    service: { service_code: '001', service_name: 'Cans left out 24x7', description: '', metadata: true, type: 'realtime', keywords: '', group: 'sanitation' },
    attributes: [
      { code: 'WHISPAWN', variable: true, datatype: 'string', required: true, datatype_description: null, order: 1, description: 'Tag number', label: 'Tag' },
      { code: 'WHISDORN', variable: true, datatype: 'string', required: false, datatype_description: null, order: 2, description: 'Dorn', label: 'Dorn' },
    ],
  };
  const byCode = (code: string) => (code === '001' ? exampleService : null);

  it("takes the spec's example request, as @fastify/formbody parses it", () => {
    const form = parseQuery(
      'api_key=xyz&jurisdiction_id=city.gov&service_code=001&lat=37.76524078&long=-122.4212043&address_string=1234+5th+street&email=smit333%40sfgov.edu&device_id=tt222111&account_id=123456&first_name=john&last_name=smith&phone=111111111&description=A+large+sinkhole+is+destroying+the+street&media_url=http%3A%2F%2Ffarm3.static.flickr.com%2F2002%2F2212426634_5ed477a060.jpg&attribute[WHISPAWN]=123456&attribute[WHISDORN]=COISL001',
    );
    expect(serviceRequestOf(form, byCode)).toEqual({
      body: {
        title: 'Cans left out 24x7：A large sinkhole is destroying the street',
        description: 'A large sinkhole is destroying the street\n\n【补充信息】\nTag：123456\nDorn：COISL001',
        categoryId: '001',
        complainant: { name: 'john smith', phone: '111111111' },
        location: { address: '1234 5th street', lat: 37.76524078, lng: -122.4212043 },
        mediaUrls: ['http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg'],
      },
      accountId: '123456',
    });
  });

  const streetlight: ServiceForRequest = {
    service: servicesOf(demoCategories, () => true).find((s) => s.service_code === 'sanitation.streetlight')!,
    attributes: attributes('sanitation.streetlight'),
  };
  const odor: ServiceForRequest = { service: { ...streetlight.service, service_code: 'env.odor', service_name: '异味扰民' }, attributes: attributes('env.odor') };
  const lookup = (code: string) => (code === 'sanitation.streetlight' ? streetlight : code === 'env.odor' ? odor : null);
  const minimal = { service_code: 'sanitation.streetlight', address_id: 'd01-s01-c01', 'attribute[lamp_state]': 'dark' };

  it('writes the attributes into the description by their labels; a missing description is the service name', () => {
    const { body } = serviceRequestOf({ ...minimal, 'attribute[lamp_count]': '3', 'attribute[pole_number]': 'JC-0921', first_name: '小明', last_name: '王' }, lookup);
    expect(body).toEqual({
      title: '路灯照明',
      description: '【补充信息】\n路灯状况：不亮\n涉及盏数：3\n灯杆编号：JC-0921',
      categoryId: 'sanitation.streetlight',
      complainant: { name: '王小明' },
      location: { areaUnitId: 'd01-s01-c01' },
    });
    const multi = serviceRequestOf(
      { service_code: 'env.odor', lat: '30.1', long: '120.2', 'attribute[odor_kind][]': ['rot', 'sewage', 'rot'], 'attribute[first_noticed]': '2026-03-02T21:30:00+08:00', description: ' 晚上很臭 ' },
      lookup,
    );
    expect(multi.body.description).toBe('晚上很臭\n\n【补充信息】\n气味类型：垃圾腐臭、下水道臭味\n最早闻到：2026-03-02T21:30:00+08:00');
    expect(multi.body.title).toBe('异味扰民：晚上很臭');
  });

  it('treats an empty parameter as none (GeoReport’s Optional Arguments) and ignores parameters it does not know', () => {
    const { body, accountId } = serviceRequestOf({ ...minimal, lat: '', long: '', email: '', description: '', media_url: '', account_id: '', whatever: 'x' }, lookup);
    expect(body.location).toEqual({ areaUnitId: 'd01-s01-c01' });
    expect(body).not.toHaveProperty('mediaUrls');
    expect(accountId).toBeNull();
  });

  it('answers 404 for a service that does not exist, 400 without one', () => {
    expect(refusal(() => serviceRequestOf({ ...minimal, service_code: 'env.noise' }, lookup))).toMatchObject({ code: 'not_found', fields: ['service_code'] });
    expect(refusal(() => serviceRequestOf({ address_id: 'd01' }, lookup))).toMatchObject({ code: 'validation_failed', fields: ['service_code'] });
    expect(refusal(() => serviceRequestOf({ ...minimal, service_code: ['a', 'b'] }, lookup)).reasons).toEqual(['given more than once']);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['no location', { address_id: undefined }, ['lat, long, address_string, address_id']],
    ['lat without long', { lat: '30.5' }, ['long']],
    ['long without lat', { long: '120.5' }, ['lat']],
    ['lat not a number', { lat: '北纬30', long: '120' }, ['lat']],
    ['lat out of range (the intake’s own check)', { lat: '91', long: '120' }, ['body.location.lat']],
    ['long out of range', { lat: '30', long: '-180.5' }, ['body.location.lng']],
    ['a malformed email', { email: 'not-an-email' }, ['email']],
    ['an over-long device id', { device_id: 'd'.repeat(129) }, ['device_id']],
    ['an account id with a line break', { account_id: 'a\nb' }, ['account_id']],
    ['a description over 4,000 characters', { description: '长'.repeat(MAX_DESCRIPTION + 1) }, ['description']],
    ['media_url that is not http(s)', { media_url: 'javascript:alert(1)' }, ['body.mediaUrls.0']],
    ['media_url that is relative', { media_url: '/img/1.jpg' }, ['body.mediaUrls.0']],
    ['media_url with a password in it', { media_url: 'https://u:p@img.example/1.jpg' }, ['body.mediaUrls.0']],
    ['media_url given twice', { media_url: ['http://a.example/1.jpg', 'http://a.example/2.jpg'] }, ['media_url']],
    ['a phone that is no phone', { phone: '12' }, ['body.complainant.phone']],
    ['a name over 64 characters', { first_name: 'x'.repeat(40), last_name: 'y'.repeat(40) }, ['body.complainant.name']],
    ['an address over 300 characters', { address_string: '路'.repeat(301) }, ['body.location.address']],
    ['a required attribute missing', { 'attribute[lamp_state]': undefined }, ['attribute[lamp_state]']],
    ['a list value not offered', { 'attribute[lamp_state]': 'broken' }, ['attribute[lamp_state]']],
    ['a single-valued attribute given twice', { 'attribute[lamp_state]': ['dark', 'flicker'] }, ['attribute[lamp_state]']],
    ['a number that is none', { 'attribute[lamp_count]': 'three' }, ['attribute[lamp_count]']],
    ['a string attribute over one line', { 'attribute[pole_number]': 'a\nb' }, ['attribute[pole_number]']],
    ['an attribute the service does not ask', { 'attribute[plate]': '浙A12345' }, ['attribute[plate]']],
  ])('refuses %s (400, naming the parameter)', (_what, over, fields) => {
    const form = Object.fromEntries(Object.entries({ ...minimal, ...over }).filter(([, v]) => v !== undefined));
    expect(refusal(() => serviceRequestOf(form, lookup))).toMatchObject({ code: 'validation_failed', fields });
  });

  it('checks datetime and multivaluelist answers', () => {
    const base = { service_code: 'env.odor', address_string: '解放路 1 号', 'attribute[odor_kind]': 'rot' };
    expect(refusal(() => serviceRequestOf({ ...base, 'attribute[first_noticed]': '2026-03-02 21:30' }, lookup)).fields).toEqual(['attribute[first_noticed]']);
    expect(refusal(() => serviceRequestOf({ ...base, 'attribute[odor_kind][]': ['rot', 'smoke'] }, lookup)).reasons[0]).toMatch(/^smoke: not among/);
    // Informational attributes take no answer; one sent anyway is not kept.
    const info: ServiceAttribute = { code: 'notice', variable: false, datatype: 'string', required: false, datatype_description: null, order: 9, description: '提示', label: '提示' };
    const withInfo = (code: string) => (code === 'env.odor' ? { ...odor, attributes: [...odor.attributes, info] } : null);
    expect(serviceRequestOf({ ...base, 'attribute[notice]': 'ok' }, withInfo).body.description).not.toContain('提示');
  });

  it('names people family name first, without a space in Han, and titles a case by its service and description', () => {
    expect(personName('小明', '王')).toBe('王小明');
    expect(personName('John', 'Smith')).toBe('John Smith');
    expect(personName(undefined, '李')).toBe('李');
    expect(personName(' ', undefined)).toBeUndefined();
    expect(titleOf('施工噪音', '\n\n  每晚  十点后 仍在施工\n第二行')).toBe('施工噪音：每晚 十点后 仍在施工');
    expect(titleOf('施工噪音', '长'.repeat(61))).toBe(`施工噪音：${'长'.repeat(60)}…`);
    expect(titleOf('施工噪音', '长'.repeat(60))).toBe(`施工噪音：${'长'.repeat(60)}`);
  });
});

describe('GET Service Requests filters', () => {
  const now = Date.parse('2026-06-30T12:00:00Z');
  const known = (code: string) => code === 'env.odor' || code === 'sanitation.streetlight';
  const DAY = 86_400_000;

  it('default to the most recent 90 days, or 90 days from start_date or up to end_date', () => {
    expect(requestsQueryOf({}, now, known)).toEqual({ from: new Date(now - 90 * DAY), to: new Date(now) });
    expect(requestsQueryOf({ start_date: '2026-01-01T00:00:00Z' }, now, known)).toEqual({ from: new Date('2026-01-01T00:00:00Z'), to: new Date(Date.parse('2026-01-01T00:00:00Z') + 90 * DAY) });
    expect(requestsQueryOf({ end_date: '2026-05-01T00:00:00+08:00' }, now, known)).toEqual({ from: new Date(Date.parse('2026-04-30T16:00:00Z') - 90 * DAY), to: new Date('2026-04-30T16:00:00Z') });
    expect(requestsQueryOf({ start_date: '', status: '', service_code: '' }, now, known)).toEqual(requestsQueryOf({}, now, known));
  });

  it('stay inside the instants the record can hold', () => {
    expect(requestsQueryOf({ start_date: '9999-12-30T00:00:00Z' }, now, known).to).toEqual(new Date('9999-12-31T23:59:59.999Z'));
    expect(requestsQueryOf({ end_date: '0001-01-02T00:00:00Z' }, now, known).from).toEqual(new Date('0001-01-01T00:00:00.000Z'));
  });

  it('take comma-delimited (or repeated) service codes and statuses', () => {
    expect(requestsQueryOf({ service_code: 'env.odor, sanitation.streetlight', status: ['open', 'closed'] }, now, known)).toMatchObject({
      serviceCodes: ['env.odor', 'sanitation.streetlight'],
      statuses: ['open', 'closed'],
    });
  });

  it('let service_request_id override every other argument', () => {
    expect(requestsQueryOf({ service_request_id: 'HL0123456789ABCDEF,HL0123456789ABCDEG,HL0123456789ABCDEF', status: 'bogus' }, now, known)).toMatchObject({
      ids: ['HL0123456789ABCDEF', 'HL0123456789ABCDEG'],
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a range over 90 days', { start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-02T00:00:01Z' }, 'end_date'],
    ['start after end', { start_date: '2026-02-01T00:00:00Z', end_date: '2026-01-01T00:00:00Z' }, 'start_date'],
    ['a date without its offset', { start_date: '2026-01-01T00:00:00' }, 'start_date'],
    ['a date that is none', { end_date: 'yesterday' }, 'end_date'],
    ['a status other than open or closed', { status: 'open,pending' }, 'status'],
    ['an unknown service_code', { service_code: 'env.odor,nope' }, 'service_code'],
    ['a malformed service_request_id', { service_request_id: 'HL0123456789ABCDEF,638344' }, 'service_request_id'],
    ['a date given twice', { start_date: ['2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'] }, 'start_date'],
    ['a year the record cannot hold', { end_date: '0000-06-01T00:00:00Z' }, 'end_date'],
  ])('refuse %s (400)', (_what, params, field) => {
    expect(refusal(() => requestsQueryOf(params, now, known))).toMatchObject({ code: 'validation_failed', fields: [field] });
  });
});

describe('a case as a service request', () => {
  const policy = defaultCasePolicy;
  const t0 = Date.parse('2026-03-02T09:15:30+08:00');
  const channel: Actor = { id: 'apikey:aaaaaaaaaaaa', role: 'channel' };
  const handler: Actor = { id: 'handler-9', role: 'unit_handler', unitId: 'dept-cg' };
  const intake: CaseIntake = {
    title: '路灯照明',
    description: '路灯不亮，请联系 13812345678\n\n【补充信息】\n路灯状况：不亮',
    categoryId: 'sanitation.streetlight',
    channel: 'open311',
    channelKeyId: 'aaaaaaaaaaaa',
    complainant: { name: '王小明', phone: '13812345678' },
    location: { address: '江城区城关街道解放路 18 号', areaUnitId: 'd01-s01-c01', lat: 30.123456, lng: 120.654321 },
  };
  const setup: CaseSetup = { policy, slaClass: 'general', dispatch: { unitId: 'dept-cg', ruleId: 'dr-streetlight', copyTo: [] } };
  const step = (s: CaseState, c: CaseCommand, now: number) => apply(s, c, { now, actor: handler, policy } satisfies Context).state;
  const opened = opening('HL0123456789ABCDEF', intake, setup, t0, channel).state;
  const view = (state: CaseState) => presentCase(caseViewOf({ state, intake }, 'workflow'), 'masked');
  const ctx = { serviceName: '路灯照明', agency: '临江市城市管理局', mediaUrl: 'https://img.example/1.jpg', reply: null, offsetMinutes: 480 };

  it('carries no name or phone, the place masked, the reply clock as expected_datetime, times in w3 form', () => {
    const r = requestOf(view(opened), ctx);
    expect(r).toEqual({
      service_request_id: 'HL0123456789ABCDEF',
      status: 'open',
      status_notes: expect.stringMatching(/^已派发至承办单位，等待签收；承办单位将在 .+ 前答复您$/),
      service_name: '路灯照明',
      service_code: 'sanitation.streetlight',
      description: '路灯不亮，请联系 138****5678\n\n【补充信息】\n路灯状况：不亮',
      agency_responsible: '临江市城市管理局',
      service_notice: null,
      requested_datetime: '2026-03-02T09:15:30+08:00',
      updated_datetime: '2026-03-02T09:15:30+08:00',
      expected_datetime: w3Time(opened.clocks.reply!.dueAt, 480),
      address: '江城区城关街****',
      address_id: 'd01-s01-c01',
      zipcode: null,
      lat: 30.12,
      long: 120.65,
      media_url: 'https://img.example/1.jpg',
    });
    expect(JSON.stringify(r)).not.toMatch(/王小明|13812345678|解放路 18/);
  });

  it('follows the case to closed in the complainant’s words, with the reply once given (phone numbers masked)', () => {
    const accepted = step(opened, { kind: 'accept', payload: {} }, t0 + 60_000);
    expect(requestOf(view(accepted), ctx).status_notes).toMatch(/^承办单位已签收，正在办理；承办单位将在 .+ 前与您联系；承办单位将在 .+ 前答复您$/);
    const contacted = step(accepted, { kind: 'contact', payload: { method: 'phone' } }, t0 + 120_000);
    const replied = step(contacted, { kind: 'reply', payload: { content: '已更换灯泡，有问题请拨 0599-8800 1234', resolved: true } }, t0 + 3_600_000);
    const reply = '已更换灯泡，有问题请拨 0599-8800 1234';
    const r = requestOf(view(replied), { ...ctx, reply });
    expect(r.status).toBe('open');
    expect(r.status_notes).toMatch(/^承办单位已答复，等待回访；我们将在 .+ 前回访您；答复：已更换灯泡，有问题请拨 059\*\*\*\*1234$/);
    const closed = apply(replied, { kind: 'callback', payload: { outcome: 'reached', contacted: true, resolved: true, satisfaction: 'satisfied' } }, {
      now: t0 + 7_200_000,
      actor: { id: 'agent-1', role: 'callback_agent' },
      policy,
    }).state;
    const done = requestOf(view(closed), { ...ctx, reply });
    expect(done.status).toBe('closed');
    expect(done.status_notes).toBe('已办结；答复：已更换灯泡，有问题请拨 059****1234');
    expect(done.updated_datetime).toBe(w3Time(closed.closedAt!, 480));
    expect(statusNotesOf({ status: 'closed', outcome: 'no_contact', clocks: {} }, null, 480)).toBe('已办结（未留联系电话，不作回访）');
  });

  it('answers a POST with the case number at once and what happens next', () => {
    expect(createdRequestOf(caseViewOf({ state: opened, intake }, 'workflow'), '123456', 480)).toEqual({
      service_request_id: 'HL0123456789ABCDEF',
      service_notice: expect.stringMatching(/^您的诉求已受理，工单号 HL0123456789ABCDEF；已派发至承办单位，等待签收；承办单位将在 .+ 前答复您$/),
      account_id: '123456',
    });
  });

  it('writes instants in w3 form in the calendar’s offset', () => {
    expect(w3Time('2026-03-02T01:15:30.999Z', 480)).toBe('2026-03-02T09:15:30+08:00');
    expect(w3Time('2026-03-02T01:15:30Z', 0)).toBe('2026-03-02T01:15:30Z');
    expect(w3Time('2026-03-02T01:15:30Z', -330)).toBe('2026-03-01T19:45:30-05:30');
  });
});
