/**
 * Sign-in with OpenID Connect (the console), against any provider: authorization code with PKCE.
 *
 * - The browser sends the person to the provider's authorization endpoint with a code challenge (the verifier stays
 *   in its sessionStorage for the round trip) and comes back to /console/signed-in with a code;
 * - the API trades the code for tokens at the provider's token endpoint (POST /v1/console/oidc/token: no CORS needed
 *   at the provider, no token endpoint in the console's page policy, a client secret if the provider wants one) and
 *   answers the bearer token the console then sends: the access token when it is a JWT this API accepts, else the ID
 *   token (its nonce checked);
 * - on every request a bearer token whose `iss` is the provider is verified against the provider's keys (its JWKS,
 *   fetched from discovery, cached; an unknown `kid` fetches again at most every 30 s): signature (RS/PS/ES/EdDSA),
 *   issuer, audience (OIDC_AUDIENCE for access tokens, the client id for ID tokens), expiry, and the lifetime cap
 *   of AUTH_JWT_MAX_LIFETIME. Roles come from a claim (a dotted path: `roles`, `realm_access.roles`), mapped through
 *   OIDC_ROLE_MAP and kept only when they are hotline's roles; the unit from another claim.
 *
 * hotline's own tokens (AUTH_JWT_KEYS: development sign-in, `npm run auth`) keep working beside it (api/auth.ts).
 */
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import type { Principal } from '../domain/access.js';
import { DomainError } from '../domain/errors.js';
import { formatDuration } from '../platform/duration.js';
import { isStaffRole } from '../platform/oidc-roles.js';

export interface OidcOptions {
  /** The provider's issuer URL (its discovery is `<issuer>/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  /** A confidential client's secret (client_secret_basic); absent: a public client (PKCE alone). */
  clientSecret?: string;
  /** Asked for in the authorization request. */
  scopes: string;
  /** The `aud` of the provider's access tokens for this API; ID tokens name the client id. */
  audience?: string;
  /** A resource indicator (RFC 8707) sent with the authorization and token requests, for providers that need one. */
  resource?: string;
  /** Where the roles are in the token's claims: a dotted path (`roles`, `realm_access.roles`). */
  rolesClaim: string;
  /** Where the unit id is in the token's claims. */
  unitClaim: string;
  /** The provider's role names → hotline's (without an entry a provider role counts under its own name). */
  roleMap: Record<string, string>;
  /** AUTH_JWT_MAX_LIFETIME: a token that lives longer is refused, as hotline's own. */
  maxLifetimeSeconds: number;
}

/** What the sign-in page needs before sending the person to the provider. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  scopes: string;
  resource: string | null;
  /** null while the provider's discovery cannot be read. */
  authorizationEndpoint: string | null;
}

/** A person the provider vouched for. */
export interface OidcPerson {
  principal: Principal;
  name: string | null;
}

export interface SignedIn {
  /** The bearer token the console sends from now on. */
  token: string;
  expiresAt: string;
  person: OidcPerson;
}

const discoverySchema = z.object({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
  end_session_endpoint: z.url().optional(),
});
type Discovery = z.infer<typeof discoverySchema>;

const tokenResponse = z.object({
  access_token: z.string().optional(),
  id_token: z.string().optional(),
  token_type: z.string().optional(),
  expires_in: z.number().optional(),
});
const tokenError = z.object({ error: z.string(), error_description: z.string().optional() });

