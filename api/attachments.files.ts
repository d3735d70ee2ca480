/**
 * The bytes of an upload on their way to the store (api/attachments.service.ts): received into a temporary file
 * while the type is sniffed from the first bytes and the size counted against that type's limit; cleaned of location
 * metadata (domain/media-metadata.ts: photos in memory; videos on disk, box by box, so a 200 MB clip is never held
 * whole); hashed. Also the local driver's signed download links and the names downloads get.
 */
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { DomainError } from '../domain/errors.js';
import { blankRange, scrubIsoBoxes, type BlankRange } from '../domain/media-isobmff.js';
import { MalformedMedia, stripMetadata } from '../domain/media-metadata.js';
import { EXTENSION, MEDIA_KIND, SNIFF_BYTES, sniffMediaType, type MediaType } from '../domain/media-type.js';
import type { StoreBody } from '../platform/attachment-store.js';

export interface UploadLimits {
  /** The types taken (ATTACHMENT_TYPES). */
  types: readonly MediaType[];
  /** Images and documents (ATTACHMENT_MAX_BYTES). */
  maxBytes: number;
  /** Videos (ATTACHMENT_MAX_VIDEO_BYTES). */
  maxVideoBytes: number;
}

export const limitOf = (type: MediaType, limits: UploadLimits) => (MEDIA_KIND[type] === 'video' ? limits.maxVideoBytes : limits.maxBytes);

const FILE_FIELD = 'body.file';
const mib = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`;

function tooLarge(type: MediaType, limits: UploadLimits): DomainError {
  const limit = limitOf(type, limits);
  const kind = MEDIA_KIND[type] === 'video' ? 'a video' : MEDIA_KIND[type] === 'image' ? 'an image' : 'a document';
  return new DomainError('file_too_large', `the file is larger than ${mib(limit)}, the limit for ${kind}`, {
    errors: [{ field: FILE_FIELD, reason: `larger than ${limit} bytes (${mib(limit)}), the limit for ${type}` }],
    limitBytes: limit,
  });
}

/** A read of the request that failed: a broken multipart body is the client's (400), never a 500. */
export function unreadable(err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  const e = err as { code?: string; message?: string };
  if (e.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return new DomainError('unsupported_media_type', 'send the file as multipart/form-data, in a part named "file"', {
      errors: [{ field: 'headers.content-type', reason: 'not multipart/form-data' }],
    });
  }
  const reason =
    e.code === 'FST_FILES_LIMIT' ? 'one file per request' : e.code === 'FST_PARTS_LIMIT' || e.code === 'FST_FIELDS_LIMIT' ? 'too many parts' : `the multipart body cannot be read (${e.message ?? 'malformed'})`;
  return new DomainError('validation_failed', reason, { errors: [{ field: 'body', reason }] });
}

export interface Received {
  path: string;
  size: number;
  mediaType: MediaType;
}

/**
 * Streams one file part into a temporary file: the type comes from the first SNIFF_BYTES bytes (415 when it is none
 * the API takes), the size is counted against that type's limit (413 as soon as it is passed: the rest is not read).
 * `truncated`: the multipart parser's own cap was reached (the largest limit).
 */
export async function receive(file: Readable & { truncated?: boolean }, limits: UploadLimits, tmpDir = os.tmpdir()): Promise<Received> {
  const temp = path.join(tmpDir, `hotline-upload-${randomUUID()}`);
  const out = createWriteStream(temp, { flags: 'wx', mode: 0o600 });
  const write = async (chunk: Buffer) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  let head: Buffer = Buffer.alloc(0);
  let type: MediaType | null = null;
  let size = 0;
  const decide = async (): Promise<MediaType> => {
    const sniffed = sniffMediaType(head);
    if (!sniffed || !limits.types.includes(sniffed)) {
      const what = sniffed ? `${sniffed}, which this hotline does not take` : 'not a type this server recognises';
      throw new DomainError('unsupported_media_type', `the file's content is ${what}; accepted: ${limits.types.join(', ')}`, {
        errors: [{ field: FILE_FIELD, reason: `content is ${sniffed ?? 'unrecognised'} (judged from the bytes, not the name); accepted: ${limits.types.join(', ')}` }],
      });
    }
    if (size > limitOf(sniffed, limits)) throw tooLarge(sniffed, limits);
    await write(head);
    return sniffed;
  };
  try {
    const chunks = file[Symbol.asyncIterator]();
    for (;;) {
      let step: IteratorResult<Buffer>;
      try {
        step = await chunks.next();
      } catch (err) {
        throw unreadable(err);
      }
      if (step.done) break;
      const chunk = step.value;
      size += chunk.length;
      if (type === null) {
        head = Buffer.concat([head, chunk]);
        if (head.length >= SNIFF_BYTES) type = await decide();
        continue;
      }
      if (size > limitOf(type, limits)) throw tooLarge(type, limits);
      await write(chunk);
    }
    if (size === 0) throw new DomainError('validation_failed', 'the file is empty', { errors: [{ field: FILE_FIELD, reason: 'empty' }] });
    const mediaType = type ?? (await decide());
    // The parser stopped at its own cap (the largest limit of any type): over every limit.
    if (file.truncated) throw tooLarge(mediaType, limits);
    out.end();
    await once(out, 'finish');
    return { path: temp, size, mediaType };
  } catch (err) {
    file.destroy();
    // The file may still be opening: removed before its open completes, it would appear again after.
    await new Promise<void>((resolve) => {
      if (out.closed) return resolve();
      out.once('close', () => resolve());
      out.destroy();
    });
    await rm(temp, { force: true });
    throw err;
  }
}

