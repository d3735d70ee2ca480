/**
 * Phase 2: open-loop load. Arrivals come as a Poisson process at the intake rate times the mix's total (every
 * action of bench/soak/actions.ts MIX per complaint received), each one an action drawn by its weight; it is sent
 * when it arrives, whether or not earlier ones have been answered (a desk does not wait for another desk), up to
 * --max-in-flight requests in flight: beyond that an arrival is counted as shed, never queued, so a slow system
 * shows as latency and shed arrivals, not as a gentler load.
 */
import { performance } from 'node:perf_hooks';
import { progress, sleep } from '../processes.js';
import { act, MIX, type ActContext, type MixAction } from './actions.js';
import { nextArrivalMs, weighted } from './ledger.js';

export interface Driven {
  seconds: number;
  /** Arrivals by action: sent, and with no case in a state that fits (skipped). */
  sent: Partial<Record<MixAction, number>>;
  skipped: Partial<Record<MixAction, number>>;
  shed: number;
  /** The highest number of requests in flight at once. */
  peakInFlight: number;
  /** Actions that threw (beyond what the recorder counts: a bug of the soak, not an answer of the API). */
  failures: number;
  firstFailure: string | null;
}

export const mixTotal = () => Object.values(MIX).reduce((a, b) => a + b, 0);

export async function drive(
  ctx: ActContext,
  o: { ratePerS: number; durationMs: number; maxInFlight: number; stopped: () => boolean; counters: { shed: number; skipped: number } },
): Promise<Driven> {
  const arrivalsPerS = o.ratePerS * mixTotal();
  const out: Driven = { seconds: 0, sent: {}, skipped: {}, shed: 0, peakInFlight: 0, failures: 0, firstFailure: null };
  const inFlight = new Set<Promise<void>>();
  const t0 = performance.now();
  let next = t0;
  while (!o.stopped()) {
    next += nextArrivalMs(arrivalsPerS, ctx.random);
    if (next - t0 >= o.durationMs) break;
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait);
    if (o.stopped()) break;
    const action = weighted(MIX, ctx.random);
    if (inFlight.size >= o.maxInFlight) {
      out.shed += 1;
      o.counters.shed += 1;
      continue;
    }
    out.sent[action] = (out.sent[action] ?? 0) + 1;
    const p: Promise<void> = act(ctx, action).then(
      (fitted) => {
        if (!fitted) {
          out.skipped[action] = (out.skipped[action] ?? 0) + 1;
          o.counters.skipped += 1;
        }
      },
      (err) => {
        out.failures += 1;
        out.firstFailure ??= err instanceof Error ? (err.stack ?? err.message) : String(err);
      },
    );
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    out.peakInFlight = Math.max(out.peakInFlight, inFlight.size);
  }
  progress(`phase 2: arrivals stopped; waiting for ${inFlight.size} requests in flight…`);
  await Promise.all(inFlight);
  out.seconds = (performance.now() - t0) / 1000;
  if (out.failures) progress(`phase 2: ${out.failures} actions failed in the soak itself (first: ${out.firstFailure})`);
  return out;
}
