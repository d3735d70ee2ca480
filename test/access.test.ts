/**
 * Who may do what, through the whole stack: every route × every role, on a case in the caller's scope and on one
 * outside it, against a hand-written table of expected statuses. The table is the test's own (not derived from
 * domain/access.ts), and a route the API serves without a row here fails the test.
 *
 * The cases acted on are closed, so an action that passes authorization answers 409 (the state refuses it) and
 * nothing changes between rows; 403 and 404 come from authorization alone.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { defaultPolicyDocument } from '../db/seed-policy.js';
import { DEFAULT_ANALYSIS_POLICY } from '../domain/analysis.policy.js';
import { defaultAssessmentPolicy } from '../domain/assessment.policy.js';
import { STAFF_ROLES, type StaffRole } from '../domain/access.js';
import { caseUpdate } from '../workflows/case.messages.js';
import { act, driveTo, eventually, openCase } from './support/cases.js';
import { demoComplaint } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';
import { signAction } from '../platform/action-assertion.js';

let stack: TestStack;
/** Closed cases: one at d01-s01 (in every test principal's scope but the out-of-district ones), one at d02-s01. */
let inCase: string;
let outCase: string;
let inCode: string;

type Who = StaffRole | 'complainant';
const WHO: readonly Who[] = [...STAFF_ROLES, 'complainant'];

/** Where each role works in this test: unit roles at the street that has the in-scope case, subtree roles at its district. */
const UNIT_OF: Record<StaffRole, string> = {
  intake_agent: 'city',
  dispatcher: 'd01',
  unit_handler: 'd01-s01',
  unit_leader: 'd01-s01',
  supervisor: 'd01',
  callback_agent: 'city',
  reviewer: 'city',
  analyst: 'city',
  admin: 'city',
};

/**
 * Expected status per route, per caller: [on the in-scope case, on the out-of-scope case] (the same twice for
 * routes without a case). Columns follow WHO: intake, dispatcher, handler, leader, supervisor, callback, reviewer,
 * analyst, admin, complainant. A complainant's code opens only its own case: elsewhere it is 401 (404 on the
 * self-service routes, which take nothing but a case's own code and answer 404 without it).
 */
type Row = Record<Who, [number, number]>;
const row = (...cells: Array<[number, number] | number>): Row =>
  Object.fromEntries(WHO.map((w, i) => {
    const c = cells[i]!;
    return [w, typeof c === 'number' ? [c, c] : c];
  })) as Row;

const CASE_ACTION_ROW = {
  // intake    dispatcher   handler     leader      supervisor  callback    reviewer    analyst     admin       complainant
  dispatch: row(403, [409, 404], [403, 404], [403, 404], [403, 404], 403, 403, 403, 403, [403, 401]),
  unit: row(403, [403, 404], [409, 404], [409, 404], [403, 404], 403, 403, 403, 403, [403, 401]),
  callback: row(403, [403, 404], [403, 404], [403, 404], [403, 404], 409, 403, 403, 403, [403, 401]),
  escalate: row(403, [403, 404], [403, 404], [403, 404], [409, 404], 403, 403, 403, 403, [403, 401]),
  reassign: row(403, [409, 404], [403, 404], [403, 404], [409, 404], 403, 403, 403, 403, [403, 401]),
  triage: row(409, [409, 404], [403, 404], [403, 404], [403, 404], 403, 403, 403, 403, [403, 401]),
  // Only a cooperating unit of the case may: the matrix's cases have none, so the case's own unit is refused too.
  cooperating: row(403, [403, 404], [403, 404], [403, 404], [403, 404], 403, 403, 403, 403, [403, 401]),
  // Extension decisions and holds: the unit's leader, a dispatcher or a supervisor of the subtree.
  leaderOrSubtree: row(403, [409, 404], [403, 404], [409, 404], [409, 404], 403, 403, 403, 403, [403, 401]),
  leader: row(403, [403, 404], [403, 404], [409, 404], [403, 404], 403, 403, 403, 403, [403, 401]),
  review: row(403, [403, 404], [403, 404], [403, 404], [403, 404], 403, [409, 409], 403, 403, [403, 401]),
  terminate: row(403, [403, 404], [403, 404], [403, 404], [409, 404], 403, [409, 409], 403, 403, [403, 401]),
};

