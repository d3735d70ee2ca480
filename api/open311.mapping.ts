/**
 * Open311 GeoReport v2 ↔ hotline, as pure functions: the taxonomy's leaf categories as services, a category's
 * attributes as its service definition, a POST's form as the /v1/cases intake body, the GET filters, and a case as
 * a service request. No rule of the case lives here: a request opens a case through the same intake as /v1/cases.
 */
import { z } from 'zod';
import { maskPhonesInText } from '../domain/pii.js';
import { DomainError } from '../domain/errors.js';
import { CASE_ID_PATTERN, createCaseBody, EARLIEST_INSTANT, LATEST_INSTANT, storableInstant, type CaseViewBody, type CreateCaseBody } from './cases.schemas.js';
import { MAX_STRING_ANSWER, MAX_TEXT_ANSWER, type ServiceAttribute } from './open311.attributes.js';
import type { FieldError } from './problem.js';
import { plainStatus, upcomingDeadlines } from './public.service.js';

export const GEOREPORT_V2 = 'http://wiki.open311.org/GeoReport_v2';

/** GeoReport's limits: a description of 4,000 characters, GET requests over at most 90 days and 1,000 requests. */
export const MAX_DESCRIPTION = 4000;
export const MAX_RANGE_DAYS = 90;
export const MAX_REQUESTS = 1000;

// ---------------------------------------------------------------------------------------------------------------
// Services

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

export interface CategoryLike {
  id: string;
  name: string;
  parentId: string | null;
}

/** The category and its ancestors, root first (a cycle or a missing parent stops the walk). */
function pathOf(id: string, byId: ReadonlyMap<string, CategoryLike>): CategoryLike[] {
  const path: CategoryLike[] = [];
  const seen = new Set<string>();
  for (let c = byId.get(id); c && !seen.has(c.id); c = c.parentId ? byId.get(c.parentId) : undefined) {
    seen.add(c.id);
    path.unshift(c);
  }
  return path;
}

/**
 * The services: the taxonomy's leaf categories (a complaint is filed under the most specific kind), by code. Each is
 * realtime (the case number is the answer to the POST); its group is its top-level category, its keywords the names
 * along its path, and it has metadata when it asks attributes (`hasAttributes`).
 */
export function servicesOf(categories: readonly CategoryLike[], hasAttributes: (id: string) => boolean): Open311Service[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const parents = new Set(categories.map((c) => c.parentId).filter((p): p is string => p !== null));
  return categories
    .filter((c) => !parents.has(c.id))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c) => {
      const path = pathOf(c.id, byId);
      return {
        service_code: c.id,
        service_name: c.name,
        description: path.map((p) => p.name).join(' › '),
        metadata: hasAttributes(c.id),
        type: 'realtime' as const,
        keywords: [...new Set(path.map((p) => p.name))].join(', '),
        group: path[0]?.name ?? c.name,
      };
    });
}

export interface ServiceDefinition {
  service_code: string;
  attributes: Array<Omit<ServiceAttribute, 'label' | 'values'> & { values?: Array<{ key: string; name: string }> }>;
}

