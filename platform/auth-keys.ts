/**
 * Keys of authentication: the JWT keys (by key id; the first signs, all verify, so a new key can be introduced
 * before the old one is retired) and the secret complainants' verification codes are derived from; with them, what
 * a token must say to be accepted (issuer, audience, the longest lifetime).
 *
 * AUTH_JWT_KEYS: `kid:base64secret` (HS256, at least 32 bytes) or `kid:@/path/to/public.pem` (RS256/ES256 from an
 * identity provider; verify only), comma-separated. CASE_CODE_SECRET: base64, at least 32 bytes.
 * Unset outside production: generated once into the data folder, so `npm start` works with nothing configured.
 */
import { createHmac, createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createSigner } from 'fast-jwt';
import type { Principal, StaffRole } from '../domain/access.js';
import { formatDuration, parseDuration } from './duration.js';
import { BASE64, keyEntries } from './key-list.js';

export type JwtAlgorithm = 'HS256' | 'RS256' | 'ES256';

export interface JwtKey {
  kid: string;
  algorithm: JwtAlgorithm;
  /** HS256: the shared secret. RS256/ES256: the public key (these entries only verify). */
  key: Buffer | KeyObject;
}

export interface AuthKeys {
  jwtKeys: JwtKey[];
  caseCodeSecret: Buffer;
  /** Token issuers accepted (the first is the one hotline signs as). */
  issuers: string[];
  /** The audience a token must name. */
  audience: string;
  /** The longest lifetime a token may have, in seconds (AUTH_JWT_MAX_LIFETIME). */
  maxLifetimeSeconds: number;
}

/** Outside production, without AUTH_JWT_ISSUERS / AUTH_JWT_AUDIENCE (production requires both): what hotline signs as. */
export const JWT_ISSUER = 'hotline';
export const JWT_AUDIENCE = 'hotline-api';
/** AUTH_JWT_MAX_LIFETIME unless set: a long working day and some margin; dev tokens live 8 h. */
export const DEFAULT_MAX_TOKEN_LIFETIME = '12h';
const DEFAULT_MAX_LIFETIME_SECONDS = parseDuration(DEFAULT_MAX_TOKEN_LIFETIME);
/** What `npm run auth` and the test stacks mint unless told otherwise (cut to the lifetime cap). */
const DEFAULT_TOKEN_TTL_SECONDS = 8 * 3600;


/** Parses AUTH_JWT_KEYS; messages never carry key material. */
export function parseJwtKeys(text: string): JwtKey[] {
  return keyEntries(text, 'kid:base64secret or kid:@public-key.pem', 'the first signs').map(({ id: kid, material }): JwtKey => {
    if (material.startsWith('@')) {
      let key: KeyObject;
      try {
        key = createPublicKey(readFileSync(material.slice(1)));
      } catch (err) {
        throw new Error(`key "${kid}": cannot read a public key from ${material.slice(1)} (${(err as Error).message})`);
      }
      const type = key.asymmetricKeyType;
      if (type !== 'rsa' && type !== 'ec') throw new Error(`key "${kid}": only RSA (RS256) and EC P-256 (ES256) public keys are accepted`);
      return { kid, algorithm: type === 'rsa' ? 'RS256' : 'ES256', key };
    }
    if (!BASE64.test(material)) throw new Error(`key "${kid}" is not base64`);
    const key = Buffer.from(material, 'base64');
    if (key.length < 32) throw new Error(`key "${kid}" is ${key.length} bytes; HS256 needs at least 32 (openssl rand -base64 32)`);
    return { kid, algorithm: 'HS256', key };
  });
}

export function parseSecret(text: string): Buffer {
  if (!BASE64.test(text.trim())) throw new Error('is not base64');
  const secret = Buffer.from(text.trim(), 'base64');
  if (secret.length < 32) throw new Error(`is ${secret.length} bytes; at least 32 are needed (openssl rand -base64 32)`);
  return secret;
}

export function generateAuthKeys(kid = 'dev'): AuthKeys {
  return {
    jwtKeys: [{ kid, algorithm: 'HS256', key: randomBytes(32) }],
    caseCodeSecret: randomBytes(32),
    issuers: [JWT_ISSUER],
    audience: JWT_AUDIENCE,
    maxLifetimeSeconds: DEFAULT_MAX_LIFETIME_SECONDS,
  };
}

function formatAuthKeys(keys: AuthKeys): string {
  const hs = keys.jwtKeys.filter((k) => k.algorithm === 'HS256').map((k) => `${k.kid}:${(k.key as Buffer).toString('base64')}`);
  return `AUTH_JWT_KEYS=${hs.join(',')}\nCASE_CODE_SECRET=${keys.caseCodeSecret.toString('base64')}\n`;
}

