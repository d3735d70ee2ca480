import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createVerifier } from 'fast-jwt';
import { describe, expect, it } from 'vitest';
import { JWT_AUDIENCE, JWT_ISSUER, mintToken, parseJwtKeys, resolveAuthKeys } from './auth-keys.js';
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
    const keys = parseJwtKeys(`k2:${secret()},k1:${secret()}`);
    const token = mintToken(keys, { sub: 'u1', roles: ['dispatcher'], unit: 'd01' }, 60);
    const verify = createVerifier({ key: keys[0]!.key as Buffer, complete: true, allowedIss: JWT_ISSUER, allowedAud: JWT_AUDIENCE });
    const decoded = verify(token) as { header: { kid: string }; payload: { roles: string[]; exp: number; iat: number } };
    expect(decoded.header.kid).toBe('k2');
    expect(decoded.payload.roles).toEqual(['dispatcher']);
    expect(decoded.payload.exp - decoded.payload.iat).toBe(60);
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

describe('AUTH_JWT_ISSUERS and AUTH_JWT_AUDIENCE', () => {
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
