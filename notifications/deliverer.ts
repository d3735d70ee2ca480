/**
 * Delivers the outbox (`notifications`) the case workflow writes: claims due notices, resolves who receives them
 * (recipients.ts), sends them through a channel (channels.ts), and records every attempt. It runs beside the
 * worker, outside any workflow: a notice that cannot be delivered never holds up a case.
 *
 * Exactly once per notice, with any number of deliverers on the same database:
 * 1. **Claim** in one statement: the due rows (`FOR UPDATE SKIP LOCKED`, so two deliverers never wait on or take
 *    the same row) get `attempts + 1` and `next_attempt_at = now() + lease`. Once that commits, the rows are no
 *    longer due for anyone else until the lease runs out; no lock is held while sending.
 * 2. **Send** outside any transaction. A send starts only while the lease has time for the whole send left (the
 *    channel's timeout); rows the pass cannot start in time, or claimed while stopping, are handed back unsent.
 * 3. **Finish** in one transaction: the attempt row, then delivered (`delivered_at`, `recipient_name`), the next
 *    attempt (`next_attempt_at` after an exponential backoff with jitter), or given up (`failed_at`: a permanent
 *    failure, or `maxAttempts` reached). The update only applies to the claim it finishes (same `attempts`), so
 *    a deliverer that lost its claim cannot overwrite a newer one.
 * A deliverer that dies mid-send leaves the row claimed; it is due again when the lease runs out and is sent again.
 * So the receiver may see a notice twice in that case only: delivery to the receiver is at least once, exactly
 * once for a receiver that deduplicates by the `X-Hotline-Notification-Id` idempotency key.
 *
 * The notices that hand the complainant their verification code (受理告知, a code resend) get it here, at send time:
 * `caseCode(caseCodeSecret, caseId)`, added to the message and as `verificationCode`. It is never written to the
 * outbox, the attempts or a log line (the log channel masks it): only the channel's receiver sees it.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { notificationAttempts, notifications } from '../db/schema.js';
import { maskPhonesInText } from '../domain/pii.js';
import { caseCode } from '../platform/auth-keys.js';
import type { DeliveryResult, NotificationChannel, NotificationLogger, OutgoingNotification } from './channels.js';
import { createRecipientLoader, recordedName, resolveRecipient, type RecipientData } from './recipients.js';

export interface BackoffOptions {
  /** Delay before the second attempt. */
  initialMs: number;
  /** The longest delay. */
  maxMs: number;
  /** Each further delay is this many times the previous one. */
  factor: number;
  /** Up to this fraction is taken off each delay at random (default 0.2), so retries spread out. */
  jitter?: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 30_000, maxMs: 30 * 60_000, factor: 2, jitter: 0.2 };

/**
 * The wait after failed attempt `attempt` (1-based): initialMs × factor^(attempt-1), at most maxMs, less up to
 * `jitter` of it at random. With factor ≥ 1 / (1 - jitter) every delay is longer than the one before.
 */
export function backoffDelay(attempt: number, b: BackoffOptions, random: () => number = Math.random): number {
  const base = Math.min(b.maxMs, b.initialMs * b.factor ** Math.max(0, attempt - 1));
  const jitter = Math.min(1, Math.max(0, b.jitter ?? 0.2));
  return Math.max(0, Math.round(base * (1 - jitter * random())));
}

export interface DelivererOptions {
  db: Database;
  channel: NotificationChannel;
  logger: NotificationLogger;
  /** Notices claimed per pass (default 100). */
  batchSize?: number;
  /** Pause between passes when the last one found fewer than a batch (default 1000 ms). */
  pollMs?: number;
  /** Attempts before a notice is given up (default 8). */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  /** How long a claim keeps a notice from other deliverers (default 2 minutes; must outlast a send). */
  leaseMs?: number;
  /** Sends at once within a pass (default 4). */
  concurrency?: number;
  /** For tests: the jitter's randomness. */
  random?: () => number;
  /**
   * The secret complainants' verification codes are derived from (CASE_CODE_SECRET, the API's): the code goes out
   * with the notices of CODE_NOTICE_KINDS to the complainant. Without it (tools, tests) those go without a code.
   */
  caseCodeSecret?: Buffer;
}

/** Notices that hand the complainant their verification code. */
export const CODE_NOTICE_KINDS: readonly string[] = ['acceptance', 'code_resend'];

