/**
 * Open311 GeoReport v2 and channel identities (issue 22), through HTTP against the real stack (Temporal and
 * PostgreSQL):
 * - a standard client: discovery, services, a service definition, a POST with a photo URL (the spec's example form),
 *   then the request followed to closed while staff handle the case through /v1 — JSON and XML at every stage, the
 *   same case seen through /v1/cases, no personal data in any GET answer;
 * - errors in the spec's shape and status for bad input in each field, in both formats, never problem+json;
 * - a channel's API key: its channel taken from the key, idempotency per channel ticket, only its own cases;
 * - the administrators' routes for API keys, and links (mediaUrls) at intake recorded as attachments.
 */
import { and, asc, eq } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDispatchRules } from '../db/seed-data.js';
import { attachments, cases } from '../db/schema.js';
import { w3Time } from '../api/open311.mapping.js';
import { plainStatus } from '../api/public.service.js';
import { act, eventually } from './support/cases.js';
import { demoComplaint } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

/** The spec's element names (wiki.open311.org/GeoReport_v2, Response tables). */
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
].sort();
const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'].sort();
const ATTRIBUTE_FIELDS = ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'].sort();
const CREATED_FIELDS = ['service_request_id', 'service_notice', 'account_id'].sort();

const LIST_ITEMS = new Set(['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format']);
const xmlParser = new XMLParser({ parseTagValue: false, trimValues: true, ignoreDeclaration: true, isArray: (name) => LIST_ITEMS.has(name) });

interface Answer {
  status: number;
  /** JSON as sent, or the XML parsed (strings; lists as arrays). */
  body: any;
  raw: string;
  contentType: string;
  headers: Record<string, unknown>;
}

let stack: TestStack;
/** Two Open311 clients, a web portal's key, and a system acting as an intake agent (not a channel). */
const keys = { a: '', b: '', web: '', app: '', staff: '' };
const keyIds = { a: '', b: '', web: '' };

/** A request under /open311 as a client sends it: query parameters, a form body; the answer parsed by its content type. */
async function open311(method: 'GET' | 'POST', path: string, opts: { query?: Record<string, string>; form?: string | Record<string, string>; headers?: Record<string, string> } = {}): Promise<Answer> {
  const qs = opts.query ? `?${new URLSearchParams(opts.query).toString()}` : '';
  const form = opts.form === undefined ? undefined : typeof opts.form === 'string' ? opts.form : new URLSearchParams(opts.form).toString();
  const res = await stack.app.inject({
    method,
    url: `/open311${path}${qs}`,
    headers: { ...(form !== undefined && { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }), ...opts.headers },
    ...(form !== undefined && { payload: form }),
  });
  const contentType = String(res.headers['content-type'] ?? '');
  let body: unknown;
  if (contentType.startsWith('text/xml')) {
    expect(XMLValidator.validate(res.body), `well-formed XML: ${res.body}`).toBe(true);
    expect(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    body = xmlParser.parse(res.body);
  } else {
    expect(contentType, res.body).toMatch(/^application\/json; charset=utf-8/);
    body = JSON.parse(res.body);
  }
  return { status: res.statusCode, body, raw: res.body, contentType, headers: res.headers };
}

/** The errors of an answer, in either format, as [code, description]. */
function errorsOf(a: Answer): Array<[number, string]> {
  const list = a.contentType.startsWith('text/xml') ? (a.body.errors.error as Array<{ code: string; description: string }>) : (a.body as Array<{ code: number; description: string }>);
  expect(Array.isArray(list), a.raw).toBe(true);
  return list.map((e) => [Number(e.code), e.description]);
}

const spotForm = (over: Record<string, string> = {}) => ({
  api_key: keys.a,
  jurisdiction_id: 'linjiang.gov.cn',
  service_code: 'sanitation.streetlight',
  lat: '30.123456',
  long: '120.654321',
  address_string: '江城区城关街道解放路18号',
  address_id: 'd01-s01-c01',
  email: 'wang.xiaoming@mail.example',
  device_id: 'device-77',
  account_id: 'acct-5521',
  first_name: '小明',
  last_name: '王',
  phone: '13812345678',
  description: '小区门口的路灯三天不亮了，晚上很黑。有事打我 13812345678',
  media_url: 'https://photos.example.com/lamp/0921.jpg',
  'attribute[lamp_state]': 'dark',
  'attribute[lamp_count]': '2',
  ...over,
});

beforeAll(async () => {
  stack = await startStack({ name: 'open311', dispatchRules: [...demoDispatchRules] });
  const create = async (body: Record<string, unknown>) => {
    const res = await stack.http('POST', '/v1/api-keys', body, stack.as('admin'));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; key: string };
  };
  const [a, b, web, app, staff] = await Promise.all([
    create({ name: '城市 App 的 Open311 客户端', channel: 'open311' }),
    create({ name: '第三方 Open311 客户端', channel: 'open311' }),
    create({ name: '12345 网站', channel: 'web' }),
    create({ name: '12345 App', channel: 'app' }),
    create({ name: '热线电话平台', roles: ['intake_agent'], unitId: 'city' }),
  ]);
  Object.assign(keys, { a: a.key, b: b.key, web: web.key, app: app.key, staff: staff.key });
  Object.assign(keyIds, { a: a.id, b: b.id, web: web.id });
}, 120_000);
afterAll(async () => stack?.close());

