import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  classifyStatus,
  createLogChannel,
  createWebhookChannel,
  retryAfterMs,
  signatureHeader,
  verifySignature,
  webhookBody,
  type OutgoingNotification,
} from './channels.js';
import { withVerificationCode } from './deliverer.js';

const SECRET = 'a-test-secret-of-at-least-32-characters!';

const toComplainant: OutgoingNotification = {
  id: 42,
  caseId: 'HL0000000000000001',
  seq: 1,
  kind: 'acceptance',
  unitId: null,
  message: '您的诉求已受理，工单号 HL0000000000000001',
  createdAt: '2026-03-02T01:00:00.000Z',
  attempt: 1,
  to: { role: 'complainant', kind: 'complainant', name: '张三丰', phone: '13812345678', unitId: null, unitName: null },
};

describe('signature', () => {
  const body = '{"id":1}';
  const now = Date.UTC(2026, 2, 2, 1, 0, 0);

  it('t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">, verified by the receiver helper', () => {
    const header = signatureHeader(SECRET, body, now);
    expect(header).toMatch(/^t=\d{10},v1=[0-9a-f]{64}$/);
    expect(header.startsWith(`t=${now / 1000},`)).toBe(true);
    expect(verifySignature(SECRET, header, body, 300, now)).toBe(true);
  });

  it('refuses another body, another secret, an old or future timestamp, and malformed headers', () => {
    const header = signatureHeader(SECRET, body, now);
    expect(verifySignature(SECRET, header, '{"id":2}', 300, now)).toBe(false);
    expect(verifySignature(`${SECRET}x`, header, body, 300, now)).toBe(false);
    expect(verifySignature(SECRET, header, body, 300, now + 301_000)).toBe(false);
    expect(verifySignature(SECRET, header, body, 300, now - 301_000)).toBe(false);
    expect(verifySignature(SECRET, header, body, 300, now + 299_000)).toBe(true);
    for (const bad of [undefined, '', 'garbage', `v1=${'0'.repeat(64)}`, `t=${now / 1000}`, `t=abc,v1=${'0'.repeat(64)}`, `t=${now / 1000},v1=zz`]) {
      expect(verifySignature(SECRET, bad, body, 300, now), String(bad)).toBe(false);
    }
  });

  it('any of several v1 signatures may match (a sender rotating its secret)', () => {
    const header = signatureHeader(SECRET, body, now);
    const old = signatureHeader('an-older-secret-also-32-characters-long', body, now).split(',')[1];
    expect(verifySignature(SECRET, `${header},${old}`, body, 300, now)).toBe(true);
    expect(verifySignature(SECRET, `t=${now / 1000},${old}`, body, 300, now)).toBe(false);
  });
});

