/**
 * Delivery of the outbox through the real stack: cases opened and driven over HTTP write notices, a deliverer
 * sends them as signed webhooks to a real HTTP receiver on the loopback, and the record shows every attempt.
 * Each case gets its own receiver behaviour (its number is known before it opens: it derives from the
 * Idempotency-Key), so the scenarios share one stack and one receiver.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseIdFor } from '../api/cases.service.js';
import { notificationAttempts, notifications } from '../db/schema.js';
import { createWebhookChannel, verifySignature, type NotificationChannel } from '../notifications/channels.js';
import { createNotificationDeliverer } from '../notifications/deliverer.js';
import { act, eventually, openCase } from './support/cases.js';
import { startStack, type TestStack } from './support/stack.js';

const SECRET = 'notifications-test-secret-0123456789abcdef';
const MAX_ATTEMPTS = 4;
const BACKOFF = { initialMs: 100, maxMs: 2_000, factor: 3, jitter: 0.2 };

interface Hit {
  id: string;
  caseId: string;
  body: Record<string, any>;
  signed: boolean;
  status: number;
}

/** The receiver: answers per case (by the hit number of each notice), verifies and records every request. */
const behaviour = new Map<string, (hitOfNotice: number) => number | Promise<number>>();
const hits: Hit[] = [];
/** Notification ids of requests as they arrive (before they are answered). */
const arrived: string[] = [];
const hitsOf = (notificationId: number | string) => hits.filter((h) => h.id === String(notificationId));
let receiver: Server;
let receiverUrl = '';
/** Cases whose notices go to an address where nothing listens. */
const down = new Set<string>();
let downUrl = '';

let stack: TestStack;

async function listen(server: Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', async () => {
      const body = JSON.parse(raw) as Record<string, any>;
      const id = String(req.headers['x-hotline-notification-id']);
      arrived.push(id);
      const answer = behaviour.get(body.caseId) ?? (() => 200);
      const status = await answer(hitsOf(id).length + 1);
      hits.push({ id, caseId: body.caseId, body, signed: verifySignature(SECRET, req.headers['x-hotline-signature'] as string, raw, 60), status });
      res.writeHead(status).end();
    });
  });
  receiverUrl = `http://127.0.0.1:${await listen(receiver)}/hotline`;
  const closed = createServer();
  downUrl = `http://127.0.0.1:${await listen(closed)}/hotline`;
  await new Promise((r) => closed.close(r));

  const live = createWebhookChannel({ url: receiverUrl, secret: SECRET, timeoutMs: 2_000 });
  const dead = createWebhookChannel({ url: downUrl, secret: SECRET, timeoutMs: 2_000 });
  const channel: NotificationChannel = { name: 'webhook', timeoutMs: 2_000, send: (m) => (down.has(m.caseId) ? dead : live).send(m) };
  stack = await startStack({ name: 'notifications', deliverer: { channel, pollMs: 20, maxAttempts: MAX_ATTEMPTS, backoff: BACKOFF } });
});

afterAll(async () => {
  await stack?.close();
  receiver?.closeAllConnections();
  await new Promise((r) => receiver?.close(r));
});

/** Opens a case whose notices the receiver answers with `answer` (its number is known before it opens). */
async function openWith(answer?: (hitOfNotice: number) => number | Promise<number>, options: { down?: boolean } = {}): Promise<string> {
  const key = randomUUID();
  // The stack's default caller (every staff role, subject test-all-roles) opens it: the key is scoped to it.
  const id = caseIdFor({ kind: 'header', caller: 'test-all-roles', key });
  if (answer) behaviour.set(id, answer);
  if (options.down) down.add(id);
  expect(await openCase(stack, {}, { 'idempotency-key': key })).toBe(id);
  return id;
}

const rowsOf = (caseId: string) => stack.database.db.select().from(notifications).where(eq(notifications.caseId, caseId)).orderBy(asc(notifications.id));
const attemptsOf = (id: number) =>
  stack.database.db.select().from(notificationAttempts).where(eq(notificationAttempts.notificationId, id)).orderBy(asc(notificationAttempts.attempt));

