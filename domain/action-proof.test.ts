import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64url, canonicalJson, checkProof, proofDigest, sha256, utf8, VERDICT_KEY } from './action-proof.js';

describe('sha256 (pure, for workflow code)', () => {
  it('matches the FIPS 180-4 examples and Node for every length around the block boundaries', () => {
    const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
    expect(hex(sha256(utf8('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    for (let n = 0; n < 300; n++) {
      const data = randomBytes(n);
      expect(hex(sha256(data)), `length ${n}`).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });

  it('utf8 and base64url agree with Node (Chinese text, emoji, an unpaired surrogate)', () => {
    for (const text of ['', 'abc', '小区楼下夜间施工噪音', '😀 ok', 'x\ud800y', 'é\u0000']) {
      expect(Buffer.from(utf8(text)).equals(Buffer.from(text, 'utf8')), text).toBe(true);
    }
    for (let n = 0; n < 40; n++) {
      const data = randomBytes(n);
      expect(base64url(data)).toBe(data.toString('base64url'));
    }
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined members, and is what a JSON round trip leaves', () => {
    const a = { b: 1, a: { d: [3, { z: 1, y: undefined }], c: '中' }, u: undefined };
    expect(canonicalJson(a)).toBe('{"a":{"c":"中","d":[3,{"z":1}]},"b":1}');
    expect(canonicalJson(JSON.parse(JSON.stringify(a)))).toBe(canonicalJson(a));
    expect(canonicalJson(undefined)).toBe('null');
  });
});

describe('checkProof', () => {
  const actor = { id: 'handler-17', role: 'unit_handler', unitId: 'd01-s01' };
  const payload = { note: '已约谈施工单位' };
  const claim = { caseId: 'HL0000000000000001', action: 'progress', payload, actor };
  const ok = { [VERDICT_KEY]: 'ok', caseId: claim.caseId, action: 'progress', digest: proofDigest(payload, actor), nonce: 'n1' };

  it('takes a verdict about this case, action, payload and actor whose nonce is unused', () => {
    expect(checkProof(ok, claim, new Set())).toBeNull();
    // Key order and undefined members do not change the digest.
    expect(checkProof(ok, { ...claim, actor: { unitId: 'd01-s01', role: 'unit_handler', id: 'handler-17', extra: undefined } }, new Set())).toBeNull();
  });

  it('says why not', () => {
    expect(checkProof(undefined, claim, new Set())).toBe('missing');
    expect(checkProof({ v: 1, mac: 'x' }, claim, new Set())).toBe('unverified');
    expect(checkProof({ [VERDICT_KEY]: 'bad_signature' }, claim, new Set())).toBe('bad_signature');
    expect(checkProof({ [VERDICT_KEY]: 'forged' }, claim, new Set())).toBe('forged');
    expect(checkProof(ok, { ...claim, caseId: 'HL0000000000000002' }, new Set())).toBe('mismatch');
    expect(checkProof(ok, { ...claim, action: 'reply' }, new Set())).toBe('mismatch');
    expect(checkProof(ok, { ...claim, payload: { note: '改过' } }, new Set())).toBe('mismatch');
    expect(checkProof(ok, { ...claim, actor: { ...actor, role: 'supervisor' } }, new Set())).toBe('mismatch');
    expect(checkProof(ok, claim, new Set(['n1']))).toBe('replayed');
  });
});
