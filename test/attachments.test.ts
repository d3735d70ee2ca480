/**
 * Photos and videos of a case through HTTP against the real stack (PostgreSQL, Temporal, the API) with the local
 * store: a photo with GPS uploaded at intake is stored without its location and is visible to its handler and its
 * complainant, and to nobody outside its scope; the unit's working and reply photos; the complainant's own;
 * types judged from the bytes, size limits, broken bodies; signed short-lived links; withdrawal; the per-case limit;
 * links that came with a complaint; and no attachment in Temporal's history.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localLink } from '../api/attachments.files.js';
import type { AttachmentOptions } from '../api/attachments.service.js';
import { attachments } from '../db/schema.js';
import { exifOrientation } from '../domain/media-metadata.js';
import { createLocalStore } from '../platform/attachment-store.js';
import { DEFAULT_ATTACHMENT_TYPES } from '../platform/config.js';
import { expectBytes, storeContract } from './support/attachment-store-contract.js';
import { act, openCase } from './support/cases.js';
import { contains, gifWithXmp, GPS_MARKERS, heicWithGps, jpegWithGps, LOCATION_TEXT, mp4WithLocation, pngWithGps, webpWithGps } from './support/media-samples.js';
import { startStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let storeDir: string;
let tmpDir: string;
let options: AttachmentOptions;

beforeAll(async () => {
  storeDir = await mkdtemp(path.join(os.tmpdir(), 'attachments-store-'));
  tmpDir = await mkdtemp(path.join(os.tmpdir(), 'attachments-incoming-'));
  options = {
    store: createLocalStore(storeDir),
    types: DEFAULT_ATTACHMENT_TYPES,
    maxBytes: 256 * 1024,
    maxVideoBytes: 1024 * 1024,
    maxFilesPerCase: 6,
    linkTtlSeconds: 120,
    linkKey: randomBytes(32),
    tmpDir,
  };
  // Payloads in clear: the history test below reads them.
  stack = await startStack({ name: 'attachments', attachments: options, encryptPayloads: false });
});

afterAll(async () => {
  await stack?.close();
  await rm(storeDir, { recursive: true, force: true });
  await rm(tmpDir, { recursive: true, force: true });
});

const intake = () => stack.as('intake_agent', 'city', 'agent-1');
const handler = () => stack.as('unit_handler', 'd01-s01', 'handler-1');
const colleague = () => stack.as('unit_handler', 'd01-s01', 'handler-2');
const otherUnit = () => stack.as(['unit_handler', 'unit_leader'], 'd01-s02', 'handler-9');
const districtDispatcher = () => stack.as('dispatcher', 'd01', 'dispatcher-d01');
const otherDistrict = () => stack.as(['dispatcher', 'supervisor'], 'd02', 'dispatcher-d02');
const supervisor = () => stack.as('supervisor', 'd01', 'supervisor-d01');
const code = (id: string) => ({ 'x-case-code': stack.caseCode(id) });

interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer | string;
}

function multipartBody(parts: Part[]) {
  const boundary = `----hotline${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.contentType ? `Content-Type: ${p.contentType}\r\n` : ''}\r\n`), Buffer.from(p.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function send(method: 'GET' | 'POST' | 'DELETE', url: string, headers: Record<string, string>, payload?: { payload: Buffer; contentType: string }) {
  const res = await stack.app.inject({
    method,
    url,
    headers: { ...headers, ...(payload && { 'content-type': payload.contentType }) },
    ...(payload && { payload: payload.payload }),
  });
  let body: any = res.body;
  try {
    body = JSON.parse(res.body);
  } catch {
    /* bytes */
  }
  return { status: res.statusCode, body, headers: res.headers, raw: res.rawPayload };
}

