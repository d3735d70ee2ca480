/**
 * Latencies and outcomes per action, over the whole phase and over the current sampling interval (pure): the
 * sampler takes the interval's figures and starts a new one.
 */
import { percentiles } from '../load.js';

/** ok: the answer the action expects; conflict: a 409 (the case moved on: the soak re-reads it); error: anything else. */
export type Outcome = 'ok' | 'conflict' | 'error';

export interface ActionFigures {
  n: number;
  conflicts: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

interface Tally {
  ok: number[];
  conflicts: number;
  errors: number;
  firstError: string | null;
}

const tally = (): Tally => ({ ok: [], conflicts: 0, errors: 0, firstError: null });

function figures(t: Tally): ActionFigures {
  const p = percentiles(t.ok);
  return { n: t.ok.length, conflicts: t.conflicts, errors: t.errors, p50: p.p50, p95: p.p95, p99: p.p99, max: t.ok.length ? t.ok.reduce((a, b) => Math.max(a, b), 0) : Number.NaN };
}

/** Writes (actions that change a case, opens included) and reads, by the action's name. */
export class Recorder {
  private window = new Map<string, Tally>();
  private readonly whole = new Map<string, Tally>();
  private readonly reads: ReadonlySet<string>;

  constructor(reads: Iterable<string>) {
    this.reads = new Set(reads);
  }

  isRead(action: string): boolean {
    return this.reads.has(action);
  }

  record(action: string, ms: number, outcome: Outcome, error?: string): void {
    for (const map of [this.window, this.whole]) {
      let t = map.get(action);
      if (!t) map.set(action, (t = tally()));
      if (outcome === 'ok') t.ok.push(ms);
      else if (outcome === 'conflict') t.conflicts += 1;
      else {
        t.errors += 1;
        t.firstError ??= error ?? 'unknown error';
      }
    }
  }

  /** The interval's figures per action, and for all writes and all reads together; starts a new interval. */
  takeWindow(): { actions: Record<string, ActionFigures>; writes: ActionFigures; reads: ActionFigures } {
    const w = this.window;
    this.window = new Map();
    return summarise(w, this.reads);
  }

  /** The whole phase's figures (the first error of each action too). */
  total(): { actions: Record<string, ActionFigures & { firstError: string | null }>; writes: ActionFigures; reads: ActionFigures } {
    const s = summarise(this.whole, this.reads);
    return { ...s, actions: Object.fromEntries(Object.entries(s.actions).map(([k, f]) => [k, { ...f, firstError: this.whole.get(k)!.firstError }])) };
  }
}

function summarise(map: ReadonlyMap<string, Tally>, reads: ReadonlySet<string>) {
  const actions: Record<string, ActionFigures> = {};
  const all = { writes: tally(), reads: tally() };
  for (const [name, t] of [...map].sort(([a], [b]) => a.localeCompare(b))) {
    actions[name] = figures(t);
    const into = reads.has(name) ? all.reads : all.writes;
    for (const v of t.ok) into.ok.push(v);
    into.conflicts += t.conflicts;
    into.errors += t.errors;
  }
  return { actions, writes: figures(all.writes), reads: figures(all.reads) };
}
