/**
 * A webhook receiver for the notification deliverer (notifications/channels.ts, the webhook channel), run by
 * `npm run bench:deadlines` on 127.0.0.1: answers 200 to every POST and counts the hits per
 * `X-Hotline-Notification-Id`, with the notice's kind and case from the body, the time of the first hit and whether
 * the HMAC signature (`X-Hotline-Signature: t=<unix s>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`) checks out.
 * Written against the wire format only, so the bench does not import the deliverer.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedNotice {
  id: string;
  kind: string;
  caseId: string;
  /** Times this id arrived: more than 1 is a duplicate. */
  hits: number;
  /** Wall clock of the first arrival (ms). */
  firstAt: number;
}

export interface WebhookReceiver {
  url: string;
  /** Every id seen so far. */
  notices: ReadonlyMap<string, ReceivedNotice>;
  /** Requests without an id header, with an unreadable body or a bad signature. */
  rejected: { missingId: number; badBody: number; badSignature: number };
  close(): Promise<void>;
}

function signatureOk(secret: string, header: string | undefined, body: string): boolean {
  if (!header) return false;
  let t: string | undefined;
  const sigs: string[] = [];
  for (const part of header.split(',')) {
    const [k, v] = part.split('=', 2).map((s) => s.trim());
    if (k === 't') t = v;
    else if (k === 'v1' && v) sigs.push(v);
  }
  if (!t || sigs.length === 0) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return sigs.some((s) => /^[0-9a-f]{64}$/i.test(s) && timingSafeEqual(Buffer.from(s, 'hex'), expected));
}

export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  const notices = new Map<string, ReceivedNotice>();
  const rejected = { missingId: 0, badBody: 0, badSignature: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      const body = Buffer.concat(chunks).toString('utf8');
      const idHeader = req.headers['x-hotline-notification-id'];
      const id = Array.isArray(idHeader) ? idHeader[0] : idHeader;
      const sig = req.headers['x-hotline-signature'];
      if (!signatureOk(secret, Array.isArray(sig) ? sig[0] : sig, body)) rejected.badSignature += 1;
      if (!id) {
        rejected.missingId += 1;
      } else {
        let kind = '?';
        let caseId = '?';
        try {
          const parsed = JSON.parse(body) as { kind?: unknown; caseId?: unknown };
          kind = String(parsed.kind);
          caseId = String(parsed.caseId);
        } catch {
          rejected.badBody += 1;
        }
        const seen = notices.get(id);
        if (seen) seen.hits += 1;
        else notices.set(id, { id, kind, caseId, hits: 1, firstAt: at });
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/notices`,
    notices,
    rejected,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What a worker child needs to deliver its notices to `receiver` through the webhook channel, signed with `secret`. */
export function webhookWorkerEnv(receiver: Pick<WebhookReceiver, 'url'>, secret: string): Record<string, string> {
  return { NOTIFY_CHANNEL: 'webhook', NOTIFY_WEBHOOK_URL: receiver.url, NOTIFY_WEBHOOK_SECRET: secret };
}