/** POST one file (staff route, or the complainant's with `publicRoute`). */
function upload(caseId: string, file: Buffer, headers: Record<string, string>, o: { filename?: string; stage?: string; publicRoute?: boolean; contentType?: string } = {}) {
  const url = `${o.publicRoute ? '/v1/public/cases' : '/v1/cases'}/${caseId}/attachments${o.stage ? `?stage=${o.stage}` : ''}`;
  return send('POST', url, headers, multipartBody([{ name: 'file', filename: o.filename ?? 'photo.jpg', contentType: o.contentType ?? 'image/jpeg', data: file }]));
}

const list = (caseId: string, headers: Record<string, string>, publicRoute = false) => send('GET', `${publicRoute ? '/v1/public/cases' : '/v1/cases'}/${caseId}/attachments`, headers);
const link = (caseId: string, attachmentId: string, headers: Record<string, string>, publicRoute = false, download = false) =>
  send('GET', `${publicRoute ? '/v1/public/cases' : '/v1/cases'}/${caseId}/attachments/${attachmentId}/link${download ? '?download=1' : ''}`, headers);
const fetchLink = (url: string, headers: Record<string, string> = {}) => send('GET', url, headers);
const stored = (caseId: string, attachmentId: string) => readFile(path.join(storeDir, 'cases', caseId, attachmentId));

function expectNoLocation(bytes: Uint8Array) {
  for (const marker of GPS_MARKERS) expect(contains(bytes, marker)).toBe(false);
  for (const text of LOCATION_TEXT) expect(contains(bytes, text), text).toBe(false);
}

function expectProblem(res: { status: number; body: any; headers: Record<string, unknown> }, status: number, code: string, field?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers['content-type']).toMatch(/problem\+json/);
  expect(res.body.code).toBe(code);
  if (field) expect(res.body.errors?.map((e: { field: string }) => e.field)).toContain(field);
}

