/**
 * What the soak knows of its cases (pure, no I/O): each case's state as the API last answered it, and pools of the
 * cases by state from which the driver takes one to act on. A case taken is busy (in no pool) until its action
 * is done, so no two actions of the soak race on one case; the timed cases (their warnings fall due in phase 2)
 * are in no pool at all: nothing acts on them, their clocks run out as planned.
 */
import { CASE_STATUSES, type CaseStatus } from '../../domain/case.types.js';

export interface Entry {
  id: string;
  status: CaseStatus;
  /** The unit that has the case (null while received or returned). */
  unit: string | null;
  escalation: number;
  /** The unit may return it now: inside its return window, not designated to it, not a re-handling round. */
  mayReturn: boolean;
  /** Asked for an extension once already (the soak asks at most once a case). */
  extended: boolean;
  /** How it came in: dispatched by the catalogue at intake, left to a dispatcher, answered at intake, timed. */
  kind: 'catalogue' | 'dispatcher' | 'triage' | 'timed';
  /** Opened with its warnings timed to fall due in phase 2: never acted on. */
  timed: boolean;
  busy: boolean;
}

/** A set of ids with O(1) add, remove and a uniformly random pick. */
export class IdPool {
  private readonly ids: string[] = [];
  private readonly index = new Map<string, number>();

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  add(id: string): void {
    if (this.index.has(id)) return;
    this.index.set(id, this.ids.length);
    this.ids.push(id);
  }

  remove(id: string): boolean {
    const i = this.index.get(id);
    if (i === undefined) return false;
    const last = this.ids.pop()!;
    if (last !== id) {
      this.ids[i] = last;
      this.index.set(last, i);
    }
    this.index.delete(id);
    return true;
  }

  /** A random member (random() in [0, 1)), or undefined when empty. */
  pick(random: () => number): string | undefined {
    return this.ids.length ? this.ids[Math.floor(random() * this.ids.length)] : undefined;
  }
}

export class Ledger {
  private readonly entries = new Map<string, Entry>();
  private readonly pools = new Map<CaseStatus, IdPool>(CASE_STATUSES.map((s) => [s, new IdPool()]));
  /** Every case, for the reads (a closed case is read too). */
  private readonly all = new IdPool();

  constructor(private readonly random: () => number) {}

  get size(): number {
    return this.entries.size;
  }

  get(id: string): Entry | undefined {
    return this.entries.get(id);
  }

  /** A case the API just opened. */
  add(e: Omit<Entry, 'busy'>): Entry {
    const entry: Entry = { ...e, busy: false };
    this.entries.set(entry.id, entry);
    this.all.add(entry.id);
    if (!entry.timed) this.pools.get(entry.status)!.add(entry.id);
    return entry;
  }

  /**
   * Takes a random case in one of `statuses` that `fits` (tried on a few random members of each pool, the larger
   * pools first), out of its pool until release(). Undefined when none was found.
   */
  take(statuses: readonly CaseStatus[], fits: (e: Entry) => boolean = () => true): Entry | undefined {
    const pools = statuses.map((s) => this.pools.get(s)!).filter((p) => p.size > 0);
    const total = pools.reduce((n, p) => n + p.size, 0);
    if (total === 0) return undefined;
    for (let attempt = 0; attempt < 8; attempt++) {
      // A pool in proportion to its size: a uniform pick over the union.
      let r = this.random() * total;
      const pool = pools.find((p) => (r -= p.size) < 0) ?? pools[pools.length - 1]!;
      const id = pool.pick(this.random)!;
      const entry = this.entries.get(id)!;
      if (fits(entry)) {
        pool.remove(id);
        entry.busy = true;
        return entry;
      }
    }
    return undefined;
  }

  /** Takes that case (as take() does), unless it is busy or timed. */
  takeId(id: string): Entry | undefined {
    const entry = this.entries.get(id);
    if (!entry || entry.busy || entry.timed || !this.pools.get(entry.status)!.remove(id)) return undefined;
    entry.busy = true;
    return entry;
  }

  /** A random case for a read (busy or not, open or closed). */
  pickAny(): Entry | undefined {
    const id = this.all.pick(this.random);
    return id === undefined ? undefined : this.entries.get(id);
  }

  /** Ends an action on a taken case: its state as the API answered (a patch), back in the pool of its state. */
  release(entry: Entry, patch: Partial<Omit<Entry, 'id' | 'busy' | 'timed'>> = {}): void {
    Object.assign(entry, patch);
    entry.busy = false;
    if (!entry.timed) this.pools.get(entry.status)!.add(entry.id);
  }

  /** Cases by their state as the soak knows it. */
  counts(): Record<CaseStatus, number> {
    const out = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
    for (const e of this.entries.values()) out[e.status] += 1;
    return out;
  }

  openCount(): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.status !== 'closed') n += 1;
    return n;
  }

  /** Ids by state (for the checks against the record). */
  idsByStatus(): Map<CaseStatus, string[]> {
    return this.group((e) => e.status);
  }

  /** Ids grouped by a label of each case. */
  group<K>(label: (e: Entry) => K): Map<K, string[]> {
    const out = new Map<K, string[]>();
    for (const e of this.entries.values()) {
      const k = label(e);
      const list = out.get(k) ?? [];
      list.push(e.id);
      out.set(k, list);
    }
    return out;
  }

  timedIds(): string[] {
    return [...this.entries.values()].filter((e) => e.timed).map((e) => e.id);
  }
}

/** One of `weights`' keys, in proportion to its weight. */
export function weighted<K extends string>(weights: Readonly<Record<K, number>>, random: () => number): K {
  const keys = Object.keys(weights) as K[];
  const total = keys.reduce((n, k) => n + weights[k], 0);
  let r = random() * total;
  for (const k of keys) if ((r -= weights[k]) < 0) return k;
  return keys[keys.length - 1]!;
}

/** Exponential inter-arrival time (ms) of a Poisson process at `ratePerS`. */
export function nextArrivalMs(ratePerS: number, random: () => number): number {
  return (-Math.log(1 - random()) / ratePerS) * 1000;
}
