/**
 * Open311 GeoReport v2 over the cases service: services from the taxonomy, a POST as an intake (the same open as
 * /v1/cases: idempotency, triage-free intake, repeats, catalogue dispatch), and cases read back as service requests —
 * only those the caller may read (a channel's key: the ones it opened), never with personal data.
 */
import { listScope, type Principal, type Role } from '../domain/access.js';
import { DomainError } from '../domain/errors.js';
import type { AttachmentsRepository } from './attachments.repository.js';
import { presentCase, recordView } from './cases.presenter.js';
import { CASE_ID_PATTERN, type CaseViewBody } from './cases.schemas.js';
import type { CasesService } from './cases.service.js';
import { attributesOf } from './open311.attributes.js';
import {
  createdRequestOf,
  GEOREPORT_V2,
  MAX_REQUESTS,
  requestOf,
  requestsQueryOf,
  serviceDefinitionOf,
  serviceRequestOf,
  servicesOf,
  type Open311Request,
  type Params,
} from './open311.mapping.js';
import type { Open311Repository } from './open311.repository.js';
import type { ReferenceService } from './reference.service.js';

export interface Open311ServiceDeps {
  cases: CasesService;
  reference: ReferenceService;
  repository: Open311Repository;
  attachments: Pick<AttachmentsRepository, 'links'>;
}

/** Asia/Shanghai, when no policy is loaded yet: the offset answers are written in. */
const DEFAULT_OFFSET_MINUTES = 480;
/**
 * Requests asked by id that the record does not have yet (opened a moment ago) are asked of their workflows, at
 * most this many per answer: an id list is usually a client's few open requests.
 */
const LIVE_LOOKUPS = 20;

const notFound = (what: string) => new DomainError('not_found', what);

export function createOpen311Service({ cases, reference, repository, attachments }: Open311ServiceDeps) {
  const offset = () => reference.policyInForce()?.calendar.utcOffsetMinutes ?? DEFAULT_OFFSET_MINUTES;

  /** The services as the taxonomy stands now, and what each asks. */
  function catalogue() {
    const categories = reference.categoryList();
    const byId = new Map(categories.map((c) => [c.id, c]));
    const attributes = (id: string) => attributesOf(id, (c) => byId.get(c)?.parentId);
    const services = servicesOf(categories, (id) => attributes(id).length > 0);
    const changedAt = categories.reduce((t, c) => Math.max(t, c.createdAt.getTime()), 0);
    return { services, byCode: new Map(services.map((s) => [s.service_code, s])), attributes, changedAt };
  }

  /** Cases as service requests: masked, with their unit's name, reply and first link. */
  async function requestsOf(views: readonly CaseViewBody[]): Promise<Open311Request[]> {
    const masked = views.map((v) => (v.piiMasked ? v : presentCase(v, 'masked')));
    const ids = masked.map((v) => v.id);
    const [names, replies, links] = await Promise.all([
      repository.unitNames(masked.map((v) => v.unitId).filter((u): u is string => u !== null)),
      repository.replies(ids),
      attachments.links(ids),
    ]);
    const offsetMinutes = offset();
    return masked.map((v) =>
      requestOf(v, {
        serviceName: reference.categoryName(v.categoryId) ?? null,
        agency: v.unitId ? (names.get(v.unitId) ?? null) : null,
        mediaUrl: links.get(v.id)?.[0] ?? null,
        reply: replies.get(v.id) ?? null,
        offsetMinutes,
      }),
    );
  }

  /** One case the caller may read (404 otherwise, as for one that does not exist). */
  async function readable(id: string, principal: Principal): Promise<CaseViewBody> {
    if (!CASE_ID_PATTERN.test(id)) throw notFound(`no service request ${id}`);
    try {
      return await cases.get(id, principal);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'case_not_found') throw notFound(`no service request ${id}`);
      throw err;
    }
  }

  return {
    /** Service discovery: this endpoint, its formats, where keys come from. */
    discovery(baseUrl: string) {
      const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
      const changeset = stamp(catalogue().changedAt);
      return {
        changeset,
        contact: '12345 政务服务便民热线 — the hotline centre’s administrators',
        key_service: 'API keys are issued per channel by the hotline’s administrators (POST /v1/api-keys with a channel, or npm run auth -- api-key create --channel open311)',
        endpoints: [{ specification: GEOREPORT_V2, url: `${baseUrl}/open311/v2`, changeset, type: 'production', formats: ['text/xml', 'application/json'] }],
      };
    },

    services() {
      return catalogue().services;
    },

    definition(code: string) {
      const c = catalogue();
      if (!c.byCode.has(code)) throw new DomainError('not_found', `no service ${code}`, { errors: [{ field: 'service_code', reason: `no service ${code} (GET services lists them)` }] });
      return serviceDefinitionOf(code, c.attributes(code));
    },

    /** POST Service Request: a case opened by a channel's key, through the intake of /v1/cases. */
    async create(params: Params, headerKey: string | undefined, principal: Principal, role: Role) {
      if (!principal.channel) {
        throw new DomainError('forbidden', "service requests are handed over with a channel's API key (api_key): the case records which system it came from");
      }
      const c = catalogue();
      const input = serviceRequestOf(params, (code) => {
        const service = c.byCode.get(code);
        return service ? { service, attributes: c.attributes(code) } : null;
      });
      const { view, created } = await cases.open(input.body, headerKey, principal, role);
      return { created, answer: [createdRequestOf(view, input.accountId, offset())] };
    },

    /** GET Service Requests: the caller's cases that match, newest first, at most 1,000. */
    async list(params: Params, principal: Principal): Promise<Open311Request[]> {
      const c = catalogue();
      const q = requestsQueryOf(params, Date.now(), (code) => c.byCode.has(code));
      const rows = await repository.requests(q, listScope(principal, reference.units), MAX_REQUESTS);
      const views = rows.map(recordView);
      if (q.ids) {
        const found = new Set(views.map((v) => v.id));
        const missing = q.ids.filter((id) => !found.has(id)).slice(0, LIVE_LOOKUPS);
        const live = await Promise.all(missing.map((id) => readable(id, principal).catch((err: unknown) => (err instanceof DomainError && err.code === 'not_found' ? null : Promise.reject(err)))));
        views.push(...live.filter((v): v is CaseViewBody => v !== null));
        views.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.id.localeCompare(a.id));
      }
      return requestsOf(views);
    },

    /** GET Service Request: one case, as a list of one (the spec's answer). */
    async get(id: string, principal: Principal): Promise<Open311Request[]> {
      return requestsOf([await readable(id, principal)]);
    },

    /**
     * GET service_request_id from a token: the POST answers the id at once (realtime), so a token is the id itself;
     * it is answered when that case exists and the caller may read it.
     */
    async token(token: string, principal: Principal) {
      const view = await readable(token, principal).catch((err: unknown) => {
        throw err instanceof DomainError && err.code === 'not_found' ? notFound(`no token ${token}`) : err;
      });
      return [{ service_request_id: view.id, token }];
    },
  };
}

export type GeoReportService = ReturnType<typeof createOpen311Service>;
