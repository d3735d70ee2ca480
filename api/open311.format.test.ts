/**
 * The wire format of Open311 GeoReport v2 (api/open311.format.ts) against the spec's own examples
 * (wiki.open311.org/GeoReport_v2 and /Service_Discovery): each example's JSON, written as XML by the same code the
 * API answers with, is the spec's XML example element for element, and JSON answers are the JSON as it is.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatOfPath, open311Errors, open311Field, render, splitExtension, toXml, xmlText } from './open311.format.js';

/** Lists of the spec: parsed as arrays even with one item, as the JSON has them. */
const LIST_ITEMS = new Set(['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format']);
const parser = new XMLParser({ parseTagValue: false, trimValues: true, ignoreDeclaration: true, isArray: (name) => LIST_ITEMS.has(name) });
const parse = (xml: string) => {
  expect(XMLValidator.validate(xml), xml).toBe(true);
  return parser.parse(xml) as Record<string, unknown>;
};

const SERVICES = {
  root: 'services',
  json: [
    {
      service_code: '001',
      service_name: 'Cans left out 24x7',
      description: 'Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.',
      metadata: true,
      type: 'realtime',
      keywords: 'lorem, ipsum, dolor',
      group: 'sanitation',
    },
    { service_code: '002', metadata: true, type: 'realtime', keywords: 'lorem, ipsum, dolor', group: 'street', service_name: 'Construction plate shifted', description: 'Metal construction plate covering the street or sidewalk has been moved.' },
    { service_code: '003', metadata: true, type: 'realtime', keywords: 'lorem, ipsum, dolor', group: 'street', service_name: 'Curb or curb ramp defect', description: 'Sidewalk curb or ramp has problems such as cracking, missing pieces, holes, and/or chipped curb.' },
  ],
  xml: `<?xml version="1.0" encoding="utf-8"?>
<services>
    <service>
        <service_code>001</service_code>
        <service_name>Cans left out 24x7</service_name>
        <description>Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.</description>
        <metadata>true</metadata>
        <type>realtime</type>
        <keywords>lorem, ipsum, dolor</keywords>
        <group>sanitation</group>
    </service>
    <service>
        <service_code>002</service_code>
        <metadata>true</metadata>
        <type>realtime</type>
        <keywords>lorem, ipsum, dolor</keywords>
        <group>street</group>
        <service_name>Construction plate shifted</service_name>
        <description>Metal construction plate covering the street or sidewalk has been moved.</description>
    </service>
    <service>
        <service_code>003</service_code>
        <metadata>true</metadata>
        <type>realtime</type>
        <keywords>lorem, ipsum, dolor</keywords>
        <group>street</group>
        <service_name>Curb or curb ramp defect</service_name>
        <description>Sidewalk curb or ramp has problems such as cracking, missing pieces, holes, and/or chipped curb.</description>
    </service>
</services>`,
};

const SERVICE_DEFINITION = {
  root: 'service_definition',
  json: {
    service_code: 'DMV66',
    attributes: [
      {
        variable: true,
        code: 'WHISHETN',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: null,
        order: 1,
        description: 'What is the ticket/tag/DL number?',
        values: [
          { key: 123, name: 'Ford' },
          { key: 124, name: 'Chrysler' },
        ],
      },
    ],
  },
  xml: `<?xml version="1.0" encoding="utf-8"?>
<service_definition>
    <service_code>DMV66</service_code>
    <attributes>
        <attribute>
            <variable>true</variable>
            <code>WHISHETN</code>
            <datatype>singlevaluelist</datatype>
            <required>true</required>
            <datatype_description></datatype_description>
            <order>1</order>
            <description>What is the ticket/tag/DL number?</description>
            <values>
                <value>
                    <key>123</key>
                    <name>Ford</name>
                </value>
                <value>
                    <key>124</key>
                    <name>Chrysler</name>
                </value>
            </values>
        </attribute>
    </attributes>
</service_definition>`,
};

const POST_RESPONSE = {
  root: 'service_requests',
  json: [
    {
      service_request_id: 293944,
      service_notice:
        'The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code',
      account_id: null,
    },
  ],
  xml: `<?xml version="1.0" encoding="utf-8"?>
<service_requests>
    <request>
        <service_request_id>293944</service_request_id>
        <service_notice>
            The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code
        </service_notice>
        <account_id/>
    </request>
</service_requests>`,
};

const TOKEN = {
  root: 'service_requests',
  json: [{ service_request_id: 638344, token: 12345 }],
  xml: `<?xml version="1.0" encoding="utf-8"?>
<service_requests>
    <request>
        <service_request_id>638344</service_request_id>
        <token>12345</token>
    </request>
</service_requests>`,
};

