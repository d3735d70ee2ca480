/**
 * Hostile input, property-based (fast-check). The routes come from the served OpenAPI document (GET /docs/json),
 * so a route added later is fuzzed without touching this file. Every documented path + method (except /docs*)
 * gets garbage path params, hostile query strings, broken bodies and wrong media types, through app.inject.
 *
 * Every answer must be:
 *   - never 5xx;
 *   - a 4xx as application/problem+json whose body has `status` (= the HTTP status), a stable lower-case `code`
 *     (snake_case, not a Fastify FST_ERR_* name) and a string `requestId` — except under /open311, which answers
 *     in GeoReport v2's own shapes (open311Violations: 400/403/404/429, an array of code and description, JSON or
 *     well-formed XML as the path asks);
 *   - a 2xx only for a GET (a benign list query, /v1/units, /healthz, …). No POST may succeed: POSTs go to case
 *     ids that do not exist, or are broken so that validation rejects them (see `guard` below), so the database
 *     and the workflows must be exactly as they were before (checked at the end against a snapshot taken with
 *     two real cases in it, one of them accepted; malformed actions are also aimed at those two).
 *
 * The run is deterministic: FC_SEED (default 20261122, printed) seeds every property; each route's property
 * derives its own seed from it and its label, and a failure report shows that seed and the shrink path, with the
 * shrunk request (method, URL, content-type, body preview) and the response. Reproduce with
 * FC_SEED=<seed> npx vitest run test/hostile-input.test.ts. FUZZ_REQUESTS=<n> changes the number of requests
 * (default 10 400; the last test insists on at least 10 000). FUZZ_SURVEY=1 does not stop at the first
 * counterexample of a route: it records every distinct failure (route, status, content-type, code), prints up to
 * three examples of each, and fails at the end — for triage, not for CI.
 */
import { Buffer } from 'node:buffer';
import { asc } from 'drizzle-orm';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { actionBodies, createCaseBody } from '../api/cases.schemas.js';
import { caseEvents, cases, notifications } from '../db/schema.js';
import { getCaseQuery } from '../workflows/case.messages.js';
import { driveTo, eventually, expectRecordMatchesWorkflow, openCase } from './support/cases.js';
import { startStack, type TestStack } from './support/stack.js';
import { CODEC_BODY_LIMIT } from '../api/codec.routes.js';

const SEED = Number(process.env.FC_SEED ?? 20261122);
fc.configureGlobal({ seed: SEED });
const TOTAL_REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_400);
const MIN_REQUESTS = 10_000;
const SURVEY = process.env.FUZZ_SURVEY === '1';

/**
 * Zod schemas of the bodies the guard must be able to judge exactly: the route that creates a case, and the
 * actions, which must never be accepted on the two real cases. A body-carrying route without path parameters that
 * is not listed here (added later) is treated as "creates something": any body the server could parse as JSON is
 * made unparseable, so it is still fuzzed (media types, sizes, framing) but can never be accepted.
 */
const CREATE_BODIES: Record<string, z.ZodType> = { 'POST /v1/cases': createCaseBody };
const ACTION_BODIES: Record<string, z.ZodType> = actionBodies;

// ---------------------------------------------------------------------------------------------------------------
// The OpenAPI document, reduced to what the generator needs.

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

interface OpenApiParameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: OpenApiParameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface RouteSpec {
  method: string;
  /** OpenAPI template, e.g. /v1/cases/{id}/accept */
  path: string;
  label: string;
  pathParams: string[];
  query: OpenApiParameter[];
  headers: OpenApiParameter[];
  body?: JsonSchema;
  /** The path as a regex over the request pathname, one group per path parameter. */
  matcher: RegExp;
}

let doc: OpenApiDocument;

function resolveRef(s: JsonSchema): JsonSchema {
  let cur = s;
  for (let i = 0; cur.$ref && i < 20; i++) {
    const name = cur.$ref.replace(/^#\/components\/schemas\//, '');
    cur = doc.components?.schemas?.[name] ?? {};
  }
  if (cur.allOf?.length) {
    const merged: JsonSchema = { type: 'object', properties: {}, required: [] };
    for (const part of cur.allOf.map(resolveRef)) {
      Object.assign(merged.properties!, part.properties);
      merged.required!.push(...(part.required ?? []));
    }
    return merged;
  }
  return cur;
}

function routesOf(document: OpenApiDocument): RouteSpec[] {
  const out: RouteSpec[] = [];
  for (const [path, ops] of Object.entries(document.paths)) {
    if (path === '/docs' || path.startsWith('/docs/')) continue;
    for (const [method, op] of Object.entries(ops)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      const jsonBody = content['application/json']?.schema ?? Object.values(content)[0]?.schema;
      const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      const source = path
        .split('/')
        .map((seg) => (/^\{[^}]+\}$/.test(seg) ? '([^/]+)' : seg.replace(/[.*+?^$(){}|[\]\\]/g, '\\$&')))
        .join('/');
      out.push({
        method: method.toUpperCase(),
        path,
        label: `${method.toUpperCase()} ${path}`,
        pathParams,
        query: params.filter((p) => p.in === 'query'),
        headers: params.filter((p) => p.in === 'header'),
        ...(jsonBody && { body: resolveRef(jsonBody) }),
        matcher: new RegExp(`^${source}$`),
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Hostile values.

const INJECTIONS = [
  "'; drop table cases; --",
  "' OR '1'='1' --",
  '1; select pg_sleep(5)',
  '{"$gt":""}',
  '{"$where":"sleep(1000)"}',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '\r\nSet-Cookie: pwned=1',
  'x\r\n\r\nHTTP/1.1 200 OK\r\n',
  '\u0000',
  'a\u0000b',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  '%',
  '%zz',
  '%E0%A4%A',
  '%C0%AE%C0%AE%C0%AF',
  '\uD800',
  '\uDFFF\uD800',
  '\uFEFF',
  '\u202Egnp.exe',
  '𝕳𝖔𝖙𝖑𝖎𝖓𝖊',
  '张三\u200B',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '0x1F',
  'true',
  '[]',
  '{}',
  '',
  '   ',
  '__proto__',
  'constructor',
  'prototype',
];
const PERCENT_JUNK = ['%', '%%', '%zz', '%0', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%FF%FE', '%00', '%0d%0a', '%2e%2e%2f', '%2F', '%u0041', '%25', '%3F', '%23', '%20', '%5C'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const HUGE_STRINGS = ['x'.repeat(100 * 1024), '张'.repeat(34_200), '<script>'.repeat(12_800), "'; drop table cases; --".repeat(4_500)];
const NESTED = { nested: { deeper: [1, { x: 'y', z: [null, { w: true }] }] } };
const INVALID_UTF8: number[][] = [[0xc3, 0x28], [0xff], [0xfe, 0xff], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc0, 0xaf], [0xe2, 0x82], [0x80], [0xf4, 0x90, 0x80, 0x80]];
const WRONG_CONTENT_TYPES = [
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzzboundary',
  'application/xml',
  'text/xml',
  'text/html',
  'application/octet-stream',
  'application/json-patch+json',
  'application/vnd.api+json',
  'application/jsonx',
  '*/*',
  'json',
  ';',
  '',
];
const JSON_CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/json;charset=UTF-8'];

/** Timestamps at and beyond the edges of what JavaScript and PostgreSQL can represent, some well-formed. */
const EDGE_DATE_TIMES = [
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00-23:59',
  '9999-12-31T23:59:59+23:59',
  '-000001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2026-02-29T00:00:00Z',
  '2024-02-29T24:00:00Z',
  '1970-01-01T00:00:00.123456789123Z',
  '2026-11-22T08:00:00+08:00',
];
/** Strings with control characters (NUL, CR, LF, ESC, …) in them. */
const CONTROL_STRING = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''));

const CASE_ID_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ANY_STRING = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(...INJECTIONS),
);
/** What a real HTTP request can carry in a header value: tab, visible ASCII, obs-text. */
const HEADER_VALUE = fc.oneof(
  fc.string({ unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff })).map((c) => String.fromCharCode(c)), maxLength: 80 }),
  fc.constantFrom('anonymous', 'dispatcher-01', '${jndi:ldap://x}', "'; drop table cases; --", '<script>', 'x'.repeat(300)),
);

