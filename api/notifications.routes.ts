/** HTTP surface of the outbox: which notices went to whom, and every delivery attempt. Schemas in and out. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from './auth.js';
import { CASE_ID_PATTERN, problemSchema } from './cases.schemas.js';
import { listScope, type UnitTree } from '../domain/access.js';
import { NOTIFICATION_STATUSES, type NotificationsRepository } from './notifications.repository.js';

export const listNotificationsQuery = z.strictObject({
  caseId: z.string().regex(CASE_ID_PATTERN, 'a case number like HL0123456789ABCDEF').optional().describe("one case's notices"),
  status: z
    .enum(NOTIFICATION_STATUSES)
    .optional()
    .describe('pending: not yet delivered (maybe waiting for a retry); delivered; failed: given up'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/, 'a cursor from nextCursor (base64url)')
    .optional()
    .describe('nextCursor of the previous page, as it was given'),
});

const attemptView = z.object({
  attempt: z.number().describe('1 for the first attempt'),
  at: z.string(),
  channel: z.string().describe('log or webhook'),
  ok: z.boolean(),
  statusCode: z.number().nullable().describe("the receiver's HTTP status, when there was one"),
  error: z.string().nullable(),
  durationMs: z.number(),
});

const notificationView = z.object({
  id: z.number().describe("the receiver's idempotency key (X-Hotline-Notification-Id)"),
  caseId: z.string(),
  seq: z.number().describe('the case event that caused it'),
  kind: z.string(),
  unitId: z.string().nullable(),
  recipient: z.string().describe('the role it is for: deputy_leader, principal_leader, handler, unit_leader, district, city, complainant, …'),
  recipientName: z.string().nullable().describe('who that was, from the unit data (never the complainant: 诉求人)'),
  message: z.string(),
  createdAt: z.string(),
  status: z.enum(NOTIFICATION_STATUSES),
  attemptCount: z.number(),
  nextAttemptAt: z.string().nullable().describe('pending: when the next attempt is due (null: at once)'),
  deliveredAt: z.string().nullable(),
  failedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  attempts: z.array(attemptView),
});

export const notificationList = z.object({ items: z.array(notificationView), nextCursor: z.string().nullable() });

/**
 * The notices of the cases the caller may list, scoped exactly as GET /v1/cases is (domain/access.ts listScope for
 * `notification.read`: a district supervisor its district's cases, admins and the city's supervisors all).
 */
export function notificationsRoutes(repository: Pick<NotificationsRepository, 'list'>, reference: { readonly units: UnitTree }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/notifications',
      {
        config: { access: 'notification.read' },
        schema: {
          tags: ['notifications'],
          summary: 'Notices the cases sent (warnings, copies, escalations, 受理告知), newest first, with their delivery attempts',
          description: "Only the notices of cases in the caller's scope (as GET /v1/cases lists them); free text masked.",
          querystring: listNotificationsQuery,
          response: { 200: notificationList, 400: problemSchema, 401: problemSchema, 403: problemSchema, 429: problemSchema },
        },
      },
      async (req) => repository.list(req.query, listScope(principalOf(req), reference.units, 'notification.read')),
    );
  };
}
