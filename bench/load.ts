/**
 * Closed-loop load: `concurrency` loops each run one operation after the other until a time or count budget
 * is spent; latency is measured client-side per operation. Plus percentiles and a keep-alive JSON HTTP client.
 */
import { performance } from 'node:perf_hooks';

export interface LoadResult {
  /** Operations that succeeded. */
  ok: number;
  errors: number;
  firstError: string | null;
  /** From the first operation's start to the last operation's end (the tail after the deadline included). */
  elapsedMs: number;
  /** Latencies of the successful operations, ms. */
  latencies: number[];
  /** Successful operations per second. */
  rate: number;
}

export interface LoadOptions {
  concurrency: number;
  /** Stop starting new operations after this long… */
  durationMs?: number;
  /** …or after this many operations in total (whichever comes first; one of the two is required). */
  count?: number;
  /** Checked between operations: a Ctrl-C stops the loops early. */
  stopped?: () => boolean;
}

export async function closedLoop(opts: LoadOptions, op: (n: number) => Promise<void>): Promise<LoadResult> {
  if (opts.durationMs === undefined && opts.count === undefined) throw new Error('closedLoop needs a duration or a count');
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let next = 0;
  const start = performance.now();
  const deadline = opts.durationMs === undefined ? Infinity : start + opts.durationMs;
  const more = () => performance.now() < deadline && (opts.count === undefined || next < opts.count) && !opts.stopped?.();
  const loop = async () => {
    while (more()) {
      const n = next++;
      const t0 = performance.now();
      try {
        await op(n);
        latencies.push(performance.now() - t0);
      } catch (err) {
        errors += 1;
        firstError ??= err instanceof Error ? err.message : String(err);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, loop));
  const elapsedMs = performance.now() - start;
  return { ok: latencies.length, errors, firstError, elapsedMs, latencies, rate: latencies.length / (elapsedMs / 1000) };
}

/** Nearest-rank percentile of an unsorted sample (ms); NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  n: number;
}

export function percentiles(values: readonly number[]): Percentiles {
  return { p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99), n: values.length };
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what} answered ${status}: ${body.slice(0, 300)}`);
  }
}

/**
 * A JSON client on Node's global fetch (undici: keep-alive connection pool per origin, connections reused
 * across requests). The body is read completely before the call returns, so a latency includes it.
 */
export function httpClient(base: string) {
  async function call<T>(method: 'GET' | 'POST', path: string, body: unknown, headers: Record<string, string>, expect: number[]): Promise<T> {
    const res = await fetch(base + path, {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!expect.includes(res.status)) throw new HttpError(res.status, text, `${method} ${path}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return {
    get: <T = any>(path: string, headers: Record<string, string> = {}) => call<T>('GET', path, undefined, headers, [200]),
    post: <T = any>(path: string, body: unknown, headers: Record<string, string> = {}, expect = [200, 201]) => call<T>('POST', path, body, headers, expect),
  };
}
export type HttpClient = ReturnType<typeof httpClient>;

/** mulberry32: a small seeded PRNG, uniform in [0, 1): the same seed gives the same sequence. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
