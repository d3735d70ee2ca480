/**
 * Action assertions: the API's proof, sent with every Update, signal and workflow start, that it — and not someone
 * else who reaches Temporal's gRPC port — asks for the action, for whom, with what payload.
 *
 *   assertion = { v: 1, kid, caseId, action, digest, iat, nonce, mac }
 *   digest    = SHA-256 of canonical JSON { payload, actor }                      (domain/action-proof.ts)
 *   mac       = HMAC-SHA256(ACTION_ASSERTION_KEYS[kid], "hotline:action:" + canonical JSON of the other fields)
 *
 * Only the API and the worker hold the keys (the first signs, every listed one verifies: rotation by key id). The
 * worker verifies in its payload codec (ProofCodec below) — outside the workflow sandbox, which has no crypto and
 * must never hold a key — and hands the workflow a verdict in the assertion's place; the workflow checks that the
 * verdict is about this case, this action, this payload and actor, and takes each nonce once
 * (domain/action-proof.ts checkProof). So a proof copied from a history is worth nothing elsewhere, or twice.
 *
 * The codec runs again whenever a history is replayed: a key stays listed (after the first) as long as cases that
 * received actions under it are kept, like PAYLOAD_KEYS.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { METADATA_ENCODING_KEY, type DataConverter, type Payload, type PayloadCodec } from '@temporalio/common';
import { canonicalJson, proofDigest, VERDICT_KEY, type ActionClaim, type ProofVerdict } from '../domain/action-proof.js';
import type { ActionAssertion } from '../domain/action-proof.js';
import { BASE64, devKeyList, keyEntries } from './key-list.js';
import { EncryptionCodec, type PayloadKey } from './payload-codec.js';

export interface ActionKey {
  id: string;
  /** At least 32 bytes. */
  key: Buffer;
}

/** Parses `id:base64key,…` (first signs). Messages never carry key material; the caller names the variable. */
export function parseActionKeys(text: string): ActionKey[] {
  return keyEntries(text, 'id:base64key', 'the first signs').map(({ id, material }) => {
    if (!BASE64.test(material)) throw new Error(`key "${id}" is not base64`);
    const key = Buffer.from(material, 'base64');
    if (key.length < 32) throw new Error(`key "${id}" is ${key.length} bytes; at least 32 are needed (openssl rand -base64 32)`);
    return { id, key };
  });
}

export function formatActionKeys(keys: readonly ActionKey[]): string {
  return keys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(',');
}

export function generateActionKey(id = `a${new Date().toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(3).toString('hex')}`): ActionKey {
  return { id, key: randomBytes(32) };
}

const ASSERTION_VERSION = 1 as const;

function macOf(key: Buffer, a: Omit<ActionAssertion, 'mac'>): string {
  const signed = canonicalJson({ v: a.v, kid: a.kid, caseId: a.caseId, action: a.action, digest: a.digest, iat: a.iat, nonce: a.nonce });
  return createHmac('sha256', key).update(`hotline:action:${signed}`).digest('base64url');
}

/** Signs a claim with the current (first) key. */
export function signAction(keys: readonly ActionKey[], claim: ActionClaim, now = Date.now()): ActionAssertion {
  const current = keys[0];
  if (!current) throw new Error('no action assertion key to sign with');
  const unsigned = {
    v: ASSERTION_VERSION,
    kid: current.id,
    caseId: claim.caseId,
    action: claim.action,
    digest: proofDigest(claim.payload, claim.actor),
    iat: now,
    nonce: randomBytes(16).toString('base64url'),
  };
  return { ...unsigned, mac: macOf(current.key, unsigned) };
}

const TOKEN = /^[A-Za-z0-9_-]{1,128}$/;

