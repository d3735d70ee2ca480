/**
 * The codec endpoint on a bare Fastify instance: the plugin, the zod compilers and the problem+json error handler,
 * no Temporal, no database, no authentication (that layer reads `config.access`, checked here as declared).
 */
import { defaultPayloadConverter, METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterEach, describe, expect, it } from 'vitest';
import { ENCRYPTED_ENCODING, EncryptionCodec, generatePayloadKey, METADATA_KEY_ID, type PayloadKey } from '../platform/payload-codec.js';
import { codecRoutes, MAX_CODEC_PAYLOADS } from './codec.routes.js';
import { registerErrorHandling } from './problem.js';

interface PayloadJson {
  metadata?: Record<string, string>;
  data?: string;
}

const b64 = (s: string) => Buffer.from(s).toString('base64');
const unb64 = (s: string | undefined) => Buffer.from(s ?? '', 'base64').toString();
const json = (p: Payload): PayloadJson => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v!).toString('base64')])),
  ...(p.data?.length ? { data: Buffer.from(p.data).toString('base64') } : {}),
});
const complaint = { complainant: { name: '张三', phone: '13812345678', address: '朝阳区建国路 1 号' }, note: '噪音扰民' };
const clear = json(defaultPayloadConverter.toPayload(complaint));

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function appWith(keys: PayloadKey[], opts: { bodyLimit?: number; routes?: Record<string, unknown> } = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  if (opts.routes) app.addHook('onRoute', (r) => void (opts.routes![`${r.method} ${r.url}`] = (r.config as { access?: unknown } | undefined)?.access));
  await app.register(codecRoutes({ codec: new EncryptionCodec(keys), ...(opts.bodyLimit ? { bodyLimit: opts.bodyLimit } : {}) }));
  await app.ready();
  apps.push(app);
  return app;
}

const post = (app: FastifyInstance, op: 'encode' | 'decode', payloads: unknown, headers: Record<string, string> = {}, query = '') =>
  app.inject({ method: 'POST', url: `/codec/${op}${query}`, headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify({ payloads }) });

