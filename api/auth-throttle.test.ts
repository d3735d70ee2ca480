import { describe, expect, it } from 'vitest';
import { clientAddress, createAddressBudget } from './auth-throttle.js';
import { LruMap } from './lru.js';

/** A clock the test moves. */
function clock(start = Date.parse('2026-03-02T09:00:00+08:00')) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('clientAddress', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.1', '64:ff9b:0:0::/64'],
  ])('%s → %s', (ip, key) => expect(clientAddress(ip)).toBe(key));
});

describe('the address budget', () => {
  it('refuses past the budget until the minute started by the first failure is over; a success gives its unit back', () => {
    const c = clock();
    const budget = createAddressBudget(3, c.now);
    budget.spend('a');
    budget.refund('a'); // verified
    for (let i = 0; i < 3; i++) {
      expect(budget.waitMs('a')).toBe(0);
      budget.spend('a');
    }
    expect(budget.waitMs('a')).toBe(60_000);
    expect(budget.waitMs('b')).toBe(0);
    c.advance(59_000);
    expect(budget.waitMs('a')).toBe(1_000);
    c.advance(1_000);
    expect(budget.waitMs('a')).toBe(0);
    budget.refund('a'); // nothing to give back in a new window
    budget.spend('a');
    expect(budget.waitMs('a')).toBe(0);
  });
});

describe('LruMap', () => {
  it('keeps what is used; the least recently used leaves first', () => {
    const m = new LruMap<string, number>(2);
    m.set('a', 1).set('b', 2);
    m.get('a');
    m.set('c', 3);
    expect([m.peek('a'), m.peek('b'), m.peek('c'), m.size]).toEqual([1, undefined, 3, 2]);
    m.peek('a'); // does not count as use
    m.set('d', 4);
    expect([m.peek('a'), m.peek('c'), m.peek('d')]).toEqual([undefined, 3, 4]);
  });
});
