import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultPayloadConverter, METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import {
  ENCRYPTED_ENCODING,
  EncryptionCodec,
  formatPayloadKeys,
  generatePayloadKey,
  METADATA_KEY_ID,
  parsePayloadKeys,
  resolvePayloadKeys,
} from './payload-codec.js';

const text = (b: Uint8Array | null | undefined) => new TextDecoder().decode(b ?? new Uint8Array());
const toPayload = (v: unknown) => defaultPayloadConverter.toPayload(v);
const complaint = { complainant: { name: '张三', phone: '13812345678' }, note: 'x'.repeat(100) };

describe('EncryptionCodec', () => {
  it('round-trips payloads (metadata included) and leaves no clear text in the encoded form', async () => {
    const codec = new EncryptionCodec([generatePayloadKey('k1')]);
    const originals: Payload[] = [toPayload(complaint), toPayload(null), toPayload(new Uint8Array([1, 2, 3])), { metadata: {}, data: new Uint8Array() }];
    const encoded = await codec.encode(originals);
    for (const p of encoded) {
      expect(Object.keys(p.metadata ?? {}).sort()).toEqual([METADATA_KEY_ID, METADATA_ENCODING_KEY].sort());
      expect(text(p.metadata![METADATA_ENCODING_KEY])).toBe(ENCRYPTED_ENCODING);
      expect(text(p.metadata![METADATA_KEY_ID])).toBe('k1');
    }
    const raw = Buffer.from(encoded[0]!.data!).toString('latin1');
    expect(raw).not.toContain('13812345678');
    expect(Buffer.from(encoded[0]!.data!).includes(Buffer.from('张三'))).toBe(false);
    expect(Buffer.from(encoded[0]!.data!).includes(Buffer.from('json/plain'))).toBe(false);
    const decoded = await codec.decode(encoded);
    expect(decoded).toEqual(originals.map((p) => ({ metadata: p.metadata ?? {}, data: p.data ?? new Uint8Array() })));
    expect(defaultPayloadConverter.fromPayload(decoded[0]!)).toEqual(complaint);
  });

  it('uses a fresh IV per payload: the same value encrypts differently each time', async () => {
    const codec = new EncryptionCodec([generatePayloadKey('k1')]);
    const [a, b] = await codec.encode([toPayload(complaint), toPayload(complaint)]);
    expect(Buffer.from(a!.data!).equals(Buffer.from(b!.data!))).toBe(false);
    expect(Buffer.from(a!.data!).subarray(0, 12).equals(Buffer.from(b!.data!).subarray(0, 12))).toBe(false);
  });

  it('rejects tampered ciphertext, IV, tag or key id', async () => {
    const codec = new EncryptionCodec([generatePayloadKey('k1'), generatePayloadKey('k0')]);
    const [sealed] = await codec.encode([toPayload(complaint)]);
    for (const at of [0, 12, 40, sealed!.data!.length - 1]) {
      const data = new Uint8Array(sealed!.data!);
      data[at]! ^= 0x01;
      await expect(codec.decode([{ ...sealed!, data }])).rejects.toThrow(/failed authentication/);
    }
    // The key id is authenticated too: relabelling a payload with another configured key fails.
    const relabelled = { ...sealed!, metadata: { ...sealed!.metadata, [METADATA_KEY_ID]: new TextEncoder().encode('k0') } };
    await expect(codec.decode([relabelled])).rejects.toThrow(/failed authentication/);
    await expect(codec.decode([{ ...sealed!, data: sealed!.data!.subarray(0, 20) }])).rejects.toThrow(/truncated/);
  });

  it('rotates keys: old payloads still decode once a new key is current, new payloads use the new key id', async () => {
    const old = generatePayloadKey('2025-a');
    const before = new EncryptionCodec([old]);
    const [oldPayload] = await before.encode([toPayload(complaint)]);

    const next = generatePayloadKey('2026-b');
    const after = new EncryptionCodec(parsePayloadKeys(formatPayloadKeys([next, old])));
    expect(defaultPayloadConverter.fromPayload((await after.decode([oldPayload!]))[0]!)).toEqual(complaint);
    const [newPayload] = await after.encode([toPayload(complaint)]);
    expect(text(newPayload!.metadata![METADATA_KEY_ID])).toBe('2026-b');
    expect(defaultPayloadConverter.fromPayload((await after.decode([newPayload!]))[0]!)).toEqual(complaint);
    // The old key alone cannot read what the new key sealed.
    await expect(before.decode([newPayload!])).rejects.toThrow(/"2026-b", which is not configured/);
  });

  it('passes through payloads that are not encrypted (cases started before encryption, committed histories)', async () => {
    const codec = new EncryptionCodec([generatePayloadKey('k1')]);
    const plain = [toPayload(complaint), toPayload('text'), { data: new Uint8Array([9]) } as Payload];
    expect(await codec.decode(plain)).toEqual(plain);
  });

  it('names the key id when a payload was sealed with a key that is not configured', async () => {
    const [sealed] = await new EncryptionCodec([generatePayloadKey('retired')]).encode([toPayload(1)]);
    await expect(new EncryptionCodec([generatePayloadKey('k1')]).decode([sealed!])).rejects.toThrow(
      'payload encrypted with key "retired", which is not configured (PAYLOAD_KEYS has: k1)',
    );
    const noId = { ...sealed!, metadata: { [METADATA_ENCODING_KEY]: sealed!.metadata![METADATA_ENCODING_KEY]! } };
    await expect(new EncryptionCodec([generatePayloadKey('k1')]).decode([noId])).rejects.toThrow(/without an encryption key id/);
  });
});