export const DEV_AUTH_FILE = 'auth-keys';

/**
 * The configured keys; what is not configured (development only: config.ts refuses that in production) comes
 * from a file generated once in the data folder, so tokens minted by `npm run auth -- dev-tokens` keep working
 * across restarts.
 */
export async function resolveAuthKeys(
  cfg: {
    AUTH_JWT_KEYS?: JwtKey[] | undefined;
    CASE_CODE_SECRET?: Buffer | undefined;
    AUTH_JWT_ISSUERS?: string[] | undefined;
    AUTH_JWT_AUDIENCE?: string | undefined;
    AUTH_JWT_MAX_LIFETIME?: number | undefined;
    HOTLINE_DATA_DIR: string;
  },
  log?: (line: string) => void,
): Promise<AuthKeys> {
  const claims = {
    issuers: cfg.AUTH_JWT_ISSUERS ?? [JWT_ISSUER],
    audience: cfg.AUTH_JWT_AUDIENCE ?? JWT_AUDIENCE,
    maxLifetimeSeconds: cfg.AUTH_JWT_MAX_LIFETIME ?? DEFAULT_MAX_LIFETIME_SECONDS,
  };
  if (cfg.AUTH_JWT_KEYS && cfg.CASE_CODE_SECRET) return { jwtKeys: cfg.AUTH_JWT_KEYS, caseCodeSecret: cfg.CASE_CODE_SECRET, ...claims };
  const file = path.resolve(cfg.HOTLINE_DATA_DIR, DEV_AUTH_FILE);
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, formatAuthKeys(generateAuthKeys()), { flag: 'wx', mode: 0o600 });
    log?.(`authentication: generated development keys in ${file} (set AUTH_JWT_KEYS and CASE_CODE_SECRET in production)`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const lines = Object.fromEntries(
    (await readFile(file, 'utf8'))
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  try {
    return {
      jwtKeys: cfg.AUTH_JWT_KEYS ?? parseJwtKeys(lines.AUTH_JWT_KEYS ?? ''),
      caseCodeSecret: cfg.CASE_CODE_SECRET ?? parseSecret(lines.CASE_CODE_SECRET ?? ''),
      ...claims,
    };
  } catch (err) {
    throw new Error(`${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The claims hotline reads from a person's token. */
export interface TokenClaims {
  sub: string;
  roles: StaffRole[];
  /** The unit the person works in (scope is measured from it). */
  unit: string | null;
  name?: string;
}

/**
 * Signs a token with the current (first) HS256 key, as the first accepted issuer, for the audience, with exp and
 * iat: for `npm run auth`, the test stacks and the benches. A lifetime over the keys' cap is refused here, since
 * the API would refuse the token. `as` overrides issuer and audience (tests of foreign tokens).
 */
export function mintToken(
  keys: AuthKeys,
  claims: TokenClaims,
  ttlSeconds = Math.min(DEFAULT_TOKEN_TTL_SECONDS, keys.maxLifetimeSeconds),
  as: { iss: string; aud: string } = { iss: keys.issuers[0] ?? JWT_ISSUER, aud: keys.audience },
): string {
  const signing = keys.jwtKeys[0];
  if (!signing || signing.algorithm !== 'HS256') throw new Error('the first AUTH_JWT_KEYS entry must be an HS256 secret to mint tokens');
  if (ttlSeconds > keys.maxLifetimeSeconds) {
    throw new Error(`a token for ${formatDuration(ttlSeconds)} outlives AUTH_JWT_MAX_LIFETIME (${formatDuration(keys.maxLifetimeSeconds)}): the API would refuse it`);
  }
  const sign = createSigner({
    key: signing.key as Buffer,
    algorithm: 'HS256',
    kid: signing.kid,
    iss: as.iss,
    aud: as.aud,
    expiresIn: ttlSeconds * 1000,
  });
  return sign({ ...claims });
}

/** The principal a verified token stands for. */
export function principalOfClaims(c: TokenClaims): Principal {
  return { id: c.sub, kind: 'user', roles: c.roles, unitId: c.unit };
}

/** A complainant's verification code for a case: 8 digits from an HMAC of the case number. */
export function caseCode(secret: Buffer, caseId: string): string {
  const mac = createHmac('sha256', secret).update(`hotline:case-code:${caseId}`).digest();
  return String(mac.readUIntBE(0, 6) % 100_000_000).padStart(8, '0');
}
