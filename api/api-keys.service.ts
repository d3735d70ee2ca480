/**
 * API keys for systems: `hl_<id>.<secret>`. The database keeps the SHA-256 of the secret (secrets are 32 random
 * bytes, so a fast hash is enough). The API keeps what it looked up in memory for `cacheMs` (API_KEY_CACHE_TTL,
 * 30 s): the rows of known ids (revoked ones too) and, apart, the ids that have no row, each in an LRU map of
 * `maxEntries` (API_KEY_CACHE_ENTRIES). So a burst of requests with one key — concurrent ones too — costs one
 * query, a made-up id asked again costs none, a flood of made-up ids cannot push working keys out, a key revoked
 * by another process (the CLI) stops within cacheMs, and a database outage does not lock out a system that was
 * already working. Random ids from one address are stopped before they get here (api/auth-throttle.ts).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { apiKeys } from '../db/schema.js';
import { STAFF_ROLES, type Principal, type StaffRole } from '../domain/access.js';
import type { Channel } from '../domain/case.types.js';
import { LruMap } from './lru.js';

const KEY = /^hl_([0-9a-z]{12})\.([A-Za-z0-9_-]{43})$/;
/** The defaults of API_KEY_CACHE_TTL and API_KEY_CACHE_ENTRIES (platform/config.ts). */
const CACHE_MS = 30_000;
const CACHE_ENTRIES = 10_000;

export interface ApiKeyPrincipal extends Principal {
  rateLimitPerMinute: number | null;
}

const hash = (secret: string) => createHash('sha256').update(secret).digest();

export function createApiKeyService(db: Database, options: { cacheMs?: number; maxEntries?: number } = {}) {
  const cacheMs = options.cacheMs ?? CACHE_MS;
  const maxEntries = options.maxEntries ?? CACHE_ENTRIES;
  type Row = typeof apiKeys.$inferSelect;
  const known = new LruMap<string, { row: Row; at: number }>(maxEntries);
  /** Ids without a key, with when that was seen: kept apart, so misses never evict known keys. */
  const unknown = new LruMap<string, number>(maxEntries);
  /** Look-ups under way, by id: concurrent requests with one key wait for the same query. */
  const pending = new Map<string, Promise<Row | null>>();

  async function lookUp(id: string): Promise<Row | null> {
    const [found] = await db.select().from(apiKeys).where(eq(apiKeys.id, id));
    const at = Date.now();
    if (found) {
      known.set(id, { row: found, at });
      unknown.delete(id);
    } else {
      unknown.set(id, at);
      known.delete(id);
    }
    return found ?? null;
  }

  async function row(id: string): Promise<Row | null> {
    const now = Date.now();
    const hit = known.get(id);
    if (hit && now - hit.at < cacheMs) return hit.row;
    const missedAt = unknown.get(id);
    if (missedAt !== undefined && now - missedAt < cacheMs) return null;
    let lookup = pending.get(id);
    if (!lookup) {
      lookup = lookUp(id).finally(() => pending.delete(id));
      pending.set(id, lookup);
    }
    try {
      return await lookup;
    } catch (err) {
      // The database is away: a key looked up before stays as it was until it answers again.
      if (hit) return hit.row;
      if (missedAt !== undefined) return null;
      throw err;
    }
  }

  return {
    /** Whether the presented key's id has a key this service has looked up (any age): not a made-up id. */
    isKnown(presented: string): boolean {
      const id = KEY.exec(presented)?.[1];
      return id !== undefined && known.peek(id) !== undefined;
    },

    /** The principal of a presented key, or null when it is malformed, unknown, wrong or revoked. */
    async verify(presented: string): Promise<ApiKeyPrincipal | null> {
      const m = KEY.exec(presented);
      if (!m) return null;
      const found = await row(m[1]!);
      if (!found || found.revokedAt) return null;
      const expected = Buffer.from(found.secretHash, 'hex');
      const given = hash(m[2]!);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      // A channel's key acts as its channel, whatever roles its row holds: it opens cases and reads its own.
      if (found.channel !== null) {
        return {
          id: `apikey:${found.id}`,
          kind: 'system',
          roles: ['channel'],
          unitId: null,
          channel: { keyId: found.id, channel: found.channel },
          rateLimitPerMinute: found.rateLimitPerMinute,
        };
      }
      return {
        id: `apikey:${found.id}`,
        kind: 'system',
        roles: found.roles.filter((r): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r)),
        unitId: found.unitId,
        rateLimitPerMinute: found.rateLimitPerMinute,
      };
    },

    /**
     * Creates a key; the returned `key` is shown once and never stored. A channel's key (`channel`) has no roles
     * and no unit: it hands complaints over from that channel and reads the cases it opened.
     */
    async create(input: ApiKeyInput) {
      const id = randomBytes(8).toString('hex').slice(0, 12);
      const secret = randomBytes(32).toString('base64url');
      const channel = 'channel' in input ? input.channel : null;
      const [row] = await db
        .insert(apiKeys)
        .values({
          id,
          name: input.name,
          secretHash: hash(secret).toString('hex'),
          roles: channel === null && 'roles' in input ? input.roles : [],
          unitId: channel === null && 'unitId' in input ? input.unitId : null,
          channel,
          rateLimitPerMinute: input.rateLimitPerMinute ?? null,
        })
        .returning();
      const { secretHash: _hidden, ...stored } = row!;
      return { id, key: `hl_${id}.${secret}`, stored };
    },

    /** One key as stored, without its secret's hash; null when there is none. */
    async get(id: string) {
      const [found] = await db.select().from(apiKeys).where(eq(apiKeys.id, id));
      if (!found) return null;
      const { secretHash: _hidden, ...r } = found;
      return r;
    },

    async revoke(id: string): Promise<boolean> {
      const done = await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, id)).returning({ id: apiKeys.id });
      known.delete(id);
      return done.length > 0;
    },

    async list() {
      const rows = await db.select().from(apiKeys).orderBy(asc(apiKeys.createdAt));
      return rows.map(({ secretHash: _hidden, ...r }) => r);
    },
  };
}

/** A system acting under staff roles (at a unit, or none), or a channel's key (its channel, no roles). */
export type ApiKeyInput = { name: string; rateLimitPerMinute?: number | null } & (
  | { roles: StaffRole[]; unitId: string | null }
  | { channel: Channel }
);

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
