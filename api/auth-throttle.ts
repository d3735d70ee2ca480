/**
 * What slows down people who try credentials they do not have (api/auth.ts applies them), in memory, per API
 * instance; every number is configuration (platform/config.ts):
 *
 * - the address budget (RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE): every request to a route that needs a credential
 *   spends one unit of its client address's budget before the credential is checked, and gets it back when the
 *   credential verifies. So only failures (and requests without a credential) add up, concurrent ones included,
 *   and an address past its budget is answered 429 before anything is looked up;
 * - the verification-code throttle (CASE_CODE_*): wrong codes counted per address, per address and case, and per
 *   case. See createCaseCodeThrottle.
 *
 * Addresses are keyed by clientAddress: IPv4 as it is, IPv6 by its /64 (what one subscriber is usually given).
 * Counters live in fixed windows that start at the first count; all maps are bounded (LruMap), so made-up
 * addresses or case numbers cannot grow memory. With several API instances behind a load balancer, each counts
 * on its own: a guesser spread over n instances gets up to n times the numbers below.
 */
import { isIPv6 } from 'node:net';
import { LruMap } from './lru.js';
import { DEFAULT_CASE_CODE_LIMITS, DEFAULT_UNAUTHENTICATED_PER_MINUTE, type CaseCodeLimits } from '../platform/config.js';

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

// The defaults are configuration's (platform/config.ts parses the variables that override them).
export { DEFAULT_CASE_CODE_LIMITS, DEFAULT_UNAUTHENTICATED_PER_MINUTE, type CaseCodeLimits };

export interface CaseCodeThrottle {
  /** Milliseconds this address waits before a code of this case is checked for it, or 0 (check it now). */
  waitMs(address: string, caseId: string): number;
  /** A wrong code from this address for this case. */
  wrong(address: string, caseId: string): void;
  /** The case starts afresh (its code was sent to the complainant again): its counts, for every address, go. */
  forgive(caseId: string): void;
}

/**
 * Guessing a complainant's 8-digit code (10^8 values), slowed down without locking the complainant out.
 *
 * A code is checked unless its address has spent its budget across cases (`perAddress` wrong codes), or on this
 * case (`perAddressAndCase`), or the case has had `perCase` wrong codes from all addresses in its window and this
 * address is one of them. Those wait (429 with Retry-After) until their window ends. So a right code sent from an
 * address that has not guessed wrong — the complainant's phone — is always checked, and works, however many
 * others guess at the case: there is no lockout.
 *
 * What a guesser gets, per window (15 minutes by default): from one address, at most `perAddressAndCase` tries at
 * one case and `perAddress` overall; with k addresses, at most `perCase` + k tries at one case. With the defaults
 * (5 per address and case, 20 per address, 10 per case) one address needs on average 10^8 / 2 / 5 windows, about
 * 285 years, to find one case's code; 1,000 addresses together (10 + 1,000 tries a window) about 17 months.
 *
 * The counts of a case and of its (address, case) pairs share one window, which starts at the case's first wrong
 * code; forgive() ends it (after a resend). An address's window is its own and is not forgiven.
 */
export function createCaseCodeThrottle(limits: CaseCodeLimits, now: () => number = Date.now): CaseCodeThrottle {
  const byAddress = new WindowCounts(limits.windowMs, now);
  const byCase = new WindowCounts(limits.windowMs, now);
  /** Wrong codes of an (address, case) pair: they count while the case's window they were made in lasts. */
  const byPair = new LruMap<string, { count: number; window: Window }>(MAX_KEYS);
  const pairKey = (address: string, caseId: string) => `${address} ${caseId}`;

  function pairCount(address: string, caseWindow: Window | undefined, caseId: string): number {
    const p = byPair.peek(pairKey(address, caseId));
    return p && caseWindow && p.window === caseWindow ? p.count : 0;
  }

  return {
    waitMs(address, caseId) {
      const a = byAddress.current(address);
      if (a && a.count >= limits.perAddress) return Math.max(1, a.resetAt - now());
      const c = byCase.current(caseId);
      const mine = pairCount(address, c, caseId);
      if (c && (mine >= limits.perAddressAndCase || (mine > 0 && c.count >= limits.perCase))) return Math.max(1, c.resetAt - now());
      return 0;
    },
    wrong(address, caseId) {
      byAddress.add(address);
      const before = byCase.current(caseId);
      const mine = pairCount(address, before, caseId);
      const c = byCase.add(caseId);
      byPair.set(pairKey(address, caseId), { count: mine + 1, window: c });
    },
    forgive(caseId) {
      // A new window for the case: its pairs' counts belong to the old one and stop counting.
      const c = byCase.current(caseId);
      if (c) c.resetAt = 0;
    },
  };
}
