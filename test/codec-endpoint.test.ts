/**
 * The codec endpoint on a real stack: a case's workflow input, as Temporal keeps it (ciphertext), comes back in
 * clear through POST /codec/decode for an admin only, with a bearer token or with the codec session cookie the
 * sign-in page sets for Web UIs without a login (the dev server's); the cookie opens nothing but /codec.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoComplaint } from './support/fixtures.js';
import { startStack, type TestStack } from './support/stack.js';

const UI = 'http://127.0.0.1:8233';
const PHONE = '13511112222';
let stack: TestStack;
let caseId: string;
/** The start event's input payloads, in the codec protocol's JSON (what the Web UI sends). */
let payloads: Array<{ metadata: Record<string, string>; data: string }>;

const b64 = (u: Uint8Array | null | undefined) => Buffer.from(u ?? new Uint8Array()).toString('base64');

beforeAll(async () => {
  stack = await startStack({ name: 'codec', corsOrigins: [UI] });
  const opened = await stack.http('POST', '/v1/cases', demoComplaint({ complainant: { name: '王五', phone: PHONE } }));
  caseId = opened.body.id;
  const history = await stack.client.workflowService.getWorkflowExecutionHistory({ namespace: 'default', execution: { workflowId: caseId } });
  const input = history.history!.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads!;
  payloads = input.map((p) => ({ metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, b64(v)])), data: b64(p.data) }));
});
afterAll(async () => {
  await stack?.close();
});

const decode = (headers: Record<string, string>) => stack.http('POST', '/codec/decode', { payloads }, headers);
const clearText = (res: { body: { payloads: Array<{ data: string }> } }) => res.body.payloads.map((p) => Buffer.from(p.data, 'base64').toString('utf8')).join('');

describe('POST /codec/decode', () => {
  it('turns the ciphertext Temporal keeps into the case input, for an admin', async () => {
    expect(payloads.map((p) => Buffer.from(p.data, 'base64').toString('utf8')).join('')).not.toContain(PHONE);
    const res = await decode(stack.as('admin'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(clearText(res)).toContain(PHONE);
    expect(clearText(res)).toContain(caseId);
    // The complainant's verification code is derived when the notice goes out: it is in no workflow payload.
    expect(clearText(res)).not.toContain(stack.caseCode(caseId));
  });

  it('refuses everyone else', async () => {
    expect((await decode(stack.as('analyst'))).status).toBe(403);
    expect((await decode(stack.as(['supervisor', 'dispatcher']))).status).toBe(403);
    expect((await stack.app.inject({ method: 'POST', url: '/codec/decode', payload: { payloads } })).statusCode).toBe(401);
  });
});

describe('the codec session for Web UIs without a login', () => {
  it('keeps an admin token in an HttpOnly cookie for /codec, which the UI origin can send cross-origin', async () => {
    const page = await stack.app.inject({ method: 'GET', url: '/codec/login' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('/codec/login.js');

    const session = await stack.http('POST', '/codec/session', undefined, stack.as('admin'));
    expect(session.status).toBe(204);
    const setCookie = String(session.headers['set-cookie']);
    expect(setCookie).toMatch(/^hotline_codec=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/Path=\/codec/);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0]!;

    const preflight = await stack.app.inject({
      method: 'OPTIONS',
      url: '/codec/decode',
      headers: { origin: UI, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBe(UI);
    expect(preflight.headers['access-control-allow-credentials']).toBe('true');

    const viaCookie = await stack.app.inject({ method: 'POST', url: '/codec/decode', headers: { cookie, origin: UI, 'x-namespace': 'default' }, payload: { payloads } });
    expect(viaCookie.statusCode, viaCookie.body).toBe(200);
    expect(viaCookie.headers['access-control-allow-origin']).toBe(UI);
    expect(clearText({ body: JSON.parse(viaCookie.body) })).toContain(PHONE);

    // The cookie is no credential anywhere else.
    const elsewhere = await stack.app.inject({ method: 'GET', url: `/v1/cases/${caseId}`, headers: { cookie } });
    expect(elsewhere.statusCode).toBe(401);
  });

  it('is only for admins, and only from a person’s token', async () => {
    expect((await stack.http('POST', '/codec/session', undefined, stack.as('analyst'))).status).toBe(403);
    const { createApiKeyService } = await import('../api/api-keys.service.js');
    const { key } = await createApiKeyService(stack.database.db).create({ name: 'ops robot', roles: ['admin'], unitId: 'city' });
    const res = await stack.http('POST', '/codec/session', undefined, { 'x-api-key': key });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('headers.authorization');
  });

  it('an expired session cookie is refused with a pointer to sign in again', async () => {
    const { mintToken } = await import('../platform/auth-keys.js');
    const expired = mintToken(stack.authKeys, { sub: 'ops', roles: ['admin'], unit: 'city' }, -5);
    const res = await stack.app.inject({ method: 'POST', url: '/codec/decode', headers: { cookie: `hotline_codec=${expired}` }, payload: { payloads } });
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body).detail).toMatch(/codec\/login/);
  });
});