describe('a photo uploaded with a case', () => {
  let id: string;
  let photo: { id: string; sha256: string; sizeBytes: number };

  beforeAll(async () => {
    id = await openCase(stack);
  });

  it('is stored without its location (Exif GPS, XMP, comments, trailing images), its orientation kept', async () => {
    const src = jpegWithGps({ orientation: 6 });
    for (const marker of GPS_MARKERS) expect(contains(src, marker)).toBe(true);
    const res = await upload(id, src, intake(), { filename: '现场照片 13812345678.jpg' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      caseId: id,
      kind: 'file',
      mediaType: 'image/jpeg',
      stage: 'intake',
      addedBy: { kind: 'staff', id: 'agent-1', unitId: 'city' },
      removedAt: null,
      // The intake agent does not see the complainant in clear once the case is open: a number in a name is masked.
      fileName: '现场照片 138****5678.jpg',
    });
    photo = res.body;
    const bytes = await stored(id, photo.id);
    expectNoLocation(bytes);
    expect(bytes.length).toBe(photo.sizeBytes);
    expect(bytes.length).toBeLessThan(src.length);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(photo.sha256);
    expect(exifOrientation(bytes.subarray(bytes.indexOf(Buffer.from('Exif\0\0'))))).toBe(6);
    // The upload's temporary file is gone.
    expect(await readdir(tmpDir)).toEqual([]);
  });

  it('is visible to its handler once the case is theirs, with the name in clear, through a short-lived link', async () => {
    expect((await list(id, handler())).status).toBe(404); // not dispatched yet: not their case
    await act(stack, id, 'dispatch', { unitId: 'd01-s01' });
    const listed = await list(id, handler());
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: photo.id, fileName: '现场照片 13812345678.jpg', sha256: photo.sha256 })]);
    const l = await link(id, photo.id, handler());
    expect(l.status, JSON.stringify(l.body)).toBe(200);
    expect(l.body.url).toMatch(new RegExp(`^/v1/attachments/${photo.id}/content\\?expires=\\d+&download=0&masked=0&signature=`));
    const expiresIn = Date.parse(l.body.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(100_000);
    expect(expiresIn).toBeLessThanOrEqual(121_000);
    const got = await fetchLink(l.body.url);
    expect(got.status).toBe(200);
    expectBytes(got.raw, await stored(id, photo.id));
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.headers['content-disposition']).toBe(`inline; filename="____ 13812345678.jpg"; filename*=UTF-8''${encodeURIComponent('现场照片 13812345678.jpg')}`);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-security-policy']).toMatch(/sandbox/);
    // The district's dispatcher and a city analyst read the case, so the photo too.
    expect((await list(id, districtDispatcher())).body.items).toHaveLength(1);
    expect((await link(id, photo.id, stack.as('analyst', 'city'))).status).toBe(200);
  });

  it('is visible to its complainant with the case code, in their terms', async () => {
    const listed = await list(id, code(id), true);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      caseId: id,
      items: [{ id: photo.id, kind: 'file', url: null, mediaType: 'image/jpeg', sizeBytes: photo.sizeBytes, fileName: '现场照片 13812345678.jpg', stage: 'intake', from: 'hotline', createdAt: expect.any(String) }],
    });
    // The staff route with the code answers the same view.
    expect((await list(id, code(id))).body).toEqual(listed.body);
    const l = await link(id, photo.id, code(id), true);
    expect(l.status).toBe(200);
    expect((await fetchLink(l.body.url)).raw).toEqual(await stored(id, photo.id));
  });

  it('is visible to nobody outside its scope: 404 as for a case that does not exist', async () => {
    for (const [who, headers] of [
      ['another unit', otherUnit()],
      ['another district', otherDistrict()],
    ] as const) {
      expect((await list(id, headers)).status, who).toBe(404);
      expect((await link(id, photo.id, headers)).status, who).toBe(404);
    }
    const other = await openCase(stack);
    // Another case's code: 404 on self-service, 401 on the staff route; an attachment id of another case: 404.
    expect((await list(id, code(other), true)).status).toBe(404);
    expect((await link(id, photo.id, code(other), true)).status).toBe(404);
    expect((await list(id, code(other))).status).toBe(401);
    expect((await link(other, photo.id, code(other), true)).status).toBe(404);
    expect((await link(other, photo.id, stack.as('analyst', 'city'))).status).toBe(404);
    expect((await list(id, {}, true)).status).toBe(404);
  });

  it('leaves Temporal alone: the upload adds nothing to the case’s history, which holds no attachment', async () => {
    const handle = stack.client.workflow.getHandle(id);
    const length = async () => (await handle.fetchHistory()).events?.length ?? 0;
    // Once the case has settled after its dispatch (its projection and notices done), its history stays as it is.
    let before = await length();
    for (let settled = 0; settled < 3; ) {
      await new Promise((r) => setTimeout(r, 300));
      const now = await length();
      settled = now === before ? settled + 1 : 0;
      before = now;
    }
    const res = await upload(id, pngWithGps(), intake(), { filename: 'more.png' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const history = await handle.fetchHistory();
    expect(history.events?.length).toBe(before);
    // Payloads are in clear in this stack (base64 JSON): neither the attachments nor their names are there.
    const decoded = JSON.stringify(history, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : v));
    for (const text of [photo.id, res.body.id, photo.sha256, '现场照片', 'more.png']) expect(decoded).not.toContain(text);
  });
});

