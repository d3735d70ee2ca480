/**
 * The workflow's half of action assertions (the API's proof that it sent an action; platform/action-assertion.ts).
 * Pure and deterministic, so the workflow can run it: canonical JSON, SHA-256, and the check of a verdict.
 *
 * The worker's payload codec (outside the workflow sandbox, with the key) verifies an assertion's HMAC when the
 * action's payloads are decoded and hands the workflow a verdict in its place: `{ hotlineVerdict: 'ok', caseId,
 * action, digest, nonce }`, or the reason it failed. What the codec cannot know — which case, which action, whether
 * the digest is of the payload and actor this action arrived with, whether the nonce was used — the workflow checks
 * here. A verdict can only come from the codec: it rewrites any payload that claims to be one.
 */

/**
 * The API's proof that it sent an action (platform/action-assertion.ts): an HMAC under ACTION_ASSERTION_KEYS over the
 * case, the action, the digest of its payload and actor, `iat` and a single-use `nonce`. The last argument of every
 * Update and signal and the second of a workflow start. The worker's codec verifies it and hands the workflow a
 * verdict in its place (domain/action-proof.ts), which the workflow checks before anything is applied.
 */
export interface ActionAssertion {
  v: 1;
  /** Which ACTION_ASSERTION_KEYS entry signed it. */
  kid: string;
  caseId: string;
  /** The Update's or signal's name; `open` for a workflow start. */
  action: string;
  /** base64url SHA-256 of canonical JSON { payload, actor }. */
  digest: string;
  /** When the API issued it (ms since the epoch). */
  iat: number;
  nonce: string;
  /** base64url HMAC-SHA256. */
  mac: string;
}

/** The key of a verdict object (platform/action-assertion.ts writes it; nothing else may). */
export const VERDICT_KEY = 'hotlineVerdict';

/** What the codec hands the workflow for an assertion. */
export interface ProofVerdict {
  [VERDICT_KEY]: 'ok' | 'malformed' | 'unknown_key' | 'bad_signature' | 'forged';
  caseId?: string;
  action?: string;
  digest?: string;
  nonce?: string;
}

/**
 * JSON with object keys sorted (by UTF-16 code units) and undefined members dropped, after a JSON round trip — so
 * the API's object and the one the workflow receives through Temporal's JSON converter give the same text.
 */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) out[k] = sort((v as Record<string, unknown>)[k]);
      return out;
    }
    return v;
  };
  const plain = JSON.stringify(value);
  return JSON.stringify(sort(plain === undefined ? null : JSON.parse(plain)));
}

/** UTF-8 bytes of a string; an unpaired surrogate becomes U+FFFD, as in TextEncoder and Node's Buffer. */
export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

const K = Uint32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 (FIPS 180-4) of bytes: the workflow has no crypto module, and needs only this digest, no key. */
export function sha256(data: Uint8Array): Uint8Array {
  const bitLength = data.length * 8;
  const padded = new Uint8Array((((data.length + 9 + 63) >> 6) << 6));
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = Uint32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(offset + t * 4);
    for (let t = 16; t < 64; t++) {
      const s0 = rotr(w[t - 15]!, 7) ^ rotr(w[t - 15]!, 18) ^ (w[t - 15]! >>> 3);
      const s1 = rotr(w[t - 2]!, 17) ^ rotr(w[t - 2]!, 19) ^ (w[t - 2]! >>> 10);
      w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!];
    for (let t = 0; t < 64; t++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t]! + w[t]!) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = (h[0]! + a) >>> 0;
    h[1] = (h[1]! + b) >>> 0;
    h[2] = (h[2]! + c) >>> 0;
    h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0;
    h[5] = (h[5]! + f) >>> 0;
    h[6] = (h[6]! + g) >>> 0;
    h[7] = (h[7]! + hh) >>> 0;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(i * 4, h[i]!);
  return out;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Unpadded base64url, as Node's `digest('base64url')` writes it. */
export function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64URL[(n >> 18) & 63]! + BASE64URL[(n >> 12) & 63]!;
    if (i + 1 < bytes.length) out += BASE64URL[(n >> 6) & 63]!;
    if (i + 2 < bytes.length) out += BASE64URL[n & 63]!;
  }
  return out;
}

/** What an assertion's digest covers: the action's payload and the actor it is taken for. */
export function proofDigest(payload: unknown, actor: unknown): string {
  return base64url(sha256(utf8(canonicalJson({ payload: payload ?? null, actor: actor ?? null }))));
}

/** What an action claims: the case it reached, its name (`open` for a start), its payload and actor. */
export interface ActionClaim {
  caseId: string;
  action: string;
  payload: unknown;
  actor: unknown;
}

/**
 * Whether the verdict the codec put in the place of an action's assertion proves the action: null, or why not —
 * `missing` (no assertion), `unverified` (an assertion the codec did not see: a worker without the proof codec),
 * the codec's reason (`malformed`, `unknown_key`, `bad_signature`, `forged`), `mismatch` (a genuine proof of another
 * case, action, payload or actor) or `replayed` (its nonce was taken before).
 */
export function checkProof(verdict: unknown, claim: ActionClaim, usedNonces: ReadonlySet<string>): string | null {
  if (verdict === undefined || verdict === null) return 'missing';
  if (typeof verdict !== 'object' || !(VERDICT_KEY in verdict)) return 'unverified';
  const v = verdict as ProofVerdict;
  if (v[VERDICT_KEY] !== 'ok') return typeof v[VERDICT_KEY] === 'string' ? v[VERDICT_KEY] : 'malformed';
  if (v.caseId !== claim.caseId || v.action !== claim.action || v.digest !== proofDigest(claim.payload, claim.actor)) return 'mismatch';
  if (typeof v.nonce !== 'string' || usedNonces.has(v.nonce)) return 'replayed';
  return null;
}