describe('a standard Open311 client', () => {
  it('discovers the endpoint, in both formats', async () => {
    const json = await open311('GET', '/discovery.json');
    expect(json.status).toBe(200);
    expect(json.body).toEqual({
      changeset: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      contact: expect.any(String),
      key_service: expect.stringContaining('/v1/api-keys'),
      endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://localhost:80/open311/v2', changeset: json.body.changeset, type: 'production', formats: ['text/xml', 'application/json'] }],
    });
    const xml = await open311('GET', '/discovery.xml');
    expect(xml.contentType).toBe('text/xml; charset=utf-8');
    expect(xml.body.discovery.endpoints.endpoint[0]).toEqual({ ...json.body.endpoints[0], formats: { format: ['text/xml', 'application/json'] } });
  });

  it('lists the services: the leaf categories with group and keywords, without a key; the same in XML', async () => {
    const json = await open311('GET', '/v2/services.json', { query: { jurisdiction_id: 'linjiang.gov.cn' } });
    expect(json.status).toBe(200);
    const services = json.body as Array<Record<string, unknown>>;
    for (const s of services) expect(Object.keys(s).sort()).toEqual(SERVICE_FIELDS);
    expect(services.find((s) => s.service_code === 'sanitation.streetlight')).toEqual({
      service_code: 'sanitation.streetlight',
      service_name: '路灯照明',
      description: '市容环卫 › 路灯照明',
      metadata: true,
      type: 'realtime',
      keywords: '市容环卫, 路灯照明',
      group: '市容环卫',
    });
    expect(services.some((s) => s.service_code === 'sanitation')).toBe(false);
    expect(services.find((s) => s.service_code === 'market.price')?.metadata).toBe(false);
    const xml = await open311('GET', '/v2/services.xml');
    const items = xml.body.services.service as Array<Record<string, string>>;
    expect(items.map((s) => s.service_code)).toEqual(services.map((s) => s.service_code));
    for (const s of items) expect(Object.keys(s).sort()).toEqual(SERVICE_FIELDS);
    expect(items.find((s) => s.service_code === 'sanitation.streetlight')).toMatchObject({ metadata: 'true', type: 'realtime', group: '市容环卫' });
  });

  it('reads a service definition where the category asks attributes; one without attributes has none', async () => {
    const json = await open311('GET', '/v2/services/sanitation.streetlight.json');
    expect(json.status).toBe(200);
    expect(json.body.service_code).toBe('sanitation.streetlight');
    expect(json.body.attributes.map((a: { code: string }) => a.code)).toEqual(['lamp_state', 'lamp_count', 'pole_number']);
    for (const a of json.body.attributes) expect(Object.keys(a).filter((k) => k !== 'values').sort()).toEqual(ATTRIBUTE_FIELDS);
    const xml = await open311('GET', '/v2/services/sanitation.streetlight.xml');
    const attribute = xml.body.service_definition.attributes.attribute as Array<Record<string, any>>;
    expect(attribute[0]).toMatchObject({ variable: 'true', code: 'lamp_state', datatype: 'singlevaluelist', required: 'true', datatype_description: '', order: '1' });
    expect(attribute[0]!.values.value.map((v: { key: string }) => v.key)).toEqual(['dark', 'flicker', 'on_by_day', 'damaged']);
    const none = await open311('GET', '/v2/services/market.price.xml');
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ service_definition: { service_code: 'market.price', attributes: '' } });
    const missing = await open311('GET', '/v2/services/sanitation.xml');
    expect(missing.status).toBe(404);
    expect(errorsOf(missing)).toEqual([[404, 'service_code: no service sanitation (GET services lists them)']]);
  });

  it("takes the spec's example request, form-encoded as the spec sends it", async () => {
    // The spec's example (GeoReport v2, POST Service Request) with this endpoint's service and key; its own
    // attributes are not this service's, so the streetlight's are sent instead.
    const body =
      `api_key=${encodeURIComponent(keys.a)}&jurisdiction_id=city.gov&service_code=sanitation.streetlight&lat=37.76524078&long=-122.4212043&address_string=1234+5th+street` +
      '&email=smit333%40sfgov.edu&device_id=tt222111&account_id=123456&first_name=john&last_name=smith&phone=111111111' +
      '&description=A+large+sinkhole+is+destroying+the+street&media_url=http%3A%2F%2Ffarm3.static.flickr.com%2F2002%2F2212426634_5ed477a060.jpg' +
      '&attribute[lamp_state]=damaged';
    const res = await open311('POST', '/v2/requests.xml', { form: body });
    expect(res.status, res.raw).toBe(201);
    const [created] = res.body.service_requests.request;
    expect(Object.keys(created).sort()).toEqual(CREATED_FIELDS);
    expect(created.account_id).toBe('123456');
    const staff = await stack.http('GET', `/v1/cases/${created.service_request_id}`);
    expect(staff.body).toMatchObject({
      channel: 'open311',
      channelKeyId: keyIds.a,
      categoryId: 'sanitation.streetlight',
      title: '路灯照明：A large sinkhole is destroying the street',
      complainant: { name: 'j*********', phone: '*******11' },
      location: { address: '1234 5****', lat: 37.77, lng: -122.42 },
    });
  });

  it('posts a request with a photo URL and follows it to closed; the case is the same through /v1/cases', async () => {
    const posted = await open311('POST', '/v2/requests.json', { form: spotForm() });
    expect(posted.status, posted.raw).toBe(201);
    expect(posted.body).toHaveLength(1);
    const [created] = posted.body;
    expect(Object.keys(created).sort()).toEqual(CREATED_FIELDS);
    const id: string = created.service_request_id;
    expect(id).toMatch(/^HL[0-9A-Z]{16}$/);
    expect(created.service_notice).toMatch(new RegExp(`^您的诉求已受理，工单号 ${id}；已派发至承办单位，等待签收；承办单位将在 .+ 前答复您$`));
    expect(created.account_id).toBe('acct-5521');

    // The same case through /v1/cases: the channel's key reads it masked; it came from this key, of the open311
    // channel; the catalogue sent it to the city management bureau at once.
    const own = await stack.http('GET', `/v1/cases/${id}`, undefined, { 'x-api-key': keys.a });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body).toMatchObject({
      id,
      status: 'dispatched',
      channel: 'open311',
      channelKeyId: keyIds.a,
      categoryId: 'sanitation.streetlight',
      unitId: 'dept-cg',
      complainant: { name: '王**', phone: '138****5678' },
      piiMasked: true,
      dispatches: [{ unitId: 'dept-cg', kind: 'catalogue', ruleId: 'dr-streetlight' }],
    });
    const handler = await stack.http('GET', `/v1/cases/${id}`, undefined, stack.as('unit_handler', 'dept-cg'));
    expect(handler.body.complainant).toEqual({ name: '王小明', phone: '13812345678' });
    expect(handler.body.location).toEqual({ address: '江城区城关街道解放路18号', areaUnitId: 'd01-s01-c01', lat: 30.123456, lng: 120.654321 });
    expect(handler.body.description).toBe('小区门口的路灯三天不亮了，晚上很黑。有事打我 13812345678\n\n【补充信息】\n路灯状况：不亮\n涉及盏数：2');
    expect(handler.body.title).toBe('路灯照明：小区门口的路灯三天不亮了，晚上很黑。有事打我 13812345678');
    // The record says which system handed it over; the photo is a link row, never fetched.
    await eventually(async () => {
      const [row] = await stack.database.db.select({ channel: cases.channel, channelKeyId: cases.channelKeyId }).from(cases).where(eq(cases.id, id));
      expect(row).toEqual({ channel: 'open311', channelKeyId: keyIds.a });
    });
    const links = await stack.database.db.select().from(attachments).where(eq(attachments.caseId, id));
    expect(links).toEqual([
      expect.objectContaining({ kind: 'link', url: 'https://photos.example.com/lamp/0921.jpg', stage: 'intake', addedBy: { kind: 'channel', id: keyIds.a }, storageKey: null, removedAt: null }),
    ]);
    const timeline = await stack.http('GET', `/v1/cases/${id}/events`);
    expect(timeline.body.items[0].actor).toEqual({ id: `apikey:${keyIds.a}`, role: 'channel' });

    /** The request as the client reads it now, JSON and XML alike, checked against the case as staff see it. */
    const follow = async (expected: { status: 'open' | 'closed'; notes: RegExp; reply?: boolean }) => {
      const json = await open311('GET', `/v2/requests/${id}.json`, { query: { api_key: keys.a, jurisdiction_id: 'linjiang.gov.cn' } });
      const xml = await open311('GET', `/v2/requests/${id}.xml`, { query: { api_key: keys.a } });
      expect(json.status, json.raw).toBe(200);
      expect(xml.status, xml.raw).toBe(200);
      expect(json.body).toHaveLength(1);
      const [r] = json.body;
      expect(Object.keys(r).sort()).toEqual(REQUEST_FIELDS);
      const [x] = xml.body.service_requests.request;
      expect(Object.keys(x).sort()).toEqual(REQUEST_FIELDS);
      for (const f of REQUEST_FIELDS) expect(x[f], f).toBe(r[f] === null ? '' : String(r[f]));
      // No personal data in any GET answer: no name, phone, email, device, exact address or exact coordinates (free
      // text is masked as everywhere: phone numbers typed into it).
      for (const raw of [json.raw, xml.raw]) expect(raw).not.toMatch(/王小明|13812345678|wang\.xiaoming|device-77|acct-5521|解放路18号|30\.123456|120\.654321/);
      const v1 = (await stack.http('GET', `/v1/cases/${id}`)).body;
      expect(r).toMatchObject({
        service_request_id: id,
        status: expected.status,
        service_name: '路灯照明',
        service_code: 'sanitation.streetlight',
        description: '小区门口的路灯三天不亮了，晚上很黑。有事打我 138****5678\n\n【补充信息】\n路灯状况：不亮\n涉及盏数：2',
        agency_responsible: '临江市城市管理局',
        service_notice: null,
        requested_datetime: w3Time(v1.receivedAt, 480),
        updated_datetime: w3Time(v1.status === 'closed' ? v1.closedAt : v1.updatedAt, 480),
        expected_datetime: w3Time(v1.clocks.reply.dueAt, 480),
        address: '江城区城关街****',
        address_id: 'd01-s01-c01',
        zipcode: null,
        lat: 30.12,
        long: 120.65,
        media_url: 'https://photos.example.com/lamp/0921.jpg',
      });
      expect(r.status_notes).toMatch(expected.notes);
      expect(r.status_notes.startsWith(plainStatus(v1))).toBe(true);
      expect(r.status_notes.includes('答复：')).toBe(expected.reply === true);
      return r;
    };

    await follow({ status: 'open', notes: /^已派发至承办单位，等待签收；承办单位将在 .+ 前答复您$/ });
    await act(stack, id, 'accept');
    await follow({ status: 'open', notes: /^承办单位已签收，正在办理；承办单位将在 .+ 前与您联系；承办单位将在 .+ 前答复您$/ });
    await act(stack, id, 'contact', { method: 'phone', note: '已电话联系' });
    await follow({ status: 'open', notes: /^承办单位已与您联系，正在办理；承办单位将在 .+ 前答复您$/ });
    await act(stack, id, 'progress', { note: '经办人 刘建国 已派维修班组' });
    await act(stack, id, 'reply', { content: '已更换两盏路灯的灯泡，恢复照明', resolved: true });
    // The reply reaches the record a moment after the answer.
    await eventually(() => follow({ status: 'open', notes: /^承办单位已答复，等待回访；我们将在 .+ 前回访您；答复：已更换两盏路灯的灯泡，恢复照明$/, reply: true }));
    await act(stack, id, 'callback', { outcome: 'reached', contacted: true, resolved: true, satisfaction: 'satisfied' });
    const closed = await follow({ status: 'closed', notes: /^已办结；答复：已更换两盏路灯的灯泡，恢复照明$/, reply: true });
    // No staff names or internal notes: the progress note's handler is nowhere.
    expect(JSON.stringify(closed)).not.toContain('刘建国');

    // The lists and the token find it too, by the same key.
    await eventually(async () => {
      const listed = await open311('GET', '/v2/requests.json', { query: { api_key: keys.a, status: 'closed', service_code: 'sanitation.streetlight' } });
      expect(listed.status).toBe(200);
      expect(listed.body.map((r: { service_request_id: string }) => r.service_request_id)).toContain(id);
    });
    const open = await open311('GET', '/v2/requests.json', { query: { api_key: keys.a, status: 'open' } });
    expect(open.body.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(id);
    const byId = await open311('GET', '/v2/requests.xml', { query: { api_key: keys.a, service_request_id: `${id},HL0000000000000000`, status: 'open' } });
    expect(byId.body.service_requests.request.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([id]);
    const token = await open311('GET', `/v2/tokens/${id}.json`, { query: { api_key: keys.a } });
    expect(token.body).toEqual([{ service_request_id: id, token: id }]);
    const tokenXml = await open311('GET', `/v2/tokens/${id}.xml`, { query: { api_key: keys.a } });
    expect(tokenXml.body).toEqual({ service_requests: { request: [{ service_request_id: id, token: id }] } });
  });

  it('answers the same case for a repeated POST under the same Idempotency-Key (200), a new one without', async () => {
    const form = spotForm({ service_code: 'env.noise.living', 'attribute[noise_time]': 'night', description: '楼下广场舞音响太吵' });
    delete (form as Record<string, string>)['attribute[lamp_state]'];
    delete (form as Record<string, string>)['attribute[lamp_count]'];
    const key = `o311-${Date.now()}`;
    const first = await open311('POST', '/v2/requests.json', { form, headers: { 'idempotency-key': key } });
    expect(first.status, first.raw).toBe(201);
    const again = await open311('POST', '/v2/requests.json', { form, headers: { 'idempotency-key': key } });
    expect(again.status, again.raw).toBe(200);
    expect(again.body[0].service_request_id).toBe(first.body[0].service_request_id);
    const other = await open311('POST', '/v2/requests.json', { form: { ...form, description: '另一件事' }, headers: { 'idempotency-key': key } });
    expect(other.status).toBe(400);
    expect(errorsOf(other)[0]![0]).toBe(422);
    // The links of a repeated request are written once.
    const links = await stack.database.db.select().from(attachments).where(and(eq(attachments.caseId, first.body[0].service_request_id), eq(attachments.kind, 'link')));
    expect(links).toHaveLength(1);
    // The street of the place was chosen by the catalogue (社会生活噪音 → 属地街道).
    const v1 = await stack.http('GET', `/v1/cases/${first.body[0].service_request_id}`);
    expect(v1.body).toMatchObject({ unitId: 'd01-s01', description: '楼下广场舞音响太吵\n\n【补充信息】\n发生时段：夜间（22:00–次日6:00）' });
  });
});