/** Only asymmetric signatures: a provider's tokens are never verified with a shared secret. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const DISCOVERY_TIMEOUT_MS = 5_000;

const unauthenticated = (detail: string) => new DomainError('unauthenticated', detail);

function claimAt(payload: JWTPayload, path: string): unknown {
  let v: unknown = payload;
  for (const part of path.split('.')) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

export function createOidc(opts: OidcOptions) {
  const issuer = opts.issuer.replace(/\/$/, '');
  const audiences = [opts.clientId, ...(opts.audience ? [opts.audience] : [])];
  let discovery: Promise<Discovery> | null = null;
  let jwks: ReturnType<typeof createRemoteJWKSet> | null = null;

  function discover(): Promise<Discovery> {
    discovery ??= (async () => {
      const res = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS) });
      if (!res.ok) throw new Error(`the provider's discovery answered ${res.status}`);
      const doc = discoverySchema.parse(await res.json());
      if (doc.issuer.replace(/\/$/, '') !== issuer) throw new Error(`the provider names itself ${doc.issuer}, not ${issuer}`);
      return doc;
    })();
    // A failed discovery is tried again by the next caller.
    discovery.catch(() => {
      discovery = null;
    });
    return discovery;
  }

  async function keys() {
    if (jwks) return jwks;
    const doc = await discover().catch((err: unknown) => {
      throw new DomainError('unavailable', `the identity provider cannot be reached (${err instanceof Error ? err.message : String(err)})`);
    });
    jwks ??= createRemoteJWKSet(new URL(doc.jwks_uri), { timeoutDuration: DISCOVERY_TIMEOUT_MS, cooldownDuration: 30_000 });
    return jwks;
  }

  /** Verified claims → the person, or a 401 saying why. `nonce`: an ID token from this sign-in must carry it. */
  async function verify(token: string, nonce?: string): Promise<OidcPerson & { payload: JWTPayload }> {
    let payload: JWTPayload;
    try {
      // The issuer as configured, with or without the trailing slash some providers put in `iss` (Auth0's).
      ({ payload } = await jwtVerify(token, await keys(), { issuer: [issuer, `${issuer}/`], audience: audiences, algorithms: ALGORITHMS, requiredClaims: ['exp', 'sub'] }));
    } catch (err) {
      if (err instanceof DomainError) throw err;
      const code = (err as { code?: string }).code ?? '';
      if (code === 'ERR_JWT_EXPIRED') throw unauthenticated('the token has expired');
      throw unauthenticated('the token is not valid');
    }
    const now = Date.now() / 1000;
    const from = typeof payload.iat === 'number' && payload.iat <= now ? payload.iat : now;
    if (payload.exp! - from > opts.maxLifetimeSeconds) {
      throw unauthenticated(`the token is valid for longer than this API accepts (at most ${formatDuration(opts.maxLifetimeSeconds)} from issue)`);
    }
    if (nonce !== undefined && payload.nonce !== nonce) throw unauthenticated('the ID token does not answer this sign-in (nonce)');
    const given = claimAt(payload, opts.rolesClaim);
    const names = Array.isArray(given) ? given.filter((r): r is string => typeof r === 'string') : typeof given === 'string' ? given.split(/[\s,]+/) : [];
    const roles = [...new Set(names.map((r) => opts.roleMap[r] ?? r).filter(isStaffRole))];
    if (roles.length === 0) throw new DomainError('forbidden', `the identity provider gives this person no role of hotline (claim ${opts.rolesClaim})`);
    const unit = claimAt(payload, opts.unitClaim);
    const sub = payload.sub!;
    if (sub.length > 128) throw unauthenticated('the token’s subject is longer than 128 characters');
    const name = typeof payload.name === 'string' ? payload.name.slice(0, 128) : null;
    return {
      principal: { id: sub, kind: 'user', roles, unitId: typeof unit === 'string' && unit !== '' ? unit.slice(0, 64) : null },
      name,
      payload,
    };
  }

  return {
    /** Whether a bearer token claims to come from the provider (read unverified; verify() decides). */
    issued(token: string): boolean {
      try {
        return decodeJwt(token).iss?.replace(/\/$/, '') === issuer;
      } catch {
        return false;
      }
    },

    async principal(token: string): Promise<Principal> {
      return (await verify(token)).principal;
    },

    async settings(): Promise<OidcSettings> {
      const doc = await discover().catch(() => null);
      return { issuer, clientId: opts.clientId, scopes: opts.scopes, resource: opts.resource ?? null, authorizationEndpoint: doc?.authorization_endpoint ?? null };
    },

    /**
     * The authorization code → the bearer token for the console: the access token when it is a JWT this API takes
     * (the person's roles in it), else the ID token (its nonce checked). The provider checks the code verifier.
     */
    async exchange(input: { code: string; codeVerifier: string; redirectUri: string; nonce: string }): Promise<SignedIn> {
      const doc = await discover().catch((err: unknown) => {
        throw new DomainError('unavailable', `the identity provider cannot be reached (${err instanceof Error ? err.message : String(err)})`);
      });
      const form = new URLSearchParams({ grant_type: 'authorization_code', code: input.code, redirect_uri: input.redirectUri, code_verifier: input.codeVerifier, client_id: opts.clientId });
      if (opts.resource) form.set('resource', opts.resource);
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
      if (opts.clientSecret) headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(opts.clientId)}:${encodeURIComponent(opts.clientSecret)}`).toString('base64')}`;
      let res: Response;
      try {
        res = await fetch(doc.token_endpoint, { method: 'POST', headers, body: form, signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS) });
      } catch (err) {
        throw new DomainError('unavailable', `the identity provider's token endpoint cannot be reached (${err instanceof Error ? err.message : String(err)})`);
      }
      const body: unknown = await res.json().catch(() => null);
      if (!res.ok) {
        const e = tokenError.safeParse(body);
        // The provider's own words (invalid_grant: the code was used, expired, or the verifier does not match).
        throw unauthenticated(`the identity provider refused the sign-in: ${e.success ? `${e.data.error}${e.data.error_description ? ` (${e.data.error_description})` : ''}` : `HTTP ${res.status}`}`);
      }
      const tokens = tokenResponse.safeParse(body);
      if (!tokens.success) throw new DomainError('unavailable', 'the identity provider answered something that is not a token response');
      const { access_token: access, id_token: id } = tokens.data;
      // The ID token is this sign-in's (nonce) and says who it is; the access token, when it is a JWT for this API, is the bearer.
      const identity = id ? await verify(id, input.nonce) : null;
      if (access && access.split('.').length === 3) {
        const viaAccess = await verify(access).catch((err: unknown) => (identity ? null : Promise.reject(err)));
        if (viaAccess && (!identity || viaAccess.principal.id === identity.principal.id)) {
          return { token: access, expiresAt: new Date(viaAccess.payload.exp! * 1000).toISOString(), person: { principal: viaAccess.principal, name: identity?.name ?? viaAccess.name } };
        }
      }
      if (!identity) throw unauthenticated('the identity provider gave no token this API can verify (neither a JWT access token nor an ID token)');
      return { token: id!, expiresAt: new Date(identity.payload.exp! * 1000).toISOString(), person: { principal: identity.principal, name: identity.name } };
    },
  };
}

export type Oidc = ReturnType<typeof createOidc>;