const EXPECTED: Record<string, Row> = {
  'GET /healthz': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /readyz': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /v1/units': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 401),
  'GET /v1/categories': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 401),
  // The dispatch catalogue. `{ruleId}` is sent as it stands: no such rule, so 404 where the caller may act at all.
  'GET /v1/dispatch-rules': row(200, 200, 403, 403, 200, 403, 403, 403, 200, 401),
  'GET /v1/dispatch-rules/match': row(200, 200, 403, 403, 200, 403, 403, 403, 200, 401),
  'GET /v1/dispatch-rules/{ruleId}': row(404, 404, 403, 403, 404, 403, 403, 403, 404, 401),
  // A district dispatcher writes rules within the district (the body's area, d01-s02, is in d01).
  'POST /v1/dispatch-rules': row(403, 201, 403, 403, 403, 403, 403, 403, 201, 401),
  'PUT /v1/dispatch-rules/{ruleId}': row(403, 404, 403, 403, 403, 403, 403, 403, 404, 401),
  'DELETE /v1/dispatch-rules/{ruleId}': row(403, 404, 403, 403, 403, 403, 403, 403, 404, 401),
  // The official calendar: read with reference data, written by admins (years: see YEAR).
  'GET /v1/calendars': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 401),
  'GET /v1/calendars/{region}/years/{year}': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 401),
  'PUT /v1/calendars/{region}/years/{year}': row(403, 403, 403, 403, 403, 403, 403, 403, 200, 401),
  // The deadline preview: whoever reads reference data (dispatchers and consoles ask it before they act).
  'GET /v1/calendars/{region}/deadline-preview': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 401),
  // Policy versions: read by dispatchers, supervisors, analysts and admins; a new version only by admins.
  'GET /v1/policies': row(403, 200, 403, 403, 200, 403, 403, 200, 200, 401),
  'GET /v1/policies/active': row(403, 200, 403, 403, 200, 403, 403, 200, 200, 401),
  'GET /v1/policies/{version}': row(403, 200, 403, 403, 200, 403, 403, 200, 200, 401),
  'PUT /v1/policies': row(403, 403, 403, 403, 403, 403, 403, 403, 201, 401),
  // Assessment (考核): read by unit leaders (their subtree), supervisors, analysts and admins; policy versions written
  // by admins; rankings published by admins and supervisors (within their subtree: the body's d01 is the
  // supervisor's). No such assessment policy version (5) nor publication (999999): 404 where the caller may act.
  'GET /v1/assessment-policies': row(403, 403, 403, 200, 200, 403, 403, 200, 200, 401),
  'GET /v1/assessment-policies/active': row(403, 403, 403, 200, 200, 403, 403, 200, 200, 401),
  'GET /v1/assessment-policies/{version}': row(403, 403, 403, 404, 404, 403, 403, 404, 404, 401),
  'POST /v1/assessment-policies': row(403, 403, 403, 403, 403, 403, 403, 403, 201, 401),
  'POST /v1/assessment-policies/{version}/activate': row(403, 403, 403, 403, 403, 403, 403, 403, 404, 401),
  'GET /v1/rankings': row(403, 403, 403, 200, 200, 403, 403, 200, 200, 401),
  'GET /v1/units/{unitId}/figures': row(403, 403, 403, 200, 200, 403, 403, 200, 200, 401),
  'GET /v1/assessment/cases': row(403, 403, 403, 200, 200, 403, 403, 200, 200, 401),
  'POST /v1/rankings/publications': row(403, 403, 403, 403, 201, 403, 403, 403, 201, 401),
  'GET /v1/rankings/publications': row(403, 403, 403, 200, 200, 403, 403, 200, 200, 401),
  'GET /v1/rankings/publications/{publicationId}': row(403, 403, 403, 404, 404, 403, 403, 404, 404, 401),
  // Analysis (未诉先办) and reports: read by unit leaders (their subtree), supervisors, analysts and admins; policy versions
  // written by admins (no such version 5 nor report 999999: 404 where the caller may read); a report generated now by
  // analysts and admins, and by a supervisor within their subtree (the body's d01 is the supervisor's).
  'GET /v1/analysis-policies': row(403, 403, 403, 200, 200, 403, 403, 200, 200, 401),
  'GET /v1/analysis-policies/active': row(403, 403, 403, 200, 200, 403, 403, 200, 200, 401),
  'GET /v1/analysis-policies/{version}': row(403, 403, 403, 404, 404, 403, 403, 404, 404, 401),
  'POST /v1/analysis-policies': row(403, 403, 403, 403, 403, 403, 403, 403, 201, 401),
  'POST /v1/analysis-policies/{version}/activate': row(403, 403, 403, 403, 403, 403, 403, 403, 404, 401),
  'GET /v1/analysis/categories': row(403, 403, 403, 200, 200, 403, 403, 200, 200, 401),
  'GET /v1/analysis/trends': row(403, 403, 403, 200, 200, 403, 403, 200, 200, 401),
  'GET /v1/analysis/hotspots': row(403, 403, 403, 200, 200, 403, 403, 200, 200, 401),
  'GET /v1/analysis/group-complaints': row(403, 403, 403, 200, 200, 403, 403, 200, 200, 401),
  'GET /v1/analysis/cases': row(403, 403, 403, 200, 200, 403, 403, 200, 200, 401),
  'GET /v1/analysis/alerts': row(403, 403, 403, 200, 200, 403, 403, 200, 200, 401),
  'GET /v1/reports': row(403, 403, 403, 200, 200, 403, 403, 200, 200, 401),
  'GET /v1/reports/{reportId}': row(403, 403, 403, 404, 404, 403, 403, 404, 404, 401),
  'POST /v1/reports': row(403, 403, 403, 403, 202, 403, 403, 202, 202, 401),
  // Public rankings need no credential (and take none: a complainant's code is ignored there).
  'GET /v1/public/rankings': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /v1/public/rankings/{publicationId}': row(404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  // The outbox and its delivery attempts: admins and supervisors.
  'GET /v1/notifications': row(403, 403, 403, 403, 200, 403, 403, 403, 200, 401),
  'POST /v1/cases': row(201, 201, 403, 403, 403, 403, 403, 403, 403, 401),
  'GET /v1/cases': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 401),
  'GET /v1/cases/{id}': row(200, [200, 404], [200, 404], [200, 404], [200, 404], 200, 200, 200, 200, [200, 401]),
  // A complainant reads their case only in plain language (GET /v1/cases/{id} answers them the public view): the
  // staff timeline and the related cases (other complainants' case numbers) are not theirs.
  'GET /v1/cases/{id}/events': row(200, [200, 404], [200, 404], [200, 404], [200, 404], 200, 200, 403, 200, [403, 401]),
  // Repeat complaints (并单): a case's related cases as the case itself is read; the open masters with repeat.read.
  'GET /v1/cases/{id}/related': row(200, [200, 404], [200, 404], [200, 404], [200, 404], 200, 200, 200, 200, [403, 401]),
  'GET /v1/repeats': row(403, 200, 403, 403, 200, 403, 403, 200, 403, 401),
  // Likely repeats of a complaint being typed: those who open cases.
  'POST /v1/repeats/search': row(200, 200, 403, 403, 403, 403, 403, 403, 403, 401),
  // What the caller may do on the case now: whoever reads the case, staff only (a complainant reads the public view).
  'GET /v1/cases/{id}/actions': row(200, [200, 404], [200, 404], [200, 404], [200, 404], 200, 200, 200, 200, [403, 401]),
  // The console: who the caller is (every member of staff), and its settings before sign-in (public).
  'GET /v1/me': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 401),
  'GET /v1/console/settings': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  // Live lists: whoever lists cases (each event is then checked against the list scope: test/live.test.ts). Without
  // Accept: text/event-stream (this matrix sends none) the answer is 400 once the caller is admitted.
  'GET /v1/live/cases': row(400, 400, 400, 400, 400, 400, 400, 400, 400, 401),
  'POST /v1/cases/{id}/dispatch': CASE_ACTION_ROW.dispatch,
  'POST /v1/cases/{id}/accept': CASE_ACTION_ROW.unit,
  'POST /v1/cases/{id}/return': CASE_ACTION_ROW.unit,
  'POST /v1/cases/{id}/contact': CASE_ACTION_ROW.unit,
  'POST /v1/cases/{id}/progress': CASE_ACTION_ROW.unit,
  'POST /v1/cases/{id}/reply': CASE_ACTION_ROW.unit,
  'POST /v1/cases/{id}/callback': CASE_ACTION_ROW.callback,
  'POST /v1/cases/{id}/escalate': CASE_ACTION_ROW.escalate,
  'POST /v1/cases/{id}/reassign': CASE_ACTION_ROW.reassign,
  'POST /v1/cases/{id}/urge': CASE_ACTION_ROW.escalate,
  'POST /v1/cases/{id}/triage': CASE_ACTION_ROW.triage,
  'POST /v1/cases/{id}/cooperate': CASE_ACTION_ROW.cooperating,
  'POST /v1/cases/{id}/report': CASE_ACTION_ROW.cooperating,
  'POST /v1/cases/{id}/extension-requests': CASE_ACTION_ROW.unit,
  'POST /v1/cases/{id}/extension-requests/decision': CASE_ACTION_ROW.leaderOrSubtree,
  'POST /v1/cases/{id}/hold': CASE_ACTION_ROW.leaderOrSubtree,
  'POST /v1/cases/{id}/resume': CASE_ACTION_ROW.leaderOrSubtree,
  'POST /v1/cases/{id}/dispute': CASE_ACTION_ROW.leader,
  'POST /v1/cases/{id}/review': CASE_ACTION_ROW.review,
  'POST /v1/cases/{id}/terminate': CASE_ACTION_ROW.terminate,
  'POST /codec/encode': row(403, 403, 403, 403, 403, 403, 403, 403, 200, 401),
  'POST /codec/decode': row(403, 403, 403, 403, 403, 403, 403, 403, 200, 401),
  'GET /codec/login': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /codec/login.js': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'POST /codec/session': row(403, 403, 403, 403, 403, 403, 403, 403, 204, 401),
  // Intake agents have the complainant's code sent again (a notice; the answer does not show it).
  'POST /v1/cases/{id}/verification-code/resend': row([202, 202], [403, 404], [403, 404], [403, 404], [403, 404], 403, 403, 403, 403, [403, 401]),
  // Self-service: only the case's own code opens it; staff credentials are no credential there (404, like no case).
  // The rating comes last: it is the one cell that changes a case (the in-scope case, rated inside its window).
  // API keys: admins (no such key 000000000000 to revoke).
  'GET /v1/api-keys': row(403, 403, 403, 403, 403, 403, 403, 403, 200, 401),
  'POST /v1/api-keys': row(403, 403, 403, 403, 403, 403, 403, 403, 201, 401),
  'DELETE /v1/api-keys/{keyId}': row(403, 403, 403, 403, 403, 403, 403, 403, 404, 401),
  // Open311 GeoReport v2 answers in its own shapes: a missing or wrong credential is its 403 (never 401). Discovery,
  // services and definitions are public. Requests are opened with a channel's key only (staff are refused, 403);
  // they are read and listed as /v1/cases reads and lists them. A complainant's code opens no Open311 route.
  'GET /open311/discovery.json': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /open311/discovery.xml': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /open311/v2/services.json': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /open311/v2/services.xml': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /open311/v2/services/{file}': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'POST /open311/v2/requests.json': row(403, 403, 403, 403, 403, 403, 403, 403, 403, 403),
  'POST /open311/v2/requests.xml': row(403, 403, 403, 403, 403, 403, 403, 403, 403, 403),
  'GET /open311/v2/requests.json': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 403),
  'GET /open311/v2/requests.xml': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 403),
  'GET /open311/v2/requests/{file}': row(200, [200, 404], [200, 404], [200, 404], [200, 404], 200, 200, 200, 200, 403),
  'GET /open311/v2/tokens/{file}': row(200, [200, 404], [200, 404], [200, 404], [200, 404], 200, 200, 200, 200, 403),
  'GET /v1/public/cases/{number}': row(404, 404, 404, 404, 404, 404, 404, 404, 404, [200, 404]),
  'POST /v1/public/cases/{number}/rating': row(404, 404, 404, 404, 404, 404, 404, 404, 404, [201, 404]),
  // Photos and videos: read as the case is read; added by intake staff, the handling unit and the complainant (the
  // matrix's cases are closed: 409 where the caller may add); withdrawn by them and supervisors (no such attachment
  // here: 404 where the caller may). The matrix sends no file: authorization and the state answer first.
  'POST /v1/cases/{id}/attachments': row(409, [409, 404], [409, 404], [409, 404], [403, 404], 403, 403, 403, 403, [409, 401]),
  'GET /v1/cases/{id}/attachments': row(200, [200, 404], [200, 404], [200, 404], [200, 404], 200, 200, 200, 200, [200, 401]),
  'GET /v1/cases/{id}/attachments/{attachmentId}/link': row(404, [404, 404], [404, 404], [404, 404], [404, 404], 404, 404, 404, 404, [404, 401]),
  'DELETE /v1/cases/{id}/attachments/{attachmentId}': row(404, [404, 404], [404, 404], [404, 404], [404, 404], 403, 403, 403, 403, [404, 401]),
  'POST /v1/public/cases/{number}/attachments': row(404, 404, 404, 404, 404, 404, 404, 404, 404, [409, 404]),
  'GET /v1/public/cases/{number}/attachments': row(404, 404, 404, 404, 404, 404, 404, 404, 404, [200, 404]),
  'GET /v1/public/cases/{number}/attachments/{attachmentId}/link': row(404, 404, 404, 404, 404, 404, 404, 404, 404, [404, 404]),
  'DELETE /v1/public/cases/{number}/attachments/{attachmentId}': row(404, 404, 404, 404, 404, 404, 404, 404, 404, [404, 404]),
  // The local store's signed links: the signature is the credential (none here: 400 naming the query).
  'GET /v1/attachments/{attachmentId}/content': row(400, 400, 400, 400, 400, 400, 400, 400, 400, 400),
};

