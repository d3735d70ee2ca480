/**
 * The Temporal server split into its services — frontend, history, matching and worker, each its own process of
 * the same binary on PostgreSQL (runtime/temporal-ephemeral.ts, as `npm run temporal:split` runs them) — and the
 * history process is killed with SIGKILL at random moments while 100 cases move through their lifecycle, then
 * started again. History owns every workflow's state; a new history process takes the shards over from
 * PostgreSQL. Every case must reach its planned end, none lost, the record equal to the workflow.
 *
 * Runs in the production fault suite (HOTLINE_TOPOLOGY=production npm run test:faults) and needs the binaries
 * `npm run tools:install -- production` builds; otherwise it is reported as skipped, saying why.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startEphemeralTopology, type EphemeralTopology } from '../../runtime/temporal-ephemeral.js';
import { findProductionTools } from '../../runtime/tools.js';
import { complaint, expectRecordMatchesWorkflow } from '../support/cases.js';
import { drive, lastStep, openWithRetry, pool, type Plan } from '../support/driver.js';
import { startStack, type TestStack } from '../support/stack.js';

const CASES = Number(process.env.FAULT_CASES_HISTORY ?? 100);
const MIN_KILLS = 2;
const MAX_KILLS = 4;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const tools = await findProductionTools(process.env.HOTLINE_TOOLS_DIR ?? '.tools');
const topologyName = inject('temporalTopology');
const skipWhy =
  'missing' in tools
    ? `not built: ${tools.missing.join(', ')}; run \`npm run tools:install -- production\``
    : topologyName !== 'production'
      ? 'runs in the production fault suite: HOTLINE_TOPOLOGY=production npm run test:faults'
      : null;
const title = skipWhy ? `history service killed with SIGKILL — SKIPPED: ${skipWhy}` : 'history service killed with SIGKILL mid-lifecycle (split Temporal services on PostgreSQL)';
if (skipWhy) console.warn(`[history-kill] ${title}`);

describe.skipIf(skipWhy !== null)(title, () => {
  let topology: EphemeralTopology | undefined;
  let stack: TestStack | undefined;

  beforeAll(async () => {
    if ('missing' in tools) return;
    const t0 = Date.now();
    topology = await startEphemeralTopology({ tools, adminDatabaseUrl: inject('adminDatabaseUrl'), split: true });
    console.log(`[history-kill] split services up in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${topology.serverInstances().join(', ')} (databases ${topology.databases.temporal}, ${topology.databases.visibility})`);
    stack = await startStack({ name: 'fault_history_kill', temporalAddress: topology.address, temporalTls: topology.tls });
  });
  afterAll(async () => {
    await stack?.close();
    await topology?.dispose();
  });

  it(`brings all ${CASES} cases to their planned end with a record that agrees`, async () => {
    const t = topology!;
    const s = stack!;
    expect(t.serverInstances()).toEqual(['temporal-history', 'temporal-matching', 'temporal-frontend', 'temporal-worker']);
    const deadline = Date.now() + 360_000;
    const plans: Plan[] = Array.from({ length: CASES }, (_, i) => ({ callbacks: i % 4 === 0 ? ['unsatisfied', 'satisfied'] : ['satisfied'] }));
    let done = false;
    let closed = 0;
    const kills: Array<{ closed: number; downMs: number }> = [];
    const finished = new Set<string>();
    const progress = setInterval(() => console.log(`[history-kill] ${closed}/${CASES} closed, ${kills.length} kills`), 10_000);

    // Kills at random moments from the first open until 80% of the cases have closed (at least MIN_KILLS).
    const killer = (async () => {
      while (!done && kills.length < MAX_KILLS && (closed < CASES * 0.8 || kills.length < MIN_KILLS)) {
        await sleep(1_500 + Math.random() * 6_000);
        if (done) break;
        const pid = t.instance('temporal-history').process.pid;
        const at = closed;
        const down = Date.now();
        await t.stopInstance('temporal-history', 'SIGKILL');
        await sleep(500 + Math.random() * 2_500);
        await t.startInstance('temporal-history');
        kills.push({ closed: at, downMs: Date.now() - down });
        console.log(`[history-kill] killed history pid ${pid} with ${at}/${CASES} closed; new pid ${t.instance('temporal-history').process.pid}`);
      }
    })();

    let ids: string[];
    try {
      ids = await pool(plans, 25, async (plan, i) => {
        const id = await openWithRetry(s, complaint({ title: `历史服务故障 ${i}` }), `history-kill-${i}`, deadline);
        await drive(s, id, plan, deadline);
        finished.add(id);
        closed++;
        return id;
      });
    } catch (err) {
      const stalled = [...lastStep.entries()].filter(([id]) => !finished.has(id)).slice(0, 5);
      console.log(`[history-kill] unfinished: ${stalled.map(([id, step]) => `${id}: ${step}`).join('\n')}\nhistory log: ${t.instance('temporal-history').logFile}`);
      throw err;
    } finally {
      done = true;
      clearInterval(progress);
      await killer;
    }

    console.log(`[history-kill] killed history ${kills.length} times, at ${kills.map((k) => `${k.closed} closed (down ${(k.downMs / 1000).toFixed(1)} s)`).join(', ')}`);
    expect(kills.length).toBeGreaterThanOrEqual(MIN_KILLS);
    expect(t.processes.map((p) => p.exited())).toEqual(t.processes.map(() => null));
    expect(new Set(ids).size).toBe(CASES);
    for (const [i, id] of ids.entries()) {
      const view = await expectRecordMatchesWorkflow(s, id);
      expect(view.state).toMatchObject({ status: 'closed', outcome: 'resolved', round: plans[i]!.callbacks.length });
    }
  });
});
