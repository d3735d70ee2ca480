/**
 * What every attachment store driver must do (platform/attachment-store.ts), as tests: run against the local driver
 * in test/attachments.test.ts and against a real S3-speaking server in test/attachments.s3.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { AttachmentStore } from '../../platform/attachment-store.js';

export async function readAll(stream: Readable | null): Promise<Buffer | null> {
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

/** Byte-for-byte equality without a deep walk of every element (slow on large buffers). */
export function expectBytes(got: Buffer | null, want: Uint8Array) {
  expect(got).not.toBeNull();
  expect(got!.length).toBe(want.length);
  expect(Buffer.compare(got!, want), 'the same bytes').toBe(0);
}

export function storeContract(name: string, store: () => AttachmentStore) {
  describe(`attachment store contract: ${name}`, () => {
    const key = () => `cases/HL0000000000000000/AT${randomBytes(8).toString('hex').toUpperCase()}`;

    it('puts bytes, tells their size, reads them whole and by range, deletes them', async () => {
      const s = store();
      const k = key();
      const bytes = randomBytes(70_000);
      await s.put(k, { bytes }, 'image/jpeg');
      expect(await s.head(k)).toEqual({ size: bytes.length });
      expectBytes(await readAll(await s.read(k)), bytes);
      expectBytes(await readAll(await s.read(k, { start: 100, end: 1_099 })), bytes.subarray(100, 1_100));
      expect(await readAll(await s.read(k, { start: bytes.length - 1, end: bytes.length - 1 }))).toEqual(bytes.subarray(-1));
      await s.delete(k);
      expect(await s.head(k)).toBeNull();
      expect(await s.read(k)).toBeNull();
      // Deleting again is no error.
      await s.delete(k);
    });

    it('puts a file from disk (a video cleaned in place) and overwrites a key whole', async () => {
      const s = store();
      const k = key();
      const dir = await mkdtemp(path.join(os.tmpdir(), 'store-contract-'));
      try {
        const bytes = randomBytes(300_000);
        const file = path.join(dir, 'clip.mp4');
        await writeFile(file, bytes);
        await s.put(k, { path: file, size: bytes.length }, 'video/mp4');
        expectBytes(await readAll(await s.read(k)), bytes);
        const smaller = randomBytes(10);
        await s.put(k, { bytes: smaller }, 'image/png');
        expect(await readAll(await s.read(k))).toEqual(smaller);
        expect(await s.head(k)).toEqual({ size: 10 });
        await s.delete(k);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('nothing under a key never written', async () => {
      const s = store();
      expect(await s.head(key())).toBeNull();
      expect(await s.read(key())).toBeNull();
    });

    it('refuses keys that could leave the store: dot segments, empty segments, other characters', async () => {
      const s = store();
      for (const bad of ['../etc/passwd', 'cases/../x', 'cases//x', '/abs', 'cases/x/', 'a b', 'cases/%2e%2e', '', 'x\u0000y']) {
        await expect(s.put(bad, { bytes: Buffer.from('x') }, 'image/png'), JSON.stringify(bad)).rejects.toThrow(/not an attachment store key/);
        await expect(s.read(bad), JSON.stringify(bad)).rejects.toThrow(/not an attachment store key/);
      }
    });
  });
}