function encodeComponent(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    // lone surrogates: send the bytes Node would (U+FFFD), percent-encoded
    return [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
}

const base64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

/** A forged pagination cursor: base64url("<timestamp>|<id>") with hostile parts. */
const forgedCursor = fc
  .tuple(
    fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom('-271821-04-20T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '0000-01-01T00:00:00Z', '1', 'Infinity', '', 'now', '2026-02-30T00:00:00Z'),
      ANY_STRING,
    ),
    fc.oneof(fc.constantFrom('HL0000000000000000', '\u0000', "'; drop table cases; --", ''), ANY_STRING),
  )
  .map(([ts, id]) => base64url(`${ts}|${id}`));

// ---------------------------------------------------------------------------------------------------------------
// Values from a JSON schema, and how to break them.

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** RFC 3339 date-times over the whole four-digit range the format allows (year 0000 to 9999), any offset. */
const dateTime = fc
  .record({
    y: fc.integer({ min: 0, max: 9999 }),
    mo: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    sec: fc.integer({ min: 0, max: 59 }),
    frac: fc.option(fc.integer({ min: 0, max: 999_999 }), { nil: undefined }),
    offset: fc.option(fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }), { nil: undefined }),
  })
  .map(({ y, mo, d, h, mi, sec, frac, offset }) => {
    const zone = offset === undefined ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
    return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(sec)}${frac === undefined ? '' : `.${frac}`}${zone}`;
  });

function schemaType(s: JsonSchema): string | undefined {
  return Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
}

function validValue(raw: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolveRef(raw);
  if ('const' in s) return fc.constant(s.const);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => validValue(a, depth + 1)));
  switch (schemaType(s)) {
    case 'string': {
      const min = Math.max(1, s.minLength ?? 0);
      const max = Math.max(min, Math.min(s.maxLength ?? 40, 40));
      if (s.format === 'date-time') return dateTime;
      if (s.pattern) {
        const re = new RegExp(s.pattern);
        return fc.stringMatching(re).filter((v) => v.trim().length >= min && v.length <= (s.maxLength ?? 1000));
      }
      return fc.string({ unit: 'grapheme', minLength: min, maxLength: max }).filter((v) => v.trim().length >= min);
    }
    case 'integer':
      return fc.integer({ min: Math.ceil(s.minimum ?? -1000), max: Math.floor(s.maximum ?? 1000) });
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 4 ? fc.constant([]) : fc.array(validValue(s.items ?? {}, depth + 1), { maxLength: 3 });
    case 'object': {
      if (depth > 4) return fc.constant({});
      const props = s.properties ?? {};
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, validValue(v, depth + 1)]));
      return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

interface Field {
  path: string[];
  schema: JsonSchema;
  required: boolean;
}

function fieldsOf(raw: JsonSchema, path: string[] = [], depth = 0): Field[] {
  const s = resolveRef(raw);
  if (schemaType(s) !== 'object' || depth > 4) return [];
  return Object.entries(s.properties ?? {}).flatMap(([k, v]) => {
    const field = { path: [...path, k], schema: resolveRef(v), required: (s.required ?? []).includes(k) };
    return [field, ...fieldsOf(v, field.path, depth + 1)];
  });
}

const DELETE = Symbol('delete');

function setAt(target: unknown, path: string[], value: unknown): unknown {
  const root = (target && typeof target === 'object' && !Array.isArray(target) ? structuredClone(target) : {}) as Record<string, unknown>;
  let cur = root;
  for (const key of path.slice(0, -1)) {
    const next = cur[key];
    cur = cur[key] = next && typeof next === 'object' && !Array.isArray(next) ? (next as Record<string, unknown>) : {};
  }
  const last = path[path.length - 1]!;
  if (value === DELETE) delete cur[last];
  else cur[last] = value;
  return root;
}

function wrongType(s: JsonSchema): fc.Arbitrary<unknown> {
  switch (schemaType(s)) {
    case 'string':
      return fc.oneof(fc.integer(), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant({}));
    case 'integer':
      return fc.oneof(fc.constantFrom('1', '1.0', 'one', ''), fc.boolean(), fc.constantFrom(1.5, -0.5, 1e308, -1e308));
    case 'number':
      return fc.oneof(fc.constantFrom('1', '0', 'NaN', ''), fc.boolean(), fc.constant({}));
    case 'boolean':
      return fc.constantFrom('true', 'false', 1, 0, 'yes', []);
    case 'object':
      return fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant([]));
    case 'array':
      return fc.oneof(fc.string(), fc.integer(), fc.constant({}));
    default:
      return fc.oneof(fc.string(), fc.integer());
  }
}

/** Values that break a field: out of its bounds, its pattern or its enum. */
function outOfBounds(s: JsonSchema): fc.Arbitrary<unknown> {
  const options: unknown[] = [];
  if (s.maxLength !== undefined) options.push('a'.repeat(s.maxLength + 1));
  if ((s.minLength ?? 0) >= 1) options.push('', '   ');
  if (s.enum) options.push('not-in-enum', String(s.enum[0]).toUpperCase() + '!', ` ${String(s.enum[0])}`);
  if (s.pattern) options.push('has spaces & symbols!', '\u0000');
  if (s.minimum !== undefined) options.push(s.minimum - 1);
  if (s.maximum !== undefined) options.push(s.maximum + 1, 1e308);
  if (schemaType(s) === 'integer') options.push(1.5);
  return options.length ? fc.constantFrom(...options) : fc.constant(null);
}

interface Mutation {
  label: string;
  path: string[];
  value: unknown;
}

function mutationOf(f: Field): fc.Arbitrary<Mutation> {
  const at = (label: string, arb: fc.Arbitrary<unknown>) => arb.map((value): Mutation => ({ label, path: f.path, value }));
  return fc.oneof(
    at('wrong type', wrongType(f.schema)),
    at('huge string (100 kB)', fc.constantFrom(...HUGE_STRINGS)),
    at('null', fc.constant(null)),
    at('nested object', fc.constant(NESTED)),
    at('array', fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 4 })),
    at('out of bounds', outOfBounds(f.schema)),
    at('injection string', fc.constantFrom(...INJECTIONS)),
    ...(f.required ? [at('missing', fc.constant(DELETE))] : []),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Requests.

interface FuzzRequest {
  route: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  kind: string;
  /** When narrower than "any 4xx (or a 2xx for a GET)". */
  expect?: number[];
  guarded?: boolean;
}

function preview(payload: string | Buffer | undefined, max = 160): string {
  if (payload === undefined || payload.length === 0) return '(empty)';
  const text = Buffer.isBuffer(payload) ? payload.toString('utf8') : payload;
  const shown = JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
  return `${Buffer.byteLength(payload)} bytes ${shown}`;
}

function describeRequest(r: FuzzRequest): string {
  const url = r.url.length > 300 ? `${r.url.slice(0, 300)}… (${r.url.length} chars)` : r.url;
  const ct = r.headers['content-type'] === undefined ? '(none)' : JSON.stringify(r.headers['content-type']);
  const extra = Object.entries(r.headers)
    .filter(([k]) => k !== 'content-type' && k !== 'content-length')
    .map(([k, v]) => `${k}: ${JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v)}`);
  return `${r.method} ${url} [${r.kind}${r.guarded ? ', guarded' : ''}] content-type=${ct}${extra.length ? ` headers={${extra.join(', ')}}` : ''} body=${preview(r.payload)}`;
}

function readable(r: FuzzRequest): FuzzRequest {
  return Object.defineProperty(r, fc.toStringMethod, { value: () => describeRequest(r), enumerable: false });
}

interface Body {
  kind: string;
  payload?: string | Buffer;
  contentType?: string;
  contentLength?: string;
  expect?: number[];
}

const SENTINEL = 'ZZ_FUZZ_SENTINEL_ZZ';

function bodyArb(route: RouteSpec, bodyLimit: number): fc.Arbitrary<Body> {
  const schema = route.body ?? { type: 'object' };
  const base = validValue(schema);
  const fields = fieldsOf(schema);
  const fieldArb = fields.length ? fc.constantFrom(...fields) : fc.constant<Field>({ path: ['field'], schema: { type: 'string' }, required: false });
  const jsonCt = fc.constantFrom(...JSON_CONTENT_TYPES);
  const json = (kind: string, arb: fc.Arbitrary<string | Buffer>) =>
    fc.tuple(arb, jsonCt).map(([payload, contentType]): Body => ({ kind, payload, contentType }));
  /** base with one field replaced by a sentinel, to splice raw text or bytes in its place */
  const withSentinel = fc.tuple(base, fieldArb).map(([b, f]) => ({ text: JSON.stringify(setAt(b, f.path, SENTINEL)), field: f.path.join('.') }));

  return fc.oneof(
    { weight: 3, arbitrary: json('json value', fc.jsonValue().map((v) => JSON.stringify(v))) },
    {
      weight: 2,
      arbitrary: json(
        'anything',
        fc.anything({ maxDepth: 3 }).map((v) => {
          try {
            return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x)) ?? '';
          } catch {
            return String(v);
          }
        }),
      ),
    },
    {
      weight: 8,
      arbitrary: fc
        .tuple(base, fieldArb.chain(mutationOf), jsonCt)
        .map(([b, m, contentType]): Body => ({ kind: `body.${m.path.join('.')}: ${m.label}`, payload: JSON.stringify(setAt(b, m.path, m.value)), contentType })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(base, fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('priority', 'status', 'id', 'isAdmin', '$where')), fc.jsonValue({ maxDepth: 1 }), fc.option(fieldArb, { nil: undefined }), jsonCt)
        .map(([b, key, value, f, contentType]): Body => {
          const target = f && schemaType(f.schema) === 'object' ? [...f.path, key] : [key];
          return { kind: `unknown field ${JSON.stringify(target.join('.'))}`, payload: JSON.stringify(setAt(b, target, value)), contentType };
        }),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          withSentinel,
          fc.constantFrom(
            '"__proto__":{"polluted":"yes"}',
            '"constructor":{"prototype":{"polluted":"yes"}}',
            '"prototype":{"polluted":"yes"}',
            '"__proto__":null',
            '"constructor":"x"',
            '"__proto__":{"__proto__":{"polluted":"yes"}}',
          ),
          fc.boolean(),
          jsonCt,
        )
        .map(([w, snippet, atRoot, contentType]): Body => {
          const text = atRoot ? (w.text === '{}' ? `{${snippet}}` : `{${snippet},${w.text.slice(1)}`) : w.text.replace(`"${SENTINEL}"`, `{${snippet}}`);
          return { kind: `prototype pollution ${atRoot ? 'at root' : `in body.${w.field}`}`, payload: text.replace(`"${SENTINEL}"`, '"x"'), contentType };
        }),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(base, fieldArb, fc.constantFrom(...INJECTIONS), jsonCt)
        .map(([b, f, s, contentType]): Body => ({ kind: `injection in body.${f.path.join('.')}`, payload: JSON.stringify(setAt(b, f.path, s)), contentType })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(withSentinel, fc.constantFrom(...INVALID_UTF8), fc.boolean(), jsonCt)
        .map(([w, bytes, inString, contentType]): Body => {
          const [before, after] = w.text.split(inString ? SENTINEL : `"${SENTINEL}"`) as [string, string];
          return { kind: `invalid UTF-8 in body.${w.field}`, payload: Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]), contentType };
        }),
    },
    { weight: 1, arbitrary: json('random bytes', fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a))) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.oneof(base.map((b) => JSON.stringify(b)), fc.jsonValue().map((v) => JSON.stringify(v))), fc.double({ min: 0, max: 1, noNaN: true }), jsonCt)
        .map(([text, at, contentType]): Body => ({ kind: 'truncated JSON', payload: text.slice(0, Math.min(text.length - 1, Math.floor(at * text.length))), contentType })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Body>(
        { kind: 'empty body', payload: '', contentType: 'application/json' },
        { kind: 'empty body', payload: '', contentType: 'application/json', contentLength: '0' },
        { kind: 'empty body', payload: '' },
        { kind: 'whitespace body', payload: '  \r\n\t ', contentType: 'application/json' },
      ),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(base, fc.constantFrom(...WRONG_CONTENT_TYPES, undefined)).map(([b, contentType]): Body => {
        const payload =
          contentType === 'application/x-www-form-urlencoded'
            ? new URLSearchParams(Object.entries(b as object).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString() || 'a=1'
            : contentType?.startsWith('multipart/')
              ? `--fuzzboundary\r\nContent-Disposition: form-data; name="body"\r\n\r\n${JSON.stringify(b)}\r\n--fuzzboundary--\r\n`
              : contentType?.includes('xml')
                ? `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><case><title>&e;</title></case>`
                : JSON.stringify(b);
        return { kind: `wrong content type`, payload, ...(contentType !== undefined && { contentType }) };
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 1, max: 64 * 1024 }), fc.constantFrom('application/json', 'application/json', 'text/plain'))
        .map(([over, contentType]): Body => {
          const payload = `{"title":"${'x'.repeat(bodyLimit + over - 12)}"}`;
          return { kind: `over the body limit (+${over} bytes)`, payload, contentType, ...(contentType === 'application/json' && { expect: [413] }) };
        }),
    },
  );
}

/** A hostile value for one query parameter: wrong type, out of bounds, injection, control characters, forged. */
function hostileQueryValueArb(p: OpenApiParameter): fc.Arbitrary<{ value: string; raw: boolean }> {
  const schema = resolveRef(p.schema ?? { type: 'string' });
  const opaqueToken = /cursor|token|page/i.test(p.name);
  const value = fc.oneof(
    outOfBounds(schema).map((v) => String(v)),
    fc.constantFrom('abc', '-1', '0', '1.5', '1e309', '', 'true', '[]', '{}', 'null', '9'.repeat(400), 'x'.repeat(5000)),
    { weight: 2, arbitrary: fc.constantFrom(...INJECTIONS) },
    CONTROL_STRING,
    ANY_STRING,
    { weight: opaqueToken ? 6 : 1, arbitrary: forgedCursor },
    { weight: schema.format === 'date-time' ? 4 : 1, arbitrary: fc.constantFrom(...EDGE_DATE_TIMES) },
  );
  return fc.oneof({ weight: 8, arbitrary: value.map((v) => ({ value: v, raw: false })) }, { weight: 1, arbitrary: fc.constantFrom(...PERCENT_JUNK).map((v) => ({ value: v, raw: true })) });
}

/** Values for one query parameter: from its schema, or hostile. */
function queryValueArb(p: OpenApiParameter): fc.Arbitrary<{ value: string; raw: boolean }> {
  const valid = validValue(p.schema ?? { type: 'string' }).map((v) => ({ value: typeof v === 'string' ? v : JSON.stringify(v), raw: false }));
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 5, arbitrary: hostileQueryValueArb(p) });
}

interface QueryPair {
  key: string;
  value: string;
  raw: boolean;
}

function queryArb(route: RouteSpec): fc.Arbitrary<{ query: string; benign: boolean }> {
  const known = route.query.map((p) => fc.tuple(fc.constant(p.name), queryValueArb(p)).map(([k, v]) => ({ key: k, ...v, benign: false })));
  const benign = route.query.map((p) =>
    fc.tuple(fc.constant(p.name), validValue(p.schema ?? { type: 'string' })).map(([key, v]) => ({ key, value: typeof v === 'string' ? v : JSON.stringify(v), raw: false, benign: true })),
  );
  const unknown = fc
    .tuple(fc.oneof(fc.string({ minLength: 1, maxLength: 10 }), fc.constantFrom(...PROTO_KEYS, 'limit[]', 'status[$ne]', 'a[b]', '$where')), ANY_STRING)
    .map(([key, value]) => ({ key, value, raw: false, benign: false }));
  const pair = fc.oneof(...(known.length ? [{ weight: 3, arbitrary: fc.oneof(...known) }] : []), { weight: 1, arbitrary: unknown });
  const serialise = (pairs: QueryPair[], suffix = '') => {
    const qs = pairs.map((q) => `${encodeComponent(q.key)}=${q.raw ? q.value : encodeComponent(q.value)}`).join('&') + suffix;
    return qs ? `?${qs}` : '';
  };
  const benignPairs = (arbs: Array<fc.Arbitrary<QueryPair>>) =>
    fc.subarray(arbs).chain((picked): fc.Arbitrary<QueryPair[]> => (picked.length ? fc.tuple(...picked) : fc.constant([])));
  // one documented key with a hostile value, the others (if any) benign: the value reaches the handler
  const oneHostile = route.query.map((p, i) =>
    fc
      .tuple(benignPairs(benign.filter((_, j) => j !== i)), hostileQueryValueArb(p), fc.nat())
      .map(([others, h, at]) => {
        const pairs: QueryPair[] = [...others];
        pairs.splice(at % (pairs.length + 1), 0, { key: p.name, ...h });
        return { query: serialise(pairs), benign: false };
      }),
  );
  return fc.oneof(
    // benign: each documented key at most once, with a value from its schema (a GET may answer 200)
    { weight: 2, arbitrary: benignPairs(benign).map((pairs) => ({ query: serialise(pairs), benign: true })) },
    ...(oneHostile.length ? [{ weight: 4, arbitrary: fc.oneof(...oneHostile) }] : []),
    {
      weight: 5,
      arbitrary: fc
        .tuple(fc.array(pair, { maxLength: 5 }), fc.option(fc.constantFrom('&', '&&', '&=', '=', '&%', '&a=%E0%A4%A', '&%00=1', '&a[__proto__][x]=1', '?x=1?y=2', ';a=b', '#frag', '&limit=1&limit=2'), { nil: '' }))
        .map(([pairs, suffix]) => ({ query: serialise(pairs, suffix), benign: false })),
    },
  );
}

/** A path parameter as it appears in the URL: percent-encoded values, or raw junk (dot segments, bad escapes). */
function pathParamArb(exclude: string[]): fc.Arbitrary<string> {
  const caseIdLike = fc
    .string({ unit: fc.constantFrom(...CASE_ID_CHARS), minLength: 16, maxLength: 16 })
    .map((s) => `HL${s}`)
    .filter((id) => !exclude.includes(id));
  const nearMiss = fc.oneof(
    caseIdLike.map((id) => id.toLowerCase()),
    caseIdLike.map((id) => id.slice(0, 17)),
    caseIdLike.map((id) => `${id}0`),
    caseIdLike.map((id) => ` ${id}`),
    caseIdLike.map((id) => `${id}%00`),
    caseIdLike.map((id) => `${id}/`),
    caseIdLike.map((id) => `${id}?x=1`),
  );
  const dots = fc.array(fc.constantFrom('..', '.', '%2e%2e', '..%2f', '%2e%2e%2f', '....//', '..;', '%252e%252e'), { minLength: 1, maxLength: 5 }).map((a) => a.join('/'));
  const long = fc.tuple(fc.integer({ min: 60, max: 4000 }), fc.constantFrom('A', '张', '%41', '9', 'HL')).map(([n, c]) => c.repeat(n));
  const junk = fc.array(fc.oneof(fc.constantFrom(...PERCENT_JUNK), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
  const encoded = fc.oneof(
    { weight: 5, arbitrary: caseIdLike },
    { weight: 2, arbitrary: nearMiss },
    { weight: 2, arbitrary: ANY_STRING },
    { weight: 1, arbitrary: long },
  ).map(encodeComponent);
  const raw = fc.oneof(dots, junk, nearMiss, long, fc.constantFrom(...INJECTIONS.filter((s) => /^[\x21-\x7e]*$/.test(s))));
  return fc.oneof({ weight: 4, arbitrary: encoded }, { weight: 2, arbitrary: raw });
}

const UNDOCUMENTED_METHODS = ['PUT', 'PATCH', 'DELETE'];

function headersArb(route: RouteSpec): fc.Arbitrary<Record<string, string>> {
  // Credentials too: a hostile value replaces the valid one send() adds, and must get a problem+json 401.
  const names = [...new Set(['authorization', 'x-api-key', 'x-case-code', 'x-request-id', ...route.headers.map((h) => h.name.toLowerCase())])];
  return fc.subarray(names, { maxLength: 3 }).chain((picked) =>
    picked.length ? fc.tuple(...picked.map((n) => HEADER_VALUE.map((v) => [n, v] as const))).map((entries) => Object.fromEntries(entries)) : fc.constant({}),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The guard: a POST that could succeed is broken before it is sent.

function requestPathname(url: string): string {
  return new URL(url, 'http://localhost').pathname;
}

/** The zod schema a request with a body to this URL must fail, or null when any outcome is harmless (no such case). */
function guardSchemaFor(routes: RouteSpec[], realIds: string[], method: string, url: string): { schema?: z.ZodType } | null {
  const pathname = requestPathname(url);
  for (const r of routes) {
    if (r.method !== method) continue;
    const m = r.matcher.exec(pathname);
    if (!m) continue;
    if (r.pathParams.length === 0) return { schema: CREATE_BODIES[r.label] };
    const ids = m.slice(1).map((v) => {
      try {
        return decodeURIComponent(v);
      } catch {
        return v;
      }
    });
    if (ids.some((id) => realIds.includes(id))) return { schema: ACTION_BODIES[r.path.split('/').pop()!] };
  }
  return null;
}

/** What the server's JSON parser would make of the payload, if anything (body limit, BOM, U+FFFD as Node decodes). */
function parsedByServer(payload: string | Buffer | undefined, bodyLimit: number): { value: unknown } | null {
  if (payload === undefined || payload.length === 0) return { value: undefined };
  const bytes = Buffer.isBuffer(payload) ? payload : Buffer.from(payload, 'utf8');
  if (bytes.length > bodyLimit) return null;
  try {
    return { value: JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')) };
  } catch {
    return null;
  }
}

let guardActivations = 0;

/**
 * The generator must never create or move a case. Actions on made-up case ids are harmless (404), but a request
 * that reaches POST /v1/cases (a fully valid complaint would open a case) or an action on one of the two real
 * cases always has at least one field broken: if the body the server would parse (same JSON parse, BOM, U+FFFD
 * decoding) passes the route's zod schema, it gets an unknown field (the schemas are strict) and, if that still
 * passes or the schema is unknown, a trailing comma that makes it unparseable. The target is decided on the
 * normalised URL, so dot segments cannot sneak a request onto POST /v1/cases. Guarded requests are marked
 * "guarded" in failure messages; the end-of-run snapshot comparison proves nothing slipped through.
 */
function guard(r: FuzzRequest, routes: RouteSpec[], realIds: string[], bodyLimit: number): FuzzRequest {
  if (r.method === 'GET') return r;
  const target = guardSchemaFor(routes, realIds, r.method, r.url);
  if (!target) return r;
  const parsed = parsedByServer(r.payload, bodyLimit);
  if (!parsed) return r;
  const schema = target.schema;
  if (schema && !schema.safeParse(parsed.value).success) return r;
  guardActivations++;
  const text = (Buffer.isBuffer(r.payload) ? r.payload.toString('utf8') : (r.payload ?? '')).replace(/^\uFEFF/, '');
  const value = parsed.value;
  if (schema && value && typeof value === 'object' && !Array.isArray(value)) {
    const trimmed = text.trim();
    const broken = trimmed === '{}' ? '{"__fuzz_guard__":true}' : `{"__fuzz_guard__":true,${trimmed.slice(1)}`;
    if (!schema.safeParse(JSON.parse(broken)).success) return { ...r, payload: broken, guarded: true };
  }
  return { ...r, payload: `${text || '{}'},`, guarded: true };
}

// ---------------------------------------------------------------------------------------------------------------
// Sending and judging.

let stack: TestStack;
let routes: RouteSpec[];
let bodyLimit: number;
/** The codec routes take Temporal-sized payloads (their own, larger limit; tested in api/codec.routes.test.ts). */
const limitOf = (route: RouteSpec) => (route.path.startsWith('/codec/') ? CODEC_BODY_LIMIT : bodyLimit);
/** Routes whose 200 is a page or a script, not JSON: the codec sign-in page for Web UIs without a login. */
const NON_JSON_ROUTES = new Set(['GET /codec/login', 'GET /codec/login.js']);
const realIds: string[] = [];
let sent = 0;
const statuses = new Map<number, number>();
const byRoute = new Map<string, Map<number, number>>();
const survey = new Map<string, { count: number; examples: string[] }>();
const startedAt = Date.now();

async function send(r: FuzzRequest): Promise<LightMyRequestResponse> {
  const res = await stack.app.inject({ method: r.method as 'GET', url: r.url, headers: { ...credentials, ...r.headers }, ...(r.payload !== undefined && r.payload.length > 0 && { payload: r.payload }) });
  sent++;
  statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
  const perRoute = byRoute.get(r.route) ?? new Map<number, number>();
  perRoute.set(res.statusCode, (perRoute.get(res.statusCode) ?? 0) + 1);
  byRoute.set(r.route, perRoute);
  return res;
}

const FUZZED_CREDENTIALS = ['authorization', 'x-api-key', 'x-case-code'];

const xmlParser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'error' });

/**
 * Open311 GeoReport v2 (api/open311.routes.ts) answers in the spec's shapes, errors included: never a 5xx; an error
 * is 400, 403, 404 or 429 with an array of code and description, as JSON or as well-formed XML
 * (<errors><error><code/><description/></error></errors>) — the format the path names, JSON when it names none.
 */
function open311Violations(r: FuzzRequest, res: LightMyRequestResponse): string[] {
  const v: string[] = [];
  const status = res.statusCode;
  const ct = String(res.headers['content-type'] ?? '');
  const xml = /^text\/xml/.test(ct);
  if (!xml && !/^application\/json/.test(ct)) v.push(`a ${status} that is neither text/xml nor application/json (content-type ${ct || 'none'})`);
  const named = /\.(json|xml)$/i.exec(requestPathname(r.url))?.[1]?.toLowerCase();
  if (named && (named === 'xml') !== xml) v.push(`the path asks for ${named}, the answer is ${ct}`);
  if (status >= 500) v.push(`answered ${status}`);
  else if (status >= 400) {
    if (![400, 403, 404, 429].includes(status)) v.push(`GeoReport errors are 400, 403, 404 or 429, not ${status}`);
    let errors: unknown;
    if (xml) {
      if (XMLValidator.validate(res.body) !== true) v.push('an error answer that is not well-formed XML');
      else errors = (xmlParser.parse(res.body) as { errors?: { error?: unknown } }).errors?.error;
    } else {
      try {
        errors = JSON.parse(res.body);
      } catch {
        v.push(`a ${status} whose body is not JSON`);
      }
    }
    const list = Array.isArray(errors) ? (errors as Array<{ code?: unknown; description?: unknown }>) : [];
    if (!list.length) v.push('an error answer without errors');
    for (const e of list) {
      const code = xml ? Number(e.code) : e.code;
      if (typeof code !== 'number' || !Number.isInteger(code) || code < 400) v.push(`error code ${JSON.stringify(e.code)} is not a status-like number`);
      if (typeof e.description !== 'string' || e.description === '') v.push('an error without a description');
    }
  } else if (status >= 200 && status < 300) {
    if (r.method !== 'GET') v.push(`a ${r.method} answered ${status}: the generator must never produce an acceptable ${r.method}`);
    if (xml && XMLValidator.validate(res.body) !== true) v.push('an XML answer that is not well-formed');
  } else v.push(`unexpected status ${status}`);
  return v;
}

function violationsOf(r: FuzzRequest, res: LightMyRequestResponse): string[] {
  // As the server routes it (dot segments resolved: /open311/v2/requests/../../x is /x).
  if (requestPathname(r.url).startsWith('/open311/')) return open311Violations(r, res);
  const v: string[] = [];
  const status = res.statusCode;
  const ct = String(res.headers['content-type'] ?? '');
  if (status >= 500) v.push(`answered ${status}`);
  else if (status >= 400) {
    if (!/^application\/problem\+json/.test(ct)) v.push(`a ${status} that is not application/problem+json (content-type ${ct || 'none'})`);
    let body: { status?: unknown; code?: unknown; requestId?: unknown } | undefined;
    try {
      body = JSON.parse(res.body);
    } catch {
      v.push(`a ${status} whose body is not JSON`);
    }
    if (body) {
      if (typeof body.status !== 'number' || body.status !== status) v.push(`problem.status ${JSON.stringify(body.status)} is not the HTTP status ${status}`);
      if (typeof body.code !== 'string') v.push('problem.code is not a string');
      else if (!/^[a-z][a-z0-9_]*$/.test(body.code) || body.code.startsWith('fst_')) v.push(`problem.code ${JSON.stringify(body.code)} is not a stable lower-case code`);
      if (typeof body.requestId !== 'string') v.push('problem.requestId is not a string');
    }
  } else if (status >= 200 && status < 300) {
    if (r.method !== 'GET') v.push(`a ${r.method} answered ${status}: the generator must never produce an acceptable ${r.method}`);
    else if (!/^application\/json/.test(ct) && !NON_JSON_ROUTES.has(r.route)) v.push(`a ${status} that is not application/json (content-type ${ct || 'none'})`);
  } else v.push(`unexpected status ${status}`);
  // A fuzzed credential replaces the valid one: authentication answers first, with 401.
  const credentialFuzzed = status === 401 && Object.keys(r.headers).some((h) => FUZZED_CREDENTIALS.includes(h));
  if (r.expect && !r.expect.includes(status) && !credentialFuzzed) v.push(`expected ${r.expect.join(' or ')}, got ${status}`);
  if (status === 401 && !credentialFuzzed) v.push('answered 401 to a request carrying a valid credential');
  return v;
}

function signature(r: FuzzRequest, res: LightMyRequestResponse, v: string[]): string {
  let code = '';
  try {
    code = String(JSON.parse(res.body).code ?? '');
  } catch {
    /* not JSON */
  }
  return `${r.route} → ${res.statusCode} ${String(res.headers['content-type'] ?? 'none').split(';')[0]} ${code} :: ${v[0]}`;
}

async function check(r: FuzzRequest): Promise<void> {
  const res = await send(r);
  const v = violationsOf(r, res);
  if (v.length === 0) return;
  const body = res.body.length > 400 ? `${res.body.slice(0, 400)}…` : res.body;
  const message = `${v.join('; ')}\n  request:  ${describeRequest(r)}\n  response: ${res.statusCode} content-type=${String(res.headers['content-type'] ?? 'none')} body=${body}`;
  if (!SURVEY) throw new Error(message);
  const key = signature(r, res, v);
  const seen = survey.get(key) ?? { count: 0, examples: [] };
  seen.count++;
  if (seen.examples.length < 3) seen.examples.push(message);
  survey.set(key, seen);
}

/** The URL reaches the route's handler chain: its pathname matches and each parameter decodes and fits find-my-way's 100 chars. */
function routable(route: RouteSpec, url: string): boolean {
  const m = route.matcher.exec(requestPathname(url));
  if (!m) return false;
  return m.slice(1).every((v) => {
    try {
      decodeURIComponent(v);
      return v.length <= 100;
    } catch {
      return false;
    }
  });
}

/** Every request a property sends, for one documented route (real ids excluded from its path params). */
function requestArb(route: RouteSpec): fc.Arbitrary<FuzzRequest> {
  const params = route.pathParams.length ? fc.tuple(...route.pathParams.map(() => pathParamArb(realIds))) : fc.constant([] as string[]);
  const hasBody = route.method !== 'GET';
  // Methods the document does not list for this path: a 404 before anything else happens.
  const documented = routes.filter((r) => r.path === route.path).map((r) => r.method);
  const undocumented = UNDOCUMENTED_METHODS.filter((m) => !documented.includes(m));
  const method = undocumented.length
    ? fc.oneof({ weight: 24, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: fc.constantFrom(...undocumented) })
    : fc.constant(route.method);
  return fc
    .tuple(
      params,
      queryArb(route),
      headersArb(route),
      hasBody
        ? bodyArb(route, limitOf(route)).map((b): Body | undefined => b)
        : fc.oneof({ weight: 9, arbitrary: fc.constant<Body | undefined>(undefined) }, { weight: 1, arbitrary: bodyArb(route, limitOf(route)).map((b): Body | undefined => b) }),
      method,
    )
    .map(([values, q, headers, body, method]) => {
      let i = 0;
      const path = route.path.replace(/\{[^}]+\}/g, () => values[i++] ?? '');
      const r: FuzzRequest = {
        route: route.label,
        method,
        url: `${path}${q.query}`,
        headers: { ...headers, ...(body?.contentType !== undefined && { 'content-type': body.contentType }), ...(body?.contentLength !== undefined && { 'content-length': body.contentLength }) },
        ...(body?.payload !== undefined && { payload: body.payload }),
        kind: body ? body.kind : q.benign ? 'benign query' : 'hostile query',
        // Fastify reads no body for a GET; an undocumented method or a URL that does not route fails before the body is read.
        ...(body?.expect && method === route.method && method !== 'GET' && routable(route, `${path}${q.query}`) && { expect: body.expect }),
      };
      return readable(guard(r, routes, realIds, bodyLimit));
    });
}

/** Malformed bodies for an action on one of the two real cases: rejected, never applied. */
function realCaseArb(route: RouteSpec): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(fc.constantFrom(...realIds), queryArb(route), headersArb(route), bodyArb(route, limitOf(route)))
    .map(([id, q, headers, body]) => {
      const r: FuzzRequest = {
        route: `${route.label} (real case)`,
        method: 'POST',
        url: `${route.path.replace(/\{[^}]+\}/g, id)}${q.query}`,
        headers: { ...headers, ...(body.contentType !== undefined && { 'content-type': body.contentType }), ...(body.contentLength !== undefined && { 'content-length': body.contentLength }) },
        ...(body.payload !== undefined && { payload: body.payload }),
        kind: body.kind,
        expect: body.expect ?? [400, 403, 404, 409, 413, 415],
      };
      return readable(guard(r, routes, realIds, bodyLimit));
    });
}

/** Each property gets its own seed derived from SEED and its label, so routes with alike schemas see different inputs. */
function seedFor(label: string): number {
  let h = SEED | 0;
  for (const ch of label) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h;
}

const durations = new Map<string, number>();

async function fuzz(label: string, arb: fc.Arbitrary<FuzzRequest>, numRuns: number): Promise<string | null> {
  const t0 = Date.now();
  try {
    await fc.assert(fc.asyncProperty(arb, check), { numRuns, seed: seedFor(label), includeErrorInReport: true });
    return null;
  } catch (err) {
    return `── ${label}\n${err instanceof Error ? err.message : String(err)}`;
  } finally {
    durations.set(label, Date.now() - t0);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The record and the workflows, before and after.

async function snapshot() {
  const db = stack.database.db;
  const [caseRows, eventRows, notificationRows] = await Promise.all([
    db.select().from(cases).orderBy(asc(cases.id)),
    db.select().from(caseEvents).orderBy(asc(caseEvents.caseId), asc(caseEvents.seq)),
    db.select().from(notifications).orderBy(asc(notifications.id)),
  ]);
  const workflows: Array<{ id: string; status: string }> = [];
  for await (const wf of stack.client.workflow.list({ query: `TaskQueue = '${stack.taskQueue}'` })) workflows.push({ id: wf.workflowId, status: wf.status.name });
  workflows.sort((a, b) => a.id.localeCompare(b.id));
  const live: Record<string, { view: unknown; historyLength: number }> = {};
  for (const id of realIds) {
    const handle = stack.client.workflow.getHandle(id);
    live[id] = { view: await handle.query(getCaseQuery), historyLength: (await handle.describe()).historyLength };
  }
  return {
    counts: { cases: caseRows.length, caseEvents: eventRows.length, notifications: notificationRows.length },
    cases: caseRows,
    caseEvents: eventRows,
    notifications: notificationRows,
    workflows,
    live,
  };
}
let before: Awaited<ReturnType<typeof snapshot>>;
/** Every request carries a valid credential holding every role (unless the fuzzer sends its own), so inputs reach validation. */
let credentials: Record<string, string>;

beforeAll(async () => {
  stack = await startStack({ name: 'hostile' });
  credentials = stack.as(['intake_agent', 'dispatcher', 'unit_handler', 'unit_leader', 'supervisor', 'callback_agent', 'reviewer', 'analyst', 'admin'], 'city');
  const docs = await stack.app.inject({ method: 'GET', url: '/docs/json' });
  expect(docs.statusCode, 'the OpenAPI document is served at /docs/json').toBe(200);
  doc = JSON.parse(docs.body) as OpenApiDocument;
  routes = routesOf(doc);
  bodyLimit = stack.app.initialConfig.bodyLimit ?? 1024 * 1024;

  realIds.push(await openCase(stack), await openCase(stack, { channel: 'wechat', title: '路灯不亮' }));
  await driveTo(stack, realIds[1]!, 'accepted');
  for (const id of realIds) await expectRecordMatchesWorkflow(stack, id);
  // The record and visibility settle (projection activity, list index); then the snapshot is taken.
  before = await eventually(async () => {
    const a = await snapshot();
    expect(a.workflows.map((w) => w.id).sort()).toEqual([...realIds].sort());
    await new Promise((r) => setTimeout(r, 300));
    expect(await snapshot()).toEqual(a);
    return a;
  });
  console.log(`hostile-input: fast-check seed ${SEED} (FC_SEED=${SEED} to reproduce), ${routes.length} documented routes, body limit ${bodyLimit} bytes`);
}, 180_000);

afterAll(async () => {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const dist = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
  const perRoute = [...byRoute.entries()]
    .map(([r, m]) => `  ${r}: ${[...m.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ')}`)
    .join('\n');
  const timings = [...durations.entries()].map(([label, ms]) => `${label} ${(ms / 1000).toFixed(1)} s`).join(', ');
  console.log(`hostile-input: ${sent} requests in ${seconds} s (seed ${SEED}); guard broke ${guardActivations} otherwise-acceptable bodies\nstatuses: ${dist}\n${perRoute}\ntime per property: ${timings}`);
  if (survey.size) {
    console.log(`hostile-input survey: ${survey.size} distinct failures\n${[...survey.entries()].map(([k, { count, examples }]) => `● ${k} (×${count})\n  ${examples.join('\n').replace(/\n/g, '\n  ')}`).join('\n')}`);
  }
  await stack?.close();
});

describe(`hostile input on every documented route (fast-check seed ${SEED})`, () => {
  it('no 5xx, every 4xx is problem+json with status, code and requestId, no POST accepted', async () => {
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.some((r) => r.path.startsWith('/docs'))).toBe(false);
    // More runs where there is more to vary: one share per route, one per parameter, three for a request body.
    const weight = (r: RouteSpec) => 1 + r.pathParams.length + r.query.length + r.headers.length + (r.method === 'GET' ? 0 : 3);
    const shares = routes.reduce((sum, r) => sum + weight(r), 0);
    const failures: string[] = [];
    for (const route of routes) {
      const failure = await fuzz(route.label, requestArb(route), Math.ceil((TOTAL_REQUESTS * 0.8 * weight(route)) / shares));
      if (failure) failures.push(failure);
    }
    if (failures.length) throw new Error(`${failures.length} propert${failures.length === 1 ? 'y' : 'ies'} failed\n\n${failures.join('\n\n')}`);
  }, 240_000);

  it('malformed actions on the two real cases are refused (400/403/404/409/413/415)', async () => {
    const actionRoutes = routes.filter((r) => r.method === 'POST' && r.pathParams.length === 1);
    expect(actionRoutes.length).toBeGreaterThan(0);
    const perRoute = Math.ceil((TOTAL_REQUESTS * 0.2) / actionRoutes.length);
    const failures: string[] = [];
    for (const route of actionRoutes) {
      const failure = await fuzz(`${route.label} on the real cases`, realCaseArb(route), perRoute);
      if (failure) failures.push(failure);
    }
    if (failures.length) throw new Error(`${failures.length} propert${failures.length === 1 ? 'y' : 'ies'} failed\n\n${failures.join('\n\n')}`);
  }, 120_000);

  it(`sent at least ${MIN_REQUESTS} requests, and the database and workflows are unchanged`, async () => {
    expect(Object.getPrototypeOf({}), 'Object.prototype is untouched').toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted, 'no prototype pollution').toBeUndefined();
    const after = await snapshot();
    expect(after.counts).toEqual(before.counts);
    expect(after.workflows).toEqual(before.workflows);
    expect(after.live).toEqual(before.live);
    expect(after.cases).toEqual(before.cases);
    expect(after.caseEvents).toEqual(before.caseEvents);
    expect(after.notifications).toEqual(before.notifications);
    expect(survey.size, `distinct failures recorded in survey mode:\n${[...survey.keys()].join('\n')}`).toBe(0);
    expect(sent, 'requests sent by the fuzzer').toBeGreaterThanOrEqual(MIN_REQUESTS);
  }, 60_000);
});
