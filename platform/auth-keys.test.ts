import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createVerifier } from 'fast-jwt';
import { describe, expect, it } from 'vitest';
import { generateAuthKeys, JWT_AUDIENCE, JWT_ISSUER, mintToken, parseJwtKeys, resolveAuthKeys } from './auth-keys.js';
import { loadConfig } from './config.js';

const secret = () => randomBytes(32).toString('base64');

describe('AUTH_JWT_KEYS and CASE_CODE_SECRET', () => {
  it('reads HS256 secrets and PEM public keys by key id, the first one signing', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hotline-jwt-'));
    try {
      const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const pem = path.join(dir, 'idp.pem');
      await writeFile(pem, publicKey.export({ type: 'spki', format: 'pem' }));
      const keys = parseJwtKeys(`new:${secret()}, old:${secret()}, idp:@${pem}`);
      expect(keys.map((k) => [k.kid, k.algorithm])).toEqual([['new', 'HS256'], ['old', 'HS256'], ['idp', 'ES256']]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['a', /not kid:base64secret/],
    [`a:${randomBytes(16).toString('base64')}`, /16 bytes; HS256 needs at least 32/],
    ['a:not base64!', /not base64/],
    [`a:${secret()},a:${secret()}`, /listed twice/],
    ['a:@/nonexistent.pem', /cannot read a public key/],
  ])('fails fast naming the variable, never the key: %s', (value, message) => {
    expect(() => loadConfig({ AUTH_JWT_KEYS: value })).toThrow(/AUTH_JWT_KEYS: /);
    expect(() => loadConfig({ AUTH_JWT_KEYS: value })).toThrow(message);
  });

  it('requires both in production', () => {
    const env = { NODE_ENV: 'production', PAYLOAD_KEYS: `p:${secret()}` };
    expect(() => loadConfig(env)).toThrow(/AUTH_JWT_KEYS: required when NODE_ENV=production/);
    expect(() => loadConfig(env)).toThrow(/CASE_CODE_SECRET: required when NODE_ENV=production/);
    expect(() => loadConfig({ CASE_CODE_SECRET: 'short' })).toThrow(/CASE_CODE_SECRET: /);
  });

  it('mints tokens with the current key id, issuer and audience, which verify against that key', () => {
    const keys = { ...generateAuthKeys(), jwtKeys: parseJwtKeys(`k2:${secret()},k1:${secret()}`) };
    const token = mintToken(keys, { sub: 'u1', roles: ['dispatcher'], unit: 'd01' }, 60);
    const verify = createVerifier({ key: keys.jwtKeys[0]!.key as Buffer, complete: true, allowedIss: JWT_ISSUER, allowedAud: JWT_AUDIENCE });
    const decoded = verify(token) as { header: { kid: string }; payload: { roles: string[]; exp: number; iat: number } };
    expect(decoded.header.kid).toBe('k2');
    expect(decoded.payload.roles).toEqual(['dispatcher']);
    expect(decoded.payload.exp - decoded.payload.iat).toBe(60);
  });

  it('mints as the configured issuer for the configured audience, never longer than the lifetime cap', () => {
    const keys = { ...generateAuthKeys('k'), issuers: ['https://sso.city.gov', 'hotline'], audience: 'hotline-prod', maxLifetimeSeconds: 3600 };
    const token = mintToken(keys, { sub: 'u1', roles: ['analyst'], unit: 'city' });
    const payload = createVerifier({ key: keys.jwtKeys[0]!.key as Buffer, allowedIss: 'https://sso.city.gov', allowedAud: 'hotline-prod' })(token) as { exp: number; iat: number };
    // The default lifetime (8 h) is cut to the cap.
    expect(payload.exp - payload.iat).toBe(3600);
    expect(() => mintToken(keys, { sub: 'u1', roles: ['analyst'], unit: 'city' }, 3601)).toThrow(/AUTH_JWT_MAX_LIFETIME/);
  });

  it('development default: keys generated once into the data folder, private to its owner, and reused', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hotline-auth-'));
    try {
      const first = await resolveAuthKeys({ HOTLINE_DATA_DIR: dir });
      const again = await resolveAuthKeys({ HOTLINE_DATA_DIR: dir });
      expect((again.jwtKeys[0]!.key as Buffer).equals(first.jwtKeys[0]!.key as Buffer)).toBe(true);
      expect(again.caseCodeSecret.equals(first.caseCodeSecret)).toBe(true);
      expect((await stat(path.join(dir, 'auth-keys'))).mode & 0o077).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('AUTH_JWT_MAX_LIFETIME', () => {
  it('is 12 hours unless set; a duration in s, m, h or d up to 30 days', async () => {
    expect(loadConfig({}).AUTH_JWT_MAX_LIFETIME).toBe(12 * 3600);
    expect(loadConfig({ AUTH_JWT_MAX_LIFETIME: '90m' }).AUTH_JWT_MAX_LIFETIME).toBe(5400);
    expect(loadConfig({ AUTH_JWT_MAX_LIFETIME: '1d' }).AUTH_JWT_MAX_LIFETIME).toBe(86_400);
    for (const bad of ['12', '0h', '31d', 'forever', '-1h']) expect(() => loadConfig({ AUTH_JWT_MAX_LIFETIME: bad }), bad).toThrow(/AUTH_JWT_MAX_LIFETIME: /);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hotline-life-'));
    try {
      expect((await resolveAuthKeys({ ...loadConfig({ AUTH_JWT_MAX_LIFETIME: '2h' }), HOTLINE_DATA_DIR: dir })).maxLifetimeSeconds).toBe(7200);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('AUTH_JWT_ISSUERS and AUTH_JWT_AUDIENCE', () => {
  it('are required in production: no token is accepted on a default issuer there', () => {
    const managed = { NODE_ENV: 'production', PAYLOAD_KEYS: `p:${secret()}`, AUTH_JWT_KEYS: `k:${secret()}`, CASE_CODE_SECRET: secret(), ACTION_ASSERTION_KEYS: `a:${secret()}` };
    expect(() => loadConfig(managed)).toThrow(/AUTH_JWT_ISSUERS: required when NODE_ENV=production/);
    expect(() => loadConfig(managed)).toThrow(/AUTH_JWT_AUDIENCE: required when NODE_ENV=production/);
    const cfg = loadConfig({ ...managed, AUTH_JWT_ISSUERS: 'https://sso.city.gov/realms/12345', AUTH_JWT_AUDIENCE: 'hotline-prod' });
    expect([cfg.AUTH_JWT_ISSUERS, cfg.AUTH_JWT_AUDIENCE]).toEqual([['https://sso.city.gov/realms/12345'], 'hotline-prod']);
  });

  it('name the issuers accepted and the audience required, defaulting to hotline / hotline-api', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hotline-iss-'));
    try {
      const defaults = await resolveAuthKeys({ HOTLINE_DATA_DIR: dir });
      expect([defaults.issuers, defaults.audience]).toEqual([['hotline'], 'hotline-api']);
      const cfg = loadConfig({ AUTH_JWT_ISSUERS: 'https://sso.city.gov/realms/12345, hotline', AUTH_JWT_AUDIENCE: 'hotline-prod' });
      const keys = await resolveAuthKeys({ ...cfg, HOTLINE_DATA_DIR: dir });
      expect([keys.issuers, keys.audience]).toEqual([['https://sso.city.gov/realms/12345', 'hotline'], 'hotline-prod']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('limits on guessing credentials', () => {
  it('have defaults and take other numbers, refusing nonsense with the variable named', () => {
    const defaults = loadConfig({});
    expect(defaults).toMatchObject({
      RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: 60,
      API_KEY_CACHE_TTL: 30,
      API_KEY_CACHE_ENTRIES: 10_000,
      CASE_CODE_WINDOW: 15 * 60,
      CASE_CODE_FAILURES_PER_ADDRESS: 20,
      CASE_CODE_FAILURES_PER_ADDRESS_AND_CASE: 5,
      CASE_CODE_FAILURES_PER_CASE: 10,
    });
    expect(defaults.API_TRUST_PROXY).toBeUndefined();
    const set = loadConfig({
      RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: '30',
      API_KEY_CACHE_TTL: '10s',
      CASE_CODE_WINDOW: '1h',
      CASE_CODE_FAILURES_PER_CASE: '25',
      API_TRUST_PROXY: '10.0.0.0/8, 192.0.2.1, fd00::/8',
    });
    expect(set).toMatchObject({ RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: 30, API_KEY_CACHE_TTL: 10, CASE_CODE_WINDOW: 3600, CASE_CODE_FAILURES_PER_CASE: 25 });
    expect(set.API_TRUST_PROXY).toEqual(['10.0.0.0/8', '192.0.2.1', 'fd00::/8']);
    expect(loadConfig({ API_TRUST_PROXY: '2' }).API_TRUST_PROXY).toBe(2);
    for (const [name, value] of [
      ['RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE', '0'],
      ['API_KEY_CACHE_TTL', '1h'],
      ['CASE_CODE_WINDOW', '2d'],
      ['CASE_CODE_FAILURES_PER_ADDRESS', 'many'],
      ['API_TRUST_PROXY', '10.0.0.0/33'],
      ['API_TRUST_PROXY', 'proxy.local'],
    ] as const) {
      expect(() => loadConfig({ [name]: value }), `${name}=${value}`).toThrow(new RegExp(`${name}: `));
    }
  });
});
