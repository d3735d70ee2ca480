/**
 * What the web console (console/, built to static files) needs from the API besides the /v1 resources:
 *
 * - `GET /console/…` — the built console (console/dist): hashed assets cached for a year, everything else the
 *   console's index.html (its client routes: /console/intake, /console/cases/HL…), never cached;
 * - `GET /v1/me` — who the caller is and what the access table grants them (the console shows the desks of those
 *   grants; every answer is still decided by the API);
 * - `GET /v1/console/settings` — whether the development sign-in is on, and where the Temporal Web UI is;
 * - with an OpenID Connect provider configured (OIDC_*): `POST /v1/console/oidc/token`, the code of the provider's
 *   redirect (authorization code with PKCE) traded for the bearer token the console sends (api/oidc.ts);
 * - development only (never with NODE_ENV=production: the entry points pass `devSignIn: false` there, and the routes
 *   are not registered): `GET /v1/dev/people`, the demo city's people (platform/dev-principals.ts, the ones
 *   `npm run auth -- dev-tokens` mints for), and `POST /v1/dev/sign-in`, a bearer token for one of them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS, ACTIONS, SCOPES, STAFF_ROLES, type Principal } from '../domain/access.js';
import { DomainError } from '../domain/errors.js';
import type { AuthKeys } from '../platform/auth-keys.js';
import { DEV_PRINCIPALS, mintDevTokens } from '../platform/dev-principals.js';
import { principalOf } from './auth.js';
import { problemSchema } from './cases.schemas.js';
import type { Oidc } from './oidc.js';
import type { ReferenceService } from './reference.service.js';

export interface ConsoleOptions {
  /** The built console (console/dist); absent or missing on disk: /console answers 404 saying how to build it. */
  dir?: string;
  /** The development sign-in (never in production). */
  devSignIn: boolean;
  /** The Temporal Web UI, for the case page's link to the case's workflow; null when not known. */
  temporalUi: { url: string; namespace: string } | null;
}

/** Development tokens live a working day (within AUTH_JWT_MAX_LIFETIME). */
const DEV_TOKEN_TTL_SECONDS = 8 * 3600;

/**
 * The console's own page policy: its scripts and styles from itself (Ant Design writes its styles into <style>
 * elements), its data from this API. No upgrade-insecure-requests: `npm start` serves plain http on 127.0.0.1.
 */
const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A file the build wrote: hashed assets, and a few plain files at the top (favicon). */
const ASSET = /^assets\/[A-Za-z0-9._-]+$/;
const TOP_FILE = /^[A-Za-z0-9_-]+\.(?:svg|ico|png|txt|webmanifest)$/;

const grant = z.object({ action: z.enum(ACTIONS), role: z.enum(STAFF_ROLES), scope: z.enum(SCOPES) });
const me = z.object({
  id: z.string(),
  kind: z.enum(['user', 'system', 'complainant']),
  roles: z.array(z.enum(STAFF_ROLES)),
  unitId: z.string().nullable(),
  grants: z.array(grant).describe("Every action the access table (domain/access.ts) grants the caller's roles, and where"),
});
const settings = z.object({
  devSignIn: z.boolean(),
  temporalUi: z.object({ url: z.string(), namespace: z.string() }).nullable(),
  oidc: z
    .object({
      issuer: z.string(),
      clientId: z.string(),
      scopes: z.string(),
      resource: z.string().nullable(),
      authorizationEndpoint: z.string().nullable().describe("null while the provider's discovery cannot be read"),
    })
    .nullable()
    .describe('Sign-in with this OpenID Connect provider (authorization code with PKCE; redirect to /console/signed-in); null: not configured'),
});
/** Who signed in, as the console shows them (a member of staff: never a complainant). */
const signedInPerson = z.object({
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  sub: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
});
const oidcTokenBody = z.strictObject({
  code: z.string().min(1).max(2048),
  codeVerifier: z.string().regex(/^[A-Za-z0-9._~-]{43,128}$/, 'a PKCE code verifier (RFC 7636: 43–128 unreserved characters)'),
  redirectUri: z.url({ protocol: /^https?$/ }).max(2048).describe('the redirect URI the authorization request named: <console origin>/console/signed-in'),
  nonce: z.string().min(16).max(256),
});
const devKeys = DEV_PRINCIPALS.map((p) => p.key) as [string, ...string[]];
const devPerson = z.object({
  key: z.enum(devKeys),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  sub: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
});

function grantsOf(p: Principal) {
  return STAFF_ROLES.filter((r) => p.roles.includes(r)).flatMap((role) =>
    ACTIONS.flatMap((action) => {
      const scope = ACCESS[role][action];
      return scope === undefined ? [] : [{ action, role, scope }];
    }),
  );
}