describe('codec routes', () => {
  it('declare the access the authentication layer enforces', async () => {
    const routes: Record<string, unknown> = {};
    await appWith([generatePayloadKey('k1')], { routes });
    expect(routes).toMatchObject({ 'POST /codec/decode': 'codec.decode', 'POST /codec/encode': 'codec.encode' });
  });

  it('round-trip: encode seals under the current key (no clear text left), decode gives the payload back', async () => {
    const app = await appWith([generatePayloadKey('k1')]);
    const enc = await post(app, 'encode', [clear, json(defaultPayloadConverter.toPayload(undefined))]);
    expect(enc.statusCode).toBe(200);
    const sealed = enc.json<{ payloads: PayloadJson[] }>().payloads;
    expect(sealed).toHaveLength(2);
    for (const p of sealed) {
      expect(unb64(p.metadata![METADATA_ENCODING_KEY])).toBe(ENCRYPTED_ENCODING);
      expect(unb64(p.metadata![METADATA_KEY_ID])).toBe('k1');
    }
    const raw = Buffer.from(sealed[0]!.data!, 'base64');
    for (const secret of ['13812345678', '张三', '建国路', 'json/plain']) expect(raw.includes(Buffer.from(secret))).toBe(false);

    // As the Web UI calls it: X-Namespace, and (later UI versions) ?preserveStorageRefs=true.
    const dec = await post(app, 'decode', sealed, { 'x-namespace': 'default' }, '?preserveStorageRefs=true');
    expect(dec.statusCode).toBe(200);
    const [first, second] = dec.json<{ payloads: PayloadJson[] }>().payloads;
    expect(first).toEqual(clear);
    expect(JSON.parse(unb64(first!.data))).toEqual(complaint);
    expect(unb64(second!.metadata![METADATA_ENCODING_KEY])).toBe('binary/null');
    expect(second!.data).toBeUndefined();
  });

  it('key rotation: a payload sealed under the old key decodes once a new key is current; encode uses the new one', async () => {
    const old = generatePayloadKey('k2025');
    const sealedOld = (await post(await appWith([old]), 'encode', [clear])).json<{ payloads: PayloadJson[] }>().payloads;

    const rotated = await appWith([generatePayloadKey('k2026'), old]);
    const dec = await post(rotated, 'decode', sealedOld);
    expect(dec.statusCode).toBe(200);
    expect(dec.json()).toEqual({ payloads: [clear] });
    const enc = (await post(rotated, 'encode', [clear])).json<{ payloads: PayloadJson[] }>().payloads;
    expect(unb64(enc[0]!.metadata![METADATA_KEY_ID])).toBe('k2026');
  });

  it('passes payloads that are not encrypted through decode unchanged (also empty ones), next to encrypted ones', async () => {
    const app = await appWith([generatePayloadKey('k1')]);
    const sealed = (await post(app, 'encode', [clear])).json<{ payloads: PayloadJson[] }>().payloads[0]!;
    const plain = [clear, { metadata: { [METADATA_ENCODING_KEY]: b64('binary/null') } }, {}, { metadata: { [METADATA_ENCODING_KEY]: b64('binary/plain') }, data: b64('raw') }];
    const res = await post(app, 'decode', [...plain, sealed]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ payloads: [...plain, clear] });
  });

  it('accepts null for an empty data or metadata field (proto JSON allows it)', async () => {
    const app = await appWith([generatePayloadKey('k1')]);
    const res = await post(app, 'decode', [{ metadata: null, data: null }]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ payloads: [{}] });
  });

  it.each([
    ['not base64 at all', { ...clear, data: 'not base64!' }, 'body.payloads.0.data'],
    ['URL-safe alphabet', { ...clear, data: '-_-_' }, 'body.payloads.0.data'],
    ['missing padding', { ...clear, data: 'YWJj' + 'YQ' }, 'body.payloads.0.data'],
    ['white space', { ...clear, data: 'YWJj\nZGVm' }, 'body.payloads.0.data'],
    ['stray bits before the padding', { ...clear, data: 'YWJjYR==' }, 'body.payloads.0.data'],
    ['a metadata value', { metadata: { [METADATA_ENCODING_KEY]: 'json/plain' }, data: b64('1') }, `body.payloads.0.metadata.${METADATA_ENCODING_KEY}`],
    ['a number instead of a string', { ...clear, data: 12 }, 'body.payloads.0.data'],
  ])('refuses bad base64 (%s) with 400 naming the field', async (_what, payload, field) => {
    const app = await appWith([generatePayloadKey('k1')]);
    for (const op of ['decode', 'encode'] as const) {
      const res = await post(app, op, [payload]);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 400, code: 'validation_failed' });
      expect(res.json<{ errors: Array<{ field: string }> }>().errors.map((e) => e.field)).toContain(field);
    }
  });

  it('refuses a body that is not a Payloads message: unknown fields, no payloads array, too many payloads', async () => {
    const app = await appWith([generatePayloadKey('k1')]);
    const fields = async (body: unknown) => {
      const res = await app.inject({ method: 'POST', url: '/codec/decode', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });
      expect(res.statusCode).toBe(400);
      return res.json<{ errors: Array<{ field: string }> }>().errors.map((e) => e.field);
    };
    expect(await fields({ payloads: [{ ...clear, externalPayloads: [] }] })).toContain('body.payloads.0');
    expect(await fields({ payload: [clear] })).toContain('body.payloads');
    expect(await fields({ payloads: Array.from({ length: MAX_CODEC_PAYLOADS + 1 }, () => clear) })).toContain('body.payloads');
  });

  it('takes a payload as large as Temporal keeps (2 MB) under its default body limit, far above the API-wide one', async () => {
    const app = await appWith([generatePayloadKey('k1')]);
    const big = json(defaultPayloadConverter.toPayload({ note: 'x'.repeat(2 * 1000 * 1000 - 100) }));
    const sealed = await post(app, 'encode', [big]);
    expect(sealed.statusCode).toBe(200);
    const res = await post(app, 'decode', sealed.json<{ payloads: PayloadJson[] }>().payloads);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ payloads: [big] });
  });

  it('answers a body over the codec body limit with 413 problem+json', async () => {
    const app = await appWith([generatePayloadKey('k1')], { bodyLimit: 1024 });
    const res = await post(app, 'decode', [{ data: b64('x'.repeat(2048)) }]);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ status: 413, code: 'body_too_large' });
  });

  it('answers a payload sealed under a key id that is not configured with 422, naming the payload and the key id', async () => {
    const sealed = (await post(await appWith([generatePayloadKey('gone')]), 'encode', [clear])).json<{ payloads: PayloadJson[] }>().payloads[0]!;
    const app = await appWith([generatePayloadKey('k2')]);
    const res = await post(app, 'decode', [clear, sealed]);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = res.json<{ code: string; detail: string }>();
    expect(problem).toMatchObject({ status: 422, code: 'undecodable_payload', title: 'Unprocessable Content' });
    expect(problem.detail).toMatch(/^body\.payloads\.1: /);
    expect(problem.detail).toContain('"gone"');
  });

  it('answers a tampered, truncated or key-less encrypted payload with 422, not 500', async () => {
    const app = await appWith([generatePayloadKey('k1')]);
    const sealed = (await post(app, 'encode', [clear])).json<{ payloads: PayloadJson[] }>().payloads[0]!;
    const bytes = Buffer.from(sealed.data!, 'base64');
    bytes[20]! ^= 1;
    const tampered = { ...sealed, data: bytes.toString('base64') };
    const truncated = { ...sealed, data: b64('short') };
    const keyless = { metadata: { [METADATA_ENCODING_KEY]: sealed.metadata![METADATA_ENCODING_KEY]! }, data: sealed.data! };
    for (const [bad, reason] of [
      [tampered, /failed authentication/],
      [truncated, /truncated/],
      [keyless, /without an encryption key id/],
    ] as const) {
      const res = await post(app, 'decode', [bad]);
      expect(res.statusCode).toBe(422);
      expect(res.json<{ detail: string }>().detail).toMatch(reason);
    }
  });
});