describe('signed webhooks to the people the unit data names', () => {
  it('a case’s acceptance, copy and escalation reach the receiver signed, each once, addressed from the unit data', async () => {
    const id = await openWith();
    await act(stack, id, 'dispatch', { unitId: 'd01-s01' });
    await act(stack, id, 'escalate', { reason: '群众多次反映，区级督办', level: 2 }, 202);

    const rows = await eventually(async () => {
      const rows = await rowsOf(id);
      expect(rows.map((r) => r.kind).sort()).toEqual(['acceptance', 'copy', 'escalation']);
      for (const r of rows) expect(r.deliveredAt, r.kind).not.toBeNull();
      return rows;
    });
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, r]));
    for (const r of rows) {
      expect(hitsOf(r.id), r.kind).toHaveLength(1);
      expect(hitsOf(r.id)[0]!.signed, r.kind).toBe(true);
      expect(r).toMatchObject({ attempts: 1, failedAt: null, lastError: null });
      expect(await attemptsOf(r.id)).toEqual([expect.objectContaining({ channel: 'webhook', attempt: 1, ok: true, statusCode: 200, error: null })]);
    }

    // The copy to d01 names d01's hotline desk.
    expect(byKind.copy).toMatchObject({ unitId: 'd01', recipient: 'handler', recipientName: '江城区人民政府 (0599-8810 1000)' });
    expect(hitsOf(byKind.copy!.id)[0]!.body).toMatchObject({
      kind: 'copy',
      recipient: { role: 'handler', kind: 'desk', name: '江城区人民政府', phone: '0599-8810 1000', unitId: 'd01' },
    });
    // The escalation to the district level names d01's head.
    expect(byKind.escalation).toMatchObject({ unitId: 'd01-s01', recipient: 'district', recipientName: '区长 胡振华' });
    expect(hitsOf(byKind.escalation!.id)[0]!.body).toMatchObject({
      kind: 'escalation',
      message: expect.stringContaining('群众多次反映'),
      recipient: { role: 'district', kind: 'leader', name: '区长 胡振华', unitId: 'd01' },
    });
    // 受理告知 goes to the complainant (the receiver needs the phone); the record keeps only a label.
    expect(hitsOf(byKind.acceptance!.id)[0]!.body).toMatchObject({ recipient: { kind: 'complainant', name: '张三', phone: '13812345678' } });
    expect(byKind.acceptance).toMatchObject({ recipient: 'complainant', recipientName: '诉求人' });
    expect(JSON.stringify(rows)).not.toMatch(/张三|13812345678/);
  });
});

describe('retries', () => {
  it('a receiver answering 500 twice then 200: delivered on the 3rd attempt, 3 attempt rows, growing delays', async () => {
    const id = await openWith((n) => (n <= 2 ? 500 : 200));
    const [row] = await eventually(async () => {
      const rows = await rowsOf(id);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.deliveredAt).not.toBeNull();
      return rows;
    });
    const attempts = await attemptsOf(row!.id);
    expect(attempts.map((a) => [a.attempt, a.ok, a.statusCode, a.error])).toEqual([
      [1, false, 500, 'HTTP 500'],
      [2, false, 500, 'HTTP 500'],
      [3, true, 200, null],
    ]);
    const [a1, a2, a3] = attempts.map((a) => a.at.getTime()) as [number, number, number];
    expect(a2 - a1).toBeGreaterThanOrEqual(BACKOFF.initialMs * (1 - BACKOFF.jitter) - 5);
    expect(a3 - a2).toBeGreaterThan(a2 - a1);
    expect(row).toMatchObject({ attempts: 3, failedAt: null, lastError: null, recipientName: '诉求人' });
    expect(hitsOf(row!.id).map((h) => h.status)).toEqual([500, 500, 200]);
  });

  it('a receiver that is down: the case moves on, the notices are retried, then marked failed after maxAttempts', async () => {
    const id = await openWith(undefined, { down: true });
    // Delivery is outside the case: its actions answer as usual while every notice fails.
    await act(stack, id, 'dispatch', { unitId: 'd01-s01' });
    await act(stack, id, 'accept', {});
    const rows = await eventually(async () => {
      const rows = await rowsOf(id);
      expect(rows.map((r) => r.kind).sort()).toEqual(['acceptance', 'copy']);
      for (const r of rows) expect(r.failedAt, r.kind).not.toBeNull();
      return rows;
    });
    for (const r of rows) {
      expect(r).toMatchObject({ deliveredAt: null, attempts: MAX_ATTEMPTS, nextAttemptAt: null, lastError: expect.stringMatching(/^network: /) });
      const attempts = await attemptsOf(r.id);
      expect(attempts.map((a) => [a.attempt, a.ok, a.statusCode])).toEqual([1, 2, 3, 4].map((n) => [n, false, null]));
    }
    expect((await stack.http('GET', `/v1/cases/${id}`)).body.status).toBe('accepted');
  });

  it('a 400 is permanent: failed at once, after one attempt', async () => {
    const id = await openWith(() => 400);
    const [row] = await eventually(async () => {
      const rows = await rowsOf(id);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.failedAt).not.toBeNull();
      return rows;
    });
    expect(row).toMatchObject({ attempts: 1, deliveredAt: null, lastError: 'HTTP 400' });
    expect((await attemptsOf(row!.id)).map((a) => [a.ok, a.statusCode])).toEqual([[false, 400]]);
    await new Promise((r) => setTimeout(r, 300));
    expect(hitsOf(row!.id)).toHaveLength(1);
  });
});