export function consoleRoutes(opts: ConsoleOptions, deps: { reference: ReferenceService; authKeys: AuthKeys; oidc?: Oidc }): FastifyPluginAsyncZod {
  /** The demo people with their units' names (the sign-in page is shown before anyone may read reference data). */
  async function people() {
    const names = new Map((await deps.reference.listUnits({})).map((u) => [u.id, u.name]));
    return DEV_PRINCIPALS.map((p) => ({ key: p.key, name: p.name, role: p.role, sub: p.sub, unitId: p.unit, unitName: p.unit === null ? null : (names.get(p.unit) ?? null) }));
  }
  return async (app) => {
    const errors = { 401: problemSchema, 403: problemSchema, 429: problemSchema };

    app.get(
      '/v1/me',
      {
        // Every member of staff reads reference data; a complainant is no user of the console.
        config: { access: 'reference.read' },
        schema: { tags: ['reference'], summary: 'Who the caller is, and what the access table grants them', response: { 200: me, ...errors } },
      },
      async (req) => {
        const p = principalOf(req);
        return { id: p.id, kind: p.kind, roles: p.roles.filter((r): r is (typeof STAFF_ROLES)[number] => (STAFF_ROLES as readonly string[]).includes(r)), unitId: p.unitId, grants: grantsOf(p) };
      },
    );

    app.get(
      '/v1/console/settings',
      {
        config: { access: 'public' },
        schema: { tags: ['health'], summary: 'What the web console needs to know before sign-in', response: { 200: settings, 429: problemSchema } },
      },
      async () => ({ devSignIn: opts.devSignIn, temporalUi: opts.temporalUi, oidc: deps.oidc ? await deps.oidc.settings() : null }),
    );

    const oidc = deps.oidc;
    if (oidc) {
      app.post(
        '/v1/console/oidc/token',
        {
          config: { access: 'public' },
          schema: {
            tags: ['health'],
            summary: 'Sign-in with the OpenID Connect provider: the code of its redirect traded for the bearer token the console sends',
            description:
              'Authorization code with PKCE: the API sends the code and the verifier to the provider’s token endpoint and answers the access ' +
              'token when it is a JWT this API takes, else the ID token (its nonce checked). 401 when the provider refuses the code or the ' +
              'tokens do not verify; 403 when the person holds no role of hotline; 503 when the provider cannot be reached.',
            body: oidcTokenBody,
            response: {
              200: z.object({ token: z.string(), expiresAt: z.string(), person: signedInPerson }),
              400: problemSchema,
              401: problemSchema,
              403: problemSchema,
              429: problemSchema,
              503: problemSchema,
            },
          },
        },
        async (req) => {
          const signed = await oidc.exchange(req.body);
          const { principal, name } = signed.person;
          const role = STAFF_ROLES.find((r) => principal.roles.includes(r))!;
          const unitName = principal.unitId === null ? null : ((await deps.reference.listUnits({})).find((u) => u.id === principal.unitId)?.name ?? null);
          return { token: signed.token, expiresAt: signed.expiresAt, person: { name: name ?? principal.id, role, sub: principal.id, unitId: principal.unitId, unitName } };
        },
      );
    }

    if (opts.devSignIn) {
      app.get(
        '/v1/dev/people',
        {
          config: { access: 'public' },
          schema: {
            tags: ['health'],
            summary: 'Development only (never with NODE_ENV=production): the demo city’s people the development sign-in offers',
            response: { 200: z.object({ items: z.array(devPerson) }), 429: problemSchema },
          },
        },
        async () => ({ items: await people() }),
      );

      app.post(
        '/v1/dev/sign-in',
        {
          config: { access: 'public' },
          schema: {
            tags: ['health'],
            summary: 'Development only (never with NODE_ENV=production): a bearer token for one of the demo city’s people',
            body: z.strictObject({ key: z.enum(devKeys) }),
            response: { 200: z.object({ token: z.string(), expiresAt: z.string(), person: devPerson }), 400: problemSchema, 429: problemSchema },
          },
        },
        async (req) => {
          const person = DEV_PRINCIPALS.find((p) => p.key === req.body.key)!;
          const ttl = Math.min(DEV_TOKEN_TTL_SECONDS, deps.authKeys.maxLifetimeSeconds);
          const [minted] = mintDevTokens(deps.authKeys, ttl, [person]);
          return {
            token: minted!.token,
            expiresAt: new Date(Date.now() + ttl * 1000).toISOString(),
            person: (await people()).find((p) => p.key === person.key)!,
          };
        },
      );
    }

    // The built console. sendFile only (no routes of the plugin's own: every route here declares its access).
    const dir = opts.dir ? path.resolve(opts.dir) : undefined;
    await app.register(fastifyStatic, { root: dir ?? path.resolve('console', 'dist'), serve: false, suppressWarning: true, preCompressed: true });
    const built = () => dir !== undefined && existsSync(path.join(dir, 'index.html'));
    const notBuilt = () => new DomainError('not_found', 'the console is not built: run `npm run console:build` (npm start builds it when it is missing)');

    app.get('/console', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => reply.redirect('/console/', 302));
    app.get('/console/*', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
      if (!built()) throw notBuilt();
      const file = (req.params as { '*': string })['*'];
      reply.header('content-security-policy', CONSOLE_CSP);
      if (ASSET.test(file)) {
        if (!existsSync(path.join(dir!, file))) throw new DomainError('not_found', `no console asset ${file}`);
        return reply.sendFile(file, dir!, { maxAge: 365 * 24 * 3600 * 1000, immutable: true });
      }
      if (TOP_FILE.test(file) && existsSync(path.join(dir!, file))) return reply.sendFile(file, dir!, { maxAge: 3600 * 1000 });
      // A client route of the console (or its root): the page, which must never be cached (it names the assets).
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html', dir!, { cacheControl: false });
    });
  };
}
