/**
 * HTTP surface of API keys (admins): the credentials of systems — a channel's own key (the telephony system, the
 * website, an app, a WeChat account, a mailbox, an Open311 client), or a system acting under staff roles. The same
 * service as `npm run auth -- api-key`; the secret is in the answer to its creation only (the table keeps a hash).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAFF_ROLES } from '../domain/access.js';
import { CHANNELS } from '../domain/case.types.js';
import { DomainError } from '../domain/errors.js';
import type { ApiKeyService } from './api-keys.service.js';
import { problemSchema } from './cases.schemas.js';
import type { ReferenceService } from './reference.service.js';

const unitId = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash or underscore');

export const createApiKeyBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).describe('Which system this is, e.g. "12345 微信公众号" or "Open311 client of the city app"'),
    channel: z
      .enum(CHANNELS)
      .optional()
      .describe("A channel's key: complaints it hands over come from this channel, and it reads only the cases it opened"),
    roles: z
      .array(z.enum(STAFF_ROLES))
      .min(1)
      .max(STAFF_ROLES.length)
      .refine((r) => new Set(r).size === r.length, 'each role once')
      .optional()
      .describe('A system acting under staff roles (not a channel): what those roles may do, at unitId'),
    unitId: unitId.nullable().optional().describe('With roles: the unit the system belongs to (null: none)'),
    rateLimitPerMinute: z.number().int().min(1).max(1_000_000).nullable().optional().describe("Requests per minute; absent or null: the API's default"),
  })
  .superRefine((b, ctx) => {
    if ((b.channel === undefined) === (b.roles === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['channel'], message: "give a channel (a channel's key) or roles (a system acting as staff), not both" });
    }
    if (b.channel !== undefined && b.unitId !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['unitId'], message: "a channel's key has no unit: it reads the cases it opened" });
    }
    if (b.roles !== undefined && b.unitId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'required with roles: the unit the system belongs to, or null for none' });
    }
  });

const apiKeyView = z.object({
  id: z.string().describe('The key id: the part between hl_ and the dot'),
  name: z.string(),
  channel: z.enum(CHANNELS).nullable().describe("The channel of a channel's key; null for a system acting under roles"),
  roles: z.array(z.string()),
  unitId: z.string().nullable(),
  rateLimitPerMinute: z.number().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
type ApiKeyView = z.infer<typeof apiKeyView>;

const createdKey = apiKeyView.extend({
  key: z.string().describe('The key itself (hl_<id>.<secret>): shown this once, never again; only a hash of its secret is stored'),
});

const keyParams = z.object({ keyId: z.string().regex(/^[0-9a-z]{12}$/, 'a key id: 12 characters 0-9 a-z') });

interface StoredKey {
  id: string;
  name: string;
  channel: ApiKeyView['channel'];
  roles: string[];
  unitId: string | null;
  rateLimitPerMinute: number | null;
  createdAt: Date;
  revokedAt: Date | null;
}
const viewOf = (k: StoredKey): ApiKeyView => ({
  id: k.id,
  name: k.name,
  channel: k.channel,
  roles: k.roles,
  unitId: k.unitId,
  rateLimitPerMinute: k.rateLimitPerMinute,
  createdAt: k.createdAt.toISOString(),
  revokedAt: k.revokedAt ? k.revokedAt.toISOString() : null,
});

const denied = { 401: problemSchema, 403: problemSchema, 429: problemSchema };

export function apiKeysRoutes(keys: ApiKeyService, reference: Pick<ReferenceService, 'assertUnit'>, cacheMs: number): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/api-keys',
      {
        config: { access: 'api_key.manage' },
        schema: {
          tags: ['api keys'],
          summary: 'Every API key, oldest first, revoked ones too (never a secret)',
          response: { 200: z.object({ items: z.array(apiKeyView) }), ...denied },
        },
      },
      async () => ({ items: (await keys.list()).map(viewOf) }),
    );

    app.post(
      '/v1/api-keys',
      {
        config: { access: 'api_key.manage' },
        schema: {
          tags: ['api keys'],
          summary: 'Create an API key: the answer holds the key, once',
          description:
            "A channel's key (`channel`): the system sends X-API-Key (Open311 clients: the api_key parameter); the complaints it hands " +
            'over are of that channel (a body naming another is refused), its channel ticket numbers are the idempotency key within ' +
            'the channel, and it reads only the cases it opened. A system acting as staff (`roles`, `unitId`) may do what those roles ' +
            'may. The key is in this answer only: store it in the system’s secret store; a lost key is revoked and replaced.',
          body: createApiKeyBody,
          response: { 201: createdKey, 400: problemSchema, ...denied },
        },
      },
      async (req, reply) => {
        const b = req.body;
        if (b.unitId) reference.assertUnit('body.unitId', b.unitId);
        const rateLimitPerMinute = b.rateLimitPerMinute ?? null;
        const made =
          b.channel !== undefined
            ? await keys.create({ name: b.name, channel: b.channel, rateLimitPerMinute })
            : await keys.create({ name: b.name, roles: b.roles ?? [], unitId: b.unitId ?? null, rateLimitPerMinute });
        reply.header('cache-control', 'no-store');
        return reply.code(201).header('location', `/v1/api-keys/${made.id}`).send({ ...viewOf(made.stored), key: made.key });
      },
    );

    app.delete(
      '/v1/api-keys/:keyId',
      {
        config: { access: 'api_key.manage' },
        schema: {
          tags: ['api keys'],
          summary: 'Revoke an API key',
          description: `The key stops working on this API instance at once and on others within their key cache (API_KEY_CACHE_TTL, ${Math.round(cacheMs / 1000)} s here). Revoking a revoked key changes nothing. The cases a channel's key opened stay as they are.`,
          params: keyParams,
          response: { 200: apiKeyView, 400: problemSchema, 404: problemSchema, ...denied },
        },
      },
      async (req) => {
        const found = await keys.get(req.params.keyId);
        if (!found) throw new DomainError('not_found', `no API key ${req.params.keyId}`);
        if (!found.revokedAt) await keys.revoke(found.id);
        const after = await keys.get(found.id);
        return viewOf(after ?? found);
      },
    );
  };
}