/** Path parameters other than a case id: the seeded calendar region and policy version, a unit, a publication none has. */
const PATH_PARAMS: Record<string, string> = {
  '{region}': 'CN',
  '{version}': String(defaultPolicyDocument.version),
  '{unitId}': 'd01-s01',
  '{publicationId}': '999999',
  '{reportId}': '999999',
  '{keyId}': '000000000000',
  '{attachmentId}': 'AT0000000000000000',
};
/** An Open311 resource: a service's definition, or the case as a service request (or its token). */
const fileOf = (pattern: string, caseId: string) => (pattern.includes('/services/') ? 'market.price.json' : `${caseId}.json`);
/** A calendar year per method: GET reads a seeded one, PUT loads one the seed does not have. */
const YEAR: Record<string, string> = { GET: '2026', PUT: '2027' };

/** A valid query string for routes that need one. */
const QUERIES: Record<string, string> = {
  'GET /v1/dispatch-rules/match': '?categoryId=edu.fees&areaUnitId=d01-s02',
  'GET /v1/calendars/{region}/deadline-preview': '?slaClass=general&clock=reply',
  'GET /v1/rankings': '?level=street&period=2026-04',
  'GET /v1/units/{unitId}/figures': '?period=2026-04',
  'GET /v1/assessment/cases': '?unitId=d01-s01&figure=resolutionRate&period=2026-04',
  'GET /v1/analysis/categories': '?period=2026-04',
  'GET /v1/analysis/trends': '?period=2026-04&granularity=week',
  'GET /v1/analysis/hotspots': '?period=2026-04&by=cell',
  'GET /v1/analysis/group-complaints': '?period=2026-04',
  'GET /v1/analysis/cases': '?period=2026-04',
};

