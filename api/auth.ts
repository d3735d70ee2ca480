/**
 * Authentication and the route half of authorization, registered once on the root instance:
 *
 * - every route declares `config.access`: an action of domain/access.ts or 'public'. A route without one stops
 *   the API at start-up (so no route is ever reachable without a rule);
 * - onRequest: the caller's credential becomes `req.principal`:
 *     `Authorization: Bearer <jwt>` for people (verified by key id against AUTH_JWT_KEYS; exp, iss and aud are
 *     required, and a token that lives longer than AUTH_JWT_MAX_LIFETIME is refused),
 *     `X-API-Key: hl_<id>.<secret>` for systems,
 *     `X-Case-Code: <code>` for a complainant, on routes of the case whose number is in the path,
 *     the codec session cookie on /codec routes only (api/codec-session.routes.ts);
 *   missing or bad credentials → 401 problem+json;
 * - the client address's budget of failed authentications (RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE,
 *   api/auth-throttle.ts), consulted before authentication: a request whose credential costs I/O or is a guess
 *   (an API key id this API has not seen, a verification code, none at all) spends one unit before it is checked
 *   and gets it back when it verifies; past the budget it is answered 429 with Retry-After and nothing is looked
 *   up. Credentials judged from memory (a person's token, an API key already known) are checked whatever the
 *   budget — staff and systems behind a guesser's address keep working — and a failure among them counts too
 *   (answered 429 past the budget);
 * - verification codes are throttled per address, per address and case, and per case (CASE_CODE_*,
 *   createCaseCodeThrottle): a throttled address gets 429 with Retry-After before its code is checked, on every
 *   route; an address that has not guessed wrong always has its code checked, so nobody can lock the complainant
 *   out. A resend of the code (202 from `case.resend_code`) starts the case's counts afresh;
 * - the complainant's self-service routes (`config.selfService`, api/public.routes.ts) take only X-Case-Code, for
 *   the case number in their `:number` parameter. A missing or wrong code is not a 401 there: the request goes on
 *   without a principal (so the per-credential rate limit counts it, by address) and the route answers 404 exactly
 *   as for a case that does not exist. Wrong codes count the same as on the staff routes;
 * - routes that take the API key as a parameter (`config.apiKeyParam`: Open311 GeoReport v2, whose clients send
 *   `api_key` in the query or the form body) are authenticated once the body is parsed (preValidation), under the
 *   same address budget; a credential header, when sent, is taken as on every route;
 * - preHandler: actions not bound to a case are checked here (403). Case actions need the case (its unit, its
 *   place, its state) and are decided in the cases service, which answers 404 when the case is out of scope.
 */
import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import jwt from '@fastify/jwt';
import { createDecoder } from 'fast-jwt';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ACCESS, ACTIONS, decide, isCaseAction, STAFF_ROLES, type Action, type Principal, type Role, type UnitTree } from '../domain/access.js';
import { DomainError } from '../domain/errors.js';
import { caseCode, principalOfClaims, type AuthKeys } from '../platform/auth-keys.js';
import { formatDuration } from '../platform/duration.js';
import type { ApiKeyService } from './api-keys.service.js';
import { clientAddress, createAddressBudget, createCaseCodeThrottle, type CaseCodeLimits } from './auth-throttle.js';
import { CODEC_COOKIE } from './codec-session.routes.js';
import type { Oidc } from './oidc.js';

export type RouteAccess = Action | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route: an action of the access table, or 'public'. Required on every route. */
    access?: RouteAccess;
    /**
     * A complainant's self-service route: the case number is the `:number` path parameter and the only credential
     * is X-Case-Code; without a right code `req.principal` stays null and the route answers 404 (see the file
     * comment). Its access must be an action the complainant holds on their own case.
     */
    selfService?: boolean;
    /**
     * The API key may come as the `api_key` parameter, in the query or the form body (Open311 GeoReport v2), instead
     * of X-API-Key: the caller is authenticated once the body is parsed.
     */
    apiKeyParam?: boolean;
  }
  interface FastifyRequest {
    /** The verified caller; null on public routes. */
    principal: Principal | null;
    /** Requests per minute for this caller (API keys may carry their own). */
    rateLimit: number | null;
    /** For routes of general actions: the role that granted it (the timeline's "who" acts under it). */
    grantedRole: Role | null;
  }
}