describe('a channel reads only its own', () => {
  it('another client’s key, a key of another channel, and no key at all see nothing of it', async () => {
    const posted = await open311('POST', '/v2/requests.json', { form: spotForm({ description: '只属于客户端 A 的请求' }) });
    const id: string = posted.body[0].service_request_id;
    for (const key of [keys.b, keys.web]) {
      const one = await open311('GET', `/v2/requests/${id}.json`, { query: { api_key: key } });
      expect(one.status).toBe(404);
      expect(errorsOf(one)).toEqual([[404, `no service request ${id}`]]);
      const listed = await open311('GET', '/v2/requests.json', { query: { api_key: key, service_request_id: id } });
      expect(listed.body).toEqual([]);
      expect((await open311('GET', `/v2/tokens/${id}.json`, { query: { api_key: key } })).status).toBe(404);
      expect((await stack.http('GET', `/v1/cases/${id}`, undefined, { 'x-api-key': key })).status).toBe(404);
    }
    const anonymous = await open311('GET', `/v2/requests/${id}.xml`);
    expect(anonymous.status).toBe(403);
    expect(errorsOf(anonymous)).toEqual([[403, 'send the api_key parameter (a channel’s API key) or X-API-Key']]);
    // Its own list: only cases this key opened.
    await eventually(async () => {
      const mine = await open311('GET', '/v2/requests.json', { query: { api_key: keys.a } });
      expect(mine.body.map((r: { service_request_id: string }) => r.service_request_id)).toContain(id);
    });
    const rows = await stack.database.db.select({ id: cases.id, channelKeyId: cases.channelKeyId }).from(cases).orderBy(asc(cases.id));
    const mine = (await open311('GET', '/v2/requests.json', { query: { api_key: keys.a } })).body.map((r: { service_request_id: string }) => r.service_request_id).sort();
    expect(mine).toEqual(rows.filter((r) => r.channelKeyId === keyIds.a).map((r) => r.id).sort());
    expect((await open311('GET', '/v2/requests.json', { query: { api_key: keys.b } })).body).toEqual([]);
  });

  it("opens cases only with a channel's key: a system acting as staff is refused (403)", async () => {
    const res = await open311('POST', '/v2/requests.json', { form: spotForm({ api_key: keys.staff }) });
    expect(res.status).toBe(403);
    expect(errorsOf(res)[0]![1]).toMatch(/channel's API key/);
  });
});

describe('errors in the spec’s format', () => {
  it.each<[string, Record<string, string | undefined>, number, RegExp]>([
    ['no api_key', { api_key: undefined }, 403, /^send the api_key parameter/],
    ['a wrong api_key', { api_key: 'hl_000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, 403, /^the api_key is not valid$/],
    ['a malformed api_key', { api_key: 'xyz' }, 403, /^the api_key is not valid$/],
    ['no service_code', { service_code: undefined }, 400, /^service_code: required/],
    ['an unknown service_code', { service_code: 'nope' }, 404, /^service_code: no service nope/],
    ['a category that is not a leaf', { service_code: 'sanitation' }, 404, /^service_code: no service sanitation/],
    ['no location', { lat: undefined, long: undefined, address_string: undefined, address_id: undefined }, 400, /^lat, long, address_string, address_id: a location is required/],
    ['lat without long', { long: undefined }, 400, /^long: lat and long are sent together/],
    ['lat out of range', { lat: '95' }, 400, /^lat: /],
    ['long that is not a number', { long: 'east' }, 400, /^long: a decimal number/],
    ['an address_id that is no unit', { address_id: 'nowhere' }, 400, /^address_id: no unit with id nowhere/],
    ['an address_string over 300 characters', { address_string: '路'.repeat(301) }, 400, /^address_string: /],
    ['a malformed email', { email: 'at@@example' }, 400, /^email: an email address/],
    ['a device_id over 128 characters', { device_id: 'd'.repeat(129) }, 400, /^device_id: /],
    ['an account_id with a line break', { account_id: 'a\nb' }, 400, /^account_id: /],
    ['a name over 64 characters', { first_name: '名'.repeat(40), last_name: '姓'.repeat(30) }, 400, /^first_name, last_name: /],
    ['a phone that is no phone', { phone: 'call me' }, 400, /^phone: a phone number/],
    ['a description over 4,000 characters', { description: '长'.repeat(4001) }, 400, /^description: at most 4,000 characters/],
    ['a media_url that is not http(s)', { media_url: 'ftp://files.example/x.jpg' }, 400, /^media_url: /],
    ['a required attribute missing', { 'attribute[lamp_state]': undefined }, 400, /^attribute\[lamp_state\]: required by this service/],
    ['an attribute value not offered', { 'attribute[lamp_state]': 'exploded' }, 400, /^attribute\[lamp_state\]: one of dark, flicker, on_by_day, damaged/],
    ['a number attribute that is none', { 'attribute[lamp_count]': 'many' }, 400, /^attribute\[lamp_count\]: a number/],
    ['an attribute the service does not ask', { 'attribute[colour]': 'red' }, 400, /^attribute\[colour\]: not an attribute of service sanitation\.streetlight/],
    ['text PostgreSQL cannot store', { description: 'a\u0000b' }, 400, /^description: contains a NUL character/],
  ])('POST with %s', async (_what, over, status, description) => {
    const form = Object.fromEntries(Object.entries(spotForm(over as Record<string, string>)).filter(([, v]) => v !== undefined)) as Record<string, string>;
    for (const format of ['json', 'xml'] as const) {
      const res = await open311('POST', `/v2/requests.${format}`, { form });
      expect(res.status, res.raw).toBe(status);
      const errors = errorsOf(res);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.map(([, d]) => d).some((d) => description.test(d)), JSON.stringify(errors)).toBe(true);
      expect(res.contentType).toBe(format === 'xml' ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8');
    }
  });

  it('collects every field error of a request in one answer', async () => {
    const res = await open311('POST', '/v2/requests.json', { form: spotForm({ email: 'x', device_id: 'd'.repeat(200), 'attribute[lamp_state]': 'no' }) });
    expect(res.status).toBe(400);
    expect(errorsOf(res).map(([code, d]) => [code, d.split(':')[0]])).toEqual([
      [400, 'email'],
      [400, 'device_id'],
      [400, 'attribute[lamp_state]'],
    ]);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['a range over 90 days', { start_date: '2026-01-01T00:00:00Z', end_date: '2026-06-01T00:00:00Z' }, /^end_date: the range may not span more than 90 days/],
    ['start_date after end_date', { start_date: '2026-02-01T00:00:00Z', end_date: '2026-01-01T00:00:00Z' }, /^start_date: after end_date/],
    ['a date without an offset', { start_date: '2026-01-01 00:00' }, /^start_date: a w3 date-time/],
    ['an unknown status', { status: 'pending' }, /^status: open or closed/],
    ['an unknown service_code', { service_code: 'nope' }, /^service_code: no service nope/],
    ['a service_request_id that is none', { service_request_id: '638344' }, /^service_request_id: not a service request id: 638344/],
  ])('GET requests with %s: 400', async (_what, query, description) => {
    for (const format of ['json', 'xml'] as const) {
      const res = await open311('GET', `/v2/requests.${format}`, { query: { api_key: keys.a, ...query } });
      expect(res.status, res.raw).toBe(400);
      expect(errorsOf(res).map(([, d]) => d).some((d) => description.test(d)), res.raw).toBe(true);
    }
  });

  it('answers what does not exist with 404 and a body it cannot read with 400 — never problem+json, never a 500', async () => {
    const unknown = await open311('GET', '/v2/requests/HL0000000000000000.xml', { query: { api_key: keys.a } });
    expect(unknown.status).toBe(404);
    expect(errorsOf(unknown)).toEqual([[404, 'no service request HL0000000000000000']]);
    expect((await open311('GET', '/v2/requests/638344.json', { query: { api_key: keys.a } })).status).toBe(404);
    expect((await open311('GET', '/v2/requests/HL0000000000000000.csv', { query: { api_key: keys.a } })).status).toBe(404);
    expect((await open311('GET', '/v2/services.csv')).status).toBe(404);
    expect((await open311('GET', '/v2/nothing-here.xml')).contentType).toBe('text/xml; charset=utf-8');
    expect(errorsOf(await open311('GET', '/v3/services.json'))[0]![0]).toBe(404);
    const json = await stack.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ api_key: keys.a, service_code: 'sanitation.streetlight' }) });
    expect(json.statusCode).toBe(400);
    expect(JSON.parse(json.body)).toEqual([{ code: 415, description: 'send a service request as application/x-www-form-urlencoded (GeoReport v2)' }]);
    const badEscape = await stack.app.inject({ method: 'GET', url: '/open311/v2/requests/%E0%A4%A.xml' });
    expect(badEscape.statusCode).toBe(400);
    expect(badEscape.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(XMLValidator.validate(badEscape.body)).toBe(true);
    const tooLong = await stack.app.inject({ method: 'GET', url: `/open311/v2/services/${'x'.repeat(150)}.json` });
    expect(tooLong.statusCode).toBe(400);
    expect(JSON.parse(tooLong.body)[0].code).toBe(414);
    const twice = await open311('POST', '/v2/requests.json', { form: `${new URLSearchParams(spotForm()).toString()}&service_code=env.odor` });
    expect(twice.status).toBe(400);
    expect(errorsOf(twice)).toEqual([[400, 'service_code: given more than once']]);
  });
});

