/** Shutdown steps (runtime/bootstrap.ts, runSteps): in order, each bounded, so one that hangs cannot hold Ctrl-C. */
import { describe, expect, it } from 'vitest';
import { runSteps } from './bootstrap.js';

describe('runSteps', () => {
  it('runs the steps in order, leaves one that never settles after its timeout, and reports one that throws', async () => {
    const ran: string[] = [];
    const log: string[] = [];
    const t0 = Date.now();
    await runSteps(
      [
        ['worker', async () => void ran.push('worker')],
        ['stuck', () => new Promise(() => ran.push('stuck'))],
        ['broken', () => (ran.push('broken'), Promise.reject(new Error('connection reset')))],
        ['database', () => void ran.push('database')],
      ],
      (line) => log.push(line),
      200,
    );
    const ms = Date.now() - t0;
    expect(ran).toEqual(['worker', 'stuck', 'broken', 'database']);
    expect(ms).toBeGreaterThanOrEqual(190);
    expect(ms).toBeLessThan(1_000);
    expect(log).toEqual([
      '  stopping worker…',
      '  stopping stuck…',
      '  stuck did not stop within 0.2 s; going on',
      '  stopping broken…',
      '  broken did not stop cleanly: connection reset',
      '  stopping database…',
    ]);
  });

  it('gives a step its own bound when it names one', async () => {
    const log: string[] = [];
    let finished = false;
    await runSteps([['slow but legitimate', () => new Promise((r) => setTimeout(() => r((finished = true)), 300)), 2_000]], (line) => log.push(line), 100);
    expect(finished).toBe(true);
    expect(log).toEqual(['  stopping slow but legitimate…']);
  });
});
