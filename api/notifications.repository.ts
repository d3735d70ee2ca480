/** Reads the outbox for GET /v1/notifications: notices newest first, with every delivery attempt. */
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, type SQL } from 'drizzle-orm';
import { maskFreeText } from './cases.presenter.js';
import { scopeCondition } from './cases.repository.js';
import type { Database } from '../db/client.js';
import { cases, notificationAttempts, notifications } from '../db/schema.js';
import type { ListScope } from '../domain/access.js';
import { DomainError } from '../domain/errors.js';

export const NOTIFICATION_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export interface NotificationQuery {
  caseId?: string | undefined;
  status?: NotificationStatus | undefined;
  limit: number;
  cursor?: string | undefined;
}

export interface AttemptView {
  attempt: number;
  at: string;
  channel: string;
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface NotificationView {
  id: number;
  caseId: string;
  seq: number;
  kind: string;
  unitId: string | null;
  recipient: string;
  recipientName: string | null;
  message: string;
  createdAt: string;
  status: NotificationStatus;
  attemptCount: number;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  failedAt: string | null;
  lastError: string | null;
  attempts: AttemptView[];
}

/** Keyset cursor over id desc: base64url("n<id>"); only that exact form is taken back. */
export function encodeNotificationCursor(id: number): string {
  return Buffer.from(`n${id}`).toString('base64url');
}
export function decodeNotificationCursor(cursor: string): number {
  const m = /^n([1-9]\d{0,14})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const id = m ? Number(m[1]) : Number.NaN;
  if (!Number.isSafeInteger(id) || encodeNotificationCursor(id) !== cursor) {
    throw new DomainError('validation_failed', 'malformed cursor', { errors: [{ field: 'query.cursor', reason: 'not a cursor this API issued' }] });
  }
  return id;
}

const STATUS_WHERE: Record<NotificationStatus, SQL | undefined> = {
  pending: and(isNull(notifications.deliveredAt), isNull(notifications.failedAt)),
  delivered: isNotNull(notifications.deliveredAt),
  failed: and(isNull(notifications.deliveredAt), isNotNull(notifications.failedAt)),
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function createNotificationsRepository(db: Database) {
  return {
    /** A page of the notices of the cases in `scope` (the cases list's own scope rule: scopeCondition). */
    async list(q: NotificationQuery, scope: ListScope): Promise<{ items: NotificationView[]; nextCursor: string | null }> {
      const inScope = scopeCondition(scope);
      const where = and(
        inScope ? inArray(notifications.caseId, db.select({ id: cases.id }).from(cases).where(inScope)) : undefined,
        q.caseId ? eq(notifications.caseId, q.caseId) : undefined,
        q.status ? STATUS_WHERE[q.status] : undefined,
        q.cursor ? lt(notifications.id, decodeNotificationCursor(q.cursor)) : undefined,
      );
      const rows = await db.select().from(notifications).where(where).orderBy(desc(notifications.id)).limit(q.limit + 1);
      const page = rows.slice(0, q.limit);
      const attempts = page.length
        ? await db
            .select()
            .from(notificationAttempts)
            .where(inArray(notificationAttempts.notificationId, page.map((r) => r.id)))
            .orderBy(asc(notificationAttempts.notificationId), asc(notificationAttempts.attempt), asc(notificationAttempts.id))
        : [];
      const byNotice = new Map<number, AttemptView[]>();
      for (const a of attempts) {
        const list = byNotice.get(a.notificationId) ?? [];
        list.push({ attempt: a.attempt, at: a.at.toISOString(), channel: a.channel, ok: a.ok, statusCode: a.statusCode, error: a.error, durationMs: a.durationMs });
        byNotice.set(a.notificationId, list);
      }
      // Free text (supervisors' notes and reasons in messages, receivers' errors): phone numbers masked, as everywhere
      // many people read (api/cases.presenter.ts).
      const items = page.map(
        (r): NotificationView => maskFreeText({
          id: r.id,
          caseId: r.caseId,
          seq: r.seq,
          kind: r.kind,
          unitId: r.unitId,
          recipient: r.recipient,
          recipientName: r.recipientName,
          message: r.message,
          createdAt: r.createdAt.toISOString(),
          status: r.deliveredAt ? 'delivered' : r.failedAt ? 'failed' : 'pending',
          attemptCount: r.attempts,
          nextAttemptAt: r.deliveredAt || r.failedAt ? null : iso(r.nextAttemptAt),
          deliveredAt: iso(r.deliveredAt),
          failedAt: iso(r.failedAt),
          lastError: r.lastError,
          attempts: byNotice.get(r.id) ?? [],
        }),
      );
      const last = page.at(-1);
      return { items, nextCursor: rows.length > q.limit && last ? encodeNotificationCursor(last.id) : null };
    },
  };
}
export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
