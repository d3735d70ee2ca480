/** The soak's pure parts: its options, the ledger's pools, the mix's draws, the latency windows, the series' CSV. */
import { describe, expect, it } from 'vitest';
import { nextArrivalMs, IdPool, Ledger, weighted } from './ledger.js';
import { prng } from '../load.js';
import { BEIJING_PEAK_PER_S, BOX_FACTOR, DEFAULT_RATE, parseSoakArgs } from './options.js';
import { Recorder } from './recorder.js';
import { perCase } from './rows.js';
import { seriesCsv } from './series.js';
import type { Sample } from './sample.js';

describe('soak options', () => {
  it('defaults to the issue: 30 minutes, 20,000 open cases, Beijing’s peak over the box factor, the production topology', () => {
    const o = parseSoakArgs([]);
    expect(o).toMatchObject({ minutes: 30, open: 20_000, topology: 'production', shards: 4, sampleSeconds: 60, timedShare: 0.02 });
    // 65,000 a day, the peak hour 2.5 × the mean: 1.88/s; over the box factor 4: 0.47/s.
    expect(BEIJING_PEAK_PER_S).toBeCloseTo(1.881, 3);
    expect(o.rate).toBe(DEFAULT_RATE);
    expect(DEFAULT_RATE).toBeCloseTo(BEIJING_PEAK_PER_S / BOX_FACTOR, 2);
  });

  it('takes each option as --name value or --name=value, and refuses what makes no sense', () => {
    expect(parseSoakArgs(['--minutes', '2', '--open=2000', '--rate', '1.5', '--topology', 'dev', '--keep'])).toMatchObject({ minutes: 2, open: 2000, rate: 1.5, topology: 'dev', keep: true });
    expect(parseSoakArgs(['--help']).help).toBe(true);
    expect(() => parseSoakArgs(['--open', '2.5'])).toThrow(/--open needs a whole number/);
    expect(() => parseSoakArgs(['--rate', '0'])).toThrow(/--rate needs a number of at least 0.01/);
    expect(() => parseSoakArgs(['--minutes'])).toThrow(/got nothing/);
    expect(() => parseSoakArgs(['--shards', '6'])).toThrow(/power of two/);
    expect(() => parseSoakArgs(['--timed-share', '0.9'])).toThrow(/at most 0.5/);
    expect(() => parseSoakArgs(['--topology', 'cloud'])).toThrow(/production or dev/);
    expect(() => parseSoakArgs(['--fast'])).toThrow(/unknown option --fast/);
  });
});

describe('soak ledger', () => {
  const entry = (id: string, status: 'received' | 'dispatched' | 'accepted' | 'closed', timed = false) => ({
    id,
    status,
    unit: status === 'received' ? null : 'd01-s01',
    escalation: 0,
    mayReturn: true,
    extended: false,
    kind: timed ? ('timed' as const) : ('catalogue' as const),
    timed,
  });

  it('an id pool adds once, removes in O(1) and picks only members', () => {
    const pool = new IdPool();
    for (const id of ['a', 'b', 'c', 'b']) pool.add(id);
    expect(pool.size).toBe(3);
    expect(pool.remove('a')).toBe(true);
    expect(pool.remove('a')).toBe(false);
    const random = prng(7);
    const picked = new Set(Array.from({ length: 50 }, () => pool.pick(random)));
    expect([...picked].sort()).toEqual(['b', 'c']);
  });

  it('takes a case out of its pool until it is released into the pool of its new state; a busy case is never taken twice', () => {
    const ledger = new Ledger(prng(1));
    ledger.add(entry('A', 'dispatched'));
    ledger.add(entry('B', 'received'));
    const a = ledger.take(['dispatched'])!;
    expect(a.id).toBe('A');
    expect(a.busy).toBe(true);
    expect(ledger.take(['dispatched'])).toBeUndefined();
    expect(ledger.takeId('A')).toBeUndefined();
    ledger.release(a, { status: 'accepted' });
    expect(ledger.take(['dispatched'])).toBeUndefined();
    expect(ledger.take(['accepted'])?.id).toBe('A');
    expect(ledger.counts()).toMatchObject({ accepted: 1, received: 1, dispatched: 0 });
    expect(ledger.openCount()).toBe(2);
  });

  it('leaves the timed cases out of every pool, but reads and counts them', () => {
    const ledger = new Ledger(prng(2));
    ledger.add(entry('T', 'dispatched', true));
    expect(ledger.take(['dispatched'])).toBeUndefined();
    expect(ledger.takeId('T')).toBeUndefined();
    expect(ledger.pickAny()?.id).toBe('T');
    expect(ledger.timedIds()).toEqual(['T']);
    expect(ledger.idsByStatus().get('dispatched')).toEqual(['T']);
  });

  it('takes only a case that fits, and gives up rather than looping when none does', () => {
    const ledger = new Ledger(prng(3));
    for (let i = 0; i < 20; i++) ledger.add({ ...entry(`C${i}`, 'accepted'), escalation: i === 7 ? 1 : 3 });
    expect(ledger.take(['accepted'], (e) => e.escalation < 3 && e.id === 'nobody')).toBeUndefined();
    // Only one of twenty fits: found within a few draws often enough, never a wrong one.
    const found = Array.from({ length: 20 }, () => {
      const e = ledger.take(['accepted'], (x) => x.escalation < 3);
      if (e) ledger.release(e);
      return e?.id;
    }).filter(Boolean);
    expect(new Set(found)).toEqual(new Set(['C7']));
  });
});