describe('the handling unit and the complainant', () => {
  it('the unit adds working photos after signing for the case, and reply photos; the complainant sees only the reply’s', async () => {
    const id = await openCase(stack);
    await act(stack, id, 'dispatch', { unitId: 'd01-s01' });
    expectProblem(await upload(id, pngWithGps(), handler()), 409, 'invalid_transition');
    await act(stack, id, 'accept');
    const working = await upload(id, pngWithGps(), handler(), { filename: 'working.png' });
    expect(working.status, JSON.stringify(working.body)).toBe(201);
    expect(working.body).toMatchObject({ stage: 'handling', mediaType: 'image/png', addedBy: { kind: 'staff', id: 'handler-1', unitId: 'd01-s01' } });
    expectNoLocation(await stored(id, working.body.id));
    const fixed = await upload(id, webpWithGps(), handler(), { filename: '修复后的路面.webp', stage: 'reply' });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(201);
    expect(fixed.body).toMatchObject({ stage: 'reply', mediaType: 'image/webp' });
    expectNoLocation(await stored(id, fixed.body.id));
    // Intake is over for intake staff; a supervisor adds nothing; another unit does not see the case.
    expectProblem(await upload(id, pngWithGps(), intake()), 409, 'invalid_transition');
    expectProblem(await upload(id, pngWithGps(), supervisor()), 403, 'forbidden');
    expectProblem(await upload(id, pngWithGps(), otherUnit()), 404, 'case_not_found');
    expectProblem(await upload(id, pngWithGps(), handler(), { stage: 'intake' }), 403, 'forbidden', 'query.stage');

    const theirs = await list(id, code(id), true);
    expect(theirs.body.items).toEqual([expect.objectContaining({ id: fixed.body.id, stage: 'reply', from: 'unit' })]);
    expect((await link(id, working.body.id, code(id), true)).status).toBe(404);
    expect((await list(id, handler())).body.items.map((a: { id: string }) => a.id)).toEqual([working.body.id, fixed.body.id]);
  });

  it('the complainant adds a photo with the case code; staff see that it is theirs', async () => {
    const id = await openCase(stack);
    const res = await upload(id, gifWithXmp(), code(id), { filename: 'my-photo.gif', publicRoute: true, contentType: 'image/gif' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^AT/), kind: 'file', url: null, mediaType: 'image/gif', sizeBytes: expect.any(Number), fileName: 'my-photo.gif', stage: 'complainant', from: 'you', createdAt: expect.any(String) });
    expectNoLocation(await stored(id, res.body.id));
    const staff = await list(id, intake());
    expect(staff.body.items[0]).toMatchObject({ stage: 'complainant', addedBy: { kind: 'complainant', id: `case:${id}` } });
    // A wrong code uploads nothing: 404 like no case.
    const other = await openCase(stack);
    expectProblem(await upload(id, gifWithXmp(), code(other), { publicRoute: true }), 404, 'case_not_found');
    expect((await list(id, intake())).body.items).toHaveLength(1);
  });

  it('a phone’s video keeps every byte but its location; a HEIC photo loses its Exif GPS', async () => {
    const id = await openCase(stack);
    await act(stack, id, 'dispatch', { unitId: 'd01-s01' });
    await act(stack, id, 'accept');
    const clip = mp4WithLocation({ mdatBytes: 300_000 });
    const video = await upload(id, clip, handler(), { filename: 'clip.mp4', contentType: 'video/mp4' });
    expect(video.status, JSON.stringify(video.body)).toBe(201);
    expect(video.body).toMatchObject({ mediaType: 'video/mp4', sizeBytes: clip.length });
    const bytes = await stored(id, video.body.id);
    expect(bytes.length).toBe(clip.length);
    expect(contains(bytes, '+31.2304')).toBe(false);
    expectBytes(bytes.subarray(-300_000), clip.subarray(-300_000));
    const heic = await upload(id, heicWithGps(), handler(), { filename: 'IMG_0001.HEIC', contentType: 'image/heic' });
    expect(heic.status, JSON.stringify(heic.body)).toBe(201);
    expect(heic.body.mediaType).toBe('image/heic');
    expectNoLocation(await stored(id, heic.body.id));
  });
});