/** A valid body per route (authorization is what is under test, so validation must pass). */
const BODIES: Record<string, unknown> = {
  'POST /v1/cases': demoComplaint(),
  'POST /v1/repeats/search': { categoryId: 'env.noise.construction', location: { areaUnitId: 'd01-s01-c01' }, complainant: { phone: '13812345678' } },
  'POST /v1/dispatch-rules': { categoryId: 'edu.fees', areaUnitId: 'd01-s02', unitId: 'dept-jy' },
  'PUT /v1/dispatch-rules/{ruleId}': { categoryId: 'edu.fees', areaUnitId: 'd01-s02', unitId: 'dept-jy' },
  'PUT /v1/calendars/{region}/years/{year}': { holidays: ['2027-01-01', '2027-02-08'], workdays: ['2027-02-20'], source: 'access matrix' },
  // The default document again (admins store it twice: versions 4 and 5, the same rules as 3).
  'PUT /v1/policies': (({ version: _v, ...document }) => document)(defaultPolicyDocument),
  'POST /v1/assessment-policies': (({ version: _v, ...document }) => document)(defaultAssessmentPolicy),
  'POST /v1/rankings/publications': { level: 'street', within: 'd01', period: '2026-04' },
  'POST /v1/analysis-policies': DEFAULT_ANALYSIS_POLICY,
  'POST /v1/reports': { kind: 'daily', period: '2026-04-01', unitId: 'd01' },
  'POST /v1/cases/{id}/dispatch': { unitId: 'd01-s02' },
  'POST /v1/cases/{id}/accept': {},
  'POST /v1/cases/{id}/return': { reason: 'not_our_duty', note: '不属于本单位职责' },
  'POST /v1/cases/{id}/contact': { method: 'phone' },
  'POST /v1/cases/{id}/progress': { note: '已派人查看' },
  'POST /v1/cases/{id}/reply': { content: '已处理', resolved: true },
  'POST /v1/cases/{id}/callback': { contacted: true, resolved: true, satisfaction: 'satisfied' },
  'POST /v1/cases/{id}/escalate': { reason: '超期未办' },
  'POST /v1/cases/{id}/reassign': { unitId: 'd01-s03', reason: '属地调整' },
  'POST /v1/cases/{id}/urge': { note: '请尽快办理' },
  'POST /v1/cases/{id}/triage': { outcome: 'consultation', note: '已当场解答' },
  'POST /v1/cases/{id}/cooperate': {},
  'POST /v1/cases/{id}/report': { content: '本单位部分已完成' },
  'POST /v1/cases/{id}/extension-requests': { days: 3, reason: '需协调多个部门' },
  'POST /v1/cases/{id}/extension-requests/decision': { approve: true, note: '同意' },
  'POST /v1/cases/{id}/hold': { reason: '需纳入改造计划', reviewDates: ['2099-01-01T00:00:00Z'] },
  'POST /v1/cases/{id}/resume': { note: '已开工' },
  'POST /v1/cases/{id}/dispute': { reason: '诉求超出职权' },
  'POST /v1/cases/{id}/review': { demandReasonable: false, handlingCompliant: true, reason: '诉求缺乏依据' },
  'POST /v1/cases/{id}/terminate': { grounds: 'outside_law_and_policy', reason: '诉求不合理' },
  'POST /codec/encode': { payloads: [] },
  'POST /codec/decode': { payloads: [] },
  'POST /v1/public/cases/{number}/rating': { satisfaction: 'satisfied', resolved: true },
  'POST /v1/api-keys': { name: 'access matrix', channel: 'web' },
};

function credentials(who: Who): Record<string, string> {
  return who === 'complainant' ? { 'x-case-code': inCode } : stack.as(who, UNIT_OF[who], `matrix-${who}`);
}

async function closedCaseAt(unitId: string): Promise<{ id: string; code: string }> {
  const opened = await stack.http('POST', '/v1/cases', demoComplaint());
  expect(opened.status).toBe(201);
  const id = opened.body.id as string;
  await driveTo(stack, id, 'replied', unitId);
  await act(stack, id, 'callback', BODIES['POST /v1/cases/{id}/callback']);
  // The record has the closed case (authorization reads it once the workflow is gone).
  await eventually(async () => expect((await stack.http('GET', `/v1/cases/${id}`)).body.status).toBe('closed'));
  // The complainant's code reaches them with the acceptance notice; the test derives it from the stack's secret.
  expect(opened.body.verificationCode).toBeUndefined();
  return { id, code: stack.caseCode(id) };
}

beforeAll(async () => {
  stack = await startStack({ name: 'access' });
  const inside = await closedCaseAt('d01-s01');
  inCase = inside.id;
  inCode = inside.code;
  outCase = (await closedCaseAt('d02-s01')).id;
});

afterAll(async () => {
  await stack?.close();
});