describe("a channel's key on /v1/cases", () => {
  const complaint = (over: Record<string, unknown> = {}) => {
    const { channel: _channel, ...rest } = demoComplaint(over) as Record<string, unknown>;
    return rest;
  };

  it('takes its channel from the key; a body naming another channel is refused; staff must name one', async () => {
    const opened = await stack.http('POST', '/v1/cases', complaint({ title: '网站来件' }), { 'x-api-key': keys.web });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(opened.body).toMatchObject({ channel: 'web', channelKeyId: keyIds.web, receivedAtStatedBy: null });
    const same = await stack.http('POST', '/v1/cases', { ...complaint({ title: '网站来件 2' }), channel: 'web' }, { 'x-api-key': keys.web });
    expect(same.status).toBe(201);
    const other = await stack.http('POST', '/v1/cases', { ...complaint(), channel: 'phone' }, { 'x-api-key': keys.web });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ code: 'forbidden', errors: [{ field: 'body.channel', reason: 'the key is bound to the web channel' }] });
    const staff = await stack.http('POST', '/v1/cases', complaint());
    expect(staff.status).toBe(400);
    expect(staff.body.errors).toEqual([{ field: 'body.channel', reason: "required (only a channel's API key names it itself)" }]);
    expect((await stack.http('POST', '/v1/cases', complaint(), { 'x-api-key': keys.staff })).status).toBe(400);
  });

  it('keeps channel ticket numbers the idempotency key per channel', async () => {
    const ticket = `W-${Date.now()}`;
    const first = await stack.http('POST', '/v1/cases', complaint({ channelTicketId: ticket }), { 'x-api-key': keys.web });
    expect(first.status).toBe(201);
    const again = await stack.http('POST', '/v1/cases', complaint({ channelTicketId: ticket }), { 'x-api-key': keys.web });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    // The same ticket number from another channel is another complaint.
    const app = await stack.http('POST', '/v1/cases', complaint({ channelTicketId: ticket }), { 'x-api-key': keys.app });
    expect(app.status).toBe(201);
    expect(app.body.id).not.toBe(first.body.id);
    expect(app.body.channel).toBe('app');
    // Staff relaying the web channel's ticket reach the same case (the ticket belongs to its channel).
    const relayed = await stack.http('POST', '/v1/cases', { ...complaint({ channelTicketId: ticket }), channel: 'web' }, stack.as('intake_agent'));
    expect(relayed.status).toBe(200);
    expect(relayed.body.id).toBe(first.body.id);
  });

  it('reads and lists only the cases it opened; no timeline, no action', async () => {
    const mine = (await stack.http('POST', '/v1/cases', complaint({ title: '网站来件 3' }), { 'x-api-key': keys.web })).body.id as string;
    const staffCase = (await stack.http('POST', '/v1/cases', demoComplaint({ title: '电话来件' }))).body.id as string;
    expect((await stack.http('GET', `/v1/cases/${mine}`, undefined, { 'x-api-key': keys.web })).status).toBe(200);
    expect((await stack.http('GET', `/v1/cases/${staffCase}`, undefined, { 'x-api-key': keys.web })).status).toBe(404);
    expect((await stack.http('GET', `/v1/cases/${mine}/events`, undefined, { 'x-api-key': keys.web })).status).toBe(403);
    expect((await stack.http('POST', `/v1/cases/${mine}/triage`, { outcome: 'out_of_scope', note: 'x' }, { 'x-api-key': keys.web })).status).toBe(403);
    expect((await stack.http('GET', '/v1/dispatch-rules', undefined, { 'x-api-key': keys.web })).status).toBe(403);
    await eventually(async () => {
      const listed = await stack.http('GET', '/v1/cases?limit=200', undefined, { 'x-api-key': keys.web });
      expect(listed.status).toBe(200);
      const ids = listed.body.items.map((c: { id: string }) => c.id);
      expect(ids).toContain(mine);
      expect(ids).not.toContain(staffCase);
      for (const c of listed.body.items) expect(c.channel).toBe('web');
      expect(listed.body.items.every((c: { complainant: { phone: string } }) => c.complainant.phone === '138****5678')).toBe(true);
    });
  });
});