export interface AuthDeps {
  keys: AuthKeys;
  apiKeys: ApiKeyService;
  units: () => UnitTree;
  /** Failed or missing credentials per minute per client address (RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE). */
  unauthenticatedPerMinute: number;
  /** Wrong verification codes allowed per address, address and case, and case (CASE_CODE_*). */
  caseCodeLimits: CaseCodeLimits;
  /** An OpenID Connect provider whose tokens are verified through its JWKS (api/oidc.ts), besides AUTH_JWT_KEYS. */
  oidc?: Pick<Oidc, 'issued' | 'principal'>;
}

/** Routes that come from plugins (the OpenAPI document and its UI): public, and not part of the access table. */
const PLUGIN_ROUTES = /^\/docs(\/|$)/;

const claims = z.object({
  sub: z.string().min(1).max(128),
  roles: z.array(z.enum(STAFF_ROLES)).min(1),
  unit: z.string().min(1).max(64).nullable(),
  name: z.string().max(128).optional(),
});

/** The complainant's verification code (derived in platform/auth-keys.ts, where its secret is made). */
export { caseCode } from '../platform/auth-keys.js';

function unauthenticated(detail: string): DomainError {
  return new DomainError('unauthenticated', detail);
}

/** 429 with Retry-After (whole seconds, at least 1), the problem saying the same. */
function slowDown(reply: FastifyReply, waitMs: number, detail: string): DomainError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  reply.header('retry-after', String(seconds));
  return new DomainError('rate_limited', `${detail}; retry in ${seconds} s`, { retryAfterSeconds: seconds });
}

/** The claims fast-jwt is told to require (it skips its iss/aud/exp checks for a claim that is absent). */
const REQUIRED_CLAIMS = ['exp', 'iss', 'aud'];
const decodeToken = createDecoder();

/** Whether a token that failed verification lacks a required claim (read unverified, only to word the 401). */
function missingClaims(token: string): boolean {
  try {
    const payload = decodeToken(token) as Record<string, unknown>;
    return REQUIRED_CLAIMS.some((c) => !(c in payload));
  } catch {
    return false;
  }
}

