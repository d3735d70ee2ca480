import { randomBytes } from 'node:crypto';
import { createVerifier } from 'fast-jwt';
import { describe, expect, it } from 'vitest';
import { demoUnits } from '../db/seed-data.js';
import { STAFF_ROLES } from '../domain/access.js';
import {
  DEV_PRINCIPALS,
  devTokensDocument,
  formatTable,
  main,
  mintDevTokens,
  parseCommand,
  parseRoles,
  parseTtl,
  parseUnit,
  UsageError,
  USAGE,
} from './auth-cli.js';
import { generateAuthKeys, JWT_AUDIENCE, JWT_ISSUER, parseJwtKeys } from '../platform/auth-keys.js';

describe('auth CLI arguments', () => {
  it('parses dev-tokens, with 8 hours unless --ttl says otherwise', () => {
    expect(parseCommand(['dev-tokens'])).toEqual({ kind: 'dev-tokens', ttlSeconds: 8 * 3600 });
    expect(parseCommand(['dev-tokens', '--ttl', '30m'])).toEqual({ kind: 'dev-tokens', ttlSeconds: 1800 });
    expect(parseCommand(['dev-tokens', '--ttl=2d'])).toEqual({ kind: 'dev-tokens', ttlSeconds: 2 * 86_400 });
  });

  it('parses token into the claims hotline reads', () => {
    expect(parseCommand(['token', '--sub', 'u-42', '--roles', 'dispatcher, supervisor,dispatcher', '--unit', 'd01', '--name', '王磊', '--ttl', '1h'])).toEqual({
      kind: 'token',
      claims: { sub: 'u-42', roles: ['dispatcher', 'supervisor'], unit: 'd01', name: '王磊' },
      ttlSeconds: 3600,
    });
    expect(parseCommand(['token', '--sub', 'svc', '--roles', 'analyst', '--unit', 'none'])).toEqual({
      kind: 'token',
      claims: { sub: 'svc', roles: ['analyst'], unit: null },
      ttlSeconds: 8 * 3600,
    });
  });

  it('parses the api-key actions', () => {
    expect(parseCommand(['api-key', 'create', '--name', '12345 web portal', '--roles', 'intake_agent', '--unit', 'city', '--rate-limit', '1200'])).toEqual({
      kind: 'api-key-create',
      name: '12345 web portal',
      roles: ['intake_agent'],
      unitId: 'city',
      rateLimitPerMinute: 1200,
    });
    expect(parseCommand(['api-key', 'create', '--name', 'x', '--roles', 'dispatcher', '--unit', 'none'])).toMatchObject({ unitId: null, rateLimitPerMinute: null });
    expect(parseCommand(['api-key', 'list'])).toEqual({ kind: 'api-key-list', json: false });
    expect(parseCommand(['api-key', 'list', '--json'])).toEqual({ kind: 'api-key-list', json: true });
    expect(parseCommand(['api-key', 'revoke', '0123456789ab'])).toEqual({ kind: 'api-key-revoke', id: '0123456789ab' });
    expect(parseCommand(['api-key', 'create', '--name', 'Open311 client', '--channel', 'open311'])).toEqual({
      kind: 'api-key-create-channel',
      name: 'Open311 client',
      channel: 'open311',
      rateLimitPerMinute: null,
    });
    expect(parseCommand(['api-key', 'create', '--name', 'x', '--channel', 'wechat', '--rate-limit', '60'])).toMatchObject({ channel: 'wechat', rateLimitPerMinute: 60 });
  });

  it.each([[[]], [['help']], [['--help']], [['token', '--help']], [['api-key', 'create', '-h']]])('%j asks for the usage', (argv) => {
    expect(parseCommand(argv)).toEqual({ kind: 'help' });
  });

  it.each<[string[], RegExp]>([
    [['mint'], /unknown subcommand "mint"/],
    [['dev-tokens', '--bogus'], /dev-tokens: Unknown option '--bogus'/],
    [['dev-tokens', 'extra'], /unexpected argument "extra"/],
    [['dev-tokens', '--ttl'], /argument missing/],
    [['dev-tokens', '--ttl', '8'], /not a duration/],
    [['dev-tokens', '--ttl', '0h'], /longer than zero/],
    [['dev-tokens', '--ttl', '31d'], /at most 30d/],
    [['token', '--roles', 'dispatcher', '--unit', 'city'], /token needs --sub/],
    [['token', '--sub', 'u', '--unit', 'city'], /token needs --roles/],
    [['token', '--sub', 'u', '--roles', 'dispatcher'], /token needs --unit/],
    [['token', '--sub', 'u', '--roles', 'dispatcher', '--unit', 'city/d01'], /not a unit id/],
    [['token', '--sub', 'x'.repeat(129), '--roles', 'dispatcher', '--unit', 'city'], /--sub must be at most 128/],
    [['token', '--sub', 'u', '--roles', 'root', '--unit', 'city'], /unknown role "root"; roles are: intake_agent, dispatcher/],
    [['api-key'], /api-key needs create, list or revoke/],
    [['api-key', 'rotate'], /unknown action "rotate"/],
    [['api-key', 'create', '--roles', 'intake_agent', '--unit', 'city'], /api-key create needs --name/],
    [['api-key', 'create', '--name', 'x', '--roles', 'intake_agent', '--unit', 'city', '--rate-limit', '0'], /not a whole number/],
    [['api-key', 'create', '--name', 'x', '--roles', 'intake_agent', '--unit', 'city', '--rate-limit', '10/s'], /not a whole number/],
    [['api-key', 'create', '--name', 'x', '--channel', 'fax'], /"fax" is not a channel; channels are: phone, wechat/],
    [['api-key', 'create', '--name', 'x', '--channel', 'web', '--roles', 'intake_agent'], /--channel makes a channel's key \(no --roles, no --unit/],
    [['api-key', 'create', '--name', 'x', '--channel', 'web', '--unit', 'city'], /no --roles, no --unit/],
    [['api-key', 'create', '--channel', 'web'], /api-key create needs --name/],
    [['api-key', 'revoke'], /needs the key id/],
    [['api-key', 'revoke', 'hl_0123456789ab.secret'], /is not a key id/],
    [['api-key', 'revoke', '0123456789ab', 'more'], /unexpected argument "more"/],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });

  it('validates roles against STAFF_ROLES and names them all in the error', () => {
    expect(parseRoles('reviewer')).toEqual(['reviewer']);
    expect(parseRoles(STAFF_ROLES.join(','))).toEqual([...STAFF_ROLES]);
    for (const bad of ['', ' , ', 'Dispatcher', 'dispatcher,admins']) {
      expect(() => parseRoles(bad)).toThrow(UsageError);
      expect(() => parseRoles(bad)).toThrow(STAFF_ROLES.join(', '));
    }
    expect(() => parseRoles('complainant')).toThrow(/X-Case-Code/);
  });

  it('reads units and durations', () => {
    expect(parseUnit('d01-s01')).toBe('d01-s01');
    expect(parseUnit('none')).toBeNull();
    expect(() => parseUnit('')).toThrow(UsageError);
    expect(parseTtl('90s')).toBe(90);
    expect(parseTtl('30d')).toBe(30 * 86_400);
  });

  it('main: bad arguments exit 2 with the usage, before reading any configuration', async () => {
    const out: string[] = [];
    const err: string[] = [];
    // An environment loadConfig would refuse: the usage error comes first.
    const code = await main(['token', '--sub', 'u', '--roles', 'nobody', '--unit', 'city'], { AUTH_JWT_KEYS: 'broken' }, (l) => out.push(l), (l) => err.push(l));
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/^error: unknown role "nobody"/);
    expect(err.join('\n')).toContain(USAGE);
  });

  it('main: a --ttl over AUTH_JWT_MAX_LIFETIME exits 2 naming it, before minting anything', async () => {
    const secret = randomBytes(32).toString('base64');
    const env = { AUTH_JWT_KEYS: `k:${secret}`, CASE_CODE_SECRET: secret };
    for (const [argv, limit] of [
      [['token', '--sub', 'u', '--roles', 'analyst', '--unit', 'city', '--ttl', '13h'], {}],
      [['dev-tokens', '--ttl', '2h'], { AUTH_JWT_MAX_LIFETIME: '90m' }],
    ] as const) {
      const out: string[] = [];
      const err: string[] = [];
      expect(await main(argv, { ...env, ...limit }, (l) => out.push(l), (l) => err.push(l)), argv.join(' ')).toBe(2);
      expect(out).toEqual([]);
      expect(err.join('\n')).toMatch(/longer than AUTH_JWT_MAX_LIFETIME \((12h|90m)\): the API would refuse the token/);
    }
  });

  it('main: dev-tokens refuses to run with NODE_ENV=production', async () => {
    const err: string[] = [];
    const secret = randomBytes(32).toString('base64');
    const env = { NODE_ENV: 'production', AUTH_JWT_KEYS: `k:${secret}`, CASE_CODE_SECRET: secret, PAYLOAD_KEYS: `p:${secret}` };
    expect(await main(['dev-tokens'], env, () => {}, (l) => err.push(l))).toBe(1);
    expect(err.join('\n')).toMatch(/development only.*NODE_ENV=production/);
  });
});