/** The message of a notice that carries the code: what the complainant reads (an SMS). */
export function withVerificationCode(message: string, code: string): string {
  return `${message}，查询码 ${code}（凭工单号和查询码可在网上查询办理进度、评价办理结果；请妥善保管，工作人员不会向您索要）`;
}

export interface NotificationDeliverer {
  /** Runs passes until stop(): at once while there are full batches, every pollMs otherwise. */
  start(): void;
  /** Graceful: no new sends, the ones in flight finish and are recorded, unsent claims are handed back. */
  stop(): Promise<void>;
  /** One pass: claims due notices and tries each once. Returns how many it tried (or gave up on). */
  deliverDue(): Promise<number>;
}

type Row = typeof notifications.$inferSelect;

/** Time a send may need beyond the channel's timeout before the lease is at risk (finishing, clock steps). */
const LEASE_MARGIN_MS = 5_000;

export function createNotificationDeliverer(options: DelivererOptions): NotificationDeliverer {
  const { db, channel, logger } = options;
  const batchSize = options.batchSize ?? 100;
  const pollMs = options.pollMs ?? 1_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const leaseMs = options.leaseMs ?? 120_000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const random = options.random ?? Math.random;
  const codeSecret = options.caseCodeSecret;
  const sendBudgetMs = (channel.timeoutMs ?? 30_000) + LEASE_MARGIN_MS;
  if (leaseMs <= sendBudgetMs) throw new Error(`leaseMs (${leaseMs}) must be longer than the channel's timeout plus ${LEASE_MARGIN_MS} ms`);
  const loader = createRecipientLoader(db);

  let draining = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  /** Step 1: claim up to a batch of due notices (one statement; see the file comment). */
  async function claim(): Promise<Row[]> {
    const due = sql`
      select ${notifications.id} from ${notifications}
      where ${notifications.deliveredAt} is null and ${notifications.failedAt} is null
        and coalesce(${notifications.nextAttemptAt}, ${notifications.createdAt}) <= now()
      order by coalesce(${notifications.nextAttemptAt}, ${notifications.createdAt})
      limit ${batchSize}
      for update skip locked`;
    const rows = await db
      .update(notifications)
      .set({ attempts: sql`${notifications.attempts} + 1`, nextAttemptAt: sql`now() + ${leaseMs}::double precision * interval '1 millisecond'` })
      .where(sql`${notifications.id} in (${due})`)
      .returning();
    return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
  }

  /** The claim this deliverer holds on a row: still undelivered, not given up, and not claimed again since. */
  const stillOurs = (row: Row) =>
    and(eq(notifications.id, row.id), eq(notifications.attempts, row.attempts), isNull(notifications.deliveredAt), isNull(notifications.failedAt));

  /** Hands claims back unsent: due at once, the attempt not counted. */
  async function release(rows: Row[]): Promise<void> {
    for (const row of rows) {
      await db
        .update(notifications)
        .set({ attempts: sql`${notifications.attempts} - 1`, nextAttemptAt: sql`now()` })
        .where(stillOurs(row));
    }
  }

  /** Step 3: the attempt and its outcome, in one transaction. */
  async function finish(row: Row, attempt: { at: Date; durationMs: number; result: DeliveryResult; recipientName: string | null }): Promise<'delivered' | 'retry' | 'failed'> {
    const { result } = attempt;
    const error = result.ok ? null : maskPhonesInText(result.error).slice(0, 500);
    const outcome = result.ok ? 'delivered' : result.retryable && row.attempts < maxAttempts ? 'retry' : 'failed';
    await db.transaction(async (tx) => {
      await tx.insert(notificationAttempts).values({
        notificationId: row.id,
        channel: channel.name,
        attempt: row.attempts,
        at: attempt.at,
        ok: result.ok,
        statusCode: result.statusCode,
        error,
        durationMs: attempt.durationMs,
      });
      if (outcome === 'delivered') {
        // It reached the receiver: that stands even if the claim was lost meanwhile.
        await tx
          .update(notifications)
          .set({ deliveredAt: sql`now()`, recipientName: attempt.recipientName, nextAttemptAt: null, failedAt: null, lastError: null })
          .where(and(eq(notifications.id, row.id), isNull(notifications.deliveredAt)));
      } else if (outcome === 'retry') {
        const wait = Math.min(backoff.maxMs, Math.max(backoffDelay(row.attempts, backoff, random), result.ok ? 0 : (result.retryAfterMs ?? 0)));
        await tx
          .update(notifications)
          .set({ nextAttemptAt: sql`now() + ${wait}::double precision * interval '1 millisecond'`, lastError: error, recipientName: attempt.recipientName })
          .where(stillOurs(row));
      } else {
        await tx
          .update(notifications)
          .set({ failedAt: sql`now()`, nextAttemptAt: null, lastError: error, recipientName: attempt.recipientName })
          .where(stillOurs(row));
      }
    });
    return outcome;
  }

  /** Step 2 for one claimed row: resolve, send, finish. */
  async function deliver(row: Row, data: RecipientData): Promise<void> {
    const log = { notificationId: row.id, caseId: row.caseId, kind: row.kind, recipient: row.recipient, attempt: row.attempts };
    if (row.attempts > maxAttempts) {
      // Claimed again after a deliverer died during its last attempt: nothing more to try.
      await db
        .update(notifications)
        .set({ failedAt: sql`now()`, nextAttemptAt: null, lastError: sql`coalesce(${notifications.lastError}, 'the last attempt was interrupted')` })
        .where(stillOurs(row));
      logger.warn(log, 'notice given up: its last attempt was interrupted');
      return;
    }
    const at = new Date();
    const started = performance.now();
    const resolved = resolveRecipient(row, data.cases.get(row.caseId), data.units);
    let result: DeliveryResult;
    let recipientName: string | null = null;
    if (!resolved.ok) {
      result = { ok: false, retryable: resolved.retryable, statusCode: null, error: `recipient: ${resolved.error}` };
    } else {
      recipientName = recordedName(resolved.to);
      // The complainant's code, only in this message (never in the row, the attempt or a log line).
      const code = codeSecret && resolved.to.kind === 'complainant' && CODE_NOTICE_KINDS.includes(row.kind) ? caseCode(codeSecret, row.caseId) : undefined;
      const message: OutgoingNotification = {
        id: row.id,
        caseId: row.caseId,
        seq: row.seq,
        kind: row.kind,
        unitId: row.unitId,
        message: code ? withVerificationCode(row.message, code) : row.message,
        createdAt: row.createdAt.toISOString(),
        attempt: row.attempts,
        to: resolved.to,
        ...(code && { verificationCode: code }),
      };
      try {
        result = await channel.send(message);
      } catch (err) {
        // A channel should answer with a result; a throw is taken as a retryable failure, its text kept short.
        result = { ok: false, retryable: true, statusCode: null, error: `channel: ${err instanceof Error ? err.name : 'error'}` };
      }
    }
    const durationMs = Math.round(performance.now() - started);
    try {
      const outcome = await finish(row, { at, durationMs, result, recipientName });
      if (outcome === 'failed') logger.warn({ ...log, statusCode: result.statusCode, error: result.ok ? null : result.error }, 'notice given up');
      else if (outcome === 'retry') logger.info({ ...log, statusCode: result.statusCode, error: result.ok ? null : result.error }, 'notice will be retried');
    } catch (err) {
      // Sent but not recorded: the claim runs out and the notice goes again (the receiver deduplicates by id).
      logger.error({ ...log, err: err instanceof Error ? err.message : String(err) }, 'could not record a delivery attempt');
    }
  }

  async function deliverDue(): Promise<number> {
    const claimedAt = Date.now();
    const rows = await claim();
    if (rows.length === 0) return 0;
    let data: RecipientData;
    try {
      data = await loader.load(rows);
    } catch (err) {
      await release(rows).catch(() => {});
      throw err;
    }
    let next = 0;
    let tried = 0;
    const unsent: Row[] = [];
    const lane = async () => {
      for (;;) {
        const row = rows[next++];
        if (!row) return;
        if (draining || Date.now() > claimedAt + leaseMs - sendBudgetMs) {
          unsent.push(row);
          continue;
        }
        await deliver(row, data);
        tried += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, lane));
    if (unsent.length) await release(unsent);
    return tried;
  }

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => ((wake = null), resolve()), ms);
      wake = () => (clearTimeout(timer), (wake = null), resolve());
    });

  return {
    start() {
      if (loop) return;
      draining = false;
      loop = (async () => {
        while (!draining) {
          let tried = 0;
          try {
            tried = await deliverDue();
          } catch (err) {
            logger.error({ err: err instanceof Error ? err.message : String(err) }, 'notification pass failed; retrying');
          }
          if (!draining && tried < batchSize) await sleep(pollMs);
        }
      })();
    },
    async stop() {
      if (!loop) return;
      draining = true;
      wake?.();
      await loop;
      loop = null;
      draining = false;
    },
    deliverDue,
  };
}