export async function registerAuth(app: FastifyInstance, deps: AuthDeps): Promise<void> {
  await app.register(cookie);
  const byKid = new Map(deps.keys.jwtKeys.map((k) => [k.kid, k]));
  await app.register(jwt, {
    secret: async (_req: FastifyRequest, token: { header: { kid?: string; alg?: string } }) => {
      const key = token.header.kid ? byKid.get(token.header.kid) : undefined;
      if (!key) throw new Error('unknown key id');
      if (token.header.alg !== key.algorithm) throw new Error('algorithm does not match the key');
      return key.key as never;
    },
    decode: { complete: true },
    // The codec session cookie (api/codec-session.routes.ts); read only on /codec routes, see authenticate().
    cookie: { cookieName: CODEC_COOKIE, signed: false },
    verify: { allowedIss: deps.keys.issuers, allowedAud: deps.keys.audience, requiredClaims: REQUIRED_CLAIMS, algorithms: ['HS256', 'RS256', 'ES256'] },
  } as never);

  const maxLifetime = deps.keys.maxLifetimeSeconds;
  const addresses = createAddressBudget(deps.unauthenticatedPerMinute);
  const codes = createCaseCodeThrottle(deps.caseCodeLimits);

  /**
   * Verified claims → hotline's claims, or why not: exp, iss and aud were required by the verifier; here the
   * lifetime is capped — exp − iat, or exp − now when iat is missing or in the future (a token dated ahead must
   * not outlive the cap either).
   */
  function tokenClaims(payload: unknown): z.infer<typeof claims> {
    const { exp, iat } = payload as { exp: number; iat?: unknown };
    const now = Date.now() / 1000;
    const from = typeof iat === 'number' && iat <= now ? iat : now;
    if (exp - from > maxLifetime) throw unauthenticated(`the token is valid for longer than this API accepts (at most ${formatDuration(maxLifetime)} from issue)`);
    const parsed = claims.safeParse(payload);
    if (!parsed.success) throw unauthenticated('the token does not carry hotline claims (sub, roles, unit)');
    return parsed.data;
  }

  /**
   * A verification code for a case number, from a client address: the complainant's principal, 'wrong' (counted)
   * or how long the address must wait before a code of this case is checked for it (api/auth-throttle.ts). Works
   * the same for numbers that do not exist, so no answer says whether a case does.
   */
  function checkCaseCode(address: string, caseId: string, code: string): Principal | 'wrong' | { waitMs: number } {
    const waitMs = codes.waitMs(address, caseId);
    if (waitMs > 0) return { waitMs };
    const expected = Buffer.from(caseCode(deps.keys.caseCodeSecret, caseId));
    const given = Buffer.from(code.trim());
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      codes.wrong(address, caseId);
      return 'wrong';
    }
    return { id: `case:${caseId}`, kind: 'complainant', roles: ['complainant'], unitId: null, caseId };
  }

  const tooManyCodes = 'too many wrong verification codes from this address';

  /** Self-service routes: the complainant of the case in `:number`, or null (no code, or a wrong one). */
  function selfServicePrincipal(req: FastifyRequest, reply: FastifyReply, address: string): Principal | null {
    const code = req.headers['x-case-code'];
    const caseId = (req.params as { number?: unknown } | undefined)?.number;
    if (typeof code !== 'string' || typeof caseId !== 'string' || code === '') return null;
    const checked = checkCaseCode(address, caseId, code);
    if (checked === 'wrong') return null;
    if ('waitMs' in checked) throw slowDown(reply, checked.waitMs, tooManyCodes);
    return checked;
  }

  /** Whether the request carries a credential in a header (or the codec cookie), which every route takes. */
  function credentialHeader(req: FastifyRequest): boolean {
    return (
      req.headers.authorization !== undefined ||
      req.headers['x-api-key'] !== undefined ||
      req.headers['x-case-code'] !== undefined ||
      Boolean(req.routeOptions.url?.startsWith('/codec/') && req.cookies?.[CODEC_COOKIE])
    );
  }

  /**
   * The `api_key` parameter of a route that takes one (query, else form body): the string, absent (undefined), or
   * something that is not one key (given twice) — refused as an invalid key.
   */
  function apiKeyParamOf(req: FastifyRequest): string | null | undefined {
    const pick = (from: unknown): unknown => (from && typeof from === 'object' ? (from as Record<string, unknown>).api_key : undefined);
    const given = pick(req.query) ?? pick(req.body);
    if (given === undefined || given === '') return undefined;
    return typeof given === 'string' ? given : null;
  }

  async function authenticate(req: FastifyRequest, reply: FastifyReply, address: string, keyParam?: string | null): Promise<Principal & { rateLimitPerMinute?: number | null }> {
    if (keyParam !== undefined) {
      const principal = keyParam === null ? null : await deps.apiKeys.verify(keyParam);
      if (!principal) throw unauthenticated('the api_key is not valid');
      return principal;
    }
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const [scheme, token] = authorization.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthenticated('Authorization must be "Bearer <token>"');
      // The identity provider's tokens (OIDC), by their issuer; hotline's own below.
      if (deps.oidc?.issued(token)) return deps.oidc.principal(token);
      let payload: unknown;
      try {
        // decode.complete gives the secret function the header (kid); jwtVerify still returns the claims.
        payload = await req.jwtVerify();
      } catch (err) {
        const code = (err as { code?: string }).code ?? '';
        if (code.includes('EXPIRED')) throw unauthenticated('the token has expired');
        // @fastify/jwt reports a missing claim as any invalid token; say which rule it broke.
        if (missingClaims(token)) throw unauthenticated(`the token must carry ${REQUIRED_CLAIMS.slice(0, -1).join(', ')} and ${REQUIRED_CLAIMS.at(-1)}`);
        throw unauthenticated('the token is not valid');
      }
      return principalOfClaims(tokenClaims(payload));
    }
    if (req.routeOptions.url?.startsWith('/codec/') && req.cookies?.[CODEC_COOKIE]) {
      try {
        return principalOfClaims(tokenClaims(await req.jwtVerify({ onlyCookie: true })));
      } catch {
        /* an expired or foreign cookie: as if there were none */
      }
      throw unauthenticated('the codec session has expired: sign in again at /codec/login');
    }
    const apiKey = req.headers['x-api-key'];
    if (apiKey !== undefined) {
      const principal = typeof apiKey === 'string' ? await deps.apiKeys.verify(apiKey) : null;
      if (!principal) throw unauthenticated('the API key is not valid');
      return principal;
    }
    const code = req.headers['x-case-code'];
    if (code !== undefined) {
      const caseId = (req.params as { id?: unknown } | undefined)?.id;
      if (typeof caseId !== 'string' || typeof code !== 'string') throw unauthenticated('a verification code only opens the case whose number is in the path');
      const checked = checkCaseCode(address, caseId, code);
      if (checked === 'wrong') throw unauthenticated('the case number and verification code do not match');
      if ('waitMs' in checked) throw slowDown(reply, checked.waitMs, tooManyCodes);
      return checked;
    }
    if (req.routeOptions.config?.apiKeyParam === true) throw unauthenticated('send the api_key parameter (a channel’s API key) or X-API-Key');
    throw unauthenticated('send a bearer token (Authorization), an API key (X-API-Key) or a case verification code (X-Case-Code)');
  }

  app.decorateRequest('principal', null);
  app.decorateRequest('rateLimit', null);
  app.decorateRequest('grantedRole', null);

  app.addHook('onRoute', (route) => {
    // The docs, and CORS preflights (@fastify/cors answers OPTIONS for every path): public.
    if (PLUGIN_ROUTES.test(route.url) || route.method === 'OPTIONS') {
      route.config = { ...(route.config as object), access: 'public' } as typeof route.config;
      return;
    }
    const config = route.config as { access?: unknown; selfService?: unknown } | undefined;
    const access = config?.access;
    if (access !== 'public' && !ACTIONS.includes(access as Action)) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no access rule (config.access: an action of domain/access.ts or 'public')`);
    }
    if (config?.selfService && (ACCESS.complainant[access as Action] !== 'own_case' || !route.url.includes(':number'))) {
      throw new Error(`self-service route ${String(route.method)} ${route.url} must name the case as :number and declare an action the complainant holds on their own case`);
    }
  });

  function admit(req: FastifyRequest, principal: Principal & { rateLimitPerMinute?: number | null }): void {
    req.principal = principal;
    req.log = req.log.child({ principal: principal.id });
    req.rateLimit = principal.rateLimitPerMinute ?? null;
  }

  /**
   * A credential judged from memory, without I/O and not guessable: a person's token (or the codec cookie), or an
   * API key whose id this API has looked up before (a key that exists; a made-up id is not known).
   */
  function judgedFromMemory(req: FastifyRequest, keyParam?: string | null): boolean {
    if (keyParam !== undefined) return typeof keyParam === 'string' && deps.apiKeys.isKnown(keyParam);
    if (req.headers.authorization !== undefined) return true;
    if (req.routeOptions.url?.startsWith('/codec/') && req.cookies?.[CODEC_COOKIE]) return true;
    const apiKey = req.headers['x-api-key'];
    return typeof apiKey === 'string' && deps.apiKeys.isKnown(apiKey);
  }

  /**
   * Authenticates a request of a route that is not public: at onRequest from its headers, or — for a route that takes
   * the API key as a parameter and got no credential header — once its body is parsed (preValidation).
   */
  async function admitRequest(req: FastifyRequest, reply: FastifyReply, keyParam?: string | null): Promise<void> {
    const selfService = req.routeOptions.config?.selfService === true;
    const address = clientAddress(req.ip);
    const unauthenticatedAnswer = (err: unknown) => {
      if (err instanceof DomainError && err.code === 'unauthenticated') reply.header('www-authenticate', 'Bearer realm="hotline"');
      return err;
    };

    if (!selfService && judgedFromMemory(req, keyParam)) {
      // Checked whatever the address's budget (staff behind a guesser's address keep working); a failure counts.
      try {
        admit(req, await authenticate(req, reply, address, keyParam));
      } catch (err) {
        const waitMs = addresses.waitMs(address);
        addresses.spend(address);
        if (waitMs > 0) throw slowDown(reply, waitMs, 'too many requests without valid credentials from this address');
        throw unauthenticatedAnswer(err);
      }
      return;
    }
    // Everything else costs I/O or is a guess: it needs budget, spent before the check and given back on success.
    const waitMs = addresses.waitMs(address);
    if (waitMs > 0) throw slowDown(reply, waitMs, 'too many requests without valid credentials from this address');
    addresses.spend(address);
    if (selfService) {
      const principal = selfServicePrincipal(req, reply, address);
      if (principal) {
        addresses.refund(address);
        admit(req, principal);
      }
      return;
    }
    try {
      admit(req, await authenticate(req, reply, address, keyParam));
      addresses.refund(address);
    } catch (err) {
      throw unauthenticatedAnswer(err);
    }
  }

  app.addHook('onRequest', async (req, reply) => {
    const access = req.routeOptions.config?.access;
    if (access === undefined || access === 'public') return; // unknown routes fall through to the 404 handler
    // The key is a parameter, perhaps in the body: judged once the body is parsed.
    if (req.routeOptions.config?.apiKeyParam === true && !credentialHeader(req)) return;
    await admitRequest(req, reply);
  });

  app.addHook('preValidation', async (req, reply) => {
    const access = req.routeOptions.config?.access;
    if (access === undefined || access === 'public' || req.routeOptions.config?.apiKeyParam !== true || req.principal) return;
    // No api_key at all: as any request without credentials (the budget, then 401).
    await admitRequest(req, reply, apiKeyParamOf(req));
  });

  // A resend of the verification code (a fresh notice to the complainant's phone) starts the case's counts afresh,
  // so a complainant who mistyped gets in with the code at once. The code itself stays (derived, not stored).
  app.addHook('onSend', async (req, reply) => {
    if (req.routeOptions.config?.access !== 'case.resend_code' || reply.statusCode !== 202) return;
    const caseId = (req.params as { id?: unknown } | undefined)?.id;
    if (typeof caseId === 'string') codes.forgive(caseId);
  });

  app.addHook('preHandler', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!req.principal || access === undefined || access === 'public' || isCaseAction(access)) return;
    const decision = decide(req.principal, access, deps.units());
    if (decision.outcome !== 'allow') throw new DomainError('forbidden', `${req.principal.roles.join(', ')} may not ${access}`);
    req.grantedRole = decision.role;
  });
}

/** The verified caller of a route that is not public. */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw unauthenticated('this route needs credentials');
  return req.principal;
}

/** The role that granted a general action's route to its caller. */
export function grantedRoleOf(req: FastifyRequest): Role {
  if (!req.grantedRole) throw new Error(`route ${req.routeOptions.url} is not a general action`);
  return req.grantedRole;
}
