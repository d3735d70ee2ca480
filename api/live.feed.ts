/**
 * The record's changes as they commit: one LISTEN connection on the channel `hotline_cases` (the trigger of migration
 * 0011 announces every case row written, in the writing transaction) shared by every live stream of this API
 * (api/live.routes.ts). Connected when the first stream subscribes; lost, it reconnects (1 s, then up to 15 s apart)
 * and tells its subscribers to resync, since notices sent while it was away are gone.
 */
import pg from 'pg';
import { z } from 'zod';
import type { Database } from '../db/client.js';

export const CASES_CHANNEL = 'hotline_cases';

const units = {
  unitId: z.string().nullable(),
  areaUnitId: z.string().nullable(),
  copiedUnitIds: z.array(z.string()),
  cooperatingUnitIds: z.array(z.string()),
};
/** A notice as the trigger writes it (db/migrations/0011_case_changes_notify.sql). */
const caseNotice = z.object({
  id: z.string(),
  op: z.enum(['opened', 'changed']),
  seq: z.number(),
  status: z.string(),
  warningLevel: z.string(),
  escalationLevel: z.number(),
  changed: z.array(z.string()),
  ...units,
  was: z.object(units).nullable().optional(),
});
export type CaseNotice = z.infer<typeof caseNotice>;
const resyncNotice = z.object({ resync: z.number() });

/** What a subscriber hears: a case row written, or "you may have missed some: read your lists again". */
export type FeedMessage = { kind: 'case'; notice: CaseNotice } | { kind: 'resync' };

export interface CaseFeed {
  /** Starts listening if it is not yet; the returned function unsubscribes. */
  subscribe(listener: (m: FeedMessage) => void): () => void;
  /** Resolves once the connection listens (rejects after `timeoutMs` without it). */
  ready(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface FeedLog {
  warn(obj: object, msg: string): void;
}

/** The pool drizzle was made with (db/client.ts), whose settings the listening connection copies. */
function poolOf(db: Database): pg.Pool | undefined {
  const client: unknown = Reflect.get(db, '$client');
  return client instanceof pg.Pool ? client : undefined;
}

export function createCaseFeed(deps: { db?: Database; connect?: () => pg.Client; log: FeedLog; retryMs?: { first: number; max: number } }): CaseFeed {
  const connect =
    deps.connect ??
    (() => {
      const pool = deps.db ? poolOf(deps.db) : undefined;
      if (!pool) throw new Error('the live feed needs a node-postgres pool');
      return new pg.Client(pool.options);
    });
  const retry = deps.retryMs ?? { first: 1_000, max: 15_000 };
  const listeners = new Set<(m: FeedMessage) => void>();
  let client: pg.Client | null = null;
  let opening: Promise<void> | null = null;
  let closed = false;
  let failures = 0;
  let everListened = false;
  let waiters: Array<() => void> = [];
  let timer: NodeJS.Timeout | undefined;

  const emit = (m: FeedMessage) => {
    for (const l of listeners) l(m);
  };

  function onNotification(msg: pg.Notification) {
    if (msg.channel !== CASES_CHANNEL || !msg.payload) return;
    let json: unknown;
    try {
      json = JSON.parse(msg.payload);
    } catch {
      return;
    }
    const notice = caseNotice.safeParse(json);
    if (notice.success) emit({ kind: 'case', notice: notice.data });
    else if (resyncNotice.safeParse(json).success) emit({ kind: 'resync' });
  }

  function lost(c: pg.Client, err?: unknown) {
    if (client !== c && client !== null) return;
    client = null;
    c.removeAllListeners('notification');
    c.end().catch(() => {});
    if (closed) return;
    if (err) deps.log.warn({ err: err instanceof Error ? { message: err.message } : String(err) }, 'live feed: the listening connection failed; reconnecting');
    schedule();
  }

  function schedule() {
    if (closed || timer || opening || client) return;
    const wait = Math.min(retry.max, retry.first * 2 ** Math.min(failures, 4));
    timer = setTimeout(() => {
      timer = undefined;
      void open();
    }, wait);
    timer.unref();
  }

  async function open(): Promise<void> {
    if (closed || client || opening) return opening ?? undefined;
    opening = (async () => {
      const c = connect();
      c.on('error', (err) => lost(c, err));
      c.on('end', () => lost(c));
      try {
        await c.connect();
        c.on('notification', onNotification);
        await c.query(`LISTEN ${CASES_CHANNEL}`);
      } catch (err) {
        failures++;
        c.removeAllListeners('end');
        c.end().catch(() => {});
        deps.log.warn({ err: err instanceof Error ? { message: err.message } : String(err) }, 'live feed: could not listen; retrying');
        return;
      } finally {
        opening = null;
      }
      if (closed) {
        await c.end().catch(() => {});
        return;
      }
      client = c;
      failures = 0;
      // Notices sent while nobody listened are gone: whoever subscribed before reads their lists again.
      if (everListened) emit({ kind: 'resync' });
      everListened = true;
      for (const w of waiters) w();
      waiters = [];
    })();
    await opening;
    if (!client) schedule();
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!client && !opening && !timer) void open();
      return () => {
        listeners.delete(listener);
      };
    },
    ready(timeoutMs = 5_000) {
      if (client) return Promise.resolve();
      if (!opening && !timer) void open();
      return new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => {
          waiters = waiters.filter((w) => w !== done);
          reject(new Error('the live feed is not listening'));
        }, timeoutMs);
        const done = () => {
          clearTimeout(t);
          resolve();
        };
        waiters.push(done);
      });
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      listeners.clear();
      await opening?.catch(() => {});
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners();
        c.on('error', () => {});
        await c.end().catch(() => {});
      }
    },
  };
}