describe('several deliverers', () => {
  it('two deliverers over the same rows deliver each notice exactly once', async () => {
    const id = await openWith();
    await eventually(async () => expect((await rowsOf(id)).map((r) => r.deliveredAt !== null)).toEqual([true]));
    // Only the two under test take rows meanwhile.
    await stack.deliverer!.stop();
    try {
      const now = new Date();
      const inserted = await stack.database.db
        .insert(notifications)
        .values(Array.from({ length: 150 }, (_, i) => ({ caseId: id, seq: 1_000 + i, kind: 'overdue_notice', unitId: null, recipient: 'city', message: `通报 ${i}`, createdAt: now })))
        .returning({ id: notifications.id });
      const ids = inserted.map((r) => r.id);
      // A receiver a little slow, so the two passes overlap.
      behaviour.set(id, () => new Promise<number>((r) => setTimeout(() => r(200), 3)));
      const live = createWebhookChannel({ url: receiverUrl, secret: SECRET });
      const make = () => createNotificationDeliverer({ db: stack.database.db, channel: live, logger: { info() {}, warn() {}, error() {} }, batchSize: 10, maxAttempts: MAX_ATTEMPTS, backoff: BACKOFF });
      const [a, b] = [make(), make()];
      const undelivered = async () =>
        (await stack.database.db.select({ id: notifications.id, deliveredAt: notifications.deliveredAt }).from(notifications).where(inArray(notifications.id, ids))).filter(
          (r) => r.deliveredAt === null,
        ).length;
      const drain = async (d: typeof a) => {
        let tried = 0;
        for (;;) {
          const n = await d.deliverDue();
          tried += n;
          if (n === 0 && (await undelivered()) === 0) return tried;
          if (n === 0) await new Promise((r) => setTimeout(r, 5));
        }
      };
      const [byA, byB] = await Promise.all([drain(a), drain(b)]);
      // (They may also have tried notices of the other tests' cases that came due meanwhile.)
      expect(byA + byB).toBeGreaterThanOrEqual(150);
      expect(byA).toBeGreaterThan(0);
      expect(byB).toBeGreaterThan(0);
      for (const n of ids) expect(hitsOf(n), `notice ${n}`).toHaveLength(1);
      const attempts = await stack.database.db.select().from(notificationAttempts).where(inArray(notificationAttempts.notificationId, ids));
      expect(attempts).toHaveLength(150);
      expect(new Set(attempts.map((x) => x.notificationId)).size).toBe(150);
      expect(hits.filter((h) => ids.includes(Number(h.id))).every((h) => h.signed && h.body.recipient.name === '市长 王建国')).toBe(true);
    } finally {
      stack.deliverer!.start();
    }
  });

  it('stop() lets a send in flight finish and records it', async () => {
    await stack.deliverer!.stop();
    try {
      const id = await openWith(() => new Promise<number>((r) => setTimeout(() => r(200), 400)));
      const [row] = await eventually(async () => {
        const rows = await rowsOf(id);
        expect(rows).toHaveLength(1);
        return rows;
      });
      const d = createNotificationDeliverer({
        db: stack.database.db,
        channel: createWebhookChannel({ url: receiverUrl, secret: SECRET }),
        logger: { info() {}, warn() {}, error() {} },
        pollMs: 10,
      });
      d.start();
      // The receiver has the request (its answer is 400 ms away) when the stop begins.
      await eventually(async () => expect(arrived).toContain(String(row!.id)), 5_000);
      const stopping = Date.now();
      await d.stop();
      expect(Date.now() - stopping).toBeGreaterThanOrEqual(200);
      const [after] = await rowsOf(id);
      expect(after!.deliveredAt).not.toBeNull();
      expect(hitsOf(row!.id)).toHaveLength(1);
      expect(await attemptsOf(row!.id)).toHaveLength(1);
    } finally {
      stack.deliverer!.start();
    }
  });
});

