/**
 * Workflow payload encryption end to end: a case's history as Temporal stores it (and its Web UI shows it) holds
 * the complainant's name, phone and address only as ciphertext — workflow input, update arguments and results,
 * activity inputs and results alike — while the API, whose client has the codec, reads the case in clear.
 */
import { Client } from '@temporalio/client';
import { METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENCRYPTED_ENCODING } from '../platform/payload-codec.js';
import { getCaseQuery } from '../workflows/case.messages.js';
import { act, eventually, openCase } from './support/cases.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ name: 'payload-encryption' });
});
afterAll(async () => stack?.close());

const NAME = '欧阳秘密';
const PHONE = '13987654321';
const ADDRESS = '江城区城关街道桂花社区机密路7号';

/** Every byte string and string anywhere in a (proto) object. */
function leaves(value: unknown, out: { bytes: Buffer[]; strings: string[] } = { bytes: [], strings: [] }) {
  if (value instanceof Uint8Array) out.bytes.push(Buffer.from(value));
  else if (typeof value === 'string') out.strings.push(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) leaves(v, out);
  return out;
}

/** Every Payload (an object with metadata and data) anywhere in a (proto) object. */
function payloads(value: unknown, out: Payload[] = []): Payload[] {
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    if ('metadata' in value && 'data' in value && (value as Payload).data instanceof Uint8Array) out.push(value as Payload);
    else for (const v of Object.values(value)) payloads(v, out);
  }
  return out;
}

describe('workflow payload encryption', () => {
  it('keeps the complainant out of Temporal history in clear, while the API reads the case', async () => {
    const id = await openCase(stack, { complainant: { name: NAME, phone: PHONE }, location: { address: ADDRESS, areaUnitId: 'd01-s01-c01' } });

    // Update arguments with personal data, and update results (the case view) with it too.
    await act(stack, id, 'dispatch', { unitId: 'd01-s01' });
    await act(stack, id, 'accept');
    await act(stack, id, 'contact', { method: 'phone' });
    await act(stack, id, 'reply', { content: `已联系${NAME}（${PHONE}），${ADDRESS}已处理`, resolved: true });

    // The API reads in clear, through the record and through the workflow (a query decoded by the codec).
    const view = await stack.http('GET', `/v1/cases/${id}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ status: 'replied', complainant: { name: NAME, phone: PHONE } });
    const queried = await stack.client.workflow.getHandle(id).query(getCaseQuery);
    expect(JSON.stringify(queried)).toContain(PHONE);

    // As an operator without the key sees it: a client without the codec.
    const raw = new Client({ connection: stack.client.connection, namespace: 'default' });
    const history = await eventually(async () => {
      const h = await raw.workflow.getHandle(id).fetchHistory();
      const events = h.events ?? [];
      expect(events.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length).toBeGreaterThanOrEqual(4);
      expect(events.filter((e) => e.workflowExecutionUpdateCompletedEventAttributes).length).toBeGreaterThanOrEqual(4);
      return h;
    });
    const all = payloads(history);
    expect(all.length).toBeGreaterThan(10);

    // The secrets are nowhere: not in any byte string (payload data, search attributes, memo), nor any string.
    const { bytes, strings } = leaves(history);
    for (const secret of [NAME, PHONE, ADDRESS, PHONE.slice(3)]) {
      const needle = Buffer.from(secret);
      const base64 = needle.toString('base64');
      for (const b of bytes) {
        expect(b.includes(needle), `"${secret}" in clear in the history`).toBe(false);
        expect(b.includes(Buffer.from(base64)), `"${secret}" base64-encoded in the history`).toBe(false);
      }
      for (const s of strings) expect(s.includes(secret) || s.includes(base64), `"${secret}" in a history string`).toBe(false);
    }
    expect(Buffer.from(JSON.stringify(history)).includes(Buffer.from(PHONE))).toBe(false);

    // The workflow input, update arguments and update results are encrypted payloads (search attributes and memo
    // are not payload-codec'd by Temporal; they hold no personal data).
    const events = history.events ?? [];
    const encrypted = (p: Payload | null | undefined) => new TextDecoder().decode(p?.metadata?.[METADATA_ENCODING_KEY] ?? new Uint8Array()) === ENCRYPTED_ENCODING;
    const started = events.find((e) => e.workflowExecutionStartedEventAttributes)!.workflowExecutionStartedEventAttributes!;
    expect(started.input?.payloads?.length).toBeGreaterThan(0);
    for (const p of started.input!.payloads!) expect(encrypted(p)).toBe(true);
    const updateArgs = events.flatMap((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.args?.payloads ?? []);
    const updateResults = events.flatMap((e) => e.workflowExecutionUpdateCompletedEventAttributes?.outcome?.success?.payloads ?? []);
    const activityIo = events.flatMap((e) => [
      ...(e.activityTaskScheduledEventAttributes?.input?.payloads ?? []),
      ...(e.activityTaskCompletedEventAttributes?.result?.payloads ?? []),
    ]);
    expect(updateArgs.length).toBeGreaterThanOrEqual(4);
    expect(updateResults.length).toBeGreaterThanOrEqual(4);
    for (const p of [...updateArgs, ...updateResults, ...activityIo]) expect(encrypted(p)).toBe(true);

    // Positive control: with the codec, the same history's input does hold the complainant.
    const [input] = await stack.dataConverter.payloadCodecs![0]!.decode([started.input!.payloads![0]!]);
    expect(Buffer.from(input!.data!).includes(Buffer.from(PHONE))).toBe(true);
  });
});
