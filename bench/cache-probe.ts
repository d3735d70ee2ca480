/**
 * What one cached case costs the worker, and where: the case worker runs in this process (workflows on the main
 * thread, `debugMode`, so one heap holds them), the API as a child; cases are opened and dispatched through the API
 * in steps, and after each step the heap (after a full GC) and RSS are sampled; `--snapshot` writes a heap snapshot
 * at each step for a closer look. Run: `node --expose-gc --import tsx bench/cache-probe.ts [--steps 50,300,600] [--cache N] [--snapshot]`.
 */
import { writeHeapSnapshot, getHeapStatistics } from 'node:v8';
import path from 'node:path';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createActivities } from '../activities/case.activities.js';
import { workerDataConverter } from '../platform/action-assertion.js';
import { benchComplaint } from './fixtures.js';
import { httpClient } from './load.js';
import { freePort, progress, runBench, spawnNodeEntry, waitForHttp } from './processes.js';
import { apiEnv, BenchRun, NAMESPACE, person, startBenchEnv } from './stack.js';

const args = process.argv.slice(2);
const stepsArg = args.indexOf('--steps');
const STEPS = (stepsArg >= 0 ? args[stepsArg + 1]! : '50,300,600').split(',').map(Number);
const SNAPSHOT = args.includes('--snapshot');
const cacheArg = args.indexOf('--cache');
/** The sticky cache's size (default: every case stays cached, to measure what one costs). */
const CACHE = cacheArg >= 0 ? Number(args[cacheArg + 1]) : 100_000;
const run = new BenchRun(args.includes('--keep'));

async function main(): Promise<void> {
  if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const env = await startBenchEnv(run, { name: 'cache-probe', topology: 'dev' });
  const taskQueue = `cache-probe-${run.id}`;
  const connection = await NativeConnection.connect({ address: env.address });
  run.cleanup.add('worker connection', () => connection.close());
  const worker = await Worker.create({
    connection,
    namespace: NAMESPACE,
    taskQueue,
    activities: createActivities({ db: env.database.db }),
    dataConverter: workerDataConverter([run.payloadKey], [run.actionKey]),
    workflowBundle: { codePath: env.bundlePath },
    maxCachedWorkflows: CACHE,
    debugMode: true,
  });
  const running = worker.run();
  run.cleanup.add('worker', async () => (worker.shutdown(), await running));
  const port = await freePort();
  const api = spawnNodeEntry('api', 'runtime/api.ts', apiEnv(run, env, taskQueue, port), env.logDir);
  run.cleanup.add('API', () => api.stop());
  await waitForHttp(`http://127.0.0.1:${port}/readyz`, 60_000, () => api.assertAlive());
  const http = httpClient(`http://127.0.0.1:${port}`);
  const intake = run.bearer('intake_agent');
  const dispatcher = run.bearer('dispatcher');

  const sample = async (open: number) => {
    await new Promise((r) => setTimeout(r, 3_000));
    globalThis.gc!();
    globalThis.gc!();
    const m = process.memoryUsage();
    const h = getHeapStatistics();
    const s = { open, cached: worker.getStatus().numCachedWorkflows, heapUsedMiB: m.heapUsed / 2 ** 20, externalMiB: m.external / 2 ** 20, rssMiB: m.rss / 2 ** 20, contexts: h.number_of_native_contexts };
    progress(`open ${open}: cached ${s.cached}, heap used ${s.heapUsedMiB.toFixed(1)} MiB, external ${s.externalMiB.toFixed(1)} MiB, RSS ${s.rssMiB.toFixed(1)} MiB, native contexts ${s.contexts}`);
    if (SNAPSHOT) progress(`heap snapshot: ${writeHeapSnapshot(path.join(env.logDir, `probe-${open}.heapsnapshot`))}`);
    return s;
  };
  const samples = [await sample(0)];
  let n = 0;
  for (const target of STEPS) {
    while (n < target) {
      const batch = Array.from({ length: Math.min(16, target - n) }, () => n++);
      await Promise.all(
        batch.map(async (i) => {
          const c = await http.post<{ id: string }>('/v1/cases', benchComplaint(i), { ...intake, 'idempotency-key': `probe-${run.id}-${i}` }, [201]);
          await http.post(`/v1/cases/${c.id}/dispatch`, { unitId: person('unit_handler').unit! }, dispatcher, [200]);
        }),
      );
    }
    samples.push(await sample(n));
  }
  const [first, ...rest] = samples.slice(1);
  for (const s of rest) {
    const d = s.open - first!.open;
    progress(
      `per case between ${first!.open} and ${s.open}: heap ${(((s.heapUsedMiB - first!.heapUsedMiB) * 1024) / d).toFixed(1)} KiB, external ${(((s.externalMiB - first!.externalMiB) * 1024) / d).toFixed(1)} KiB, RSS ${(((s.rssMiB - first!.rssMiB) * 1024) / d).toFixed(1)} KiB`,
    );
  }
  if (SNAPSHOT) progress(`snapshots kept in ${env.logDir} (run with --keep to keep them)`);
}

runBench(main, run.cleanup, run.state);