describe('development principals', () => {
  it('cover every staff role, with unique keys, in units of the demo city', () => {
    expect(new Set(DEV_PRINCIPALS.map((p) => p.role))).toEqual(new Set(STAFF_ROLES));
    expect(new Set(DEV_PRINCIPALS.map((p) => p.key)).size).toBe(DEV_PRINCIPALS.length);
    const units = new Set(demoUnits.map((u) => u.id));
    for (const p of DEV_PRINCIPALS) expect(p.unit === null || units.has(p.unit), `${p.key}: ${p.unit}`).toBe(true);
    // Each role's first principal is keyed by the role alone (jq -r .tokens.<role>).
    for (const role of STAFF_ROLES) expect(DEV_PRINCIPALS.find((p) => p.role === role)!.key).toBe(role);
  });

  it('are where the README walkthrough needs them', () => {
    const at = (role: string) => DEV_PRINCIPALS.filter((p) => p.role === role).map((p) => p.unit);
    expect(at('intake_agent')).toEqual(['city']);
    expect(at('dispatcher')).toEqual(['city', 'd01']);
    // The walkthrough dispatches to 城关街道 (d01-s01): its handler and leader sign for and reply.
    expect(at('unit_handler')).toEqual(['d01-s01']);
    expect(at('unit_leader')).toEqual(['d01-s01']);
    expect(at('supervisor').sort()).toEqual(['city', 'd01']);
    for (const role of ['callback_agent', 'reviewer', 'analyst', 'admin']) expect(at(role)).toEqual(['city']);
  });

  it('get tokens that verify with the signing key and carry their claims', () => {
    const keys = { ...generateAuthKeys(), jwtKeys: parseJwtKeys(`dev:${randomBytes(32).toString('base64')}`) };
    const minted = mintDevTokens(keys, 600);
    const verify = createVerifier({ key: keys.jwtKeys[0]!.key as Buffer, complete: true, allowedIss: JWT_ISSUER, allowedAud: JWT_AUDIENCE });
    for (const m of minted) {
      const { header, payload } = verify(m.token) as { header: { kid: string }; payload: Record<string, unknown> };
      expect(header.kid).toBe('dev');
      expect(payload).toMatchObject({ sub: m.sub, roles: [m.role], unit: m.unit, name: m.name });
      expect((payload.exp as number) - (payload.iat as number)).toBe(600);
    }
    const doc = devTokensDocument(minted, new Date('2026-01-01T00:00:00Z'), 600);
    expect(doc.expiresAt).toBe('2026-01-01T00:10:00.000Z');
    expect(Object.keys(doc.tokens)).toEqual(DEV_PRINCIPALS.map((p) => p.key));
    expect(doc.tokens['unit_handler']).toBe(minted.find((m) => m.key === 'unit_handler')!.token);
    expect(doc.principals).toHaveLength(DEV_PRINCIPALS.length);
  });

  it('print as aligned columns', () => {
    expect(formatTable(['role', 'token'], [['admin', 'abc'], ['dispatcher', 'd']]).split('\n')).toEqual([
      'role        token',
      '----------  -----',
      'admin       abc',
      'dispatcher  d',
    ]);
  });
});
