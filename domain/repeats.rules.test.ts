import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCasePolicy } from '../db/seed-policy.js';
import { boundingBox, chooseMaster as choose, distanceMeters, normalisePhone, phoneSpellings, sameDemand as same, type RepeatCandidate, type RepeatComplaint } from './repeats.rules.js';
import { windowStart } from './deadlines.js';
import type { RepeatPolicy } from './policy.types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-11-16T10:00:00+08:00');
/** Hefei Luyang; 0.001° of latitude is about 111 m. */
const HERE = { lat: 31.8639, lng: 117.2808 };
/** The default policy's repeat rules: 30 days, 200 m, cards at 3 / 4 / 5. */
const policy: RepeatPolicy = defaultCasePolicy.repeats!;
/** The official calendar of mainland China (2024–2026), as the default policy counts on it. */
const calendar = defaultCasePolicy.calendar;
const sameDemand = (c: RepeatComplaint, x: RepeatCandidate, p: RepeatPolicy) => same(c, x, p, calendar);
const chooseMaster = (c: RepeatComplaint, xs: readonly RepeatCandidate[], p: RepeatPolicy) => choose(c, xs, p, calendar);

const complaint: RepeatComplaint = { id: 'HLNEW', categoryId: 'env.noise', areaUnitId: 'c01', areaUnitType: 'community', ...HERE, phone: '13812345678', createdAt: T0 };
const row = (over: Partial<RepeatCandidate> & { id: string }): RepeatCandidate => ({
  categoryId: 'env.noise',
  areaUnitId: null,
  lat: null,
  lng: null,
  phone: '13900000000',
  createdAt: T0 - DAY,
  status: 'dispatched',
  masterCaseId: null,
  ...over,
});

describe('normalisePhone and the spellings searched', () => {
  it('one spelling per number: separators, +86, 0086 and 86 before a mobile dropped; a landline keeps its trunk 0', () => {
    for (const p of ['13812345678', '138 1234 5678', '138-1234-5678', '+86 138 1234 5678', '+8613812345678', '008613812345678', '8613812345678', ' 13812345678 ']) {
      expect(normalisePhone(p), p).toBe('13812345678');
    }
    for (const p of ['010-12345678', '010 1234 5678', '+86 10 12345678', '0086 10 12345678']) expect(normalisePhone(p), p).toBe('01012345678');
    expect(normalisePhone('0551-65551234')).toBe('055165551234');
    expect(normalisePhone('+1 415 555 0100')).toBe('+14155550100');
    expect(normalisePhone('12345')).toBe('12345');
    expect(normalisePhone('---')).toBe('');
  });

  it('the spellings the search asks for all normalise to the number, and include the one typed', () => {
    for (const typed of ['13812345678', '+86 138-1234-5678', '010-12345678', '0551 65551234', '+1 415 555 0100']) {
      const spellings = phoneSpellings(typed);
      expect(spellings).toContain(typed.trim());
      expect(spellings).toContain(normalisePhone(typed));
      for (const s of spellings) expect(normalisePhone(s), `${typed} → ${s}`).toBe(normalisePhone(typed));
    }
    expect(phoneSpellings('13812345678')).toEqual(expect.arrayContaining(['138 1234 5678', '138-1234-5678', '+8613812345678', '+86 138 1234 5678']));
  });
});

