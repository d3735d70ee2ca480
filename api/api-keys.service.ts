/**
 * API keys for systems: `hl_<id>.<secret>`. The database keeps the SHA-256 of the secret (secrets are 32 random
 * bytes, so a fast hash is enough); the API keeps verified keys in memory for CACHE_MS, so a burst of requests
 * costs one lookup and a database outage does not lock out a system that was already working.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { apiKeys } from '../db/schema.js';
import { STAFF_ROLES, type Principal, type StaffRole } from '../domain/access.js';

const KEY = /^hl_([0-9a-z]{12})\.([A-Za-z0-9_-]{43})$/;
const CACHE_MS = 30_000;

export interface ApiKeyPrincipal extends Principal {
  rateLimitPerMinute: number | null;
}

const hash = (secret: string) => createHash('sha256').update(secret).digest();

export function createApiKeyService(db: Database, options: { cacheMs?: number } = {}) {
  const cacheMs = options.cacheMs ?? CACHE_MS;
  const cache = new Map<string, { row: typeof apiKeys.$inferSelect | null; at: number }>();

  async function row(id: string) {
    const hit = cache.get(id);
    if (hit && Date.now() - hit.at < cacheMs) return hit.row;
    try {
      const [found] = await db.select().from(apiKeys).where(eq(apiKeys.id, id));
      cache.set(id, { row: found ?? null, at: Date.now() });
      if (cache.size > 10_000) cache.delete(cache.keys().next().value!);
      return found ?? null;
    } catch (err) {
      // The database is away: a key verified recently stays good until it answers again.
      if (hit) return hit.row;
      throw err;
    }
  }

  return {
    /** The principal of a presented key, or null when it is malformed, unknown, wrong or revoked. */
    async verify(presented: string): Promise<ApiKeyPrincipal | null> {
      const m = KEY.exec(presented);
      if (!m) return null;
      const found = await row(m[1]!);
      if (!found || found.revokedAt) return null;
      const expected = Buffer.from(found.secretHash, 'hex');
      const given = hash(m[2]!);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      return {
        id: `apikey:${found.id}`,
        kind: 'system',
        roles: found.roles.filter((r): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r)),
        unitId: found.unitId,
        rateLimitPerMinute: found.rateLimitPerMinute,
      };
    },

    /** Creates a key; the returned `key` is shown once and never stored. */
    async create(input: { name: string; roles: StaffRole[]; unitId: string | null; rateLimitPerMinute?: number | null }) {
      const id = randomBytes(8).toString('hex').slice(0, 12);
      const secret = randomBytes(32).toString('base64url');
      await db.insert(apiKeys).values({
        id,
        name: input.name,
        secretHash: hash(secret).toString('hex'),
        roles: input.roles,
        unitId: input.unitId,
        rateLimitPerMinute: input.rateLimitPerMinute ?? null,
      });
      return { id, key: `hl_${id}.${secret}` };
    },

    async revoke(id: string): Promise<boolean> {
      const done = await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, id)).returning({ id: apiKeys.id });
      cache.delete(id);
      return done.length > 0;
    },

    async list() {
      const rows = await db.select().from(apiKeys).orderBy(asc(apiKeys.createdAt));
      return rows.map(({ secretHash: _hidden, ...r }) => r);
    },
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
