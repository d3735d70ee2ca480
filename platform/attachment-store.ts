/**
 * Where attachment bytes live, behind one interface with two drivers: files on local disk under the data folder
 * (the default, `$HOTLINE_DATA_DIR/attachments`) and an S3-compatible object store (platform/attachment-store-s3.ts,
 * production). The case record holds only the key (`attachments.storage_key`); Temporal never sees the bytes.
 *
 * Keys are made by the API (`cases/<case number>/<attachment id>`), never from a file name: letters, digits, `/`,
 * `_` and `-` only, no empty or dot segment, so a key can never leave the store's folder or prefix.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** What is put: bytes in memory (a cleaned photo), or a file on disk (a cleaned video) with its size. */
export type StoreBody = { bytes: Uint8Array } | { path: string; size: number };

/** An inclusive byte range, as HTTP Range asks for it. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface PresignOptions {
  expiresInSeconds: number;
  mediaType: string;
  /** The Content-Disposition the download is answered with (its file name, inline or as a download). */
  contentDisposition: string;
}

export interface AttachmentStore {
  readonly driver: 'local' | 's3';
  put(key: string, body: StoreBody, mediaType: string): Promise<void>;
  /** The stored bytes (or a range of them); null when nothing is stored under the key. */
  read(key: string, range?: ByteRange): Promise<Readable | null>;
  /** The stored size; null when nothing is stored under the key. */
  head(key: string): Promise<{ size: number } | null>;
  /** Deleting a key that holds nothing is no error. */
  delete(key: string): Promise<void>;
  /**
   * A URL that fetches the bytes without credentials until it expires (the object store's signed GET); null: the
   * store has none, and the API serves the bytes itself behind its own signed link (the local driver).
   */
  presign(key: string, options: PresignOptions): Promise<string | null>;
  /** Closes what the driver holds open (connections). */
  close(): Promise<void>;
}

const KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

export function assertStoreKey(key: string): void {
  if (key.length > 512 || !KEY.test(key)) throw new Error(`not an attachment store key: ${JSON.stringify(key.slice(0, 80))}`);
}

/** The local driver: one file per key under `root` (created on first use), written atomically (temp file, rename). */
export function createLocalStore(root: string): AttachmentStore {
  const dir = path.resolve(root);
  const fileOf = (key: string) => {
    assertStoreKey(key);
    return path.join(dir, ...key.split('/'));
  };
  const missing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';
  return {
    driver: 'local',
    async put(key, body) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const temp = `${file}.${randomUUID()}.part`;
      try {
        if ('bytes' in body) await writeFile(temp, body.bytes, { mode: 0o600, flag: 'wx' });
        else await copyFile(body.path, temp);
        await rename(temp, file);
      } finally {
        await rm(temp, { force: true });
      }
    },
    async read(key, range) {
      const file = fileOf(key);
      try {
        await stat(file);
      } catch (err) {
        if (missing(err)) return null;
        throw err;
      }
      return createReadStream(file, range ? { start: range.start, end: range.end } : {});
    },
    async head(key) {
      try {
        return { size: (await stat(fileOf(key))).size };
      } catch (err) {
        if (missing(err)) return null;
        throw err;
      }
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
    async presign() {
      return null;
    },
    async close() {},
  };
}
