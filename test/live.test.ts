/**
 * Live lists over HTTP on the real stack: GET /v1/live/cases streams server-sent events fed by the record's own
 * announcements (the trigger of migration 0011, LISTEN in the API). A case opened and dispatched reaches the streams
 * of those who may list it — the district supervisor from the opening (its place is in the district), the street's
 * handler once it is dispatched there — within two seconds of the API's answer, and nobody else's: a handler of
 * another district hears nothing of it. A reassignment tells the unit it left (`left`, nothing more) and the unit it
 * reached. No event carries the complainant, the title or the address. Without Accept: text/event-stream the route
 * answers 400; without a credential 401; past 8 streams 429.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaint, eventually } from './support/cases.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let base: string;

beforeAll(async () => {
  stack = await startStack({ name: 'live' });
  await stack.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(stack.app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  // Node's fetch leaves connections open that never carried a request; the server would wait for them (keep-alive).
  stack?.app.server.closeAllConnections();
  await stack?.close();
});

interface Received {
  event: string;
  data: Record<string, unknown>;
  at: number;
}

/** One open stream: what it received so far, and how to close it. */
interface Listener {
  events: Received[];
  raw: string[];
  close(): void;
}

async function listen(headers: Record<string, string>): Promise<Listener> {
  const abort = new AbortController();
  const res = await fetch(`${base}/v1/live/cases`, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events: Received[] = [];
  const raw: string[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        raw.push(value);
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) as Record<string, unknown>, at: Date.now() });
        }
      }
    } catch {
      /* aborted */
    }
  })();
  await eventually(async () => expect(events.map((e) => e.event)).toContain('ready'), 5_000);
  return { events, raw, close: () => abort.abort() };
}

const about = (l: Listener, id: string) => l.events.filter((e) => e.event === 'case' && e.data.caseId === id).map((e) => e.data);

describe('GET /v1/live/cases', () => {
  it('tells those who may list a case of its opening and changes within 2 s, and nobody else', { timeout: 60_000 }, async () => {
    const supervisor = await listen(stack.as('supervisor', 'd01', 'sup-d01'));
    const handler = await listen(stack.as('unit_handler', 'd01-s01', 'handler-s01'));
    const otherDistrict = await listen(stack.as('unit_handler', 'd02-s01', 'handler-d02'));
    const otherStreet = await listen(stack.as('supervisor', 'd02', 'sup-d02'));

    const NAME = '钱多多';
    const PHONE = '13912345678';
    const opened = await stack.http('POST', '/v1/cases', complaint({ complainant: { name: NAME, phone: PHONE } }), stack.as('intake_agent'));
    expect(opened.status).toBe(201);
    const id = opened.body.id as string;
    const openedAt = Date.now();
    // The supervisor of d01 lists it from the start (placed in d01-s01-c01); the street's handler does not yet.
    await eventually(async () => expect(about(supervisor, id)).toContainEqual(expect.objectContaining({ op: 'opened', status: 'received' })), 2_000);
    const firstSeen = supervisor.events.find((e) => e.data.caseId === id)!.at;
    expect(firstSeen - openedAt).toBeLessThan(2_000);
    expect(about(handler, id)).toEqual([]);

    const dispatched = await stack.http('POST', `/v1/cases/${id}/dispatch`, { unitId: 'd01-s01' }, stack.as('dispatcher'));
    expect(dispatched.status).toBe(200);
    const dispatchedAt = Date.now();
    await eventually(async () => expect(about(handler, id)).toContainEqual(expect.objectContaining({ op: 'changed', status: 'dispatched', changed: expect.arrayContaining(['status', 'unitId']) })), 2_000);
    expect(handler.events.find((e) => e.data.caseId === id)!.at - dispatchedAt).toBeLessThan(2_000);
    await eventually(async () => expect(about(supervisor, id).map((e) => e.status)).toContain('dispatched'), 2_000);

    // Reassigned out of the district: d01-s01 hears that it left, d02's supervisor that it arrived.
    const reassigned = await stack.http('POST', `/v1/cases/${id}/reassign`, { unitId: 'd02-s01', reason: '属地调整' }, stack.as('dispatcher'));
    expect(reassigned.status).toBe(202);
    await eventually(async () => expect(about(handler, id)).toContainEqual({ caseId: id, op: 'left' }), 5_000);
    await eventually(async () => expect(about(otherStreet, id)).toContainEqual(expect.objectContaining({ op: 'changed', changed: expect.arrayContaining(['unitId']) })), 5_000);
    await eventually(async () => expect(about(otherDistrict, id)).toContainEqual(expect.objectContaining({ status: 'dispatched' })), 5_000);
    // Before the reassignment, d02's handler and supervisor heard nothing of it.
    const arrived = otherStreet.events.find((e) => e.data.caseId === id)!.at;
    expect(arrived).toBeGreaterThanOrEqual(dispatchedAt);
    expect(about(otherStreet, id).filter((e) => e.status === 'received')).toEqual([]);

    // Ids and states only.
    for (const l of [supervisor, handler, otherDistrict, otherStreet]) {
      const text = l.raw.join('');
      for (const secret of [NAME, PHONE, '桂花社区', opened.body.title as string]) expect(text).not.toContain(secret);
      l.close();
    }
  });

  it('a person outside the scope gets no event of a case at all', { timeout: 30_000 }, async () => {
    const outsider = await listen(stack.as('unit_handler', 'd03-s01', 'handler-d03'));
    const insider = await listen(stack.as('unit_handler', 'd01-s02', 'handler-s02'));
    const opened = await stack.http('POST', '/v1/cases', complaint(), stack.as('intake_agent'));
    const id = opened.body.id as string;
    expect((await stack.http('POST', `/v1/cases/${id}/dispatch`, { unitId: 'd01-s02' }, stack.as('dispatcher'))).status).toBe(200);
    const accepted = await stack.http('POST', `/v1/cases/${id}/accept`, {});
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    await eventually(async () => expect(about(insider, id).map((e) => e.status)).toEqual(expect.arrayContaining(['dispatched', 'accepted'])), 5_000);
    // The insider heard it all: the outsider's stream, open the same time, has nothing but its ready.
    expect(outsider.events.map((e) => e.event)).toEqual(['ready']);
    outsider.close();
    insider.close();
  });

  it('answers 400 without Accept: text/event-stream, 401 without a credential, 429 past 8 streams per caller', async () => {
    const plain = await fetch(`${base}/v1/live/cases`, { headers: stack.as('supervisor', 'd01') });
    expect(plain.status).toBe(400);
    expect(await plain.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'headers.accept' }] });
    const anonymous = await fetch(`${base}/v1/live/cases`, { headers: { accept: 'text/event-stream' } });
    expect(anonymous.status).toBe(401);
    await anonymous.body?.cancel();
    const who = stack.as('analyst', 'city', 'analyst-live');
    const streams = await Promise.all(Array.from({ length: 8 }, () => listen(who)));
    const ninth = await fetch(`${base}/v1/live/cases`, { headers: { accept: 'text/event-stream', ...who } });
    expect(ninth.status).toBe(429);
    await ninth.body?.cancel();
    for (const s of streams) s.close();
    // Closed streams are given back: another may open.
    await eventually(async () => {
      const again = await listen(who);
      again.close();
    }, 5_000);
  });
});