function malformed(err: unknown): never {
  if (err instanceof MalformedMedia) throw new DomainError('validation_failed', err.message, { errors: [{ field: FILE_FIELD, reason: err.message }] });
  throw err;
}

/** A video's top-level boxes that can hold metadata are read whole up to this size (a `moov` of hours of video). */
const MAX_METADATA_BOX = 64 * 1024 * 1024;
const METADATA_BOXES = new Set(['moov', 'meta', 'udta', 'uuid']);

/** Cleans an ISO-BMFF file on disk in place, box by box: only `moov`, `meta`, `udta` and `uuid` are read. */
async function scrubIsoFile(file: string, size: number): Promise<string[]> {
  const fh = await open(file, 'r+');
  try {
    const removed: string[] = [];
    const blanks: BlankRange[] = [];
    const header = Buffer.alloc(16);
    let at = 0;
    while (at < size) {
      const got = (await fh.read(header, 0, Math.min(16, size - at), at)).bytesRead;
      if (got < 8) throw new MalformedMedia('ISO media (MP4/MOV)', `a box header at byte ${at} runs past the end`);
      let boxSize = header.readUInt32BE(0);
      const type = header.toString('latin1', 4, 8);
      if (boxSize === 1) {
        if (got < 16) throw new MalformedMedia('ISO media (MP4/MOV)', `box ${JSON.stringify(type)} has a cut 64-bit size`);
        boxSize = Number(header.readBigUInt64BE(8));
      } else if (boxSize === 0) boxSize = size - at;
      if (boxSize < 8 || at + boxSize > size) throw new MalformedMedia('ISO media (MP4/MOV)', `box ${JSON.stringify(type)} at byte ${at} runs past the end`);
      if (METADATA_BOXES.has(type)) {
        if (boxSize > MAX_METADATA_BOX) throw new MalformedMedia('ISO media (MP4/MOV)', `its ${type} box (${boxSize} bytes) is larger than this server cleans`);
        const box = Buffer.alloc(boxSize);
        await fh.read(box, 0, boxSize, at);
        const found = scrubIsoBoxes(box, at);
        if (found.removed.length) await fh.write(box, 0, boxSize, at);
        removed.push(...found.removed);
        blanks.push(...found.blank);
      }
      at += boxSize;
    }
    for (const range of blanks) {
      const length = range.length === 0 ? size - range.offset : range.length;
      if (range.offset < 0 || range.offset + length > size) throw new MalformedMedia('ISO media', `a metadata item lies outside the file`);
      const bytes = Buffer.alloc(length);
      blankRange(bytes, { ...range, length }, range.offset);
      await fh.write(bytes, 0, length, range.offset);
    }
    return removed;
  } finally {
    await fh.close();
  }
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The received file without its location metadata, ready for the store: a photo (or document) cleaned in memory; a
 * video cleaned in place on disk. A file whose structure cannot be followed is a 400 naming the file.
 */
export async function clean(received: Received): Promise<{ body: StoreBody; sha256: string; size: number; removed: string[] }> {
  try {
    if (MEDIA_KIND[received.mediaType] === 'video') {
      const removed = await scrubIsoFile(received.path, received.size);
      return { body: { path: received.path, size: received.size }, sha256: await sha256File(received.path), size: received.size, removed };
    }
    const cleaned = stripMetadata(received.mediaType, await readFile(received.path));
    const sha256 = createHash('sha256').update(cleaned.bytes).digest('hex');
    return { body: { bytes: cleaned.bytes }, sha256, size: cleaned.bytes.length, removed: cleaned.removed };
  } catch (err) {
    return malformed(err);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Names

/**
 * The uploader's file name as it may be shown: the last path segment, without control, format (bidi overrides) or
 * unpaired surrogate characters, at most 200 characters; null when nothing is left. Never used as a path.
 */
export function cleanFileName(name: string | undefined): string | null {
  if (!name) return null;
  const last = name.split(/[\\/]/).pop() ?? '';
  const cleaned = Array.from(last.replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, '').trim()).slice(0, 200).join('');
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? null : cleaned;
}

/** The name a download gets: the uploader's name with the extension of the type its bytes are, or the id's. */
export function downloadName(id: string, fileName: string | null, mediaType: string): string {
  const ext = EXTENSION[mediaType as MediaType] ?? 'bin';
  const stem = fileName ? fileName.replace(/\.[^.]{1,10}$/, '') : '';
  return `${stem || id}.${ext}`;
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / 8187): 现场照片.jpg survives. */
export function contentDisposition(name: string, download: boolean): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${download ? 'attachment' : 'inline'}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The local driver's signed links: GET /v1/attachments/:attachmentId/content?expires=…&download=…&masked=…&signature=…

/** What a link says beyond the attachment: until when, as a download or inline, and whether its name is masked. */
export interface LinkTerms {
  expires: number;
  download: boolean;
  /** The reader does not see the complainant in clear: the download's file name is masked like the list's. */
  masked: boolean;
}

const signed = (key: Buffer, id: string, t: LinkTerms) =>
  createHmac('sha256', key)
    .update(`hotline attachment\n${id}\n${t.expires}\n${t.download ? 'attachment' : 'inline'}\n${t.masked ? 'masked' : 'clear'}`)
    .digest('base64url');

/** A link to the API's own content route, valid until `expires` (seconds since the epoch). */
export function localLink(key: Buffer, id: string, t: LinkTerms): string {
  const query = new URLSearchParams({ expires: String(t.expires), download: t.download ? '1' : '0', masked: t.masked ? '1' : '0', signature: signed(key, id, t) });
  return `/v1/attachments/${encodeURIComponent(id)}/content?${query.toString()}`;
}

/** Whether a link's signature is this API's, and whether it still holds. */
export function checkLink(key: Buffer, id: string, t: LinkTerms, signature: string, now = Date.now()): 'valid' | 'expired' | 'forged' {
  const expires = t.expires;
  const expected = Buffer.from(signed(key, id, t));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged';
  return expires * 1000 < now ? 'expired' : 'valid';
}
