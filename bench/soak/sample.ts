/**
 * The soak's samples, one every --sample-seconds through every phase: latencies over the interval, memory and CPU of
 * each process, database sizes, PostgreSQL's commits and WAL, the machine's disk writes, the timed warnings'
 * lateness, the notices' outbox. Each sample is one row of the series (bench/soak/series.ts).
 */
import pg from 'pg';
import { percentile } from '../load.js';
import { cpuMsOf, diskWrites, progress, readMemory } from '../processes.js';
import { f0, f1 } from '../report.js';
import { benchServerUrl } from '../stack.js';
import type { Ledger } from './ledger.js';
import type { ActionFigures, Recorder } from './recorder.js';
import { RUN, type SoakEnv } from './run.js';

export type Phase = 'seed' | 'idle' | 'soak' | 'drain';

export interface Lateness {
  /** Warnings due in the interval that have fired, and their lateness (ms): fired − due. */
  n: number;
  p50: number;
  p99: number;
  max: number;
  /** Warnings due by the end of the interval that have not fired (in the record) yet, and the oldest one's age (ms). */
  pending: number;
  oldestPendingMs: number;
}

export interface Sample {
  at: string;
  /** Seconds since the run started. */
  t: number;
  phase: Phase;
  seconds: number;
  /** Cases the soak opened, and those not closed (as the API last answered). */
  cases: number;
  open: number;
  writes: ActionFigures;
  reads: ActionFigures;
  actions: Record<string, ActionFigures>;
  /** Phase 2: arrivals not sent (the in-flight cap), actions with no case in a state that fits. */
  shed: number;
  skipped: number;
  /** RSS of the worker, API and Temporal Server; PSS of PostgreSQL's processes together (MiB). */
  memory: { worker: number; api: number; server: number; postgres: number };
  /** CPU used over the interval (ms). */
  cpu: { worker: number; api: number; server: number; postgres: number; soak: number };
  /** pg_database_size (bytes): the record, Temporal's, visibility's. */
  db: { record: number; temporal: number; visibility: number };
  /** Commits over the interval per database; WAL over the interval (the whole PostgreSQL server). */
  commits: { record: number; temporal: number; visibility: number };
  wal: { records: number; bytes: number; syncs: number };
  /** Pages PostgreSQL wrote out over the interval (checkpointer, background writer, backends). */
  bufferWrites: number;
  /** The machine's block devices over the interval. */
  disk: { writes: number; bytes: number };
  yellow: Lateness;
  red: Lateness;
  /** The outbox: rows, delivered, failed, waiting; and distinct notices the receiver has. */
  notices: { rows: number; delivered: number; failed: number; waiting: number; received: number };
}

/** Table sizes (bytes, pg_total_relation_size) of the largest tables of a database. */
export type TableSizes = Array<{ table: string; bytes: number; rows: number }>;

export interface Counters {
  cpu: Sample['cpu'];
  commits: Sample['commits'];
  wal: Sample['wal'];
  bufferWrites: number;
  disk: Sample['disk'];
  at: number;
}

export interface Sampler {
  /** Takes a sample now (also called on the timer). */
  sample(): Promise<Sample>;
  samples: Sample[];
  setPhase(phase: Phase): void;
  /** Phase 2's shed and skipped counters, read and reset at each sample. */
  counters: { shed: number; skipped: number };
  /** The largest tables of the record and of Temporal's databases now. */
  tables(): Promise<{ record: TableSizes; temporal: TableSizes; visibility: TableSizes }>;
  /** What PostgreSQL says of itself: its version and settings that matter for IOPS. */
  serverFacts(): Promise<Record<string, string>>;
  /** Cumulative counters now (for the deltas over a phase). */
  counters0(): Promise<Counters>;
  /** The three databases' sizes now. */
  dbSizes(): Promise<Sample['db']>;
  stop(): Promise<void>;
}

const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