/** The verdict on something that looks like an assertion (its own fields; the workflow checks what they are about). */
export function verdictOf(keys: readonly ActionKey[], value: Record<string, unknown>): ProofVerdict {
  const a = value as Partial<ActionAssertion>;
  const wellFormed =
    a.v === ASSERTION_VERSION &&
    typeof a.kid === 'string' &&
    typeof a.caseId === 'string' &&
    typeof a.action === 'string' &&
    typeof a.digest === 'string' &&
    typeof a.iat === 'number' &&
    Number.isFinite(a.iat) &&
    typeof a.nonce === 'string' &&
    TOKEN.test(a.nonce) &&
    typeof a.mac === 'string' &&
    TOKEN.test(a.mac);
  if (!wellFormed) return { [VERDICT_KEY]: 'malformed' };
  const key = keys.find((k) => k.id === a.kid);
  if (!key) return { [VERDICT_KEY]: 'unknown_key' };
  const expected = Buffer.from(macOf(key.key, a as ActionAssertion));
  const given = Buffer.from(a.mac!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { [VERDICT_KEY]: 'bad_signature' };
  return { [VERDICT_KEY]: 'ok', caseId: a.caseId!, action: a.action!, digest: a.digest!, nonce: a.nonce! };
}

const JSON_PLAIN = 'json/plain';
/** Byte sequences that make a payload worth parsing: an assertion's `"mac"` key, or a key that may spell the verdict's. */
const MARKERS = [Buffer.from('"mac"'), Buffer.from('Verdict'), Buffer.from('\\u')];

/**
 * The worker's gate (decode only; encode passes payloads through). For each JSON payload that is an object:
 * - shaped like an assertion (`v`, `kid`, `mac`, `nonce`): replaced by its verdict (verdictOf);
 * - claiming to be a verdict (a `hotlineVerdict` member, however its key is escaped): replaced by
 *   `{ hotlineVerdict: 'forged' }`: a verdict only ever comes from here.
 * Everything else passes unchanged. It runs after decryption (PAYLOAD_KEYS) and again on every replay.
 */
export class ProofCodec implements PayloadCodec {
  constructor(private readonly keys: readonly ActionKey[]) {
    if (keys.length === 0) throw new Error('the worker needs ACTION_ASSERTION_KEYS to check the actions it is sent');
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads;
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.check(payload));
  }

  private check(payload: Payload): Payload {
    const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
    if (!encoding || Buffer.from(encoding).toString() !== JSON_PLAIN || !payload.data) return payload;
    const data = Buffer.from(payload.data);
    if (!MARKERS.some((m) => data.includes(m))) return payload;
    let value: unknown;
    try {
      value = JSON.parse(data.toString('utf8'));
    } catch {
      return payload;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) return payload;
    const v = value as Record<string, unknown>;
    let verdict: ProofVerdict | null = null;
    if (Object.prototype.hasOwnProperty.call(v, VERDICT_KEY)) verdict = { [VERDICT_KEY]: 'forged' };
    else if ('mac' in v && 'nonce' in v && 'kid' in v && 'v' in v) verdict = verdictOf(this.keys, v);
    if (!verdict) return payload;
    return { metadata: payload.metadata, data: new Uint8Array(Buffer.from(JSON.stringify(verdict))) };
  }
}

/**
 * The worker's data converter: payloads decrypted (PAYLOAD_KEYS), then action assertions verified (ProofCodec).
 * The API's client uses encryptedDataConverter alone: it sends assertions, it never receives one.
 */
export function workerDataConverter(payloadKeys: readonly PayloadKey[], actionKeys: readonly ActionKey[]): DataConverter {
  // Encode runs the codecs in order, decode in reverse: decrypt first, then check.
  return { payloadCodecs: [new ProofCodec(actionKeys), ...(payloadKeys.length ? [new EncryptionCodec(payloadKeys)] : [])] };
}

export const DEV_ACTION_KEY_FILE = 'action-keys';

/**
 * The configured keys; without ACTION_ASSERTION_KEYS (development only: config.ts refuses that in production), a
 * key generated once into the data folder, which the API and the worker of `npm start` (and separate API and worker
 * processes on the same data folder) both read.
 */
export async function resolveActionKeys(cfg: { ACTION_ASSERTION_KEYS?: ActionKey[] | undefined; HOTLINE_DATA_DIR: string }, log?: (line: string) => void): Promise<ActionKey[]> {
  if (cfg.ACTION_ASSERTION_KEYS) return cfg.ACTION_ASSERTION_KEYS;
  return devKeyList({
    dataDir: cfg.HOTLINE_DATA_DIR,
    file: DEV_ACTION_KEY_FILE,
    generate: () => formatActionKeys([generateActionKey('dev')]),
    parse: parseActionKeys,
    what: 'action assertions',
    variable: 'ACTION_ASSERTION_KEYS',
    log,
  });
}