describe('soak mix', () => {
  it('draws each action in proportion to its weight, and arrivals at the rate asked', () => {
    const random = prng(42);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 30_000; i++) counts[weighted({ a: 1, b: 2, c: 7 }, random)] += 1;
    expect(counts.a / 30_000).toBeCloseTo(0.1, 1);
    expect(counts.c / 30_000).toBeCloseTo(0.7, 1);
    let total = 0;
    for (let i = 0; i < 20_000; i++) total += nextArrivalMs(4, random);
    expect(total / 20_000).toBeGreaterThan(240);
    expect(total / 20_000).toBeLessThan(260);
  });
});

describe('soak recorder', () => {
  it('keeps the interval and the whole phase apart, writes and reads apart, 409s as conflicts', () => {
    const r = new Recorder(['read:case']);
    for (let i = 1; i <= 100; i++) r.record('accept', i, 'ok');
    r.record('accept', 5, 'conflict');
    r.record('read:case', 3, 'ok');
    r.record('reply', 1, 'error', 'POST /v1/cases/x/reply answered 500');
    const w = r.takeWindow();
    expect(w.actions.accept).toMatchObject({ n: 100, conflicts: 1, errors: 0, p50: 50, p99: 99, max: 100 });
    expect(w.writes).toMatchObject({ n: 100, conflicts: 1, errors: 1 });
    expect(w.reads).toMatchObject({ n: 1, p50: 3 });
    r.record('accept', 1_000, 'ok');
    expect(r.takeWindow().actions.accept).toMatchObject({ n: 1, p99: 1_000 });
    const total = r.total();
    expect(total.actions.accept!.n).toBe(101);
    expect(total.actions.reply!.firstError).toMatch(/answered 500/);
  });
});

describe('soak figures', () => {
  it('CPU per case is what the load added over the stock at rest, per case opened', () => {
    // 60 s of load used 9,000 ms; at rest the process uses 50 ms/s: 6,000 ms of the load's; 30 cases.
    expect(perCase(9_000, 50, 60, 30)).toBe(200);
    expect(perCase(9_000, Number.NaN, 60, 30)).toBe(300);
  });

  it('writes the series as CSV: one row per sample, one column per figure, n / p50 / p99 of every action seen', () => {
    const f = (n: number, p: number) => ({ n, conflicts: 0, errors: 0, p50: p, p95: p, p99: p, max: p });
    const lat = { n: 0, p50: Number.NaN, p99: Number.NaN, max: Number.NaN, pending: 0, oldestPendingMs: Number.NaN };
    const sample = (t: number, actions: Sample['actions']): Sample => ({
      at: new Date(t * 1000).toISOString(),
      t,
      phase: 'soak',
      seconds: 60,
      cases: 10,
      open: 9,
      writes: f(3, 12.345),
      reads: f(1, 4),
      actions,
      shed: 0,
      skipped: 0,
      memory: { worker: 300, api: 200, server: 150, postgres: 400 },
      cpu: { worker: 1, api: 2, server: 3, postgres: 4, soak: 5 },
      db: { record: 1, temporal: 2, visibility: 3 },
      commits: { record: 1, temporal: 2, visibility: 3 },
      wal: { records: 1, bytes: 2, syncs: 3 },
      bufferWrites: 0,
      disk: { writes: 1, bytes: 2 },
      yellow: lat,
      red: lat,
      notices: { rows: 1, delivered: 1, failed: 0, waiting: 0, received: 1 },
    });
    const csv = seriesCsv([sample(60, { accept: f(2, 10) }), sample(120, { reply: f(1, 20) })]).trim().split('\n');
    expect(csv).toHaveLength(3);
    const header = csv[0]!.split(',');
    expect(header.slice(-6)).toEqual(['accept_n', 'accept_p50_ms', 'accept_p99_ms', 'reply_n', 'reply_p50_ms', 'reply_p99_ms']);
    const row = (i: number) => Object.fromEntries(header.map((h, j) => [h, csv[i]!.split(',')[j]]));
    expect(row(1)).toMatchObject({ t_s: '60', writes_p99_ms: '12.35', yellow_p99_ms: '', accept_n: '2', reply_n: '0', reply_p99_ms: '' });
    expect(row(2)).toMatchObject({ accept_n: '0', reply_p50_ms: '20' });
  });
});
