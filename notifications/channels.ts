/**
 * Where notices go: a channel sends one notice and says how it went. Two channels:
 * - **log** (the default): one log line per notice, personal data and the verification code masked. What
 *   `npm start` uses, so a developer sees every notice the workflow decided to send.
 * - **webhook**: a signed JSON POST to a configured URL (an SMS gateway, an office system). The receiver checks
 *   `X-Hotline-Signature` with `verifySignature` and deduplicates by `X-Hotline-Notification-Id`: delivery is at
 *   least once (a crash between the receiver's answer and the record of it sends the notice again).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { maskName, maskPhone, maskPhonesInText } from '../domain/pii.js';
import type { ResolvedRecipient } from './recipients.js';

/** One notice on its way: the outbox row, its attempt number and who it resolved to. */
export interface OutgoingNotification {
  /** The outbox row's id: the receiver's idempotency key. */
  id: number;
  caseId: string;
  /** The case event that caused it. */
  seq: number;
  kind: string;
  /** The unit the notice is about (the outbox's unit_id). */
  unitId: string | null;
  message: string;
  createdAt: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** The complainant's name and phone when `to.kind` is `complainant`: personal data, for the channel only. */
  to: ResolvedRecipient;
  /**
   * The complainant's verification code, on the notices that hand it to them (受理告知 and a code resend; the
   * message says it too). A secret like a password: computed at send time, never stored, never logged in clear.
   */
  verificationCode?: string;
}

export type DeliveryResult =
  | { ok: true; statusCode: number | null }
  | {
      ok: false;
      /** true: try again later (5xx, 408, 429, network error, timeout); false: it will never go through. */
      retryable: boolean;
      statusCode: number | null;
      /** Why, without personal data: it is stored with the attempt and logged. */
      error: string;
      /** The receiver asked for at least this long before the next attempt (Retry-After). */
      retryAfterMs?: number;
    };

export interface NotificationChannel {
  name: string;
  /** How long one send may take at most (the deliverer's lease must outlast it); unset: 30 s. */
  timeoutMs?: number;
  send(message: OutgoingNotification): Promise<DeliveryResult>;
}

/** The part of a pino logger the notifications code uses. */
export interface NotificationLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Who a notice went to, as a log line may show it: the complainant masked (张*, 138****5678). */
export function maskedRecipient(to: ResolvedRecipient): { role: string; kind: string; name: string; contact: string; unitId: string | null } {
  const masked = to.kind === 'complainant';
  return {
    role: to.role,
    kind: to.kind,
    name: masked ? maskName(to.name) : to.name,
    contact: masked ? maskPhone(to.phone) : to.phone,
    unitId: to.unitId,
  };
}

/** A verification code as a log line may show it: like a short phone number, only its last 2 digits (******78). */
export const maskCode = (code: string): string => maskPhone(code);

/** The notice's text as a log line may show it: the verification code and phone numbers masked. */
function maskedMessage(m: OutgoingNotification): string {
  const text = m.verificationCode ? m.message.split(m.verificationCode).join(maskCode(m.verificationCode)) : m.message;
  return maskPhonesInText(text);
}

/** The log channel: one info line per notice; always delivered. */
export function createLogChannel(logger: NotificationLogger): NotificationChannel {
  return {
    name: 'log',
    timeoutMs: 1_000,
    async send(m) {
      logger.info(
        {
          notification: {
            id: m.id,
            caseId: m.caseId,
            seq: m.seq,
            kind: m.kind,
            unitId: m.unitId,
            attempt: m.attempt,
            to: maskedRecipient(m.to),
            message: maskedMessage(m),
            ...(m.verificationCode && { verificationCode: maskCode(m.verificationCode) }),
          },
        },
        `notice ${m.kind} for case ${m.caseId} to ${m.to.role}`,
      );
      return { ok: true, statusCode: null };
    },
  };
}

export const SIGNATURE_HEADER = 'x-hotline-signature';
export const NOTIFICATION_ID_HEADER = 'x-hotline-notification-id';

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. */
export function signatureHeader(secret: string, body: string, nowMs = Date.now()): string {
  const t = Math.floor(nowMs / 1000);
  return `t=${t},v1=${hmac(secret, t, body)}`;
}

function hmac(secret: string, t: number | string, body: string): string {
  return createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
}

/**
 * For receivers (and tests): whether `header` is a valid signature of `body` (the raw request body, exactly as
 * received) made with `secret` no more than `toleranceSeconds` from now. Any of several `v1=` entries may match
 * (a sender rotating its secret). Constant-time comparison.
 */