describe('distanceMeters and the box searched', () => {
  it('haversine: 0.001° of latitude ≈ 111 m; Hefei to Beijing ≈ 900 km', () => {
    expect(distanceMeters(HERE, { lat: HERE.lat + 0.001, lng: HERE.lng })).toBeCloseTo(111.2, 0);
    expect(distanceMeters(HERE, HERE)).toBe(0);
    expect(distanceMeters(HERE, { lat: 39.9087, lng: 116.3975 }) / 1000).toBeCloseTo(898, -1);
  });

  it('every point within the distance lies in the box', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -80, max: 80, noNaN: true }),
        fc.double({ min: -179, max: 179, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lat, lng, bearing, f) => {
          const d = 200 * f;
          // A point d metres away along the bearing (small distances: flat enough).
          const p = { lat: lat + ((d * Math.cos(bearing)) / 6_371_008.8) * (180 / Math.PI), lng: lng + ((d * Math.sin(bearing)) / (6_371_008.8 * Math.cos((lat * Math.PI) / 180))) * (180 / Math.PI) };
          if (distanceMeters({ lat, lng }, p) > 200) return;
          const box = boundingBox(lat, lng, 200);
          expect(p.lat).toBeGreaterThanOrEqual(box.minLat);
          expect(p.lat).toBeLessThanOrEqual(box.maxLat);
          expect(p.lng).toBeGreaterThanOrEqual(box.minLng);
          expect(p.lng).toBeLessThanOrEqual(box.maxLng);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('sameDemand', () => {
  it('the same category and place (area, or coordinates within the distance) or complainant, earlier and inside the window', () => {
    expect(sameDemand(complaint, row({ id: 'A', areaUnitId: 'c01' }), policy)).toBe(true);
    expect(sameDemand(complaint, row({ id: 'A', areaUnitId: 'c01', categoryId: 'env.dust' }), policy)).toBe(false);
    expect(sameDemand(complaint, row({ id: 'A', areaUnitId: 'c02' }), policy)).toBe(false);
    // Coordinates: 150 m north without an area → same place; 2 km → not.
    expect(sameDemand(complaint, row({ id: 'A', lat: HERE.lat + 0.00135, lng: HERE.lng }), policy)).toBe(true);
    expect(sameDemand(complaint, row({ id: 'A', lat: HERE.lat + 0.018, lng: HERE.lng }), policy)).toBe(false);
    expect(sameDemand({ ...complaint, lat: null, lng: null }, row({ id: 'A', lat: HERE.lat, lng: HERE.lng }), policy)).toBe(false);
    // The same complainant anywhere, however the number was typed.
    expect(sameDemand(complaint, row({ id: 'A', areaUnitId: 'elsewhere', phone: '+86 138-1234-5678' }), policy)).toBe(true);
    expect(sameDemand(complaint, row({ id: 'A', areaUnitId: 'elsewhere', phone: '+86 138-1234-5678', categoryId: 'traffic' }), policy)).toBe(false);
  });

  it('a window in days is wall-clock time; later cases and the case itself never match', () => {
    expect(sameDemand(complaint, row({ id: 'A', areaUnitId: 'c01', createdAt: T0 - 30 * DAY }), policy)).toBe(true);
    expect(sameDemand(complaint, row({ id: 'A', areaUnitId: 'c01', createdAt: T0 - 30 * DAY - 1 }), policy)).toBe(false);
    expect(sameDemand(complaint, row({ id: 'A', areaUnitId: 'c01', createdAt: T0 + 1 }), policy)).toBe(false);
    // The same instant: the lower id is the earlier.
    expect(sameDemand(complaint, row({ id: 'HLA', areaUnitId: 'c01', createdAt: T0 }), policy)).toBe(true);
    expect(sameDemand(complaint, row({ id: 'HLZ', areaUnitId: 'c01', createdAt: T0 }), policy)).toBe(false);
    expect(sameDemand(complaint, row({ id: 'HLNEW', areaUnitId: 'c01' }), policy)).toBe(false);
  });

  it('a window in working days counts working days on the calendar: the Spring Festival is not in the count', () => {
    const working: RepeatPolicy = { ...policy, window: { amount: 5, unit: 'working_days' } };
    // Thursday 2026-02-12 10:00; its 5th working day after is Thursday 2026-02-26 (Fri 13, the make-up Saturday 14,
    // then the holiday 15–23, then Tue 24, Wed 25, Thu 26): 14 calendar days.
    const earlier = Date.parse('2026-02-12T10:00:00+08:00');
    const at = (when: string) => ({ ...complaint, createdAt: Date.parse(when) });
    const before = row({ id: 'A', areaUnitId: 'c01', createdAt: earlier });
    expect(sameDemand(at('2026-02-24T10:00:00+08:00'), before, working)).toBe(true);
    expect(sameDemand(at('2026-02-26T10:00:00+08:00'), before, working)).toBe(true);
    expect(sameDemand(at('2026-02-26T10:00:00.001+08:00'), before, working)).toBe(false);
    // Five working days are not five calendar days after a weekend either: Friday → the next Friday, not Wednesday.
    const friday = row({ id: 'B', areaUnitId: 'c01', createdAt: Date.parse('2026-03-06T09:30:00+08:00') });
    expect(sameDemand(at('2026-03-13T09:00:00+08:00'), friday, working)).toBe(true);
    expect(sameDemand(at('2026-03-13T10:00:00+08:00'), friday, working)).toBe(false);
    // The search's lower bound holds every case the rule keeps.
    for (const when of ['2026-02-24T10:00:00+08:00', '2026-02-26T10:00:00+08:00', '2026-03-13T09:00:00+08:00']) {
      expect(windowStart(Date.parse(when), working.window, calendar)).toBeLessThan(when.startsWith('2026-03') ? friday.createdAt : earlier);
    }
  });

  it('the same area links only at the lowest level of place, a community or grid: never by a street or district alone', () => {
    const candidate = row({ id: 'A', areaUnitId: 'd01-s01', phone: '13900000001' });
    expect(sameDemand({ ...complaint, areaUnitId: 'd01-s01', areaUnitType: 'street', lat: null, lng: null }, candidate, policy)).toBe(false);
    expect(sameDemand({ ...complaint, areaUnitId: 'd01', areaUnitType: 'district', lat: null, lng: null }, { ...candidate, areaUnitId: 'd01' }, policy)).toBe(false);
    expect(sameDemand({ ...complaint, areaUnitId: 'd01-s01', areaUnitType: null, lat: null, lng: null }, candidate, policy)).toBe(false);
    expect(sameDemand({ ...complaint, areaUnitId: 'd01-s01-c01-g02', areaUnitType: 'grid' }, { ...candidate, areaUnitId: 'd01-s01-c01-g02' }, policy)).toBe(true);
    // A street-level complaint still links by its coordinates or its complainant.
    const street = { ...complaint, areaUnitId: 'd01-s01', areaUnitType: 'street' };
    expect(sameDemand(street, { ...candidate, lat: HERE.lat + 0.0009, lng: HERE.lng }, policy)).toBe(true);
    expect(sameDemand(street, { ...candidate, phone: '138 1234 5678' }, policy)).toBe(true);
  });
});

describe('chooseMaster', () => {
  it('nothing matches: no master', () => {
    expect(chooseMaster(complaint, [row({ id: 'A', areaUnitId: 'c09' })], policy)).toEqual({ masterCaseId: null, matches: [] });
  });

  it('no group yet: the earliest matching case, closed or open (a problem closed and back is what the cards count)', () => {
    const d = chooseMaster(
      complaint,
      [row({ id: 'B', areaUnitId: 'c01', createdAt: T0 - 2 * DAY }), row({ id: 'A', areaUnitId: 'c01', createdAt: T0 - 5 * DAY, status: 'closed' }), row({ id: 'C', areaUnitId: 'c01', createdAt: T0 - HOUR })],
      policy,
    );
    expect(d.masterCaseId).toBe('A');
    expect(d.matches.map((m) => m.id)).toEqual(['A', 'B', 'C']);
  });

  it("a group that exists wins: the master of a matching case, though it matches nothing itself", () => {
    const d = chooseMaster(
      complaint,
      [
        row({ id: 'EARLY', phone: '13812345678', createdAt: T0 - 9 * DAY }),
        row({ id: 'MEMBER', areaUnitId: 'c01', createdAt: T0 - 2 * DAY, masterCaseId: 'M' }),
        row({ id: 'M', areaUnitId: 'c77', createdAt: T0 - 3 * DAY, repeatCount: 2 }),
      ],
      policy,
    );
    expect(d.masterCaseId).toBe('M');
    expect(d.matches.map((m) => m.id)).toEqual(['EARLY', 'MEMBER']);
    // The master's age and status as the search joined them, when it is not a candidate itself.
    const joined = chooseMaster(complaint, [row({ id: 'MEMBER', areaUnitId: 'c01', masterCaseId: 'M', master: { createdAt: T0 - 3 * DAY, status: 'accepted' } })], policy);
    expect(joined.masterCaseId).toBe('M');
  });

  it('a group whose master is closed goes on while the master is inside the window; after it, the group is over', () => {
    const group = [
      row({ id: 'M', areaUnitId: 'c01', createdAt: T0 - 9 * DAY, status: 'closed', repeatCount: 3 }),
      row({ id: 'MEMBER', areaUnitId: 'c01', createdAt: T0 - 8 * DAY, masterCaseId: 'M' }),
      row({ id: 'FRESH', areaUnitId: 'c01', createdAt: T0 - DAY }),
    ];
    expect(chooseMaster(complaint, group, policy).masterCaseId).toBe('M');
    // The master 31 days back (outside the 30 days): its member still matches, but the group is over.
    const old = [
      row({ id: 'MEMBER', areaUnitId: 'c01', createdAt: T0 - 8 * DAY, masterCaseId: 'M', master: { createdAt: T0 - 31 * DAY, status: 'closed' } }),
      row({ id: 'FRESH', areaUnitId: 'c01', createdAt: T0 - DAY }),
    ];
    expect(chooseMaster(complaint, old, policy).masterCaseId).toBe('FRESH');
    // An open master is alive however old.
    const alive = [row({ id: 'MEMBER', areaUnitId: 'c01', createdAt: T0 - 8 * DAY, masterCaseId: 'M', master: { createdAt: T0 - 60 * DAY, status: 'on_hold' } })];
    expect(chooseMaster(complaint, alive, policy).masterCaseId).toBe('M');
  });
});

describe('properties (fast-check)', () => {
  const IDS = Array.from({ length: 16 }, (_, i) => `HL${String(i).padStart(16, '0')}`);
  const SELF = IDS[0]!;
  const STATUSES = ['received', 'dispatched', 'accepted', 'replied', 'on_hold', 'closed'];
  const PHONES = ['13812345678', '+86 138 1234 5678', '138-1234-5678', '13912345678', '010-12345678'];
  // Coordinates up to ~400 m from HERE, some within the 200 m, some not; or none.
  const coords = fc.option(fc.record({ lat: fc.integer({ min: -4, max: 4 }).map((k) => HERE.lat + k * 0.0009), lng: fc.integer({ min: -4, max: 4 }).map((k) => HERE.lng + k * 0.001) }), { nil: null });
  // Six-hour steps from 2 days after to 33 days before the complaint: ties, the window's edge, later cases.
  const createdAt = fc.integer({ min: -8, max: 132 }).map((k) => T0 - k * 6 * HOUR);
  const candidate = fc.record({
    id: fc.constantFrom(...IDS),
    categoryId: fc.constantFrom('env.noise', 'env.noise', 'traffic'),
    areaUnitId: fc.constantFrom('c01', 'c02', null),
    at: coords,
    phone: fc.constantFrom(...PHONES),
    createdAt,
    status: fc.constantFrom(...STATUSES),
    // Mostly in no group, as most cases are.
    masterCaseId: fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.constantFrom(...IDS), weight: 1 }),
    repeatCount: fc.oneof({ arbitrary: fc.constant(1), weight: 4 }, { arbitrary: fc.integer({ min: 2, max: 5 }), weight: 1 }),
  }).map(({ at, ...c }): RepeatCandidate => ({ ...c, lat: at?.lat ?? null, lng: at?.lng ?? null }));
  // What the search joins of each case as a master (one answer per master; none: the search did not read it).
  const masters = fc.array(fc.option(fc.record({ createdAt, status: fc.constantFrom(...STATUSES) }), { nil: null }), { minLength: IDS.length, maxLength: IDS.length });
  const world = fc.record({
    complaint: fc.record({
      categoryId: fc.constantFrom('env.noise', 'traffic'),
      areaUnitId: fc.constantFrom('c01', 'c02', null),
      areaUnitType: fc.constantFrom('community', 'community', 'grid', 'street'),
      at: coords,
      phone: fc.constantFrom(...PHONES),
    }).map(({ at, ...c }): RepeatComplaint => ({ ...c, id: SELF, lat: at?.lat ?? null, lng: at?.lng ?? null, createdAt: T0 })),
    // Unique ids; the complaint's own id among them at times (an idempotent retry finds its own case).
    candidates: fc
      .tuple(fc.uniqueArray(candidate, { selector: (c) => c.id, maxLength: 12 }), masters)
      .map(([cs, ms]) => cs.map((c) => ({ ...c, master: c.masterCaseId ? ms[IDS.indexOf(c.masterCaseId)]! : null }))),
    order: fc.array(fc.double({ noNaN: true }), { minLength: 12, maxLength: 12 }),
  });
  const shuffled = <T>(xs: readonly T[], keys: number[]) => xs.map((x, i) => [keys[i]!, x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
  const older = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) => a.createdAt - b.createdAt || a.id.localeCompare(b.id);
  const RUNS = { numRuns: 2000 };

  it('the same input gives the same links', () => {
    fc.assert(
      fc.property(world, ({ complaint: c, candidates }) => {
        expect(chooseMaster(c, candidates, policy)).toEqual(chooseMaster(structuredClone(c), structuredClone(candidates), structuredClone(policy)));
      }),
      RUNS,
    );
  });

  it('the order the candidates come in changes neither the master nor the matches', () => {
    fc.assert(
      fc.property(world, ({ complaint: c, candidates, order }) => {
        const a = chooseMaster(c, candidates, policy);
        const b = chooseMaster(c, shuffled(candidates, order), policy);
        expect(b.masterCaseId).toBe(a.masterCaseId);
        expect(b.matches.map((m) => m.id)).toEqual(a.matches.map((m) => m.id));
      }),
      RUNS,
    );
  });

  it('a case never becomes its own repeat, and every link points back in time, inside the window', () => {
    fc.assert(
      fc.property(world, ({ complaint: c, candidates }) => {
        const d = chooseMaster(c, candidates, policy);
        expect(d.masterCaseId).not.toBe(c.id);
        for (const m of d.matches) {
          expect(m.id).not.toBe(c.id);
          expect(older(m, c)).toBeLessThan(0);
          expect(c.createdAt - m.createdAt).toBeLessThanOrEqual(30 * DAY);
          expect(m.categoryId).toBe(c.categoryId);
        }
      }),
      RUNS,
    );
  });

  it('the master is always the earliest eligible: an existing group first (closed only inside the window), else a case in no group', () => {
    fc.assert(
      fc.property(world, ({ complaint: c, candidates }) => {
        const d = chooseMaster(c, candidates, policy);
        const matching = candidates.filter((x) => sameDemand(c, x, policy));
        const byId = new Map(candidates.map((x) => [x.id, x]));
        const groups = matching.flatMap((m) => {
          if (!m.masterCaseId) return (m.repeatCount ?? 1) > 1 ? [m] : [];
          const master = byId.get(m.masterCaseId) ?? m.master;
          return master ? [{ id: m.masterCaseId, createdAt: master.createdAt, status: master.status }] : [];
        });
        const eligibleGroups = groups.filter((g) => (g.status !== 'closed' || c.createdAt - g.createdAt <= 30 * DAY) && g.id !== c.id);
        const founders = matching.filter((m) => !m.masterCaseId);
        const tier = eligibleGroups.length ? eligibleGroups : founders;
        if (!tier.length) {
          expect(d.masterCaseId).toBeNull();
          return;
        }
        const chosen = tier.find((t) => t.id === d.masterCaseId);
        expect(chosen, `master ${d.masterCaseId} among ${tier.map((t) => t.id).join(', ')}`).toBeDefined();
        for (const t of tier) expect(older(chosen!, t)).toBeLessThanOrEqual(0);
      }),
      RUNS,
    );
  });
});