export async function startSampler(env: SoakEnv, o: { ledger: Ledger; recorder: () => Recorder; timedIds: () => string[]; intervalS: number; startedAt: number }): Promise<Sampler> {
  const dbs = env.temporalDatabases;
  const names = { record: new URL(env.dbUrl).pathname.slice(1), temporal: dbs?.temporal ?? '', visibility: dbs?.visibility ?? '' };
  // Temporal's databases are read with the server's admin user (the run's own pool reads the record).
  const clients: Record<'temporal' | 'visibility', pg.Client | null> = { temporal: null, visibility: null };
  for (const k of ['temporal', 'visibility'] as const) {
    if (!names[k]) continue;
    const c = new pg.Client({ connectionString: benchServerUrl(names[k]) });
    await c.connect();
    RUN.cleanup.add(`${k} database client`, () => c.end());
    clients[k] = c;
  }
  const pool = env.database.pool;

  const readCounters = async (): Promise<Counters> => {
    const { rows: stat } = await pool.query<{ datname: string; commits: string }>(`select datname, xact_commit::text as commits from pg_stat_database where datname = any($1::text[])`, [Object.values(names).filter(Boolean)]);
    const commitsOf = (name: string) => Number(stat.find((r) => r.datname === name)?.commits ?? Number.NaN);
    const wal = await pool
      .query<{ records: string; bytes: string; syncs: string }>('select wal_records::text as records, wal_bytes::text as bytes, wal_sync::text as syncs from pg_stat_wal')
      .then((r) => ({ records: Number(r.rows[0]!.records), bytes: Number(r.rows[0]!.bytes), syncs: Number(r.rows[0]!.syncs) }))
      .catch(() => ({ records: Number.NaN, bytes: Number.NaN, syncs: Number.NaN }));
    // PostgreSQL 17 moved the checkpointer's count to pg_stat_checkpointer; before, all three are in pg_stat_bgwriter.
    const bufferWrites = await pool
      .query<{ n: string }>('select (buffers_checkpoint + buffers_clean + buffers_backend)::text as n from pg_stat_bgwriter')
      .catch(() => pool.query<{ n: string }>('select ((select buffers_written from pg_stat_checkpointer) + (select buffers_clean from pg_stat_bgwriter))::text as n'))
      .then((r) => Number(r.rows[0]!.n))
      .catch(() => Number.NaN);
    const usage = process.cpuUsage();
    return {
      cpu: {
        worker: cpuMsOf(env.stack.worker.pid),
        api: cpuMsOf(env.stack.api.pid),
        server: env.serverPid ? cpuMsOf(env.serverPid) : Number.NaN,
        postgres: env.postgres ? env.postgres.cpuMs() : Number.NaN,
        soak: (usage.user + usage.system) / 1000,
      },
      commits: { record: commitsOf(names.record), temporal: commitsOf(names.temporal), visibility: commitsOf(names.visibility) },
      wal,
      bufferWrites,
      disk: (({ requests, bytes }) => ({ writes: requests, bytes }))(diskWrites()),
      at: Date.now(),
    };
  };

  const dbSizes = async (): Promise<Sample['db']> => {
    const { rows } = await pool.query<{ name: string; bytes: string }>('select datname as name, pg_database_size(datname)::text as bytes from pg_database where datname = any($1::text[])', [
      Object.values(names).filter(Boolean),
    ]);
    const sizeOf = (name: string) => Number(rows.find((r) => r.name === name)?.bytes ?? Number.NaN);
    return { record: sizeOf(names.record), temporal: sizeOf(names.temporal), visibility: sizeOf(names.visibility) };
  };

  const latenessOf = async (since: number, until: number): Promise<{ yellow: Lateness; red: Lateness }> => {
    const ids = o.timedIds();
    const empty: Lateness = { n: 0, p50: Number.NaN, p99: Number.NaN, max: Number.NaN, pending: 0, oldestPendingMs: Number.NaN };
    if (!ids.length) return { yellow: empty, red: empty };
    const { rows } = await pool.query<{ yellow_at: string | null; yellow_fired: string | null; due_at: string | null; red_fired: string | null }>(
      `select clocks->'signFor'->>'yellowAt' as yellow_at, clocks->'signFor'->>'yellowFiredAt' as yellow_fired,
              clocks->'signFor'->>'dueAt' as due_at, clocks->'signFor'->>'redFiredAt' as red_fired
         from cases where id = any($1::text[])`,
      [ids],
    );
    const of = (due: (r: (typeof rows)[0]) => string | null, fired: (r: (typeof rows)[0]) => string | null): Lateness => {
      const late: number[] = [];
      let pending = 0;
      let oldest = Number.NaN;
      for (const r of rows) {
        const d = due(r) ? Date.parse(due(r)!) : Number.NaN;
        if (!(d <= until)) continue;
        const f = fired(r);
        if (f) {
          if (d > since) late.push(Date.parse(f) - d);
        } else {
          pending += 1;
          oldest = Number.isNaN(oldest) ? until - d : Math.max(oldest, until - d);
        }
      }
      return { n: late.length, p50: percentile(late, 50), p99: percentile(late, 99), max: late.length ? Math.max(...late) : Number.NaN, pending, oldestPendingMs: oldest };
    };
    return { yellow: of((r) => r.yellow_at, (r) => r.yellow_fired), red: of((r) => r.due_at, (r) => r.red_fired) };
  };

  let phase: Phase = 'seed';
  let last = await readCounters();
  const samples: Sample[] = [];
  const counters = { shed: 0, skipped: 0 };
  let running: Promise<Sample> | null = null;

  const take = async (): Promise<Sample> => {
    // A sample asked for just after the timer's (a phase's edge): that one closed the interval already.
    if (samples.length && Date.now() - last.at < 2_000) return samples[samples.length - 1]!;
    const now = await readCounters();
    const window = o.recorder().takeWindow();
    const seconds = (now.at - last.at) / 1000;
    const delta = <T extends Record<string, number>>(a: T, b: T) => Object.fromEntries(Object.keys(a).map((k) => [k, a[k]! - b[k]!])) as T;
    const [db, late, outbox] = await Promise.all([
      dbSizes(),
      latenessOf(last.at, now.at),
      pool.query<{ rows: number; delivered: number; failed: number; waiting: number }>(
        `select count(*)::int as rows, count(delivered_at)::int as delivered, count(failed_at)::int as failed,
                count(*) filter (where delivered_at is null and failed_at is null)::int as waiting from notifications`,
      ),
    ]);
    const mem = (pid: number | undefined) => {
      if (pid === undefined) return Number.NaN;
      try {
        return readMemory(pid).rssMiB;
      } catch {
        return Number.NaN;
      }
    };
    const s: Sample = {
      at: new Date(now.at).toISOString(),
      t: Math.round((now.at - o.startedAt) / 1000),
      phase,
      seconds,
      cases: o.ledger.size,
      open: o.ledger.openCount(),
      writes: window.writes,
      reads: window.reads,
      actions: window.actions,
      shed: counters.shed,
      skipped: counters.skipped,
      memory: { worker: mem(env.stack.worker.pid), api: mem(env.stack.api.pid), server: mem(env.serverPid), postgres: env.postgres ? env.postgres.pssMiB() : Number.NaN },
      cpu: delta(now.cpu, last.cpu),
      db,
      commits: delta(now.commits, last.commits),
      wal: delta(now.wal, last.wal),
      bufferWrites: now.bufferWrites - last.bufferWrites,
      disk: delta(now.disk, last.disk),
      yellow: late.yellow,
      red: late.red,
      notices: { ...outbox.rows[0]!, received: env.receiver.notices.size },
    };
    counters.shed = 0;
    counters.skipped = 0;
    last = now;
    samples.push(s);
    const mb = (b: number) => f0(b / 2 ** 20);
    progress(
      `sample t=${s.t}s [${phase}] open ${s.open.toLocaleString('en')}; writes n=${s.writes.n} p50/p99 ${f0(s.writes.p50)}/${f0(s.writes.p99)} ms` +
        `${s.writes.errors ? ` (${s.writes.errors} errors)` : ''}; reads p99 ${f0(s.reads.p99)} ms; RSS worker/API/server ${f0(s.memory.worker)}/${f0(s.memory.api)}/${f0(s.memory.server)} MiB, PostgreSQL PSS ${f0(s.memory.postgres)} MiB` +
        `; CPU s worker/API/server/PG ${[s.cpu.worker, s.cpu.api, s.cpu.server, s.cpu.postgres].map((x) => f1(x / 1000)).join('/')}` +
        `; DB MiB record/temporal/visibility ${mb(s.db.record)}/${mb(s.db.temporal)}/${mb(s.db.visibility)}` +
        `; yellow late p99 ${f1(s.yellow.p99 / 1000)} s (n=${s.yellow.n}, ${s.yellow.pending} pending), red p99 ${f1(s.red.p99 / 1000)} s (n=${s.red.n}, ${s.red.pending} pending)` +
        `; notices ${s.notices.delivered}/${s.notices.rows} delivered${s.shed ? `; ${s.shed} shed` : ''}`,
    );
    return s;
  };

  // One at a time: a slow sample delays the next rather than overlapping it.
  const queue = () => (running = (running ?? Promise.resolve(null as unknown as Sample)).then(take, take));
  const onTimer = () => void queue().catch((err) => progress(`sample failed: ${err instanceof Error ? err.message : String(err)}`));
  let timer = setInterval(onTimer, o.intervalS * 1000);
  /** A sample asked for (at a phase's edge): the next one comes a whole interval later, not a moment after. */
  const sample = () => {
    clearInterval(timer);
    timer = setInterval(onTimer, o.intervalS * 1000);
    return queue();
  };
  const stop = async () => {
    clearInterval(timer);
    await running?.catch(() => {});
  };
  RUN.cleanup.add('sampler', stop);

  const tablesOf = async (q: (sql: string) => Promise<{ rows: Array<{ name: string; bytes: string; rows: string }> }>): Promise<TableSizes> => {
    const { rows } = await q(
      `select c.relname as name, pg_total_relation_size(c.oid)::text as bytes, greatest(c.reltuples, 0)::bigint::text as rows
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') order by pg_total_relation_size(c.oid) desc limit 8`,
    );
    return rows.map((r) => ({ table: r.name, bytes: Number(r.bytes), rows: Number(r.rows) }));
  };

  return {
    sample,
    samples,
    counters,
    setPhase: (p) => void (phase = p),
    async tables() {
      const [record, temporal, visibility] = await Promise.all([
        tablesOf((sql) => pool.query(sql)),
        clients.temporal ? tablesOf((sql) => clients.temporal!.query(sql)) : Promise.resolve([]),
        clients.visibility ? tablesOf((sql) => clients.visibility!.query(sql)) : Promise.resolve([]),
      ]);
      return { record, temporal, visibility };
    },
    async serverFacts() {
      const { rows } = await pool.query<{ name: string; setting: string }>(
        `select name, setting || coalesce(unit, '') as setting from pg_settings where name = any($1::text[])`,
        [['server_version', 'shared_buffers', 'synchronous_commit', 'wal_level', 'checkpoint_timeout', 'max_wal_size', 'fsync', 'full_page_writes']],
      );
      return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
    },
    counters0: readCounters,
    dbSizes,
    stop,
  };
}

/** The difference of two counter readings: CPU, commits, WAL, buffer and disk writes, and the seconds between. */
export function countersDelta(a: Counters, b: Counters) {
  const d = <T extends Record<string, number>>(x: T, y: T) => Object.fromEntries(Object.keys(x).map((k) => [k, y[k]! - x[k]!])) as T;
  return { cpu: d(a.cpu, b.cpu), commits: d(a.commits, b.commits), wal: d(a.wal, b.wal), bufferWrites: b.bufferWrites - a.bufferWrites, disk: d(a.disk, b.disk), seconds: (b.at - a.at) / 1000, cpuTotal: sum(b.cpu) - sum(a.cpu) };
}
export type CountersDelta = ReturnType<typeof countersDelta>;