const request = (id: number, status: string, notes: string | null, day: string, expected: string, media: string) => ({
  service_request_id: id,
  status,
  status_notes: notes,
  service_name: 'Sidewalk and Curb Issues',
  service_code: '006',
  description: null,
  agency_responsible: null,
  service_notice: null,
  requested_datetime: `2010-04-${day}T06:37:38-08:00`,
  updated_datetime: `2010-04-${day}T06:37:38-08:00`,
  expected_datetime: expected,
  address: '8TH AVE and JUDAH ST',
  address_id: 545483,
  zipcode: 94122,
  lat: 37.762221815,
  long: -122.4651145,
  media_url: media,
});
const requestXml = (id: number, status: string, notes: string, day: string, expected: string) => `
    <request>
        <service_request_id>${id}</service_request_id>
        <status>${status}</status>
        <status_notes>${notes}</status_notes>
        <service_name>Sidewalk and Curb Issues</service_name>
        <service_code>006</service_code>
        <description></description>
        <agency_responsible></agency_responsible>
        <service_notice></service_notice>
        <requested_datetime>2010-04-${day}T06:37:38-08:00</requested_datetime>
        <updated_datetime>2010-04-${day}T06:37:38-08:00</updated_datetime>
        <expected_datetime>${expected}</expected_datetime>
        <address>8TH AVE and JUDAH ST</address>
        <address_id>545483</address_id>
        <zipcode>94122</zipcode>
        <lat>37.762221815</lat>
        <long>-122.4651145</long>
        <media_url>http://city.gov.s3.amazonaws.com/requests/media/${id}.jpg </media_url>
    </request>`;

const REQUESTS = {
  root: 'service_requests',
  json: [
    request(638344, 'closed', 'Duplicate request.', '14', '2010-04-15T06:37:38-08:00', 'http://city.gov.s3.amazonaws.com/requests/media/638344.jpg '),
    request(638349, 'open', null, '19', '2010-04-19T06:37:38-08:00', 'http://city.gov.s3.amazonaws.com/requests/media/638349.jpg'),
  ],
  xml: `<?xml version="1.0" encoding="utf-8"?>
<service_requests>${requestXml(638344, 'closed', 'Duplicate request.', '14', '2010-04-15T06:37:38-08:00')}${requestXml(638349, 'open', '', '19', '2010-04-19T06:37:38-08:00')}
</service_requests>`,
};

const ONE_REQUEST = {
  root: 'service_requests',
  json: [request(638344, 'closed', 'Duplicate request.', '14', '2010-04-15T06:37:38-08:00', 'http://city.gov.s3.amazonaws.com/requests/media/638344.jpg')],
  xml: `<?xml version="1.0" encoding="utf-8"?>
<service_requests>${requestXml(638344, 'closed', 'Duplicate request.', '14', '2010-04-15T06:37:38-08:00')}
</service_requests>`,
};

const ERRORS = {
  root: 'errors',
  json: [{ code: 403, description: "Invalid api_key received -- can't proceed with create_request." }],
  xml: `<?xml version="1.0" encoding="utf-8"?>
<errors>
    <error>
        <code>403</code>
        <description>Invalid api_key received -- can't proceed with create_request.</description>
    </error>
</errors>`,
};

const endpoint = (url: string, changeset: string, type: string, formats: string[]) => ({ specification: url.endsWith('v3') ? 'http://wiki.open311.org/GeoReport_v3' : 'http://wiki.open311.org/GeoReport_v2', url, changeset, type, formats });
const DISCOVERY = {
  root: 'discovery',
  json: {
    changeset: '2011-02-03 14:18',
    contact: 'You can email or call for assistance api@mycity.org +1 (555) 555-5555',
    key_service: 'You can request a key here: http://api.mycity.gov/api_key/request',
    endpoints: [
      endpoint('http://open311.mycity.gov/v2', '2010-11-23 09:01', 'production', ['text/xml']),
      endpoint('http://open311.mycity.gov/test/v2', '2010-10-02 09:01', 'test', ['text/xml', 'application/json']),
      endpoint('http://open311.mycity.gov/v3', '2011-02-03 14:18', 'test', ['text/xml', 'application/json']),
    ],
  },
  xml: `<?xml version="1.0" encoding="UTF-8"?>
<discovery>
    <changeset>2011-02-03 14:18</changeset>
    <contact>You can email or call for assistance api@mycity.org +1 (555) 555-5555</contact>
    <key_service>You can request a key here: http://api.mycity.gov/api_key/request</key_service>
    <endpoints>
        <endpoint>
            <specification>http://wiki.open311.org/GeoReport_v2</specification>
            <url>http://open311.mycity.gov/v2</url>
            <changeset>2010-11-23 09:01</changeset>
            <type>production</type>
            <formats>
                <format>text/xml</format>
            </formats>
        </endpoint>
        <endpoint>
            <specification>http://wiki.open311.org/GeoReport_v2</specification>
            <url>http://open311.mycity.gov/test/v2</url>
            <changeset>2010-10-02 09:01</changeset>
            <type>test</type>
            <formats>
                <format>text/xml</format>
                <format>application/json</format>
            </formats>
        </endpoint>
        <endpoint>
            <specification>http://wiki.open311.org/GeoReport_v3</specification>
            <url>http://open311.mycity.gov/v3</url>
            <changeset>2011-02-03 14:18</changeset>
            <type>test</type>
            <formats>
                <format>text/xml</format>
                <format>application/json</format>
            </formats>
        </endpoint>
    </endpoints>
</discovery>`,
};