describe('what is refused, naming the field', () => {
  let id: string;
  beforeAll(async () => {
    id = await openCase(stack);
  });

  it('415 for content that is not a type the hotline takes, whatever its name and Content-Type say', async () => {
    const text = await upload(id, Buffer.from('just some text pretending to be a photo, with enough bytes to sniff'), intake(), { filename: 'photo.jpg' });
    expectProblem(text, 415, 'unsupported_media_type', 'body.file');
    expect(text.body.errors[0].reason).toMatch(/unrecognised.*judged from the bytes/);
    const html = await upload(id, Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>'), intake(), { filename: 'x.png', contentType: 'image/png' });
    expectProblem(html, 415, 'unsupported_media_type', 'body.file');
    const pdf = await upload(id, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 0x20)]), intake(), { filename: 'scan.pdf', contentType: 'application/pdf' });
    expectProblem(pdf, 415, 'unsupported_media_type', 'body.file');
    expect(pdf.body.errors[0].reason).toMatch(/content is application\/pdf/);
  });

  it('413 over the type’s limit (images 256 KiB here, videos 1 MiB)', async () => {
    const big = jpegWithGps({ padTo: 300 * 1024 });
    const res = await upload(id, big, intake());
    expectProblem(res, 413, 'file_too_large', 'body.file');
    expect(res.body.limitBytes).toBe(256 * 1024);
    // The same size as a video is within the video limit; a video over it is refused too.
    expect((await upload(id, mp4WithLocation({ mdatBytes: 300 * 1024 }), intake(), { filename: 'clip.mp4' })).status).toBe(201);
    const huge = await upload(id, mp4WithLocation({ mdatBytes: 1100 * 1024 }), intake(), { filename: 'long.mp4' });
    expectProblem(huge, 413, 'file_too_large', 'body.file');
    expect(huge.body.limitBytes).toBe(1024 * 1024);
  });

  it('400 for an empty file, a cut photo, two files, a file in another part, no file; 415 for a body that is not multipart', async () => {
    expectProblem(await upload(id, Buffer.alloc(0), intake()), 400, 'validation_failed', 'body.file');
    const cut = jpegWithGps();
    const truncated = await upload(id, cut.subarray(0, cut.indexOf(Buffer.from([0xff, 0xd9]))), intake());
    expectProblem(truncated, 400, 'validation_failed', 'body.file');
    expect(truncated.body.errors[0].reason).toMatch(/not a well-formed JPEG/);
    const two = multipartBody([
      { name: 'file', filename: 'a.png', contentType: 'image/png', data: pngWithGps() },
      { name: 'file', filename: 'b.png', contentType: 'image/png', data: pngWithGps() },
    ]);
    const twoRes = await send('POST', `/v1/cases/${id}/attachments`, intake(), two);
    expectProblem(twoRes, 400, 'validation_failed');
    expect(twoRes.body.detail).toMatch(/one file per request/);
    const elsewhere = multipartBody([{ name: 'photo', filename: 'a.png', data: pngWithGps() }]);
    expectProblem(await send('POST', `/v1/cases/${id}/attachments`, intake(), elsewhere), 400, 'validation_failed', 'body.file');
    const fieldsOnly = multipartBody([{ name: 'note', data: 'no file here' }]);
    expectProblem(await send('POST', `/v1/cases/${id}/attachments`, intake(), fieldsOnly), 400, 'validation_failed', 'body.file');
    const json = await stack.app.inject({ method: 'POST', url: `/v1/cases/${id}/attachments`, headers: { ...intake(), 'content-type': 'application/json' }, payload: '{}' });
    expect(json.statusCode).toBe(415);
    expect(JSON.parse(json.body).code).toBe('unsupported_media_type');
    // A body cut inside its file part: refused as a client's error, never a 500.
    const broken = await stack.app.inject({
      method: 'POST',
      url: `/v1/cases/${id}/attachments`,
      headers: { ...intake(), 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: Buffer.concat([Buffer.from('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n'), pngWithGps().subarray(0, 80)]),
    });
    expect([400, 415]).toContain(broken.statusCode);
    expect(broken.headers['content-type']).toMatch(/problem\+json/);
  });

  it('nothing of a refused upload is kept: no row but the one video, no stored file, no temporary file', async () => {
    const rows = await stack.database.db.select().from(attachments).where(eq(attachments.caseId, id));
    expect(rows.map((r) => r.mediaType)).toEqual(['video/mp4']);
    expect(await readdir(path.join(storeDir, 'cases', id))).toEqual([rows[0]!.id]);
    expect(await readdir(tmpDir)).toEqual([]);
  });
});