describe('route × role matrix', () => {
  it('has a row for every route the API serves, and no row for a route it does not', async () => {
    const doc = JSON.parse((await stack.app.inject({ method: 'GET', url: '/docs/json' })).body) as { paths: Record<string, Record<string, unknown>> };
    const served = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(served.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [route, expected] of Object.entries(EXPECTED)) {
    it(`${route}: every role, in scope and out of scope`, async () => {
      const [method, pattern] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE', string];
      const got: Record<string, [number, number]> = {};
      for (const who of WHO) {
        const statuses: number[] = [];
        // A complainant's code on another case: each route tries it on its own other case number, which answers the
        // same 401 whether or not the case exists (guessing is throttled: test/self-service.test.ts).
        const other = who === 'complainant' ? `HL${randomBytes(8).toString('hex').toUpperCase()}` : outCase;
        for (const caseId of [inCase, other]) {
          const url =
            pattern
              .replace(/\{(id|number)\}/, caseId)
              .replace(/\{(region|version|unitId|publicationId|reportId|keyId|attachmentId)\}/g, (p) => PATH_PARAMS[p]!)
              .replace('{file}', fileOf(pattern, caseId))
              .replace('{year}', YEAR[method]!) + (QUERIES[route] ?? '');
          const res = await stack.http(method, url, BODIES[route], credentials(who));
          expect(res.status, `${who} ${method} ${url}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
          // Open311 answers its errors in GeoReport's shape (test/open311.test.ts), everything else as problem+json.
          if (res.status >= 400) expect(res.headers['content-type']).toMatch(pattern.startsWith('/open311/') ? /^(application\/json|text\/xml); charset=utf-8/ : /problem\+json/);
          statuses.push(res.status);
        }
        got[who] = statuses as [number, number];
      }
      expect(got).toEqual(expected);
    });
  }
});

describe('credentials', () => {
  const url = '/v1/categories';

  it('401 problem+json with WWW-Authenticate for missing, malformed, forged, expired and foreign tokens', async () => {
    const other = await import('../platform/auth-keys.js');
    const foreign = other.generateAuthKeys('test-foreign');
    const claims = { sub: 'u', roles: ['analyst' as const], unit: 'city' };
    const [header, payload] = stack.token(claims).split('.');
    const cases: Array<[string, Record<string, string>]> = [
      ['none', {}],
      ['not bearer', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
      ['garbage', { authorization: 'Bearer not-a-jwt' }],
      ['alg none', { authorization: `Bearer ${Buffer.from('{"alg":"none","kid":"x"}').toString('base64url')}.${payload}.` }],
      ['bad signature', { authorization: `Bearer ${header}.${payload}.${'A'.repeat(43)}` }],
      ['unknown key id', { authorization: `Bearer ${other.mintToken(foreign, claims)}` }],
      ['expired', { authorization: `Bearer ${other.mintToken(stack.authKeys, claims, -60)}` }],
      ['no hotline claims', { authorization: `Bearer ${other.mintToken(stack.authKeys, { ...claims, roles: ['root' as never] })}` }],
      ['bad API key', { 'x-api-key': 'hl_000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
    ];
    for (const [name, headers] of cases) {
      const res = await stack.app.inject({ method: 'GET', url, headers });
      expect(res.statusCode, name).toBe(401);
      expect(res.headers['content-type'], name).toMatch(/problem\+json/);
      expect(res.headers['www-authenticate'], name).toMatch(/^Bearer/);
      expect(JSON.parse(res.body).code, name).toBe('unauthenticated');
    }
  });

  it('401 for a token without exp, iss or aud, and for one that lives longer than AUTH_JWT_MAX_LIFETIME', async () => {
    const { createSigner } = await import('fast-jwt');
    const key = stack.authKeys.jwtKeys[0]!;
    // Signed with the stack's own key, so only the claims decide.
    const sign = (payload: Record<string, unknown>) =>
      createSigner({ key: key.key as Buffer, algorithm: 'HS256', kid: key.kid, noTimestamp: !('iat' in payload) })(payload);
    const now = Math.floor(Date.now() / 1000);
    const cap = stack.authKeys.maxLifetimeSeconds;
    expect(cap).toBe(12 * 3600); // the default
    const who = { sub: 'u', roles: ['analyst'], unit: 'city' };
    const iss = stack.authKeys.issuers[0]!;
    const aud = stack.authKeys.audience;
    const refused: Array<[string, Record<string, unknown>, RegExp]> = [
      ['no exp', { ...who, iss, aud, iat: now }, /exp, iss and aud/],
      ['no iss', { ...who, aud, iat: now, exp: now + 600 }, /exp, iss and aud/],
      ['no aud', { ...who, iss, iat: now, exp: now + 600 }, /exp, iss and aud/],
      ['exp − iat over the cap', { ...who, iss, aud, iat: now - 60, exp: now - 60 + cap + 1 }, /longer than/],
      ['no iat, exp beyond now + the cap', { ...who, iss, aud, exp: now + cap + 60 }, /longer than/],
      ['issued in the future, to outlive the cap', { ...who, iss, aud, iat: now + cap, exp: now + cap + 600 }, /longer than/],
    ];
    for (const [name, payload, detail] of refused) {
      const res = await stack.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${sign(payload)}` } });
      expect(res.statusCode, name).toBe(401);
      expect(res.headers['content-type'], name).toMatch(/problem\+json/);
      expect(res.headers['www-authenticate'], name).toMatch(/^Bearer/);
      expect(JSON.parse(res.body), name).toMatchObject({ code: 'unauthenticated', detail: expect.stringMatching(detail) });
    }
    // Within the cap, with or without iat, they work.
    for (const payload of [{ ...who, iss, aud, iat: now, exp: now + cap }, { ...who, iss, aud, exp: now + 600 }]) {
      expect((await stack.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${sign(payload)}` } })).statusCode).toBe(200);
    }
  });

  it('a token from another issuer or for another audience is refused', async () => {
    const { mintToken } = await import('../platform/auth-keys.js');
    const claims = { sub: 'u', roles: ['analyst' as const], unit: 'city' };
    for (const as of [{ iss: 'someone-else', aud: 'hotline-api' }, { iss: 'hotline', aud: 'another-api' }]) {
      const token = mintToken(stack.authKeys, claims, 600, as);
      expect((await stack.http('GET', url, undefined, { authorization: `Bearer ${token}` })).status, JSON.stringify(as)).toBe(401);
    }
  });

  it('tokens signed with a key listed after the current one still verify (rotation), by key id', async () => {
    const { mintToken } = await import('../platform/auth-keys.js');
    const rotated = [{ kid: 'next', algorithm: 'HS256' as const, key: Buffer.alloc(32, 7) }, ...stack.authKeys.jwtKeys];
    // The stack verifies with its own list; a token from its (old, still listed) key keeps working.
    const old = mintToken(stack.authKeys, { sub: 'u', roles: ['analyst'], unit: 'city' });
    expect((await stack.http('GET', url, undefined, { authorization: `Bearer ${old}` })).status).toBe(200);
    // One from a key the API does not list yet is refused until it is configured.
    const next = mintToken({ ...stack.authKeys, jwtKeys: rotated }, { sub: 'u', roles: ['analyst'], unit: 'city' });
    expect((await stack.http('GET', url, undefined, { authorization: `Bearer ${next}` })).status).toBe(401);
  });

  it('API keys for systems carry roles, a unit and their own rate limit; revoked keys stop working', async () => {
    const { createApiKeyService } = await import('../api/api-keys.service.js');
    const keys = createApiKeyService(stack.database.db, { cacheMs: 0 });
    const { id, key } = await keys.create({ name: '12345 热线电话平台', roles: ['intake_agent'], unitId: 'city', rateLimitPerMinute: 3 });
    const opened = await stack.http('POST', '/v1/cases', demoComplaint(), { 'x-api-key': key });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const timeline = await stack.http('GET', `/v1/cases/${opened.body.id}/events`);
    expect(timeline.body.items[0].actor).toEqual({ id: `apikey:${id}`, role: 'intake_agent' });
    // Its own limit: 3 a minute (the stack's default is practically unlimited).
    expect((await stack.http('GET', url, undefined, { 'x-api-key': key })).status).toBe(200);
    expect((await stack.http('GET', url, undefined, { 'x-api-key': key })).status).toBe(200);
    const limited = await stack.http('GET', url, undefined, { 'x-api-key': key });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBeDefined();
    await keys.revoke(id);
  });

  it('API key look-ups are cached, misses included: a burst or a repeat costs one query; a revoked key stops within the cache time', async () => {
    const { createApiKeyService } = await import('../api/api-keys.service.js');
    // The real database, with its `select`s counted.
    let lookups = 0;
    const db = new Proxy(stack.database.db, {
      get(target, property, receiver) {
        if (property === 'select') lookups++;
        return Reflect.get(target, property, receiver);
      },
    });
    const service = createApiKeyService(db, { cacheMs: 60_000, maxEntries: 3 });
    const unknown = `hl_${randomBytes(6).toString('hex')}.${'A'.repeat(43)}`;
    expect(await Promise.all(Array.from({ length: 20 }, () => service.verify(unknown)))).toEqual(Array(20).fill(null));
    expect(await service.verify(unknown)).toBeNull();
    expect(lookups, 'one query for a burst and a repeat of one unknown key').toBe(1);

    const admin = createApiKeyService(stack.database.db, { cacheMs: 0 }); // another process: the CLI
    const { id, key } = await admin.create({ name: 'dispatch platform', roles: ['dispatcher'], unitId: 'city' });
    expect(await service.verify(key)).toMatchObject({ id: `apikey:${id}` });
    lookups = 0;
    // A flood of unknown keys does not push a working key out of the cache (misses are kept apart from keys).
    for (let i = 0; i < 10; i++) await service.verify(`hl_${randomBytes(6).toString('hex')}.${'B'.repeat(43)}`);
    expect(lookups).toBe(10);
    expect(await service.verify(key)).toMatchObject({ id: `apikey:${id}` });
    expect(lookups, 'the working key came from the cache').toBe(10);
    // The least recently used key leaves first: three more keys, the first one kept in use.
    const more = await Promise.all([1, 2, 3].map((n) => admin.create({ name: `system ${n}`, roles: ['analyst'], unitId: 'city' })));
    for (const m of more) {
      await service.verify(m.key);
      await service.verify(key);
    }
    lookups = 0;
    await service.verify(key);
    await service.verify(more[2]!.key);
    expect(lookups).toBe(0);
    await service.verify(more[0]!.key);
    expect(lookups, 'the oldest unused key was evicted').toBe(1);

    // Revoked by another process: accepted until the cache time has passed, refused after it.
    const briefly = createApiKeyService(stack.database.db, { cacheMs: 1_000 });
    expect(await briefly.verify(more[1]!.key)).not.toBeNull();
    await admin.revoke(more[1]!.id);
    expect(await briefly.verify(more[1]!.key)).not.toBeNull();
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await briefly.verify(more[1]!.key)).toBeNull();
    await admin.revoke(id);
  });
});

describe('scope', () => {
  it('lists only the cases in the caller scope: own unit for handlers, the subtree (and cases placed in it) for supervisors', async () => {
    const placedInD02 = await openCase(stack, { location: { address: '东湖区湖光社区', areaUnitId: 'd02-s01-c01' } });
    const idsFor = async (headers: Record<string, string>) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: Array<{ id: string; unitId: string | null }>; nextCursor: string | null } } = await stack.http(
          'GET',
          `/v1/cases?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
          undefined,
          headers,
        );
        ids.push(...res.body.items.map((i) => i.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      return ids;
    };
    await eventually(async () => expect(await idsFor(stack.as('analyst'))).toContain(placedInD02));
    const handlerD01 = await idsFor(stack.as('unit_handler', 'd01-s01'));
    expect(handlerD01).toContain(inCase);
    expect(handlerD01).not.toContain(outCase);
    expect(handlerD01).not.toContain(placedInD02);
    const supervisorD02 = await idsFor(stack.as('supervisor', 'd02'));
    expect(supervisorD02).toEqual(expect.arrayContaining([outCase, placedInD02]));
    expect(supervisorD02).not.toContain(inCase);
    const nobody = await idsFor(stack.as('unit_handler', 'd02-s04'));
    expect(nobody).toEqual([]);
  });
});

describe('notifications', () => {
  /** Every notice a caller may list (all pages), by case. */
  async function noticesFor(headers: Record<string, string>, query = '') {
    const items: Array<{ id: number; caseId: string }> = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: typeof items; nextCursor: string | null } } = await stack.http(
        'GET',
        `/v1/notifications?limit=200${query}${cursor ? `&cursor=${cursor}` : ''}`,
        undefined,
        headers,
      );
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  }

  it('are scoped as cases are: a district supervisor lists the notices of the cases it may read, and no others', async () => {
    // A case placed in d02 and not dispatched yet (its acceptance notice), besides the matrix's closed cases.
    const placedInD02 = await openCase(stack, { location: { address: '东湖区湖光社区', areaUnitId: 'd02-s01-c01' } });
    const all = await eventually(async () => {
      const items = await noticesFor(stack.as('admin'));
      expect(items.map((n) => n.caseId)).toEqual(expect.arrayContaining([inCase, outCase, placedInD02]));
      return items;
    });
    const readable = async (headers: Record<string, string>, caseId: string) => (await stack.http('GET', `/v1/cases/${caseId}`, undefined, headers)).status === 200;

    for (const district of ['d01', 'd02']) {
      const supervisor = stack.as('supervisor', district, `supervisor@${district}`);
      const listed = await noticesFor(supervisor);
      const cases = [...new Set(listed.map((n) => n.caseId))];
      expect(cases.length, district).toBeGreaterThan(0);
      // Every case it gets notices of, it may read; every notice of a case it may read, it gets.
      for (const caseId of cases) expect(await readable(supervisor, caseId), `${district} ${caseId}`).toBe(true);
      const expected = [];
      for (const n of all) if (await readable(supervisor, n.caseId)) expected.push(n.id);
      expect(listed.map((n) => n.id).sort()).toEqual(expected.sort());
    }
    const d02 = stack.as('supervisor', 'd02', 'supervisor@d02');
    expect((await noticesFor(d02)).map((n) => n.caseId)).toEqual(expect.arrayContaining([outCase, placedInD02]));
    expect((await noticesFor(d02)).map((n) => n.caseId)).not.toContain(inCase);
    // Asking for a case outside the scope by number lists nothing (as for a case that does not exist).
    expect(await noticesFor(d02, `&caseId=${inCase}`)).toEqual([]);
    // A supervisor at the city root reads every notice.
    expect((await noticesFor(stack.as('supervisor', 'city'))).length).toBe((await noticesFor(stack.as('admin'))).length);
  });
});

describe('a reassignment racing the check', () => {
  it('the workflow refuses an action taken for a unit the case has left', async () => {
    const id = await openCase(stack);
    await driveTo(stack, id, 'dispatched', 'd01-s01');
    expect((await stack.http('POST', `/v1/cases/${id}/reassign`, { unitId: 'd01-s02', reason: '属地调整' }, stack.as('supervisor'))).status).toBe(202);
    await eventually(async () => expect((await stack.http('GET', `/v1/cases/${id}`)).body.unitId).toBe('d01-s02'));
    // What the API sends for the old unit's handler, had its check read the case before the reassignment landed.
    const late = { id: 'late-handler', role: 'unit_handler', unitId: 'd01-s01' };
    const err = await stack.client.workflow
      .getHandle(id)
      .executeUpdate(caseUpdate('accept'), { args: [{}, late, signAction(stack.actionKeys, { caseId: id, action: 'accept', payload: {}, actor: late })] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((err as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'case_not_found' });
    expect((await stack.http('POST', `/v1/cases/${id}/accept`, {}, stack.as('unit_handler', 'd01-s01'))).status).toBe(404);
    expect((await stack.http('POST', `/v1/cases/${id}/accept`, {}, stack.as('unit_handler', 'd01-s02'))).status).toBe(200);
  });
});

describe('personal data', () => {
  const PHONE = '13912345678';
  const NAME = '李四光';

  it('in clear only for those handling the case; masked for everyone else, in lists too', async () => {
    const opened = await stack.http('POST', '/v1/cases', demoComplaint({ complainant: { name: NAME, phone: PHONE }, description: `噪音扰民，回电 ${PHONE}` }), stack.as('intake_agent'));
    expect(opened.body.complainant).toEqual({ name: NAME, phone: PHONE });
    // The verification code goes to the complainant alone (the acceptance notice), never to staff.
    expect(opened.body).not.toHaveProperty('verificationCode');
    const id = opened.body.id as string;
    await driveTo(stack, id, 'contacted', 'd01-s01');

    const view = async (headers: Record<string, string>) => (await stack.http('GET', `/v1/cases/${id}`, undefined, headers)).body;
    const handler = await view(stack.as('unit_handler', 'd01-s01'));
    expect(handler).toMatchObject({ piiMasked: false, complainant: { name: NAME, phone: PHONE } });
    expect(handler.description).toContain(PHONE);
    for (const who of ['dispatcher', 'supervisor', 'analyst', 'reviewer', 'admin', 'intake_agent', 'callback_agent'] as const) {
      const seen = await view(stack.as(who, 'city'));
      expect(seen.piiMasked, who).toBe(true);
      expect(seen.complainant, who).toEqual({ name: '李**', phone: '139****5678' });
      expect(JSON.stringify(seen), who).not.toContain(PHONE);
      expect(seen.location.address, who).not.toBe(demoComplaint().location.address);
    }
    // Nobody on the staff reads the verification code, intake agents included.
    for (const who of ['intake_agent', 'analyst'] as const) expect(await view(stack.as(who)), who).not.toHaveProperty('verificationCode');
    expect(JSON.stringify(await view(stack.as('intake_agent')))).not.toContain(stack.caseCode(id));

    // The callback agent needs the number once the case waits for its callback.
    await act(stack, id, 'reply', { content: `已处理，如有问题请拨 ${PHONE}`, resolved: true });
    expect((await view(stack.as('callback_agent'))).complainant.phone).toBe(PHONE);

    const list = await stack.http('GET', '/v1/cases?limit=200', undefined, stack.as('unit_handler', 'd01-s01'));
    expect(JSON.stringify(list.body)).not.toContain(PHONE);
    const events = await stack.http('GET', `/v1/cases/${id}/events`, undefined, stack.as('supervisor', 'city'));
    expect(JSON.stringify(events.body)).not.toContain(PHONE);
    expect(JSON.stringify(events.body)).toContain('139****5678');
  });

  /**
   * Who reads the complainant of a joint case in clear (the test's own table): the lead unit handles it; the
   * cooperating unit (协办) gets the place it works at but not the contact (contacting the complainant is the lead's);
   * the district the case is copied to (抄送) only follows it, masked like every other reader.
   */
  const SEES: Array<[string, StaffRole, string, 'clear' | 'place' | 'masked' | 404]> = [
    ['lead unit handler', 'unit_handler', 'd01-s01', 'clear'],
    ['lead unit leader', 'unit_leader', 'd01-s01', 'clear'],
    ['cooperating handler', 'unit_handler', 'dept-cg', 'place'],
    ['cooperating leader', 'unit_leader', 'dept-cg', 'place'],
    ['copied district handler', 'unit_handler', 'd01', 'masked'],
    ['copied district leader', 'unit_leader', 'd01', 'masked'],
    ['sibling street handler', 'unit_handler', 'd01-s02', 404],
    ['district dispatcher', 'dispatcher', 'd01', 'masked'],
    ['district supervisor', 'supervisor', 'd01', 'masked'],
    ['intake agent', 'intake_agent', 'city', 'masked'],
    ['callback agent before the reply', 'callback_agent', 'city', 'masked'],
    ['reviewer', 'reviewer', 'city', 'masked'],
    ['analyst', 'analyst', 'city', 'masked'],
    ['admin', 'admin', 'city', 'masked'],
  ];

  it('in clear for the unit that handles the case; a cooperating unit sees the place, a copied district nothing', async () => {
    const ADDRESS = '江城区城关街道桂花社区3栋2单元501';
    const opened = await stack.http(
      'POST',
      '/v1/cases',
      demoComplaint({ complainant: { name: NAME, phone: PHONE }, description: `楼下噪音，回电 ${PHONE}`, location: { address: ADDRESS, areaUnitId: 'd01-s01-c01', lat: 30.123456, lng: 114.654321 } }),
      stack.as('intake_agent'),
    );
    const id = opened.body.id as string;
    const dispatched = await stack.http('POST', `/v1/cases/${id}/dispatch`, { unitId: 'd01-s01', cooperating: ['dept-cg'], note: `请联系 ${PHONE}` }, stack.as('dispatcher', 'd01'));
    expect(dispatched.body).toMatchObject({ copiedUnitIds: ['d01'], cooperation: [{ unitId: 'dept-cg' }] });
    await eventually(async () => expect((await stack.database.pool.query('select 1 from cases where id = $1 and unit_id is not null', [id])).rowCount).toBe(1));

    const got: Record<string, string | number> = {};
    for (const [who, role, unit] of SEES) {
      const headers = stack.as(role, unit, `${role}@${unit}`);
      const view = await stack.http('GET', `/v1/cases/${id}`, undefined, headers);
      if (view.status !== 200) {
        got[who] = view.status;
        continue;
      }
      const v = view.body;
      const contactClear = v.complainant.name === NAME && v.complainant.phone === PHONE;
      const placeClear = v.location.address === ADDRESS && v.location.lat === 30.123456;
      got[who] = contactClear && placeClear ? 'clear' : placeClear ? 'place' : 'masked';
      expect(v.piiMasked, who).toBe(!contactClear);
      // The free text follows the contact: the number typed into it is in clear only for those who see the contact.
      const events = await stack.http('GET', `/v1/cases/${id}/events`, undefined, headers);
      for (const body of [v, events.body]) {
        if (contactClear) expect(JSON.stringify(body), who).toContain(PHONE);
        else expect(JSON.stringify(body), who).not.toContain(PHONE);
      }
    }
    expect(got).toEqual(Object.fromEntries(SEES.map(([who, , , sees]) => [who, sees])));
  });

  it('a complainant with the case code reads the plain-language public view on /v1/cases/:id, and nothing more', async () => {
    const NOTE = '内部备注：已约谈施工单位项目经理';
    const opened = await stack.http('POST', '/v1/cases', demoComplaint({ complainant: { name: NAME, phone: PHONE } }), stack.as('intake_agent', 'city', 'intake-7'));
    const id = opened.body.id as string;
    const dispatcher = stack.as('dispatcher', 'd01', 'dispatcher-3');
    const handler = stack.as('unit_handler', 'd01-s01', 'handler-17');
    expect((await stack.http('POST', `/v1/cases/${id}/dispatch`, { unitId: 'd01-s01', note: NOTE }, dispatcher)).status).toBe(200);
    expect((await stack.http('POST', `/v1/cases/${id}/accept`, {}, handler)).status).toBe(200);
    expect((await stack.http('POST', `/v1/cases/${id}/progress`, { note: NOTE }, handler)).status).toBe(200);
    expect((await stack.http('POST', `/v1/cases/${id}/extension-requests`, { days: 2, reason: NOTE }, handler)).status).toBe(200);
    const code = { 'x-case-code': stack.caseCode(id) };

    const own = await stack.http('GET', `/v1/cases/${id}`, undefined, code);
    expect(own.status).toBe(200);
    const publicView = await stack.http('GET', `/v1/public/cases/${id}`, undefined, code);
    expect(publicView.status).toBe(200);
    // The same document as the self-service route: no staff view fields at all.
    expect(own.body).toEqual(publicView.body);
    expect(own.body).toMatchObject({ caseNumber: id, stage: 'handling', handlingUnit: '江城区城关街道办事处' });
    for (const field of ['dispatches', 'extensions', 'callbackAttempts', 'masterCaseId', 'unitId', 'complainant', 'clocks']) expect(own.body, field).not.toHaveProperty(field);
    const text = JSON.stringify(own.body);
    for (const staff of ['intake-7', 'dispatcher-3', 'handler-17', 'd01-s01', NOTE]) expect(text, staff).not.toContain(staff);

    // The staff timeline and related cases are not the complainant's (403: the case is theirs, the route is not).
    for (const route of ['events', 'related']) {
      const res = await stack.http('GET', `/v1/cases/${id}/${route}`, undefined, code);
      expect(res.status, route).toBe(403);
      expect(JSON.stringify(res.body), route).not.toContain('handler-17');
    }
    // Staff actions answer no view either.
    const acted = await stack.http('POST', `/v1/cases/${id}/progress`, { note: 'x' }, code);
    expect(acted.status).toBe(403);
    // Another case with this code: the code does not open it.
    expect((await stack.http('GET', `/v1/cases/${inCase}`, undefined, code)).status).toBe(401);
  });
});
