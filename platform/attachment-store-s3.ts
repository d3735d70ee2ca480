/**
 * The attachment store on an S3-compatible object store (AWS S3, MinIO, Ceph RGW, a cloud's OSS/COS with its S3
 * endpoint), through @aws-sdk/client-s3. Downloads are presigned GETs: the browser fetches the bytes from the store,
 * never through the API. Tested against a real S3-speaking server process (test/attachments.s3.test.ts, gofakes3).
 *
 * Checksums are sent and checked only when the operation requires them (requestChecksumCalculation WHEN_REQUIRED):
 * the SDK's default streaming checksums (aws-chunked with trailers) are not spoken by every S3-compatible server.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { assertStoreKey, type AttachmentStore } from './attachment-store.js';

export interface S3StoreOptions {
  bucket: string;
  region: string;
  /** The store's endpoint (MinIO, another cloud's S3 API); unset: AWS S3 of the region. */
  endpoint?: string;
  /** The endpoint browsers reach, when it differs from the API's (a store inside a private network): links name it. */
  publicEndpoint?: string;
  /** Bucket in the path (`endpoint/bucket/key`) rather than the host name: MinIO and most self-hosted stores. */
  forcePathStyle: boolean;
  /** Unset: the SDK's default credential chain (AWS_* variables, a role, an instance profile). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Prepended to every key (`hotline/`), for a bucket shared with other data. */
  prefix?: string;
}

function clientConfig(o: S3StoreOptions, endpoint: string | undefined): S3ClientConfig {
  return {
    region: o.region,
    forcePathStyle: o.forcePathStyle,
    ...(endpoint && { endpoint }),
    ...(o.credentials && { credentials: o.credentials }),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
}

const notFound = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
};

export function createS3Store(o: S3StoreOptions): AttachmentStore {
  const client = new S3Client(clientConfig(o, o.endpoint));
  // Presigning computes a signature locally (no request): a client for the public endpoint costs nothing.
  const signer = o.publicEndpoint && o.publicEndpoint !== o.endpoint ? new S3Client(clientConfig(o, o.publicEndpoint)) : client;
  const objectKey = (key: string) => {
    assertStoreKey(key);
    return `${o.prefix ?? ''}${key}`;
  };
  return {
    driver: 's3',
    async put(key, body, mediaType) {
      await client.send(
        new PutObjectCommand({
          Bucket: o.bucket,
          Key: objectKey(key),
          Body: 'bytes' in body ? body.bytes : createReadStream(body.path),
          ContentLength: 'bytes' in body ? body.bytes.length : body.size,
          ContentType: mediaType,
        }),
      );
    },
    async read(key, range) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: o.bucket, Key: objectKey(key), ...(range && { Range: `bytes=${range.start}-${range.end}` }) }));
        return (out.Body as unknown as Readable | undefined) ?? null;
      } catch (err) {
        if (notFound(err)) return null;
        throw err;
      }
    },
    async head(key) {
      try {
        const out = await client.send(new HeadObjectCommand({ Bucket: o.bucket, Key: objectKey(key) }));
        return { size: out.ContentLength ?? 0 };
      } catch (err) {
        if (notFound(err)) return null;
        throw err;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: o.bucket, Key: objectKey(key) }));
    },
    async presign(key, options) {
      const get = new GetObjectCommand({
        Bucket: o.bucket,
        Key: objectKey(key),
        ResponseContentType: options.mediaType,
        ResponseContentDisposition: options.contentDisposition,
      });
      return getSignedUrl(signer, get, { expiresIn: options.expiresInSeconds });
    },
    async close() {
      client.destroy();
      if (signer !== client) signer.destroy();
    },
  };
}
