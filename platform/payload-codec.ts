/**
 * Workflow payload encryption: a Temporal PayloadCodec (AES-256-GCM) so that complainants' names, phones and
 * addresses sit in Temporal's history (and its Web UI) only as ciphertext. The API's client and the worker encode
 * and decode; the workflow sandbox never sees the codec.
 *
 * Each encrypted payload carries `encoding: binary/encrypted` and the id of the key that sealed it. The whole
 * original payload (its metadata too) is sealed: 12-byte random IV || ciphertext || 16-byte tag, with the key id as
 * additional authenticated data. Keys rotate: the first key encrypts, every listed key decrypts, so cases started
 * under an older key stay readable while it is listed. Payloads without the encrypted encoding (cases started before
 * encryption, the committed replay histories) pass through decode unchanged.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, ValueError, type DataConverter, type Payload, type PayloadCodec } from '@temporalio/common';
import { BASE64, devKeyList, keyEntries } from './key-list.js';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const METADATA_KEY_ID = 'encryption-key-id';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface PayloadKey {
  id: string;
  /** 32 bytes (AES-256). */
  key: Buffer;
}

/**
 * Parses `id:base64key,id:base64key` (first = current). Throws a message without the variable name (the caller
 * names it) and never with key material in it.
 */
export function parsePayloadKeys(text: string): PayloadKey[] {
  return keyEntries(text, 'id:base64key', 'the first encrypts').map(({ id, material }) => {
    if (!BASE64.test(material)) throw new Error(`key "${id}" is not base64`);
    const key = Buffer.from(material, 'base64');
    if (key.length !== 32) throw new Error(`key "${id}" is ${key.length} bytes; AES-256 needs 32 (e.g. openssl rand -base64 32)`);
    return { id, key };
  });
}

export function formatPayloadKeys(keys: readonly PayloadKey[]): string {
  return keys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(',');
}

export function generatePayloadKey(id = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(3).toString('hex')}`): PayloadKey {
  return { id, key: randomBytes(32) };
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | null | undefined) => (b ? new TextDecoder().decode(b) : undefined);

/** The original payload as bytes: u32 header length || JSON header (metadata, base64 values) || data. */
function frame(payload: Payload): Buffer {
  const metadata = Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? new Uint8Array()).toString('base64')]));
  const header = Buffer.from(JSON.stringify(metadata));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, Buffer.from(payload.data ?? new Uint8Array())]);
}

function unframe(bytes: Buffer): Payload {
  const length = bytes.readUInt32BE(0);
  const metadata = JSON.parse(bytes.subarray(4, 4 + length).toString()) as Record<string, string>;
  return {
    metadata: Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k, new Uint8Array(Buffer.from(v, 'base64'))])),
    data: new Uint8Array(bytes.subarray(4 + length)),
  };
}

export class EncryptionCodec implements PayloadCodec {
  private readonly current: PayloadKey;
  private readonly byId: Map<string, Buffer>;

  /** keys[0] encrypts; all of them decrypt. */
  constructor(keys: readonly PayloadKey[]) {
    if (keys.length === 0) throw new Error('EncryptionCodec needs at least one key');
    this.current = keys[0]!;
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
      cipher.setAAD(Buffer.from(this.current.id));
      const sealed = Buffer.concat([iv, cipher.update(frame(payload)), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: { [METADATA_ENCODING_KEY]: utf8(ENCRYPTED_ENCODING), [METADATA_KEY_ID]: utf8(this.current.id) },
        data: new Uint8Array(sealed),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (text(payload.metadata?.[METADATA_ENCODING_KEY]) !== ENCRYPTED_ENCODING) return payload;
      const keyId = text(payload.metadata?.[METADATA_KEY_ID]);
      if (!keyId) throw new ValueError('encrypted payload without an encryption key id');
      const key = this.byId.get(keyId);
      if (!key) {
        throw new ValueError(`payload encrypted with key "${keyId}", which is not configured (PAYLOAD_KEYS has: ${[...this.byId.keys()].join(', ')}); keep old keys listed after a rotation`);
      }
      const data = Buffer.from(payload.data ?? new Uint8Array());
      if (data.length < IV_BYTES + TAG_BYTES) throw new ValueError(`encrypted payload (key "${keyId}") is truncated`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(keyId));
        decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
        return unframe(Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]));
      } catch {
        throw new ValueError(`encrypted payload (key "${keyId}") failed authentication: tampered with, or sealed by another key of that id`);
      }
    });
  }
}

/**
 * The converter with every codec's decode failures counted (hotline_payload_decode_failures: the API's on its metrics
 * endpoint, the worker's on the SDK's): a payload sealed under a key no longer listed, or tampered with, fails a
 * workflow task or a read, and an operator should hear of it before a complainant does.
 */
export function countDecodeFailures(converter: DataConverter, counted: () => void): DataConverter {
  const codecs = (converter.payloadCodecs ?? []).map(
    (codec): PayloadCodec => ({
      encode: (payloads) => codec.encode(payloads),
      async decode(payloads) {
        try {
          return await codec.decode(payloads);
        } catch (err) {
          counted();
          throw err;
        }
      },
    }),
  );
  return { ...converter, payloadCodecs: codecs };
}

/** The data converter for every client and worker of the product. */
export function encryptedDataConverter(keys: readonly PayloadKey[]): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(keys)] };
}

export const DEV_KEY_FILE = 'payload-keys';

/**
 * The configured keys; without PAYLOAD_KEYS (development only, config.ts refuses that in production), a key
 * generated once and kept in the data folder, so restarts of `npm start` still read the cases they started.
 */
export async function resolvePayloadKeys(cfg: { PAYLOAD_KEYS?: PayloadKey[] | undefined; HOTLINE_DATA_DIR: string }, log?: (line: string) => void): Promise<PayloadKey[]> {
  if (cfg.PAYLOAD_KEYS) return cfg.PAYLOAD_KEYS;
  return devKeyList({
    dataDir: cfg.HOTLINE_DATA_DIR,
    file: DEV_KEY_FILE,
    generate: () => formatPayloadKeys([generatePayloadKey('dev')]),
    parse: parsePayloadKeys,
    what: 'payload encryption',
    variable: 'PAYLOAD_KEYS',
    log,
  });
}