describe('links at intake (mediaUrls)', () => {
  it('are recorded in order as link attachments of the case, added by whoever opened it', async () => {
    const urls = ['https://img.example/a.jpg', 'http://img.example/b.mp4?x=1'];
    const opened = await stack.http('POST', '/v1/cases', demoComplaint({ mediaUrls: urls }), stack.as('intake_agent', 'city', 'agent-7'));
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const rows = await stack.database.db.select().from(attachments).where(eq(attachments.caseId, opened.body.id)).orderBy(asc(attachments.id));
    expect(rows.map((r) => [r.kind, r.url, r.stage, r.addedBy])).toEqual(urls.map((u) => ['link', u, 'intake', { kind: 'staff', id: 'agent-7', unitId: 'city' }]));
  });

  it.each<[string, unknown, string]>([
    ['javascript:', ['javascript:alert(1)'], 'body.mediaUrls.0'],
    ['a relative address', ['/img/a.jpg'], 'body.mediaUrls.0'],
    ['credentials in the address', ['https://user:pw@img.example/a.jpg'], 'body.mediaUrls.0'],
    ['more than 10', Array.from({ length: 11 }, (_, i) => `https://img.example/${i}.jpg`), 'body.mediaUrls'],
    ['the same twice', ['https://img.example/a.jpg', 'https://img.example/a.jpg'], 'body.mediaUrls'],
    ['an empty list', [], 'body.mediaUrls'],
  ])('refuse %s (400 naming the field)', async (_what, mediaUrls, field) => {
    const res = await stack.http('POST', '/v1/cases', demoComplaint({ mediaUrls }));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});

describe('API keys (administrators)', () => {
  it('are created with the secret shown once, listed without it, and revoked', async () => {
    const created = await stack.http('POST', '/v1/api-keys', { name: '微信公众号', channel: 'wechat', rateLimitPerMinute: 600 }, stack.as('admin'));
    expect(created.status).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-9a-z]{12}$/),
      key: expect.stringMatching(/^hl_[0-9a-z]{12}\.[A-Za-z0-9_-]{43}$/),
      name: '微信公众号',
      channel: 'wechat',
      roles: [],
      unitId: null,
      rateLimitPerMinute: 600,
      createdAt: expect.any(String),
      revokedAt: null,
    });
    const { id, key } = created.body;
    const listed = await stack.http('GET', '/v1/api-keys', undefined, stack.as('admin'));
    const row = listed.body.items.find((k: { id: string }) => k.id === id);
    expect(row).toEqual({ ...created.body, key: undefined });
    expect(JSON.stringify(listed.body)).not.toContain(key.split('.')[1]);
    expect(JSON.stringify(listed.body)).not.toMatch(/secret/i);
    expect((await stack.http('POST', '/v1/cases', { ...demoComplaint(), channel: undefined }, { 'x-api-key': key })).status).toBe(201);

    const revoked = await stack.http('DELETE', `/v1/api-keys/${id}`, undefined, stack.as('admin'));
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    expect((await stack.http('DELETE', `/v1/api-keys/${id}`, undefined, stack.as('admin'))).body.revokedAt).toBe(revoked.body.revokedAt);
    expect((await stack.http('GET', '/v1/cases', undefined, { 'x-api-key': key })).status).toBe(401);
    expect((await open311('GET', '/v2/requests.json', { query: { api_key: key } })).status).toBe(403);
    expect((await stack.http('DELETE', '/v1/api-keys/000000000000', undefined, stack.as('admin'))).status).toBe(404);
  });

  it('are for administrators only, and refuse bodies that are neither a channel’s key nor a system’s', async () => {
    expect((await stack.http('GET', '/v1/api-keys', undefined, stack.as('supervisor'))).status).toBe(403);
    expect((await stack.http('POST', '/v1/api-keys', { name: 'x', channel: 'web' }, { 'x-api-key': keys.web })).status).toBe(403);
    const bad = async (body: Record<string, unknown>, field: string) => {
      const res = await stack.http('POST', '/v1/api-keys', body, stack.as('admin'));
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await bad({ name: 'x' }, 'body.channel');
    await bad({ name: 'x', channel: 'web', roles: ['admin'], unitId: null }, 'body.channel');
    await bad({ name: 'x', channel: 'fax' }, 'body.channel');
    await bad({ name: 'x', channel: 'web', unitId: 'city' }, 'body.unitId');
    await bad({ name: 'x', roles: ['analyst'] }, 'body.unitId');
    await bad({ name: 'x', roles: ['analyst'], unitId: 'atlantis' }, 'body.unitId');
    await bad({ name: 'x', roles: ['complainant'], unitId: null }, 'body.roles.0');
    await bad({ name: '', channel: 'web' }, 'body.name');
  });
});