describe('links', () => {
  let id: string;
  let attachmentId: string;
  let url: string;
  beforeAll(async () => {
    id = await openCase(stack);
    const res = await upload(id, pngWithGps(), intake(), { filename: 'a.png' });
    attachmentId = res.body.id;
    url = (await link(id, attachmentId, intake())).body.url;
  });

  it('a forged or altered link is refused (403); ranges are served (206), outside the file 416', async () => {
    const u = new URL(url, 'http://x');
    const sig = u.searchParams.get('signature')!;
    const forged = new URL(u);
    forged.searchParams.set('signature', `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`);
    expectProblem(await fetchLink(forged.pathname + forged.search), 403, 'forbidden');
    const later = new URL(u);
    later.searchParams.set('expires', String(Number(u.searchParams.get('expires')) + 3600));
    expectProblem(await fetchLink(later.pathname + later.search), 403, 'forbidden');
    const asDownload = new URL(u);
    asDownload.searchParams.set('download', '1');
    expectProblem(await fetchLink(asDownload.pathname + asDownload.search), 403, 'forbidden');
    // Another attachment's id under this signature.
    expectProblem(await fetchLink(url.replace(attachmentId, 'AT0000000000000000')), 403, 'forbidden');

    const whole = await fetchLink(url);
    const part = await fetchLink(url, { range: 'bytes=0-9' });
    expect(part.status).toBe(206);
    expect(part.raw).toEqual(whole.raw.subarray(0, 10));
    expect(part.headers['content-range']).toBe(`bytes 0-9/${whole.raw.length}`);
    expect((await fetchLink(url, { range: `bytes=${whole.raw.length}-` })).status).toBe(416);
    const download = await link(id, attachmentId, intake(), false, true);
    expect((await fetchLink(download.body.url)).headers['content-disposition']).toMatch(/^attachment; filename="a.png"/);
  });

  it('expires: a link past its lifetime answers 403 (ask for a new one)', async () => {
    const expired = localLink(options.linkKey, attachmentId, { expires: Math.floor(Date.now() / 1000) - 1, download: false, masked: true });
    const res = await fetchLink(expired);
    expectProblem(res, 403, 'forbidden');
    expect(res.body.detail).toMatch(/expired/);
    // One issued by the API with a lifetime of a second, used two seconds later.
    options.linkTtlSeconds = 1;
    try {
      const short = await link(id, attachmentId, intake());
      expect((await fetchLink(short.body.url)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 2_100));
      expectProblem(await fetchLink(short.body.url), 403, 'forbidden');
    } finally {
      options.linkTtlSeconds = 120;
    }
  });

  it('a link that came with the complaint (Open311 media_url) is listed and answered as given, never fetched', async () => {
    await stack.database.db.insert(attachments).values({
      id: 'LK0000000000000001',
      caseId: id,
      kind: 'link',
      url: 'https://photos.example.invalid/pothole.jpg',
      stage: 'intake',
      addedBy: { kind: 'channel', id: 'apikey:open311' },
    });
    const listed = await list(id, intake());
    expect(listed.body.items.find((a: { kind: string }) => a.kind === 'link')).toMatchObject({ id: 'LK0000000000000001', url: 'https://photos.example.invalid/pothole.jpg', mediaType: null });
    expect((await link(id, 'LK0000000000000001', intake())).body).toEqual({
      attachmentId: 'LK0000000000000001',
      url: 'https://photos.example.invalid/pothole.jpg',
      expiresAt: null,
      mediaType: null,
      fileName: null,
    });
    expect((await list(id, code(id), true)).body.items.map((a: { from: string }) => a.from)).toEqual(['hotline', 'hotline']);
  });
});