describe('PAYLOAD_KEYS configuration', () => {
  const key = () => Buffer.alloc(32, 7).toString('base64');

  it('parses id:base64key pairs, the first current', () => {
    const keys = loadConfig({ PAYLOAD_KEYS: `new:${key()}, old:${Buffer.alloc(32, 1).toString('base64')}` }).PAYLOAD_KEYS!;
    expect(keys.map((k) => k.id)).toEqual(['new', 'old']);
    expect(keys[0]!.key.length).toBe(32);
  });

  it.each([
    ['nokey', /not id:base64key/],
    [`a:${Buffer.alloc(16).toString('base64')}`, /16 bytes; AES-256 needs 32/],
    [`a:${key()},a:${key()}`, /listed twice/],
    ['a:not base64!', /not base64/],
    [`bad id:${key()}`, /key id must be/],
    [',', /at least one key/],
  ])('fails fast naming the variable: %s', (value, message) => {
    expect(() => loadConfig({ PAYLOAD_KEYS: value })).toThrow(/PAYLOAD_KEYS: /);
    expect(() => loadConfig({ PAYLOAD_KEYS: value })).toThrow(message);
  });

  it('requires keys in production, not in development', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PAYLOAD_KEYS: required when NODE_ENV=production/);
    const auth = { AUTH_JWT_KEYS: `j:${key()}`, CASE_CODE_SECRET: key(), AUTH_JWT_ISSUERS: 'https://sso.example', AUTH_JWT_AUDIENCE: 'hotline', ACTION_ASSERTION_KEYS: `a:${key()}` };
    expect(loadConfig({ NODE_ENV: 'production', PAYLOAD_KEYS: `p:${key()}`, ...auth }).PAYLOAD_KEYS).toHaveLength(1);
    expect(loadConfig({}).PAYLOAD_KEYS).toBeUndefined();
  });

  it('development default: one key generated into the data folder and reused on the next start', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hotline-keys-'));
    try {
      const first = await resolvePayloadKeys({ HOTLINE_DATA_DIR: dir });
      const again = await resolvePayloadKeys({ HOTLINE_DATA_DIR: dir });
      expect(first).toHaveLength(1);
      expect(formatPayloadKeys(again)).toBe(formatPayloadKeys(first));
      expect((await readFile(path.join(dir, 'payload-keys'), 'utf8')).trim()).toBe(formatPayloadKeys(first));
      const configured = parsePayloadKeys(`c:${key()}`);
      expect(await resolvePayloadKeys({ HOTLINE_DATA_DIR: dir, PAYLOAD_KEYS: configured })).toBe(configured);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