describe('GET /v1/notifications', () => {
  it('lists notices with their attempts, filters by case and status, pages with a cursor', async () => {
    const id = await openWith((n) => (n === 1 ? 503 : 200));
    await act(stack, id, 'dispatch', { unitId: 'd01-s01' });
    await eventually(async () => {
      const rows = await rowsOf(id);
      expect(rows).toHaveLength(2);
      for (const r of rows) expect(r.deliveredAt).not.toBeNull();
    });

    const res = await stack.http('GET', `/v1/notifications?caseId=${id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items.map((n: any) => n.kind)).toEqual(['copy', 'acceptance']);
    for (const n of res.body.items) {
      expect(n).toMatchObject({ caseId: id, status: 'delivered', attemptCount: 2, failedAt: null, nextAttemptAt: null });
      expect(n.attempts).toEqual([
        expect.objectContaining({ attempt: 1, ok: false, statusCode: 503, error: 'HTTP 503', channel: 'webhook' }),
        expect.objectContaining({ attempt: 2, ok: true, statusCode: 200, error: null }),
      ]);
    }
    expect(res.body.items[0]).toMatchObject({ unitId: 'd01', recipient: 'handler', recipientName: '江城区人民政府 (0599-8810 1000)' });
    expect(JSON.stringify(res.body)).not.toMatch(/张三|13812345678/);

    // Pages of one, newest first, through the cursor.
    const first = await stack.http('GET', `/v1/notifications?caseId=${id}&limit=1`);
    expect(first.body.items.map((n: any) => n.kind)).toEqual(['copy']);
    const second = await stack.http('GET', `/v1/notifications?caseId=${id}&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((n: any) => n.kind)).toEqual(['acceptance']);
    expect(second.body.nextCursor).toBeNull();

    // Status filters: nothing of this case failed or pending; failed notices of other cases show under failed.
    expect((await stack.http('GET', `/v1/notifications?caseId=${id}&status=failed`)).body.items).toEqual([]);
    expect((await stack.http('GET', `/v1/notifications?caseId=${id}&status=pending`)).body.items).toEqual([]);
    const failed = await stack.http('GET', '/v1/notifications?status=failed&limit=200');
    expect(failed.status).toBe(200);
    for (const n of failed.body.items) expect(n.status).toBe('failed');
  });

  it('admins and supervisors read it; an analyst gets 403; bad queries 400 as problem+json', async () => {
    expect((await stack.http('GET', '/v1/notifications', undefined, stack.as('admin'))).status).toBe(200);
    expect((await stack.http('GET', '/v1/notifications', undefined, stack.as('supervisor', 'd01'))).status).toBe(200);
    const analyst = await stack.http('GET', '/v1/notifications', undefined, stack.as('analyst'));
    expect(analyst.status).toBe(403);
    expect(analyst.headers['content-type']).toMatch(/problem\+json/);
    for (const q of ['status=lost', 'caseId=nope', 'limit=0', 'cursor=bm90LWEtY3Vyc29y', 'other=1']) {
      const res = await stack.http('GET', `/v1/notifications?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.headers['content-type'], q).toMatch(/problem\+json/);
    }
  });
});