describe('status classification and Retry-After', () => {
  it('2xx delivered; 4xx but 408/429 permanent; 5xx, 408, 429 and the rest retried', () => {
    expect([200, 201, 204, 299].map(classifyStatus)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);
    expect([400, 401, 403, 404, 410, 422].map(classifyStatus)).toEqual(Array(6).fill('permanent'));
    expect([408, 429, 500, 502, 503, 504, 301, 100].map(classifyStatus)).toEqual(Array(8).fill('retryable'));
  });

  it('Retry-After in seconds or as a date', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(retryAfterMs('7', now)).toBe(7_000);
    expect(retryAfterMs(new Date(now + 30_000).toUTCString(), now)).toBe(30_000);
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});

describe('log channel', () => {
  it('one line per notice, the complainant masked, phone numbers in the text masked', async () => {
    const lines: Array<{ obj: object; msg?: string }> = [];
    const logger = { info: (obj: object, msg?: string) => lines.push({ obj, msg }), warn() {}, error() {} };
    const result = await createLogChannel(logger).send({ ...toComplainant, message: '请拨打 13912345678 联系' });
    expect(result).toEqual({ ok: true, statusCode: null });
    expect(lines).toHaveLength(1);
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain('张三丰');
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('13912345678');
    expect(lines[0]!.obj).toMatchObject({ notification: { id: 42, kind: 'acceptance', to: { name: '张**', contact: '138****5678' }, message: '请拨打 139****5678 联系' } });
  });

  it('the verification code of a 受理告知 is masked like a phone number, in the text and in its own field', async () => {
    const lines: object[] = [];
    const logger = { info: (obj: object) => lines.push(obj), warn() {}, error() {} };
    const code = '04817263';
    await createLogChannel(logger).send({ ...toComplainant, message: withVerificationCode(toComplainant.message, code), verificationCode: code });
    expect(JSON.stringify(lines)).not.toContain(code);
    expect(lines[0]).toMatchObject({ notification: { verificationCode: '******63', message: expect.stringContaining('查询码 ******63') } });
  });

  it('a leader is named in clear (staff, not complainant data)', async () => {
    const lines: object[] = [];
    const logger = { info: (obj: object) => lines.push(obj), warn() {}, error() {} };
    await createLogChannel(logger).send({
      ...toComplainant,
      kind: 'escalation',
      to: { role: 'district', kind: 'leader', name: '区长 胡振华', phone: '0599-8810 1000', unitId: 'd01', unitName: '江城区人民政府' },
    });
    expect(lines[0]).toMatchObject({ notification: { to: { name: '区长 胡振华', contact: '0599-8810 1000' } } });
  });
});

describe('webhook channel (a receiver on the loopback)', () => {
  let answer: (req: IncomingMessage, res: ServerResponse, body: string) => void = (_q, res) => res.end();
  const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      answer(req, res, body);
    });
  });
  let url = '';

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('POSTs the notice as signed JSON with its id as idempotency key', async () => {
    answer = (_q, res) => res.writeHead(204).end();
    const result = await createWebhookChannel({ url, secret: SECRET }).send(toComplainant);
    expect(result).toEqual({ ok: true, statusCode: 204 });
    const got = received.at(-1)!;
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['x-hotline-notification-id']).toBe('42');
    expect(verifySignature(SECRET, got.headers['x-hotline-signature'] as string, got.body, 60)).toBe(true);
    expect(got.body).toBe(webhookBody(toComplainant));
    // The receiver (an SMS gateway) needs the complainant's contact to send 受理告知.
    expect(JSON.parse(got.body)).toMatchObject({ id: 42, caseId: toComplainant.caseId, kind: 'acceptance', recipient: { kind: 'complainant', phone: '13812345678' } });
    // A notice without a code says so (the field is always there).
    expect(JSON.parse(got.body).verificationCode).toBeNull();
  });

  it('a notice handing the complainant their code carries it in the body, for the receiver alone', async () => {
    answer = (_q, res) => res.writeHead(200).end();
    const code = '90412785';
    await createWebhookChannel({ url, secret: SECRET }).send({ ...toComplainant, message: withVerificationCode(toComplainant.message, code), verificationCode: code });
    const body = JSON.parse(received.at(-1)!.body);
    expect(body).toMatchObject({ verificationCode: code, message: expect.stringContaining(`查询码 ${code}`) });
    expect(Object.keys(body)).toEqual(['id', 'caseId', 'seq', 'kind', 'unitId', 'recipient', 'message', 'verificationCode', 'createdAt', 'attempt']);
  });

  it('5xx, 408 and 429 are retried (with Retry-After), other 4xx are permanent', async () => {
    const channel = createWebhookChannel({ url, secret: SECRET });
    for (const [status, retryable] of [[500, true], [503, true], [408, true], [429, true], [400, false], [404, false], [422, false]] as const) {
      answer = (_q, res) => res.writeHead(status, status === 429 ? { 'retry-after': '3' } : {}).end('{"echo":"13812345678"}');
      const result = await channel.send(toComplainant);
      expect(result, String(status)).toEqual({ ok: false, retryable, statusCode: status, error: `HTTP ${status}`, ...(status === 429 && { retryAfterMs: 3_000 }) });
    }
  });

  it('a timeout and a refused connection are retryable, their errors name no data', async () => {
    answer = () => {}; // never answers
    const slow = await createWebhookChannel({ url, secret: SECRET, timeoutMs: 200 }).send(toComplainant);
    expect(slow).toEqual({ ok: false, retryable: true, statusCode: null, error: 'timeout: no answer in 200 ms' });

    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const down = await createWebhookChannel({ url: `http://127.0.0.1:${port}/`, secret: SECRET }).send(toComplainant);
    expect(down).toMatchObject({ ok: false, retryable: true, statusCode: null, error: expect.stringMatching(/^network: /) });
    expect(JSON.stringify(down)).not.toContain('13812345678');
  });
});
