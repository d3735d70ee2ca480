/**
 * The attachment store on a real S3-speaking server: gofakes3 (in-memory backend) as a child process, built by
 * `npm run tools:install` (test/s3-server/main.go). The store contract the local driver passes, then the whole path
 * through the API with the S3 driver: a photo with GPS uploaded, stored in the bucket without its location, read
 * back through a presigned link by its handler and its complainant, and by nobody outside the case's scope.
 *
 * Without the server's binary (and no Go to build it) this file fails in CI (CI=true) and is skipped elsewhere,
 * saying why in the skipped test's name.
 */
import { randomBytes } from 'node:crypto';
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttachmentOptions } from '../api/attachments.service.js';
import { createS3Store } from '../platform/attachment-store-s3.js';
import type { AttachmentStore } from '../platform/attachment-store.js';
import { DEFAULT_ATTACHMENT_TYPES } from '../platform/config.js';
import { expectBytes, readAll, storeContract } from './support/attachment-store-contract.js';
import { act, openCase } from './support/cases.js';
import { contains, GPS_MARKERS, jpegWithGps, LOCATION_TEXT } from './support/media-samples.js';
import { s3ServerBinary, startS3Server, type S3TestServer } from './support/s3-server.js';
import { startStack, type TestStack } from './support/stack.js';

const binary = await s3ServerBinary();
if ('missing' in binary && process.env.CI === 'true') throw new Error(`CI needs the S3 test server: ${binary.missing}`);

const BUCKET = 'hotline-attachments';
const credentials = { accessKeyId: 'hotline-test', secretAccessKey: 'hotline-test-secret' };

describe.skipIf('missing' in binary)(`attachments on an S3-compatible store${'missing' in binary ? ` — SKIPPED: ${binary.missing}` : ''}`, () => {
  let server: S3TestServer;
  let store: AttachmentStore;
  let stack: TestStack;
  let raw: S3Client;

  beforeAll(async () => {
    server = await startS3Server((binary as { path: string }).path);
    raw = new S3Client({ endpoint: server.endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
    await raw.send(new CreateBucketCommand({ Bucket: BUCKET }));
    store = createS3Store({ bucket: BUCKET, region: 'us-east-1', endpoint: server.endpoint, forcePathStyle: true, credentials, prefix: 'hotline/' });
    const options: AttachmentOptions = {
      store,
      types: DEFAULT_ATTACHMENT_TYPES,
      maxBytes: 256 * 1024,
      maxVideoBytes: 1024 * 1024,
      maxFilesPerCase: 6,
      linkTtlSeconds: 300,
      linkKey: randomBytes(32),
    };
    stack = await startStack({ name: 'attachments-s3', attachments: options });
  });

  afterAll(async () => {
    await stack?.close();
    raw?.destroy();
    await server?.stop();
  });

  storeContract('S3 (gofakes3)', () => store);

  it('keys live under the configured prefix in the bucket', async () => {
    await store.put('cases/HL0000000000000000/ATPREFIX', { bytes: Buffer.from('prefixed') }, 'image/png');
    const got = await raw.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'hotline/cases/HL0000000000000000/ATPREFIX' }));
    expect(await readAll(got.Body as never)).toEqual(Buffer.from('prefixed'));
    expect(got.ContentType).toBe('image/png');
  });

  it('presigns a GET that fetches the bytes without credentials, with the type and name asked for, for the lifetime asked', async () => {
    await store.put('cases/HL0000000000000000/ATPRESIGN', { bytes: Buffer.from('presigned bytes') }, 'image/jpeg');
    const url = await store.presign('cases/HL0000000000000000/ATPRESIGN', {
      expiresInSeconds: 300,
      mediaType: 'image/jpeg',
      contentDisposition: "inline; filename=\"a.jpg\"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA.jpg",
    });
    expect(url).toMatch(new RegExp(`^${server.endpoint}/${BUCKET}/hotline/cases/HL0000000000000000/ATPRESIGN\\?`));
    const u = new URL(url!);
    expect(u.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(u.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    const res = await fetch(url!);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('presigned bytes');
  });

  it('a photo with GPS through the API: stored in the bucket without its location, read by its handler and complainant through presigned links', async () => {
    const id = await openCase(stack);
    const body = new FormData();
    body.append('file', new Blob([jpegWithGps()], { type: 'image/jpeg' }), '现场.jpg');
    const request = new Request('http://x/', { method: 'POST', body });
    const uploaded = await stack.app.inject({
      method: 'POST',
      url: `/v1/cases/${id}/attachments`,
      headers: { ...stack.as('intake_agent', 'city', 'agent-s3'), 'content-type': request.headers.get('content-type')! },
      payload: Buffer.from(await request.arrayBuffer()),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const attachment = JSON.parse(uploaded.body) as { id: string; sha256: string; sizeBytes: number };

    const inBucket = await readAll((await raw.send(new GetObjectCommand({ Bucket: BUCKET, Key: `hotline/cases/${id}/${attachment.id}` }))).Body as never);
    expect(inBucket!.length).toBe(attachment.sizeBytes);
    for (const marker of GPS_MARKERS) expect(contains(inBucket!, marker)).toBe(false);
    for (const text of LOCATION_TEXT) expect(contains(inBucket!, text)).toBe(false);

    await act(stack, id, 'dispatch', { unitId: 'd01-s01' });
    for (const [who, headers, route] of [
      ['handler', stack.as('unit_handler', 'd01-s01'), `/v1/cases/${id}`],
      ['complainant', { 'x-case-code': stack.caseCode(id) }, `/v1/public/cases/${id}`],
    ] as const) {
      const link = await stack.app.inject({ method: 'GET', url: `${route}/attachments/${attachment.id}/link?download=1`, headers });
      expect(link.statusCode, `${who}: ${link.body}`).toBe(200);
      const { url, expiresAt } = JSON.parse(link.body) as { url: string; expiresAt: string };
      expect(url.startsWith(`${server.endpoint}/${BUCKET}/hotline/cases/${id}/${attachment.id}?`), who).toBe(true);
      expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
      const got = await fetch(url);
      expect(got.status, who).toBe(200);
      expectBytes(Buffer.from(await got.arrayBuffer()), inBucket!);
    }
    // Outside the case's scope: no link at all.
    const outsider = await stack.app.inject({ method: 'GET', url: `/v1/cases/${id}/attachments/${attachment.id}/link`, headers: stack.as('unit_handler', 'd02-s01') });
    expect(outsider.statusCode).toBe(404);

    // Withdrawn: the object leaves the bucket.
    const removed = await stack.app.inject({ method: 'DELETE', url: `/v1/cases/${id}/attachments/${attachment.id}`, headers: stack.as('intake_agent', 'city', 'agent-s3') });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await store.head(`cases/${id}/${attachment.id}`)).toBeNull();
  });
});
