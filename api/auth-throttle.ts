/**
 * What slows down people who try credentials they do not have (api/auth.ts applies it), in memory, per API
 * instance; every number is configuration (runtime/config.ts):
 *
 * - the address budget (RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE): every request to a route that needs a credential
 *   spends one unit of its client address's budget before the credential is checked, and gets it back when the
 *   credential verifies. So only failures (and requests without a credential) add up, concurrent ones included,
 *   and an address past its budget is answered 429 before anything is looked up.
 *
 * Addresses are keyed by clientAddress: IPv4 as it is, IPv6 by its /64 (what one subscriber is usually given).
 * Counters live in fixed windows that start at the first count; all maps are bounded (LruMap), so made-up
 * addresses or case numbers cannot grow memory. With several API instances behind a load balancer, each counts
 * on its own: a guesser spread over n instances gets up to n times the numbers below.
 */
import { isIPv6 } from 'node:net';
import { LruMap } from './lru.js';

/** Addresses and cases each counter remembers (the least recently counted leave first). */
const MAX_KEYS = 100_000;

/** The key of a client address: IPv4 (also IPv4-mapped IPv6) as it is, IPv6 by its /64. */
export function clientAddress(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail] = ip.split('%')[0]!.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])));
  const front = groups(head);
  const back = tail === undefined ? [] : groups(tail);
  const all = [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  return `${all.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

interface Window {
  count: number;
  /** When this window ends (epoch ms). */
  resetAt: number;
}

/** Counts per key in fixed windows of `windowMs` that start at a key's first count. */
class WindowCounts {
  private readonly windows = new LruMap<string, Window>(MAX_KEYS);

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** The key's window, while it lasts. */
  current(key: string): Window | undefined {
    const w = this.windows.peek(key);
    if (w && w.resetAt > this.now()) return w;
    if (w) this.windows.delete(key);
    return undefined;
  }

  add(key: string, n = 1): Window {
    const w = this.current(key) ?? { count: 0, resetAt: this.now() + this.windowMs };
    w.count = Math.max(0, w.count + n);
    this.windows.set(key, w);
    return w;
  }
}

export interface AddressBudget {
  /** Milliseconds until the address may try again (its budget is spent), or 0. */
  waitMs(address: string): number;
  /** Spends one unit (before the credential is checked). */
  spend(address: string): void;
  /** Gives the unit back (the credential verified). */
  refund(address: string): void;
}

/** Requests per minute per address whose credential fails or is missing (see the file comment). */
export function createAddressBudget(perMinute: number, now: () => number = Date.now): AddressBudget {
  const counts = new WindowCounts(60_000, now);
  return {
    waitMs(address) {
      const w = counts.current(address);
      return w && w.count >= perMinute ? Math.max(1, w.resetAt - now()) : 0;
    },
    spend: (address) => void counts.add(address),
    refund(address) {
      if (counts.current(address)) counts.add(address, -1);
    },
  };
}

/** RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE unless configured. */
export const DEFAULT_UNAUTHENTICATED_PER_MINUTE = 60;
