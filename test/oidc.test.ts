/**
 * Sign-in with OpenID Connect on the API side, against a real provider (oidc-provider in this process, its own key,
 * test/support/oidc-provider.ts): the provider's access tokens are verified through its JWKS (discovery, then the
 * keys) and give the person the roles and unit of their claims (through OIDC_ROLE_MAP where the provider's names
 * differ), beside hotline's own HS256 tokens, which keep working. Refused: another API's audience, a token signed by
 * another key under the provider's name, an expired one, one that lives longer than AUTH_JWT_MAX_LIFETIME (401); a
 * person with no role of hotline (403). The settings name the provider for the console; the code exchange answers
 * the provider's refusal of a made-up code as 401.
 */
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCE, CLIENT_ID, RESOURCE, startTestProvider, type TestProvider } from './support/oidc-provider.js';
import { startStack, type TestStack } from './support/stack.js';

let idp: TestProvider;
let stack: TestStack;

const ACCOUNTS = {
  'wang.lei': { name: '王磊', roles: ['dispatcher'], unit: 'city' },
  'zhao.min': { name: '赵敏', roles: ['hl-supervisor'], unit: 'd01' },
  'visitor': { name: '访客', roles: ['guest'], unit: null },
};

beforeAll(async () => {
  idp = await startTestProvider(ACCOUNTS);
  stack = await startStack({
    name: 'oidc',
    oidc: {
      issuer: idp.issuer,
      clientId: CLIENT_ID,
      scopes: 'openid profile hotline',
      audience: AUDIENCE,
      resource: RESOURCE,
      rolesClaim: 'roles',
      unitClaim: 'unit',
      roleMap: { 'hl-supervisor': 'supervisor' },
      maxLifetimeSeconds: 12 * 3600,
    },
  });
});

afterAll(async () => {
  await stack?.close();
  await idp?.close();
});

const me = (token: string) => stack.http('GET', '/v1/me', undefined, { authorization: `Bearer ${token}` });

describe('the provider’s tokens', () => {
  it('are verified through its JWKS and carry the roles and unit of their claims', async () => {
    const token = await idp.mint('wang.lei');
    const res = await me(token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: 'wang.lei', kind: 'user', roles: ['dispatcher'], unitId: 'city' });
    expect(res.body.grants).toContainEqual({ action: 'case.dispatch', role: 'dispatcher', scope: 'subtree' });
    // The role map: the provider's hl-supervisor is hotline's supervisor, at d01.
    const mapped = await me(await idp.mint('zhao.min'));
    expect(mapped.body).toMatchObject({ id: 'zhao.min', roles: ['supervisor'], unitId: 'd01' });
    // And they act: the dispatcher lists cases (the city's, its scope).
    expect((await stack.http('GET', '/v1/cases?limit=1', undefined, { authorization: `Bearer ${token}` })).status).toBe(200);
  });

  it('leave hotline’s own tokens working beside them', async () => {
    const res = await stack.http('GET', '/v1/me', undefined, stack.as('analyst', 'city', 'analyst-7'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'analyst-7', roles: ['analyst'] });
  });

  it('are refused for another audience, another key, after expiry, beyond the lifetime cap, and without a role of hotline', async () => {
    const other = await me(await idp.mint('wang.lei', 'urn:other:api'));
    expect(other.status).toBe(401);
    expect(other.body).toMatchObject({ code: 'unauthenticated', detail: 'the token is not valid' });

    // The provider's name, another key (with the provider's kid: the JWKS has no such key material).
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const genuine = await idp.mint('wang.lei');
    const header = JSON.parse(Buffer.from(genuine.split('.')[0]!, 'base64url').toString()) as { kid: string };
    const forged = await new SignJWT({ roles: ['admin'], unit: 'city' })
      .setProtectedHeader({ alg: 'RS256', kid: header.kid, typ: 'at+jwt' })
      .setIssuer(idp.issuer)
      .setAudience(AUDIENCE)
      .setSubject('wang.lei')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    expect((await me(forged)).status).toBe(401);

    const short = await idp.mint('wang.lei', 'urn:hotline:short');
    await new Promise((r) => setTimeout(r, 2_100));
    const expired = await me(short);
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toBe('the token has expired');

    const long = await me(await idp.mint('wang.lei', 'urn:hotline:long'));
    expect(long.status).toBe(401);
    expect(long.body.detail).toMatch(/valid for longer than this API accepts/);

    const visitor = await me(await idp.mint('visitor'));
    expect(visitor.status).toBe(403);
    expect(visitor.body.detail).toMatch(/no role of hotline/);
  });
});

describe('the console’s sign-in', () => {
  it('names the provider in the settings, and answers a code the provider refuses with 401', async () => {
    const settings = await stack.http('GET', '/v1/console/settings');
    expect(settings.body.oidc).toEqual({
      issuer: idp.issuer,
      clientId: CLIENT_ID,
      scopes: 'openid profile hotline',
      resource: RESOURCE,
      authorizationEndpoint: `${idp.issuer}/auth`,
    });
    const refused = await stack.http('POST', '/v1/console/oidc/token', {
      code: 'made-up-code',
      codeVerifier: 'a'.repeat(43),
      redirectUri: 'http://127.0.0.1:1/console/signed-in',
      nonce: 'n'.repeat(16),
    });
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toMatch(/^the identity provider refused the sign-in: invalid_grant/);
    // A malformed verifier never reaches the provider.
    const bad = await stack.http('POST', '/v1/console/oidc/token', { code: 'x', codeVerifier: 'short', redirectUri: 'http://127.0.0.1:1/console/signed-in', nonce: 'n'.repeat(16) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.codeVerifier');
  });
});
