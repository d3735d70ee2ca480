/**
 * A real OpenID Connect provider for the sign-in tests: oidc-provider on a free port of 127.0.0.1, its own RSA
 * signing key, a public client `hotline-console` (PKCE required, no secret), accounts whose roles and unit are claims,
 * its development login page (any password), consent granted for the first-party console. Access tokens are JWTs
 * for the resource `urn:hotline:api` (audience `hotline-api`) and carry `roles` and `unit` (as a city's provider would
 * be configured for hotline); ID tokens carry them with `name`.
 *
 * The server listens first (the issuer URL is known before the API is built); `configure()` makes the provider once
 * the console's redirect URI is known. `mint()` issues an access token straight from the provider's own models (what
 * its token endpoint would issue), for API tests that do not drive a browser.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ResourceServerInfo } from 'oidc-provider';

export interface TestAccount {
  name: string;
  /** As the provider names them (hotline's names, or names OIDC_ROLE_MAP maps). */
  roles: string[];
  unit: string | null;
}

export const CLIENT_ID = 'hotline-console';
export const RESOURCE = 'urn:hotline:api';
export const AUDIENCE = 'hotline-api';

/** Resource servers by indicator: hotline's, another API's, and hotline's with tokens too long- or short-lived. */
const SERVERS: Record<string, ResourceServerInfo> = {
  [RESOURCE]: { scope: 'hotline', audience: AUDIENCE, accessTokenFormat: 'jwt', accessTokenTTL: 3600, jwt: { sign: { alg: 'RS256' } } },
  'urn:other:api': { scope: 'hotline', audience: 'other-api', accessTokenFormat: 'jwt', accessTokenTTL: 3600, jwt: { sign: { alg: 'RS256' } } },
  'urn:hotline:long': { scope: 'hotline', audience: AUDIENCE, accessTokenFormat: 'jwt', accessTokenTTL: 2 * 86_400, jwt: { sign: { alg: 'RS256' } } },
  'urn:hotline:short': { scope: 'hotline', audience: AUDIENCE, accessTokenFormat: 'jwt', accessTokenTTL: 1, jwt: { sign: { alg: 'RS256' } } },
};

export interface TestProvider {
  issuer: string;
  /** Makes the provider, its client allowed to return to these URIs. */
  configure(redirectUris: string[]): void;
  /** An access token for an account, for a resource server of SERVERS. */
  mint(accountId: string, resource?: keyof typeof SERVERS): Promise<string>;
  close(): Promise<void>;
}

export async function startTestProvider(accounts: Record<string, TestAccount>): Promise<TestProvider> {
  const server = http.createServer((_req, res) => {
    res.statusCode = 503;
    res.end('not configured');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: `test-idp-${randomBytes(3).toString('hex')}`, alg: 'RS256', use: 'sig' };
  let provider: Provider | null = null;

  const claimsOf = (id: string) => {
    const a = accounts[id];
    return a ? { sub: id, name: a.name, roles: a.roles, unit: a.unit } : undefined;
  };

  function configure(redirectUris: string[]) {
    provider = new Provider(issuer, {
      clients: [{ client_id: CLIENT_ID, token_endpoint_auth_method: 'none', redirect_uris: redirectUris, grant_types: ['authorization_code'], response_types: ['code'] }],
      jwks: { keys: [jwk] },
      cookies: { keys: [randomBytes(16).toString('hex')] },
      findAccount: async (_ctx: unknown, id: string) => {
        const claims = claimsOf(id);
        return claims ? { accountId: id, claims: async () => claims } : undefined;
      },
      claims: { openid: ['sub'], profile: ['name'], hotline: ['roles', 'unit'] },
      scopes: ['openid', 'profile', 'hotline'],
      pkce: { required: () => true },
      ttl: {
        AccessToken: (_ctx: unknown, token: { resourceServer?: { accessTokenTTL?: number } }) => token.resourceServer?.accessTokenTTL ?? 3600,
        AuthorizationCode: 60,
        IdToken: 3600,
        Grant: 3600,
        Interaction: 600,
        Session: 3600,
      },
      features: {
        devInteractions: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: async () => RESOURCE,
          useGrantedResource: async () => true,
          getResourceServerInfo: async (_ctx: unknown, indicator: string) => {
            const info = SERVERS[indicator];
            if (!info) throw new Error(`no resource server ${indicator}`);
            return info;
          },
        },
      },
      extraTokenClaims: async (_ctx: unknown, token: { accountId?: string }) => {
        const claims = token.accountId ? claimsOf(token.accountId) : undefined;
        return claims ? { roles: claims.roles, unit: claims.unit } : undefined;
      },
      // The console is the city's own client: consent is granted without asking.
      loadExistingGrant: async (ctx: {
        oidc: { client: { clientId: string }; session: { accountId: string; grantIdFor(id: string): string | undefined }; result?: { consent?: { grantId?: string } }; provider: Provider & { Grant: { find(id: string): Promise<unknown> } } };
      }) => {
        const existing = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
        if (existing) return ctx.oidc.provider.Grant.find(existing);
        const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
        grant.addOIDCScope('openid profile hotline');
        grant.addResourceScope(RESOURCE, 'hotline');
        await grant.save();
        return grant;
      },
    });
    server.removeAllListeners('request');
    server.on('request', provider.callback());
  }

  return {
    issuer,
    configure,
    async mint(accountId, resource = RESOURCE) {
      if (!provider) configure([`${issuer}/unused`]);
      const p = provider!;
      const client = await p.Client.find(CLIENT_ID);
      if (!client) throw new Error('no client');
      const token = new p.AccessToken({ accountId, client, resourceServer: new p.ResourceServer(resource, SERVERS[resource]!), scope: 'hotline' });
      return token.save();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