describe('withdrawal and the limit per case', () => {
  it('who added it withdraws it while the case is open (a supervisor any): the row stays, the bytes go', async () => {
    const id = await openCase(stack);
    await act(stack, id, 'dispatch', { unitId: 'd01-s01' });
    await act(stack, id, 'accept');
    const theirs = (await upload(id, pngWithGps(), code(id), { publicRoute: true, filename: 'mine.png' })).body;
    const reply = (await upload(id, pngWithGps(), handler(), { stage: 'reply', filename: 'fixed.png' })).body;
    const oldLink = (await link(id, reply.id, handler())).body.url;

    expectProblem(await send('DELETE', `/v1/cases/${id}/attachments/${reply.id}`, colleague()), 403, 'forbidden');
    expectProblem(await send('DELETE', `/v1/public/cases/${id}/attachments/${reply.id}`, code(id)), 403, 'forbidden');
    expectProblem(await send('DELETE', `/v1/cases/${id}/attachments/${reply.id}`, stack.as('analyst', 'city')), 403, 'forbidden');
    expectProblem(await send('DELETE', `/v1/cases/${id}/attachments/${reply.id}`, otherUnit()), 404, 'case_not_found');

    const removed = await send('DELETE', `/v1/cases/${id}/attachments/${reply.id}`, handler());
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body).toMatchObject({ id: reply.id, removedAt: expect.any(String), removedBy: { kind: 'staff', id: 'handler-1' } });
    await expect(stat(path.join(storeDir, 'cases', id, reply.id))).rejects.toThrow(/ENOENT/);
    expectProblem(await fetchLink(oldLink), 404, 'not_found');
    expect((await link(id, reply.id, handler())).status).toBe(404);
    expect((await send('DELETE', `/v1/cases/${id}/attachments/${reply.id}`, handler())).status).toBe(404);
    expect((await list(id, handler())).body.items.find((a: { id: string }) => a.id === reply.id).removedAt).not.toBeNull();
    expect((await list(id, code(id), true)).body.items.map((a: { id: string }) => a.id)).toEqual([theirs.id]);

    // The complainant withdraws their own; a supervisor of the district withdraws anything.
    const again = (await upload(id, pngWithGps(), code(id), { publicRoute: true })).body;
    expect((await send('DELETE', `/v1/public/cases/${id}/attachments/${again.id}`, code(id))).status).toBe(200);
    const bySupervisor = await send('DELETE', `/v1/cases/${id}/attachments/${theirs.id}`, supervisor());
    expect(bySupervisor.status).toBe(200);
    expect(bySupervisor.body.removedBy).toMatchObject({ kind: 'staff', id: 'supervisor-d01' });
    expect((await list(id, code(id), true)).body.items).toEqual([]);
  });

  it('a case holds at most ATTACHMENT_MAX_FILES_PER_CASE files (6 here); a withdrawn one frees its place', async () => {
    const id = await openCase(stack);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await upload(id, pngWithGps(), intake(), { filename: `${i}.png` });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      ids.push(res.body.id);
    }
    const full = await upload(id, pngWithGps(), intake());
    expectProblem(full, 409, 'invalid_transition');
    expect(full.body.maxFiles).toBe(6);
    expect((await send('DELETE', `/v1/cases/${id}/attachments/${ids[0]}`, intake())).status).toBe(200);
    expect((await upload(id, pngWithGps(), intake())).status).toBe(201);
  });
});

storeContract('local disk', () => createLocalStore(path.join(storeDir, 'contract')));

describe('the local store', () => {
  it('has no presigned links (the API signs its own) and keeps files under its folder, one per key', async () => {
    const s = createLocalStore(path.join(storeDir, 'contract'));
    expect(await s.presign('cases/HL0000000000000000/AT1', { expiresInSeconds: 60, mediaType: 'image/png', contentDisposition: 'inline' })).toBeNull();
    await s.put('cases/HL0000000000000000/AT1', { bytes: Buffer.from('x') }, 'image/png');
    expect(await readFile(path.join(storeDir, 'contract', 'cases', 'HL0000000000000000', 'AT1'), 'utf8')).toBe('x');
  });
});