export function verifySignature(secret: string, header: string | undefined | null, body: string, toleranceSeconds = 300, nowMs = Date.now()): boolean {
  if (!header) return false;
  let t: string | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return false;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') t = value;
    else if (key === 'v1') signatures.push(value);
  }
  if (t === undefined || !/^\d{1,12}$/.test(t) || signatures.length === 0) return false;
  if (Math.abs(nowMs / 1000 - Number(t)) > toleranceSeconds) return false;
  const expected = Buffer.from(hmac(secret, t, body), 'hex');
  return signatures.some((s) => {
    if (!/^[0-9a-f]{64}$/i.test(s)) return false;
    return timingSafeEqual(Buffer.from(s, 'hex'), expected);
  });
}

/** How an HTTP status is taken: 2xx delivered; 408, 429 and everything not 4xx retried; other 4xx given up. */
export function classifyStatus(status: number): 'delivered' | 'retryable' | 'permanent' {
  if (status >= 200 && status < 300) return 'delivered';
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) return 'permanent';
  return 'retryable';
}

/** Retry-After as seconds or an HTTP date, in milliseconds from now (undefined when absent or unreadable). */
export function retryAfterMs(value: string | null, nowMs = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * The JSON a webhook receiver gets. The complainant's name and phone are in it (受理告知 goes to them), and on the
 * notices that hand it to them their verification code (`verificationCode`, null on every other notice).
 */
export function webhookBody(m: OutgoingNotification): string {
  return JSON.stringify({
    id: m.id,
    caseId: m.caseId,
    seq: m.seq,
    kind: m.kind,
    unitId: m.unitId,
    recipient: { role: m.to.role, kind: m.to.kind, name: m.to.name, phone: m.to.phone, unitId: m.to.unitId, unitName: m.to.unitName },
    message: m.message,
    verificationCode: m.verificationCode ?? null,
    createdAt: m.createdAt,
    attempt: m.attempt,
  });
}

export interface WebhookChannelOptions {
  url: string;
  /** The HMAC key (≥ 32 characters; platform/config.ts checks). */
  secret: string;
  /** Per request; default 5 s. */
  timeoutMs?: number;
}

/** Why a fetch failed, without the request (no body, no personal data): a timeout or the network error's code. */
function networkError(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `timeout: no answer in ${timeoutMs} ms`;
  const reason = e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
  return `network: ${maskPhonesInText(String(reason)).slice(0, 200)}`;
}

/** The webhook channel: POST JSON, HMAC-signed, with a timeout; see classifyStatus for how answers are taken. */
export function createWebhookChannel(options: WebhookChannelOptions): NotificationChannel {
  const timeoutMs = options.timeoutMs ?? 5_000;
  return {
    name: 'webhook',
    timeoutMs,
    async send(m) {
      const body = webhookBody(m);
      let res: Response;
      try {
        res = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'hotline-notifications/1',
            [SIGNATURE_HEADER]: signatureHeader(options.secret, body),
            [NOTIFICATION_ID_HEADER]: String(m.id),
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        return { ok: false, retryable: true, statusCode: null, error: networkError(err, timeoutMs) };
      }
      // The answer's body is not read (it may echo the notice): drop it so the connection is freed.
      await res.body?.cancel().catch(() => {});
      const outcome = classifyStatus(res.status);
      if (outcome === 'delivered') return { ok: true, statusCode: res.status };
      const wait = retryAfterMs(res.headers.get('retry-after'));
      return {
        ok: false,
        retryable: outcome === 'retryable',
        statusCode: res.status,
        error: `HTTP ${res.status}`,
        ...(outcome === 'retryable' && wait !== undefined && { retryAfterMs: wait }),
      };
    },
  };
}

export type ChannelName = 'log' | 'webhook';

/** The channel configuration names (NOTIFY_CHANNEL and the webhook's URL and secret). */
export function createChannel(
  options: { channel: ChannelName; webhookUrl?: string | undefined; webhookSecret?: string | undefined; timeoutMs?: number },
  logger: NotificationLogger,
): NotificationChannel {
  if (options.channel === 'log') return createLogChannel(logger);
  if (!options.webhookUrl || !options.webhookSecret) throw new Error('the webhook channel needs a URL and a secret');
  return createWebhookChannel({ url: options.webhookUrl, secret: options.webhookSecret, ...(options.timeoutMs && { timeoutMs: options.timeoutMs }) });
}
