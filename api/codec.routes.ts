/**
 * The codec endpoint the Temporal Web UI (and `temporal … --codec-endpoint`) calls to show workflow payloads in
 * clear: POST /codec/decode and POST /codec/encode, the Temporal codec server protocol. Both take and return
 * `{ "payloads": [{ "metadata": { "<key>": "<base64>" }, "data": "<base64>" }] }` (a Payloads message in proto
 * JSON: bytes as standard, padded base64; an empty field may be left out).
 *
 * Who may call them is decided before the handler (`config.access`; an admin's grant in domain/access.ts): these
 * routes hand out complainants' names, phones and addresses in clear. CORS for the UI's origin is global.
 *
 * Decode passes payloads that are not encrypted through unchanged (the codec does). A payload the codec cannot
 * open (its key id is not configured, it was tampered with, it is truncated) is the caller's data, not a server
 * fault: 422 undecodable_payload, naming the payload (`body.payloads.<i>`) and the key id, never a 500.
 *
 * The UI sends `X-Namespace` (its current namespace) with every call; it is accepted and logged. Later UI
 * versions append `?preserveStorageRefs=true` (external storage, which the product does not use); it is accepted
 * and changes nothing.
 */
import { ValueError, type Payload, type PayloadCodec } from '@temporalio/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from './cases.schemas.js';

/** Payloads per call. The UI sends one event field's payloads at a time (a workflow's arguments, a result). */
export const MAX_CODEC_PAYLOADS = 256;
/** Metadata entries per payload (the SDKs write one to three: encoding, messageType, encryption-key-id). */
export const MAX_CODEC_METADATA_ENTRIES = 32;
/** Base64 characters of one metadata value. */
export const MAX_CODEC_METADATA_VALUE = 16 * 1024;
/**
 * Bytes of a request body on these two routes. Temporal refuses a payload over 2 MB (its blob size limit), which
 * is about 2.7 MB as base64, so the largest payload Temporal keeps still decodes; the rest of the API
 * keeps its own, smaller limit (API_BODY_LIMIT).
 */
export const CODEC_BODY_LIMIT = 4 * 1024 * 1024;

/**
 * Standard base64 with its padding, as proto JSON writes bytes: no URL-safe alphabet, no white space, no stray
 * bits. Checked by a round trip through Buffer (which skips what it cannot read), some ten times faster than a
 * regular expression on a payload of megabytes.
 */
export const isStrictBase64 = (s: string): boolean => s.length % 4 === 0 && Buffer.from(s, 'base64').toString('base64') === s;
const base64 = (max: number) =>
  z
    .string()
    .max(max)
    .refine(isStrictBase64, 'not standard base64 (A–Z a–z 0–9 + /, padded with = to a multiple of 4)')
    .meta({ contentEncoding: 'base64' });

const payloadIn = z.strictObject({
  metadata: z
    .record(z.string().min(1).max(256), base64(MAX_CODEC_METADATA_VALUE))
    .refine((m) => Object.keys(m).length <= MAX_CODEC_METADATA_ENTRIES, `at most ${MAX_CODEC_METADATA_ENTRIES} metadata entries`)
    .nullish(),
  // The route's body limit bounds data; this only keeps a single string below it.
  data: base64(CODEC_BODY_LIMIT).nullish(),
});
const payloadsIn = z.strictObject({
  payloads: z.array(payloadIn).max(MAX_CODEC_PAYLOADS),
});

const payloadOut = z.object({
  metadata: z.record(z.string(), z.string().describe('base64')).optional(),
  data: z.string().describe('base64').optional(),
});
const payloadsOut = z.object({ payloads: z.array(payloadOut) });

const headers = z.looseObject({
  'x-namespace': z.string().max(255).optional().describe('the Temporal namespace the UI is showing (sent by the Web UI and the CLI)'),
});
const querystring = z.object({
  preserveStorageRefs: z.enum(['true', 'false']).optional().describe('sent by later Web UI versions; no external storage here, so no effect'),
});

type PayloadJson = z.infer<typeof payloadIn>;

function fromJson(p: PayloadJson): Payload {
  return {
    metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, new Uint8Array(Buffer.from(v, 'base64'))])),
    data: new Uint8Array(Buffer.from(p.data ?? '', 'base64')),
  };
}

function toJson(p: Payload): z.infer<typeof payloadOut> {
  const metadata = Object.entries(p.metadata ?? {});
  const data = p.data ?? new Uint8Array();
  return {
    ...(metadata.length ? { metadata: Object.fromEntries(metadata.map(([k, v]) => [k, Buffer.from(v ?? new Uint8Array()).toString('base64')])) } : {}),
    ...(data.length ? { data: Buffer.from(data).toString('base64') } : {}),
  };
}

/**
 * A payload the codec refused. problem.ts answers an error with a 4xx statusCode and its own code as that
 * problem: 422 undecodable_payload, the detail naming the payload.
 */
export class UndecodablePayloadError extends Error {
  readonly statusCode = 422;
  readonly code = 'undecodable_payload';
  constructor(readonly field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.name = 'UndecodablePayloadError';
  }
}

/**
 * Runs the codec one payload at a time, so a refusal names its payload. (The product's codec maps payloads one to
 * one, as Temporal's encryption codecs do; a codec that merged payloads could not be served this way.)
 */
async function each(payloads: PayloadJson[], op: (p: Payload[]) => Promise<Payload[]>): Promise<Payload[]> {
  const out: Payload[] = [];
  for (const [i, p] of payloads.entries()) {
    try {
      out.push(...(await op([fromJson(p)])));
    } catch (err) {
      if (err instanceof ValueError) throw new UndecodablePayloadError(`body.payloads.${i}`, err.message);
      throw err;
    }
  }
  return out;
}

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 413: problemSchema, 415: problemSchema, 422: problemSchema, 429: problemSchema };

const SUMMARIES = {
  decode: 'Decrypt workflow payloads for the Temporal Web UI (codec server protocol; payloads not encrypted pass through)',
  encode: 'Encrypt payloads under the current key, for input the Temporal Web UI sends (codec server protocol)',
} as const;

export function codecRoutes(deps: { codec: PayloadCodec; bodyLimit?: number }): FastifyPluginAsyncZod {
  const bodyLimit = deps.bodyLimit ?? CODEC_BODY_LIMIT;
  return async (app) => {
    for (const op of ['decode', 'encode'] as const) {
      app.post(
        `/codec/${op}`,
        {
          bodyLimit,
          config: { access: `codec.${op}` },
          schema: { tags: ['codec'], summary: SUMMARIES[op], headers, querystring, body: payloadsIn, response: { 200: payloadsOut, ...errors } },
        },
        async (req) => {
          req.log.info({ codec: op, namespace: req.headers['x-namespace'], payloads: req.body.payloads.length }, `codec ${op}`);
          return { payloads: (await each(req.body.payloads, (p) => deps.codec[op](p))).map(toJson) };
        },
      );
    }
  };
}
