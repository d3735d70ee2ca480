/** The ATTACHMENT_* variables (platform/config.ts) and the options the API is built with (runtime/bootstrap.ts). */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attachmentOptions } from '../runtime/bootstrap.js';
import { loadConfig } from './config.js';

const SECRET = Buffer.alloc(32, 7);

describe('ATTACHMENT_* configuration', () => {
  it('defaults: local disk under the data folder, photos and videos, 20 MiB and 200 MiB, 20 files, links of 5 minutes', () => {
    const cfg = loadConfig({ HOTLINE_DATA_DIR: '/srv/hotline' });
    expect(cfg).toMatchObject({ ATTACHMENT_DRIVER: 'local', ATTACHMENT_MAX_BYTES: 20 * 1024 * 1024, ATTACHMENT_MAX_VIDEO_BYTES: 200 * 1024 * 1024, ATTACHMENT_MAX_FILES_PER_CASE: 20, ATTACHMENT_LINK_TTL: 300 });
    expect(cfg.ATTACHMENT_TYPES).toEqual(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/heic', 'image/heif', 'video/mp4', 'video/quicktime']);
    const options = attachmentOptions(cfg, SECRET);
    expect(options.store.driver).toBe('local');
    expect(options).toMatchObject({ maxBytes: 20 * 1024 * 1024, linkTtlSeconds: 300 });
    // Every instance derives the same link key from the case-code secret they share.
    expect(options.linkKey).toEqual(createHmac('sha256', SECRET).update('hotline attachment links v1').digest());
  });

  it('types are media types this server can check, in any case and spacing; a link secret of its own', () => {
    const cfg = loadConfig({ ATTACHMENT_TYPES: ' image/JPEG, application/pdf ,image/jpeg', ATTACHMENT_LINK_SECRET: Buffer.alloc(32, 9).toString('base64'), ATTACHMENT_LINK_TTL: '90s' });
    expect(cfg.ATTACHMENT_TYPES).toEqual(['image/jpeg', 'application/pdf']);
    expect(attachmentOptions(cfg, SECRET)).toMatchObject({ linkKey: Buffer.alloc(32, 9), linkTtlSeconds: 90 });
    expect(() => loadConfig({ ATTACHMENT_TYPES: 'image/svg+xml' })).toThrow(/ATTACHMENT_TYPES/);
    expect(() => loadConfig({ ATTACHMENT_TYPES: '' })).toThrow(/ATTACHMENT_TYPES/);
    expect(() => loadConfig({ ATTACHMENT_LINK_TTL: '2h' })).toThrow(/ATTACHMENT_LINK_TTL/);
    expect(() => loadConfig({ ATTACHMENT_MAX_BYTES: '12' })).toThrow(/ATTACHMENT_MAX_BYTES/);
    expect(() => loadConfig({ ATTACHMENT_LINK_SECRET: 'short' })).toThrow(/ATTACHMENT_LINK_SECRET/);
  });

  it('the S3 driver needs a bucket; its access key comes with its secret or not at all', () => {
    expect(() => loadConfig({ ATTACHMENT_DRIVER: 's3' })).toThrow(/ATTACHMENT_S3_BUCKET: required/);
    expect(() => loadConfig({ ATTACHMENT_DRIVER: 's3', ATTACHMENT_S3_BUCKET: 'hotline', ATTACHMENT_S3_ACCESS_KEY_ID: 'AKIA' })).toThrow(/ATTACHMENT_S3_SECRET_ACCESS_KEY/);
    expect(() => loadConfig({ ATTACHMENT_S3_BUCKET: 'Not_A_Bucket' })).toThrow(/ATTACHMENT_S3_BUCKET/);
    expect(() => loadConfig({ ATTACHMENT_S3_PREFIX: '../x' })).toThrow(/ATTACHMENT_S3_PREFIX/);
    const cfg = loadConfig({
      ATTACHMENT_DRIVER: 's3',
      ATTACHMENT_S3_BUCKET: 'hotline-attachments',
      ATTACHMENT_S3_ENDPOINT: 'http://minio.internal:9000',
      ATTACHMENT_S3_FORCE_PATH_STYLE: 'true',
      ATTACHMENT_S3_PREFIX: 'prod/',
      ATTACHMENT_S3_ACCESS_KEY_ID: 'hotline',
      ATTACHMENT_S3_SECRET_ACCESS_KEY: 'secret',
    });
    const options = attachmentOptions(cfg, SECRET);
    expect(options.store.driver).toBe('s3');
    void options.store.close();
  });
});