const EXAMPLES = { SERVICES, SERVICE_DEFINITION, POST_RESPONSE, TOKEN, REQUESTS, ONE_REQUEST, ERRORS, DISCOVERY };

describe("the spec's examples round-trip", () => {
  it.each(Object.entries(EXAMPLES))('%s: its JSON written as XML is its XML example, and its JSON stays itself', (_name, example) => {
    const xml = render('xml', example.root, example.json);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
    expect(parse(xml)).toEqual(parse(example.xml));
    expect(JSON.parse(render('json', example.root, example.json))).toEqual(example.json);
  });
});

describe('XML answers', () => {
  it('escape markup, keep Chinese, drop what XML cannot carry, and write null and empty lists as empty elements', () => {
    const xml = toXml('service_requests', [{ service_request_id: 'HL1', description: '<b>噪音</b> & "夜间"\u0001\u0007 \uFFFF ok', account_id: null }]);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('&lt;b&gt;噪音&lt;/b&gt; &amp; &quot;夜间&quot;');
    expect(xml).toContain('<account_id/>');
    expect(parse(xml)).toEqual({ service_requests: { request: [{ service_request_id: 'HL1', description: '<b>噪音</b> & "夜间"  ok', account_id: '' }] } });
    expect(parse(toXml('service_requests', []))).toEqual({ service_requests: '' });
    expect(xmlText('a\u0000b\u001fc\td\ne')).toBe('abc\td\ne');
  });

  it('refuse a list the spec has no item element for (a programming error, not an answer)', () => {
    expect(() => toXml('things', [1])).toThrow(/no item element/);
  });
});

describe('formats from paths', () => {
  it('reads the extension of the resource', () => {
    expect(formatOfPath('/open311/v2/services.xml?jurisdiction_id=x')).toBe('xml');
    expect(formatOfPath('/open311/v2/requests/HL0123456789ABCDEF.JSON')).toBe('json');
    expect(formatOfPath('/open311/v2/requests')).toBeNull();
    expect(splitExtension('env.noise.construction.xml')).toEqual({ name: 'env.noise.construction', format: 'xml' });
    expect(splitExtension('HL0123456789ABCDEF.csv')).toBeNull();
    expect(splitExtension('.json')).toBeNull();
  });
});

describe('errors', () => {
  const p = (status: number, code: string, detail: string, errors?: Array<{ field: string; reason: string }>) => ({ status, code, detail, requestId: 'req-1', ...(errors && { errors }) });

  it('answer 403 for a missing or wrong key, 404 for what does not exist, 429 when too many, 400 for every other error', () => {
    expect(open311Errors(p(401, 'unauthenticated', 'the api_key is not valid'))).toEqual({ status: 403, errors: [{ code: 403, description: 'the api_key is not valid' }] });
    expect(open311Errors(p(403, 'forbidden', 'no')).status).toBe(403);
    expect(open311Errors(p(404, 'not_found', 'no service x')).status).toBe(404);
    expect(open311Errors(p(429, 'rate_limited', 'slow down')).status).toBe(429);
    expect(open311Errors(p(409, 'invalid_transition', 'closed'))).toEqual({ status: 400, errors: [{ code: 409, description: 'closed' }] });
    expect(open311Errors(p(422, 'idempotency_key_reused', 'reused')).status).toBe(400);
  });

  it('never a 500: a failure is a General Service Error (400) naming the request id', () => {
    const e = open311Errors(p(500, 'internal', 'internal error'));
    expect(e.status).toBe(400);
    expect(e.errors[0]).toEqual({ code: 500, description: expect.stringContaining('req-1') });
    expect(open311Errors(p(503, 'unavailable', 'the workflow service is unavailable')).errors[0]!.description).toMatch(/retry later/);
  });

  it('one error per field, in GeoReport’s parameter names', () => {
    const e = open311Errors(
      p(400, 'validation_failed', 'bad', [
        { field: 'body.location.lat', reason: 'too big' },
        { field: 'body.complainant.phone', reason: 'a phone number of 5 to 20 digits' },
        { field: 'body.mediaUrls.0', reason: 'an absolute http or https address' },
        { field: 'query.status', reason: 'open or closed' },
        { field: 'attribute[noise_time]', reason: 'required by this service' },
      ]),
    );
    expect(e.errors.map((x) => x.description)).toEqual([
      'lat: too big',
      'phone: a phone number of 5 to 20 digits',
      'media_url: an absolute http or https address',
      'status: open or closed',
      'attribute[noise_time]: required by this service',
    ]);
    expect(open311Field('body.location.areaUnitId')).toBe('address_id');
    expect(open311Field('body.categoryId')).toBe('service_code');
  });

  it('say to send a form when the body is something else', () => {
    expect(open311Errors(p(415, 'unsupported_media_type', 'send the body as application/json')).errors[0]!.description).toMatch(/x-www-form-urlencoded/);
  });
});
