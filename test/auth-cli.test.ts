/**
 * `npm run auth` as operators run it: a child process against a real database (DATABASE_URL), and against a data
 * folder of its own for the development tokens.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVerifier } from 'fast-jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKeyService } from '../api/api-keys.service.js';
import { createDatabase, type DatabaseHandle } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { seedReferenceData } from '../db/seed.js';
import { STAFF_ROLES } from '../domain/access.js';
import { JWT_AUDIENCE, JWT_ISSUER, resolveAuthKeys } from '../platform/auth-keys.js';
import { freePort } from '../platform/net.js';
import { createTestDatabase } from './support/stack.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KEY = /hl_([0-9a-z]{12})\.[A-Za-z0-9_-]{43}/;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run auth -- <argv>`, as `node --import tsx runtime/auth-cli.ts <argv>` with this environment. */
function auth(argv: string[], env: Record<string, string | undefined>): Promise<Run> {
  const { DATABASE_URL: _inherited, ...base } = process.env;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'runtime/auth-cli.ts', ...argv], { cwd: ROOT, env: { ...base, ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm run auth -- api-key, against DATABASE_URL', () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let database: DatabaseHandle;
  let env: Record<string, string>;

  beforeAll(async () => {
    testDb = await createTestDatabase('auth_cli');
    database = createDatabase(testDb.url);
    await runMigrations(database.db);
    await seedReferenceData(database.db);
    env = { DATABASE_URL: testDb.url };
  });

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('creates a key that verifies, lists it without its secret, and revokes it', async () => {
    const created = await auth(['api-key', 'create', '--name', '12345 网站 channel', '--roles', 'intake_agent', '--unit', 'city', '--rate-limit', '1200'], env);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/only time the key is shown/);
    const match = KEY.exec(created.stdout);
    expect(match, created.stdout).not.toBeNull();
    const [key, id] = [match![0], match![1]!];

    expect(await createApiKeyService(database.db).verify(key)).toEqual({
      id: `apikey:${id}`,
      kind: 'system',
      roles: ['intake_agent'],
      unitId: 'city',
      rateLimitPerMinute: 1200,
    });

    const listed = await auth(['api-key', 'list'], env);
    expect(listed.code).toBe(0);
    const line = listed.stdout.split('\n').find((l) => l.startsWith(id));
    expect(line).toMatch(/active\s+intake_agent\s+city\s+1200\/min/);
    expect(line).toContain('12345 网站 channel');
    expect(listed.stdout).not.toContain(key.slice(key.indexOf('.') + 1));

    const json = await auth(['api-key', 'list', '--json'], env);
    const rows = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id, name: '12345 网站 channel', roles: ['intake_agent'], unitId: 'city', revokedAt: null });
    expect(rows[0]).not.toHaveProperty('secretHash');

    const revoked = await auth(['api-key', 'revoke', id], env);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(new RegExp(`revoked API key ${id}`));
    // A fresh service: the API's instance caches a verified key for 30 s.
    expect(await createApiKeyService(database.db).verify(key)).toBeNull();
    expect((await auth(['api-key', 'list'], env)).stdout.split('\n').find((l) => l.startsWith(id))).toMatch(/revoked \d{4}-/);

    const again = await auth(['api-key', 'revoke', id], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already revoked/);
  });

  it('refuses a unit that is not in the units table, and an unknown key id', async () => {
    const created = await auth(['api-key', 'create', '--name', 'x', '--roles', 'dispatcher', '--unit', 'd99'], env);
    expect(created.code).toBe(1);
    expect(created.stderr).toMatch(/unit "d99" is not in the units table/);
    const revoked = await auth(['api-key', 'revoke', '000000000000'], env);
    expect(revoked.code).toBe(1);
    expect(revoked.stderr).toMatch(/no API key with id 000000000000/);
  });

  it("creates a channel's key: bound to its channel, no roles, no unit", async () => {
    const created = await auth(['api-key', 'create', '--name', 'Open311 客户端', '--channel', 'open311'], env);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/the open311 channel's key/);
    const match = KEY.exec(created.stdout);
    expect(match, created.stdout).not.toBeNull();
    const [key, id] = [match![0], match![1]!];
    expect(await createApiKeyService(database.db).verify(key)).toEqual({
      id: `apikey:${id}`,
      kind: 'system',
      roles: ['channel'],
      unitId: null,
      channel: { keyId: id, channel: 'open311' },
      rateLimitPerMinute: null,
    });
    const line = (await auth(['api-key', 'list'], env)).stdout.split('\n').find((l) => l.startsWith(id));
    expect(line).toMatch(/active\s+channel:open311\s+none\s+default/);
  });

  it('exits 2 with the usage on bad arguments', async () => {
    const run = await auth(['api-key', 'create', '--name', 'x', '--roles', 'intake_agent,boss', '--unit', 'city'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown role "boss"; roles are: /);
    expect(run.stderr).toMatch(/usage: npm run auth -- <subcommand>/);
  });
});

describe('npm run auth, without a database', () => {
  it('says to start npm start (or set DATABASE_URL) when the embedded database is not running', async () => {
    const run = await auth(['api-key', 'list'], { EMBEDDED_PG_PORT: String(await freePort()) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/embedded database of `npm start` .* is not running.*start `npm start` first, or set DATABASE_URL/);
  });

  it('dev-tokens: writes tokens for every role (0600) signed with the data folder\'s keys, the ones npm start uses', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hotline-auth-cli-'));
    try {
      const run = await auth(['dev-tokens', '--ttl', '1h'], { HOTLINE_DATA_DIR: dir, AUTH_JWT_KEYS: undefined, CASE_CODE_SECRET: undefined });
      expect(run.code, run.stderr).toBe(0);
      for (const role of STAFF_ROLES) expect(run.stdout).toMatch(new RegExp(`^${role}\\s+${role}\\s+\\S+\\s+\\S+\\s+eyJ`, 'm'));
      const file = path.join(dir, 'dev-tokens.json');
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const doc = JSON.parse(await readFile(file, 'utf8')) as { tokens: Record<string, string>; principals: Array<{ key: string; role: string; unit: string | null }> };
      expect(new Set(doc.principals.map((p) => p.role))).toEqual(new Set(STAFF_ROLES));

      // The keys npm start resolves from the same folder verify them.
      const keys = await resolveAuthKeys({ HOTLINE_DATA_DIR: dir });
      const verify = createVerifier({ key: keys.jwtKeys[0]!.key as Buffer, allowedIss: JWT_ISSUER, allowedAud: JWT_AUDIENCE });
      expect(verify(doc.tokens['unit_handler']!)).toMatchObject({ sub: 'handler-17', roles: ['unit_handler'], unit: 'd01-s01' });
      expect(verify(doc.tokens['supervisor@d01']!)).toMatchObject({ roles: ['supervisor'], unit: 'd01' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
