import { describe, expect, it } from 'vitest';
import { clientAddress, createAddressBudget, createCaseCodeThrottle } from './auth-throttle.js';
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

describe('the verification-code throttle', () => {
  const limits = { windowMs: 15 * 60_000, perAddress: 6, perAddressAndCase: 3, perCase: 4 };

  it('per address and case: the address waits for the rest of the case window; other addresses are checked', () => {
    const c = clock();
    const t = createCaseCodeThrottle(limits, c.now);
    for (let i = 0; i < 3; i++) {
      expect(t.waitMs('a', 'HL1')).toBe(0);
      t.wrong('a', 'HL1');
    }
    c.advance(60_000);
    expect(t.waitMs('a', 'HL1')).toBe(14 * 60_000);
    expect(t.waitMs('a', 'HL2')).toBe(0);
    expect(t.waitMs('b', 'HL1')).toBe(0);
    c.advance(14 * 60_000);
    expect(t.waitMs('a', 'HL1')).toBe(0);
  });

  it('per case: past its cap an address that guessed wrong waits, one that did not has its try', () => {
    const t = createCaseCodeThrottle(limits, clock().now);
    t.wrong('a', 'HL1');
    t.wrong('b', 'HL1');
    t.wrong('c', 'HL1');
    expect(t.waitMs('a', 'HL1')).toBe(0); // 3 of 4
    t.wrong('a', 'HL1');
    for (const address of ['a', 'b', 'c']) expect(t.waitMs(address, 'HL1'), address).toBeGreaterThan(0);
    expect(t.waitMs('d', 'HL1')).toBe(0);
    t.wrong('d', 'HL1');
    expect(t.waitMs('d', 'HL1')).toBeGreaterThan(0);
    expect(t.waitMs('e', 'HL1')).toBe(0);
  });

  it('per address across cases: its own window, not forgiven with a case', () => {
    const c = clock();
    const t = createCaseCodeThrottle(limits, c.now);
    for (let i = 0; i < 6; i++) t.wrong('a', `HL${i}`);
    expect(t.waitMs('a', 'HL9')).toBe(15 * 60_000);
    t.forgive('HL0');
    expect(t.waitMs('a', 'HL0')).toBe(15 * 60_000);
    c.advance(15 * 60_000);
    expect(t.waitMs('a', 'HL0')).toBe(0);
  });

  it('forgive starts the case afresh for every address', () => {
    const t = createCaseCodeThrottle(limits, clock().now);
    for (let i = 0; i < 3; i++) t.wrong('a', 'HL1');
    t.wrong('b', 'HL1');
    expect(t.waitMs('a', 'HL1')).toBeGreaterThan(0);
    expect(t.waitMs('b', 'HL1')).toBeGreaterThan(0);
    t.forgive('HL1');
    expect(t.waitMs('a', 'HL1')).toBe(0);
    expect(t.waitMs('b', 'HL1')).toBe(0);
    // Counting starts again from nothing.
    t.wrong('a', 'HL1');
    expect(t.waitMs('a', 'HL1')).toBe(0);
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
