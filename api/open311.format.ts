/**
 * Open311 GeoReport v2 on the wire: its two formats and its errors. Pure.
 *
 * JSON is the spec's programmatic mapping of its XML (the "Spark convention"): a list in JSON is, in XML, an element
 * named after the list holding one element per item (`services` → `<services><service>…`, `attributes` →
 * `<attributes><attribute>…`), null is an empty element, and a document whose JSON is a list (services, requests,
 * errors) has the list's name as its XML root. XML answers carry the declaration with encoding utf-8, no namespace.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { Problem } from './problem.js';

export const OPEN311_FORMATS = ['json', 'xml'] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];

/** The spec's content types (Format Support). */
export const CONTENT_TYPES: Record<Open311Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** Each list of the spec and the element of one of its items. */
const ITEM_ELEMENT: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

/** The format named by a path's extension (`/services.xml`, `/requests/HL….json`), or null for none or another. */
export function formatOfPath(path: string): Open311Format | null {
  const m = /\.(json|xml)$/i.exec(path.split('?')[0] ?? '');
  return m ? (m[1]!.toLowerCase() as Open311Format) : null;
}

/** `name.json` / `name.xml` → the name and its format; null when the extension is neither. */
export function splitExtension(file: string): { name: string; format: Open311Format } | null {
  const m = /^(.+)\.(json|xml)$/i.exec(file);
  return m ? { name: m[1]!, format: m[2]!.toLowerCase() as Open311Format } : null;
}

/**
 * Characters XML 1.0 cannot carry at all (C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF): text
 * a person typed may hold them, and an XML answer must stay well-formed, so they are left out of XML answers.
 */
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
export const xmlText = (s: string): string => s.replace(NOT_XML, '');

type Tree = string | null | { [k: string]: Tree | Tree[] };

/** A JSON value of the spec as fast-xml-parser's builder takes it: lists become their item elements. */
function treeOf(value: unknown): Tree {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return xmlText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) throw new Error('a list must sit under a named field');
  const out: { [k: string]: Tree | Tree[] } = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? listTree(k, v) : treeOf(v);
  }
  return out;
}

function listTree(name: string, items: readonly unknown[]): Tree {
  const item = ITEM_ELEMENT[name];
  if (!item) throw new Error(`no item element for the list ${name}`);
  return items.length ? { [item]: items.map(treeOf) } : '';
}

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false, processEntities: true, ignoreAttributes: true });

/** An XML document: `root` holding `value` (a list: one item element each; an object: its fields). */
export function toXml(root: string, value: unknown): string {
  const body = Array.isArray(value) ? listTree(root, value) : treeOf(value);
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: body }) as string}`;
}

/** The answer in the asked format: the JSON value as it is, or its XML under `root`. */
export function render(format: Open311Format, root: string, value: unknown): string {
  return format === 'json' ? JSON.stringify(value) : toXml(root, value);
}

// ---------------------------------------------------------------------------------------------------------------
// Errors

export interface Open311Error {
  /** The HTTP status the problem had (a field error: 400): more specific than the answer's own status. */
  code: number;
  description: string;
}

/**
 * The request's fields in GeoReport's names: a problem raised by the intake names the /v1 body's fields
 * (body.location.lat), a query or form field its parameter (query.status → status).
 */
const FIELD_NAMES: ReadonlyArray<[RegExp, string]> = [
  [/^body\.categoryId$/, 'service_code'],
  [/^body\.(title|description)$/, 'description'],
  [/^body\.complainant\.name$/, 'first_name, last_name'],
  [/^body\.complainant(\.phone)?$/, 'phone'],
  [/^body\.location\.address$/, 'address_string'],
  [/^body\.location\.areaUnitId$/, 'address_id'],
  [/^body\.location\.lat$/, 'lat'],
  [/^body\.location\.lng$/, 'long'],
  [/^body\.location$/, 'lat, long'],
  [/^body\.mediaUrls(\.\d+)?$/, 'media_url'],
  [/^body\.channel$/, 'api_key'],
];

export function open311Field(field: string): string {
  for (const [pattern, name] of FIELD_NAMES) if (pattern.test(field)) return name;
  return field.replace(/^(body|query|params)\./, '');
}

/**
 * The spec's error answer for a problem: its HTTP status — 404 for what does not exist, 403 for a wrong or missing
 * api_key (also a valid key that may not do this), 429 with Retry-After for too many requests, and 400 for any
 * other error, a failure of the service too ("General Service Error", never a 500) — and its errors, one per field
 * when fields are named, each with the problem's own status as `code`.
 */
export function open311Errors(p: Pick<Problem, 'status' | 'code' | 'detail' | 'requestId' | 'errors'>): { status: number; errors: Open311Error[] } {
  const status = p.status === 401 || p.status === 403 ? 403 : p.status === 404 || p.status === 429 ? p.status : 400;
  // A missing or wrong key is the spec's 403, in the body too.
  const code = p.status === 401 ? 403 : p.status;
  if (p.errors?.length) {
    return { status, errors: p.errors.map((e) => ({ code, description: `${open311Field(e.field)}: ${e.reason}` })) };
  }
  const description =
    p.status >= 500
      ? p.status === 503
        ? `the service is unavailable for a moment (${p.detail}); retry later`
        : `general service error: the request could not be processed; retry later, or tell the hotline request id ${p.requestId}`
      : p.code === 'unsupported_media_type'
        ? 'send a service request as application/x-www-form-urlencoded (GeoReport v2)'
        : p.detail;
  return { status, errors: [{ code, description }] };
}
