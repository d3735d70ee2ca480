import { describe, expect, it } from 'vitest';
import { METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { VERDICT_KEY } from '../domain/action-proof.js';
import { ProofCodec, formatActionKeys, generateActionKey, parseActionKeys, signAction } from './action-assertion.js';
import { loadConfig } from './config.js';

const json = (text: string): Payload => ({ metadata: { [METADATA_ENCODING_KEY]: new TextEncoder().encode('json/plain') }, data: new TextEncoder().encode(text) });
const decoded = async (codec: ProofCodec, p: Payload) => JSON.parse(new TextDecoder().decode((await codec.decode([p]))[0]!.data!)) as Record<string, unknown>;

describe('ProofCodec (the worker\'s gate)', () => {
  const current = generateActionKey('k2');
  const old = generateActionKey('k1');
  const codec = new ProofCodec([current, old]);
  const claim = { caseId: 'HL0000000000000001', action: 'escalate', payload: { level: 3, reason: '督办' }, actor: { id: 's1', role: 'supervisor' } };

  it('replaces an assertion by its verdict: ok under any listed key, with what it is about', async () => {
    for (const keys of [[current], [old]]) {
      const a = signAction(keys, claim);
      expect(await decoded(codec, json(JSON.stringify(a)))).toEqual({ [VERDICT_KEY]: 'ok', caseId: a.caseId, action: a.action, digest: a.digest, nonce: a.nonce });
    }
  });

  it('says why an assertion fails: another key of the same id, an unknown key, an altered field, a broken shape', async () => {
    const a = signAction([current], claim);
    expect(await decoded(codec, json(JSON.stringify(signAction([generateActionKey('k2')], claim))))).toEqual({ [VERDICT_KEY]: 'bad_signature' });
    expect(await decoded(codec, json(JSON.stringify(signAction([generateActionKey('k9')], claim))))).toEqual({ [VERDICT_KEY]: 'unknown_key' });
    expect(await decoded(codec, json(JSON.stringify({ ...a, action: 'urge' })))).toEqual({ [VERDICT_KEY]: 'bad_signature' });
    expect(await decoded(codec, json(JSON.stringify({ ...a, iat: 'now' })))).toEqual({ [VERDICT_KEY]: 'malformed' });
  });

  it('rewrites any payload that claims to be a verdict, however its key is spelled', async () => {
    expect(await decoded(codec, json(`{"${VERDICT_KEY}":"ok","nonce":"n"}`))).toEqual({ [VERDICT_KEY]: 'forged' });
    expect(await decoded(codec, json('{"hotline\\u0056erdict":"ok","nonce":"n"}'))).toEqual({ [VERDICT_KEY]: 'forged' });
  });

  it('leaves everything else as it is: other JSON, other encodings, encrypted or empty payloads', async () => {
    const others: Payload[] = [
      json('{"note":"Verdict: \\u4e2d mac"}'),
      json('[{"hotlineVerdict":"ok"}]'),
      json('"mac"'),
      { metadata: { [METADATA_ENCODING_KEY]: new TextEncoder().encode('binary/plain') }, data: new TextEncoder().encode(`{"${VERDICT_KEY}":"ok"}`) },
      { metadata: { [METADATA_ENCODING_KEY]: new TextEncoder().encode('binary/null') } },
    ];
    expect(await codec.decode(others)).toEqual(others);
  });
});

describe('ACTION_ASSERTION_KEYS', () => {
  const secret = Buffer.alloc(32, 7).toString('base64');

  it('parses id:base64 entries of at least 32 bytes, the first signs', () => {
    const keys = parseActionKeys(`a2:${secret}, a1:${secret}`);
    expect(keys.map((k) => k.id)).toEqual(['a2', 'a1']);
    expect(formatActionKeys(keys)).toBe(`a2:${secret},a1:${secret}`);
    expect(() => parseActionKeys(`a:${Buffer.alloc(16).toString('base64')}`)).toThrow(/16 bytes; at least 32/);
    expect(() => parseActionKeys('a:not base64!')).toThrow(/not base64/);
  });

  it('is required in production, and TEMPORAL_TLS_* come all three or not at all', () => {
    const production = { NODE_ENV: 'production', PAYLOAD_KEYS: `p:${secret}`, AUTH_JWT_KEYS: `k:${secret}`, CASE_CODE_SECRET: secret, AUTH_JWT_ISSUERS: 'https://sso.example', AUTH_JWT_AUDIENCE: 'hotline' };
    expect(() => loadConfig(production)).toThrow(/ACTION_ASSERTION_KEYS: required when NODE_ENV=production/);
    expect(loadConfig({ ...production, ACTION_ASSERTION_KEYS: `a:${secret}` }).ACTION_ASSERTION_KEYS?.[0]?.id).toBe('a');
    expect(() => loadConfig({ TEMPORAL_TLS_CERT: '/x.pem' })).toThrow(/TEMPORAL_TLS_CA: required with TEMPORAL_TLS_CERT/);
    expect(loadConfig({ TEMPORAL_TLS_CA: '/ca.pem', TEMPORAL_TLS_CERT: '/c.pem', TEMPORAL_TLS_KEY: '/c.key' }).TEMPORAL_TLS_KEY).toBe('/c.key');
  });
});