/** GET Service Definition: the attributes in their order, each list with its values. */
export function serviceDefinitionOf(code: string, attributes: readonly ServiceAttribute[]): ServiceDefinition {
  return {
    service_code: code,
    attributes: [...attributes]
      .sort((a, b) => a.order - b.order)
      .map(({ label: _label, values, ...a }) => ({ ...a, ...(values && { values: values.map((v) => ({ key: v.key, name: v.name })) }) })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// POST Service Request

/** A form or query as parsed: a field given once is a string, given several times a list. */
export type Params = Readonly<Record<string, unknown>>;

const bad = (errors: FieldError[], message = 'the service request is not acceptable') => new DomainError('validation_failed', message, { errors });

/**
 * One parameter: absent or empty is not given (GeoReport's "Optional Arguments": an empty parameter is no
 * parameter); given more than once is an error for a single-valued one.
 */
function single(params: Params, name: string, errors: FieldError[]): string | undefined {
  const v = params[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') {
    errors.push({ field: name, reason: 'given more than once' });
    return undefined;
  }
  return v;
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const CONTROL = /[\u0000-\u001f\u007f]/;
const ATTRIBUTE_KEY = /^attribute\[([^\]]*)\](\[\])?$/;
const isoWithOffset = z.iso.datetime({ offset: true });

/** A service as a POST needs it: what it is called and what it asks. */
export interface ServiceForRequest {
  service: Open311Service;
  attributes: readonly ServiceAttribute[];
}

export interface ServiceRequestInput {
  /** The /v1/cases intake body (its channel is the key's). */
  body: CreateCaseBody;
  /** The client's account id, echoed in the answer (never stored). */
  accountId: string | null;
}

/** The answers to the attributes as lines of the case description, or field errors. */
function attributeLines(params: Params, attributes: readonly ServiceAttribute[], code: string, errors: FieldError[]): string[] {
  const given = new Map<string, string[]>();
  for (const [key, value] of Object.entries(params)) {
    const m = ATTRIBUTE_KEY.exec(key);
    if (!m) continue;
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
    if (values.length) given.set(m[1]!, [...(given.get(m[1]!) ?? []), ...values]);
  }
  const byCode = new Map(attributes.map((a) => [a.code, a]));
  for (const c of given.keys()) {
    if (!byCode.has(c)) errors.push({ field: `attribute[${c}]`, reason: `not an attribute of service ${code} (GET services/${code} lists them)` });
  }
  const lines: string[] = [];
  for (const a of [...attributes].sort((x, y) => x.order - y.order)) {
    // Information only: nothing is asked, and an answer sent anyway is not kept.
    if (!a.variable) continue;
    const field = `attribute[${a.code}]`;
    const values = given.get(a.code) ?? [];
    if (!values.length) {
      if (a.required) errors.push({ field, reason: 'required by this service' });
      continue;
    }
    if (a.datatype !== 'multivaluelist' && values.length > 1) {
      errors.push({ field, reason: 'given more than once (only a multivaluelist takes several values)' });
      continue;
    }
    const v = values[0]!;
    const keys = new Map((a.values ?? []).map((x) => [x.key, x.name]));
    switch (a.datatype) {
      case 'string':
        if (v.length > MAX_STRING_ANSWER || CONTROL.test(v)) errors.push({ field, reason: `one line of at most ${MAX_STRING_ANSWER} characters` });
        else lines.push(`${a.label}：${v.trim()}`);
        break;
      case 'text':
        if (v.length > MAX_TEXT_ANSWER || /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v)) errors.push({ field, reason: `at most ${MAX_TEXT_ANSWER} characters` });
        else lines.push(`${a.label}：${v.trim()}`);
        break;
      case 'number':
        if (!DECIMAL.test(v.trim()) || !Number.isFinite(Number(v))) errors.push({ field, reason: 'a number' });
        else lines.push(`${a.label}：${Number(v)}`);
        break;
      case 'datetime':
        if (!isoWithOffset.safeParse(v.trim()).success) errors.push({ field, reason: 'an ISO 8601 date-time with its offset, e.g. 2026-03-02T21:30:00+08:00' });
        else lines.push(`${a.label}：${v.trim()}`);
        break;
      case 'singlevaluelist':
        if (!keys.has(v)) errors.push({ field, reason: `one of ${[...keys.keys()].join(', ')}` });
        else lines.push(`${a.label}：${keys.get(v)}`);
        break;
      case 'multivaluelist': {
        const unknown = values.filter((x) => !keys.has(x));
        if (unknown.length) errors.push({ field, reason: `${unknown.join(', ')}: not among ${[...keys.keys()].join(', ')}` });
        else lines.push(`${a.label}：${[...new Set(values)].map((x) => keys.get(x)).join('、')}`);
        break;
      }
    }
  }
  return lines;
}

/** The person's name from first and last name: family name first, without a space when either is written in Han. */
export function personName(first: string | undefined, last: string | undefined): string | undefined {
  const parts = [last?.trim(), first?.trim()].filter((p): p is string => Boolean(p));
  if (!parts.length) return undefined;
  if (parts.some((p) => /\p{Script=Han}/u.test(p))) return parts.join('');
  return [first?.trim(), last?.trim()].filter(Boolean).join(' ');
}

/** How much of the description's first line a title shows (a list row's width). */
const TITLE_SNIPPET = 60;

/** A title for the case: the service, and the start of the description's first line. */
export function titleOf(serviceName: string, description: string | undefined): string {
  const first = description?.split(/\r?\n/).map((l) => l.trim()).find(Boolean)?.replace(/\s+/g, ' ');
  if (!first) return serviceName;
  const chars = Array.from(first);
  return `${serviceName}：${chars.length > TITLE_SNIPPET ? `${chars.slice(0, TITLE_SNIPPET).join('')}…` : first}`;
}

/**
 * POST Service Request's form → the /v1/cases intake body. `service` is the service named by service_code (null:
 * no such service — 404, as the spec says). Every field error is collected and answered at once (400), in
 * GeoReport's parameter names; the intake's own checks (phone, coordinates, addresses, lengths) are the ones of
 * /v1/cases, run here on the body it makes.
 */
export function serviceRequestOf(params: Params, service: (code: string) => ServiceForRequest | null): ServiceRequestInput {
  const errors: FieldError[] = [];
  const code = single(params, 'service_code', errors);
  if (code === undefined) {
    if (!errors.length) errors.push({ field: 'service_code', reason: 'required (GET services lists them)' });
    throw bad(errors);
  }
  const found = service(code);
  if (!found) throw new DomainError('not_found', `no service ${code}`, { errors: [{ field: 'service_code', reason: `no service ${code} (GET services lists them)` }] });

  const lat = single(params, 'lat', errors);
  const long = single(params, 'long', errors);
  const address = single(params, 'address_string', errors);
  const addressId = single(params, 'address_id', errors);
  const email = single(params, 'email', errors);
  const deviceId = single(params, 'device_id', errors);
  const accountId = single(params, 'account_id', errors);
  const firstName = single(params, 'first_name', errors);
  const lastName = single(params, 'last_name', errors);
  const phone = single(params, 'phone', errors);
  const description = single(params, 'description', errors);
  const mediaUrl = single(params, 'media_url', errors);

  if ((lat === undefined) !== (long === undefined)) errors.push({ field: lat === undefined ? 'lat' : 'long', reason: 'lat and long are sent together' });
  for (const [name, v] of [['lat', lat], ['long', long]] as const) {
    if (v !== undefined && !DECIMAL.test(v.trim())) errors.push({ field: name, reason: 'a decimal number of degrees (WGS84)' });
  }
  if (lat === undefined && long === undefined && address === undefined && addressId === undefined) {
    errors.push({ field: 'lat, long, address_string, address_id', reason: 'a location is required: lat and long, address_string or address_id' });
  }
  if (email !== undefined && (email.length > 254 || !z.email().safeParse(email.trim()).success)) errors.push({ field: 'email', reason: 'an email address' });
  for (const [name, v] of [['device_id', deviceId], ['account_id', accountId]] as const) {
    if (v !== undefined && (v.length > 128 || CONTROL.test(v))) errors.push({ field: name, reason: 'at most 128 characters on one line' });
  }
  if (description !== undefined && Array.from(description).length > MAX_DESCRIPTION) {
    errors.push({ field: 'description', reason: `at most ${MAX_DESCRIPTION.toLocaleString('en')} characters` });
  }
  const lines = attributeLines(params, found.attributes, code, errors);
  if (errors.length) throw bad(errors);

  const text = description?.trim() || undefined;
  const supplement = lines.length ? `【补充信息】\n${lines.join('\n')}` : undefined;
  const name = personName(firstName, lastName);
  const candidate = {
    title: titleOf(found.service.service_name, text),
    description: [text, supplement].filter(Boolean).join('\n\n') || found.service.service_name,
    categoryId: code,
    ...((name !== undefined || phone !== undefined) && { complainant: { ...(name !== undefined && { name }), ...(phone !== undefined && { phone }) } }),
    location: {
      ...(address !== undefined && { address }),
      ...(addressId !== undefined && { areaUnitId: addressId }),
      ...(lat !== undefined && { lat: Number(lat) }),
      ...(long !== undefined && { lng: Number(long) }),
    },
    ...(mediaUrl !== undefined && { mediaUrls: [mediaUrl.trim()] }),
  };
  const parsed = createCaseBody.safeParse(candidate);
  if (!parsed.success) throw bad(parsed.error.issues.map((i) => ({ field: ['body', ...i.path.map(String)].join('.'), reason: i.message })));
  return { body: parsed.data, accountId: accountId ?? null };
}

// ---------------------------------------------------------------------------------------------------------------
// GET Service Requests

export interface RequestsQuery {
  /** service_request_id: these requests, whatever else was asked ("This overrides all other arguments"). */
  ids?: string[];
  serviceCodes?: string[];
  statuses?: Array<'open' | 'closed'>;
  /** requested_datetime within [from, to]. */
  from: Date;
  to: Date;
}

const DAY_MS = 86_400_000;

/** A comma-delimited parameter that may also be given several times: its values, trimmed, empty ones dropped. */
function listParam(params: Params, name: string): string[] | undefined {
  const v = params[name];
  const raw = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
  const values = raw.flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);
  return values.length ? values : undefined;
}

/**
 * GET Service Requests' filters, with the spec's defaults: the most recent 90 days when no date is given, 90 days
 * from start_date or up to end_date when one is; a range may not span more than 90 days. `isService` tells a known
 * service_code.
 */
export function requestsQueryOf(params: Params, now: number, isService: (code: string) => boolean): RequestsQuery {
  const errors: FieldError[] = [];
  const ids = listParam(params, 'service_request_id');
  if (ids) {
    const malformed = ids.filter((id) => !CASE_ID_PATTERN.test(id));
    if (malformed.length) errors.push({ field: 'service_request_id', reason: `not a service request id: ${malformed.slice(0, 5).join(', ')}` });
    if (ids.length > MAX_REQUESTS) errors.push({ field: 'service_request_id', reason: `at most ${MAX_REQUESTS} ids` });
    if (errors.length) throw bad(errors, 'the query is not acceptable');
    return { ids: [...new Set(ids)], from: new Date(0), to: new Date(now) };
  }
  const serviceCodes = listParam(params, 'service_code');
  const unknown = serviceCodes?.filter((c) => !isService(c)) ?? [];
  if (unknown.length) errors.push({ field: 'service_code', reason: `no service ${unknown.slice(0, 5).join(', ')} (GET services lists them)` });
  const statuses = listParam(params, 'status');
  const wrongStatus = statuses?.filter((s) => s !== 'open' && s !== 'closed') ?? [];
  if (wrongStatus.length) errors.push({ field: 'status', reason: 'open or closed (comma delimited for both)' });
  const date = (name: 'start_date' | 'end_date'): number | undefined => {
    const v = single(params, name, errors);
    if (v === undefined) return undefined;
    if (!isoWithOffset.safeParse(v.trim()).success) {
      errors.push({ field: name, reason: 'a w3 date-time with its offset, e.g. 2010-01-01T00:00:00Z' });
      return undefined;
    }
    // What the record can be asked about (a year 0000 or past 9999 is no instant PostgreSQL reads).
    if (!storableInstant(Date.parse(v.trim()))) {
      errors.push({ field: name, reason: 'a date-time from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z' });
      return undefined;
    }
    return Date.parse(v.trim());
  };
  const start = date('start_date');
  const end = date('end_date');
  if (errors.length) throw bad(errors, 'the query is not acceptable');
  const span = MAX_RANGE_DAYS * DAY_MS;
  const to = end ?? (start !== undefined ? Math.min(start + span, LATEST_INSTANT) : now);
  const from = start ?? Math.max(to - span, EARLIEST_INSTANT);
  if (from > to) throw bad([{ field: 'start_date', reason: 'after end_date' }], 'the query is not acceptable');
  if (to - from > span) throw bad([{ field: 'end_date', reason: `the range may not span more than ${MAX_RANGE_DAYS} days` }], 'the query is not acceptable');
  return {
    ...(serviceCodes && { serviceCodes: [...new Set(serviceCodes)] }),
    ...(statuses && { statuses: [...new Set(statuses)] as Array<'open' | 'closed'> }),
    from: new Date(from),
    to: new Date(to),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// A case as a service request

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

const pad = (n: number) => String(Math.trunc(n)).padStart(2, '0');
/** An instant in w3 form in the calendar's offset, without fractions: 2026-03-02T09:15:30+08:00. */
export function w3Time(iso: string, offsetMinutes: number): string {
  const d = new Date(Date.parse(iso) + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const off = Math.abs(offsetMinutes);
  const zone = offsetMinutes === 0 ? 'Z' : `${sign}${pad(off / 60)}:${pad(off % 60)}`;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${zone}`;
}

/**
 * status_notes: where the case is as its complainant reads it (api/public.service.ts, the same words: no staff, no
 * unit ids, no internal notes), what comes next and by when, and once replied the unit's reply to the citizen
 * (phone numbers in it masked).
 */
export function statusNotesOf(view: Pick<CaseViewBody, 'status' | 'outcome' | 'clocks'>, reply: string | null, offsetMinutes: number): string {
  const parts = [plainStatus(view), ...upcomingDeadlines(view, offsetMinutes).map((d) => d.text)];
  if (reply && (view.status === 'replied' || view.status === 'closed')) parts.push(`答复：${maskPhonesInText(reply)}`);
  return parts.join('；');
}

/** What a request view needs besides the case: from the record and reference data. */
export interface RequestContext {
  serviceName: string | null;
  /** The name of the unit that has the case. */
  agency: string | null;
  /** The first link the intake brought. */
  mediaUrl: string | null;
  /** The unit's latest reply to the citizen. */
  reply: string | null;
  offsetMinutes: number;
}

/**
 * A case as a service request. `view` must be masked for its reader (api/cases.presenter.ts presentCase, 'masked'):
 * the answer carries no name or phone at all, the address and coordinates as masked (district and street, about a
 * kilometre), phone numbers typed into the description masked.
 */
export function requestOf(view: CaseViewBody, ctx: RequestContext): Open311Request {
  const closed = view.status === 'closed';
  const reply = view.clocks.reply;
  return {
    service_request_id: view.id,
    status: closed ? 'closed' : 'open',
    status_notes: statusNotesOf(view, ctx.reply, ctx.offsetMinutes),
    service_name: ctx.serviceName,
    service_code: view.categoryId,
    description: view.description,
    agency_responsible: ctx.agency,
    service_notice: null,
    requested_datetime: w3Time(view.receivedAt, ctx.offsetMinutes),
    // "For requests with status=closed, this will be the date the request was closed."
    updated_datetime: w3Time(closed && view.closedAt ? view.closedAt : view.updatedAt, ctx.offsetMinutes),
    expected_datetime: reply ? w3Time(reply.dueAt, ctx.offsetMinutes) : null,
    address: view.location?.address ?? null,
    address_id: view.location?.areaUnitId ?? null,
    zipcode: null,
    lat: view.location?.lat ?? null,
    long: view.location?.lng ?? null,
    media_url: ctx.mediaUrl,
  };
}

/** POST's answer: the case number at once (realtime), what happens next in plain words, the client's account id. */
export function createdRequestOf(view: Pick<CaseViewBody, 'id' | 'status' | 'outcome' | 'clocks'>, accountId: string | null, offsetMinutes: number) {
  return {
    service_request_id: view.id,
    service_notice: [`您的诉求已受理，工单号 ${view.id}`, statusNotesOf(view, null, offsetMinutes)].join('；'),
    account_id: accountId,
  };
}
